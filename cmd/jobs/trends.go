package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/report"
	"github.com/jobs-cli/jobs/target"
)

type trendsOptions struct {
	f       *Factory
	JSON    bool
	Weeks   int
	Skills  []string
	Top     int
	Verbose bool
}

// maxTrendWeeks is the longest window trends looks back over.
const maxTrendWeeks = 104

func newTrendsCmd(f *Factory, runF func(*trendsOptions) error) *cobra.Command {
	opts := &trendsOptions{f: f}
	cmd := &cobra.Command{
		Use:   "trends",
		Short: "How often your target postings asked for each skill, week by week",
		Long: `Count, for each skill, the target postings open in each of the last weeks that ask for it
(as required or preferred), and say which skills are rising and which falling. A posting
counts in every week it was open: first seen by the week's end and not closed before its
start. Weeks end now and go back seven days each; weeks before jobs first collected
anything are shown as · and left out of the changes.

On a terminal it prints a sparkline per skill; piped, tab-separated lines with no header:
skill, postings this week, change over the window, the weekly counts (comma-separated),
whether you have the skill.`,
		Example: `  jobs trends
  jobs trends --weeks 12 --top 20
  jobs trends --skill Docker --skill Kubernetes
  jobs trends --json`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Weeks < 2 || opts.Weeks > maxTrendWeeks {
				return &usageError{cmd: cmd, err: fmt.Errorf("--weeks must be between 2 and %d", maxTrendWeeks)}
			}
			if opts.Top < 1 {
				return &usageError{cmd: cmd, err: fmt.Errorf("--top must be 1 or more")}
			}
			if runF != nil {
				return runF(opts)
			}
			return trendsRun(cmd, opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.JSON, "json", false, "print JSON")
	fl.IntVar(&opts.Weeks, "weeks", 8, "how many weeks back")
	fl.StringSliceVar(&opts.Skills, "skill", nil, "only this skill (any spelling; repeat or separate with commas)")
	fl.IntVar(&opts.Top, "top", 15, "how many skills to show, most asked for this week first (without --skill)")
	fl.BoolVar(&opts.Verbose, "verbose", false, "print each posting the targets leave out, and why, on stderr")
	return cmd
}

// skillTrends counts how often the target postings asked for each skill in each of the last
// weeks, ending now; skills, when given, are canonical names to keep. The counting is done in
// SQL over the requirements table; the config's targets (and its min_score, which needs the
// profile) choose the postings. left are the postings the targets left out.
func skillTrends(ctx context.Context, f *Factory, weeks int, skills []string) (rep *report.Trends, left []target.Exclusion, err error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, nil, err
	}
	d, err := f.Dictionary()
	if err != nil {
		return nil, nil, err
	}
	prof, err := f.Profile()
	if err != nil {
		return nil, nil, err
	}
	store, err := f.Store(ctx)
	if err != nil {
		return nil, nil, err
	}
	now := f.Now()
	in := report.NewTrendsInput(now, report.TrendPeriods(now, weeks), skills, cfg.TargetRules().Any(), d, prof)
	if in.Targets {
		items, ex, err := targetPostings(ctx, f, target.Query{OpenSince: &in.Periods[0].Start})
		if err != nil {
			return nil, nil, err
		}
		left = ex
		in.Groups = report.TrendGroups(items)
	}
	rep, err = report.CountTrends(ctx, store, in)
	if err != nil {
		return nil, nil, err
	}
	return rep, left, nil
}

func trendsRun(cmd *cobra.Command, opts *trendsOptions) error {
	f := opts.f
	var skills []string
	if len(opts.Skills) > 0 {
		d, err := f.Dictionary()
		if err != nil {
			return err
		}
		var unknown []string
		skills, unknown = report.CanonicalSkills(d, opts.Skills)
		for _, s := range unknown {
			warnf(f.IO, "--skill %q is not in the skill dictionary; it is counted only where postings spell it the same way", safetext.OneLine(s))
		}
		if len(skills) == 0 {
			return &usageError{cmd: cmd, err: fmt.Errorf("--skill needs a skill name")}
		}
	}
	rep, left, err := skillTrends(cmd.Context(), f, opts.Weeks, skills)
	if err != nil {
		return err
	}
	if opts.Verbose {
		printExclusions(f.IO, left, rep.Weeks[len(rep.Weeks)-1].Postings)
	}
	var have func(string) bool
	if prof, err := f.Profile(); err == nil {
		have = prof.Has
	}
	shown := rep.Shown(skills, opts.Top, have)
	if opts.JSON {
		return jsonout.Write(f.IO.Out, rep.JSON(shown))
	}
	if !f.IO.OutTTY {
		t := newTable(f.IO)
		for _, s := range shown {
			counts := make([]string, len(s.Counts))
			for i, c := range s.Counts {
				counts[i] = strconv.Itoa(c)
			}
			t.Row(s.Skill, strconv.Itoa(s.Now), report.Signed(s.Change), strings.Join(counts, ","), strconv.FormatBool(s.Have))
		}
		return t.Render()
	}
	return printTrends(f.IO, rep, shown)
}

func printTrends(io *IOStreams, rep *report.Trends, shown []report.SkillTrend) error {
	loc := rep.Now.Location()
	noun := "open postings"
	if rep.Targets {
		noun = "target postings"
	}
	weeks := len(rep.Weeks)
	if rep.Since == nil {
		fmt.Fprintln(io.ErrOut, "No postings are stored yet. Run 'jobs scrape' first.")
		return nil
	}
	fmt.Fprintf(io.Out, "Skills your %s asked for, week by week: %d weeks from %s to %s.\n",
		noun, weeks, rep.Weeks[0].Start.In(loc).Format("2006-01-02"), rep.Now.In(loc).Format("2006-01-02"))
	fmt.Fprintf(io.Out, "A posting counts in every week it was open; ✓ marks skills you have.\n\n")
	if len(shown) == 0 {
		fmt.Fprintf(io.Out, "None of these postings asks for a skill jobs knows.\n")
		return nil
	}
	collected := rep.Collected()
	t := newTable(io, "SKILL", "WEEKLY", "THIS WEEK", "CHANGE").Flex(0)
	for _, s := range shown {
		name := s.Skill
		if s.Have {
			name += " ✓"
		}
		t.Row(name, report.Sparkline(s.Counts, collected), strconv.Itoa(s.Now), report.Signed(s.Change))
	}
	all := rep.All()
	t.Row("(all "+noun+")", report.Sparkline(all.Counts, collected), strconv.Itoa(all.Now), report.Signed(all.Change))
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintln(io.Out)
	if !collected[0] {
		fmt.Fprintf(io.Out, "jobs has collected postings since %s; the weeks before show as ·.\n", rep.Since.In(loc).Format("2006-01-02"))
	}
	if len(rep.Rising) == 0 && len(rep.Falling) == 0 {
		if rep.FirstCollected() == weeks-1 {
			fmt.Fprintln(io.Out, "Rising and falling skills show once jobs has collected postings for two weeks.")
		} else {
			fmt.Fprintln(io.Out, "No skill rose or fell over these weeks.")
		}
		return nil
	}
	if len(rep.Rising) > 0 {
		fmt.Fprintf(io.Out, "Rising: %s.\n", report.Movers(rep.Rising))
	}
	if len(rep.Falling) > 0 {
		fmt.Fprintf(io.Out, "Falling: %s.\n", report.Movers(rep.Falling))
	}
	return nil
}
