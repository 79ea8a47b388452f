package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// selection is what list, gaps, digest and trends work on: the filters a command line sets;
// the config's targets apply unless All is set.
type selection struct {
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

// scoredPostings loads the selected postings and scores them against the profile, best first.
func scoredPostings(ctx context.Context, f *Factory, sel selection) ([]matcher.Scored, error) {
	items, _, err := targetPostings(ctx, f, sel)
	return items, err
}

// targetPostings is scoredPostings that also returns the postings the config's targets (or
// --min-score) left out, each with the rules that did, in the store's order.
func targetPostings(ctx context.Context, f *Factory, sel selection) ([]matcher.Scored, []exclusion, error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, nil, err
	}
	var filter jobs.Filter
	if !sel.All && sel.OpenSince == nil {
		open := jobs.StatusOpen
		filter.Status = &open
	}
	if sel.Company != "" {
		filter.Company = &sel.Company
	}
	if sel.Newcomer {
		t := true
		filter.Newcomer = &t
	}
	if sel.Source != "" {
		filter.Source = &sel.Source
	}
	filter.Since = sel.Since
	read, err := readScored(ctx, f, filter)
	if err != nil {
		return nil, nil, err
	}
	// A posting whose deadline passed is not open, whatever its source still says.
	posts := jobs.CloseExpired(read.posts, f.Now(), filter.Status != nil)
	out, excluded := read.choose(groupSightings(posts), cfg.targetRules(), sel)
	return out, excluded, nil
}

// scoredRead is postings read from the store, each scored as it was read.
type scoredRead struct {
	posts  []*jobs.Posting
	scored map[int64]jobs.Match
}

// readScored reads the postings filter selects and scores each against the profile. It is a
// variable so that tests can count the reads a command makes.
var readScored = readScoredPostings

func readScoredPostings(ctx context.Context, f *Factory, filter jobs.Filter) (*scoredRead, error) {
	store, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	prof, err := f.Profile()
	if err != nil {
		return nil, err
	}
	d, err := f.Dictionary()
	if err != nil {
		return nil, err
	}
	// Scoring is the costly part: each posting is scored on the core that reads it, as it is
	// read, so that a list never holds every posting's requirement groups at once.
	var mu sync.Mutex
	scored := map[int64]jobs.Match{}
	posts, err := store.ListPostingsEach(ctx, filter, func(p *jobs.Posting) {
		m := d.Score(prof, p.Analysis)
		mu.Lock()
		scored[p.ID] = m
		mu.Unlock()
	})
	if err != nil {
		return nil, err
	}
	return &scoredRead{posts: posts, scored: scored}, nil
}

// matchOf is a posting's match: the first sighting names the posting, the best-read
// sighting scores it.
func (r *scoredRead) matchOf(g []*jobs.Posting) jobs.Match {
	m := r.scored[g[0].ID]
	for _, other := range g[1:] {
		if om := r.scored[other.ID]; om.Score > m.Score {
			m = om
		}
	}
	return m
}

// choose keeps the postings (their sightings, grouped) that sel and the targets select, best
// first, and returns those the targets left out.
func (r *scoredRead) choose(groups [][]*jobs.Posting, rules *targetRules, sel selection) ([]matcher.Scored, []exclusion) {
	out := make([]matcher.Scored, 0, len(groups))
	var excluded []exclusion
	for _, g := range groups {
		p, m := g[0], r.matchOf(g)
		if sel.OpenSince != nil && !openSince(g, *sel.OpenSince) {
			continue
		}
		if !sel.All {
			if why := rules.check(g); len(why) > 0 {
				excluded = append(excluded, exclusion{Posting: p, Rules: why})
				continue
			}
		}
		if sel.All {
			if sel.MinScore != nil && m.Score < *sel.MinScore {
				continue
			}
		} else if r, out := rules.checkScore(m.Score, sel.MinScore); out {
			excluded = append(excluded, exclusion{Posting: p, Rules: []reason{r}})
			continue
		}
		out = append(out, matcher.Scored{Posting: p, Match: m})
	}
	out = bestFirst(out)
	if sel.Limit > 0 && len(out) > sel.Limit {
		out = out[:sel.Limit]
	}
	return out, excluded
}

// bestFirst orders postings by score, then newest first, then by id, highest first: a total
// order, as ids are unique. It sorts small keys and then moves each posting once (at 50,000
// postings, a stable sort of the postings themselves spent 40 ms moving them).
func bestFirst(items []matcher.Scored) []matcher.Scored {
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

// openSince reports whether a posting (its sightings) was open at some time since t.
func openSince(g []*jobs.Posting, t time.Time) bool {
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

// groupSightings groups the sightings of one posting (the store's GroupID), first seen
// first, and records every place on the first.
func groupSightings(posts []*jobs.Posting) [][]*jobs.Posting {
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

// excluded reports whether the config's targets leave a posting out, its score aside.
func excluded(cfg *Config, p *jobs.Posting) bool {
	return len(cfg.targetRules().check([]*jobs.Posting{p})) > 0
}

// postingJSON is one element of `list --json` (docs/cli.md) and of `export`.
type postingJSON struct {
	ID               string       `json:"id"`
	Source           string       `json:"source"`
	SourceID         string       `json:"source_id"`
	Company          string       `json:"company"`
	Title            string       `json:"title"`
	URL              string       `json:"url"`
	Status           string       `json:"status"`
	Score            float64      `json:"score"`
	Band             string       `json:"band"`
	Matched          []string     `json:"matched"`
	Missing          []string     `json:"missing"`
	MissingGroups    [][]string   `json:"missing_groups"`
	MissingPreferred []string     `json:"missing_preferred"`
	Partial          []string     `json:"partial"`
	Required         []string     `json:"required"`
	Preferred        []string     `json:"preferred"`
	MinYears         *int         `json:"min_years"`
	MaxYears         *int         `json:"max_years"`
	Degree           *string      `json:"degree"`
	Major            string       `json:"major,omitempty"`
	Newcomer         bool         `json:"newcomer"`
	EmploymentType   string       `json:"employment_type,omitempty"`
	Location         string       `json:"location,omitempty"`
	Due              *string      `json:"due"`
	FirstSeen        string       `json:"first_seen"`
	LastSeen         string       `json:"last_seen"`
	ClosedAt         *string      `json:"closed_at,omitempty"`
	Updated          bool         `json:"updated"`              // its text changed after it was first seen
	UpdatedAt        *string      `json:"updated_at,omitempty"` // when it last did
	Sources          []sourceJSON `json:"sources"`
}

type sourceJSON struct {
	Source   string `json:"source"`
	SourceID string `json:"source_id"`
	URL      string `json:"url"`
}

func toJSON(s matcher.Scored) postingJSON {
	p, m := s.Posting, s.Match
	a := p.Analysis
	if a == nil {
		a = &jobs.Analysis{}
	}
	out := postingJSON{
		ID: strconv.FormatInt(p.ID, 10), Source: p.Source, SourceID: p.SourceID,
		Company: clean(p.Company), Title: clean(p.Title), URL: p.URL, Status: string(p.Status),
		Score: m.Score, Band: string(m.Band),
		Matched: nonNil(m.Matched), Missing: nonNil(m.Missing), MissingGroups: nonNilGroups(m.MissingGroups),
		MissingPreferred: nonNil(m.MissingPreferred), Partial: nonNil(m.Partial), Required: nonNil(a.SkillsIn(jobs.SectionRequired)),
		Preferred: nonNil(a.SkillsIn(jobs.SectionPreferred)),
		MinYears:  a.MinYears, MaxYears: a.MaxYears, Major: clean(a.Major), Newcomer: a.Newcomer,
		EmploymentType: p.EmploymentType, Location: clean(p.Location),
		FirstSeen: rfc3339(p.FirstSeen), LastSeen: rfc3339(p.LastSeen),
	}
	for _, pl := range p.Places {
		out.Sources = append(out.Sources, sourceJSON(pl))
	}
	if len(out.Sources) == 0 {
		out.Sources = []sourceJSON{{Source: p.Source, SourceID: p.SourceID, URL: p.URL}}
	}
	if a.Degree != jobs.DegreeNone {
		d := string(a.Degree)
		out.Degree = &d
	}
	if p.Due != nil {
		d := p.Due.Format("2006-01-02")
		out.Due = &d
	}
	if p.UpdatedAt != nil {
		u := rfc3339(*p.UpdatedAt)
		out.Updated, out.UpdatedAt = true, &u
	}
	if p.ClosedAt != nil {
		c := rfc3339(*p.ClosedAt)
		out.ClosedAt = &c
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilGroups(g [][]string) [][]string {
	if g == nil {
		return [][]string{}
	}
	return g
}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// parseSince reads --since: a duration back from now ("7d", "48h") or a date or time.
func parseSince(s string, now time.Time) (*time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	// What track --date takes: today and yesterday (from their midnight), a time ago, a date.
	midnight := func(t time.Time) *time.Time {
		m := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
		return &m
	}
	switch strings.ToLower(s) {
	case "today":
		return midnight(now), nil
	case "yesterday":
		return midnight(now.AddDate(0, 0, -1)), nil
	}
	if d, err := parseDuration(s); err == nil && d > 0 {
		t := now.Add(-d)
		return &t, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, now.Location()); err == nil {
			return &t, nil
		}
	}
	return nil, jobs.Errorf(jobs.KindInvalid, "--since %q is not a date (2026-11-01), today, yesterday or a time ago (7d, 48h)", s)
}

// builtinSources are the sources jobs collects from; imported postings add their own.
var builtinSources = []string{"ashby", "greenhouse", "kakao", "lever", "line", "naver", "pages", "toss", "wanted", "woowa"}

// checkSource refuses a --source that no posting and no built-in source has, naming the
// known ones (and the nearest, when it is a slip).
func checkSource(ctx context.Context, f *Factory, source string) error {
	if source == "" || slices.Contains(builtinSources, source) {
		return nil
	}
	store, err := f.Store(ctx)
	if err != nil {
		return err
	}
	stored, err := store.SourceNames(ctx)
	if err != nil {
		return err
	}
	if slices.Contains(stored, source) {
		return nil
	}
	known := slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(builtinSources), stored...))))
	hint := ""
	if s := didYouMean(source, known); s != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	return jobs.Errorf(jobs.KindInvalid, "--source %q is not a known source%s; known sources: %s", source, hint, strings.Join(known, ", "))
}

// findPosting resolves an id as `list` prints it, or source:source_id.
func findPosting(ctx context.Context, f *Factory, id string) (*jobs.Posting, error) {
	store, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	if n, err := strconv.ParseInt(id, 10, 64); err == nil {
		return store.FindPosting(ctx, n)
	}
	if src, sid, ok := strings.Cut(id, ":"); ok && src != "" && sid != "" {
		return store.FindBySource(ctx, src, sid)
	}
	return nil, jobs.Errorf(jobs.KindInvalid, "%q is not a posting id: use the ID column of 'jobs list', or source:id such as wanted:123456", id)
}
