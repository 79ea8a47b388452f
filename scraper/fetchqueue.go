package scraper

import (
	"cmp"
	"context"
	"slices"
	"sync"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/parallel"
)

// fetchQueue is the loop of every source that fetches its postings' pages one by one
// (Wanted's posting pages, the detail pages of listed postings, career pages). It keeps the
// first Config.Limit pages of queue, counting the rest in stats.Queued, and fetches them with
// Config.Parallelism workers, each host's limit rule pacing them. Each answer goes to save,
// one page at a time: save reads the page, hands what it gives to the sink, counts it in
// stats and returns the page's failure. A request that went out counts in stats.Fetched. A
// page whose fetch was cancelled is not saved: it and the pages never started (the run was
// cancelled) are counted in stats.Queued, left for the next run. Config.Progress hears of
// every page done. The failures go to stats in the queue's order, whatever order the workers
// finished in; fetchQueue returns how many pages were done and the failures, in that order.
func fetchQueue[T any](ctx context.Context, cfg Config, queue []T, stats *jobs.SourceStats,
	fetch func(T) *result, save func(T, *result) *jobs.Failure) (done int, failures []jobs.Failure) {
	if cfg.Limit > 0 && len(queue) > cfg.Limit {
		stats.Queued += len(queue) - cfg.Limit
		queue = queue[:cfg.Limit]
	}
	var (
		mu     sync.Mutex // guards stats, done and failed, and serialises save (and so the sink)
		failed []indexedFailure
	)
	parallel.For(ctx, cfg.Parallelism, len(queue), func(i int) {
		r := fetch(queue[i])
		if r.cancelled {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if r.requested {
			stats.Fetched++
		}
		if fl := save(queue[i], r); fl != nil {
			failed = append(failed, indexedFailure{i, *fl})
		}
		done++
		if cfg.Progress != nil {
			cfg.Progress(done, len(queue))
		}
	})
	stats.Queued += len(queue) - done
	slices.SortFunc(failed, func(a, b indexedFailure) int { return cmp.Compare(a.index, b.index) })
	for _, f := range failed {
		stats.Failed++
		stats.Failures = append(stats.Failures, f.failure)
		failures = append(failures, f.failure)
	}
	return done, failures
}

// indexedFailure is a page's failure with the page's place in the queue.
type indexedFailure struct {
	index   int
	failure jobs.Failure
}

// storePage saves a fetched page, with its posting when it gave one, and counts the page's
// outcome in stats: kept or closed (a skipped page counts as neither).
func storePage(ctx context.Context, sink jobs.Sink, page jobs.Page, p *jobs.Posting, stats *jobs.SourceStats) error {
	if err := sink.Save(ctx, page, p); err != nil {
		return err
	}
	switch page.Outcome {
	case jobs.OutcomeKept:
		stats.Kept++
	case jobs.OutcomeClosed:
		stats.Closed++
	}
	return nil
}

// addFailure counts a failure of source's run in stats.
func addFailure(stats *jobs.SourceStats, source, u string, status int, reason string) {
	stats.Failed++
	stats.Failures = append(stats.Failures, jobs.Failure{Source: source, URL: u, Status: status, Reason: reason})
}
