package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// PlanWords is what a plan's text needs beyond the postings.
type PlanWords struct {
	Noun      string                      // "target postings" or "open postings"
	Relatives func(skill string) []string // the profile's close relatives of a skill; nil = unknown
	Broader   func(skill string) []string // the broader skills of a skill (learning it meets them)
}

// Plan is the order in which to learn a few skills so that together they meet every
// requirement of as many postings as possible, with what each step unlocks.
type Plan struct {
	Steps    []matcher.PlanStep
	Postings int // the postings planned over
	Start    int // of them, those whose every requirement is met today

	words  PlanWords
	titles map[int64]string // "Company Title" of each posting, by id
}

// NewPlan plans n skills over items.
func NewPlan(items []matcher.Scored, n int, w PlanWords) *Plan {
	p := &Plan{
		Steps:    matcher.ExplainPlan(items, matcher.BestPlan(items, n, w.Broader), w.Broader),
		Postings: len(items),
		Start:    Complete(items),
		words:    w,
		titles:   make(map[int64]string, len(items)),
	}
	for _, it := range items {
		p.titles[it.Posting.ID] = oneLine(jobs.DisplayCompany(it.Posting.Company)) + " " + oneLine(it.Posting.Title)
	}
	return p
}

// Complete counts the postings whose every requirement is met.
func Complete(items []matcher.Scored) int {
	n := 0
	for _, it := range items {
		if len(it.Match.Missing) == 0 {
			n++
		}
	}
	return n
}

// relatives are the profile's close relatives of skill, nil when they are unknown.
func (p *Plan) relatives(skill string) []string {
	if p.words.Relatives == nil {
		return nil
	}
	return p.words.Relatives(skill)
}

// PlanJSON is `gaps --plan N --json` (docs/cli.md): the contract's fields, and more.
type PlanJSON struct {
	Plan           []PlanStepJSON `json:"plan"`
	TargetPostings int            `json:"target_postings"`
}

// PlanStepJSON is one step of PlanJSON.
type PlanStepJSON struct {
	Skill      string   `json:"skill"`
	Unlocks    int      `json:"unlocks"`
	Cumulative int      `json:"cumulative"`
	Required   int      `json:"required"`  // target postings that require it
	Preferred  int      `json:"preferred"` // target postings that prefer it
	Partial    bool     `json:"partial"`   // you have a close relative of it
	Relatives  []string `json:"relatives,omitempty"`
	Completes  []string `json:"completes"` // ids of the postings this step completes
}

// JSON is the plan as `gaps --plan N --json` prints it.
func (p *Plan) JSON() PlanJSON {
	out := PlanJSON{Plan: make([]PlanStepJSON, len(p.Steps)), TargetPostings: p.Postings}
	for i, s := range p.Steps {
		j := PlanStepJSON{Skill: s.Skill, Unlocks: s.Unlocks, Cumulative: s.Cumulative, Required: s.Required,
			Preferred: s.Preferred, Partial: s.Partial, Completes: []string{}}
		if s.Partial {
			j.Relatives = p.relatives(s.Skill)
		}
		for _, id := range s.Postings {
			j.Completes = append(j.Completes, strconv.FormatInt(id, 10))
		}
		out.Plan[i] = j
	}
	return out
}

// Opening says how many postings are complete before the plan starts.
func (p *Plan) Opening() string {
	return fmt.Sprintf("You meet every requirement of %d of your %d %s today.", p.Start, p.Postings, p.words.Noun)
}

// StepName is a step's skill as the plan's table shows it, marked when it is partial.
func StepName(s matcher.PlanStep) string {
	if s.Partial {
		return s.Skill + " (partial)"
	}
	return s.Skill
}

// Summary is the plan in one sentence: "Learn Docker and Airflow: with them, 14 more of
// your 40 target postings would have every requirement met."
func (p *Plan) Summary() string {
	names := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		names[i] = s.Skill
	}
	more := 0
	if len(p.Steps) > 0 {
		more = p.Steps[len(p.Steps)-1].Cumulative - p.Start
	}
	pronoun := "them"
	if len(names) == 1 {
		pronoun = "it"
	}
	if more == 0 {
		return fmt.Sprintf("Learn %s: no more of your %d %s would be fully covered yet, but each step below brings some closer.",
			joinAnd(names), p.Postings, p.words.Noun)
	}
	return fmt.Sprintf("Learn %s: with %s, %d more of your %d %s would have every requirement met.",
		joinAnd(names), pronoun, more, p.Postings, p.words.Noun)
}

// StepSentence says what step i does, naming up to two of the postings it completes.
func (p *Plan) StepSentence(i int) string {
	s := p.Steps[i]
	relatives := p.relatives(s.Skill)
	noun := p.words.Noun
	var b strings.Builder
	b.WriteString(s.Skill)
	switch {
	case s.Partial && len(relatives) > 0:
		fmt.Fprintf(&b, " (partial: you know %s, a close relative)", joinAnd(relatives))
	case s.Partial:
		b.WriteString(" (partial: you know a close relative)")
	}
	fmt.Fprintf(&b, ": %d of your %s require%s it", s.Required, noun, plural(s.Required, "s", ""))
	if s.Preferred > 0 {
		fmt.Fprintf(&b, " and %d prefer%s it", s.Preferred, plural(s.Preferred, "s", ""))
	}
	b.WriteString(". ")
	if s.Unlocks == 0 {
		fmt.Fprintf(&b, "On its own it completes none yet; it brings %s closer (each still misses another skill).",
			CountOf(s.Closer, "posting", "postings"))
		return b.String()
	}
	ex := examples(s.Postings, p.titles)
	fmt.Fprintf(&b, "Learning it completes %s: %s", CountOf(s.Unlocks, "posting", "postings"), strings.Join(ex, "; "))
	if more := s.Unlocks - len(ex); more > 0 {
		fmt.Fprintf(&b, "; and %d more", more)
	}
	b.WriteString(".")
	if s.Closer > 0 {
		fmt.Fprintf(&b, " It also brings %s closer.", CountOf(s.Closer, "other posting", "other postings"))
	}
	return b.String()
}

// examples names the first two of the postings ids as "#12 Company Title", titles giving
// each posting's company and title.
func examples(ids []int64, titles map[int64]string) []string {
	var ex []string
	for _, id := range ids {
		if len(ex) == 2 {
			break
		}
		ex = append(ex, fmt.Sprintf("#%d %s", id, titles[id]))
	}
	return ex
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// joinAnd lists s as "a, b and c".
func joinAnd(s []string) string { return joinList(s, " and ") }
