package report

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/matcher"
)

// Week is one week of a trend report.
type Week struct {
	Start, End time.Time
	Postings   int  // target postings open in the week
	Collected  bool // jobs had collected postings by the week's end
}

// SkillTrend is one skill's weekly counts.
type SkillTrend struct {
	Skill    string
	Counts   []int // per week: target postings open then that ask for the skill
	Required []int // of them, the postings that require it
	Now      int   // this week's count
	Change   int   // this week's count less the first collected week's
	Have     bool  // the profile has the skill
}

// Trends is what `jobs trends` shows, and what a digest can draw.
type Trends struct {
	Now     time.Time
	Weeks   []Week       // oldest first; the last ends now
	Skills  []SkillTrend // most asked for this week first, then by name
	Rising  []SkillTrend // most risen first; at most trendMovers
	Falling []SkillTrend // most fallen first; at most trendMovers
	Targets bool         // the config sets targets
	// Since is when jobs first collected a posting; nil when nothing is stored.
	Since *time.Time
}

// trendMovers is how many rising and falling skills a report names.
const trendMovers = 5

// TrendStore counts, in SQL over the requirements table, the postings asking for each skill.
type TrendStore interface {
	SkillTrends(ctx context.Context, q db.TrendQuery) (*db.Trends, error)
}

// TrendsInput is what a trend report is counted from.
type TrendsInput struct {
	Now     time.Time
	Periods []db.Period // the weeks, oldest first (TrendPeriods)
	Skills  []string    // only these canonical skills; nil = every skill
	// Targets says the config sets targets: then only the postings of Groups (each
	// posting's first sighting) count; else every posting does.
	Targets bool
	Groups  []int64
	// Learnable says whether a skill is one to learn rather than context (an industry, a
	// field of study).
	Learnable func(skill string) bool
	Have      func(skill string) bool // the profile has the skill
}

// TrendPeriods are the weeks ending now, oldest first: seven days each, the last ending now.
func TrendPeriods(now time.Time, weeks int) []db.Period {
	const week = 7 * 24 * time.Hour
	periods := make([]db.Period, weeks)
	for i := range periods {
		start := now.Add(-time.Duration(weeks-i) * week)
		end := start.Add(week - time.Nanosecond)
		if i == weeks-1 {
			end = now
		}
		periods[i] = db.Period{Start: start, End: end}
	}
	return periods
}

// CountTrends counts how often the postings asked for each skill in each week, and names
// the skills that rose and fell.
func CountTrends(ctx context.Context, store TrendStore, in TrendsInput) (*Trends, error) {
	periods := in.Periods
	weeks := len(periods)
	q := db.TrendQuery{Periods: periods, Skills: in.Skills}
	if in.Targets {
		q.Groups = in.Groups
		if q.Groups == nil {
			q.Groups = []int64{}
		}
	}
	tr, err := store.SkillTrends(ctx, q)
	if err != nil {
		return nil, err
	}
	rep := &Trends{Now: in.Now, Targets: in.Targets, Since: tr.Earliest}
	first := -1 // the first collected week
	for i, p := range periods {
		w := Week{Start: p.Start, End: p.End, Postings: tr.Totals[i]}
		w.Collected = tr.Earliest != nil && !tr.Earliest.After(p.End)
		if w.Collected && first < 0 {
			first = i
		}
		rep.Weeks = append(rep.Weeks, w)
	}
	last := weeks - 1
	for _, s := range tr.Skills {
		if !in.Learnable(s.Skill) {
			continue // an industry or a field of study: context, not a skill to learn
		}
		st := SkillTrend{Skill: s.Skill, Counts: s.Postings, Required: s.Required, Now: s.Postings[last], Have: in.Have(s.Skill)}
		if first >= 0 {
			st.Change = s.Postings[last] - s.Postings[first]
		}
		rep.Skills = append(rep.Skills, st)
	}
	sort.SliceStable(rep.Skills, func(i, j int) bool {
		a, b := rep.Skills[i], rep.Skills[j]
		if a.Now != b.Now {
			return a.Now > b.Now
		}
		return a.Skill < b.Skill
	})
	if first >= 0 && first < last {
		for _, s := range rep.Skills {
			switch {
			case s.Change > 0:
				rep.Rising = append(rep.Rising, s)
			case s.Change < 0:
				rep.Falling = append(rep.Falling, s)
			}
		}
		sortMovers(rep.Rising, 1)
		sortMovers(rep.Falling, -1)
		rep.Rising = rep.Rising[:min(len(rep.Rising), trendMovers)]
		rep.Falling = rep.Falling[:min(len(rep.Falling), trendMovers)]
	}
	return rep, nil
}

// sortMovers orders skills by how far they moved in direction dir (1 up, -1 down), then by
// this week's count, then by name.
func sortMovers(s []SkillTrend, dir int) {
	sort.SliceStable(s, func(i, j int) bool {
		if s[i].Change != s[j].Change {
			return s[i].Change*dir > s[j].Change*dir
		}
		if s[i].Now != s[j].Now {
			return s[i].Now > s[j].Now
		}
		return s[i].Skill < s[j].Skill
	})
}

// NewTrendsInput is what the trends are counted from, but the postings the targets choose
// (Groups): targets says the config sets targets; a skill is learnable unless the dictionary
// marks it as context, and had when the profile has it.
func NewTrendsInput(now time.Time, periods []db.Period, skills []string, targets bool, d *matcher.Dictionary, prof *matcher.Profile) TrendsInput {
	return TrendsInput{
		Now:     now,
		Periods: periods,
		Skills:  skills,
		Targets: targets,
		Learnable: func(skill string) bool {
			c, ok := d.Concept(skill)
			return !ok || c.Scored()
		},
		Have: prof.Has,
	}
}

// TrendGroups are the postings the trends count: each one's first sighting.
func TrendGroups(items []matcher.Scored) []int64 {
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

// Shown are the skills a report shows: when skills (canonical names) are given, every one
// of them in the order given, asked for or not (have says whether the profile has one no
// posting asked for; nil: unknown); else the top most asked for.
func (rep *Trends) Shown(skills []string, top int, have func(skill string) bool) []SkillTrend {
	if skills == nil {
		return rep.Skills[:min(len(rep.Skills), top)]
	}
	by := map[string]SkillTrend{}
	for _, s := range rep.Skills {
		by[s.Skill] = s
	}
	var shown []SkillTrend
	for _, name := range skills {
		s, ok := by[name]
		if !ok {
			s = SkillTrend{Skill: name, Counts: make([]int, len(rep.Weeks)), Required: make([]int, len(rep.Weeks))}
			if have != nil {
				s.Have = have(name)
			}
		}
		shown = append(shown, s)
	}
	return shown
}

// Collected says, week by week, whether jobs had collected postings by the week's end.
func (rep *Trends) Collected() []bool {
	collected := make([]bool, len(rep.Weeks))
	for i, w := range rep.Weeks {
		collected[i] = w.Collected
	}
	return collected
}

// FirstCollected is the first week by whose end jobs had collected postings; the last week
// when none was.
func (rep *Trends) FirstCollected() int {
	first := 0
	for first < len(rep.Weeks)-1 && !rep.Weeks[first].Collected {
		first++
	}
	return first
}

// All is the trend of every counted posting, as a skill's: the postings open each week,
// this week's, and the change since the first collected week.
func (rep *Trends) All() SkillTrend {
	last := len(rep.Weeks) - 1
	totals := make([]int, len(rep.Weeks))
	for i, w := range rep.Weeks {
		totals[i] = w.Postings
	}
	return SkillTrend{Counts: totals, Now: totals[last], Change: totals[last] - totals[rep.FirstCollected()]}
}

// TrendsJSON is `trends --json` (docs/cli.md).
type TrendsJSON struct {
	Weeks          []TrendWeekJSON  `json:"weeks"`
	Skills         []SkillTrendJSON `json:"skills"`
	Rising         []string         `json:"rising"`
	Falling        []string         `json:"falling"`
	TargetPostings int              `json:"target_postings"` // open in the last week
	CollectedSince *string          `json:"collected_since"`
}

// TrendWeekJSON is one week of TrendsJSON.
type TrendWeekJSON struct {
	Start     string `json:"start"`
	End       string `json:"end"`
	Postings  int    `json:"postings"`
	Collected bool   `json:"collected"`
}

// SkillTrendJSON is one skill of TrendsJSON.
type SkillTrendJSON struct {
	Skill    string `json:"skill"`
	Counts   []int  `json:"counts"`
	Required []int  `json:"required"`
	Now      int    `json:"now"`
	Change   int    `json:"change"`
	Have     bool   `json:"have"`
}

// JSON is the report as `trends --json` prints it, with the skills shown.
func (rep *Trends) JSON(shown []SkillTrend) TrendsJSON {
	out := TrendsJSON{Weeks: []TrendWeekJSON{}, Skills: []SkillTrendJSON{}, Rising: []string{}, Falling: []string{}}
	for _, w := range rep.Weeks {
		out.Weeks = append(out.Weeks, TrendWeekJSON{Start: RFC3339(w.Start), End: RFC3339(w.End), Postings: w.Postings, Collected: w.Collected})
	}
	for _, s := range shown {
		out.Skills = append(out.Skills, SkillTrendJSON(s))
	}
	for _, s := range rep.Rising {
		out.Rising = append(out.Rising, s.Skill)
	}
	for _, s := range rep.Falling {
		out.Falling = append(out.Falling, s.Skill)
	}
	out.TargetPostings = rep.Weeks[len(rep.Weeks)-1].Postings
	if rep.Since != nil {
		s := RFC3339(*rep.Since)
		out.CollectedSince = &s
	}
	return out
}

// Movers lists skills that moved: "Docker (+2, now 3), Kubernetes (+1, now 1)".
func Movers(s []SkillTrend) string {
	parts := make([]string, len(s))
	for i, m := range s {
		parts[i] = fmt.Sprintf("%s (%s, now %d)", m.Skill, Signed(m.Change), m.Now)
	}
	return strings.Join(parts, ", ")
}

// sparkBlocks are the eight heights of a sparkline.
var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws counts from 0 (▁) to their largest (█); a week with no data is ·.
func Sparkline(counts []int, collected []bool) string {
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

// Signed prints n with its sign: +3, -2, 0.
func Signed(n int) string {
	if n > 0 {
		return "+" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// CanonicalSkills are the skills names name, each by the dictionary's canonical name, once,
// in the order given; blank names are skipped. unknown are the names the dictionary does not
// know, as given: they are kept as spelt.
func CanonicalSkills(d *matcher.Dictionary, names []string) (skills, unknown []string) {
	seen := map[string]bool{}
	for _, s := range names {
		if strings.TrimSpace(s) == "" {
			continue
		}
		name, ok := d.Canonical(s)
		if !ok {
			unknown = append(unknown, s)
		}
		if !seen[name] {
			seen[name] = true
			skills = append(skills, name)
		}
	}
	return skills, unknown
}
