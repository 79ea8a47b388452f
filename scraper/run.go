package scraper

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jobs-cli/jobs"
)

// DefaultBudget is how long one source may run in one scrape.
const DefaultBudget = 30 * time.Minute

// stopKey carries, in a source's context, the function that stops the source.
type stopKey struct{}

// stopSource stops the source running under ctx for the reason why; outside RunSource it
// does nothing.
func stopSource(ctx context.Context, why error) {
	if stop, ok := ctx.Value(stopKey{}).(context.CancelCauseFunc); ok {
		stop(&stopped{why})
	}
}

// stopped is why a source was stopped before its end, as the cause of its context.
type stopped struct{ err error }

func (s *stopped) Error() string { return s.err.Error() }
func (s *stopped) Unwrap() error { return s.err }

// StoppedError is RunSource's error for a source stopped before its end; what it stored is
// kept, and its stats say why it stopped. It is not a failure of the source.
type StoppedError struct{ Reason error }

func (e *StoppedError) Error() string { return "stopped: " + e.Reason.Error() }
func (e *StoppedError) Unwrap() error { return e.Reason }

// ErrStoreUnavailable is the cause of a stop because the store could not be written (a full
// disk): every source would fail alike, so the run stops too.
var ErrStoreUnavailable = errors.New("the database cannot be written")

// RunSource runs src into sink, stopping it early, with what it stored kept, when
//   - it has run for budget (0 = DefaultBudget),
//   - a site asked to be asked again later than a run waits (Retry-After), or
//   - a posting could not be stored because the store cannot be written (ErrStoreUnavailable):
//     what would be fetched after could not be stored either.
//
// A source stopped so returns a *StoppedError, its stats a failure saying why and how many
// pages are left for the next run.
func RunSource(ctx context.Context, src jobs.Source, sink jobs.Sink, budget time.Duration) (jobs.SourceStats, error) {
	if budget <= 0 {
		budget = DefaultBudget
	}
	sctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	sctx = context.WithValue(sctx, stopKey{}, cancel)
	timer := time.AfterFunc(budget, func() {
		cancel(&stopped{fmt.Errorf("stopped after %s, the time a source may run (scrape.budget)", humanDuration(budget))})
	})
	defer timer.Stop()
	st, err := src.Scrape(sctx, &stoppingSink{Sink: sink, ctx: sctx})
	timer.Stop() // a budget spent after the end stops nothing
	var why *stopped
	if ctx.Err() != nil || !errors.As(context.Cause(sctx), &why) {
		return st, err
	}
	msg := why.Error()
	if st.Queued > 0 {
		msg += fmt.Sprintf("; %d pages left for the next run", st.Queued)
	}
	st.Failed++
	st.Failures = append(st.Failures, jobs.Failure{Source: src.Name(), Reason: msg})
	return st, &StoppedError{Reason: why.err}
}

// stoppingSink stops the source at the first posting the store cannot take for want of
// space or of a writable file.
type stoppingSink struct {
	jobs.Sink
	ctx context.Context
}

func (s *stoppingSink) Save(ctx context.Context, page jobs.Page, p *jobs.Posting) error {
	err := s.Sink.Save(ctx, page, p)
	if err != nil && jobs.KindOf(err) == jobs.KindUnavailable && ctx.Err() == nil {
		stopSource(s.ctx, fmt.Errorf("%w (%s): stopped fetching, as nothing more could be stored", ErrStoreUnavailable, cleanText(err.Error())))
	}
	return err
}
