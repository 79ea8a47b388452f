package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/internal/tableprinter"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/report"
	"github.com/jobs-cli/jobs/target"
)

type gapsOptions struct {
	f        *Factory
	JSON     bool
	Top      int
	Plan     int
	Newcomer bool
	Company  string
	Verbose  bool
}

func newGapsCmd(f *Factory, runF func(*gapsOptions) error) *cobra.Command {
	opts := &gapsOptions{f: f}
	cmd := &cobra.Command{
		Use:   "gaps",
		Short: "The few skills to learn next, and how many postings each unlocks",
		Long: `Rank the skills your profile lacks by how many target postings each would unlock: a
posting is unlocked when the skill meets the one requirement you still miss. A requirement
is a group of alternatives ("Python 또는 R" is met by either): a skill in a group you already
meet is never a gap, and majors named in degree lines are not skills. Counts of postings
requiring and preferring each skill break ties. Works on the same postings as 'jobs list':
the open postings that pass the config's targets.

With --plan N, choose N skills to learn in order, so that together they meet every
requirement of as many target postings as possible, and say what each step unlocks.
A skill marked partial is one you have a close relative of (Spring Boot when you know
Spring): you build on what you know.

Piped, gaps prints tab-separated lines with no header: skill, unlocks (postings whose one
unmet requirement it meets), required (postings with an unmet requirement naming it),
preferred (the same for preferred requirements). gaps --plan prints: skill, completes (postings this step
completes), covered (postings complete after this step, cumulative), required, partial
(true when you know a close relative).`,
		Example: `  jobs gaps
  jobs gaps --newcomer --top 5
  jobs gaps --plan 3
  jobs gaps --json`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Top < 1 {
				return &usageError{cmd: cmd, err: fmt.Errorf("--top must be 1 or more")}
			}
			if cmd.Flags().Changed("plan") && opts.Plan < 1 {
				return &usageError{cmd: cmd, err: fmt.Errorf("--plan must be 1 or more")}
			}
			if runF != nil {
				return runF(opts)
			}
			return gapsRun(cmd, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&opts.Top, "top", 10, "how many skills the report shows")
	cmd.Flags().IntVar(&opts.Plan, "plan", 0, "plan this many skills to learn, in order")
	cmd.Flags().BoolVar(&opts.Newcomer, "newcomer", false, "only postings open to new graduates (신입)")
	cmd.Flags().StringVar(&opts.Company, "company", "", "only companies whose name contains this")
	cmd.Flags().BoolVar(&opts.Verbose, "verbose", false, "print each posting the targets leave out, and why, on stderr")
	return cmd
}

func gapsRun(cmd *cobra.Command, opts *gapsOptions) error {
	f := opts.f
	items, left, err := targetPostings(cmd.Context(), f, target.Selection{Newcomer: opts.Newcomer, Company: opts.Company})
	if err != nil {
		return err
	}
	if opts.Verbose {
		printExclusions(f.IO, left, len(items))
	}
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	noun := "open postings"
	if cfg.TargetRules().Any() {
		noun = "target postings"
	}
	if opts.Plan > 0 {
		d, err := f.Dictionary()
		if err != nil {
			return err
		}
		prof, err := f.Profile()
		if err != nil {
			return err
		}
		return writePlan(f.IO, items, opts.Plan, opts.JSON, planWords{
			noun:      noun,
			relatives: func(skill string) []string { return d.CloseRelatives(prof, skill) },
			broader:   d.Broader,
		})
	}
	gaps := matcher.Gaps(items)
	if opts.JSON {
		if gaps == nil {
			gaps = []matcher.Gap{}
		}
		return jsonout.Write(f.IO.Out, gaps)
	}
	if len(items) == 0 {
		fmt.Fprintln(f.IO.ErrOut, "No open postings to learn from. Run 'jobs scrape' first.")
		return nil
	}
	titles := map[int64]string{}
	for _, it := range items {
		titles[it.Posting.ID] = jobs.DisplayCompany(it.Posting.Company) + " " + it.Posting.Title
	}
	shown := gaps
	if len(shown) > opts.Top {
		shown = shown[:opts.Top]
	}
	if !f.IO.OutTTY {
		t := newTable(f.IO)
		for _, g := range shown {
			t.Row(g.Skill, strconv.Itoa(g.Unlocks), strconv.Itoa(g.Required), strconv.Itoa(g.Preferred))
		}
		return t.Render()
	}
	complete := 0
	for _, it := range items {
		if len(it.Match.Missing) == 0 {
			complete++
		}
	}
	fmt.Fprintf(f.IO.Out, "Of your %d %s, you meet every requirement of %d.\n\n", len(items), noun, complete)
	if len(shown) == 0 {
		fmt.Fprintln(f.IO.Out, "You miss no required or preferred skill of these postings.")
		return nil
	}
	t := newTable(f.IO, "SKILL", "UNLOCKS", "REQUIRED", "PREFERRED", "FOR EXAMPLE").Flex(4)
	for _, g := range shown {
		name := g.Skill
		if g.Partial {
			name += " (partial)"
		}
		var ex []string
		for _, id := range g.Examples {
			if len(ex) == 2 {
				break
			}
			ex = append(ex, fmt.Sprintf("#%d %s", id, titles[id]))
		}
		t.Row(name, strconv.Itoa(g.Unlocks), strconv.Itoa(g.Required), strconv.Itoa(g.Preferred), strings.Join(ex, "; "))
	}
	if err := t.Render(); err != nil {
		return err
	}
	top := shown[0]
	fmt.Fprintln(f.IO.Out, "\n"+tableprinter.Wrap("UNLOCKS counts postings where the skill meets the one requirement you still miss.", f.IO.Width, ""))
	if top.Unlocks > 0 {
		fmt.Fprintln(f.IO.Out, tableprinter.Wrap(fmt.Sprintf("Learn %s next: with it, %d more of your %d %s would have every requirement met.",
			top.Skill, top.Unlocks, len(items), noun), f.IO.Width, ""))
	} else {
		fmt.Fprintln(f.IO.Out, tableprinter.Wrap(fmt.Sprintf("No single skill completes a posting yet; %s is asked for most (%d postings). Try 'jobs gaps --plan 3'.",
			top.Skill, top.Required), f.IO.Width, ""))
	}
	return nil
}

// planJSON is `gaps --plan N --json` (docs/cli.md): the contract's fields, and more.
type planJSON struct {
	Plan           []planStepJSON `json:"plan"`
	TargetPostings int            `json:"target_postings"`
}

type planStepJSON struct {
	Skill      string   `json:"skill"`
	Unlocks    int      `json:"unlocks"`
	Cumulative int      `json:"cumulative"`
	Required   int      `json:"required"`  // target postings that require it
	Preferred  int      `json:"preferred"` // target postings that prefer it
	Partial    bool     `json:"partial"`   // you have a close relative of it
	Relatives  []string `json:"relatives,omitempty"`
	Completes  []string `json:"completes"` // ids of the postings this step completes
}

// planWords is what a plan's text needs beyond the postings.
type planWords struct {
	noun      string                      // "target postings" or "open postings"
	relatives func(skill string) []string // the profile's close relatives of a skill; nil = unknown
	broader   func(skill string) []string // the broader skills of a skill (learning it meets them)
}

// writePlan prints the plan of n skills over items: JSON, tab-separated rows, or on a
// terminal a table and sentences a student can act on.
func writePlan(io *IOStreams, items []matcher.Scored, n int, asJSON bool, w planWords) error {
	steps := matcher.ExplainPlan(items, matcher.BestPlan(items, n, w.broader), w.broader)
	titles := make(map[int64]string, len(items))
	for _, it := range items {
		titles[it.Posting.ID] = oneLine(jobs.DisplayCompany(it.Posting.Company)) + " " + oneLine(it.Posting.Title)
	}
	relatives := func(skill string) []string {
		if w.relatives == nil {
			return nil
		}
		return w.relatives(skill)
	}
	if asJSON {
		out := planJSON{Plan: make([]planStepJSON, len(steps)), TargetPostings: len(items)}
		for i, s := range steps {
			j := planStepJSON{Skill: s.Skill, Unlocks: s.Unlocks, Cumulative: s.Cumulative, Required: s.Required,
				Preferred: s.Preferred, Partial: s.Partial, Completes: []string{}}
			if s.Partial {
				j.Relatives = relatives(s.Skill)
			}
			for _, id := range s.Postings {
				j.Completes = append(j.Completes, strconv.FormatInt(id, 10))
			}
			out.Plan[i] = j
		}
		return jsonout.Write(io.Out, out)
	}
	if len(items) == 0 {
		fmt.Fprintf(io.ErrOut, "No %s to plan for yet: run 'jobs scrape' to collect postings (or loosen the targets in your config; 'jobs list --verbose' says what they leave out).\n", w.noun)
		return nil
	}
	if !io.OutTTY {
		t := newTable(io)
		for _, s := range steps {
			t.Row(s.Skill, strconv.Itoa(s.Unlocks), strconv.Itoa(s.Cumulative), strconv.Itoa(s.Required), strconv.FormatBool(s.Partial))
		}
		return t.Render()
	}
	start := 0
	for _, it := range items {
		if len(it.Match.Missing) == 0 {
			start++
		}
	}
	fmt.Fprintf(io.Out, "You meet every requirement of %d of your %d %s today.\n\n", start, len(items), w.noun)
	if len(steps) == 0 {
		fmt.Fprintf(io.Out, "There is no requirement left to meet for these postings.\n")
		return nil
	}
	t := newTable(io, "STEP", "LEARN", "COMPLETES", "COVERED", "REQUIRED BY")
	var names []string
	for i, s := range steps {
		name := s.Skill
		if s.Partial {
			name += " (partial)"
		}
		t.Row(strconv.Itoa(i+1), name, strconv.Itoa(s.Unlocks), fmt.Sprintf("%d of %d", s.Cumulative, len(items)),
			report.CountOf(s.Required, "posting", "postings"))
		names = append(names, s.Skill)
	}
	if err := t.Render(); err != nil {
		return err
	}
	last := steps[len(steps)-1]
	fmt.Fprintln(io.Out)
	fmt.Fprintln(io.Out, tableprinter.Wrap(planSummary(names, last.Cumulative-start, len(items), w.noun), io.Width, ""))
	fmt.Fprintln(io.Out)
	for i, s := range steps {
		fmt.Fprintln(io.Out, tableprinter.Wrap(fmt.Sprintf("%d. %s", i+1, stepSentence(s, relatives(s.Skill), titles, w.noun)), io.Width, "   "))
	}
	return nil
}

// planSummary is the plan in one sentence: "Learn Docker and Airflow: with them, 14 more of
// your 40 target postings would have every requirement met."
func planSummary(names []string, more, total int, noun string) string {
	pronoun := "them"
	if len(names) == 1 {
		pronoun = "it"
	}
	if more == 0 {
		return fmt.Sprintf("Learn %s: no more of your %d %s would be fully covered yet, but each step below brings some closer.",
			joinAnd(names), total, noun)
	}
	return fmt.Sprintf("Learn %s: with %s, %d more of your %d %s would have every requirement met.",
		joinAnd(names), pronoun, more, total, noun)
}

// stepSentence says what one step does, naming up to two of the postings it completes.
func stepSentence(s matcher.PlanStep, relatives []string, titles map[int64]string, noun string) string {
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
			report.CountOf(s.Closer, "posting", "postings"))
		return b.String()
	}
	var ex []string
	for _, id := range s.Postings {
		if len(ex) == 2 {
			break
		}
		ex = append(ex, fmt.Sprintf("#%d %s", id, titles[id]))
	}
	fmt.Fprintf(&b, "Learning it completes %s: %s", report.CountOf(s.Unlocks, "posting", "postings"), strings.Join(ex, "; "))
	if more := s.Unlocks - len(ex); more > 0 {
		fmt.Fprintf(&b, "; and %d more", more)
	}
	b.WriteString(".")
	if s.Closer > 0 {
		fmt.Fprintf(&b, " It also brings %s closer.", report.CountOf(s.Closer, "other posting", "other postings"))
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
