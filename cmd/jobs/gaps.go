package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/internal/tableprinter"
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
	items, left, err := targetPostings(cmd.Context(), f, target.Query{Newcomer: opts.Newcomer, Company: opts.Company})
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
		plan := report.NewPlan(items, opts.Plan, report.PlanWords{
			Noun:      noun,
			Relatives: func(skill string) []string { return d.CloseRelatives(prof, skill) },
			Broader:   d.Broader,
		})
		return writePlan(f.IO, plan, opts.JSON, noun)
	}
	gaps := report.NewGaps(items)
	if opts.JSON {
		return jsonout.Write(f.IO.Out, gaps.Skills)
	}
	if len(items) == 0 {
		fmt.Fprintln(f.IO.ErrOut, "No open postings to learn from. Run 'jobs scrape' first.")
		return nil
	}
	shown := gaps.Top(opts.Top)
	if !f.IO.OutTTY {
		t := newTable(f.IO)
		for _, g := range shown {
			t.Row(g.Skill, strconv.Itoa(g.Unlocks), strconv.Itoa(g.Required), strconv.Itoa(g.Preferred))
		}
		return t.Render()
	}
	fmt.Fprintf(f.IO.Out, "%s\n\n", gaps.Opening(noun))
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
		t.Row(name, strconv.Itoa(g.Unlocks), strconv.Itoa(g.Required), strconv.Itoa(g.Preferred), strings.Join(gaps.Examples(g), "; "))
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintln(f.IO.Out, "\n"+tableprinter.Wrap("UNLOCKS counts postings where the skill meets the one requirement you still miss.", f.IO.Width, ""))
	fmt.Fprintln(f.IO.Out, tableprinter.Wrap(gaps.NextSkill(noun), f.IO.Width, ""))
	return nil
}

// writePlan prints plan: JSON, tab-separated rows, or on a terminal a table and sentences
// a student can act on.
func writePlan(io *IOStreams, plan *report.Plan, asJSON bool, noun string) error {
	if asJSON {
		return jsonout.Write(io.Out, plan.JSON())
	}
	if plan.Postings == 0 {
		fmt.Fprintf(io.ErrOut, "No %s to plan for yet: run 'jobs scrape' to collect postings (or loosen the targets in your config; 'jobs list --verbose' says what they leave out).\n", noun)
		return nil
	}
	if !io.OutTTY {
		t := newTable(io)
		for _, s := range plan.Steps {
			t.Row(s.Skill, strconv.Itoa(s.Unlocks), strconv.Itoa(s.Cumulative), strconv.Itoa(s.Required), strconv.FormatBool(s.Partial))
		}
		return t.Render()
	}
	fmt.Fprintf(io.Out, "%s\n\n", plan.Opening())
	if len(plan.Steps) == 0 {
		fmt.Fprintf(io.Out, "There is no requirement left to meet for these postings.\n")
		return nil
	}
	t := newTable(io, "STEP", "LEARN", "COMPLETES", "COVERED", "REQUIRED BY")
	for i, s := range plan.Steps {
		t.Row(strconv.Itoa(i+1), report.StepName(s), strconv.Itoa(s.Unlocks), fmt.Sprintf("%d of %d", s.Cumulative, plan.Postings),
			report.CountOf(s.Required, "posting", "postings"))
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintln(io.Out)
	fmt.Fprintln(io.Out, tableprinter.Wrap(plan.Summary(), io.Width, ""))
	fmt.Fprintln(io.Out)
	for i := range plan.Steps {
		fmt.Fprintln(io.Out, tableprinter.Wrap(fmt.Sprintf("%d. %s", i+1, plan.StepSentence(i)), io.Width, "   "))
	}
	return nil
}
