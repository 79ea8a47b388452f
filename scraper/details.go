package scraper

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// What the sources that read a paged list and then each posting's detail (Woowa, LINE, Naver,
// Kakao's pages) share: paging through a list, fetching the details that changed, closing
// what a completely read list no longer holds.

// listedPosting is one posting a list names, whose text is on its detail page.
type listedPosting struct {
	id      string        // the posting's id on the source; "" when the record has none
	detail  string        // the detail page fetched for the text (JSON or HTML)
	req     *request      // how the detail is asked for; nil = a GET of detail
	lastMod time.Time     // when the source last changed the posting; zero = not given
	stub    *jobs.Posting // the posting as the list describes it, without its text
	raw     []byte        // the list record, compact JSON
	problem string        // why the record gave no posting; stub is nil
	// fingerprint stands for lastMod when the list gives no update time: a hash of the
	// listed record, stored as the page's Filter, so that a changed record is fetched again.
	fingerprint string
	// scope is the URL stored as the page's URL ("" = detail): a platform source stores the
	// list of the company a posting was listed by, to close only that company's postings.
	scope string
}

// posting returns a copy of the listed posting for its detail to complete.
func (it *listedPosting) posting() *jobs.Posting {
	p := *it.stub
	return &p
}

// pagedList is what reading a list, in one request or in pages, gave.
type pagedList[T any] struct {
	url      string // the list's (first page's) URL
	items    []T
	complete bool           // the whole list was read: a stored posting missing from it is gone
	failures []jobs.Failure // problems with the list as a whole
	requests int            // list requests that went out
	// closable names the scopes (listedPosting.scope) whose lists were read completely, when
	// the list is several companies' lists: a stored posting of one of them that is missing
	// from it is gone, while the others' stay as they are.
	closable map[string]bool
}

// listPage is one page of a list as a source's parser reads it.
type listPage[T any] struct {
	items []T      // the postings to read: records left out (closed, hidden) are not here
	ids   []string // the id of every record on the page, left-out ones included ("" = none)
	total int      // postings the list says it holds; -1 = not said
	pages int      // pages the list says it has; 0 = not said
}

// readPaged reads a list page by page: pageURL gives the URL of page n (from 0) after offset
// records were read. It stops on an empty page, after the page the list names as its last,
// or at maxListPages. The list is complete when it ended on its own, no page repeated the
// records of an earlier one, and the records read agree with the total the list states. A
// list whose records are all left out by parse is a failure, not an empty list.
func readPaged[T any](ctx context.Context, f *fetcher, source string, pageURL func(n, offset int) string,
	parse func([]byte) (listPage[T], error)) pagedList[T] {
	return readPagedRequests(ctx, f, source, func(n, offset int) (string, *request) { return pageURL(n, offset), nil }, parse)
}

// readPagedRequests is readPaged for a list whose pages are asked for with another method, a
// body or headers (a POST with the page number in its JSON body).
func readPagedRequests[T any](ctx context.Context, f *fetcher, source string, pageReq func(n, offset int) (string, *request),
	parse func([]byte) (listPage[T], error)) pagedList[T] {
	var pl pagedList[T]
	seen := map[string]bool{}
	records, total, noID := 0, -1, 0
	fail := func(u string, status int, reason string) {
		pl.failures = append(pl.failures, jobs.Failure{Source: source, URL: u, Status: status, Reason: reason})
	}
	for n := 0; ; n++ {
		u, q := pageReq(n, records)
		if n == 0 {
			pl.url = u
		}
		if n >= maxListPages {
			fail(u, 0, fmt.Sprintf("more than %d pages of postings; the rest were not read", maxListPages))
			return pl
		}
		r, ok := doList(ctx, f, u, q, &pl.requests, &pl.failures, func(r *result) jobs.Failure { return requestFailure(r, source) })
		if !ok {
			return pl
		}
		pg, err := parse(r.body)
		if err != nil {
			fail(u, r.status, err.Error())
			return pl
		}
		pl.items = append(pl.items, pg.items...)
		if pg.total >= 0 {
			total = pg.total
		}
		if len(pg.ids) == 0 {
			break // an empty page ends the list
		}
		fresh := 0
		for _, id := range pg.ids {
			switch {
			case id == "":
				noID++
				fresh++
			case !seen[id]:
				seen[id] = true
				fresh++
			}
		}
		records += len(pg.ids)
		if fresh == 0 {
			fail(u, r.status, "the page repeats postings already read: the site ignores the page asked for, so the list is incomplete")
			return pl
		}
		if (pg.pages > 0 && n+1 >= pg.pages) || (total >= 0 && records >= total) {
			break
		}
	}
	switch unique := len(seen) + noID; {
	case total >= 0 && total != unique:
		fail(pl.url, 0, shortList(unique, total))
	case records > 0 && len(pl.items) == 0:
		fail(pl.url, 0, fmt.Sprintf("the list holds %d postings but every one is closed, hidden or outside the job group read", records))
	default:
		pl.complete = true
	}
	return pl
}

// readPostingList reads a site's list of postings that is one request (u asked with q),
// for scrapeDetails: see fetchWhole.
func readPostingList(ctx context.Context, f *fetcher, source, u string, q *request,
	parse func([]byte) (items []listedPosting, incomplete string, err error)) pagedList[listedPosting] {
	pl := pagedList[listedPosting]{url: u}
	pl.items, pl.complete, pl.failures, pl.requests = fetchWhole(ctx, f, u, q, source,
		func(r *result) jobs.Failure { return requestFailure(r, source) }, parse)
	return pl
}

// dataEnvelope reads an answer that wraps its content as {"status": ..., "data": {...}}, as
// several group career sites do, and returns the data object. failed reads the envelope's
// own verdict (a status, a success flag) and returns why the answer is refused, or nil.
func dataEnvelope(body []byte, failed func(doc map[string]any) error) (map[string]any, error) {
	doc, err := jsonObject(body, ` with "data"`)
	if err != nil {
		return nil, err
	}
	if err := failed(doc); err != nil {
		return nil, err
	}
	data, ok := doc["data"].(map[string]any)
	if !ok {
		return nil, errors.New("the answer has no \"data\" object")
	}
	return data, nil
}

// requestFailure is the failure of a request; one robots.txt disallowed names the rule's
// host and path.
func requestFailure(r *result, source string) jobs.Failure {
	fl := r.failure(source)
	if r.blocked && r.reason == "disallowed by robots.txt" {
		if u, err := url.Parse(r.url); err == nil {
			fl.Reason = fmt.Sprintf("robots.txt of %s disallows %s", u.Host, cmp.Or(u.EscapedPath(), "/"))
		}
	}
	return fl
}

// detailReader is a source whose list names its postings and whose detail pages hold their
// text.
type detailReader interface {
	// readList reads the whole list.
	readList(ctx context.Context, f *fetcher) pagedList[listedPosting]
	// readDetail completes a listed posting from its detail page. gone is true when the page
	// says the posting no longer exists.
	readDetail(body []byte, it *listedPosting) (p *jobs.Posting, gone bool, err error)
}

// scrapeDetails reads a source's list, fetches the detail pages of the postings that are new,
// changed (the list gives a different update time), not stored as kept, or, when the list
// gives no update time, fetched longer than Config.Refresh ago, and stores them. A detail page
// answering 404 or 410, or saying the posting is gone, closes it; so does a deadline passed.
// A stored posting that a completely read list no longer names is closed. The error is for a
// run that could not read the list at all, or was cancelled.
func scrapeDetails(ctx context.Context, sink jobs.Sink, cfg Config, name string, base *url.URL,
	r detailReader) (jobs.SourceStats, error) {
	stats := jobs.SourceStats{Source: name}
	interrupted := func(err error) (jobs.SourceStats, error) {
		return stats, jobs.Errorf(jobs.KindUnavailable, "%s: scrape interrupted: %w", name, err)
	}
	var more []string
	if h, ok := r.(interface{ hosts() []string }); ok {
		more = h.hosts()
	}
	f, known, err := startRun(ctx, sink, cfg, name, base, more...)
	if err != nil {
		return stats, err
	}
	fail := func(fl jobs.Failure) {
		fl.Source = name
		stats.Failed++
		stats.Failures = append(stats.Failures, fl)
	}

	pl := r.readList(ctx, f)
	stats.Fetched += pl.requests
	if err := ctx.Err(); err != nil {
		return interrupted(err)
	}
	for _, fl := range pl.failures {
		fail(fl)
	}
	if !pl.complete && len(pl.closable) == 0 && len(pl.items) == 0 {
		why := "no answer"
		if len(stats.Failures) > 0 {
			why = stats.Failures[0].Error()
		}
		return stats, jobs.Errorf(jobs.KindUnavailable, "%s: the list could not be read: %s", name, why)
	}

	listed := map[string]bool{}
	complete := pl.complete
	now := cfg.Now()
	var queue []*listedPosting
	for i := range pl.items {
		it := &pl.items[i]
		if it.id == "" {
			// A record without an id cannot be told apart from a stored posting: the list
			// cannot show which postings are gone.
			complete = false
		} else {
			if listed[it.id] {
				continue // listed twice: read once
			}
			listed[it.id] = true
		}
		stats.Listed++
		if it.problem != "" || it.stub == nil {
			fail(jobs.Failure{URL: cmp.Or(it.detail, pl.url), Reason: cmp.Or(it.problem, "the record gave no posting")})
			continue
		}
		if k, ok := known[it.id]; ok && !needsFetch(k, it.lastMod, now, cfg.Refresh) &&
			(it.fingerprint == "" || k.Filter == it.fingerprint) {
			continue
		}
		queue = append(queue, it)
	}
	fetchDetails(ctx, sink, cfg, name, f, r, pl.url, queue, &stats)
	if err := ctx.Err(); err != nil {
		return interrupted(err)
	}

	if complete || len(pl.closable) > 0 {
		var gone []string
		for id, k := range known {
			if k.Outcome == jobs.OutcomeKept && !listed[id] && (complete || pl.closable[k.URL]) {
				gone = append(gone, id)
			}
		}
		closed, reason := storeGone(ctx, sink, name, gone, "listed", strings.Compare)
		if reason != "" {
			if ctx.Err() != nil {
				return interrupted(ctx.Err())
			}
			fail(jobs.Failure{Reason: reason})
		}
		stats.Closed += closed
	}
	return stats, nil
}

// needsFetch reports whether a listed posting's detail page is fetched again: when it is not
// stored as kept, when the list's update time differs from the stored one, or, when the list
// gives none, when it was fetched refresh or longer ago. (A listed record's fingerprint, when
// it has one, is compared apart: a record that changed is fetched whatever this says.)
func needsFetch(k jobs.Page, lastMod, now time.Time, refresh time.Duration) bool {
	switch {
	case k.Outcome != jobs.OutcomeKept || k.FetchedAt.IsZero():
		return true
	case !lastMod.IsZero():
		return !sameInstant(k.LastMod, lastMod)
	}
	return now.Sub(k.FetchedAt) >= refresh
}

// recordFingerprint is a short hash of a listed record, for a list that gives no update time.
func recordFingerprint(raw []byte) string {
	if len(raw) == 0 {
		return ""
	}
	sum := sha256.Sum256(raw)
	return "record:" + hex.EncodeToString(sum[:12])
}

// detailCounts is what the detail pages fetched gave, for the run's failure.
type detailCounts struct {
	answered int    // detail pages that answered 2xx, 404 or 410
	parsed   int    // detail pages that gave a posting
	notFound int    // detail pages that answered 404 or 410, or said the posting is gone
	first    string // the reason of the first page failure
}

// fetchDetails fetches the queued detail pages and stores what they give. When pages
// answered and none gave a posting, that is a failure of the list's URL.
func fetchDetails(ctx context.Context, sink jobs.Sink, cfg Config, name string, f *fetcher, r detailReader,
	listURL string, queue []*listedPosting, stats *jobs.SourceStats) {
	var counts detailCounts
	fetchQueue(ctx, cfg, queue, stats,
		func(it *listedPosting) *result { return f.do(ctx, it.detail, fetchPage, it.req) },
		func(it *listedPosting, res *result) *jobs.Failure {
			fl := saveDetail(ctx, sink, cfg, name, r, it, res, &counts, stats)
			if fl != nil && counts.first == "" {
				counts.first = fl.Reason
			}
			return fl
		})
	if counts.answered > 0 && counts.parsed == 0 && counts.notFound < counts.answered {
		stats.Failed++
		stats.Failures = append(stats.Failures, jobs.Failure{Source: name, URL: listURL,
			Reason: fmt.Sprintf("no posting could be read from any of the %d detail pages fetched (%s)",
				counts.answered-counts.notFound, counts.first)})
	}
}

// saveDetail reads one fetched detail page and stores what it gives: the posting completed
// from it (closed when its deadline passed), or the posting closed when the page answered
// 404 or 410 or says it is gone. It returns the page's failure.
func saveDetail(ctx context.Context, sink jobs.Sink, cfg Config, name string, r detailReader, it *listedPosting,
	res *result, counts *detailCounts, stats *jobs.SourceStats) *jobs.Failure {
	failAt := func(status int, reason string) *jobs.Failure {
		return &jobs.Failure{Source: name, URL: it.detail, Status: status, Reason: reason}
	}
	page := jobs.Page{Source: name, SourceID: it.id, URL: cmp.Or(it.scope, it.detail), LastMod: it.lastMod,
		FetchedAt: cfg.Now(), Filter: it.fingerprint}
	closeGone := func(status int) *jobs.Failure {
		page.Outcome = jobs.OutcomeClosed
		if err := storePage(ctx, sink, page, nil, stats); err != nil {
			return failAt(status, "could not store the closed posting: "+cleanText(err.Error()))
		}
		return nil
	}
	if res.status == 404 || res.status == 410 {
		counts.answered++
		counts.notFound++
		return closeGone(res.status)
	}
	if !res.ok() {
		fl := requestFailure(res, name)
		return &fl
	}
	counts.answered++
	p, gone, err := r.readDetail(res.body, it)
	if err != nil {
		return failAt(res.status, err.Error())
	}
	if gone {
		counts.notFound++
		return closeGone(res.status)
	}
	counts.parsed++
	stats.Parsed++
	p.Source, p.SourceID = name, it.id
	page.Outcome = jobs.OutcomeKept
	if p.Due != nil && p.Due.Before(cfg.Now()) {
		p.Status = jobs.StatusClosed
		page.Outcome = jobs.OutcomeClosed
	}
	if err := storePage(ctx, sink, page, p, stats); err != nil {
		return failAt(res.status, "could not store the posting: "+cleanText(err.Error()))
	}
	return nil
}

// marshalOrNil is v as compact JSON, nil when it cannot be written.
func marshalOrNil(v any) []byte {
	b, err := marshalCompact(v)
	if err != nil {
		return nil
	}
	return b
}

// joinRaw keeps a posting's list record and its detail record together as its raw payload:
// {"list": ..., "detail": ...}; a part that is not valid JSON is left out.
func joinRaw(list, detail []byte) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	if len(list) > 0 && json.Valid(list) {
		b.WriteString(`"list":`)
		b.Write(list)
	}
	if len(detail) > 0 && json.Valid(detail) {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		b.WriteString(`"detail":`)
		b.Write(detail)
	}
	b.WriteByte('}')
	return b.Bytes()
}
