package db

import (
	"context"
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
