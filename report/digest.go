// Package report derives views from the stored postings: the digest (what changed since a
// run, built from one read of the postings and rendered as text, Markdown or HTML), the
// weekly skill trends, a company's history, the plan of skills to learn and its sentences,
// and the tracked applications (their dates, deadlines, order and JSON). It reads; it writes
// nothing.
package report

import (
	"context"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/matcher"
)

// Scraped text is untrusted: every string from the store is cleaned before it is shown.
var (
	clean   = safetext.Clean
	oneLine = safetext.OneLine
)

// The digest's sizes.
const (
	DueDays   = 7  // deadlines within this many days are listed
	TopGaps   = 10 // gaps the digest follows
	ChartDays = 30 // days the new-postings chart covers at least
	maxDays   = 90 // and at most
)

// Digest is what every format of the digest shows. Its strings are cleaned of control
// characters; each format escapes them for itself.
type Digest struct {
	Now      time.Time
	Since    time.Time
	Window   string // "since the last run (started ...)", "over the last 3d"
	Open     int    // open postings passing the filters
	New      List
	Watched  List
	Closed   List
	Due      List
	Gaps     []GapMove // the top gaps now, most important first
	Dropped  []GapMove // skills of the earlier top that left it
	Baseline *time.Time
	Watching bool          // watch.companies names at least one company
	Demand   []matcher.Gap // the top gaps, for the chart
	Scores   [10]int       // open matching postings by score, 0.0-0.1 ... 0.9-1.0
	PerDay   []DayCount
	Trends   *Trends   // weekly demand of the most asked-for skills, for the chart
	Problems []Problem // what went wrong with the last run, said first
	loc      *time.Location
}

// List is one section: the entries shown and how many there were.
type List struct {
	Items []Entry
	Total int
}

// More is how many entries were left out by --limit.
func (l List) More() int { return l.Total - len(l.Items) }

// Entry is one posting of a section.
type Entry struct {
	ID        int64
	Company   string
	Title     string
	URL       string
	Score     float64
	Band      string
	Missing   []string
	Due       *time.Time
	FirstSeen time.Time
	ClosedAt  *time.Time
	Watched   bool
}

// GapMove is one skill of the gaps report now and in the report compared with.
type GapMove struct {
	Skill        string
	Rank         int // 1 = most important; 0 = no longer missing from any posting
	PrevRank     int // 0 = not in the earlier report
	Required     int
	PrevRequired int
	Preferred    int
	Unlocks      int
}

// Move says how the rank changed: "↑2", "↓1", "=", "new".
func (g GapMove) Move() string {
	switch {
	case g.PrevRank == 0:
		return "new"
	case g.Rank == g.PrevRank:
		return "="
	case g.Rank < g.PrevRank:
		return fmt.Sprintf("↑%d", g.PrevRank-g.Rank)
	}
	return fmt.Sprintf("↓%d", g.Rank-g.PrevRank)
}

// Delta says how the count of postings requiring it changed: "+3", "-1", "±0", "" when new.
func (g GapMove) Delta() string {
	if g.PrevRank == 0 {
		return ""
	}
	switch n := g.Required - g.PrevRequired; {
	case n > 0:
		return fmt.Sprintf("+%d", n)
	case n < 0:
		return fmt.Sprintf("%d", n)
	}
	return "±0"
}

// DayCount is how many postings were first seen on a day.
type DayCount struct {
	Day   time.Time
	Count int
}

// Store is what the digest reads from the database besides the open postings it is given:
// the closings, the gaps report to compare with, and when postings were first seen.
type Store interface {
	ClosedSince(ctx context.Context, since time.Time) ([]*jobs.Posting, error)
	GapSnapshotBefore(ctx context.Context, t time.Time) (*db.GapSnapshot, error)
	FirstSeenSince(ctx context.Context, since time.Time) ([]time.Time, error)
}

// Input is what a digest is built from.
type Input struct {
	Now    time.Time // the digest's time and, by its location, its time zone
	Since  time.Time // the window's start
	Window string    // the window in words: "since the last run (started ...)", "over the last 3 days"
	Last   *jobs.Run // the newest run; nil when none is recorded
	// Open are the open postings, whatever the filters, as read once: each posting's
	// sightings and its match. Matching are those that pass the filters, best first.
	Open     []Sighted
	Matching []matcher.Scored
	Watch    Watch
	// Dict and Profile score the closed postings, past the filters.
	Dict    *matcher.Dictionary
	Profile *matcher.Profile
	// Excluded reports whether the targets leave a posting out, its score aside.
	Excluded func(p *jobs.Posting) bool
	MinScore *float64 // the filters' least score; nil = none
	// Group groups the sightings of each posting, first seen first.
	Group func(posts []*jobs.Posting) [][]*jobs.Posting
	// Company is a company's name as it is shown.
	Company func(name string) string
	Trends  *Trends // the weekly demand the trends chart draws; nil = none
	Limit   int     // at most this many postings per section; 0 = all
}

// Sighted is a posting with its sightings (first seen first) and its match.
type Sighted struct {
	Sightings []*jobs.Posting
	matcher.Scored
}

// build gathers the digest over the window in.Since starts.
func build(ctx context.Context, store Store, in Input) (*Digest, error) {
	now := in.Now
	dg := &Digest{Now: now, Since: in.Since, Window: in.Window, Trends: in.Trends, loc: now.Location()}
	dg.Problems = runProblems(in.Last, now, dg.local)
	matching := in.Matching
	dg.Open = len(matching)
	dg.Watching = len(in.Watch) > 0

	var fresh, due []Entry
	for _, it := range matching {
		p := it.Posting
		if !p.FirstSeen.Before(dg.Since) && !in.Watch.Has(p) {
			fresh = append(fresh, in.entryOf(it))
		}
		if p.Due != nil && !p.Due.Before(now) && !p.Due.After(now.Add(DueDays*24*time.Hour)) {
			due = append(due, in.entryOf(it))
		}
		bin := int(it.Match.Score * 10)
		dg.Scores[min(max(bin, 0), 9)]++
	}
	sort.SliceStable(due, func(i, j int) bool { return due[i].Due.Before(*due[j].Due) })
	dg.New = limited(fresh, in.Limit)
	dg.Due = limited(due, in.Limit)

	if len(in.Watch) > 0 {
		dg.fillWatched(&in)
	}
	if err := dg.fillClosed(ctx, store, &in); err != nil {
		return nil, err
	}
	if err := dg.fillGaps(ctx, store, matcher.Gaps(matching)); err != nil {
		return nil, err
	}
	if err := dg.countPerDay(ctx, store); err != nil {
		return nil, err
	}
	return dg, nil
}

// fillWatched lists every open posting of a watched company first seen in the window,
// whatever its score and the filters: by company, best first.
func (dg *Digest) fillWatched(in *Input) {
	var watched []matcher.Scored
	for _, o := range in.Open {
		if o.Sightings[0].FirstSeen.Before(dg.Since) || !in.Watch.HasAny(o.Sightings) {
			continue
		}
		watched = append(watched, o.Scored)
	}
	sort.SliceStable(watched, func(i, j int) bool {
		a, b := watched[i], watched[j]
		if ka, kb := jobs.NormalizeCompany(a.Posting.Company), jobs.NormalizeCompany(b.Posting.Company); ka != kb {
			return ka < kb
		}
		return a.Match.Score > b.Match.Score
	})
	entries := make([]Entry, len(watched))
	for i, it := range watched {
		entries[i] = in.entryOf(it)
		entries[i].Watched = true
	}
	dg.Watched = limited(entries, in.Limit)
}

// score scores a posting (its sightings, first seen first): the first sighting names it, the
// best-read sighting scores it.
func (in *Input) score(g []*jobs.Posting) matcher.Scored {
	m := in.Dict.Score(in.Profile, g[0].Analysis)
	for _, other := range g[1:] {
		if om := in.Dict.Score(in.Profile, other.Analysis); om.Score > m.Score {
			m = om
		}
	}
	return matcher.Scored{Posting: g[0], Match: m}
}

// fillClosed lists the postings that closed in the window and pass the filters, or belong
// to a watched company: the latest closing first.
func (dg *Digest) fillClosed(ctx context.Context, store Store, in *Input) error {
	posts, err := store.ClosedSince(ctx, dg.Since)
	if err != nil {
		return err
	}
	var closed []Entry
	for _, g := range in.Group(posts) {
		it := in.score(g)
		watched := in.Watch.HasAny(g)
		if !watched && (in.Excluded(g[0]) || in.MinScore != nil && it.Match.Score < *in.MinScore) {
			continue
		}
		e := in.entryOf(it)
		e.Watched = watched
		for _, p := range g { // the posting closed when its last sighting did
			if p.ClosedAt != nil && (e.ClosedAt == nil || p.ClosedAt.After(*e.ClosedAt)) {
				c := *p.ClosedAt
				e.ClosedAt = &c
			}
		}
		closed = append(closed, e)
	}
	sort.SliceStable(closed, func(i, j int) bool {
		a, b := closed[i].ClosedAt, closed[j].ClosedAt
		return a != nil && (b == nil || a.After(*b))
	})
	dg.Closed = limited(closed, in.Limit)
	return nil
}

// fillGaps compares the gaps report now with the report of the newest run that started
// before the window. The digest only reads: the reports are written by 'jobs scrape', each
// run its own.
func (dg *Digest) fillGaps(ctx context.Context, store Store, gaps []matcher.Gap) error {
	base, err := store.GapSnapshotBefore(ctx, dg.Since)
	if err != nil {
		return err
	}
	dg.compareGaps(gaps, base)
	return nil
}

// WindowSinceRun says a window that starts with the run started then.
func WindowSinceRun(started time.Time, loc *time.Location) string {
	return "since the last run (started " + started.In(loc).Format("2006-01-02 15:04") + ")"
}

// WindowOver says a window of d back from now.
func WindowOver(d time.Duration) string { return "over the last " + humanDuration(d) }

// WindowSince says a window from t on.
func WindowSince(t time.Time, loc *time.Location) string {
	return "since " + t.In(loc).Format("2006-01-02 15:04")
}

// humanDuration says d in days, hours or minutes when it is a whole number of them.
func humanDuration(d time.Duration) string {
	switch {
	case d >= 24*time.Hour && d%(24*time.Hour) == 0:
		return CountOf(int(d/(24*time.Hour)), "day", "days")
	case d >= time.Hour && d%time.Hour == 0:
		return CountOf(int(d/time.Hour), "hour", "hours")
	case d >= time.Minute && d%time.Minute == 0:
		return CountOf(int(d/time.Minute), "minute", "minutes")
	}
	return d.String()
}

// local is t in the digest's time zone.
func (dg *Digest) local(t time.Time) time.Time { return t.In(dg.loc) }

// compareGaps fills the gap moves: the top gaps now against the report base (nil = none).
func (dg *Digest) compareGaps(gaps []matcher.Gap, base *db.GapSnapshot) {
	top := gaps
	if len(top) > TopGaps {
		top = top[:TopGaps]
	}
	dg.Demand = top
	prev := map[string]int{}
	prevReq := map[string]int{}
	if base != nil {
		t := base.TakenAt
		dg.Baseline = &t
		for i, g := range base.Gaps {
			prev[g.Skill] = i + 1
			prevReq[g.Skill] = g.Required
		}
	}
	now := map[string]int{}
	for i, g := range gaps {
		now[g.Skill] = i + 1
	}
	for i, g := range top {
		dg.Gaps = append(dg.Gaps, GapMove{Skill: clean(g.Skill), Rank: i + 1, PrevRank: prev[g.Skill],
			Required: g.Required, PrevRequired: prevReq[g.Skill], Preferred: g.Preferred, Unlocks: g.Unlocks})
	}
	if base == nil {
		return
	}
	for i, g := range base.Gaps {
		if i == TopGaps {
			break
		}
		if r := now[g.Skill]; r == 0 || r > TopGaps {
			m := GapMove{Skill: clean(g.Skill), Rank: r, PrevRank: i + 1, PrevRequired: g.Required}
			if r > 0 {
				m.Required, m.Preferred, m.Unlocks = gaps[r-1].Required, gaps[r-1].Preferred, gaps[r-1].Unlocks
			}
			dg.Dropped = append(dg.Dropped, m)
		}
	}
}

// countPerDay counts the postings first seen each day of the chart's span: the window, at
// least ChartDays and at most maxDays, ending today.
func (dg *Digest) countPerDay(ctx context.Context, store Store) error {
	today := startOfDay(dg.local(dg.Now))
	days := ChartDays
	if span := int(today.Sub(startOfDay(dg.local(dg.Since))).Hours()/24) + 1; span > days {
		days = min(span, maxDays)
	}
	start := today.AddDate(0, 0, -(days - 1))
	times, err := store.FirstSeenSince(ctx, start)
	if err != nil {
		return err
	}
	dg.PerDay = make([]DayCount, days)
	index := map[time.Time]int{}
	for i := range dg.PerDay {
		d := start.AddDate(0, 0, i)
		dg.PerDay[i].Day = d
		index[d] = i
	}
	for _, t := range times {
		if i, ok := index[startOfDay(dg.local(t))]; ok {
			dg.PerDay[i].Count++
		}
	}
	return nil
}

// startOfDay is the midnight starting t's day, in t's zone.
func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// daysLeft counts calendar days from now to t in the digest's zone: 0 = today.
func (dg *Digest) daysLeft(t time.Time) int {
	return int(startOfDay(dg.local(t)).Sub(startOfDay(dg.local(dg.Now))).Hours()/24 + 0.5)
}

func (in *Input) entryOf(it matcher.Scored) Entry {
	p, m := it.Posting, it.Match
	e := Entry{
		ID: p.ID, Company: oneLine(in.Company(p.Company)), Title: oneLine(p.Title), URL: webURL(p.URL),
		Score: m.Score, Band: string(m.Band), Due: p.Due, FirstSeen: p.FirstSeen, ClosedAt: p.ClosedAt,
	}
	// Each unmet requirement once, its alternatives together: "React or Vue.js".
	for _, g := range m.UnmetGroups() {
		e.Missing = append(e.Missing, oneLine(Alternatives(g)))
	}
	return e
}

// webURL is u when it is an http or https URL, else "": a scraped javascript: or data: URL
// is never printed as a link.
func webURL(u string) string {
	u = oneLine(u)
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// limited keeps the first limit items (0 = all) and counts them all.
func limited(items []Entry, limit int) List {
	l := List{Items: items, Total: len(items)}
	if limit > 0 && len(items) > limit {
		l.Items = items[:limit]
	}
	return l
}

// Watch is the folded names of watch.companies.
type Watch map[string]bool

// Has reports whether p is of a watched company.
func (w Watch) Has(p *jobs.Posting) bool {
	return len(w) > 0 && w[jobs.NormalizeCompany(p.Company)]
}

// HasAny reports whether a sighting of a posting is of a watched company.
func (w Watch) HasAny(g []*jobs.Posting) bool {
	for _, p := range g {
		if w.Has(p) {
			return true
		}
	}
	return false
}

// emptyNote is what an empty section says.
func (dg *Digest) emptyNote(title string) string {
	if title == "Watched companies" && !dg.Watching {
		return "None. Name companies under watch.companies in your config to see all their new postings here."
	}
	return "None."
}

// summary is the digest's opening sentence.
func (dg *Digest) summary() string {
	var parts []string
	parts = append(parts, CountOf(dg.New.Total, "new posting", "new postings")+" for you")
	if dg.Watched.Total > 0 {
		parts = append(parts, CountOf(dg.Watched.Total, "new posting", "new postings")+" from watched companies")
	}
	parts = append(parts, fmt.Sprintf("%d closed", dg.Closed.Total))
	parts = append(parts, CountOf(dg.Due.Total, "deadline", "deadlines")+fmt.Sprintf(" within %d days", DueDays))
	return fmt.Sprintf("%s: %s. %s match your profile's filters.", upperFirst(dg.Window), strings.Join(parts, ", "),
		CountOf(dg.Open, "open posting", "open postings"))
}

// CountOf is "1 posting", "3 postings".
func CountOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// upperFirst capitalises an ASCII first letter.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// dueLabel is "D-3", or "D-day" for today.
func (dg *Digest) DueLabel(t time.Time) string {
	if n := dg.daysLeft(t); n > 0 {
		return fmt.Sprintf("D-%d", n)
	}
	return "D-day"
}

// date is t's day in the digest's zone.
func (dg *Digest) date(t time.Time) string { return dg.local(t).Format("2006-01-02") }

// meta is an entry's second line: id, missing skills, deadline or how long it was open.
func (dg *Digest) meta(e Entry, closed bool) string {
	parts := []string{fmt.Sprintf("#%d", e.ID)}
	if closed {
		if e.ClosedAt != nil {
			span := "less than a day"
			if days := int(e.ClosedAt.Sub(e.FirstSeen).Hours() / 24); days > 0 {
				span = CountOf(days, "day", "days")
			}
			parts = append(parts, fmt.Sprintf("open %s to %s (%s)", dg.date(e.FirstSeen), dg.date(*e.ClosedAt), span))
		}
	} else {
		if len(e.Missing) > 0 {
			parts = append(parts, "missing "+strings.Join(e.Missing, ", "))
		} else {
			parts = append(parts, "every required skill covered")
		}
		if e.Due != nil {
			parts = append(parts, "due "+dg.date(*e.Due))
		}
	}
	return strings.Join(parts, " · ")
}

// ordinal is 1st, 2nd, 3rd, 4th ...
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// DropNote says where a skill that left the top went.
func (g GapMove) DropNote() string {
	if g.Rank == 0 {
		return g.Skill + " (no longer missing)"
	}
	return g.Skill + " (now " + ordinal(g.Rank) + ")"
}

// baselineNote names the report the gaps are compared with.
func (dg *Digest) baselineNote() string {
	if dg.Baseline == nil {
		return "nothing earlier to compare with yet"
	}
	return "compared with the report of " + dg.local(*dg.Baseline).Format("2006-01-02 15:04")
}
