package ingest

import (
	"context"
	"runtime"
	"sync"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/matcher"
)

// UnknownTerms tallies the tech-looking terms the dictionary lacks over the stored open
// postings (every posting when all is set), and returns the tally and how many postings it
// read. The store streams the postings, every core reads their terms, and one tally counts
// them (its counts do not depend on the order they come in).
func UnknownTerms(ctx context.Context, store *db.DB, an *matcher.Analyzer, all bool) (tally *matcher.TermTally, read int, err error) {
	tally = matcher.NewTermTally()
	in := make(chan *jobs.Posting, 64)
	terms := make(chan []string, 64)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for p := range in {
				terms <- an.UnknownTerms(p)
			}
		})
	}
	go func() { wg.Wait(); close(terms) }()
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		for ts := range terms {
			tally.Add(ts)
		}
	}()
	err = store.EachPosting(ctx, func(p *jobs.Posting) error {
		if !all && p.Status != jobs.StatusOpen {
			return nil
		}
		read++
		return send(ctx, in, p)
	})
	close(in)
	<-counted
	if err != nil {
		return nil, read, err
	}
	return tally, read, nil
}

// send hands v to a pipeline's channel, unless ctx ends first.
func send[T any](ctx context.Context, ch chan<- T, v T) error {
	select {
	case ch <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
