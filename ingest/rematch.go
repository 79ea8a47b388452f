package ingest

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/matcher"
)

// Rematch re-derives every stored posting's analysis from its text and stores the ones
// that changed; it returns how many it read and how many changed.
func Rematch(ctx context.Context, store *db.DB, an *matcher.Analyzer) (read, changed int, err error) {
	// Reading streams postings to workers on every core; one writer stores them in batches.
	in := make(chan *jobs.Posting, 256)
	out := make(chan db.AnalysisUpdate, 256)
	var wg sync.WaitGroup
	var unchanged atomic.Int64
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range in {
				a := an.AnalyzePosting(p)
				if a.Same(p.Analysis) {
					unchanged.Add(1) // nothing to write
					continue
				}
				out <- db.AnalysisUpdate{ID: p.ID, Analysis: a}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	writeErr := make(chan error, 1)
	n := 0
	go func() {
		const batch = 1000
		var buf []db.AnalysisUpdate
		var err error
		for u := range out {
			if err != nil {
				continue
			}
			buf = append(buf, u)
			if len(buf) == batch {
				err = store.UpdateAnalyses(ctx, buf)
				n += len(buf)
				buf = buf[:0]
			}
		}
		if err == nil && len(buf) > 0 {
			err = store.UpdateAnalyses(ctx, buf)
			n += len(buf)
		}
		writeErr <- err
	}()
	readErr := store.EachPosting(ctx, func(p *jobs.Posting) error {
		select { // unless ctx ends first
		case in <- p:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(in)
	if err := <-writeErr; err != nil {
		return 0, 0, err
	}
	if readErr != nil {
		return 0, 0, readErr
	}
	return n + int(unchanged.Load()), n, nil
}
