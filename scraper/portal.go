package scraper

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/jobs-cli/jobs"
)

// What the portal sources (Jumpit) share: the list is the site's sitemaps, as its robots.txt
// offers them, and each posting is its public page. A portal lists thousands of postings, so
// a run reads the most recently changed first and at most portalDefaultLimit pages unless
// scrape.limit says otherwise; the rest waits for the next run.

// portalDefaultLimit is how many posting pages a portal source fetches in one run when
// scrape.limit is not set.
const portalDefaultLimit = 300

// portalSitemaps names a portal's sitemaps: the index (a path under the base) and which of
// its sitemaps list postings.
type portalSitemaps struct {
	index string            // "/sitemap.xml"
	pick  func(string) bool // true for a sitemap of postings, by its file name
	// page reads a posting page's URL into its id; "" = not a posting page.
	page func(u *url.URL) string
}

// readPortalSitemaps reads the index and the posting sitemaps it names, and lists each
// posting page, newest lastmod first. Every URL the sitemaps give is read on the base's
// origin (its path and query kept), so a base URL stands for the whole site.
func readPortalSitemaps(ctx context.Context, f *fetcher, source string, base *url.URL, ps portalSitemaps,
	stub func(id, pageURL string) *jobs.Posting) pagedList[listedPosting] {
	var pl pagedList[listedPosting]
	pl.url = base.String() + ps.index
	rebase := func(loc string) (string, *url.URL) {
		u, err := url.Parse(strings.TrimSpace(loc))
		if err != nil || u.Path == "" {
			return "", nil
		}
		r := *base
		r.Path, r.RawPath, r.RawQuery, r.Fragment = u.Path, u.RawPath, u.RawQuery, ""
		return r.String(), &r
	}
	fail := func(r *result) jobs.Failure { return requestFailure(r, source) }
	r, ok := getList(ctx, f, pl.url, &pl.requests, &pl.failures, fail)
	if !ok {
		return pl
	}
	sm, err := parseSitemap(r.body, kst)
	if err != nil {
		pl.failures = append(pl.failures, jobs.Failure{Source: source, URL: pl.url, Status: r.status, Reason: err.Error()})
		return pl
	}
	maps := []sitemapEntry{{Loc: pl.url}}
	if sm.Index {
		maps = nil
		for _, e := range sm.Entries {
			name := e.Loc
			if u, err := url.Parse(e.Loc); err == nil {
				name = u.Path
			}
			if ps.pick(name) {
				maps = append(maps, e)
			}
		}
		if len(maps) == 0 {
			pl.failures = append(pl.failures, jobs.Failure{Source: source, URL: pl.url, Status: r.status,
				Reason: fmt.Sprintf("the sitemap index names %d sitemaps but none of postings", len(sm.Entries))})
			return pl
		}
	}
	complete := true
	seen := map[string]bool{}
	for i, m := range maps {
		u, _ := rebase(m.Loc)
		body := r.body
		if sm.Index || i > 0 {
			if i >= maxListPages {
				pl.failures = append(pl.failures, jobs.Failure{Source: source, URL: u,
					Reason: fmt.Sprintf("more than %d sitemaps of postings; the rest were not read", maxListPages)})
				complete = false
				break
			}
			rr, ok := getList(ctx, f, u, &pl.requests, &pl.failures, fail)
			if !ok {
				complete = false
				continue
			}
			body = rr.body
		}
		set, err := parseSitemap(body, kst)
		if err != nil || set.Index {
			reason := "a sitemap of postings is itself an index"
			if err != nil {
				reason = err.Error()
			}
			pl.failures = append(pl.failures, jobs.Failure{Source: source, URL: u, Reason: reason})
			complete = false
			continue
		}
		for _, e := range set.Entries {
			page, pu := rebase(e.Loc)
			if pu == nil {
				continue
			}
			id := ps.page(pu)
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			pl.items = append(pl.items, listedPosting{id: id, detail: page, lastMod: e.LastMod, stub: stub(id, page)})
		}
	}
	slices.SortStableFunc(pl.items, func(a, b listedPosting) int { return b.lastMod.Compare(a.lastMod) })
	pl.complete = complete && len(pl.items) > 0
	if len(pl.items) == 0 && len(pl.failures) == 0 {
		pl.failures = append(pl.failures, jobs.Failure{Source: source, URL: pl.url, Reason: "the sitemaps list no posting pages"})
	}
	return pl
}

// portal marks the sources read from their sitemaps, for Probe.
func (j *Jumpit) portal()   {}
func (r *Remember) portal() {}

// portalConfig is a portal's policy: scrape.limit, else portalDefaultLimit.
func portalConfig(cfg Config) Config {
	cfg.Limit = cmp.Or(cfg.Limit, portalDefaultLimit)
	return cfg
}
