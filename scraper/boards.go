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
	"time"
	"unicode"

	"github.com/jobs-cli/jobs"
)

// This file holds what the board sources (Greenhouse, Lever, Ashby) share: each reads, per
// board, one JSON list that holds every posting with its full text, so a run makes one
// request per board (a few for a long Lever list) and no request per posting.

// fetchList fetches a board's list of postings. Such a list carries the text of every
// posting, so it may be as large as a sitemap (50 MiB); each posting in it is held to
// Config.MaxBodySize, the size of one posting page.
const fetchList = fetchSitemap

// boardItem is one posting record read from a board's list.
type boardItem struct {
	id      string        // the posting's id on the source; "" when the record has none
	url     string        // the posting's page, for failures; "" = the list's URL
	lastMod time.Time     // when the source last changed the posting; zero = not given
	posting *jobs.Posting // nil when problem is set
	problem string        // why the record gave no posting
}

// boardList is what reading one board's list gave.
type boardList struct {
	items    []boardItem
	complete bool           // the whole list was read: a stored posting missing from it is gone
	failures []jobs.Failure // problems with the list as a whole
	requests int            // list requests that went out
}

// boardReader is one board source: the URL of a board's list and how to read it.
type boardReader interface {
	// listURL is the URL of a board's list, recorded as the Page.URL of its postings so
	// that a later run knows which board each stored posting came from.
	listURL(board string) string
	readBoard(ctx context.Context, f *fetcher, board string) boardList
}

// scrapeBoards reads every board's list and stores its postings. A posting whose list
// gives the same update time as the stored page is not saved again; a stored posting that
// a completely read list no longer holds is closed. One board's failure is counted and the
// others go on; the error is for a run that could read no board at all, or was cancelled.
func scrapeBoards(ctx context.Context, sink jobs.Sink, cfg Config, name string, base *url.URL,
	boards []string, r boardReader) (jobs.SourceStats, error) {
	stats := jobs.SourceStats{Source: name}
	interrupted := func(err error) (jobs.SourceStats, error) {
		return stats, jobs.Errorf(jobs.KindUnavailable, "%s: scrape interrupted: %w", name, err)
	}
	f, known, err := startRun(ctx, sink, cfg, name, base)
	if err != nil {
		return stats, err
	}
	run := boardRun{ctx: ctx, sink: sink, cfg: cfg, name: name, known: known, stats: &stats,
		listed: map[string]bool{}, complete: map[string]bool{}}
	answered := 0
	for i, board := range boards {
		lu := r.listURL(board)
		bl := r.readBoard(ctx, f, board)
		stats.Fetched += bl.requests
		if err := ctx.Err(); err != nil {
			return interrupted(err)
		}
		if bl.complete || len(bl.items) > 0 {
			answered++
		}
		if err := run.store(lu, bl); err != nil {
			return interrupted(err)
		}
		if cfg.Progress != nil {
			cfg.Progress(i+1, len(boards))
		}
	}
	if err := run.closeUnlisted(); err != nil {
		return interrupted(err)
	}
	if answered == 0 {
		why := "no answer"
		if len(stats.Failures) > 0 {
			why = stats.Failures[0].Error()
		}
		return stats, jobs.Errorf(jobs.KindUnavailable, "%s: no board could be read: %s", name, why)
	}
	return stats, nil
}

// boardRun is one run of a board source over its boards.
type boardRun struct {
	ctx      context.Context
	sink     jobs.Sink
	cfg      Config
	name     string
	known    map[string]jobs.Page // the pages stored before the run
	stats    *jobs.SourceStats
	listed   map[string]bool // ids listed by any board this run
	complete map[string]bool // list URLs read completely
}

// store counts a board's list, read from lu, and stores its postings that are new or
// changed. A posting listed by an earlier board is stored once. A list of which no posting
// could be read, or that has none with text, is a failure. The error is for a run cancelled.
func (b *boardRun) store(lu string, bl boardList) error {
	for _, fl := range bl.failures {
		fl.Source = b.name
		b.stats.Failed++
		b.stats.Failures = append(b.stats.Failures, fl)
	}
	parsed, withText := 0, 0
	for _, it := range bl.items {
		if it.posting != nil {
			parsed++
			if hasText(&it.posting.Sections) {
				withText++
			}
		}
		if it.id != "" {
			if b.listed[it.id] {
				continue // listed twice (on two boards): stored once
			}
			b.listed[it.id] = true
		} else {
			// A record without an id cannot be told apart from a stored posting: the list
			// cannot show which postings are gone.
			bl.complete = false
		}
		b.stats.Listed++
		if err := b.storeItem(lu, it); err != nil {
			return err
		}
	}
	switch {
	case len(bl.items) > 0 && parsed == 0:
		addFailure(b.stats, b.name, lu, 0, fmt.Sprintf("none of the %d postings listed could be read", len(bl.items)))
		bl.complete = false
	case parsed > 0 && withText == 0:
		addFailure(b.stats, b.name, lu, 0, fmt.Sprintf("the list gave %d postings but no text for any of them", parsed))
	}
	if bl.complete {
		b.complete[lu] = true
	}
	return nil
}

// storeItem stores one posting a board's list (at lu) gave, unless it is stored as it is.
// A record that gave no posting is a failure. The error is for a run cancelled.
func (b *boardRun) storeItem(lu string, it boardItem) error {
	itemURL := cmp.Or(it.url, lu)
	if it.posting == nil {
		addFailure(b.stats, b.name, itemURL, 0, it.problem)
		return nil
	}
	b.stats.Parsed++
	if k, ok := b.known[it.id]; ok && k.Outcome == jobs.OutcomeKept && k.URL == lu &&
		sameInstant(k.LastMod, it.lastMod) {
		return nil // unchanged since it was stored
	}
	page := jobs.Page{
		Source:    b.name,
		SourceID:  it.id,
		URL:       lu,
		LastMod:   it.lastMod,
		FetchedAt: b.cfg.Now(),
		Outcome:   jobs.OutcomeKept,
	}
	if err := storePage(b.ctx, b.sink, page, it.posting, b.stats); err != nil {
		if b.ctx.Err() != nil {
			return b.ctx.Err()
		}
		addFailure(b.stats, b.name, itemURL, 0, "could not store the posting: "+cleanText(err.Error()))
	}
	return nil
}

// closeUnlisted closes the stored postings that a board's completely read list no longer
// holds. Only such a board may close postings, and only those it listed before: a failed
// board must not make its postings look gone. The error is for a run cancelled.
func (b *boardRun) closeUnlisted() error {
	var gone []string
	for id, k := range b.known {
		if k.Outcome == jobs.OutcomeKept && b.complete[k.URL] && !b.listed[id] {
			gone = append(gone, id)
		}
	}
	closed, reason := storeGone(b.ctx, b.sink, b.name, gone, "listed", strings.Compare)
	if reason != "" {
		if b.ctx.Err() != nil {
			return b.ctx.Err()
		}
		addFailure(b.stats, b.name, "", 0, reason)
	}
	b.stats.Closed += closed
	return nil
}

// startRun makes a run's fetcher and reads what the store holds of the source's pages.
// more names hosts besides base's that the run may request.
func startRun(ctx context.Context, sink jobs.Sink, cfg Config, name string, base *url.URL, more ...string) (*fetcher, map[string]jobs.Page, error) {
	f, err := newFetcher(ctx, cfg, name, base, more...)
	if err != nil {
		return nil, nil, err
	}
	known, err := sink.Known(ctx, name)
	if err != nil {
		return nil, nil, jobs.Errorf(jobs.KindUnavailable, "%s: reading the postings stored before: %w", name, err)
	}
	return f, known, nil
}

// storeGone tells sink that the stored postings gone (kept before, no longer listed) are
// gone, in the order order sorts them. It returns how many were closed, or why none could be:
// "could not close N postings no longer <listed>: ...".
func storeGone(ctx context.Context, sink jobs.Sink, name string, gone []string, listed string,
	order func(a, b string) int) (closed int, reason string) {
	if len(gone) == 0 {
		return 0, ""
	}
	slices.SortFunc(gone, order)
	if err := sink.Gone(ctx, name, gone); err != nil {
		return 0, fmt.Sprintf("could not close %d postings no longer %s: %s", len(gone), listed, cleanText(err.Error()))
	}
	return len(gone), ""
}

// listFailure is the failure of a board's list request. A 404 names the board, which most
// likely does not exist on the source.
func listFailure(r *result, source, board string) jobs.Failure {
	fl := r.failure(source)
	if r.status == 404 {
		fl.Reason = fmt.Sprintf("HTTP 404: %s has no board named %q", source, board)
	}
	return fl
}

func hasText(s *jobs.Sections) bool {
	return s.Description != "" || s.Intro != "" || s.MainTasks != "" || s.Requirements != "" ||
		s.Preferred != ""
}

// parseBaseURL checks a source's base URL and returns it without a trailing slash.
func parseBaseURL(source, raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return nil, jobs.Errorf(jobs.KindInvalid, "%s base URL %q is not an http or https URL with a host", source, raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, jobs.Errorf(jobs.KindInvalid,
			"%s base URL %q must not carry a query, a fragment or credentials", source, raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

// boardNames checks the configured board names (tokens, sites) and drops repeats. A name
// becomes one path segment: it may not be empty or hold a slash, a query or fragment mark,
// a percent sign, white space or a control character.
func boardNames(source, what string, names []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		bad := n == "" || len(n) > 200 || strings.ContainsAny(n, "/?#%\\") ||
			strings.IndexFunc(n, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0
		if bad {
			return nil, jobs.Errorf(jobs.KindInvalid, "%s: %q is not a valid %s name", source, n, what)
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return nil, jobs.Errorf(jobs.KindInvalid, "%s: no %ss given", source, what)
	}
	return out, nil
}

// jsonBody checks that a list answer is JSON before it is decoded, so that an error page
// served with status 200 is reported as what it is.
func jsonBody(body []byte) ([]byte, error) {
	b := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	switch {
	case len(b) == 0:
		return nil, errors.New("expected JSON, got an empty answer")
	case b[0] == '<':
		return nil, errors.New("expected JSON, got HTML")
	case b[0] != '{' && b[0] != '[':
		return nil, fmt.Errorf("expected JSON, got text starting %q", cleanLine(truncate(string(b), 24)))
	}
	return b, nil
}

// jsonObject decodes an answer that must be a JSON object (checked by jsonBody first).
// holding names what the object should hold, for the error an array gets: ` with "data"`
// gives "expected a JSON object with "data", got a JSON array".
func jsonObject(body []byte, holding string) (map[string]any, error) {
	b, err := jsonBody(body)
	if err != nil {
		return nil, err
	}
	if b[0] != '{' {
		return nil, fmt.Errorf("expected a JSON object%s, got a JSON array", holding)
	}
	var doc map[string]any
	if err := decodeJSON(b, &doc); err != nil {
		return nil, fmt.Errorf("invalid JSON: %s", shortJSONError(err))
	}
	return doc, nil
}

// postingTooLarge is the problem of a record larger than one posting page may be.
func postingTooLarge(raw []byte, limit int64) string {
	if int64(len(raw)) > limit {
		return fmt.Sprintf("posting too large (over %s)", formatSize(limit))
	}
	return ""
}

// tagPattern finds a tag of the elements descriptions are written with, or a comment. Only
// known element names count, so that plain text such as "x<y" or "<Senior>" stays text.
var tagPattern = regexp.MustCompile(`(?i)<!--|</?(?:p|br|div|span|ul|ol|li|h[1-6]|strong|b|i|em|u|s|a|` +
	`table|thead|tbody|tr|td|th|section|article|header|footer|main|hr|blockquote|pre|code|font|img|` +
	`dl|dt|dd|sup|sub|small|big|center|script|style|iframe|meta|link|figure|figcaption)(?:\s[^<>\n]*)?/?>`)

// markupText turns a field that holds HTML into text lines (headings and list items on
// lines of their own). The field may be entity-escaped once (Greenhouse's content) or twice
// (some JSON-LD descriptions): it is unescaped until markup appears, at most three times.
// A field with no markup at all is plain text: its line breaks are kept.
func markupText(s string) string {
	for i := 0; i < 3 && !tagPattern.MatchString(s) && strings.Contains(s, "&"); i++ {
		u := html.UnescapeString(s)
		if u == s {
			break
		}
		s = u
	}
	if tagPattern.MatchString(s) {
		return htmlToText(s)
	}
	return plainText(s)
}

// plainText cleans a multi-line text field: control characters go, each line is trimmed,
// and runs of blank lines become one.
func plainText(s string) string {
	lines := strings.Split(cleanText(s), "\n")
	out := lines[:0]
	blank := false
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// safeURL is s when it is an absolute http or https URL, else "": a link read from a list
// is untrusted and must not be a javascript: or file: URL.
func safeURL(s string) string {
	s = strings.TrimSpace(cleanLine(s))
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// tokenID reads an id given as a string of letters, digits and - _ . : (a UUID, a slug) or
// as a number; "" for anything else.
func tokenID(v any) string {
	if id := idString(v); id != "" {
		return id
	}
	s, ok := v.(string)
	if !ok {
		return ""
	}
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 128 {
		return ""
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.:", r)) {
			return ""
		}
	}
	return s
}

// employmentType maps the words boards use (Full-time, FullTime, 정규직, Intern, ...) to
// Wanted's (regular, contract, intern, part_time, freelance).
func employmentType(s string) string {
	t := strings.ToLower(cleanLine(s))
	k := strings.NewReplacer(" ", "", "-", "", "_", "").Replace(t)
	switch {
	case k == "":
		return ""
	case strings.Contains(k, "fulltime") || strings.Contains(k, "정규") || k == "permanent" || k == "regular":
		return "regular"
	case strings.Contains(k, "intern") || strings.Contains(k, "인턴"):
		return "intern"
	case strings.Contains(k, "parttime") || strings.Contains(k, "파트"):
		return "part_time"
	case strings.Contains(k, "freelance") || strings.Contains(k, "프리랜서"):
		return "freelance"
	case strings.Contains(k, "contract") || strings.Contains(k, "temporary") || strings.Contains(k, "계약"):
		return "contract"
	}
	return truncate(t, 40)
}

// remoteLocation is true when a location names remote work.
func remoteLocation(loc string) bool {
	l := strings.ToLower(loc)
	return strings.Contains(l, "remote") || strings.Contains(l, "원격") || strings.Contains(l, "재택")
}

// truthy reads a flag given as true, "true", "t", "yes", "y", "1" or "예".
func truthy(v any) bool {
	switch d := v.(type) {
	case bool:
		return d
	case string:
		switch strings.ToLower(strings.TrimSpace(d)) {
		case "true", "t", "yes", "y", "1", "예":
			return true
		}
	case []any:
		return len(d) == 1 && truthy(d[0])
	}
	return false
}

// epochMillis reads a time given as milliseconds since 1970 (Lever's createdAt).
func epochMillis(v any) time.Time {
	n, ok := asInt64(v)
	if !ok || n <= 0 {
		return time.Time{}
	}
	return time.UnixMilli(n).UTC()
}

// pagesOf is where a site's public posting pages live: beside its API (tests serve both from
// one local server), unless the API is the real one at defaultAPI, whose pages are at pages.
func pagesOf(site siteSource, defaultAPI, pages string) string {
	if site.baseStr == defaultAPI {
		return pages
	}
	return site.baseStr
}

// listField is doc's list under key, which an answer must hold; name is how the message names
// it ("data.list").
func listField(doc map[string]any, key, name string) ([]any, error) {
	list, ok := doc[key].([]any)
	switch {
	case ok:
		return list, nil
	case doc[key] == nil:
		return nil, fmt.Errorf("the answer has no %q", name)
	}
	return nil, fmt.Errorf("the answer's %q is not a list", name)
}

// shortList says that a list holds fewer postings than it says it has.
func shortList(holds, says int) string {
	return fmt.Sprintf("the list holds %d postings but says it has %d", holds, says)
}

func asInt64(v any) (int64, bool) {
	switch d := v.(type) {
	case interface{ Int64() (int64, error) }:
		n, err := d.Int64()
		return n, err == nil
	}
	return 0, false
}

// boardTime reads an update time; a time without a zone is UTC.
func boardTime(v any) time.Time { return timeIn(v, time.UTC) }

// koreanTime reads an update time of a Korean site: a time without a zone is Korean time
// (Kakao's uptDate "2024-04-03T14:39:10", Woowa's updateDate "2021-06-07 15:53:51").
func koreanTime(v any) time.Time { return timeIn(v, kst) }

// timeIn reads a time given as text; one without a zone is in loc. Zero when unreadable.
func timeIn(v any, loc *time.Location) time.Time {
	s := strings.TrimSpace(asString(v))
	if s == "" {
		return time.Time{}
	}
	t, _, err := parseTimeFlexible(s, loc)
	if err != nil {
		return time.Time{}
	}
	return t
}

// getList fetches a list URL for a source's list reader: it counts the request, and records
// the failure when the list could not be had. ok is false when there is nothing to parse
// (the fetch failed or the run was cancelled).
func getList(ctx context.Context, f *fetcher, u string, requests *int, failures *[]jobs.Failure,
	failure func(*result) jobs.Failure) (r *result, ok bool) {
	return doList(ctx, f, u, nil, requests, failures, failure)
}

// doList is getList with a request's method, body and headers (q nil = a plain GET).
func doList(ctx context.Context, f *fetcher, u string, q *request, requests *int, failures *[]jobs.Failure,
	failure func(*result) jobs.Failure) (r *result, ok bool) {
	r = f.do(ctx, u, fetchList, q)
	if r.requested {
		*requests++
	}
	if r.cancelled {
		return r, false
	}
	if !r.ok() {
		*failures = append(*failures, failure(r))
		return r, false
	}
	return r, true
}

// readOneList reads a board whose whole list is one request: see fetchWhole.
func readOneList(ctx context.Context, f *fetcher, u string, failure func(*result) jobs.Failure,
	parse func(body []byte) (items []boardItem, incomplete string, err error)) boardList {
	var bl boardList
	bl.items, bl.complete, bl.failures, bl.requests = fetchWhole(ctx, f, u, nil, "", failure, parse)
	return bl
}

// fetchWhole reads a list whose whole is one request (u asked with q, nil for a GET): parse
// turns the body into its items and, when they are not all of the list, says why (the answer
// says there are more than it holds). An unreadable answer, or one read short, is a failure
// of the list (under source, when given) and leaves it incomplete, so that nothing missing
// from it is closed.
func fetchWhole[T any](ctx context.Context, f *fetcher, u string, q *request, source string, failure func(*result) jobs.Failure,
	parse func([]byte) ([]T, string, error)) (items []T, complete bool, failures []jobs.Failure, requests int) {
	r, ok := doList(ctx, f, u, q, &requests, &failures, failure)
	if !ok {
		return nil, false, failures, requests
	}
	items, incomplete, err := parse(r.body)
	if err != nil {
		items, incomplete = nil, err.Error()
	}
	if incomplete != "" {
		failures = append(failures, jobs.Failure{Source: source, URL: u, Status: r.status, Reason: incomplete})
	}
	return items, incomplete == "", failures, requests
}

// siteSource is what every source of one site holds: where the site lives and its policy.
type siteSource struct {
	base    *url.URL
	baseStr string
	cfg     Config
}

// newSiteSource checks a source's base URL.
func newSiteSource(name, baseURL string, cfg Config) (siteSource, error) {
	u, err := parseBaseURL(name, baseURL)
	if err != nil {
		return siteSource{}, err
	}
	return siteSource{base: u, baseStr: u.String(), cfg: cfg.withDefaults()}, nil
}

// boardSource is a site source that reads several boards (Greenhouse tokens, Lever sites).
type boardSource struct {
	siteSource
	boards []string
}

// newBoardSource checks a board source's base URL and board names ("board", "site").
func newBoardSource(name, what, baseURL string, boards []string, cfg Config) (boardSource, error) {
	site, err := newSiteSource(name, baseURL, cfg)
	if err != nil {
		return boardSource{}, err
	}
	names, err := boardNames(name, what, boards)
	if err != nil {
		return boardSource{}, err
	}
	return boardSource{siteSource: site, boards: names}, nil
}
