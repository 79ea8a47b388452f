package db

import (
	"context"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestImportIsIdempotentAndKeepsFirstSeen(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))
	old := clk.Now().Add(-30 * 24 * time.Hour)
	batch := func() []*jobs.Posting {
		a, b := posting("jobspy-indeed", "in-1"), posting("wanted", "2")
		a.FirstSeen = old
		return []*jobs.Posting{a, b}
	}
	st, err := d.Import(ctx, batch())
	if err != nil || st != (ImportStats{Created: 2}) {
		t.Fatalf("first import: %+v, %v", st, err)
	}
	got, err := d.FindBySource(ctx, "jobspy-indeed", "in-1")
	if err != nil || !got.FirstSeen.Equal(old) {
		t.Fatalf("first_seen %v, want the imported %v (%v)", got.FirstSeen, old, err)
	}
	clk.Advance(time.Hour)
	st, err = d.Import(ctx, batch())
	if err != nil || st != (ImportStats{Unchanged: 2}) {
		t.Errorf("re-import: %+v, %v; want 2 unchanged", st, err)
	}
	if again, _ := d.FindBySource(ctx, "wanted", "2"); !again.LastSeen.Equal(got.LastSeen) {
		t.Errorf("re-import moved last_seen: %v -> %v", got.LastSeen, again.LastSeen)
	}
	changed := batch()
	changed[1].Sections.Requirements = "• Go 3년 이상"
	st, err = d.Import(ctx, changed)
	if err != nil || st != (ImportStats{Updated: 1, Unchanged: 1}) {
		t.Errorf("changed import: %+v, %v", st, err)
	}
	if _, err := d.Import(ctx, []*jobs.Posting{{Source: "x"}}); jobs.KindOf(err) != jobs.KindInvalid {
		t.Errorf("a posting without source id: %v", err)
	}
}
