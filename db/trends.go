package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"
	"time"

	"github.com/jobs-cli/jobs"
)

// Period is a span of time [Start, End] that trends count postings over.
type Period struct {
	Start time.Time
	End   time.Time
}

// TrendQuery selects what SkillTrends counts.
type TrendQuery struct {
	Periods []Period // in order; at most 520
	// Groups keeps only the postings of these groups (the id of a posting's first sighting,
	// as Posting.GroupID); nil counts every posting, an empty slice none.
	Groups []int64
	Skills []string // only these canonical skills; nil = every skill
}

// SkillSeries is one skill's count in each period.
type SkillSeries struct {
	Skill string
	// Postings counts, per period, the postings open then that name the skill as required or
	// preferred; Required counts those of them that require it.
	Postings []int
	Required []int
}

// Trends is how often postings asked for each skill, period by period.
type Trends struct {
	Periods []Period
	Totals  []int // the selected postings open in each period
	// Skills holds every skill some counted posting names as required or preferred, by name.
	Skills []SkillSeries
	// Earliest is when the first stored posting was first seen: before it nothing was
	// collected, so a period that ends before it has no data. Nil when nothing is stored.
	Earliest *time.Time
}

// maxPeriods bounds a query: ten years of weeks.
const maxPeriods = 520

// SkillTrends counts, for each period and skill, the postings open at some time in the
// period that name the skill as required or preferred. A posting seen on several boards is
// one posting: open from its first sighting until its last open sighting closes, asking for
// what any sighting asks for (required when one requires it). A posting is open in
// [Start, End] when it was first seen at or before End and had not closed before Start (a
// closed posting with no closing time closed when it was last seen).
//
// SQLite does the counting over the requirements table: each posting's span of periods is
// found once, and the counts come as differences at the span's ends, so the work grows with
// the requirement rows, not with rows times periods.
func (d *DB) SkillTrends(ctx context.Context, q TrendQuery) (*Trends, error) {
	n := len(q.Periods)
	if n == 0 || n > maxPeriods {
		return nil, jobs.Errorf(jobs.KindInvalid, "trends need between 1 and %d periods, not %d", maxPeriods, n)
	}
	bounds := make([][2]string, n)
	for i, p := range q.Periods {
		if p.End.Before(p.Start) {
			return nil, jobs.Errorf(jobs.KindInvalid, "trend period %d ends before it starts", i+1)
		}
		if i > 0 && !p.Start.After(q.Periods[i-1].End) {
			return nil, jobs.Errorf(jobs.KindInvalid, "trend period %d starts before period %d ends: periods go in order and do not overlap", i+1, i)
		}
		bounds[i] = [2]string{formatTime(p.Start), formatTime(p.End)}
	}
	periodsJSON, err := json.Marshal(bounds)
	if err != nil {
		return nil, jobs.Errorf(jobs.KindInternal, "trend periods: %w", err)
	}
	out := &Trends{Periods: q.Periods, Totals: make([]int, n)}

	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()

	var earliest sql.NullString
	if err := t.QueryRowContext(ctx, `SELECT MIN(first_seen) FROM postings`).Scan(&earliest); err != nil {
		return nil, d.wrap(err, "cannot count skill trends")
	}
	if out.Earliest, err = parseNullTime(earliest); err != nil {
		return nil, jobs.Errorf(jobs.KindInternal, "trends: %w", err)
	}
	if q.Groups != nil && len(q.Groups) == 0 || q.Skills != nil && len(q.Skills) == 0 {
		return out, t.commit()
	}

	// periods: one row per period. groups: each selected posting (its sightings) with when it
	// was first seen and when it closed (NULL while a sighting is open). spans: the first and
	// last period each posting was open in.
	args := []any{string(periodsJSON), bounds[n-1][1], bounds[0][0]}
	groupCond := ``
	if q.Groups != nil {
		groupCond = ` WHERE COALESCE(group_id, id) IN (SELECT value FROM json_each(?))`
		args = append(args, int64sJSON(q.Groups))
	}
	with := `WITH periods (i, ps, pe) AS MATERIALIZED (
			SELECT CAST(key AS INTEGER), json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)
		),
		bounds (last_end, first_start) AS (SELECT ?, ?),
		groups (g, fs, ca) AS MATERIALIZED (
			SELECT COALESCE(group_id, id), MIN(first_seen),
				CASE WHEN MAX(status = 'open') = 1 THEN NULL ELSE MAX(COALESCE(closed_at, last_seen)) END
			FROM postings` + groupCond + `
			GROUP BY COALESCE(group_id, id)
		),
		spans (g, a, b) AS MATERIALIZED (
			SELECT g,
				(SELECT MIN(i) FROM periods WHERE pe >= fs AND (ca IS NULL OR ca >= ps)),
				(SELECT MAX(i) FROM periods WHERE pe >= fs AND (ca IS NULL OR ca >= ps))
			FROM groups, bounds
			WHERE fs <= last_end AND (ca IS NULL OR ca >= first_start)
		)`
	// asks: what each selected posting asks for, with its span. One query returns, per skill
	// (and for all postings, under a NULL skill), how the counts change at each period.
	skillCond := ``
	if q.Skills != nil {
		skillCond = ` AND r.skill IN (SELECT value FROM json_each(?))`
		encoded, err := json.Marshal(q.Skills)
		if err != nil {
			return nil, jobs.Errorf(jobs.KindInternal, "trend skills: %w", err)
		}
		args = append(args, string(encoded))
	}
	rows, err := t.QueryContext(ctx, with+`,
		asks (skill, a, b, req) AS MATERIALIZED (
			SELECT r.skill, spans.a, spans.b, MAX(r.section = 'required')
			FROM spans
			JOIN postings p ON COALESCE(p.group_id, p.id) = spans.g
			JOIN requirements r ON r.posting_id = p.id
			WHERE spans.a IS NOT NULL AND r.section IN ('required', 'preferred')`+skillCond+`
			GROUP BY spans.g, r.skill
		),
		sums (skill, a, b, n, req) AS MATERIALIZED (
			SELECT NULL, a, b, COUNT(*), 0 FROM spans WHERE a IS NOT NULL GROUP BY a, b
			UNION ALL
			SELECT skill, a, b, COUNT(*), SUM(req) FROM asks GROUP BY skill, a, b
		)
		SELECT skill, i, SUM(d), SUM(dr) FROM (
			SELECT skill, a AS i, n AS d, req AS dr FROM sums
			UNION ALL
			SELECT skill, b + 1, -n, -req FROM sums
		) GROUP BY skill, i`, args...)
	if err != nil {
		return nil, d.wrap(err, "cannot count skill trends")
	}
	defer rows.Close()
	type deltas struct{ postings, required []int }
	totals := make([]int, n+1)
	bySkill := map[string]*deltas{}
	for rows.Next() {
		var (
			skill       sql.NullString
			i, dp, dreq int
		)
		if err := rows.Scan(&skill, &i, &dp, &dreq); err != nil {
			return nil, d.wrap(err, "cannot count skill trends")
		}
		if i < 0 || i > n {
			continue
		}
		if !skill.Valid {
			totals[i] += dp
			continue
		}
		s := bySkill[skill.String]
		if s == nil {
			s = &deltas{postings: make([]int, n+1), required: make([]int, n+1)}
			bySkill[skill.String] = s
		}
		s.postings[i] += dp
		s.required[i] += dreq
	}
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot count skill trends")
	}
	run := 0
	for i := range out.Totals {
		run += totals[i]
		out.Totals[i] = run
	}
	out.Skills = make([]SkillSeries, 0, len(bySkill))
	for skill, dl := range bySkill {
		s := SkillSeries{Skill: skill, Postings: make([]int, n), Required: make([]int, n)}
		p, r := 0, 0
		for i := 0; i < n; i++ {
			p += dl.postings[i]
			r += dl.required[i]
			s.Postings[i], s.Required[i] = p, r
		}
		out.Skills = append(out.Skills, s)
	}
	sort.Slice(out.Skills, func(i, j int) bool { return out.Skills[i].Skill < out.Skills[j].Skill })
	return out, t.commit()
}
