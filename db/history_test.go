package db

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestGapSnapshots(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))

	if s, err := d.GapSnapshotBefore(ctx, clk.Now()); err != nil || s != nil {
		t.Fatalf("GapSnapshotBefore on a new store = %+v, %v; want nil", s, err)
	}
	start1 := clk.Now()
	run1, err := d.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	first := []GapCount{{Skill: "Kubernetes", Required: 5, Preferred: 2, Unlocks: 1}, {Skill: "Spark", Required: 3}}
	taken1 := clk.Advance(time.Hour)
	if err := d.SaveGapSnapshot(ctx, run1, first); err != nil {
		t.Fatal(err)
	}
	start2 := clk.Advance(24 * time.Hour)
	run2, err := d.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	second := []GapCount{{Skill: "Airflow", Required: 4, Unlocks: 2}, {Skill: "Kubernetes", Required: 6, Preferred: 1}}
	taken2 := clk.Advance(time.Hour)
	if err := d.SaveGapSnapshot(ctx, run2, second); err != nil {
		t.Fatal(err)
	}
	run3, err := d.StartRun(ctx) // no snapshot
	if err != nil {
		t.Fatal(err)
	}

	snap1 := &GapSnapshot{RunID: run1, RunStarted: start1, TakenAt: taken1, Gaps: first}
	snap2 := &GapSnapshot{RunID: run2, RunStarted: start2, TakenAt: taken2, Gaps: second}
	for _, tc := range []struct {
		name string
		get  func() (*GapSnapshot, error)
		want *GapSnapshot
	}{
		{"by run 1", func() (*GapSnapshot, error) { return d.GapSnapshot(ctx, run1) }, snap1},
		{"by run 2", func() (*GapSnapshot, error) { return d.GapSnapshot(ctx, run2) }, snap2},
		{"run without one", func() (*GapSnapshot, error) { return d.GapSnapshot(ctx, run3) }, nil},
		{"unknown run", func() (*GapSnapshot, error) { return d.GapSnapshot(ctx, 999) }, nil},
		{"before run 2 started", func() (*GapSnapshot, error) { return d.GapSnapshotBefore(ctx, start2) }, snap1},
		{"just after run 2 started", func() (*GapSnapshot, error) { return d.GapSnapshotBefore(ctx, start2.Add(time.Nanosecond)) }, snap2},
		{"long after", func() (*GapSnapshot, error) { return d.GapSnapshotBefore(ctx, start2.Add(100*time.Hour)) }, snap2},
		{"before any run", func() (*GapSnapshot, error) { return d.GapSnapshotBefore(ctx, start1) }, nil},
	} {
		got, err := tc.get()
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}

	// Saving again replaces the report; an empty report is a report.
	clk.Advance(time.Minute)
	if err := d.SaveGapSnapshot(ctx, run1, nil); err != nil {
		t.Fatal(err)
	}
	if s, err := d.GapSnapshot(ctx, run1); err != nil || s == nil || len(s.Gaps) != 0 || !s.TakenAt.Equal(clk.Now()) {
		t.Errorf("replaced snapshot = %+v, %v; want an empty one taken now", s, err)
	}
}

func TestSaveGapSnapshotRejects(t *testing.T) {
	ctx := context.Background()
	d := openTest(t, WithClock(newClock().Now))
	run, err := d.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kept := []GapCount{{Skill: "Go", Required: 1}}
	if err := d.SaveGapSnapshot(ctx, run, kept); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		run  int64
		gaps []GapCount
		kind jobs.Kind
	}{
		{"unknown run", run + 1, kept, jobs.KindNotFound},
		{"empty skill", run, []GapCount{{Skill: " "}}, jobs.KindInvalid},
		{"skill twice", run, []GapCount{{Skill: "Go"}, {Skill: "Rust"}, {Skill: "Go"}}, jobs.KindInvalid},
		{"negative count", run, []GapCount{{Skill: "Go", Unlocks: -1}}, jobs.KindInvalid},
	} {
		err := d.SaveGapSnapshot(ctx, tc.run, tc.gaps)
		if err == nil || jobs.KindOf(err) != tc.kind {
			t.Errorf("%s: error %v (kind %d), want kind %d", tc.name, err, jobs.KindOf(err), tc.kind)
		}
	}
	if s, err := d.GapSnapshot(ctx, run); err != nil || s == nil || !reflect.DeepEqual(s.Gaps, kept) {
		t.Errorf("a rejected save changed the snapshot: %+v, %v", s, err)
	}
}

func TestClosedSince(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))

	// Four postings; one also seen on a second board.
	for _, id := range []string{"1", "2", "3", "4"} {
		mustUpsert(t, d, posting("wanted", id))
	}
	dup := posting("greenhouse", "g4")
	dup.Title = "ML Engineer 4" // the same company and title as wanted 4: one posting
	mustUpsert(t, d, dup)

	clk.Advance(24 * time.Hour)
	if err := d.Gone(ctx, "wanted", []string{"1"}); err != nil {
		t.Fatal(err)
	}
	since := clk.Advance(24 * time.Hour)
	if err := d.Gone(ctx, "wanted", []string{"2"}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Hour)
	if err := d.Gone(ctx, "wanted", []string{"3", "4"}); err != nil { // 4 is still open on greenhouse
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name  string
		since time.Time
		want  []string
	}{
		{"window", since, []string{"3", "2"}},
		{"everything", since.Add(-48 * time.Hour), []string{"3", "2", "1"}},
		{"after the last", clk.Now().Add(time.Second), nil},
	} {
		got, err := d.ClosedSince(ctx, tc.since)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var ids []string
		for _, p := range got {
			ids = append(ids, p.SourceID)
			if p.Status != jobs.StatusClosed || p.ClosedAt == nil || p.ClosedAt.Before(tc.since) {
				t.Errorf("%s: %s status %s closed %v", tc.name, p.SourceID, p.Status, p.ClosedAt)
			}
			if names := skillNames(p); !reflect.DeepEqual(names, []string{"Python/required", "PyTorch/required", "Kubernetes/preferred"}) {
				t.Errorf("%s: %s skills %v", tc.name, p.SourceID, names)
			}
		}
		if !reflect.DeepEqual(ids, tc.want) {
			t.Errorf("%s: closed %v, want %v", tc.name, ids, tc.want)
		}
	}

	// Once the last sighting closes, the posting has closed.
	if err := d.Gone(ctx, "greenhouse", []string{"g4"}); err != nil {
		t.Fatal(err)
	}
	got, err := d.ClosedSince(ctx, since)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range got {
		ids = append(ids, p.Source+":"+p.SourceID)
	}
	if want := []string{"greenhouse:g4", "wanted:4", "wanted:3", "wanted:2"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("after the last sighting closed: %v, want %v", ids, want)
	}
}

func TestFirstSeenSince(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))

	t0 := clk.Now()
	mustUpsert(t, d, posting("wanted", "1"))
	t1 := clk.Advance(26 * time.Hour)
	mustUpsert(t, d, posting("wanted", "2"))
	dup := posting("lever", "l2")
	dup.Title = "ML Engineer 2" // a second sighting of wanted 2: not new
	clk.Advance(time.Hour)
	mustUpsert(t, d, dup)
	t3 := clk.Advance(time.Hour)
	mustUpsert(t, d, posting("wanted", "3"))
	// An import may date a posting back.
	old := posting("wanted", "0")
	old.FirstSeen = t0.Add(-72 * time.Hour)
	mustUpsert(t, d, old)

	for _, tc := range []struct {
		name  string
		since time.Time
		want  []time.Time
	}{
		{"all", t0.Add(-100 * time.Hour), []time.Time{old.FirstSeen, t0, t1, t3}},
		{"from the second", t1, []time.Time{t1, t3}},
		{"none", t3.Add(time.Second), nil},
	} {
		got, err := d.FirstSeenSince(ctx, tc.since)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestCompanyHistory(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))

	add := func(id, company string) {
		p := posting("wanted", id)
		p.Company = company
		mustUpsert(t, d, p)
		clk.Advance(24 * time.Hour)
	}
	add("1", "(주)카카오")
	add("2", "카카오뱅크")
	add("3", "주식회사 카카오")
	add("4", "Kakao Corp.")
	add("5", " 카카오 ")
	add("6", "KAKAO")
	add("7", "㈜ 카카오")
	if err := d.Gone(ctx, "wanted", []string{"3"}); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		query   string
		want    []string // source ids, newest first
		kind    jobs.Kind
		errHas  []string
		errLack []string
	}{
		{query: "카카오", want: []string{"7", "5", "3", "2", "1"}}, // as list --company: 카카오뱅크 holds 카카오
		{query: "(주) 카카오", want: []string{"7", "5", "3", "2", "1"}},
		{query: "kakao inc.", want: []string{"6", "4"}},
		{query: "KaKaO", want: []string{"6", "4"}},
		{query: "카카오뱅크", want: []string{"2"}},
		{query: "카카", want: []string{"7", "5", "3", "2", "1"}},
		{query: "카카오뱅크페이", kind: jobs.KindNotFound, errHas: []string{`"카카오뱅크페이"`, `similar names: "(주)카카오", "카카오뱅크"`}},
		{query: "네이버", kind: jobs.KindNotFound, errHas: []string{`"네이버"`}, errLack: []string{"similar"}},
		{query: "주식회사", kind: jobs.KindInvalid, errHas: []string{"no letters"}},
	} {
		got, err := d.CompanyHistory(ctx, tc.query)
		if tc.errHas != nil {
			if err == nil || jobs.KindOf(err) != tc.kind {
				t.Errorf("%q: error %v, want kind %d", tc.query, err, tc.kind)
				continue
			}
			for _, s := range tc.errHas {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("%q: error %q does not say %s", tc.query, err, s)
				}
			}
			for _, s := range tc.errLack {
				if strings.Contains(err.Error(), s) {
					t.Errorf("%q: error %q says %s", tc.query, err, s)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.query, err)
			continue
		}
		var ids []string
		for _, p := range got {
			ids = append(ids, p.SourceID)
		}
		if !reflect.DeepEqual(ids, tc.want) {
			t.Errorf("%q: postings %v, want %v", tc.query, ids, tc.want)
		}
	}

	got, err := d.CompanyHistory(ctx, "카카오")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range got {
		closed := p.SourceID == "3"
		if (p.Status == jobs.StatusClosed) != closed || (p.ClosedAt != nil) != closed || p.FirstSeen.IsZero() {
			t.Errorf("posting %s: status %s, closed at %v, first seen %v", p.SourceID, p.Status, p.ClosedAt, p.FirstSeen)
		}
	}
}
