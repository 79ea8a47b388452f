package scraper

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/temoto/robotstxt"

	"github.com/jobs-cli/jobs"
)

// maxRedirects is how many redirects one fetch follows; each hop is checked against the
// allowed hosts and robots.txt like any other request.
const maxRedirects = 5

// Keys of the colly.Context that carries one request's outcome back to the caller.
const (
	keyResponse = "jobs.response"
	keyStatus   = "jobs.status"
	keyTooLarge = "jobs.too_large"
)

// errBodyTooLarge is returned by a response body read past the transport's hard cap.
var errBodyTooLarge = errors.New("response body too large")

// fetcher runs every request of one scrape through colly with one explicit policy. Posting
// pages and sitemaps use two collectors that share one HTTP client, one limit rule and one
// robots.txt cache; they differ only in the body size they accept.
type fetcher struct {
	cfg      Config
	pages    *colly.Collector
	sitemaps *colly.Collector
	// limits of pages and sitemaps, in bytes
	pageLimit    int64
	sitemapLimit int64

	robotsMu sync.Mutex
	robots   map[string]*robotsEntry // by scheme://host

	// budget, when above 0, is how many requests (robots.txt aside) the fetcher makes; a
	// request past it is not made and reads as cancelled (Probe's one polite request).
	budget  int
	spent   atomic.Int64
	origins []origin // where requests may go: the base URL's origin, www. or not

	// cameBack holds, by host, why nothing more is requested from it this run: it asked to
	// be asked again later than a run waits (Retry-After beyond maxRetryAfter).
	cameBack sync.Map // host -> string
}

// origin is a scheme, a host and a port: two URLs of one origin are one site.
type origin struct{ scheme, host, port string }

// originOf is u's origin, the port written out.
func originOf(u *url.URL) origin {
	o := origin{scheme: strings.ToLower(u.Scheme), host: strings.ToLower(u.Hostname()), port: u.Port()}
	if o.port == "" {
		switch o.scheme {
		case "http":
			o.port = "80"
		case "https":
			o.port = "443"
		}
	}
	return o
}

// allowedOrigins is the base URL's origin, for its host with and without www., and the same
// with https for an http base on the default port (a site moving its pages to https).
func allowedOrigins(base *url.URL) []origin {
	b := originOf(base)
	var out []origin
	for _, h := range allowedHosts(b.host) {
		out = append(out, origin{b.scheme, h, b.port})
		if b.scheme == "http" && b.port == "80" {
			out = append(out, origin{"https", h, "443"})
		}
	}
	return out
}

// moreOrigins are the origins of another host a source reads (a platform's API host, a
// company's career site): https on its default port, and the base URL's scheme and port
// (tests serve every host from one local server).
func moreOrigins(host string, base *url.URL) []origin {
	u, err := url.Parse("//" + host)
	if err != nil || u.Hostname() == "" {
		return nil
	}
	b := originOf(base)
	var out []origin
	for _, h := range allowedHosts(strings.ToLower(u.Hostname())) {
		if u.Port() != "" {
			out = append(out, origin{b.scheme, h, u.Port()})
			continue
		}
		out = append(out, origin{"https", h, "443"}, origin{b.scheme, h, b.port})
	}
	return out
}

// robotsEntry is one host's robots.txt, read once per run.
type robotsEntry struct {
	once sync.Once
	res  *result               // the fetch of robots.txt
	data *robotstxt.RobotsData // nil = unreadable: nothing on the host is fetched
	why  string                // why data is nil
}

// newFetcher is the one collector factory. Every policy is set on the collector after
// colly.NewCollector returns, because NewCollector applies the COLLY_* environment variables
// after its options: set there, an environment variable could turn robots.txt off, enable a
// cache that keeps 4xx pages, or lift the body size limit.
//
// Requests go to base's host (www. and bare) and to the hosts named in more (a platform
// source's company sites and API host); a redirect elsewhere is not followed.
func newFetcher(ctx context.Context, cfg Config, source string, base *url.URL, more ...string) (*fetcher, error) {
	f := &fetcher{
		cfg:          cfg,
		pageLimit:    cfg.MaxBodySize,
		sitemapLimit: max(cfg.MaxBodySize, cmp.Or(cfg.sitemapLimit, sitemapMaxBodySize)),
		robots:       map[string]*robotsEntry{},
		origins:      allowedOrigins(base),
	}
	for _, h := range more {
		f.origins = append(f.origins, moreOrigins(h, base)...)
	}

	c := colly.NewCollector()
	c.UserAgent = cfg.UserAgent
	c.Headers = nil
	// robots.txt is read and honoured by once, before every request (colly's own check reads
	// a robots.txt that answered 5xx as allowing everything, and would fetch it a second
	// time): colly's is off.
	c.IgnoreRobotsTxt = true
	c.AllowedDomains = allowedHosts(base.Hostname())
	for _, h := range more {
		for _, a := range allowedHosts(h) {
			if !slices.Contains(c.AllowedDomains, a) {
				c.AllowedDomains = append(c.AllowedDomains, a)
			}
		}
	}
	c.DisallowedDomains = nil
	c.DisallowedURLFilters = nil
	c.URLFilters = nil
	c.AllowURLRevisit = true // retries fetch the same URL again; ids are deduplicated before
	c.MaxDepth = 0
	c.MaxRequests = 0
	c.CacheDir = "" // colly's cache keeps 4xx pages: never enabled
	c.CacheExpiration = 0
	c.Async = false // the scraper runs its own workers; the limit rule paces them
	c.ParseHTTPErrorResponse = true
	c.DetectCharset = false
	c.CheckHead = false
	c.TraceHTTP = false
	c.Context = ctx
	// colly's MaxBodySize truncates silently: read one byte more than the limit so that a
	// body over the limit can be told from one exactly at it.
	c.MaxBodySize = clampInt(f.pageLimit + 1)
	c.SetRequestTimeout(cfg.Timeout)
	c.DisableCookies()
	c.WithTransport(&guardTransport{base: baseTransport(), limit: f.sitemapLimit})
	c.SetRedirectHandler(redirectPolicy)
	if err := c.Limit(&colly.LimitRule{
		DomainGlob:  "*",
		Parallelism: cfg.Parallelism,
		Delay:       cfg.Delay,
		RandomDelay: cfg.Delay / 4,
	}); err != nil {
		return nil, jobs.Errorf(jobs.KindInternal, "%s: setting the request limit: %w", source, err)
	}

	// Clone shares the HTTP client, the limit rule and the robots.txt cache and copies
	// every field set above.
	s := c.Clone()
	s.MaxBodySize = clampInt(f.sitemapLimit + 1)

	watchSize(c, f.pageLimit)
	watchSize(s, f.sitemapLimit)
	f.pages, f.sitemaps = c, s
	return f, nil
}

// baseTransport is a fresh copy of the standard transport (proxy settings from the
// environment, connection pooling), so that the collector shares no state with others.
func baseTransport() http.RoundTripper {
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		return t.Clone()
	}
	return &http.Transport{Proxy: http.ProxyFromEnvironment}
}

// allowedHosts is the base host in both its www. and bare forms.
func allowedHosts(host string) []string {
	host = strings.ToLower(host)
	bare := strings.TrimPrefix(host, "www.")
	return []string{bare, "www." + bare}
}

// redirectPolicy follows redirects of robots.txt only. Any other redirect is handed back to
// fetch, which requests the new location through the collector so that robots.txt and the
// allowed hosts are checked for it (colly checks only the hosts of a redirect it follows).
func redirectPolicy(req *http.Request, via []*http.Request) error {
	if len(via) > 0 && len(via) < maxRedirects &&
		via[0].URL.Path == "/robots.txt" && req.URL.Path == "/robots.txt" {
		return nil
	}
	return http.ErrUseLastResponse
}

// watchSize refuses a response whose Content-Length exceeds limit before its body is read,
// and hands every response to the caller through the request's context.
func watchSize(c *colly.Collector, limit int64) {
	c.OnResponseHeaders(func(r *colly.Response) {
		r.Ctx.Put(keyStatus, r.StatusCode)
		if r.Headers == nil {
			return
		}
		n, err := strconv.ParseInt(strings.TrimSpace(r.Headers.Get("Content-Length")), 10, 64)
		if err == nil && n > limit {
			r.Ctx.Put(keyTooLarge, true)
			r.Request.Abort()
		}
	})
	c.OnResponse(func(r *colly.Response) {
		r.Ctx.Put(keyResponse, r)
	})
}

// result is the outcome of fetching one URL: the final response, or why there is none.
type result struct {
	url       string      // the URL fetched last (after redirects)
	status    int         // HTTP status of the final response; 0 = none
	header    http.Header // headers of the final response
	body      []byte      // body of a 2xx response
	requested bool        // at least one request went out
	blocked   bool        // robots.txt disallows the URL; it was not requested
	cancelled bool        // the run's context ended
	retryable bool        // 429, 5xx or a timeout
	reason    string      // "" = success (2xx)
}

func (r *result) ok() bool { return r.reason == "" }

func (r *result) failure(source string) jobs.Failure {
	return jobs.Failure{Source: source, URL: r.url, Status: r.status, Reason: r.reason}
}

type fetchKind int

const (
	fetchPage fetchKind = iota
	fetchSitemap
)

// request is what a request sends besides a GET of its URL: another method, a body, headers
// (a platform's tenant header). nil is a plain GET.
type request struct {
	method string // "" = GET
	body   []byte
	header http.Header
}

func (q *request) methodOr() string {
	if q == nil || q.method == "" {
		return http.MethodGet
	}
	return q.method
}

// postForm is a POST of form values; postJSON a POST of a JSON document.
func postForm(form string) *request {
	return &request{method: http.MethodPost, body: []byte(form),
		header: http.Header{"Content-Type": {"application/x-www-form-urlencoded; charset=UTF-8"}}}
}

func postJSON(doc string) *request {
	return &request{method: http.MethodPost, body: []byte(doc),
		header: http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json"}}}
}

// get fetches rawURL: redirects are followed through the collector, and a 429, a 5xx or a
// timeout is retried at most cfg.Retries times, waiting as Retry-After says or backing off.
func (f *fetcher) get(ctx context.Context, rawURL string, kind fetchKind) *result {
	return f.do(ctx, rawURL, kind, nil)
}

// do is get with a request's method, body and headers. A redirect is followed, with a GET,
// only for a GET.
func (f *fetcher) do(ctx context.Context, rawURL string, kind fetchKind, q *request) *result {
	requested := false
	for hop := 0; ; hop++ {
		r := f.getRetrying(ctx, rawURL, kind, q)
		requested = requested || r.requested
		r.requested = requested
		if r.status < 300 || r.status > 399 || r.status == http.StatusNotModified || q.methodOr() != http.MethodGet {
			return r
		}
		loc := strings.TrimSpace(r.header.Get("Location"))
		if loc == "" {
			return r
		}
		if hop >= maxRedirects {
			r.reason = fmt.Sprintf("more than %d redirects", maxRedirects)
			return r
		}
		from, err := url.Parse(r.url)
		if err != nil {
			return r
		}
		to, err := from.Parse(loc)
		if err != nil || (to.Scheme != "http" && to.Scheme != "https") {
			r.reason = fmt.Sprintf("HTTP %d redirect to an invalid location", r.status)
			return r
		}
		to.Fragment = ""
		rawURL = to.String()
	}
}

func (f *fetcher) getRetrying(ctx context.Context, rawURL string, kind fetchKind, q *request) *result {
	requested := false
	for attempt := 0; ; attempt++ {
		r := f.once(ctx, rawURL, kind, q)
		requested = requested || r.requested
		r.requested = requested
		wait, asked := backoff(attempt), false
		if r.retryable {
			wait, asked = retryAfter(r.header, f.cfg.Now())
			if asked && wait > maxRetryAfter {
				// Asking again sooner than the site asked is what it refused: the host is
				// left alone for the rest of the run, and the source stops.
				host := hostOf(rawURL)
				why := fmt.Sprintf("%s asked to come back in %s (Retry-After), later than a run waits (%s): nothing more is requested from it this run",
					host, humanDuration(wait), humanDuration(maxRetryAfter))
				f.cameBack.Store(host, why)
				stopSource(ctx, errors.New(why))
				r.retryable = false
				r.reason += ": asked to come back in " + humanDuration(wait)
				return r
			}
			if !asked {
				wait = backoff(attempt)
			}
		}
		if !r.retryable || attempt >= f.cfg.Retries {
			switch {
			case !r.retryable || attempt == 0:
			case r.status == 0:
				r.reason += fmt.Sprintf(" (%d retries)", attempt) // "timed out after 20s (3 retries)"
			default:
				r.reason += fmt.Sprintf(" after %d retries", attempt)
			}
			return r
		}
		if err := f.cfg.Sleep(ctx, wait); err != nil {
			r.cancelled = true
			r.retryable = false
			r.reason = "cancelled: " + err.Error()
			return r
		}
	}
}

// once makes one request through the collector and classifies its outcome.
func (f *fetcher) once(ctx context.Context, rawURL string, kind fetchKind, q *request) *result {
	c, limit := f.pages, f.pageLimit
	if kind == fetchSitemap {
		c, limit = f.sitemaps, f.sitemapLimit
	}
	r := &result{url: rawURL}
	if err := ctx.Err(); err != nil {
		r.cancelled, r.reason = true, "cancelled: "+err.Error()
		return r
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		r.reason = "invalid URL"
		return r
	}
	if !slices.Contains(f.origins, originOf(u)) {
		// colly compares host names only: another port of the same host is another site.
		r.reason = "host not allowed (only the base URL's origin, its scheme, host and port, is read)"
		return r
	}
	if why, ok := f.cameBack.Load(strings.ToLower(u.Hostname())); ok {
		r.reason = "not requested: " + why.(string)
		return r
	}
	if u.Path != "/robots.txt" {
		// colly checks robots.txt too, but reads a robots.txt that answered 5xx as allowing
		// everything; this check reads it as disallowing everything, as the standard says.
		e := f.robotsFor(ctx, u)
		if e.data == nil {
			r.blocked, r.reason = true, e.why
			return r
		}
		if !e.data.TestAgent(robotsPath(u), f.cfg.UserAgent) {
			r.blocked, r.reason = true, "disallowed by robots.txt"
			return r
		}
	}
	if u.Path != "/robots.txt" && f.budget > 0 && f.spent.Add(1) > int64(f.budget) {
		r.cancelled, r.reason = true, "not requested: a check makes one request per source"
		return r
	}
	cctx := colly.NewContext()
	var body io.Reader
	var hdr http.Header
	if q != nil {
		if q.body != nil {
			body = bytes.NewReader(q.body)
		}
		if q.header != nil {
			hdr = q.header.Clone()
			hdr.Set("User-Agent", f.cfg.UserAgent)
		}
	}
	err = c.Request(q.methodOr(), rawURL, body, cctx, hdr)
	resp, _ := cctx.GetAny(keyResponse).(*colly.Response)
	tooLarge := cctx.GetAny(keyTooLarge) != nil
	if st, ok := cctx.GetAny(keyStatus).(int); ok {
		r.status = st
	}
	if resp != nil {
		r.requested = true
		r.status = resp.StatusCode
		if resp.Headers != nil {
			r.header = *resp.Headers
		}
		if resp.Request != nil && resp.Request.URL != nil {
			r.url = resp.Request.URL.String()
		}
	}
	switch {
	case tooLarge || errors.Is(err, errBodyTooLarge) || (err == nil && resp != nil && int64(len(resp.Body)) > limit):
		r.requested = true
		r.reason = fmt.Sprintf("page too large (over %s)", formatSize(limit))
		return r
	case err != nil:
		return f.classifyError(ctx, r, err)
	case resp == nil:
		r.reason = "no response"
		return r
	}
	switch s := resp.StatusCode; {
	case s >= 200 && s <= 299:
		r.body = resp.Body
	case s == http.StatusTooManyRequests || (s >= 500 && s <= 599):
		r.retryable = true
		r.reason = fmt.Sprintf("HTTP %d", s)
	default:
		r.reason = fmt.Sprintf("HTTP %d", s)
	}
	return r
}

// robotsFor returns the robots.txt of u's host, fetching it (through the collector, with
// retries) the first time. A 4xx other than 429 means no robots.txt: everything is allowed.
// A 429, a 5xx or no answer means nothing may be fetched from the host.
func (f *fetcher) robotsFor(ctx context.Context, u *url.URL) *robotsEntry {
	key := u.Scheme + "://" + u.Host
	f.robotsMu.Lock()
	e := f.robots[key]
	if e == nil {
		e = &robotsEntry{}
		f.robots[key] = e
	}
	f.robotsMu.Unlock()
	e.once.Do(func() {
		// getRetrying, not get: the client follows robots.txt redirects itself, and a
		// redirect elsewhere must not come back here for the same host.
		r := f.getRetrying(ctx, key+"/robots.txt", fetchPage, nil)
		e.res = r
		switch {
		case r.ok():
			data, err := robotstxt.FromBytes(r.body)
			if err != nil {
				e.why = "robots.txt could not be parsed"
				return
			}
			e.data = data
		case r.blocked:
			e.why = "robots.txt disallows every path"
		case r.status >= 400 && r.status <= 499 && r.status != http.StatusTooManyRequests:
			e.data, _ = robotstxt.FromStatusAndBytes(r.status, nil)
		default:
			e.why = "robots.txt could not be read (" + r.reason + "), so nothing on " + u.Host + " is fetched"
		}
	})
	return e
}

// robotsPath is the part of u robots.txt rules match, written as colly writes it.
func robotsPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.Query().Encode()
	}
	return p
}

func (f *fetcher) classifyError(ctx context.Context, r *result, err error) *result {
	var ne net.Error
	switch {
	case errors.Is(err, colly.ErrRobotsTxtBlocked):
		r.blocked = true
		r.reason = "disallowed by robots.txt"
	case errors.Is(err, colly.ErrForbiddenDomain):
		r.reason = "host not allowed (only the base URL's host is read)"
	case ctx.Err() != nil:
		r.cancelled = true
		r.requested = true
		r.reason = "cancelled: " + ctx.Err().Error()
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		r.requested = true
		r.retryable = true
		r.reason = "timed out after " + f.cfg.Timeout.String()
	default:
		r.requested = true
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		r.reason = "request failed: " + cleanText(err.Error())
	}
	return r
}

// backoff is the wait before retry number attempt+1: 1 s, 2 s, 4 s, ... capped at 30 s.
func backoff(attempt int) time.Duration {
	d := firstBackoff
	for i := 0; i < attempt && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, maxBackoff)
}

// retryAfter reads a Retry-After header, as seconds or as an HTTP date (at most a year, so
// that no number overflows). A wait beyond maxRetryAfter is not waited: the caller stops.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	const longest = 365 * 24 * time.Hour
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	var d time.Duration
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(longest/time.Second) {
			return longest, true
		}
		d = time.Duration(n) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = max(t.Sub(now), 0)
	} else {
		return 0, false
	}
	return min(d, longest), true
}

// hostOf is the lower-case host name of rawURL.
func hostOf(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil {
		return strings.ToLower(u.Hostname())
	}
	return rawURL
}

// humanDuration writes d as people read a wait: "10 h", "90 s", "2 h 30 min".
func humanDuration(d time.Duration) string {
	switch {
	case d >= time.Hour && d%time.Hour == 0:
		return fmt.Sprintf("%d h", d/time.Hour)
	case d >= time.Hour:
		return fmt.Sprintf("%d h %d min", d/time.Hour, d%time.Hour/time.Minute)
	case d >= time.Minute && d%time.Minute == 0:
		return fmt.Sprintf("%d min", d/time.Minute)
	case d < time.Second || d%time.Second != 0:
		return d.String()
	}
	return fmt.Sprintf("%d s", d/time.Second)
}

// formatSize writes a byte count the way people read limits: "5 MiB", "64 KiB", "1000 bytes".
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func clampInt(n int64) int {
	if n > int64(^uint(0)>>1) {
		return int(^uint(0) >> 1)
	}
	return int(n)
}

// guardTransport bounds every response body, including the robots.txt colly reads on its
// own: a body may not yield more than limit+1 bytes, and a gzip body is decompressed here,
// under that bound, rather than by colly after its size limit (where a small compressed
// body could expand without bound).
type guardTransport struct {
	base  http.RoundTripper
	limit int64
}

func (t *guardTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if !resp.Uncompressed && isGzipped(req, resp) {
		resp.Body = &gunzipBody{raw: resp.Body}
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
		resp.ContentLength = -1
		resp.Uncompressed = true
	}
	resp.Body = &cappedBody{rc: resp.Body, left: t.limit + 1}
	return resp, nil
}

// isGzipped is colly's own test for a body it would decompress.
func isGzipped(req *http.Request, resp *http.Response) bool {
	enc := strings.ToLower(resp.Header.Get("Content-Encoding"))
	if strings.Contains(enc, "gzip") {
		return true
	}
	if enc == "" && strings.Contains(strings.ToLower(resp.Header.Get("Content-Type")), "gzip") {
		return true
	}
	u := req.URL
	if resp.Request != nil && resp.Request.URL != nil {
		u = resp.Request.URL
	}
	return strings.HasSuffix(strings.ToLower(u.Path), ".xml.gz")
}

// gunzipBody decompresses lazily, so that an empty body (a 304, a HEAD) is no error.
type gunzipBody struct {
	raw io.ReadCloser
	zr  *gzip.Reader
	err error
}

func (b *gunzipBody) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.zr == nil {
		zr, err := gzip.NewReader(b.raw)
		if err != nil {
			b.err = fmt.Errorf("invalid gzip body: %w", err)
			return 0, b.err
		}
		b.zr = zr
	}
	return b.zr.Read(p)
}

func (b *gunzipBody) Close() error { return b.raw.Close() }

// cappedBody yields at most left bytes and then fails instead of reading further.
type cappedBody struct {
	rc   io.ReadCloser
	left int64
}

func (b *cappedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, errBodyTooLarge
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *cappedBody) Close() error { return b.rc.Close() }
