package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
)

type rematchOptions struct {
	f *Factory
}

func newRematchCmd(f *Factory, runF func(*rematchOptions) error) *cobra.Command {
	opts := &rematchOptions{f: f}
	cmd := &cobra.Command{
		Use:   "rematch",
		Short: "Re-read every stored posting after the dictionary or the config changed",
		Long: `Re-derive every stored posting's skills, years and degree from its stored text, without
fetching anything. Run it after upgrading jobs or editing skills.aliases / skills.extra.
Scores follow the profile on every run and need no rematch.`,
		Example: `  jobs rematch`,
		Args:    maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return rematchRun(cmd, opts)
		},
	}
	return cmd
}

func rematchRun(cmd *cobra.Command, opts *rematchOptions) error {
	read, changed, err := rematchAll(cmd.Context(), opts.f)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.f.IO.ErrOut, "Re-read %d postings: %d changed.\n", read, changed)
	return nil
}

// rematchAll re-derives every stored posting's analysis from its text and stores the ones
// that changed; it returns how many it read and how many changed.
func rematchAll(ctx context.Context, f *Factory) (read, changed int, err error) {
	an, err := f.Analyzer()
	if err != nil {
		return 0, 0, err
	}
	store, err := f.WriteStore(ctx)
	if err != nil {
		return 0, 0, err
	}
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
	readErr := store.EachPosting(ctx, func(p *jobs.Posting) error { return send(ctx, in, p) })
	close(in)
	if err := <-writeErr; err != nil {
		return 0, 0, err
	}
	if readErr != nil {
		return 0, 0, readErr
	}
	return n + int(unchanged.Load()), n, nil
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
