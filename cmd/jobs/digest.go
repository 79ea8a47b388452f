package main

import (
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"html/template"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/matcher"
)

const (
	digestDueDays   = 7  // deadlines within this many days are listed
	digestTopGaps   = 10 // gaps the digest follows
	digestChartDays = 30 // days the new-postings chart covers at least
	digestMaxDays   = 90 // and at most
	snapshotSize    = 50 // gaps kept per run, so a skill's earlier rank is known beyond the top
)

type digestOptions struct {
	f      *Factory
	Since  string
	Format string
	Out    string
	Limit  int

	formatSet bool
}

func newDigestCmd(f *Factory, runF func(*digestOptions) error) *cobra.Command {
	opts := &digestOptions{f: f, Since: "last-run", Limit: 20}
	cmd := &cobra.Command{
		Use:   "digest",
		Short: "What changed since the last run: new matches, closings, deadlines, gap moves",
		Long: `Summarise what changed: new postings that pass your filters, new postings of the
companies under watch.companies (whatever their score), postings that closed, open postings
whose deadline falls within 7 days, and how your top missing skills moved since an earlier
run.

--since last-run (the default) covers what the latest 'jobs scrape' found: postings first
seen since it started, and the gaps compared with the run before it. --since 3d or 48h
covers that long back, compared with the last run before then.

The text form is plain and quiet, ready for cron to mail; markdown suits a chat or a wiki;
html is one self-contained page with charts that fetches nothing.`,
		Example: `  jobs digest
  jobs digest --since 3d --format markdown
  jobs digest --format html --out ~/digest.html
  jobs schedule    # prints the crontab line (absolute paths) that runs scrape, then digest`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.formatSet = cmd.Flags().Changed("format")
			format, err := digestFormat(opts.Format, opts.Out, opts.formatSet)
			if err != nil {
				return &usageError{cmd: cmd, err: err}
			}
			opts.Format = format
			if opts.Limit < 0 {
				return &usageError{cmd: cmd, err: fmt.Errorf("--limit must be 0 (no limit) or more")}
			}
			if runF != nil {
				return runF(opts)
			}
			return digestRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Since, "since", "last-run", "the window: last-run, today, yesterday, a time ago (3d, 48h) or a date (2026-11-01)")
	fl.StringVar(&opts.Format, "format", "", "text, markdown or html (default text, or as --out's extension says)")
	fl.StringVar(&opts.Out, "out", "", "write the digest to this file instead of stdout")
	fl.IntVar(&opts.Limit, "limit", 20, "at most this many postings per section (0 = all)")
	return cmd
}

// digestFormat checks --format, or picks it from --out's extension when it was not given.
func digestFormat(format, out string, set bool) (string, error) {
	if !set && out != "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".html", ".htm":
			return "html", nil
		case ".md", ".markdown":
			return "markdown", nil
		}
	}
	switch strings.ToLower(format) {
	case "", "text", "txt":
		return "text", nil
	case "markdown", "md":
		return "markdown", nil
	case "html":
		return "html", nil
	}
	return "", fmt.Errorf("--format must be text, markdown or html, not %q", format)
}

func digestRun(ctx context.Context, opts *digestOptions) error {
	f := opts.f
	d, err := buildDigest(ctx, f, opts.Since, opts.Limit)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch opts.Format {
	case "markdown":
		writeDigestMarkdown(&buf, d)
	case "html":
		if err := writeDigestHTML(&buf, d); err != nil {
			return jobs.Errorf(jobs.KindInternal, "cannot render the digest: %w", err)
		}
	default:
		color := opts.Out == "" && f.IO.Color
		if opts.Out == "" {
			d.width = f.IO.Width
		}
		writeDigestText(&buf, d, func(code, s string) string {
			if !color {
				return s
			}
			return "\x1b[" + code + "m" + s + "\x1b[0m"
		})
	}
	if opts.Out == "" {
		_, err := f.IO.Out.Write(buf.Bytes())
		return err
	}
	return writeFileAtomic(expandHome(opts.Out), buf.Bytes())
}

// writeFileAtomic replaces path with data: a reader never sees half a digest.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, unwrapPathError(err))
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := firstError(werr, cerr, os.Chmod(name, 0o644)); err != nil {
		os.Remove(name)
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, unwrapPathError(err))
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, unwrapPathError(err))
	}
	return nil
}

func firstError(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// digest is what every format of the digest shows. Its strings are cleaned of control
// characters; each format escapes them for itself.
type digest struct {
	Now      time.Time
	Since    time.Time
	Window   string // "since the last run (started ...)", "over the last 3d"
	Open     int    // open postings passing the filters
	New      digestList
	Watched  digestList
	Closed   digestList
	Due      digestList
	Gaps     []gapMove // the top gaps now, most important first
	Dropped  []gapMove // skills of the earlier top that left it
	Baseline *time.Time
	Watching bool          // watch.companies names at least one company
	Demand   []matcher.Gap // the top gaps, for the chart
	Scores   [10]int       // open matching postings by score, 0.0-0.1 ... 0.9-1.0
	PerDay   []dayCount
	Trends   *trendReport // weekly demand of the most asked-for skills, for the chart
	Problems []runProblem // what went wrong with the last run, said first
	loc      *time.Location
	width    int // the terminal's width the text form wraps to; 0 = no wrapping (cron, a file)
}

// digestList is one section: the entries shown and how many there were.
type digestList struct {
	Items []digestEntry
	Total int
}

// More is how many entries were left out by --limit.
func (l digestList) More() int { return l.Total - len(l.Items) }

type digestEntry struct {
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

// gapMove is one skill of the gaps report now and in the report compared with.
type gapMove struct {
	Skill        string
	Rank         int // 1 = most important; 0 = no longer missing from any posting
	PrevRank     int // 0 = not in the earlier report
	Required     int
	PrevRequired int
	Preferred    int
	Unlocks      int
}

// Move says how the rank changed: "↑2", "↓1", "=", "new".
func (g gapMove) Move() string {
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
func (g gapMove) Delta() string {
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

type dayCount struct {
	Day   time.Time
	Count int
}

// buildDigest gathers the digest over the window that since names.
func buildDigest(ctx context.Context, f *Factory, since string, limit int) (*digest, error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, err
	}
	store, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	now := f.Now()
	dg := &digest{Now: now, loc: now.Location()}
	last, err := store.LastRun(ctx)
	if err != nil {
		return nil, err
	}
	if err := dg.setWindow(since, last, store.Path()); err != nil {
		return nil, err
	}
	dg.Problems = runProblems(last, now, dg.local)

	matching, err := scoredPostings(ctx, f, selection{})
	if err != nil {
		return nil, err
	}
	dg.Open = len(matching)
	watch := watchSet(f, cfg)
	dg.Watching = len(watch) > 0

	var fresh, due []digestEntry
	for _, it := range matching {
		p := it.Posting
		if !p.FirstSeen.Before(dg.Since) && !watch.has(p) {
			fresh = append(fresh, entryOf(it))
		}
		if p.Due != nil && !p.Due.Before(now) && !p.Due.After(now.Add(digestDueDays*24*time.Hour)) {
			due = append(due, entryOf(it))
		}
		bin := int(it.Match.Score * 10)
		dg.Scores[min(max(bin, 0), 9)]++
	}
	sort.SliceStable(due, func(i, j int) bool { return due[i].Due.Before(*due[j].Due) })
	dg.New = limited(fresh, limit)
	dg.Due = limited(due, limit)

	// Watched and closed postings are scored here, past the filters; the profile is prepared
	// again without the warnings scoredPostings has already given.
	dict, err := f.Dictionary()
	if err != nil {
		return nil, err
	}
	prof, _ := dict.PrepareProfile(jobs.Profile{Years: cfg.Profile.Years, Skills: cfg.Profile.Skills, Major: cfg.Profile.Major})
	score := func(g []*jobs.Posting) matcher.Scored {
		m := dict.Score(prof, g[0].Analysis)
		for _, other := range g[1:] {
			if om := dict.Score(prof, other.Analysis); om.Score > m.Score {
				m = om
			}
		}
		return matcher.Scored{Posting: g[0], Match: m}
	}
	if len(watch) > 0 {
		if err := dg.fillWatched(ctx, store, watch, score, limit); err != nil {
			return nil, err
		}
	}
	if err := dg.fillClosed(ctx, store, cfg, watch, score, limit); err != nil {
		return nil, err
	}
	if err := dg.fillGaps(ctx, f, store, last, matcher.Gaps(matching)); err != nil {
		return nil, err
	}
	if dg.Trends, _, err = skillTrends(ctx, f, digestTrendWeeks, nil); err != nil {
		return nil, err
	}
	if err := dg.countPerDay(ctx, store); err != nil {
		return nil, err
	}
	return dg, nil
}

// setWindow reads --since: last-run is the start of the newest run; anything else is a
// duration back from now or a date.
func (dg *digest) setWindow(since string, last *jobs.Run, dbPath string) error {
	if since == "" || since == "last-run" {
		if last == nil {
			return jobs.Errorf(jobs.KindNotFound,
				"no scrape is recorded in %s yet: run 'jobs scrape' first, or give a window such as --since 7d", dbPath)
		}
		dg.Since = last.Started
		dg.Window = "since the last run (started " + dg.local(last.Started).Format("2006-01-02 15:04") + ")"
		return nil
	}
	t, err := parseSince(since, dg.Now)
	if err != nil {
		return err
	}
	dg.Since = *t
	if d, derr := parseDuration(since); derr == nil {
		dg.Window = "over the last " + humanDuration(d)
	} else {
		dg.Window = "since " + dg.local(*t).Format("2006-01-02 15:04")
	}
	return nil
}

// fillWatched lists every open posting of a watched company first seen in the window,
// whatever its score and the filters: by company, best first.
func (dg *digest) fillWatched(ctx context.Context, store *db.DB, watch watchList,
	score func([]*jobs.Posting) matcher.Scored, limit int) error {
	open := jobs.StatusOpen
	posts, err := store.ListPostings(ctx, jobs.Filter{Status: &open})
	if err != nil {
		return err
	}
	posts = jobs.CloseExpired(posts, dg.Now, true)
	var watched []matcher.Scored
	for _, g := range groupSightings(posts) {
		if g[0].FirstSeen.Before(dg.Since) || !watch.hasAny(g) {
			continue
		}
		watched = append(watched, score(g))
	}
	sort.SliceStable(watched, func(i, j int) bool {
		a, b := watched[i], watched[j]
		if ka, kb := jobs.NormalizeCompany(a.Posting.Company), jobs.NormalizeCompany(b.Posting.Company); ka != kb {
			return ka < kb
		}
		return a.Match.Score > b.Match.Score
	})
	entries := make([]digestEntry, len(watched))
	for i, it := range watched {
		entries[i] = entryOf(it)
		entries[i].Watched = true
	}
	dg.Watched = limited(entries, limit)
	return nil
}

// fillClosed lists the postings that closed in the window and pass the filters, or belong
// to a watched company: the latest closing first.
func (dg *digest) fillClosed(ctx context.Context, store *db.DB, cfg *Config, watch watchList,
	score func([]*jobs.Posting) matcher.Scored, limit int) error {
	posts, err := store.ClosedSince(ctx, dg.Since)
	if err != nil {
		return err
	}
	var closed []digestEntry
	minScore := cfg.Filters.MinScore
	for _, g := range groupSightings(posts) {
		it := score(g)
		watched := watch.hasAny(g)
		if !watched && (excluded(cfg, g[0]) || minScore != nil && it.Match.Score < *minScore) {
			continue
		}
		e := entryOf(it)
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
	dg.Closed = limited(closed, limit)
	return nil
}

// fillGaps compares the gaps report now with the report of the newest run that started
// before the window. The newest run, when it ended without a report (a scrape that saves
// none), is given this one, so that the next digest has something to compare with.
func (dg *digest) fillGaps(ctx context.Context, f *Factory, store *db.DB, last *jobs.Run, gaps []matcher.Gap) error {
	if last != nil && last.Ended != nil {
		snap, err := store.GapSnapshot(ctx, last.ID)
		if err != nil {
			return err
		}
		if snap == nil {
			if err := store.SaveGapSnapshot(ctx, last.ID, gapCounts(gaps)); err != nil {
				warnf(f.IO, "the gaps report of run %d was not saved: %s", last.ID, oneLine(err.Error()))
			}
		}
	}
	base, err := store.GapSnapshotBefore(ctx, dg.Since)
	if err != nil {
		return err
	}
	dg.compareGaps(gaps, base)
	return nil
}

// humanDuration says d in days, hours or minutes when it is a whole number of them.
func humanDuration(d time.Duration) string {
	switch {
	case d >= 24*time.Hour && d%(24*time.Hour) == 0:
		return countOf(int(d/(24*time.Hour)), "day", "days")
	case d >= time.Hour && d%time.Hour == 0:
		return countOf(int(d/time.Hour), "hour", "hours")
	case d >= time.Minute && d%time.Minute == 0:
		return countOf(int(d/time.Minute), "minute", "minutes")
	}
	return d.String()
}

// local is t in the digest's time zone.
func (dg *digest) local(t time.Time) time.Time { return t.In(dg.loc) }

// compareGaps fills the gap moves: the top gaps now against the report base (nil = none).
func (dg *digest) compareGaps(gaps []matcher.Gap, base *db.GapSnapshot) {
	top := gaps
	if len(top) > digestTopGaps {
		top = top[:digestTopGaps]
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
		dg.Gaps = append(dg.Gaps, gapMove{Skill: clean(g.Skill), Rank: i + 1, PrevRank: prev[g.Skill],
			Required: g.Required, PrevRequired: prevReq[g.Skill], Preferred: g.Preferred, Unlocks: g.Unlocks})
	}
	if base == nil {
		return
	}
	for i, g := range base.Gaps {
		if i == digestTopGaps {
			break
		}
		if r := now[g.Skill]; r == 0 || r > digestTopGaps {
			m := gapMove{Skill: clean(g.Skill), Rank: r, PrevRank: i + 1, PrevRequired: g.Required}
			if r > 0 {
				m.Required, m.Preferred, m.Unlocks = gaps[r-1].Required, gaps[r-1].Preferred, gaps[r-1].Unlocks
			}
			dg.Dropped = append(dg.Dropped, m)
		}
	}
}

// countPerDay counts the postings first seen each day of the chart's span: the window, at
// least digestChartDays and at most digestMaxDays, ending today.
func (dg *digest) countPerDay(ctx context.Context, store *db.DB) error {
	today := startOfDay(dg.local(dg.Now))
	days := digestChartDays
	if span := int(today.Sub(startOfDay(dg.local(dg.Since))).Hours()/24) + 1; span > days {
		days = min(span, digestMaxDays)
	}
	start := today.AddDate(0, 0, -(days - 1))
	times, err := store.FirstSeenSince(ctx, start)
	if err != nil {
		return err
	}
	dg.PerDay = make([]dayCount, days)
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
func (dg *digest) daysLeft(t time.Time) int {
	return int(startOfDay(dg.local(t)).Sub(startOfDay(dg.local(dg.Now))).Hours()/24 + 0.5)
}

func entryOf(it matcher.Scored) digestEntry {
	p, m := it.Posting, it.Match
	e := digestEntry{
		ID: p.ID, Company: oneLine(displayCompany(p.Company)), Title: oneLine(p.Title), URL: webURL(p.URL),
		Score: m.Score, Band: string(m.Band), Due: p.Due, FirstSeen: p.FirstSeen, ClosedAt: p.ClosedAt,
	}
	// Each unmet requirement once, its alternatives together: "React or Vue.js".
	for _, g := range m.UnmetGroups() {
		e.Missing = append(e.Missing, oneLine(alternatives(g)))
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

func limited(items []digestEntry, limit int) digestList {
	l := digestList{Items: items, Total: len(items)}
	if limit > 0 && len(items) > limit {
		l.Items = items[:limit]
	}
	return l
}

// watchList is the folded names of watch.companies.
type watchList map[string]bool

func watchSet(f *Factory, cfg *Config) watchList {
	w := watchList{}
	warn := newWarnings(f.IO, "watch.companies that name no company")
	defer warn.Done()
	for _, c := range cfg.Watch.Companies {
		k := jobs.NormalizeCompany(c)
		if k == "" {
			warn.Warnf("watch.companies: %q names no company (it has no letters or digits besides (주), Inc. and the like)", oneLine(c))
			continue
		}
		w[k] = true
	}
	return w
}

func (w watchList) has(p *jobs.Posting) bool {
	return len(w) > 0 && w[jobs.NormalizeCompany(p.Company)]
}

func (w watchList) hasAny(g []*jobs.Posting) bool {
	for _, p := range g {
		if w.has(p) {
			return true
		}
	}
	return false
}

// gapCounts is the head of a gaps report as the store keeps it.
func gapCounts(gaps []matcher.Gap) []db.GapCount {
	if len(gaps) > snapshotSize {
		gaps = gaps[:snapshotSize]
	}
	out := make([]db.GapCount, len(gaps))
	for i, g := range gaps {
		out[i] = db.GapCount{Skill: g.Skill, Required: g.Required, Preferred: g.Preferred, Unlocks: g.Unlocks}
	}
	return out
}

// emptyNote is what an empty section says.
func (dg *digest) emptyNote(title string) string {
	if title == "Watched companies" && !dg.Watching {
		return "None. Name companies under watch.companies in your config to see all their new postings here."
	}
	return "None."
}

// summary is the digest's opening sentence.
func (dg *digest) summary() string {
	var parts []string
	parts = append(parts, countOf(dg.New.Total, "new posting", "new postings")+" for you")
	if dg.Watched.Total > 0 {
		parts = append(parts, countOf(dg.Watched.Total, "new posting", "new postings")+" from watched companies")
	}
	parts = append(parts, fmt.Sprintf("%d closed", dg.Closed.Total))
	parts = append(parts, countOf(dg.Due.Total, "deadline", "deadlines")+fmt.Sprintf(" within %d days", digestDueDays))
	return fmt.Sprintf("%s: %s. %s match your profile's filters.", upperFirst(dg.Window), strings.Join(parts, ", "),
		countOf(dg.Open, "open posting", "open postings"))
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// dueLabel is "D-3", or "D-day" for today.
func (dg *digest) dueLabel(t time.Time) string {
	if n := dg.daysLeft(t); n > 0 {
		return fmt.Sprintf("D-%d", n)
	}
	return "D-day"
}

func (dg *digest) date(t time.Time) string { return dg.local(t).Format("2006-01-02") }

// meta is an entry's second line: id, missing skills, deadline or how long it was open.
func (dg *digest) meta(e digestEntry, closed bool) string {
	parts := []string{fmt.Sprintf("#%d", e.ID)}
	if closed {
		if e.ClosedAt != nil {
			span := "less than a day"
			if days := int(e.ClosedAt.Sub(e.FirstSeen).Hours() / 24); days > 0 {
				span = countOf(days, "day", "days")
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

// dropNote says where a skill that left the top went.
func dropNote(g gapMove) string {
	if g.Rank == 0 {
		return g.Skill + " (no longer missing)"
	}
	return g.Skill + " (now " + ordinal(g.Rank) + ")"
}

func (dg *digest) baselineNote() string {
	if dg.Baseline == nil {
		return "nothing earlier to compare with yet"
	}
	return "compared with the report of " + dg.local(*dg.Baseline).Format("2006-01-02 15:04")
}

// writeDigestText writes the plain form: no colour unless paint adds it, every scraped
// string cleaned of escape sequences.
func writeDigestText(w *bytes.Buffer, dg *digest, paint func(code, s string) string) {
	fmt.Fprintf(w, "%s\n", paint("1", "jobs digest, "+dg.local(dg.Now).Format("2006-01-02 15:04")))
	writeProblemsText(w, dg.Problems, paint, dg.width)
	fmt.Fprintf(w, "%s\n", wrapText(dg.summary(), dg.width, ""))

	list := func(title string, l digestList, line func(e digestEntry) (string, string, bool)) {
		if l.Total == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", paint("1", fmt.Sprintf("%s (%d)", title, l.Total)))
		for _, e := range l.Items {
			head, detail, url := line(e)
			fmt.Fprintf(w, "%s\n%s\n", wrapText("  "+head, dg.width, "    "), wrapText("      "+detail, dg.width, "      "))
			if url && e.URL != "" {
				fmt.Fprintf(w, "      %s\n", e.URL)
			}
		}
		if m := l.More(); m > 0 {
			fmt.Fprintf(w, "  ... and %d more (--limit 0 shows all)\n", m)
		}
	}
	posting := func(e digestEntry) (string, string, bool) {
		return fmt.Sprintf("%.2f %-5s  %s · %s", e.Score, e.Band, e.Company, e.Title), dg.meta(e, false), true
	}
	list("NEW FOR YOU", dg.New, posting)
	list("WATCHED COMPANIES", dg.Watched, posting)
	list("CLOSED", dg.Closed, func(e digestEntry) (string, string, bool) {
		return e.Company + " · " + e.Title, dg.meta(e, true), false
	})
	list(fmt.Sprintf("DEADLINES WITHIN %d DAYS", digestDueDays), dg.Due, func(e digestEntry) (string, string, bool) {
		return fmt.Sprintf("%-5s  %s · %s", dg.dueLabel(*e.Due), e.Company, e.Title),
			fmt.Sprintf("%.2f %s · %s", e.Score, e.Band, dg.meta(e, false)), true
	})

	if len(dg.Gaps) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", paint("1", "TOP GAPS")+", "+dg.baselineNote())
	width := 0
	for _, g := range dg.Gaps {
		width = max(width, displayWidth(g.Skill))
	}
	for _, g := range dg.Gaps {
		req := fmt.Sprintf("required by %d", g.Required)
		if d := g.Delta(); d != "" {
			req += " (" + d + ")"
		}
		move := ""
		if dg.Baseline != nil {
			move = "  " + g.Move()
		}
		fmt.Fprintf(w, "  %2d. %s%s  %-20s  unlocks %d%s\n", g.Rank, g.Skill,
			strings.Repeat(" ", width-displayWidth(g.Skill)), req, g.Unlocks, move)
	}
	if len(dg.Dropped) > 0 {
		var names []string
		for _, g := range dg.Dropped {
			names = append(names, dropNote(g))
		}
		fmt.Fprintf(w, "  Left the top %d: %s\n", digestTopGaps, strings.Join(names, ", "))
	}
}

// mdEscaper makes scraped text inert in Markdown: HTML is written as entities, and every
// character Markdown gives a meaning inside a line is escaped.
var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "(", `\(`, ")", `\)`,
	"#", `\#`, "|", `\|`, "~", `\~`, "!", `\!`,
)

func md(s string) string { return mdEscaper.Replace(oneLine(s)) }

// mdURL is u fit for a Markdown link destination; "" when it is not an http(s) URL.
func mdURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", " ", "%20", "|", "%7C").Replace(p.String())
}

func mdLink(text, u string) string {
	if dest := mdURL(u); dest != "" {
		return "[" + md(text) + "](" + dest + ")"
	}
	return md(text)
}

// writeDigestMarkdown writes the Markdown form: a table per section.
func writeDigestMarkdown(w *bytes.Buffer, dg *digest) {
	fmt.Fprintf(w, "# jobs digest, %s\n", dg.local(dg.Now).Format("2006-01-02 15:04"))
	writeProblemsMarkdown(w, dg.Problems)
	fmt.Fprintf(w, "\n%s\n", md(dg.summary()))

	table := func(title string, l digestList, header string, row func(e digestEntry) string) {
		fmt.Fprintf(w, "\n## %s (%d)\n\n", title, l.Total)
		if l.Total == 0 {
			fmt.Fprintln(w, md(dg.emptyNote(title)))
			return
		}
		fmt.Fprintln(w, header)
		for _, e := range l.Items {
			fmt.Fprintln(w, row(e))
		}
		if m := l.More(); m > 0 {
			fmt.Fprintf(w, "\n… and %d more (`--limit 0` shows all).\n", m)
		}
	}
	postingRow := func(e digestEntry) string {
		missing := "—"
		if len(e.Missing) > 0 {
			missing = md(strings.Join(e.Missing, ", "))
		}
		due := "—"
		if e.Due != nil {
			due = dg.date(*e.Due)
		}
		return fmt.Sprintf("| %.2f %s | %s | %s | %s | %s |", e.Score, e.Band, md(e.Company), mdLink(e.Title, e.URL), missing, due)
	}
	postingHeader := "| Score | Company | Posting | Missing | Due |\n| ---: | --- | --- | --- | --- |"
	table("New for you", dg.New, postingHeader, postingRow)
	table("Watched companies", dg.Watched, postingHeader, postingRow)
	table("Closed", dg.Closed, "| Company | Posting | Open |\n| --- | --- | --- |", func(e digestEntry) string {
		open := dg.date(e.FirstSeen)
		if e.ClosedAt != nil {
			open += " to " + dg.date(*e.ClosedAt)
		}
		return fmt.Sprintf("| %s | %s | %s |", md(e.Company), mdLink(e.Title, e.URL), open)
	})
	table(fmt.Sprintf("Deadlines within %d days", digestDueDays), dg.Due,
		"| Due | Score | Company | Posting |\n| --- | ---: | --- | --- |", func(e digestEntry) string {
			return fmt.Sprintf("| %s %s | %.2f %s | %s | %s |", dg.dueLabel(*e.Due), dg.date(*e.Due), e.Score, e.Band,
				md(e.Company), mdLink(e.Title, e.URL))
		})

	fmt.Fprintf(w, "\n## How your top gaps moved\n\n%s.\n\n", upperFirst(dg.baselineNote()))
	if len(dg.Gaps) == 0 {
		fmt.Fprintln(w, "You miss no skill these postings ask for.")
		return
	}
	fmt.Fprintln(w, "| # | Skill | Required by | Change | Unlocks | Move |\n| ---: | --- | ---: | ---: | ---: | --- |")
	for _, g := range dg.Gaps {
		move, delta := "—", "—"
		if dg.Baseline != nil {
			move = g.Move()
			if d := g.Delta(); d != "" {
				delta = d
			}
		}
		fmt.Fprintf(w, "| %d | %s | %d | %s | %d | %s |\n", g.Rank, md(g.Skill), g.Required, delta, g.Unlocks, move)
	}
	if len(dg.Dropped) > 0 {
		var names []string
		for _, g := range dg.Dropped {
			names = append(names, md(dropNote(g)))
		}
		fmt.Fprintf(w, "\nLeft the top %d: %s.\n", digestTopGaps, strings.Join(names, ", "))
	}
}

//go:embed digest.html.tmpl
var digestHTMLSource string

// digestHTML escapes every value by its context: scraped text in elements and attributes,
// URLs in href (anything but http, https and mailto becomes "#ZgotmplZ").
var digestHTML = template.Must(template.New("digest").Funcs(template.FuncMap{
	"n": func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
}).Parse(digestHTMLSource))

type htmlDigest struct {
	Title       string
	Problems    []runProblem
	Summary     string
	Sections    []htmlSection
	GapsNote    string
	HasBaseline bool
	Gaps        []htmlGap
	Dropped     string
	TopGaps     int
	Charts      []svgChart
	Footer      string
}

type htmlSection struct {
	ID, Title string
	Empty     string
	Total     int
	Entries   []htmlEntry
	More      int
}

type htmlEntry struct {
	Lead, LeadClass, Sub      string
	Company, Title, URL, Meta string
	Watched                   bool
}

type htmlGap struct {
	Rank, Required, Unlocks    int
	Skill, Delta, Move, MoveUp string
}

// svgChart is one chart as shapes, drawn by the template as inline SVG.
type svgChart struct {
	ID, Title, Desc string
	W, H            int
	Rects           []svgRect
	Texts           []svgText
	Lines           []svgLine
	Empty           string // said instead of the chart when there is nothing to draw
}

type svgRect struct {
	X, Y, W, H float64
	Class, Tip string
}

type svgText struct {
	X, Y                float64
	Text, Anchor, Class string
}

type svgLine struct {
	X1, Y1, X2, Y2 float64
}

// writeDigestHTML writes the HTML form: one page, its style and charts inline, nothing
// fetched (its Content-Security-Policy forbids it), every string escaped by html/template.
func writeDigestHTML(w *bytes.Buffer, dg *digest) error {
	v := htmlDigest{
		Title:       "jobs digest, " + dg.local(dg.Now).Format("2006-01-02 15:04"),
		Summary:     dg.summary(),
		Problems:    dg.Problems,
		GapsNote:    upperFirst(dg.baselineNote()) + ".",
		HasBaseline: dg.Baseline != nil,
		TopGaps:     digestTopGaps,
		Footer: fmt.Sprintf("Made by jobs at %s from the postings in its database; scores are measured against the profile in your config.",
			dg.local(dg.Now).Format("2006-01-02 15:04 MST")),
	}
	posting := func(e digestEntry) htmlEntry {
		return htmlEntry{Lead: fmt.Sprintf("%.2f", e.Score), LeadClass: strings.ToLower(e.Band), Sub: e.Band,
			Company: e.Company, Title: e.Title, URL: e.URL, Meta: dg.meta(e, false), Watched: e.Watched}
	}
	section := func(id, title string, l digestList, entry func(digestEntry) htmlEntry) {
		s := htmlSection{ID: id, Title: title, Total: l.Total, More: l.More(), Empty: dg.emptyNote(title)}
		for _, e := range l.Items {
			s.Entries = append(s.Entries, entry(e))
		}
		v.Sections = append(v.Sections, s)
	}
	section("new", "New for you", dg.New, posting)
	section("watched", "Watched companies", dg.Watched, posting)
	section("closed", "Closed", dg.Closed, func(e digestEntry) htmlEntry {
		return htmlEntry{Lead: "closed", LeadClass: "closed", Sub: e.Band, Company: e.Company, Title: e.Title,
			URL: e.URL, Meta: dg.meta(e, true), Watched: e.Watched}
	})
	section("deadlines", fmt.Sprintf("Deadlines within %d days", digestDueDays), dg.Due, func(e digestEntry) htmlEntry {
		return htmlEntry{Lead: dg.dueLabel(*e.Due), LeadClass: "due", Sub: dg.local(*e.Due).Format("01-02"),
			Company: e.Company, Title: e.Title, URL: e.URL,
			Meta: fmt.Sprintf("%.2f %s · %s", e.Score, e.Band, dg.meta(e, false))}
	})
	for _, g := range dg.Gaps {
		h := htmlGap{Rank: g.Rank, Required: g.Required, Unlocks: g.Unlocks, Skill: g.Skill, Delta: g.Delta(), Move: g.Move()}
		switch {
		case strings.HasPrefix(h.Move, "↑"):
			h.MoveUp = "up"
		case strings.HasPrefix(h.Move, "↓"):
			h.MoveUp = "down"
		}
		v.Gaps = append(v.Gaps, h)
	}
	var dropped []string
	for _, g := range dg.Dropped {
		dropped = append(dropped, dropNote(g))
	}
	v.Dropped = strings.Join(dropped, ", ")
	v.Charts = []svgChart{dg.demandChart(), dg.trendsChart(), dg.scoreChart(), dg.perDayChart()}
	return digestHTML.Execute(w, v)
}

const (
	chartW = 680.0
)

// demandChart is a bar per top missing skill: postings requiring it, then preferring it.
func (dg *digest) demandChart() svgChart {
	c := svgChart{ID: "chart-demand", Title: "Demand for your top missing skills",
		Desc: "Open postings that require (dark) or prefer (light) each skill you lack."}
	if len(dg.Demand) == 0 {
		c.Empty = "You miss no skill these postings ask for."
		return c
	}
	const left, top, rowH, barH = 170.0, 30.0, 26.0, 18.0
	area := chartW - left - 70
	most := 1
	for _, g := range dg.Demand {
		most = max(most, g.Required+g.Preferred)
	}
	c.W, c.H = int(chartW), int(top+float64(len(dg.Demand))*rowH+8)
	c.Rects = append(c.Rects, svgRect{X: left, Y: 8, W: 12, H: 12, Class: "req", Tip: "required"},
		svgRect{X: left + 100, Y: 8, W: 12, H: 12, Class: "pref", Tip: "preferred"})
	c.Texts = append(c.Texts, svgText{X: left + 18, Y: 18, Text: "required", Anchor: "start", Class: "small"},
		svgText{X: left + 118, Y: 18, Text: "preferred", Anchor: "start", Class: "small"})
	for i, g := range dg.Demand {
		y := top + float64(i)*rowH
		wr := float64(g.Required) / float64(most) * area
		wp := float64(g.Preferred) / float64(most) * area
		tip := fmt.Sprintf("%s: required by %d, preferred by %d, unlocks %d", oneLine(g.Skill), g.Required, g.Preferred, g.Unlocks)
		c.Rects = append(c.Rects, svgRect{X: left, Y: y, W: wr, H: barH, Class: "req", Tip: tip},
			svgRect{X: left + wr, Y: y, W: wp, H: barH, Class: "pref", Tip: tip})
		c.Texts = append(c.Texts, svgText{X: left - 8, Y: y + 13, Text: truncateRunes(oneLine(g.Skill), 22), Anchor: "end"},
			svgText{X: left + wr + wp + 6, Y: y + 13, Text: fmt.Sprintf("%d + %d", g.Required, g.Preferred), Anchor: "start", Class: "small"})
	}
	return c
}

// scoreChart is a histogram of the open matching postings' scores.
func (dg *digest) scoreChart() svgChart {
	c := svgChart{ID: "chart-scores", Title: "Score distribution",
		Desc: fmt.Sprintf("How well your profile fits the %s that match your filters.", countOf(dg.Open, "open posting", "open postings"))}
	most := 0
	for _, n := range dg.Scores {
		most = max(most, n)
	}
	if most == 0 {
		c.Empty = "No open posting matches your filters yet."
		return c
	}
	const left, top, bottom, height = 40.0, 20.0, 28.0, 240.0
	plotW, plotH := chartW-left-20, height-top-bottom
	bw := plotW / 10
	c.W, c.H = int(chartW), int(height)
	c.Lines = append(c.Lines, svgLine{X1: left, Y1: top + plotH, X2: left + plotW, Y2: top + plotH})
	for i, n := range dg.Scores {
		h := float64(n) / float64(most) * plotH
		x := left + float64(i)*bw
		class := "poor"
		switch {
		case i >= 8:
			class = "great"
		case i >= 6:
			class = "good"
		case i >= 4:
			class = "fair"
		}
		c.Rects = append(c.Rects, svgRect{X: x + 3, Y: top + plotH - h, W: bw - 6, H: h, Class: class,
			Tip: fmt.Sprintf("score %.1f-%.1f: %s", float64(i)/10, float64(i+1)/10, countOf(n, "posting", "postings"))})
		if n > 0 {
			c.Texts = append(c.Texts, svgText{X: x + bw/2, Y: top + plotH - h - 4, Text: fmt.Sprint(n), Anchor: "middle", Class: "small"})
		}
	}
	for i := 0; i <= 10; i++ {
		c.Texts = append(c.Texts, svgText{X: left + float64(i)*bw, Y: height - 8, Text: fmt.Sprintf("%.1f", float64(i)/10), Anchor: "middle", Class: "small"})
	}
	return c
}

// perDayChart is a bar per day: postings first seen that day.
func (dg *digest) perDayChart() svgChart {
	c := svgChart{ID: "chart-per-day", Title: "New postings per day",
		Desc: fmt.Sprintf("Postings first seen each day, over the last %d days.", len(dg.PerDay))}
	most := 0
	for _, d := range dg.PerDay {
		most = max(most, d.Count)
	}
	if most == 0 {
		c.Empty = "No posting was first seen in these days."
		return c
	}
	const left, top, bottom, height = 40.0, 20.0, 28.0, 220.0
	plotW, plotH := chartW-left-20, height-top-bottom
	n := len(dg.PerDay)
	bw := plotW / float64(n)
	every := (n + 7) / 8
	c.W, c.H = int(chartW), int(height)
	c.Lines = append(c.Lines, svgLine{X1: left, Y1: top + plotH, X2: left + plotW, Y2: top + plotH})
	c.Texts = append(c.Texts, svgText{X: left - 6, Y: top + 4, Text: fmt.Sprint(most), Anchor: "end", Class: "small"})
	for i, d := range dg.PerDay {
		h := float64(d.Count) / float64(most) * plotH
		x := left + float64(i)*bw
		c.Rects = append(c.Rects, svgRect{X: x + 1, Y: top + plotH - h, W: max(bw-2, 1), H: h, Class: "day",
			Tip: fmt.Sprintf("%s: %s", d.Day.Format("2006-01-02"), countOf(d.Count, "new posting", "new postings"))})
		if (n-1-i)%every == 0 {
			c.Texts = append(c.Texts, svgText{X: x + bw/2, Y: height - 8, Text: d.Day.Format("01/02"), Anchor: "middle", Class: "small"})
		}
	}
	return c
}

// digestTrendWeeks and digestTrendSkills size the trends chart.
const (
	digestTrendWeeks  = 12
	digestTrendSkills = 8
)

// trendsChart draws, for the skills target postings ask for most this week, one row of
// weekly bars each: how many open target postings asked for the skill that week.
func (dg *digest) trendsChart() svgChart {
	c := svgChart{ID: "chart-trends", Title: "Skills in demand, week by week",
		Desc: fmt.Sprintf("Open target postings asking for each skill, over the last %d weeks (this week on the right).", digestTrendWeeks)}
	var rows []skillTrend
	if dg.Trends != nil {
		for _, s := range dg.Trends.Skills {
			if len(rows) == digestTrendSkills {
				break
			}
			if s.Now > 0 {
				rows = append(rows, s)
			}
		}
	}
	if len(rows) == 0 {
		c.Empty = "No open target posting asks for a skill yet."
		return c
	}
	most := 0
	for _, s := range rows {
		for _, n := range s.Counts {
			most = max(most, n)
		}
	}
	const left, rowH, barMaxH, top = 150.0, 30.0, 22.0, 6.0
	plotW := chartW - left - 60
	c.W, c.H = int(chartW), int(top+float64(len(rows))*rowH+4)
	for i, s := range rows {
		y := top + float64(i)*rowH
		name := s.Skill
		if !s.Have {
			name += " *"
		}
		c.Texts = append(c.Texts, svgText{X: left - 8, Y: y + barMaxH - 6, Text: truncateRunes(name, 22), Anchor: "end"})
		bw := plotW / float64(max(1, len(s.Counts)))
		for w, n := range s.Counts {
			h := max(float64(n)/float64(max(1, most))*barMaxH, 1)
			class := "pref"
			if w == len(s.Counts)-1 {
				class = "req"
			}
			tip := s.Skill
			if dg.Trends != nil && w < len(dg.Trends.Weeks) {
				tip = fmt.Sprintf("%s, week of %s: %s", s.Skill, dg.local(dg.Trends.Weeks[w].Start).Format("2006-01-02"),
					countOf(n, "posting", "postings"))
			}
			c.Rects = append(c.Rects, svgRect{X: left + float64(w)*bw + 1, Y: y + barMaxH - h, W: max(bw-2, 1), H: h, Class: class, Tip: tip})
		}
		change := fmt.Sprintf("%d", s.Now)
		if s.Change > 0 {
			change += fmt.Sprintf(" (+%d)", s.Change)
		} else if s.Change < 0 {
			change += fmt.Sprintf(" (%d)", s.Change)
		}
		c.Texts = append(c.Texts, svgText{X: left + plotW + 6, Y: y + barMaxH - 6, Text: change, Anchor: "start", Class: "small"})
	}
	c.Desc += " * marks skills you do not have yet."
	return c
}

// truncateRunes cuts s to n characters, marking the cut.
func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
