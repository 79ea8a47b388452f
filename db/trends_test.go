package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// trendFixture stores postings with known first-seen and closing dates around three weeks:
// W0 = [01-05, 01-12), W1 = [01-12, 01-19), W2 = [01-19, 01-26] (the last end inclusive).
//
//	G  01-02 .. closed 01-04                 Python req               (before the window)
//	A  01-06 .. open                         Python req, Docker pref, Git other
//	B  01-06 .. closed 01-10                 Python req, Kubernetes req
//	H  01-06 .. closed, no closing time, last seen 01-08             Kubernetes pref
//	F  01-13 .. open, A seen on greenhouse   Docker req: A asks for Docker as required from 01-06
//	C  01-13 .. closed 01-19 00:00           Docker req               (closes as W2 starts)
//	D  01-26 .. open (the window's last day) Docker req, Python pref
//	E  01-27 .. open                         Go req                   (after the window)
//	K1 01-06 .. closed 01-08                 Spark req
//	K2 01-07 .. closed 01-14, K1 on greenhouse: K is open 01-06 .. 01-14 and asks for Spark
func trendFixture(t *testing.T) (*DB, []Period, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	c := newClock()
	d := openTest(t, WithClock(c.Now))
	day := func(n int) time.Time { return time.Date(2026, 1, n, 0, 0, 0, 0, time.UTC) }
	ids := map[string]int64{}
	put := func(at time.Time, source, id, title string, skills ...jobs.Requirement) {
		t.Helper()
		c.t = at
		p := posting(source, id)
		p.Title = title
		p.Analysis = &jobs.Analysis{Skills: skills}
		ids[id] = mustUpsert(t, d, p)
	}
	goneFrom := func(at time.Time, source, id string) {
		t.Helper()
		c.t = at
		if err := d.Gone(ctx, source, []string{id}); err != nil {
			t.Fatal(err)
		}
	}
	gone := func(at time.Time, id string) { goneFrom(at, "wanted", id) }
	req := func(s string) jobs.Requirement { return jobs.Requirement{Skill: s, Section: jobs.SectionRequired} }
	pref := func(s string) jobs.Requirement { return jobs.Requirement{Skill: s, Section: jobs.SectionPreferred} }
	other := func(s string) jobs.Requirement { return jobs.Requirement{Skill: s, Section: jobs.SectionOther} }

	put(day(2).Add(9*time.Hour), "wanted", "G", "Old Role", req("Python"))
	gone(day(4), "G")
	put(day(6), "wanted", "A", "ML Engineer", req("Python"), pref("Docker"), other("Git"))
	put(day(6), "wanted", "B", "Data Engineer", req("Python"), req("Kubernetes"))
	put(day(6), "wanted", "H", "SRE", pref("Kubernetes"))
	put(day(8), "wanted", "H", "SRE", pref("Kubernetes"))
	if _, err := d.write.ExecContext(ctx, `UPDATE postings SET status = 'closed', closed_at = NULL WHERE id = ?`, ids["H"]); err != nil {
		t.Fatal(err)
	}
	gone(day(10), "B")
	put(day(6), "wanted", "K1", "Spark Engineer", req("Spark"))
	put(day(7), "greenhouse", "K2", "Spark Engineer")
	gone(day(8), "K1")
	goneFrom(day(14), "greenhouse", "K2")
	put(day(13), "greenhouse", "F", "ML Engineer", req("Docker"))
	put(day(13), "wanted", "C", "Backend Engineer", req("Docker"))
	gone(day(19), "C")
	put(day(26), "wanted", "D", "MLOps Engineer", req("Docker"), pref("Python"))
	put(day(27), "wanted", "E", "Go Developer", req("Go"))

	week := 7 * 24 * time.Hour
	periods := []Period{
		{day(5), day(12).Add(-time.Nanosecond)},
		{day(12), day(19).Add(-time.Nanosecond)},
		{day(19), day(19).Add(week)},
	}
	return d, periods, ids
}

func TestSkillTrendsCountsOpenPostingsPerWeek(t *testing.T) {
	ctx := context.Background()
	d, periods, ids := trendFixture(t)
	if p, err := d.FindPosting(ctx, ids["F"]); err != nil || p.GroupID != ids["A"] {
		t.Fatalf("F is not a sighting of A: %+v, %v", p, err)
	}
	type series struct{ Postings, Required []int }
	for _, tc := range []struct {
		name   string
		q      TrendQuery
		totals []int
		want   map[string]series
	}{
		{
			name:   "every posting",
			q:      TrendQuery{Periods: periods},
			totals: []int{4, 3, 3},
			want: map[string]series{
				"Spark":      {[]int{1, 1, 0}, []int{1, 1, 0}},
				"Python":     {[]int{2, 1, 2}, []int{2, 1, 1}},
				"Docker":     {[]int{1, 2, 3}, []int{1, 2, 3}},
				"Kubernetes": {[]int{2, 0, 0}, []int{1, 0, 0}},
			},
		},
		{
			name:   "some groups",
			q:      TrendQuery{Periods: periods, Groups: []int64{ids["C"], ids["D"]}},
			totals: []int{0, 1, 2},
			want: map[string]series{
				"Docker": {[]int{0, 1, 2}, []int{0, 1, 2}},
				"Python": {[]int{0, 0, 1}, []int{0, 0, 0}},
			},
		},
		{
			name:   "one skill",
			q:      TrendQuery{Periods: periods, Skills: []string{"Kubernetes"}},
			totals: []int{4, 3, 3},
			want:   map[string]series{"Kubernetes": {[]int{2, 0, 0}, []int{1, 0, 0}}},
		},
		{
			name:   "no groups",
			q:      TrendQuery{Periods: periods, Groups: []int64{}},
			totals: []int{0, 0, 0},
			want:   map[string]series{},
		},
		{
			name:   "one day, boundaries inclusive",
			q:      TrendQuery{Periods: []Period{{periods[2].Start, periods[2].Start}}},
			totals: []int{2}, // A is open; C closed at this instant
			want: map[string]series{
				"Python": {[]int{1}, []int{1}},
				"Docker": {[]int{2}, []int{2}},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := d.SkillTrends(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(tr.Totals, tc.totals) {
				t.Errorf("totals %v, want %v", tr.Totals, tc.totals)
			}
			got := map[string]series{}
			var names []string
			for _, s := range tr.Skills {
				got[s.Skill] = series{s.Postings, s.Required}
				names = append(names, s.Skill)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("series\n%v\nwant\n%v", got, tc.want)
			}
			for i := 1; i < len(names); i++ {
				if names[i-1] >= names[i] {
					t.Errorf("skills not by name: %v", names)
				}
			}
			if tr.Earliest == nil || !tr.Earliest.Equal(time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)) {
				t.Errorf("earliest %v, want 2026-01-02 09:00", tr.Earliest)
			}
		})
	}
}

func TestSkillTrendsRejectsBadPeriods(t *testing.T) {
	d := openTest(t)
	now := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	for _, q := range []TrendQuery{
		{},
		{Periods: []Period{{now, now.Add(-time.Hour)}}},
		{Periods: make([]Period, maxPeriods+1)},
		{Periods: []Period{{now, now.Add(time.Hour)}, {now.Add(time.Hour), now.Add(2 * time.Hour)}}},
		{Periods: []Period{{now.Add(time.Hour), now.Add(2 * time.Hour)}, {now, now}}},
	} {
		if _, err := d.SkillTrends(context.Background(), q); jobs.KindOf(err) != jobs.KindInvalid {
			t.Errorf("%d periods: %v, want an invalid-query error", len(q.Periods), err)
		}
	}
	tr, err := d.SkillTrends(context.Background(), TrendQuery{Periods: []Period{{now, now}}})
	if err != nil || tr.Earliest != nil || tr.Totals[0] != 0 || len(tr.Skills) != 0 {
		t.Errorf("empty store: %+v, %v", tr, err)
	}
}

// skillTrendsSQL is how SkillTrends counted before it read list rows: SQLite over the
// requirements table. It stays as the reference the Go counting must agree with.
func skillTrendsSQL(ctx context.Context, d *DB, q TrendQuery) (*Trends, error) {
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
	totals := make([]int, n+1)
	bySkill := map[string]*trendDeltas{}
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
			s = &trendDeltas{postings: make([]int, n+1), required: make([]int, n+1)}
			bySkill[skill.String] = s
		}
		s.postings[i] += dp
		s.required[i] += dreq
	}
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot count skill trends")
	}
	out.sum(totals, bySkill)
	return out, t.commit()
}

// SkillTrends counts what the SQL over the requirements table counted, on random histories:
// postings seen on several boards, closed and reopened, over random periods and filters.
func TestSkillTrendsAgreesWithSQL(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 11))
	c := newClock()
	d := openTest(t, WithClock(c.Now))
	start := c.Now()
	skills := []string{"Python", "SQL", "Go", "Kubernetes", "Spark"}
	sections := []jobs.Section{jobs.SectionRequired, jobs.SectionPreferred, jobs.SectionOther}
	sources := []string{"wanted", "lever", "greenhouse"}
	for i := range 300 {
		p := posting(sources[rng.IntN(len(sources))], fmt.Sprint(i))
		p.Company, p.Title = fmt.Sprintf("Co %d", rng.IntN(40)), fmt.Sprintf("Role %d", rng.IntN(3))
		p.Analysis = &jobs.Analysis{}
		for _, k := range rng.Perm(len(skills))[:rng.IntN(4)] {
			p.Analysis.Skills = append(p.Analysis.Skills, jobs.Requirement{Skill: skills[k], Section: sections[rng.IntN(3)]})
		}
		mustUpsert(t, d, p)
		c.Advance(time.Duration(rng.IntN(30)) * time.Hour)
		if rng.IntN(4) == 0 {
			if err := d.Gone(ctx, p.Source, []string{p.SourceID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	end := c.Now()
	for round := range 30 {
		n := 1 + rng.IntN(12)
		step := end.Sub(start) / time.Duration(n)
		q := TrendQuery{}
		from := start.Add(-time.Duration(rng.IntN(100)) * time.Hour)
		for i := range n {
			s := from.Add(time.Duration(i) * step)
			q.Periods = append(q.Periods, Period{Start: s, End: s.Add(step - time.Duration(1+rng.IntN(3))*time.Hour)})
		}
		switch round % 3 {
		case 1:
			q.Skills = []string{skills[rng.IntN(len(skills))], "Rust"}
		case 2:
			for g := range 60 {
				if rng.IntN(2) == 0 {
					q.Groups = append(q.Groups, int64(g+1))
				}
			}
		}
		got, err := d.SkillTrends(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		want, err := skillTrendsSQL(ctx, d, q)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d (%d periods, skills %v, %d groups):\n got %+v\nwant %+v", round, n, q.Skills, len(q.Groups), got, want)
		}
	}
}
