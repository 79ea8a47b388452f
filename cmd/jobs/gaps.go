package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs/matcher"
)

type gapsOptions struct {
	f        *Factory
	JSON     bool
	Top      int
	Plan     int
	Newcomer bool
	Company  string
}

func newGapsCmd(f *Factory, runF func(*gapsOptions) error) *cobra.Command {
	opts := &gapsOptions{f: f}
	cmd := &cobra.Command{
		Use:   "gaps",
		Short: "The few skills to learn next, and how many postings each unlocks",
		Long: `Rank the skills your profile lacks by how many open postings each would unlock: a
posting is unlocked when the skill is the only required skill you miss. Counts of postings
requiring and preferring each skill break ties. Works on the same postings as 'jobs list'.

With --plan N, choose N skills to learn in order, so that together they cover every
required skill of as many postings as possible.`,
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
	return cmd
}

func gapsRun(cmd *cobra.Command, opts *gapsOptions) error {
	f := opts.f
	items, err := scoredPostings(cmd.Context(), f, selection{Newcomer: opts.Newcomer, Company: opts.Company})
	if err != nil {
		return err
	}
	if opts.Plan > 0 {
		return printPlan(f.IO, items, opts.Plan, opts.JSON)
	}
	gaps := matcher.Gaps(items)
	if opts.JSON {
		if gaps == nil {
			gaps = []matcher.Gap{}
		}
		return writeJSON(f.IO.Out, gaps)
	}
	if len(items) == 0 {
		fmt.Fprintln(f.IO.ErrOut, "No open postings to learn from. Run 'jobs scrape' first.")
		return nil
	}
	titles := map[int64]string{}
	for _, it := range items {
		titles[it.Posting.ID] = it.Posting.Company + " " + it.Posting.Title
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
	fmt.Fprintf(f.IO.Out, "Of %d open postings, you cover every required skill of %d.\n\n", len(items), complete)
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
	fmt.Fprintf(f.IO.Out, "\nUNLOCKS counts postings where the skill is the only required one you miss.\n")
	if top.Unlocks > 0 {
		fmt.Fprintf(f.IO.Out, "Learn %s next: with it, %d more of your %d postings would have every required skill covered.\n",
			top.Skill, top.Unlocks, len(items))
	} else {
		fmt.Fprintf(f.IO.Out, "No single skill completes a posting yet; %s is asked for most (%d postings). Try 'jobs gaps --plan 3'.\n",
			top.Skill, top.Required)
	}
	return nil
}

type planJSON struct {
	Plan           []matcher.Step `json:"plan"`
	TargetPostings int            `json:"target_postings"`
}

func printPlan(io *IOStreams, items []matcher.Scored, n int, asJSON bool) error {
	steps := matcher.Plan(items, n)
	if asJSON {
		if steps == nil {
			steps = []matcher.Step{}
		}
		return writeJSON(io.Out, planJSON{Plan: steps, TargetPostings: len(items)})
	}
	if !io.OutTTY {
		t := newTable(io)
		for _, s := range steps {
			t.Row(s.Skill, strconv.Itoa(s.Unlocks), strconv.Itoa(s.Cumulative))
		}
		return t.Render()
	}
	start := 0
	for _, it := range items {
		if len(it.Match.Missing) == 0 {
			start++
		}
	}
	fmt.Fprintf(io.Out, "You cover every required skill of %d of %d postings today.\n\n", start, len(items))
	if len(steps) == 0 {
		fmt.Fprintln(io.Out, "There is nothing left to learn for these postings.")
		return nil
	}
	t := newTable(io, "STEP", "LEARN", "UNLOCKS", "COVERED")
	var names []string
	for i, s := range steps {
		t.Row(strconv.Itoa(i+1), s.Skill, strconv.Itoa(s.Unlocks), fmt.Sprintf("%d of %d", s.Cumulative, len(items)))
		names = append(names, s.Skill)
	}
	if err := t.Render(); err != nil {
		return err
	}
	last := steps[len(steps)-1]
	fmt.Fprintf(io.Out, "\nLearn %s: with them, %d more of your %d postings would have every required skill covered.\n",
		joinAnd(names), last.Cumulative-start, len(items))
	return nil
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
