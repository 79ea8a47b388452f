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
	Unlocks   int     `json:"unlocks"`   // postings whose one unmet requirement it would meet
	Partial   bool    `json:"partial"`   // the profile has a close relative of it
	Examples  []int64 `json:"-"`         // ids of postings it unlocks, else that require it
}

// Gaps ranks the skills missing from a set of scored postings: most postings unlocked first,
// then most postings requiring it, then most preferring it. A skill counts once per posting;
// a posting with one unmet requirement left is unlocked by any of its alternatives.
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
		// One unmet requirement left: learning any of its alternatives completes the posting.
		if unmet := it.Match.UnmetGroups(); len(unmet) == 1 {
			for _, s := range unmet[0] {
				g := get(s)
				g.Unlocks++
				if it.Posting != nil {
					g.Examples = append(g.Examples, it.Posting.ID)
				}
			}
		}
	}
	for _, it := range items {
		if len(it.Match.UnmetGroups()) > 1 && it.Posting != nil {
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
