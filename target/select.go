package target

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// Query is what a command (list, gaps, digest, trends) asks of the stored postings: the
// filters its command line sets. The targets apply unless All is set. Part of it the store
// answers (Filter); the rest is applied as the postings are scored (Choose).
type Query struct {
	All      bool // every stored posting, open or closed, targets off
	MinScore *float64
	Company  string
	Newcomer bool
	Since    *time.Time
	Source   string
	Limit    int
	// OpenSince takes, instead of the open postings, every posting open at some time since
	// then, closed ones too (trends over past weeks).
	OpenSince *time.Time
}

// Filter is what the store is asked for: the open postings unless All or OpenSince is set.
func (q Query) Filter() jobs.Filter {
	var filter jobs.Filter
	if !q.All && q.OpenSince == nil {
		open := jobs.StatusOpen
		filter.Status = &open
	}
	if q.Company != "" {
		filter.Company = &q.Company
	}
	if q.Newcomer {
		t := true
		filter.Newcomer = &t
	}
	if q.Source != "" {
		filter.Source = &q.Source
	}
	filter.Since = q.Since
	return filter
}

// Store reads postings, calling each with every posting as it is read (*db.DB is one).
type Store interface {
	ListPostingsEach(ctx context.Context, f jobs.Filter, each func(*jobs.Posting)) ([]*jobs.Posting, error)
}

// Scoring is what a posting is scored with: the skill dictionary and the user's profile.
type Scoring struct {
	Dict    *matcher.Dictionary
	Profile *matcher.Profile
}

// Select reads the postings q selects, scores them, and returns those the rules keep, best
// first, and those they leave out, each with the rules that did, in the store's order.
// A posting whose deadline passed by now is not open, whatever its source still says.
func Select(ctx context.Context, store Store, sc Scoring, rules *Rules, q Query, now time.Time) ([]matcher.Scored, []Exclusion, error) {
	filter := q.Filter()
	read, err := Read(ctx, store, sc, filter)
	if err != nil {
		return nil, nil, err
	}
	posts := jobs.CloseExpired(read.Posts, now, filter.Status != nil)
	out, excluded := read.Choose(GroupSightings(posts), rules, q)
	return out, excluded, nil
}

// Scored is postings read from the store, each scored as it was read.
type Scored struct {
	Posts  []*jobs.Posting
	scored map[int64]jobs.Match
}

// Read reads the postings filter selects and scores each against the profile.
func Read(ctx context.Context, store Store, sc Scoring, filter jobs.Filter) (*Scored, error) {
	// Scoring is the costly part: each posting is scored on the core that reads it, as it is
	// read, so that a list never holds every posting's requirement groups at once.
	var mu sync.Mutex
	scored := map[int64]jobs.Match{}
	posts, err := store.ListPostingsEach(ctx, filter, func(p *jobs.Posting) {
		m := sc.Dict.Score(sc.Profile, p.Analysis)
		mu.Lock()
		scored[p.ID] = m
		mu.Unlock()
	})
	if err != nil {
		return nil, err
	}
	return &Scored{Posts: posts, scored: scored}, nil
}

// MatchOf is a posting's match: the first sighting names the posting, the best-read
// sighting scores it.
func (r *Scored) MatchOf(g []*jobs.Posting) jobs.Match {
	m := r.scored[g[0].ID]
	for _, other := range g[1:] {
		if om := r.scored[other.ID]; om.Score > m.Score {
			m = om
		}
	}
	return m
}

// Choose keeps the postings (their sightings, grouped) that q and the rules select, best
// first, and returns those the rules left out.
func (r *Scored) Choose(groups [][]*jobs.Posting, rules *Rules, q Query) ([]matcher.Scored, []Exclusion) {
	out := make([]matcher.Scored, 0, len(groups))
	var excluded []Exclusion
	for _, g := range groups {
		p, m := g[0], r.MatchOf(g)
		if q.OpenSince != nil && !OpenSince(g, *q.OpenSince) {
			continue
		}
		if !q.All {
			if why := rules.Check(g); len(why) > 0 {
				excluded = append(excluded, Exclusion{Posting: p, Reasons: why})
				continue
			}
		}
		if q.All {
			if q.MinScore != nil && m.Score < *q.MinScore {
				continue
			}
		} else if why, left := rules.CheckScore(m.Score, q.MinScore); left {
			excluded = append(excluded, Exclusion{Posting: p, Reasons: []Reason{why}})
			continue
		}
		out = append(out, matcher.Scored{Posting: p, Match: m})
	}
	out = BestFirst(out)
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, excluded
}

// BestFirst orders postings by score, then newest first, then by id, highest first: a total
// order, as ids are unique. It sorts small keys and then moves each posting once (at 50,000
// postings, a stable sort of the postings themselves spent 40 ms moving them).
func BestFirst(items []matcher.Scored) []matcher.Scored {
	type key struct {
		score   float64
		sec, ns int64 // first seen, as time.Compare reads it
		id      int64
		at      int
	}
	keys := make([]key, len(items))
	for i, it := range items {
		seen := it.Posting.FirstSeen
		keys[i] = key{it.Match.Score, seen.Unix(), int64(seen.Nanosecond()), it.Posting.ID, i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.sec, a.sec); c != 0 {
			return c
		}
		if c := cmp.Compare(b.ns, a.ns); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	out := make([]matcher.Scored, len(items))
	for i, k := range keys {
		out[i] = items[k.at]
	}
	return out
}

// OpenSince reports whether a posting (its sightings) was open at some time since t.
func OpenSince(g []*jobs.Posting, t time.Time) bool {
	for _, p := range g {
		if p.Status == jobs.StatusOpen && p.ClosedAt == nil {
			return true
		}
		closed := p.ClosedAt
		if closed == nil {
			closed = &p.LastSeen
			if p.Due != nil && p.Due.Before(*closed) {
				closed = p.Due // closed by its deadline
			}
		}
		if !closed.Before(t) {
			return true
		}
	}
	return false
}

// GroupSightings groups the sightings of one posting (the store's GroupID), first seen
// first, and records every place on the first.
func GroupSightings(posts []*jobs.Posting) [][]*jobs.Posting {
	index := make(map[int64]int, len(posts))
	var groups [][]*jobs.Posting
	for _, p := range posts {
		key := p.GroupID
		if key == 0 {
			key = p.ID
		}
		if i, ok := index[key]; ok {
			groups[i] = append(groups[i], p)
			continue
		}
		index[key] = len(groups)
		groups = append(groups, []*jobs.Posting{p})
	}
	for _, g := range groups {
		if len(g) > 1 {
			sort.SliceStable(g, func(i, j int) bool {
				if !g[i].FirstSeen.Equal(g[j].FirstSeen) {
					return g[i].FirstSeen.Before(g[j].FirstSeen)
				}
				return g[i].ID < g[j].ID
			})
		}
		first := g[0]
		first.Places = make([]jobs.Place, len(g))
		for i, p := range g {
			first.Places[i] = jobs.Place{Source: p.Source, SourceID: p.SourceID, URL: p.URL}
			if p.Status == jobs.StatusOpen {
				first.Status = jobs.StatusOpen
			}
			// A repost with other text updates the posting it repeats.
			if p.UpdatedAt != nil && (first.UpdatedAt == nil || p.UpdatedAt.After(*first.UpdatedAt)) {
				first.UpdatedAt = p.UpdatedAt
			}
		}
	}
	return groups
}
