package matcher

import (
	"sort"

	"github.com/jobs-cli/jobs"
)

// Scored is a posting with its match against the profile.
type Scored struct {
	Posting *jobs.Posting
	Match   jobs.Match
}

// Gap is one skill the profile lacks, and what learning it would change.
type Gap struct {
	Skill     string  `json:"skill"`
	Required  int     `json:"required"`  // postings that require it
	Preferred int     `json:"preferred"` // postings that prefer it
	Unlocks   int     `json:"unlocks"`   // postings whose only missing required skill it is
	Partial   bool    `json:"partial"`   // the profile has a close relative of it
	Examples  []int64 `json:"-"`         // ids of postings it unlocks, else that require it
}

// Gaps ranks the skills missing from a set of scored postings: most postings unlocked first,
// then most postings requiring it, then most preferring it.
func Gaps(items []Scored) []Gap {
	by := map[string]*Gap{}
	get := func(s string) *Gap {
		g := by[s]
		if g == nil {
			g = &Gap{Skill: s}
			by[s] = g
		}
		return g
	}
	for _, it := range items {
		partial := map[string]bool{}
		for _, s := range it.Match.Partial {
			partial[s] = true
		}
		for _, s := range it.Match.Missing {
			g := get(s)
			g.Required++
			g.Partial = g.Partial || partial[s]
		}
		for _, s := range it.Match.MissingPreferred {
			get(s).Preferred++
		}
		if len(it.Match.Missing) == 1 {
			g := get(it.Match.Missing[0])
			g.Unlocks++
			if it.Posting != nil {
				g.Examples = append(g.Examples, it.Posting.ID)
			}
		}
	}
	for _, it := range items {
		if len(it.Match.Missing) > 1 && it.Posting != nil {
			for _, s := range it.Match.Missing {
				if g := by[s]; len(g.Examples) < 3 {
					g.Examples = append(g.Examples, it.Posting.ID)
				}
			}
		}
	}
	out := make([]Gap, 0, len(by))
	for _, g := range by {
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Unlocks != b.Unlocks {
			return a.Unlocks > b.Unlocks
		}
		if a.Required != b.Required {
			return a.Required > b.Required
		}
		if a.Preferred != b.Preferred {
			return a.Preferred > b.Preferred
		}
		return a.Skill < b.Skill
	})
	return out
}

// Step is one skill of a learning plan.
type Step struct {
	Skill      string  `json:"skill"`
	Unlocks    int     `json:"unlocks"`    // postings this step completes
	Cumulative int     `json:"cumulative"` // postings fully covered after this step and those before
	Postings   []int64 `json:"-"`          // the postings this step completes
}

// Plan picks up to n skills to learn, in order, so that as many postings as possible have
// every required skill covered: at each step the skill that completes the most postings, ties
// broken by how many postings require it, then by name. When no single skill completes a
// posting, it looks one step ahead and starts the pair that completes the most.
func Plan(items []Scored, n int) []Step {
	missing := make([]map[string]bool, len(items))
	done := 0
	for i, it := range items {
		missing[i] = map[string]bool{}
		for _, s := range it.Match.Missing {
			missing[i][s] = true
		}
		if len(missing[i]) == 0 {
			done++
		}
	}
	var steps []Step
	for len(steps) < n {
		completes := map[string]int{}
		requires := map[string]int{}
		for _, m := range missing {
			for s := range m {
				requires[s]++
				if len(m) == 1 {
					completes[s]++
				}
			}
		}
		if len(requires) == 0 {
			break
		}
		best := ""
		for s := range requires {
			if best == "" || better(s, best, completes, requires) {
				best = s
			}
		}
		if completes[best] == 0 {
			best = bestPairStart(missing, requires)
		}
		step := Step{Skill: best}
		for i, m := range missing {
			if m[best] {
				delete(m, best)
				if len(m) == 0 {
					step.Unlocks++
					if items[i].Posting != nil {
						step.Postings = append(step.Postings, items[i].Posting.ID)
					}
				}
			}
		}
		done += step.Unlocks
		step.Cumulative = done
		steps = append(steps, step)
	}
	return steps
}

func better(a, b string, completes, requires map[string]int) bool {
	if completes[a] != completes[b] {
		return completes[a] > completes[b]
	}
	if requires[a] != requires[b] {
		return requires[a] > requires[b]
	}
	return a < b
}

// bestPairStart returns the first skill of the pair of skills that together complete the most
// postings missing exactly two skills (ties: the skill required most, then by name).
func bestPairStart(missing []map[string]bool, requires map[string]int) string {
	pairs := map[[2]string]int{}
	for _, m := range missing {
		if len(m) != 2 {
			continue
		}
		var k [2]string
		i := 0
		for s := range m {
			k[i] = s
			i++
		}
		if k[0] > k[1] {
			k[0], k[1] = k[1], k[0]
		}
		pairs[k]++
	}
	var best [2]string
	bestN := 0
	for k, c := range pairs {
		if c > bestN || c == bestN && k[0]+"\x00"+k[1] < best[0]+"\x00"+best[1] {
			best, bestN = k, c
		}
	}
	if bestN == 0 {
		top := ""
		for s := range requires {
			if top == "" || requires[s] > requires[top] || requires[s] == requires[top] && s < top {
				top = s
			}
		}
		return top
	}
	a, b := best[0], best[1]
	if requires[b] > requires[a] {
		return b
	}
	return a
}
