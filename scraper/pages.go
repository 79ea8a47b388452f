package scraper

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"

	nethtml "golang.org/x/net/html"

	"github.com/jobs-cli/jobs"
)

// pagesName is the source's name in the store.
const pagesName = "pages"

// maxFollowLinks caps the posting pages one listing page may lead to.
const maxFollowLinks = 5000

// PageSpec is one career site: a listing page and the posting pages it links to.
//
// Follow is the pattern of the posting pages' URLs; links on the listing page that match it
// and stay on the listing page's host (with or without "www.") are followed. It is one of:
//
//   - a path glob, starting with "/": "/jobs/*", "/careers/**/view". "*" matches any run of
//     characters but "/", "**" any run at all; the rest is literal. It is matched against
//     the link's path, and against "path?query" when the pattern holds a "?"
//     ("/rcrt/view.do?annoId=*").
//   - a URL glob, starting with "http://" or "https://": the same, matched against the
//     whole link (scheme, host in lower case, path, and query when the pattern holds "?").
//   - a regular expression after "re:" (Go syntax), matched against the whole link
//     anywhere in it: "re:^https://careers\.example\.com/jobs/[0-9]+$".
type PageSpec struct {
	URL    string
	Follow string
}

// Pages collects postings from career sites that describe each posting with schema.org
// JobPosting JSON-LD: a listing page is read, the posting pages it links to are followed,
// and each one's JSON-LD is read. A posting's SourceID is its page's host and path
// ("careers.example.com/jobs/42", with the query when there is one), which stays the same
// from run to run.
type Pages struct {
	specs []*pageSpec
	cfg   Config
}

var _ jobs.Source = (*Pages)(nil)

type pageSpec struct {
	index  int
	url    *url.URL
	follow string
	match  func(*url.URL) bool
}

// NewPages makes the career pages source from the configured pages.
func NewPages(pages []PageSpec, cfg Config) (*Pages, error) {
	if len(pages) == 0 {
		return nil, jobs.Errorf(jobs.KindInvalid, "pages: no pages given")
	}
	p := &Pages{cfg: cfg.withDefaults()}
	for i, ps := range pages {
		u, err := url.Parse(strings.TrimSpace(ps.URL))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.User != nil {
			return nil, jobs.Errorf(jobs.KindInvalid,
				"pages: page %d: url %q is not an http or https URL with a host (and no credentials)", i+1, ps.URL)
		}
		u.Fragment = ""
		match, err := followPattern(ps.Follow)
		if err != nil {
			return nil, jobs.Errorf(jobs.KindInvalid, "pages: page %d (%s): follow: %v", i+1, u, err)
		}
		p.specs = append(p.specs, &pageSpec{index: i, url: u, follow: strings.TrimSpace(ps.Follow), match: match})
	}
	return p, nil
}

// followPattern compiles a PageSpec.Follow pattern into a matcher of absolute URLs.
func followPattern(pattern string) (func(*url.URL) bool, error) {
	pattern = strings.TrimSpace(pattern)
	switch {
	case pattern == "":
		return nil, errors.New("a pattern of the posting pages' URLs is required (a path glob such as /jobs/*)")
	case strings.HasPrefix(pattern, "re:"):
		re, err := regexp.Compile(strings.TrimPrefix(pattern, "re:"))
		if err != nil {
			return nil, fmt.Errorf("invalid regular expression: %v", err)
		}
		return func(u *url.URL) bool { return re.MatchString(u.String()) }, nil
	case strings.HasPrefix(pattern, "/"):
		re := globRegexp(pattern)
		withQuery := strings.Contains(pattern, "?")
		return func(u *url.URL) bool { return re.MatchString(linkPath(u, withQuery)) }, nil
	case strings.HasPrefix(pattern, "http://") || strings.HasPrefix(pattern, "https://"):
		scheme, rest, _ := strings.Cut(pattern, "://")
		host, path, found := strings.Cut(rest, "/")
		if found {
			path = "/" + path
		}
		re := globRegexp(scheme + "://" + strings.ToLower(host) + path)
		withQuery := strings.Contains(path, "?")
		return func(u *url.URL) bool {
			return re.MatchString(u.Scheme + "://" + strings.ToLower(u.Host) + linkPath(u, withQuery))
		}, nil
	}
	return nil, fmt.Errorf("%q is neither a path glob (starting with /), a URL glob (http:// or https://) nor a regular expression (re:...)", pattern)
}

// globRegexp turns a glob ("*" = any run but "/", "**" = any run) into an anchored regexp.
func globRegexp(glob string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); {
		switch {
		case strings.HasPrefix(glob[i:], "**"):
			b.WriteString(".*")
			i += 2
		case glob[i] == '*':
			b.WriteString("[^/]*")
			i++
		default:
			j := i
			for j < len(glob) && glob[j] != '*' {
				j++
			}
			b.WriteString(regexp.QuoteMeta(glob[i:j]))
			i = j
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// linkPath is a URL's path ("/" when empty), with "?query" when withQuery and there is one.
func linkPath(u *url.URL, withQuery bool) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if withQuery && u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

// Name is "pages".
func (p *Pages) Name() string { return pagesName }

// hostKey is a URL's host without "www.", with its port: www.example.com and example.com
// are one site.
func hostKey(u *url.URL) string {
	h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if port := u.Port(); port != "" {
		h += ":" + port
	}
	return h
}

// owns is true when u is a posting page of this spec: on its host and matching Follow.
func (s *pageSpec) owns(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && hostKey(u) == hostKey(s.url) && s.match(u)
}

// trackingParams are query parameters that mark where a visitor came from, not which page
// it is; they are dropped from a page's id.
func trackingParam(k string) bool {
	k = strings.ToLower(k)
	return strings.HasPrefix(k, "utm_") || k == "fbclid" || k == "gclid" || k == "ref" || k == "source"
}

// pageID is the SourceID of a posting page: host (without "www."), path, and the query
// without tracking parameters, sorted.
func pageID(u *url.URL) string {
	id := hostKey(u) + linkPath(u, false)
	if u.RawQuery == "" {
		return id
	}
	q := u.Query()
	for k := range q {
		if trackingParam(k) {
			q.Del(k)
		}
	}
	if enc := q.Encode(); enc != "" {
		id += "?" + enc
	}
	return id
}

// pageTask is one posting page to fetch.
type pageTask struct {
	spec *pageSpec
	id   string
	url  string
}

// specRun is what one spec gave in this run.
type specRun struct {
	listed   bool // its listing page was read and linked to posting pages
	fetched  int  // posting pages answered
	parsed   int  // posting pages that gave a posting
	notFound int  // posting pages that answered 404 or 410
	first    string
}

// Scrape reads each listing page, follows the links to posting pages that are new or were
// fetched longer than Config.Refresh ago, and stores the JobPosting each one describes. A
// page answering 404 or 410, or whose validThrough has passed, is closed; a stored posting
// no longer linked from a listing page read this run is closed too.
func (p *Pages) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	stats := jobs.SourceStats{Source: pagesName}
	known, err := sink.Known(ctx, pagesName)
	if err != nil {
		return stats, jobs.Errorf(jobs.KindUnavailable, "pages: reading the pages fetched before: %w", err)
	}
	fetchers := &hostFetchers{ctx: ctx, cfg: p.cfg, byHost: map[string]*fetcher{}}
	runs := make([]specRun, len(p.specs))
	queue, linked, err := p.readListings(ctx, fetchers, known, runs, &stats)
	if err != nil {
		return stats, err
	}
	p.fetchAll(ctx, sink, queue, fetchers, runs, &stats)
	if err := ctx.Err(); err != nil {
		return stats, pagesInterrupted(err)
	}
	p.failUnreadSpecs(runs, &stats)
	p.closeUnlinked(ctx, sink, known, linked, runs, &stats)
	if !slices.ContainsFunc(runs, func(r specRun) bool { return r.listed }) && stats.Listed == 0 {
		why := "no answer"
		if len(stats.Failures) > 0 {
			why = stats.Failures[0].Error()
		}
		return stats, jobs.Errorf(jobs.KindUnavailable, "pages: no listing page could be read: %s", why)
	}
	return stats, nil
}

// pagesInterrupted is the error of a run whose context ended.
func pagesInterrupted(err error) error {
	return jobs.Errorf(jobs.KindUnavailable, "pages: scrape interrupted: %w", err)
}

// hostFetchers makes one fetcher per host, so that specs on one site share its pace and
// robots.txt. It is safe for concurrent use.
type hostFetchers struct {
	ctx    context.Context
	cfg    Config
	mu     sync.Mutex
	byHost map[string]*fetcher // by scheme and hostKey
}

// get is the fetcher of u's host, made on first use.
func (h *hostFetchers) get(u *url.URL) (*fetcher, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	k := u.Scheme + "://" + hostKey(u)
	if f := h.byHost[k]; f != nil {
		return f, nil
	}
	f, err := newFetcher(h.ctx, h.cfg, pagesName, u)
	if err != nil {
		return nil, err
	}
	h.byHost[k] = f
	return f, nil
}

// readListings reads every spec's listing page and returns the posting pages to fetch, in
// the order the listing pages link to them, and the ids of every posting page linked. A
// posting page fetched less than Config.Refresh ago is not fetched again. The error is for a
// fetcher that could not be made, or a run that was cancelled.
func (p *Pages) readListings(ctx context.Context, fetchers *hostFetchers, known map[string]jobs.Page, runs []specRun,
	stats *jobs.SourceStats) (queue []pageTask, linked map[string]bool, err error) {
	linked = map[string]bool{}
	now := p.cfg.Now()
	for i, s := range p.specs {
		links, whole, err := p.readListing(ctx, fetchers, s, stats)
		if err != nil {
			return nil, nil, err
		}
		runs[i].listed = whole
		for _, l := range links {
			id := pageID(l)
			if linked[id] {
				continue
			}
			linked[id] = true
			stats.Listed++
			if k, ok := known[id]; ok && !k.FetchedAt.IsZero() && now.Sub(k.FetchedAt) < p.cfg.Refresh {
				continue
			}
			queue = append(queue, pageTask{spec: s, id: id, url: l.String()})
		}
	}
	return queue, linked, nil
}

// readListing fetches a spec's listing page and returns the links on it to the spec's
// posting pages (the first maxFollowLinks), and whether they are all of them. A listing page
// that could not be read, or links to none, is a failure and gives no links; so is one with
// more links than are followed, which gives the first ones.
func (p *Pages) readListing(ctx context.Context, fetchers *hostFetchers, s *pageSpec, stats *jobs.SourceStats) (
	links []*url.URL, whole bool, err error) {
	f, err := fetchers.get(s.url)
	if err != nil {
		return nil, false, err
	}
	r := f.get(ctx, s.url.String(), fetchList)
	if r.requested {
		stats.Fetched++
	}
	if r.cancelled || ctx.Err() != nil {
		return nil, false, pagesInterrupted(cmp.Or(ctx.Err(), context.Canceled))
	}
	if !r.ok() {
		addFailure(stats, pagesName, r.url, r.status, "listing page: "+r.reason)
		return nil, false, nil
	}
	from, err := url.Parse(r.url)
	if err != nil {
		from = s.url
	}
	for _, l := range pageLinks(r.body, from) {
		if s.owns(l) && pageID(l) != pageID(s.url) {
			links = append(links, l)
		}
	}
	switch {
	case len(links) == 0:
		addFailure(stats, pagesName, s.url.String(), r.status, fmt.Sprintf("no link on the listing page matches %q", s.follow))
		return nil, false, nil
	case len(links) > maxFollowLinks:
		addFailure(stats, pagesName, s.url.String(), r.status,
			fmt.Sprintf("more than %d posting links; the rest were not followed", maxFollowLinks))
		return links[:maxFollowLinks], false, nil
	}
	return links, true, nil
}

// fetchAll fetches the queued posting pages and stores what they give.
func (p *Pages) fetchAll(ctx context.Context, sink jobs.Sink, queue []pageTask, fetchers *hostFetchers, runs []specRun,
	stats *jobs.SourceStats) {
	fetchQueue(ctx, p.cfg, queue, stats,
		func(t pageTask) *result {
			u, _ := url.Parse(t.url)
			f, err := fetchers.get(u)
			if err != nil {
				return &result{url: t.url, reason: err.Error()}
			}
			return f.get(ctx, t.url, fetchPage)
		},
		func(t pageTask, r *result) *jobs.Failure {
			run := &runs[t.spec.index]
			fl := p.savePage(ctx, sink, t, r, run, stats)
			if fl != nil && run.first == "" {
				run.first = fl.Reason
			}
			return fl
		})
}

// savePage reads one fetched posting page and stores what it gives: the posting (closed when
// its validThrough has passed), or the page closed when it answered 404 or 410. It returns
// the page's failure.
func (p *Pages) savePage(ctx context.Context, sink jobs.Sink, t pageTask, r *result, run *specRun,
	stats *jobs.SourceStats) *jobs.Failure {
	if r.blocked {
		// robots.txt disallows the page: policy, not a failure. It stays unsaved, so a later
		// robots.txt that allows it gets it fetched.
		return nil
	}
	page := jobs.Page{Source: pagesName, SourceID: t.id, URL: t.url, FetchedAt: p.cfg.Now()}
	fail := func(status int, reason string) *jobs.Failure {
		return &jobs.Failure{Source: pagesName, URL: t.url, Status: status, Reason: reason}
	}
	if r.status == 404 || r.status == 410 {
		run.fetched++
		run.notFound++
		page.Outcome = jobs.OutcomeClosed
		if err := storePage(ctx, sink, page, nil, stats); err != nil {
			return fail(r.status, "could not store the closed page: "+cleanText(err.Error()))
		}
		return nil
	}
	if !r.ok() {
		return fail(r.status, r.reason)
	}
	run.fetched++
	posting, err := parseJobPostingPage(r.body, t.url)
	if err != nil {
		return fail(r.status, err.Error())
	}
	run.parsed++
	stats.Parsed++
	posting.Source, posting.SourceID, posting.URL = pagesName, t.id, t.url
	if posting.Company == "" {
		posting.Company = strings.TrimPrefix(strings.ToLower(t.spec.url.Hostname()), "www.")
	}
	page.Outcome = jobs.OutcomeKept
	if posting.Due != nil && posting.Due.Before(p.cfg.Now()) {
		posting.Status = jobs.StatusClosed
		page.Outcome = jobs.OutcomeClosed
	}
	if err := storePage(ctx, sink, page, posting, stats); err != nil {
		return fail(r.status, "could not store the posting: "+cleanText(err.Error()))
	}
	return nil
}

// failUnreadSpecs fails each spec whose posting pages answered but gave no JobPosting.
func (p *Pages) failUnreadSpecs(runs []specRun, stats *jobs.SourceStats) {
	for i, s := range p.specs {
		if r := runs[i]; r.fetched > 0 && r.parsed == 0 && r.notFound < r.fetched {
			addFailure(stats, pagesName, s.url.String(), 0,
				fmt.Sprintf("no JobPosting could be read from any of the %d posting pages fetched (%s)", r.fetched, r.first))
		}
	}
}

// closeUnlinked closes the stored postings that a listing page read whole this run no
// longer links to.
func (p *Pages) closeUnlinked(ctx context.Context, sink jobs.Sink, known map[string]jobs.Page, linked map[string]bool,
	runs []specRun, stats *jobs.SourceStats) {
	var gone []string
	for id, k := range known {
		if k.Outcome != jobs.OutcomeKept || linked[id] {
			continue
		}
		u, err := url.Parse(k.URL)
		if err != nil {
			continue
		}
		for i, s := range p.specs {
			if runs[i].listed && s.owns(u) {
				gone = append(gone, id)
				break
			}
		}
	}
	closed, reason := storeGone(ctx, sink, pagesName, gone, "linked", strings.Compare)
	if reason != "" {
		addFailure(stats, pagesName, "", 0, reason)
	}
	stats.Closed += closed
}

// pageLinks returns the links of an HTML page (<a href>, <area href>), resolved against the
// page's URL or its <base href>, without fragments, http and https only, in order and
// without repeats.
func pageLinks(body []byte, pageURL *url.URL) []*url.URL {
	z := nethtml.NewTokenizer(bytes.NewReader(body))
	base := pageURL
	baseSeen := false
	var out []*url.URL
	seen := map[string]bool{}
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			return out
		}
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		tag := string(name)
		if tag != "a" && tag != "area" && tag != "base" {
			continue
		}
		var href string
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if strings.EqualFold(string(k), "href") {
				href = strings.TrimSpace(string(v))
			}
		}
		if href == "" {
			continue
		}
		if tag == "base" {
			if !baseSeen {
				baseSeen = true
				if b, err := pageURL.Parse(href); err == nil {
					base = b
				}
			}
			continue
		}
		u, err := base.Parse(href)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		u.Fragment, u.RawFragment = "", ""
		if s := u.String(); !seen[s] {
			seen[s] = true
			out = append(out, u)
		}
	}
}

// parseJobPostingPage reads the first schema.org JobPosting of a page's JSON-LD blocks
// (at the top, in arrays, in @graph). Its description (HTML, sometimes entity-escaped
// twice) becomes text lines in Sections.Description; qualifications and the stated
// experience and education go to Requirements, responsibilities and skills to MainTasks.
// Every text field is cleaned of control characters and escape sequences.
func parseJobPostingPage(body []byte, pageURL string) (*jobs.Posting, error) {
	p, problems, seen := ldPosting(pageScripts(body), pageURL, postingFromPageLD)
	if p != nil {
		return p, nil
	}
	if !seen {
		return nil, errors.New("no JobPosting JSON-LD in page: the page has no application/ld+json script")
	}
	return nil, fmt.Errorf("no JobPosting JSON-LD in page: %s", strings.Join(slices.Compact(problems), "; "))
}

// ldPosting maps the first schema.org JobPosting of a page's JSON-LD scripts (at the top, in
// arrays, in @graph) that from can read; else it says, script by script, why none could be,
// and whether the page had a JSON-LD script at all.
func ldPosting(scripts []script, pageURL string, from func(jp map[string]any, pageURL string) (*jobs.Posting, error)) (
	p *jobs.Posting, problems []string, seen bool) {
	for _, s := range scripts {
		if !strings.Contains(s.typ, "ld+json") {
			continue
		}
		seen = true
		doc, err := decodeLD(s.text)
		if err != nil {
			problems = append(problems, "invalid JSON-LD: "+shortJSONError(err))
			continue
		}
		found := findJobPostings(doc, 0)
		if len(found) == 0 {
			problems = append(problems, "no JobPosting in JSON-LD")
		}
		for _, jp := range found {
			p, err := from(jp, pageURL)
			if err == nil {
				return p, nil, true
			}
			problems = append(problems, "JSON-LD "+err.Error())
		}
	}
	return nil, problems, seen
}

// decodeLD decodes a JSON-LD script. Sites wrap it in HTML comments or CDATA markers and
// leave raw line breaks inside strings; both are tolerated.
func decodeLD(text string) (any, error) {
	t := strings.TrimSpace(text)
	for _, w := range [][2]string{{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}} {
		// The markers may not overlap: "<!-->" is both an opening and a closing.
		if len(t) >= len(w[0])+len(w[1]) && strings.HasPrefix(t, w[0]) && strings.HasSuffix(t, w[1]) {
			t = strings.TrimSpace(t[len(w[0]) : len(t)-len(w[1])])
		}
	}
	var doc any
	err := decodeJSON([]byte(t), &doc)
	if err == nil {
		return doc, nil
	}
	if fixed, changed := escapeControlsInStrings(t); changed {
		if decodeJSON([]byte(fixed), &doc) == nil {
			return doc, nil
		}
	}
	return nil, err
}

// escapeControlsInStrings escapes the control characters that stand raw inside JSON
// strings, which strict JSON forbids and many pages contain.
func escapeControlsInStrings(s string) (string, bool) {
	var b strings.Builder
	in, esc, changed := false, false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case esc:
			esc = false
		case in && c == '\\':
			esc = true
		case c == '"':
			in = !in
		case in && c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
			changed = true
			continue
		}
		b.WriteByte(c)
	}
	return b.String(), changed
}

// postingFromPageLD maps one schema.org JobPosting.
func postingFromPageLD(jp map[string]any, pageURL string) (*jobs.Posting, error) {
	p := &jobs.Posting{
		Source: pagesName,
		URL:    pageURL,
		Title:  ldLine(jp["title"]),
		Status: jobs.StatusOpen,
	}
	if p.Title == "" {
		p.Title = ldLine(jp["name"])
	}
	if p.Title == "" {
		return nil, errors.New("JobPosting has no title")
	}
	org := jp["hiringOrganization"]
	if list, ok := org.([]any); ok && len(list) > 0 {
		org = list[0]
	}
	switch o := org.(type) {
	case map[string]any:
		p.Company = ldLine(o["name"])
	case string:
		p.Company = ldLine(o)
	}
	p.Sections.Description = ldText(jp["description"])
	var req, tasks []string
	for _, k := range []string{"qualifications", "experienceRequirements", "educationRequirements"} {
		if t := ldText(jp[k]); t != "" {
			req = append(req, t)
		}
	}
	for _, k := range []string{"responsibilities", "skills"} {
		if t := ldText(jp[k]); t != "" {
			tasks = append(tasks, t)
		}
	}
	p.Sections.Requirements = strings.Join(req, "\n")
	p.Sections.MainTasks = strings.Join(tasks, "\n")
	ldFacts(p, jp)
	return p, nil
}

// ldLine reads a one-line JSON-LD property (a title): a string whose entities are decoded.
// It is not read as HTML, so a title such as "C++ <Senior>" keeps its words.
func ldLine(v any) string {
	s := asString(v)
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return cleanLine(s)
}

// ldText reads a JSON-LD text property: a string (HTML or plain), a list of them (one line
// each), or an object's description, name or credential category.
func ldText(v any) string {
	return ldTextDepth(v, 0)
}

func ldTextDepth(v any, depth int) string {
	if depth > 4 {
		return ""
	}
	switch d := v.(type) {
	case string:
		return markupText(d)
	case []any:
		var lines []string
		for _, e := range d {
			if t := ldTextDepth(e, depth+1); t != "" {
				lines = append(lines, t)
			}
		}
		return strings.Join(lines, "\n")
	case map[string]any:
		for _, k := range []string{"description", "name", "credentialCategory"} {
			if t := ldTextDepth(d[k], depth+1); t != "" {
				return t
			}
		}
	}
	return ""
}
