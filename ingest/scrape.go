package ingest

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/scraper"
)

// Scrape is what one scrape run reads from and writes to.
type Scrape struct {
	Sources  []jobs.Source
	Store    *db.DB
	Analyzer *matcher.Analyzer
	Budget   time.Duration // each source's time budget (scrape.budget); 0 = none
	// Scored scores the open postings against the profile, best first: the run's gaps
	// snapshot is made of them.
	Scored func(context.Context) ([]matcher.Scored, error)

	// What the run reports as it goes; each may be nil.
	Reread     func(read, changed int)  // stored postings were re-read before the run
	SourceDone func(SourceResult)       // a source finished (not called once the run is interrupted)
	NotRun     func(source, why string) // a source left out because the store failed
}

// SourceResult is one source's part of a run.
type SourceResult struct {
	Stats  jobs.SourceStats
	Counts Counts
	Err    error // the source failed as a whole
}

// Outcome is what a run did, source by source, and how it ended.
type Outcome struct {
	RunID         int64
	Stats         []jobs.SourceStats // one per source, in the order they ran
	FailedSources int
	Partial       bool // some pages failed
	Reached       int  // postings listed, kept or closed over every source
	Interrupted   bool // the context ended during a source: the run is recorded as such
	// SnapshotErr says why the run's gaps snapshot was not saved: a warning, the postings
	// are stored.
	SnapshotErr error
}

// Status is how a run ended, as its exit status tells it.
type Status int

const (
	StatusOK          Status = iota // every source succeeded
	StatusPartial                   // some pages or sources failed; what could be collected is stored
	StatusNothing                   // no source could even list its postings
	StatusInterrupted               // stopped before a source finished; the next run resumes
)

// Status is the run's ending.
func (o Outcome) Status() Status {
	switch {
	case o.Interrupted:
		return StatusInterrupted
	case o.FailedSources == len(o.Stats) && o.Reached == 0:
		// No source could even list its postings (robots.txt, sitemaps or boards failed).
		return StatusNothing
	case o.FailedSources > 0 || o.Partial:
		return StatusPartial
	}
	return StatusOK
}

// analyzingSink reads each posting's requirements before the store keeps it, so list and
// gaps never parse pages.
type analyzingSink struct {
	jobs.Sink
	an *matcher.Analyzer
}

func (s analyzingSink) Save(ctx context.Context, page jobs.Page, p *jobs.Posting) error {
	if p != nil {
		p.Analysis = s.an.AnalyzePosting(p)
	}
	return s.Sink.Save(ctx, page, p)
}

// Run collects every source into the store, one after another, as one recorded run, then
// saves the run's gaps snapshot. An error is one of the store's; a source's failure is in
// the outcome.
func Run(ctx context.Context, sc Scrape) (Outcome, error) {
	store := sc.Store
	// Postings stored by an older jobs, before requirements were read as groups of
	// alternatives, are re-read once, so that every score and gap counts groups.
	if n, err := store.CountUngrouped(ctx); err != nil {
		return Outcome{}, err
	} else if n > 0 {
		read, changed, err := Rematch(ctx, store, sc.Analyzer)
		if err != nil {
			return Outcome{}, err
		}
		if sc.Reread != nil {
			sc.Reread(read, changed)
		}
	}
	runID, err := store.StartRun(ctx)
	if err != nil {
		return Outcome{}, err
	}
	out := Outcome{RunID: runID}
	sink := &countingSink{Sink: analyzingSink{Sink: store, an: sc.Analyzer}, store: store}
	for i, src := range sc.Sources {
		sink.reset()
		st, err := scraper.RunSource(ctx, src, sink, sc.Budget)
		var stopped *scraper.StoppedError
		if errors.As(err, &stopped) { // stopped early, what it stored kept: its stats say why
			err = nil
		}
		st.Source = src.Name()
		if err != nil {
			if errors.Is(err, context.Canceled) || ctx.Err() != nil {
				// Recorded as interrupted, so doctor and the digest do not read the run as a
				// quiet night; what was stored stays, and the next run resumes.
				st.Failures = append(st.Failures, jobs.Failure{Source: src.Name(), Reason: "scrape interrupted (Ctrl-C or a stop signal) before this source finished"})
				out.Stats = append(out.Stats, st)
				_ = store.FinishRun(context.WithoutCancel(ctx), runID, out.Stats)
				out.Interrupted = true
				return out, nil
			}
			out.FailedSources++
			// The error names the source already; the failure adds it again when printed.
			reason := strings.TrimPrefix(err.Error(), src.Name()+": ")
			st.Failures = append([]jobs.Failure{{Source: src.Name(), Reason: reason}}, st.Failures...)
		}
		if st.Failed > 0 {
			out.Partial = true
		}
		out.Reached += st.Listed + st.Kept + st.Closed
		out.Stats = append(out.Stats, st)
		if sc.SourceDone != nil {
			sc.SourceDone(SourceResult{Stats: st, Counts: sink.reset(), Err: err})
		}
		if stopped != nil && errors.Is(stopped, scraper.ErrStoreUnavailable) {
			// Every source would fetch pages it cannot store: the run stops here.
			for _, rest := range sc.Sources[i+1:] {
				why := "not run: " + stopped.Reason.Error()
				out.Stats = append(out.Stats, jobs.SourceStats{Source: rest.Name(), Failed: 1, Failures: []jobs.Failure{{Source: rest.Name(), Reason: why}}})
				out.FailedSources++
				if sc.NotRun != nil {
					sc.NotRun(rest.Name(), why)
				}
			}
			break
		}
	}
	if err := store.FinishRun(ctx, runID, out.Stats); err != nil {
		return Outcome{}, err
	}
	// The digest tells how the top gaps moved from one run to the next.
	out.SnapshotErr = RecordGapSnapshot(ctx, store, runID, sc.Scored)
	return out, nil
}
