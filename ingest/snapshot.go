package ingest

import (
	"context"

	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/matcher"
)

// SnapshotSize is the number of gaps kept per run, so a skill's earlier rank is known
// beyond the top.
const SnapshotSize = 50

// GapCounts is the snapshot of a gaps report: its first SnapshotSize gaps.
func GapCounts(gaps []matcher.Gap) []db.GapCount {
	if len(gaps) > SnapshotSize {
		gaps = gaps[:SnapshotSize]
	}
	out := make([]db.GapCount, len(gaps))
	for i, g := range gaps {
		out[i] = db.GapCount{Skill: g.Skill, Required: g.Required, Preferred: g.Preferred, Unlocks: g.Unlocks}
	}
	return out
}

// RecordGapSnapshot saves the gaps report over the postings scored (the open ones) as the
// report of run runID, so that the next digest can say how the gaps moved. Its error is
// only a warning: the run's postings are stored already.
func RecordGapSnapshot(ctx context.Context, store *db.DB, runID int64, scored func(context.Context) ([]matcher.Scored, error)) error {
	items, err := scored(ctx)
	if err != nil {
		return err
	}
	return store.SaveGapSnapshot(ctx, runID, GapCounts(matcher.Gaps(items)))
}
