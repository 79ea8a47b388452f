package parallel

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
)

func TestFor(t *testing.T) {
	var mu sync.Mutex
	seen := map[int]int{}
	For(context.Background(), 3, 50, func(i int) { mu.Lock(); seen[i]++; mu.Unlock() })
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
	For(ctx, 1, 10, func(i int) {
		n++
		if i == 2 {
			cancel()
		}
	})
	if n != 3 {
		t.Errorf("after cancel: %d calls, want 3", n)
	}
	For(context.Background(), 4, 0, func(int) { t.Error("called with no items") })
	calls := 0
	For(context.Background(), 0, 2, func(int) { calls++ })
	if calls != 2 {
		t.Errorf("no workers asked for: %d calls, want 2 on one goroutine", calls)
	}
}

func TestEachReturnsTheFirstError(t *testing.T) {
	err := Each(100, func(i int) error {
		if i == 40 || i == 70 {
			return fmt.Errorf("item %d", i)
		}
		return nil
	})
	if err == nil || err.Error() != "item 40" {
		t.Errorf("error %v, want item 40's", err)
	}
	if err := Each(10, func(int) error { return nil }); err != nil {
		t.Error(err)
	}
	if err := Each(0, func(int) error { return errors.New("called") }); err != nil {
		t.Error(err)
	}
}
