package report

import (
	"fmt"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// Gaps is the gaps report of the selected postings: the skills they ask for that the profile
// lacks, the one that completes most postings first, and the sentences around its table.
type Gaps struct {
	Skills   []matcher.Gap // never nil: its JSON is [] when nothing is missing
	Postings int           // the postings read
	Complete int           // those whose every requirement is met
	items    []matcher.Scored
	titles   map[int64]string // "Company Title" by posting, made when an example is first named
}

// NewGaps counts the gaps of items, each group of alternatives once per posting.
func NewGaps(items []matcher.Scored) *Gaps {
	g := &Gaps{Skills: matcher.Gaps(items), Postings: len(items), Complete: Complete(items), items: items}
	if g.Skills == nil {
		g.Skills = []matcher.Gap{}
	}
	return g
}

// Top is the first n gaps.
func (g *Gaps) Top(n int) []matcher.Gap { return g.Skills[:min(n, len(g.Skills))] }

// Examples names the first two postings a gap would help, as "#12 Company Title".
func (g *Gaps) Examples(gap matcher.Gap) []string {
	if g.titles == nil {
		g.titles = make(map[int64]string, len(g.items))
		for _, it := range g.items {
			g.titles[it.Posting.ID] = jobs.DisplayCompany(it.Posting.Company) + " " + it.Posting.Title
		}
	}
	return examples(gap.Examples, g.titles)
}

// Opening is the line above the gaps table: how many of the postings are complete.
func (g *Gaps) Opening(noun string) string {
	return fmt.Sprintf("Of your %d %s, you meet every requirement of %d.", g.Postings, noun, g.Complete)
}

// NextSkill is the advice under the gaps table, from the top gap: the skill to learn next
// and what it completes, or, when no single skill completes a posting, the one asked for
// most. It is empty when nothing is missing.
func (g *Gaps) NextSkill(noun string) string {
	if len(g.Skills) == 0 {
		return ""
	}
	top := g.Skills[0]
	if top.Unlocks > 0 {
		return fmt.Sprintf("Learn %s next: with it, %d more of your %d %s would have every requirement met.",
			top.Skill, top.Unlocks, g.Postings, noun)
	}
	return fmt.Sprintf("No single skill completes a posting yet; %s is asked for most (%d postings). Try 'jobs gaps --plan 3'.",
		top.Skill, top.Required)
}
