package matcher

// A learning plan is a maximum-coverage choice: n skills such that as many postings as
// possible have every requirement met (a requirement is a group of alternatives; any one
// member meets it). Greedy is the classic answer; a look-ahead over
// pairs of skills finds plans greedy misses, where no single skill completes a posting but a
// pair completes many. BestPlan runs both and keeps the plan that covers more, so a plan never
// covers fewer postings than plain greedy.

// planState is what is left to learn: each posting's unmet required groups. Learning a skill
// meets every group that names it or a broader skill of it (Spring Boot meets "Java").
type planState struct {
	items     []Scored
	missing   [][][]string // per posting, its unmet groups
	done      int          // postings with nothing missing
	preferred map[string]int
	broader   func(string) []string
	implied   map[string][]string // a skill and its broader skills, looked up once
}

func newPlanState(items []Scored, broader func(string) []string) *planState {
	st := &planState{items: items, missing: make([][][]string, len(items)), preferred: map[string]int{},
		broader: broader, implied: map[string][]string{}}
	for i, it := range items {
		unmet := it.Match.UnmetGroups()
		st.missing[i] = append([][]string(nil), unmet...)
		if len(unmet) == 0 {
			st.done++
		}
		for _, s := range it.Match.MissingPreferred {
			st.preferred[s]++
		}
	}
	return st
}

// meets reports whether learning skill meets group g.
func (st *planState) meets(skill string, g []string) bool {
	imp, ok := st.implied[skill]
	if !ok {
		imp = []string{skill}
		if st.broader != nil {
			imp = append(imp, st.broader(skill)...)
		}
		st.implied[skill] = imp
	}
	for _, s := range imp {
		for _, m := range g {
			if s == m {
				return true
			}
		}
	}
	return false
}

// candidates appends to out the distinct members of a posting's unmet groups.
func candidates(out []string, groups [][]string) []string {
	for _, g := range groups {
		for _, s := range g {
			dup := false
			for _, o := range out {
				dup = dup || o == s
			}
			if !dup {
				out = append(out, s)
			}
		}
	}
	return out
}

// counts returns, for every skill of an unmet group somewhere, how many postings it would
// complete on its own and how many postings require it (once a posting).
func (st *planState) counts() (completes, requires map[string]int) {
	completes, requires = map[string]int{}, map[string]int{}
	var buf []string // one posting's candidates, reused
	for _, groups := range st.missing {
		if len(groups) == 0 {
			continue
		}
		buf = candidates(buf[:0], groups)
		for _, s := range buf {
			requires[s]++
			all := true
			for _, g := range groups {
				if !st.meets(s, g) {
					all = false
					break
				}
			}
			if all {
				completes[s]++
			}
		}
	}
	return completes, requires
}

// learn meets with skill every group it meets and returns the step, with the postings it
// completes.
func (st *planState) learn(skill string) Step {
	step := Step{Skill: skill}
	for i, groups := range st.missing {
		if len(groups) == 0 {
			continue
		}
		left := groups[:0]
		for _, g := range groups {
			if !st.meets(skill, g) {
				left = append(left, g)
			}
		}
		st.missing[i] = left
		if len(left) == 0 {
			step.Unlocks++
			if p := st.items[i].Posting; p != nil {
				step.Postings = append(step.Postings, p.ID)
			}
		}
	}
	st.done += step.Unlocks
	step.Cumulative = st.done
	return step
}

// GreedyPlan is the plain greedy plan: at each step the skill that completes the most
// postings, ties broken by how many postings require it, then by name. It stops early when
// nothing is left to learn.
func GreedyPlan(items []Scored, n int, broader func(string) []string) []Step {
	st := newPlanState(items, broader)
	var steps []Step
	for len(steps) < n {
		completes, requires := st.counts()
		if len(requires) == 0 {
			break
		}
		best := ""
		for s := range requires {
			if best == "" || greedyBetter(s, best, completes, requires) {
				best = s
			}
		}
		steps = append(steps, st.learn(best))
	}
	return steps
}

func greedyBetter(a, b string, completes, requires map[string]int) bool {
	if completes[a] != completes[b] {
		return completes[a] > completes[b]
	}
	if requires[a] != requires[b] {
		return requires[a] > requires[b]
	}
	return a < b
}

// lookaheadPlan chooses each skill by what it and the best skill after it complete together
// (while two or more steps remain), then by what it completes alone, then by how many
// postings require it, how many prefer it, and its name.
func lookaheadPlan(items []Scored, n int, broader func(string) []string) []Step {
	st := newPlanState(items, broader)
	var steps []Step
	for len(steps) < n {
		completes, requires := st.counts()
		if len(requires) == 0 {
			break
		}
		var two map[string]int
		if n-len(steps) >= 2 {
			two = st.twoStep(completes, requires)
		}
		best := ""
		for s := range requires {
			if best == "" || lookaheadBetter(s, best, two, completes, requires, st.preferred) {
				best = s
			}
		}
		steps = append(steps, st.learn(best))
	}
	return steps
}

// twoStep returns, per skill s, how many postings s and the best second skill t complete
// together: those s or t completes alone, and those with two unmet groups that s and t
// meet between them.
func (st *planState) twoStep(completes, requires map[string]int) map[string]int {
	pairs := map[string]map[string]int{}
	for _, groups := range st.missing {
		if len(groups) != 2 {
			continue
		}
		seen := map[[2]string]bool{}
		for _, a := range groups[0] {
			for _, b := range groups[1] {
				if a == b {
					continue
				}
				for _, ab := range [...][2]string{{a, b}, {b, a}} {
					if seen[ab] {
						continue
					}
					seen[ab] = true
					if pairs[ab[0]] == nil {
						pairs[ab[0]] = map[string]int{}
					}
					pairs[ab[0]][ab[1]]++
				}
			}
		}
	}
	// The two skills completing the most on their own: the best partner of s that shares no
	// posting with it is the first of them that is not s.
	var top [2]string
	for s := range requires {
		switch {
		case top[0] == "" || completes[s] > completes[top[0]] || completes[s] == completes[top[0]] && s < top[0]:
			top[1], top[0] = top[0], s
		case top[1] == "" || completes[s] > completes[top[1]] || completes[s] == completes[top[1]] && s < top[1]:
			top[1] = s
		}
	}
	out := make(map[string]int, len(requires))
	for s := range requires {
		second := 0
		if top[0] != s && top[0] != "" {
			second = completes[top[0]]
		} else if top[1] != "" {
			second = completes[top[1]]
		}
		for t, n := range pairs[s] {
			if v := completes[t] + n; v > second {
				second = v
			}
		}
		out[s] = completes[s] + second
	}
	return out
}

func lookaheadBetter(a, b string, two, completes, requires, preferred map[string]int) bool {
	if two != nil && two[a] != two[b] {
		return two[a] > two[b]
	}
	if completes[a] != completes[b] {
		return completes[a] > completes[b]
	}
	if requires[a] != requires[b] {
		return requires[a] > requires[b]
	}
	if preferred[a] != preferred[b] {
		return preferred[a] > preferred[b]
	}
	return a < b
}

// BestPlan picks up to n skills to learn, in order, so that as many postings as possible
// have every required skill covered. It runs the look-ahead plan and the plain greedy plan
// (GreedyPlan) and returns the one covering more postings after its last step; on a tie, the
// one that covers more sooner (the larger sum of cumulative counts), then the look-ahead
// plan. So it never covers fewer postings than plain greedy.
//
// broader names the broader skills of a skill (Dictionary.Broader), so that learning a skill
// meets a group naming a broader one; nil meets only groups naming the skill itself.
func BestPlan(items []Scored, n int, broader func(string) []string) []Step {
	look, greedy := lookaheadPlan(items, n, broader), GreedyPlan(items, n, broader)
	if planCoverage(greedy) > planCoverage(look) ||
		planCoverage(greedy) == planCoverage(look) && planArea(greedy) > planArea(look) {
		return greedy
	}
	return look
}

// coverage is how many postings a plan covers after its last step.
func planCoverage(steps []Step) int {
	if len(steps) == 0 {
		return 0
	}
	return steps[len(steps)-1].Cumulative
}

func planArea(steps []Step) int {
	n := 0
	for _, s := range steps {
		n += s.Cumulative
	}
	return n
}

// PlanStep is a step of a plan with what a student needs to act on it.
type PlanStep struct {
	Step
	// Partial is set when the profile has a close relative of the skill (half credit in
	// scores): learning it builds on something known.
	Partial   bool
	Required  int // postings that require the skill, while the profile lacks it
	Preferred int // postings that prefer it
	// Closer counts the postings that require the skill and still miss other skills after
	// this step: it brings them closer without completing them yet.
	Closer int
}

// ExplainPlan describes each step of a plan made over items.
func ExplainPlan(items []Scored, steps []Step, broader func(string) []string) []PlanStep {
	st := newPlanState(items, broader)
	_, requires := st.counts()
	partial := map[string]bool{}
	for _, it := range items {
		for _, s := range it.Match.Partial {
			partial[s] = true
		}
	}
	out := make([]PlanStep, len(steps))
	for k, s := range steps {
		ps := PlanStep{Step: s, Partial: partial[s.Skill], Required: requires[s.Skill], Preferred: st.preferred[s.Skill]}
		needing := make([]int, 0)
		for i, groups := range st.missing {
			for _, g := range groups {
				if st.meets(s.Skill, g) {
					needing = append(needing, i)
					break
				}
			}
		}
		st.learn(s.Skill)
		for _, i := range needing {
			if len(st.missing[i]) > 0 {
				ps.Closer++
			}
		}
		out[k] = ps
	}
	return out
}

// CloseRelatives returns the profile's skills that are close relatives of a canonical skill
// the profile lacks, in the profile's order: a skill it is a kind of (Spring for Spring Boot)
// and skills sharing a nearest broader concept with it (MySQL for PostgreSQL). These are the
// relatives that earn partial credit in a score.
func (d *Dictionary) CloseRelatives(p *Profile, skill string) []string {
	c, ok := d.Concept(skill)
	if !ok || p == nil {
		return nil
	}
	parents := map[string]bool{}
	for _, b := range c.Broader {
		if name, ok := d.Canonical(b); ok {
			parents[name] = true
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, s := range p.Skills {
		if seen[s] || s == c.Name {
			continue
		}
		related := parents[s]
		if pc, ok := d.Concept(s); ok && !related {
			for _, b := range pc.Broader {
				if name, ok := d.Canonical(b); ok && parents[name] {
					related = true
					break
				}
			}
		}
		if related {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
