package scraper

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// wantedName is the source's name in the store.
const wantedName = "wanted"

// maxSitemaps caps how many sitemap files one run reads.
const maxSitemaps = 1000

// Wanted collects postings from Wanted: robots.txt, the sitemaps it names, then each
// /wd/{id} page that is new or changed since the last run.
type Wanted struct {
	base       *url.URL // without a trailing slash
	baseStr    string
	categories map[int]bool
	cfg        Config
}

var _ jobs.Source = (*Wanted)(nil)

// NewWanted makes the Wanted source. baseURL is where the site lives
// (https://www.wanted.co.kr, or a local server in tests); categories are the category tag
// ids to keep (a posting is kept when its parent or any child tag is one of them; none =
// keep all).
func NewWanted(baseURL string, categories []int, cfg Config) (*Wanted, error) {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return nil, jobs.Errorf(jobs.KindInvalid,
			"wanted base URL %q is not an http or https URL with a host", baseURL)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, jobs.Errorf(jobs.KindInvalid,
			"wanted base URL %q must not carry a query, a fragment or credentials", baseURL)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	w := &Wanted{base: u, baseStr: u.String(), cfg: cfg.withDefaults()}
	if len(categories) > 0 {
		w.categories = map[int]bool{}
		for _, c := range categories {
			w.categories[c] = true
		}
	}
	return w, nil
}

// Name is "wanted".
func (w *Wanted) Name() string { return wantedName }

// sitemapPage is one posting page found in the sitemaps.
type sitemapPage struct {
	id      string
	lastMod time.Time // zero = the sitemap gave none
}

// Scrape collects into sink. One page's failure is counted and listed in the stats; the
// error is for a run that could not list the site, that read no posting from any page it
// fetched, or that was cancelled.
func (w *Wanted) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	stats := jobs.SourceStats{Source: wantedName}
	f, err := newFetcher(ctx, w.cfg, wantedName, w.base)
	if err != nil {
		return stats, err
	}

	ids, complete := w.list(ctx, f, &stats)
	stats.Listed = len(ids)
	if err := ctx.Err(); err != nil {
		return stats, jobs.Errorf(jobs.KindUnavailable, "wanted: scrape interrupted: %w", err)
	}
	if len(ids) == 0 {
		if len(stats.Failures) > 0 {
			return stats, jobs.Errorf(jobs.KindUnavailable,
				"wanted: could not list any posting: %s", stats.Failures[0].Error())
		}
		return stats, jobs.Errorf(jobs.KindUnavailable,
			"wanted: the sitemaps at %s list no posting pages (/wd/{id})", w.baseStr)
	}

	known, err := sink.Known(ctx, wantedName)
	if err != nil {
		return stats, jobs.Errorf(jobs.KindUnavailable, "wanted: reading the pages fetched before: %w", err)
	}
	run := w.fetchAll(ctx, f, sink, w.changed(ids, known), &stats)

	if err := ctx.Err(); err != nil {
		return stats, jobs.Errorf(jobs.KindUnavailable, "wanted: scrape interrupted: %w", err)
	}
	// Only a complete listing may close postings: a sitemap that failed would otherwise
	// make every posting it lists look gone.
	if complete {
		w.closeGone(ctx, sink, ids, known, &stats)
	}
	if run.done > 0 && stats.Parsed == 0 && run.closed404 < run.done {
		why := run.first
		if why == "" {
			why = fmt.Sprintf("robots.txt disallows %d of them", run.blocked)
		}
		return stats, jobs.Errorf(jobs.KindUnavailable,
			"wanted: no posting could be read from any of the %d pages tried (%s)", run.done, why)
	}
	return stats, nil
}

// list reads robots.txt and the sitemaps. It returns the listed posting ids with their
// lastmod, and whether robots.txt and every sitemap were read without failure.
func (w *Wanted) list(ctx context.Context, f *fetcher, stats *jobs.SourceStats) (map[string]time.Time, bool) {
	complete := true
	fail := func(r *result, reason string) {
		fl := r.failure(wantedName)
		if reason != "" {
			fl.Reason = reason
		}
		stats.Failed++
		stats.Failures = append(stats.Failures, fl)
		complete = false
	}

	robotsURL := &url.URL{Scheme: w.base.Scheme, Host: w.base.Host, Path: "/robots.txt"}
	var sitemaps []string
	e := f.robotsFor(ctx, robotsURL)
	switch r := e.res; {
	case r.cancelled:
		return nil, false
	case e.data == nil:
		fail(r, e.why)
		return nil, false
	case r.ok():
		from, err := url.Parse(r.url)
		if err != nil {
			from = robotsURL
		}
		for _, s := range robotsSitemaps(r.body, from) {
			if u, err := url.Parse(s); err == nil && w.allowedHost(u.Hostname()) {
				sitemaps = append(sitemaps, s)
			}
		}
	}
	if len(sitemaps) == 0 {
		sitemaps = []string{w.baseStr + "/sitemap.xml"}
	}

	ids := map[string]time.Time{}
	type pending struct {
		url   string
		depth int
	}
	var todo []pending
	seen := map[string]bool{}
	for _, s := range sitemaps {
		seen[s] = true
		todo = append(todo, pending{s, 0})
	}
	for read := 0; len(todo) > 0; read++ {
		sm := todo[0]
		todo = todo[1:]
		if read >= maxSitemaps {
			fail(&result{url: sm.url}, fmt.Sprintf("more than %d sitemaps; the rest were not read", maxSitemaps))
			break
		}
		r := f.get(ctx, sm.url, fetchSitemap)
		if r.cancelled {
			return ids, false
		}
		if !r.ok() {
			fail(r, "sitemap: "+r.reason)
			continue
		}
		doc, err := parseSitemap(r.body, kst)
		if err != nil {
			fail(r, err.Error())
			continue
		}
		from, err := url.Parse(r.url)
		if err != nil {
			from, _ = url.Parse(sm.url)
		}
		if doc.Index {
			if sm.depth >= 2 {
				fail(r, "sitemap index nested too deep")
				continue
			}
			for _, e := range jobSitemaps(doc.Entries) {
				u, err := from.Parse(e.Loc)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
					continue
				}
				if !w.allowedHost(u.Hostname()) {
					fail(&result{url: u.String()}, "sitemap on a host other than the base URL's; not read")
					continue
				}
				if s := u.String(); !seen[s] {
					seen[s] = true
					todo = append(todo, pending{s, sm.depth + 1})
				}
			}
			continue
		}
		for _, e := range doc.Entries {
			id := w.idFromLoc(from, e.Loc)
			if id == "" {
				continue
			}
			if old, ok := ids[id]; !ok || e.LastMod.After(old) {
				ids[id] = e.LastMod
			}
		}
	}
	return ids, complete
}

// allowedHost is true for the base URL's host and its subdomains (www., recruit., ...),
// which serve the same posting ids.
func (w *Wanted) allowedHost(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	bare := strings.TrimPrefix(strings.ToLower(w.base.Hostname()), "www.")
	return host == bare || strings.HasSuffix(host, "."+bare)
}

// idFromLoc is the posting id of a sitemap <loc> of the form {host}/wd/{digits}, "" for any
// other page.
func (w *Wanted) idFromLoc(sitemapURL *url.URL, loc string) string {
	u, err := sitemapURL.Parse(loc)
	if err != nil || !w.allowedHost(u.Hostname()) {
		return ""
	}
	m := wdPath.FindStringSubmatch(u.Path)
	if m == nil {
		return ""
	}
	return normalizeID(m[1])
}

// changed returns the listed pages to fetch, newest (largest id) first: every page not
// fetched before, and every known page whose lastmod changed, or, when the sitemap gives no
// lastmod, that was fetched longer than Refresh ago.
func (w *Wanted) changed(ids map[string]time.Time, known map[string]jobs.Page) []sitemapPage {
	now := w.cfg.Now()
	var out []sitemapPage
	for id, lm := range ids {
		// A page skipped under another filter, or closed and now listed again, is fetched
		// whatever its lastmod says.
		if k, ok := known[id]; ok && k.Outcome != jobs.OutcomeClosed && !(k.Outcome == jobs.OutcomeSkipped && k.Filter != w.filter()) {
			if !lm.IsZero() && sameInstant(k.LastMod, lm) {
				continue
			}
			if lm.IsZero() && !k.FetchedAt.IsZero() && now.Sub(k.FetchedAt) < w.cfg.Refresh {
				continue
			}
		}
		out = append(out, sitemapPage{id: id, lastMod: lm})
	}
	slices.SortFunc(out, func(a, b sitemapPage) int { return compareIDs(b.id, a.id) })
	return out
}

// sameInstant compares two times to the second: a store may keep no finer precision.
func sameInstant(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	return a.Truncate(time.Second).Equal(b.Truncate(time.Second))
}

// compareIDs orders decimal ids (without leading zeros) numerically.
func compareIDs(a, b string) int {
	if c := cmp.Compare(len(a), len(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// runCounts is what fetchAll reports beyond the stats.
type runCounts struct {
	done      int    // pages processed
	closed404 int    // pages that answered 404 or 410
	blocked   int    // pages robots.txt disallows (never requested, not a failure)
	first     string // the first page failure, for the run's error
}

// fetchAll fetches the queued pages and stores what they give.
func (w *Wanted) fetchAll(ctx context.Context, f *fetcher, sink jobs.Sink, queue []sitemapPage, stats *jobs.SourceStats) runCounts {
	var counts runCounts
	done, failures := fetchQueue(ctx, w.cfg, queue, stats,
		func(item sitemapPage) *result { return f.get(ctx, w.pageURL(item.id), fetchPage) },
		func(item sitemapPage, r *result) *jobs.Failure { return w.savePage(ctx, sink, item, r, &counts, stats) })
	counts.done = done
	if len(failures) > 0 {
		counts.first = failures[0].Error()
	}
	return counts
}

// pageURL is the address of a posting's page.
func (w *Wanted) pageURL(id string) string { return w.baseStr + "/wd/" + id }

// savePage reads one fetched posting page and stores what it gives: the posting, or the page
// closed (404 or 410) or skipped (outside the categories). It returns the page's failure.
func (w *Wanted) savePage(ctx context.Context, sink jobs.Sink, item sitemapPage, r *result, counts *runCounts,
	stats *jobs.SourceStats) *jobs.Failure {
	pageURL := w.pageURL(item.id)
	fail := func(status int, reason string) *jobs.Failure {
		return &jobs.Failure{Source: wantedName, URL: pageURL, Status: status, Reason: reason}
	}
	if r.blocked {
		// robots.txt disallows this page: it is never requested, and that is policy, not a
		// failure. It stays unsaved, so a later robots.txt that allows it gets it fetched.
		counts.blocked++
		return nil
	}
	page := jobs.Page{
		Source:    wantedName,
		SourceID:  item.id,
		URL:       pageURL,
		LastMod:   item.lastMod,
		FetchedAt: w.cfg.Now(),
	}
	if r.status == 404 || r.status == 410 {
		counts.closed404++
		page.Outcome = jobs.OutcomeClosed
		if err := storePage(ctx, sink, page, nil, stats); err != nil {
			return fail(r.status, "could not store the closed page: "+cleanText(err.Error()))
		}
		return nil
	}
	if !r.ok() {
		return fail(r.status, r.reason)
	}
	p, err := ParseWantedPage(r.body, pageURL)
	if err != nil {
		return fail(r.status, err.Error())
	}
	if p.SourceID != item.id {
		return fail(r.status, fmt.Sprintf("page holds posting %s, not %s", p.SourceID, item.id))
	}
	stats.Parsed++
	p.Source, p.URL = wantedName, pageURL
	switch {
	case p.Status != jobs.StatusOpen:
		page.Outcome = jobs.OutcomeClosed
	case !w.inCategories(p.Categories):
		page.Outcome = jobs.OutcomeSkipped
		page.Filter = w.filter()
		p = nil
	default:
		page.Outcome = jobs.OutcomeKept
	}
	if err := storePage(ctx, sink, page, p, stats); err != nil {
		return fail(r.status, "could not store the posting: "+cleanText(err.Error()))
	}
	return nil
}

// inCategories is true when no categories are configured, when one of ids is configured,
// or when the page gave no categories at all (a posting read from JSON-LD, which has none):
// unknown is not outside, and skipping it would lose every posting the fallback saved.
func (w *Wanted) inCategories(ids []int) bool {
	if len(w.categories) == 0 || len(ids) == 0 {
		return true
	}
	for _, id := range ids {
		if w.categories[id] {
			return true
		}
	}
	return false
}

// closeGone closes the kept postings that no sitemap lists any more.
func (w *Wanted) closeGone(ctx context.Context, sink jobs.Sink, ids map[string]time.Time, known map[string]jobs.Page, stats *jobs.SourceStats) {
	var gone []string
	for id, k := range known {
		if _, listed := ids[id]; !listed && k.Outcome == jobs.OutcomeKept {
			gone = append(gone, id)
		}
	}
	closed, reason := storeGone(ctx, sink, wantedName, gone, "listed", compareIDs)
	if reason != "" {
		stats.Failed++
		stats.Failures = append(stats.Failures, jobs.Failure{Source: wantedName, Reason: reason})
	}
	stats.Closed += closed
}

// filter fingerprints the category filter ("categories=518,1634"), stored with skipped pages
// so that a changed filter fetches them again.
func (w *Wanted) filter() string {
	ids := make([]int, 0, len(w.categories))
	for id := range w.categories {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.Itoa(id)
	}
	return "categories=" + strings.Join(parts, ",")
}
