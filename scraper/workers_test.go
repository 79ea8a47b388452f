package scraper

import (
	"context"
	"sync"
	"testing"
)

func TestEachParallel(t *testing.T) {
	var mu sync.Mutex
	seen := map[int]int{}
	eachParallel(context.Background(), 3, 50, func(i int) { mu.Lock(); seen[i]++; mu.Unlock() })
	if len(seen) != 50 {
		t.Errorf("%d items done, want 50", len(seen))
	}
	for i, c := range seen {
		if c != 1 {
			t.Errorf("item %d done %d times", i, c)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	eachParallel(ctx, 1, 10, func(i int) {
		n++
		if i == 2 {
			cancel()
		}
	})
	if n != 3 {
		t.Errorf("after cancel: %d calls, want 3", n)
	}
	eachParallel(context.Background(), 4, 0, func(int) { t.Error("called with no items") })
}
