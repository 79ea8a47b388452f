package target

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// BestFirst orders postings as a stable sort by score, first seen and id (all descending)
// does, ties, zero times and times far apart included.
func TestBestFirstIsTheStableOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for round := range 200 {
		n := r.IntN(60)
		items := make([]matcher.Scored, n)
		for i := range items {
			seen := base.Add(time.Duration(r.IntN(4)) * time.Hour).Add(time.Duration(r.IntN(3)))
			switch r.IntN(10) {
			case 0:
				seen = time.Time{}
			case 1:
				seen = time.Date(1, 1, 1, 0, 0, 0, r.IntN(2), time.UTC)
			case 2:
				seen = time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC)
			}
			items[i] = matcher.Scored{
				Posting: &jobs.Posting{ID: int64(r.IntN(1000)), FirstSeen: seen},
				Match:   jobs.Match{Score: float64(r.IntN(5)) / 4},
			}
		}
		want := slices.Clone(items)
		slices.SortStableFunc(want, func(a, b matcher.Scored) int {
			if c := cmp.Compare(b.Match.Score, a.Match.Score); c != 0 {
				return c
			}
			if c := b.Posting.FirstSeen.Compare(a.Posting.FirstSeen); c != 0 {
				return c
			}
			return cmp.Compare(b.Posting.ID, a.Posting.ID)
		})
		got := BestFirst(items)
		for i := range want {
			// Equal keys may only come from equal postings' keys: compare what orders them.
			w, g := want[i], got[i]
			if w.Match.Score != g.Match.Score || !w.Posting.FirstSeen.Equal(g.Posting.FirstSeen) || w.Posting.ID != g.Posting.ID {
				t.Fatalf("round %d, place %d: got %v %v %d, want %v %v %d", round, i,
					g.Match.Score, g.Posting.FirstSeen, g.Posting.ID, w.Match.Score, w.Posting.FirstSeen, w.Posting.ID)
			}
		}
	}
}
