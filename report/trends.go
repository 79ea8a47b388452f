package report

import (
	"context"
	"sort"
	"time"

	"github.com/jobs-cli/jobs/db"
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
