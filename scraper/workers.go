package scraper

import (
	"context"
	"sync"
)

// eachParallel calls do(i) for i in [0, n) on up to workers goroutines, in order of i, and
// returns when every call has returned. Once ctx is done no new call starts. The fetcher's
// limit rule paces the requests the calls make; do does its own locking.
func eachParallel(ctx context.Context, workers, n int, do func(i int)) {
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
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, ok := take(); ok; i, ok = take() {
				do(i)
			}
		}()
	}
	wg.Wait()
}
