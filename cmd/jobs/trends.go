package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs/config"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/matcher"
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
	in := trendsInput(cfg, d, prof, now, report.TrendPeriods(now, weeks), skills)
	if in.Targets {
		items, ex, err := targetPostings(ctx, f, target.Selection{OpenSince: &in.Periods[0].Start})
		if err != nil {
			return nil, nil, err
		}
		left = ex
		in.Groups = trendGroups(items)
	}
	rep, err = report.CountTrends(ctx, store, in)
	if err != nil {
		return nil, nil, err
	}
	return rep, left, nil
}

// trendsInput is what the trends are counted from, but the postings the targets choose.
func trendsInput(cfg *config.Config, d *matcher.Dictionary, prof *matcher.Profile, now time.Time, periods []db.Period, skills []string) report.TrendsInput {
	return report.TrendsInput{
		Now:     now,
		Periods: periods,
		Skills:  skills,
		Targets: cfg.TargetRules().Any(),
		Learnable: func(skill string) bool {
			c, ok := d.Concept(skill)
			return !ok || c.Scored()
		},
		Have: prof.Has,
	}
}

// trendGroups are the postings the trends count: each one's first sighting.
func trendGroups(items []matcher.Scored) []int64 {
	groups := make([]int64, 0, len(items))
	for _, it := range items {
		g := it.Posting.GroupID
		if g == 0 {
			g = it.Posting.ID
		}
		groups = append(groups, g)
	}
	return groups
}

type trendsJSON struct {
	Weeks          []trendWeekJSON  `json:"weeks"`
	Skills         []skillTrendJSON `json:"skills"`
	Rising         []string         `json:"rising"`
	Falling        []string         `json:"falling"`
	TargetPostings int              `json:"target_postings"` // open in the last week
	CollectedSince *string          `json:"collected_since"`
}

type trendWeekJSON struct {
	Start     string `json:"start"`
	End       string `json:"end"`
	Postings  int    `json:"postings"`
	Collected bool   `json:"collected"`
}

type skillTrendJSON struct {
	Skill    string `json:"skill"`
	Counts   []int  `json:"counts"`
	Required []int  `json:"required"`
	Now      int    `json:"now"`
	Change   int    `json:"change"`
	Have     bool   `json:"have"`
}

func trendsRun(cmd *cobra.Command, opts *trendsOptions) error {
	f := opts.f
	var skills []string
	if len(opts.Skills) > 0 {
		d, err := f.Dictionary()
		if err != nil {
			return err
		}
		seen := map[string]bool{}
		for _, s := range opts.Skills {
			if strings.TrimSpace(s) == "" {
				continue
			}
			name, ok := d.Canonical(s)
			if !ok {
				warnf(f.IO, "--skill %q is not in the skill dictionary; it is counted only where postings spell it the same way", oneLine(s))
			}
			if !seen[name] {
				seen[name] = true
				skills = append(skills, name)
			}
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
	shown := rep.Skills
	if skills == nil && len(shown) > opts.Top {
		shown = shown[:opts.Top]
	}
	if skills != nil {
		// Every named skill is shown, asked for or not, in the order given.
		by := map[string]report.SkillTrend{}
		for _, s := range rep.Skills {
			by[s.Skill] = s
		}
		shown = nil
		for _, name := range skills {
			s, ok := by[name]
			if !ok {
				s = report.SkillTrend{Skill: name, Counts: make([]int, len(rep.Weeks)), Required: make([]int, len(rep.Weeks))}
				if prof, err := f.Profile(); err == nil {
					s.Have = prof.Has(name)
				}
			}
			shown = append(shown, s)
		}
	}
	if opts.JSON {
		return jsonout.Write(f.IO.Out, trendsToJSON(rep, shown))
	}
	if !f.IO.OutTTY {
		t := newTable(f.IO)
		for _, s := range shown {
			counts := make([]string, len(s.Counts))
			for i, c := range s.Counts {
				counts[i] = strconv.Itoa(c)
			}
			t.Row(s.Skill, strconv.Itoa(s.Now), signed(s.Change), strings.Join(counts, ","), strconv.FormatBool(s.Have))
		}
		return t.Render()
	}
	return printTrends(f.IO, rep, shown)
}

func trendsToJSON(rep *report.Trends, shown []report.SkillTrend) trendsJSON {
	out := trendsJSON{Weeks: []trendWeekJSON{}, Skills: []skillTrendJSON{}, Rising: []string{}, Falling: []string{}}
	for _, w := range rep.Weeks {
		out.Weeks = append(out.Weeks, trendWeekJSON{Start: report.RFC3339(w.Start), End: report.RFC3339(w.End), Postings: w.Postings, Collected: w.Collected})
	}
	for _, s := range shown {
		out.Skills = append(out.Skills, skillTrendJSON(s))
	}
	for _, s := range rep.Rising {
		out.Rising = append(out.Rising, s.Skill)
	}
	for _, s := range rep.Falling {
		out.Falling = append(out.Falling, s.Skill)
	}
	out.TargetPostings = rep.Weeks[len(rep.Weeks)-1].Postings
	if rep.Since != nil {
		s := report.RFC3339(*rep.Since)
		out.CollectedSince = &s
	}
	return out
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
	collected := make([]bool, weeks)
	for i, w := range rep.Weeks {
		collected[i] = w.Collected
	}
	t := newTable(io, "SKILL", "WEEKLY", "THIS WEEK", "CHANGE").Flex(0)
	for _, s := range shown {
		name := s.Skill
		if s.Have {
			name += " ✓"
		}
		t.Row(name, sparkline(s.Counts, collected), strconv.Itoa(s.Now), signed(s.Change))
	}
	totals := make([]int, weeks)
	for i, w := range rep.Weeks {
		totals[i] = w.Postings
	}
	first := 0
	for first < weeks-1 && !collected[first] {
		first++
	}
	t.Row("(all "+noun+")", sparkline(totals, collected), strconv.Itoa(totals[weeks-1]), signed(totals[weeks-1]-totals[first]))
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintln(io.Out)
	if !collected[0] {
		fmt.Fprintf(io.Out, "jobs has collected postings since %s; the weeks before show as ·.\n", rep.Since.In(loc).Format("2006-01-02"))
	}
	if len(rep.Rising) == 0 && len(rep.Falling) == 0 {
		if first == weeks-1 {
			fmt.Fprintln(io.Out, "Rising and falling skills show once jobs has collected postings for two weeks.")
		} else {
			fmt.Fprintln(io.Out, "No skill rose or fell over these weeks.")
		}
		return nil
	}
	if len(rep.Rising) > 0 {
		fmt.Fprintf(io.Out, "Rising: %s.\n", movers(rep.Rising))
	}
	if len(rep.Falling) > 0 {
		fmt.Fprintf(io.Out, "Falling: %s.\n", movers(rep.Falling))
	}
	return nil
}

func movers(s []report.SkillTrend) string {
	parts := make([]string, len(s))
	for i, m := range s {
		parts[i] = fmt.Sprintf("%s (%s, now %d)", m.Skill, signed(m.Change), m.Now)
	}
	return strings.Join(parts, ", ")
}

// sparkBlocks are the eight heights of a sparkline.
var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// sparkline draws counts from 0 (▁) to their largest (█); a week with no data is ·.
func sparkline(counts []int, collected []bool) string {
	top := 0
	for _, c := range counts {
		top = max(top, c)
	}
	var b strings.Builder
	for i, c := range counts {
		switch {
		case i < len(collected) && !collected[i]:
			b.WriteRune('·')
		case top == 0:
			b.WriteRune(sparkBlocks[0])
		default:
			b.WriteRune(sparkBlocks[(c*(len(sparkBlocks)-1)+top/2)/top])
		}
	}
	return b.String()
}

// signed prints n with its sign: +3, -2, 0.
func signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
