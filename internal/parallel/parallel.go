// Package parallel runs independent calls on several goroutines: the scraper's page
// fetches, the store's row preparation, the commands' scoring.
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// For calls do(i) for i in [0, n) on up to workers goroutines (at least one), handing the
// indexes out in order, and returns when every call has returned. Once ctx is done no new
// call starts. do does its own locking.
func For(ctx context.Context, workers, n int, do func(i int)) {
	var (
		mu   sync.Mutex
		next int
		wg   sync.WaitGroup
	)
	take := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if next >= n || ctx.Err() != nil {
			return 0, false
		}
		next++
		return next - 1, true
	}
	for range min(max(workers, 1), n) {
		wg.Go(func() {
			for i, ok := take(); ok; i, ok = take() {
				do(i)
			}
		})
	}
	wg.Wait()
}

// Each calls do(i) for i in [0, n) on every core and returns the error of the lowest i
// that failed, or nil.
func Each(n int, do func(i int) error) error {
	errs := make([]error, n)
	For(context.Background(), runtime.GOMAXPROCS(0), n, func(i int) { errs[i] = do(i) })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
