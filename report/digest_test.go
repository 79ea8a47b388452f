package report

import (
	"reflect"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/matcher"
)

func TestCompareGapsRanks(t *testing.T) {
	gaps := func(names ...string) []matcher.Gap {
		var out []matcher.Gap
		for i, n := range names {
			out = append(out, matcher.Gap{Skill: n, Required: 20 - i})
		}
		return out
	}
	counts := func(names ...string) []db.GapCount {
		var out []db.GapCount
		for i, n := range names {
			out = append(out, db.GapCount{Skill: n, Required: 10 - i})
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		now     []matcher.Gap
		base    []db.GapCount
		moves   []string // skill:move
		dropped []string
	}{
		{"no report", gaps("Go", "Rust"), nil, []string{"Go:new", "Rust:new"}, nil},
		{"swap", gaps("Go", "Rust"), counts("Rust", "Go"), []string{"Go:↑1", "Rust:↓1"}, nil},
		{"beyond the top", gaps("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"),
			counts("K", "A"), []string{"A:↑1", "B:new", "C:new", "D:new", "E:new", "F:new", "G:new", "H:new", "I:new", "J:new"},
			[]string{"K (now 11th)"}},
		{"gone", gaps("Go"), counts("Go", "Java"), []string{"Go:="}, []string{"Java (no longer missing)"}},
	} {
		dg := &Digest{}
		var base *db.GapSnapshot
		if tc.base != nil {
			base = &db.GapSnapshot{Gaps: tc.base}
		}
		dg.compareGaps(tc.now, base)
		var moves, dropped []string
		for _, g := range dg.Gaps {
			moves = append(moves, g.Skill+":"+g.Move())
		}
		for _, g := range dg.Dropped {
			dropped = append(dropped, g.DropNote())
		}
		if !reflect.DeepEqual(moves, tc.moves) || !reflect.DeepEqual(dropped, tc.dropped) {
			t.Errorf("%s: moves %v dropped %v, want %v %v", tc.name, moves, dropped, tc.moves, tc.dropped)
		}
	}
}

func TestTrendsChart(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	weeks := make([]Week, TrendWeeks)
	for i := range weeks {
		weeks[i] = Week{Start: now.AddDate(0, 0, -7*(TrendWeeks-i)), End: now.AddDate(0, 0, -7*(TrendWeeks-i-1)), Collected: true}
	}
	counts := func(last int) []int {
		c := make([]int, TrendWeeks)
		c[TrendWeeks-1] = last
		return c
	}
	dg := &Digest{Now: now, loc: time.UTC, Trends: &Trends{Now: now, Weeks: weeks, Skills: []SkillTrend{
		{Skill: "Go", Counts: counts(3), Now: 3, Change: 3, Have: true},
		{Skill: "Rust", Counts: counts(1), Now: 1, Change: 1},
		{Skill: "COBOL", Counts: counts(0)}, // not asked for this week: no row
	}}}
	// A row of weekly bars for each skill asked for this week.
	c := dg.trendsChart()
	if c.Empty != "" || len(c.Rects) != 2*TrendWeeks {
		t.Errorf("trends chart: %q, %d bars, want %d", c.Empty, len(c.Rects), 2*TrendWeeks)
	}
	if c := (&Digest{Now: now, loc: time.UTC}).trendsChart(); c.Empty == "" || len(c.Rects) != 0 {
		t.Errorf("no trends: %q, %d bars", c.Empty, len(c.Rects))
	}
}

// The digest names each unmet requirement once, its alternatives together.
func TestDigestEntryNamesRequirements(t *testing.T) {
	it := matcher.Scored{Posting: &jobs.Posting{ID: 1, Company: "C", Title: "T"},
		Match: jobs.Match{Missing: []string{"React", "Vue.js", "Docker"}, MissingGroups: [][]string{{"React", "Vue.js"}, {"Docker"}}}}
	if got := (&Input{Company: func(s string) string { return s }}).entryOf(it).Missing; !reflect.DeepEqual(got, []string{"React or Vue.js", "Docker"}) {
		t.Errorf("digest missing %q", got)
	}
}
