package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/matcher"
)

func openStore(t *testing.T) *db.DB {
	t.Helper()
	store, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

func TestRecordGapSnapshot(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	runID, err := store.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.FinishRun(ctx, runID, nil); err != nil {
		t.Fatal(err)
	}
	items := []matcher.Scored{
		{Posting: &jobs.Posting{ID: 1}, Match: jobs.Match{Missing: []string{"Go", "Kubernetes"}}},
		{Posting: &jobs.Posting{ID: 2}, Match: jobs.Match{Missing: []string{"Go"}, MissingPreferred: []string{"Rust"}}},
	}
	scored := func(context.Context) ([]matcher.Scored, error) { return items, nil }
	if err := RecordGapSnapshot(ctx, store, runID, scored); err != nil {
		t.Fatal(err)
	}
	snap, err := store.GapSnapshot(ctx, runID)
	if err != nil || snap == nil || !slices.Equal(snap.Gaps, GapCounts(matcher.Gaps(items))) {
		t.Fatalf("snapshot %+v, %v; want %+v", snap, err, GapCounts(matcher.Gaps(items)))
	}
	if snap.Gaps[0] != (db.GapCount{Skill: "Go", Required: 2, Unlocks: 1}) {
		t.Errorf("first gap %+v", snap.Gaps[0])
	}
	// An unknown run, or postings that cannot be scored, is an error for the caller to warn of.
	if err := RecordGapSnapshot(ctx, store, 999, scored); err == nil {
		t.Error("run 999: no error")
	}
	broken := errors.New("no profile")
	if err := RecordGapSnapshot(ctx, store, runID, func(context.Context) ([]matcher.Scored, error) { return nil, broken }); !errors.Is(err, broken) {
		t.Errorf("scoring failed: %v", err)
	}
}

func TestGapCountsKeepsTheTop(t *testing.T) {
	gaps := make([]matcher.Gap, SnapshotSize+10)
	for i := range gaps {
		gaps[i] = matcher.Gap{Skill: fmt.Sprint("s", i), Required: len(gaps) - i}
	}
	got := GapCounts(gaps)
	if len(got) != SnapshotSize || got[0].Skill != "s0" || got[SnapshotSize-1].Skill != fmt.Sprint("s", SnapshotSize-1) {
		t.Errorf("%d gaps kept, first %+v", len(got), got[0])
	}
}

func TestOutcomeStatus(t *testing.T) {
	two := []jobs.SourceStats{{Source: "a"}, {Source: "b"}}
	for _, tc := range []struct {
		name string
		o    Outcome
		want Status
	}{
		{"every source ok", Outcome{Stats: two, Reached: 5}, StatusOK},
		{"some pages failed", Outcome{Stats: two, Reached: 5, Partial: true}, StatusPartial},
		{"one source failed", Outcome{Stats: two, Reached: 5, FailedSources: 1}, StatusPartial},
		{"every source failed, some reached", Outcome{Stats: two, Reached: 1, FailedSources: 2}, StatusPartial},
		{"every source failed, nothing reached", Outcome{Stats: two, FailedSources: 2}, StatusNothing},
		{"interrupted", Outcome{Stats: two, FailedSources: 2, Interrupted: true}, StatusInterrupted},
	} {
		if got := tc.o.Status(); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
