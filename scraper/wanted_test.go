package scraper

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// sleeper records the waits asked of Config.Sleep and returns at once.
type sleeper struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeper) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeper) sorted() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Sorted(slices.Values(s.waits))
}

// clock is a settable Config.Now.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func testConfig(s *sleeper, c *clock) Config {
	return Config{
		Delay:       -1, // no pause between requests
		Timeout:     2 * time.Second,
		MaxBodySize: 64 << 10,
		Sleep:       s.sleep,
		Now:         c.Now,
	}
}

func newClock() *clock { return &clock{now: time.Date(2026, 11, 2, 3, 0, 0, 0, time.UTC)} }

func mustWanted(t *testing.T, base string, categories []int, cfg Config) *Wanted {
	t.Helper()
	w, err := NewWanted(base, categories, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func failureFor(stats jobs.SourceStats, suffix string) *jobs.Failure {
	for i, f := range stats.Failures {
		if strings.HasSuffix(f.URL, suffix) {
			return &stats.Failures[i]
		}
	}
	return nil
}

// TestWantedScrape runs the real collector against a site with every fault a page can have.
func TestWantedScrape(t *testing.T) {
	// The environment must not be able to lift the policy.
	t.Setenv("COLLY_IGNORE_ROBOTSTXT", "yes")
	t.Setenv("COLLY_MAX_BODY_SIZE", "0")
	t.Setenv("COLLY_USER_AGENT", "something else")
	t.Setenv("COLLY_CACHE_DIR", t.TempDir())
	t.Setenv("COLLY_ALLOWED_DOMAINS", "example.com")

	site := newTestSite(t)
	site.robots = "User-agent: *\nDisallow: /api/\nDisallow: /wd/1003\nSitemap: {base}/sitemap.xml\n"
	var l []listing
	for id := 1001; id <= 1014; id++ {
		l = append(l, listing{id: id, lastmod: "2026-11-01T09:00+09:00", sitemap: 1 + id%2})
	}
	site.list(l...)

	site.page(1001, postingPage(1001, "active", 518, 872))
	// 1002: not served -> 404 -> closed
	site.page(1003, postingPage(1003, "active", 518, 872)) // disallowed by robots.txt
	var mu sync.Mutex
	hits := map[int]int{}
	hit := func(id int) int {
		mu.Lock()
		defer mu.Unlock()
		hits[id]++
		return hits[id]
	}
	site.handle("/wd/1004", func(w http.ResponseWriter, r *http.Request) {
		if hit(1004) == 1 {
			w.Header().Set("Retry-After", "7")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, postingPage(1004, "active", 518, 1634))
	})
	site.handle("/wd/1005", func(w http.ResponseWriter, r *http.Request) {
		if hit(1005) == 1 {
			http.Error(w, "oops", http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, postingPage(1005, "active", 518, 655))
	})
	bad := strings.Replace(postingPage(1006, "active", 518), `"requirements"`, `"requirements`, 1)
	site.page(1006, bad)
	site.page(1007, postingPage(1007, "active", 507)) // 경영·비즈니스: outside the categories
	site.page(1008, postingPage(1008, "close", 518, 872))

	// 1009 streams 20 MiB without a Content-Length.
	hugeDone := make(chan int64, 1)
	site.handle("/wd/1009", func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("<div>채용 정보</div>\n", 2048))
		var written int64
		defer func() { hugeDone <- written }()
		for written < 20<<20 {
			n, err := w.Write(chunk)
			written += int64(n)
			if err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	})
	// 1010 never answers.
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	site.handle("/wd/1010", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	})
	// 1011 announces a body over the limit, sends a little and waits.
	clGone := make(chan struct{}, 1)
	site.handle("/wd/1011", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(10<<20))
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, "<html>")
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
			clGone <- struct{}{}
		case <-stop:
		}
	})
	site.handle("/wd/1012", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "forbidden", http.StatusForbidden)
	})
	site.handle("/wd/1013", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	// 1014 redirects to a path robots.txt disallows.
	site.handle("/wd/1014", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/api/v4/jobs/1014", http.StatusFound)
	})
	site.handle("/api/v4/jobs/1014", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"job":{}}`)
	})

	sl, clk := &sleeper{}, newClock()
	cfg := testConfig(sl, clk)
	cfg.Timeout = 500 * time.Millisecond
	var progress [][2]int
	cfg.Progress = func(done, total int) { progress = append(progress, [2]int{done, total}) }
	sink := newFakeSink()
	w := mustWanted(t, site.url(), []int{518}, cfg)

	stats, err := w.Scrape(context.Background(), sink)
	if err != nil {
		t.Fatalf("Scrape: %v", err)
	}

	want := jobs.SourceStats{Source: "wanted", Listed: 14, Fetched: 13, Parsed: 5, Kept: 3, Failed: 6, Closed: 2}
	got := stats
	got.Failures = nil
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("stats:\n got %+v\nwant %+v", got, want)
	}

	counts, log := site.requests()
	for _, r := range log {
		if strings.HasPrefix(r.path, "/api/") || r.path == "/wd/1003" {
			t.Errorf("requested %s, which robots.txt disallows", r.path)
		}
		if r.path == "/sitemap_kr_company_1.xml" {
			t.Errorf("read a sitemap that lists no jobs")
		}
		if r.ua != DefaultUserAgent {
			t.Errorf("%s sent User-Agent %q", r.path, r.ua)
		}
	}
	wantCounts := map[string]int{
		"/wd/1001": 1, "/wd/1002": 1, "/wd/1004": 2, "/wd/1005": 2, "/wd/1006": 1, "/wd/1007": 1,
		"/wd/1008": 1, "/wd/1009": 1, "/wd/1010": 4, "/wd/1011": 1, "/wd/1012": 1, "/wd/1013": 4,
		"/wd/1014": 1, "/sitemap.xml": 1, "/sitemap_kr_job_1.xml": 1, "/sitemap_kr_job_2.xml": 1,
	}
	for p, n := range wantCounts {
		if counts[p] != n {
			t.Errorf("%s requested %d times, want %d", p, counts[p], n)
		}
	}

	// Outcomes in the store.
	outcomes := map[string]jobs.Outcome{
		"1001": jobs.OutcomeKept, "1002": jobs.OutcomeClosed, "1004": jobs.OutcomeKept,
		"1005": jobs.OutcomeKept, "1007": jobs.OutcomeSkipped, "1008": jobs.OutcomeClosed,
	}
	for id, o := range outcomes {
		if got := sink.outcome(id); got != o {
			t.Errorf("page %s outcome %q, want %q", id, got, o)
		}
	}
	if got := sink.savedIDs(); !slices.Equal(got, []string{"1001", "1002", "1004", "1005", "1007", "1008"}) {
		t.Errorf("saved pages %v", got)
	}
	p := sink.postings["1004"]
	if p == nil || p.Title != "백엔드 엔지니어 1004" || p.Source != "wanted" || p.URL != site.url()+"/wd/1004" {
		t.Errorf("posting 1004 = %+v", p)
	}
	if p := sink.postings["1008"]; p == nil || p.Status != jobs.StatusClosed {
		t.Errorf("closed posting 1008 not saved with its data: %+v", p)
	}
	page := sink.pages["1001"]
	if wantLM := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC); !page.LastMod.Equal(wantLM) || !page.FetchedAt.Equal(clk.Now()) ||
		page.URL != site.url()+"/wd/1001" || page.Source != "wanted" {
		t.Errorf("page 1001 = %+v", page)
	}
	if sink.overlap {
		t.Error("Save was called concurrently")
	}

	// Failures, one per bad page, each with a clear reason.
	reasons := map[string]struct {
		status int
		reason string
	}{
		"/wd/1006": {200, "no posting data in page: invalid __NEXT_DATA__ JSON"},
		"/wd/1009": {200, "page too large (over 64 KiB)"},
		"/wd/1010": {0, "timed out after 500ms (3 retries)"},
		"/wd/1011": {200, "page too large (over 64 KiB)"},
		"/wd/1012": {403, "HTTP 403"},
		"/wd/1013": {503, "HTTP 503 after 3 retries"},
	}
	for suffix, want := range reasons {
		f := failureFor(stats, suffix)
		if f == nil {
			t.Errorf("no failure for %s", suffix)
			continue
		}
		if f.Source != "wanted" || f.Status != want.status || !strings.HasPrefix(f.Reason, want.reason) {
			t.Errorf("failure %s = %+v, want status %d reason %q", suffix, *f, want.status, want.reason)
		}
	}

	// Waits: Retry-After for 1004, backoff for 1005 (500 once), 1010 (timeouts), 1013 (503).
	wantWaits := []time.Duration{time.Second, time.Second, time.Second, 2 * time.Second, 2 * time.Second,
		4 * time.Second, 4 * time.Second, 7 * time.Second}
	if got := sl.sorted(); !slices.Equal(got, wantWaits) {
		t.Errorf("waits %v, want %v", got, wantWaits)
	}

	// The oversized pages were refused without being read.
	if written := <-hugeDone; written >= 20<<20 {
		t.Errorf("the 20 MiB page was read whole (%d bytes written)", written)
	}
	<-clGone // the client hung up on the page announcing 10 MiB

	if len(progress) != 14 || progress[len(progress)-1] != [2]int{14, 14} {
		t.Errorf("progress calls %v", progress)
	}
}

func TestWantedIncremental(t *testing.T) {
	site := newTestSite(t)
	for _, id := range []int{2001, 2002, 2003, 2004} {
		site.page(id, postingPage(id, "active", 518, 872))
	}
	lm := "2026-11-01T09:00:00+09:00"
	site.list(
		listing{2001, lm, 1}, listing{2002, lm, 2}, listing{2003, lm, 1},
		listing{2004, "", 2}, // no lastmod: refreshed after Refresh
	)
	sl, clk := &sleeper{}, newClock()
	cfg := testConfig(sl, clk)
	cfg.Refresh = 24 * time.Hour
	sink := newFakeSink()
	w := mustWanted(t, site.url(), nil, cfg)

	type step struct {
		name      string
		change    func()
		wantPages []string // pages fetched, sorted
		wantGone  [][]string
		wantStats jobs.SourceStats
	}
	steps := []step{
		{
			name:      "first run fetches everything",
			wantPages: []string{"/wd/2001", "/wd/2002", "/wd/2003", "/wd/2004"},
			wantStats: jobs.SourceStats{Listed: 4, Fetched: 4, Parsed: 4, Kept: 4},
		},
		{
			name:      "unchanged lastmods fetch nothing",
			change:    func() { clk.advance(time.Hour) },
			wantStats: jobs.SourceStats{Listed: 4},
		},
		{
			name: "a changed lastmod and an expired refresh",
			change: func() {
				clk.advance(24 * time.Hour)
				site.list(listing{2001, lm, 1}, listing{2002, "2026-11-02T09:00:00+09:00", 2},
					listing{2003, lm, 1}, listing{2004, "", 2})
			},
			wantPages: []string{"/wd/2002", "/wd/2004"},
			wantStats: jobs.SourceStats{Listed: 4, Fetched: 2, Parsed: 2, Kept: 2},
		},
		{
			name: "an id gone from the sitemap is closed",
			change: func() {
				site.list(listing{2001, lm, 1}, listing{2002, "2026-11-02T09:00:00+09:00", 2},
					listing{2004, "", 2})
			},
			wantGone:  [][]string{{"2003"}},
			wantStats: jobs.SourceStats{Listed: 3, Closed: 1},
		},
	}
	for _, st := range steps {
		if st.change != nil {
			st.change()
		}
		site.resetLog()
		sink.gone = nil
		stats, err := w.Scrape(context.Background(), sink)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		st.wantStats.Source = "wanted"
		if fmt.Sprint(stats) != fmt.Sprint(st.wantStats) {
			t.Errorf("%s: stats %+v, want %+v", st.name, stats, st.wantStats)
		}
		_, log := site.requests()
		var pages []string
		for _, r := range log {
			if strings.HasPrefix(r.path, "/wd/") {
				pages = append(pages, r.path)
			}
		}
		slices.Sort(pages)
		if !slices.Equal(pages, st.wantPages) {
			t.Errorf("%s: fetched %v, want %v", st.name, pages, st.wantPages)
		}
		if fmt.Sprint(sink.gone) != fmt.Sprint(st.wantGone) {
			t.Errorf("%s: gone %v, want %v", st.name, sink.gone, st.wantGone)
		}
	}
}

func TestWantedLimitNewestFirst(t *testing.T) {
	site := newTestSite(t)
	ids := []int{999, 1000, 1001, 20, 100000}
	var l []listing
	for i, id := range ids {
		site.page(id, postingPage(id, "active", 518))
		l = append(l, listing{id, "2026-11-01", 1 + i%2})
	}
	site.list(l...)
	sl, clk := &sleeper{}, newClock()
	cfg := testConfig(sl, clk)
	cfg.Limit = 2
	cfg.Parallelism = 1
	sink := newFakeSink()
	w := mustWanted(t, site.url(), nil, cfg)

	runs := []struct {
		wantSaved  []string // in the order saved
		wantQueued int
	}{
		{[]string{"100000", "1001"}, 3},
		{[]string{"1000", "999"}, 1},
		{[]string{"20"}, 0},
	}
	for i, run := range runs {
		sink.saves = nil
		stats, err := w.Scrape(context.Background(), sink)
		if err != nil {
			t.Fatalf("run %d: %v", i+1, err)
		}
		if !slices.Equal(sink.saves, run.wantSaved) || stats.Queued != run.wantQueued || stats.Fetched != len(run.wantSaved) {
			t.Errorf("run %d: saved %v queued %d fetched %d, want %v queued %d",
				i+1, sink.saves, stats.Queued, stats.Fetched, run.wantSaved, run.wantQueued)
		}
	}
}

func TestWantedNoGoneWhenListingFails(t *testing.T) {
	tests := []struct {
		name  string
		fault func(site *testSite)
		want  string // reason of the listing failure
	}{
		{"a job sitemap answers 500", func(site *testSite) {
			site.handle("/sitemap_kr_job_2.xml", func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "down", http.StatusInternalServerError)
			})
		}, "sitemap: HTTP 500 after 3 retries"},
		{"a job sitemap is truncated", func(site *testSite) {
			site.handle("/sitemap_kr_job_2.xml", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, `<urlset><url><loc>x</loc>`)
			})
		}, "invalid sitemap XML"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			site := newTestSite(t)
			for _, id := range []int{3001, 3002, 3003, 3004} {
				site.page(id, postingPage(id, "active", 518))
			}
			site.list(listing{3001, "", 1}, listing{3002, "", 2}, listing{3003, "", 1}, listing{3004, "", 2})
			sink := newFakeSink()
			w := mustWanted(t, site.url(), nil, testConfig(&sleeper{}, newClock()))
			if _, err := w.Scrape(context.Background(), sink); err != nil {
				t.Fatal(err)
			}

			// 3003 leaves the listing while a sitemap or robots.txt fails.
			site.list(listing{3001, "", 1}, listing{3002, "", 2}, listing{3004, "", 2})
			tc.fault(site)
			stats, err := w.Scrape(context.Background(), sink)
			if err != nil {
				t.Fatal(err)
			}
			if len(sink.gone) != 0 || stats.Closed != 0 {
				t.Errorf("closed %v after a failed listing", sink.gone)
			}
			if stats.Failed != 1 || len(stats.Failures) != 1 || !strings.Contains(stats.Failures[0].Reason, tc.want) {
				t.Errorf("failures %+v, want one saying %q", stats.Failures, tc.want)
			}
		})
	}
}

func TestWantedCategories(t *testing.T) {
	site := newTestSite(t)
	site.page(4001, postingPage(4001, "active", 518, 1634)) // 개발 / 머신러닝 엔지니어
	site.page(4002, postingPage(4002, "active", 518, 872))  // 개발 / 서버
	site.page(4003, postingPage(4003, "active", 507))       // 경영·비즈니스
	// 4004 has only JSON-LD, which carries no categories: kept whatever is configured.
	site.page(4004, `<script type="application/ld+json">{"@type":"JobPosting","title":"ML Engineer","identifier":{"value":"4004"}}</script>`)
	site.list(listing{4001, "", 1}, listing{4002, "", 2}, listing{4003, "", 1}, listing{4004, "", 2})
	tests := []struct {
		categories []int
		kept       []string
	}{
		{nil, []string{"4001", "4002", "4003", "4004"}},
		{[]int{518}, []string{"4001", "4002", "4004"}}, // parent tag
		{[]int{1634}, []string{"4001", "4004"}},        // child tag
		{[]int{507, 872}, []string{"4002", "4003", "4004"}},
		{[]int{959}, []string{"4004"}},
	}
	for _, tc := range tests {
		sink := newFakeSink()
		w := mustWanted(t, site.url(), tc.categories, testConfig(&sleeper{}, newClock()))
		stats, err := w.Scrape(context.Background(), sink)
		if err != nil {
			t.Fatalf("%v: %v", tc.categories, err)
		}
		var kept []string
		for _, id := range sink.savedIDs() {
			switch sink.outcome(id) {
			case jobs.OutcomeKept:
				kept = append(kept, id)
				if sink.postings[id] == nil {
					t.Errorf("%v: kept page %s saved without its posting", tc.categories, id)
				}
			case jobs.OutcomeSkipped:
				if sink.postings[id] != nil {
					t.Errorf("%v: skipped page %s saved with a posting", tc.categories, id)
				}
			default:
				t.Errorf("%v: page %s outcome %q", tc.categories, id, sink.outcome(id))
			}
		}
		if !slices.Equal(kept, tc.kept) || stats.Kept != len(tc.kept) || stats.Parsed != 4 {
			t.Errorf("%v: kept %v (stats %+v), want %v", tc.categories, kept, stats, tc.kept)
		}
	}
}

// A page skipped by the category filter is not fetched again while the filter stays the
// same, and is fetched again when the filter changes, though its lastmod did not.
func TestWantedSkippedPagesFollowTheFilter(t *testing.T) {
	site := newTestSite(t)
	site.page(4101, postingPage(4101, "active", 518, 1634))
	site.page(4102, postingPage(4102, "active", 507))
	site.list(listing{4101, "2026-11-01T09:00:00+09:00", 1}, listing{4102, "2026-11-01T09:00:00+09:00", 2})
	sink := newFakeSink()
	run := func(categories []int) jobs.SourceStats {
		t.Helper()
		site.resetLog()
		w := mustWanted(t, site.url(), categories, testConfig(&sleeper{}, newClock()))
		stats, err := w.Scrape(context.Background(), sink)
		if err != nil {
			t.Fatal(err)
		}
		return stats
	}
	if st := run([]int{518}); st.Fetched != 2 || st.Kept != 1 || sink.outcome("4102") != jobs.OutcomeSkipped {
		t.Fatalf("first run: %+v, 4102 %q", st, sink.outcome("4102"))
	}
	if st := run([]int{518}); st.Fetched != 0 || site.pageRequests() != 0 {
		t.Errorf("same filter: fetched %d pages, want 0", st.Fetched)
	}
	if st := run([]int{518, 507}); st.Fetched != 1 || st.Kept != 1 || sink.outcome("4102") != jobs.OutcomeKept {
		t.Errorf("wider filter: %+v, 4102 %q; want 4102 fetched and kept", st, sink.outcome("4102"))
	}
}

func TestWantedRunErrors(t *testing.T) {
	tests := []struct {
		name      string
		setup     func(site *testSite, sink *fakeSink)
		ctx       func() context.Context
		wantErr   string
		wantPaths []string // paths that must not be requested
	}{
		{
			name: "robots.txt answers 500: nothing may be fetched",
			setup: func(site *testSite, _ *fakeSink) {
				site.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
					http.Error(w, "down", http.StatusInternalServerError)
				})
			},
			wantErr:   "wanted: could not list any posting: http://{base}/robots.txt: robots.txt could not be read (HTTP 500 after 3 retries), so nothing on {host} is fetched",
			wantPaths: []string{"/sitemap.xml", "/wd/5001"},
		},
		{
			name: "robots.txt disallows everything",
			setup: func(site *testSite, _ *fakeSink) {
				site.robots = "User-agent: *\nDisallow: /\n"
			},
			wantErr:   "sitemap: disallowed by robots.txt",
			wantPaths: []string{"/sitemap.xml", "/wd/5001"},
		},
		{
			name: "no sitemap anywhere",
			setup: func(site *testSite, _ *fakeSink) {
				site.robots = "User-agent: *\nDisallow: /api/\n"
				site.handle("/sitemap.xml", http.NotFound)
			},
			wantErr:   "sitemap: HTTP 404",
			wantPaths: []string{"/wd/5001"},
		},
		{
			name:    "empty sitemaps",
			setup:   func(site *testSite, _ *fakeSink) { site.list() },
			wantErr: "list no posting pages",
		},
		{
			name: "no page holds a posting",
			setup: func(site *testSite, _ *fakeSink) {
				site.page(5001, "<html><body>점검 중</body></html>")
				site.page(5002, "<html><body>점검 중</body></html>")
			},
			wantErr: "no posting could be read from any of the 2 pages tried",
		},
		{
			name:      "the store cannot say what it knows",
			setup:     func(_ *testSite, sink *fakeSink) { sink.failKnown = true },
			wantErr:   "reading the pages fetched before: database is locked",
			wantPaths: []string{"/wd/5001"},
		},
		{
			name: "cancelled",
			ctx: func() context.Context {
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				return ctx
			},
			wantErr:   "scrape interrupted: context canceled",
			wantPaths: []string{"/robots.txt", "/wd/5001"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			site := newTestSite(t)
			site.page(5001, postingPage(5001, "active", 518))
			site.page(5002, postingPage(5002, "active", 518))
			site.list(listing{5001, "", 1}, listing{5002, "", 2})
			sink := newFakeSink()
			if tc.setup != nil {
				tc.setup(site, sink)
			}
			ctx := context.Background()
			if tc.ctx != nil {
				ctx = tc.ctx()
			}
			w := mustWanted(t, site.url(), nil, testConfig(&sleeper{}, newClock()))
			_, err := w.Scrape(ctx, sink)
			host := strings.TrimPrefix(site.url(), "http://")
			tc.wantErr = strings.NewReplacer("http://{base}", site.url(), "{host}", host).Replace(tc.wantErr)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error %v, want %q", err, tc.wantErr)
			}
			if jobs.KindOf(err) != jobs.KindUnavailable {
				t.Errorf("error kind %v", jobs.KindOf(err))
			}
			counts, _ := site.requests()
			for _, p := range tc.wantPaths {
				if counts[p] > 0 {
					t.Errorf("%s requested", p)
				}
			}
			if len(sink.gone) > 0 {
				t.Errorf("closed %v", sink.gone)
			}
		})
	}
	t.Run("cancellation is context.Canceled", func(t *testing.T) {
		site := newTestSite(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		w := mustWanted(t, site.url(), nil, testConfig(&sleeper{}, newClock()))
		if _, err := w.Scrape(ctx, newFakeSink()); !errors.Is(err, context.Canceled) {
			t.Errorf("error %v is not context.Canceled", err)
		}
	})
}

func TestWantedFallbackAndSinkFailure(t *testing.T) {
	site := newTestSite(t)
	// No Sitemap line: /sitemap.xml is read; it is a urlset here.
	site.robots = "User-agent: *\nDisallow: /api/\n"
	site.handle("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<urlset><url><loc>%[1]s/wd/6001</loc></url><url><loc>%[1]s/wd/6002</loc></url>`+
			`<url><loc>%[1]s/company/1</loc></url><url><loc>https://elsewhere.example/wd/6003</loc></url>`+
			`<url><loc>%[1]s/wd/6001/</loc></url></urlset>`, site.url())
	})
	site.page(6001, postingPage(6001, "active", 518))
	site.page(6002, postingPage(6002, "active", 518))
	sink := newFakeSink()
	sink.failSave["6002"] = true
	w := mustWanted(t, site.url()+"/", nil, testConfig(&sleeper{}, newClock()))
	stats, err := w.Scrape(context.Background(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Listed != 2 || stats.Kept != 1 || stats.Failed != 1 {
		t.Errorf("stats %+v", stats)
	}
	if f := failureFor(stats, "/wd/6002"); f == nil || !strings.Contains(f.Reason, "could not store the posting: disk full") {
		t.Errorf("failures %+v", stats.Failures)
	}
}

func TestNewWantedRejectsBadBaseURL(t *testing.T) {
	for _, base := range []string{"", "www.wanted.co.kr", "ftp://www.wanted.co.kr", "https://", "https://x/?q=1", "https://u:p@x"} {
		if _, err := NewWanted(base, nil, Config{}); err == nil || jobs.KindOf(err) != jobs.KindInvalid {
			t.Errorf("NewWanted(%q) error %v", base, err)
		}
	}
	w, err := NewWanted("https://www.wanted.co.kr/", nil, Config{})
	if err != nil || w.Name() != "wanted" || w.baseStr != "https://www.wanted.co.kr" {
		t.Errorf("NewWanted: %v %+v", err, w)
	}
}

func TestIDFromLoc(t *testing.T) {
	w := mustWanted(t, "https://www.wanted.co.kr", nil, Config{})
	sm, _ := url.Parse("https://www.wanted.co.kr/sitemap_kr_job_1.xml")
	tests := map[string]string{
		"https://www.wanted.co.kr/wd/123":      "123",
		"https://wanted.co.kr/wd/124/":         "124",
		"https://recruit.wanted.co.kr/wd/125":  "125",
		"/wd/126":                              "126",
		"https://www.wanted.co.kr/wd/0127":     "127",
		"https://www.wanted.co.kr/wd/12a":      "",
		"https://www.wanted.co.kr/wd/":         "",
		"https://www.wanted.co.kr/company/123": "",
		"https://www.wanted.jp/wd/128":         "",
		"https://notwanted.co.kr/wd/129":       "",
		"https://www.wanted.co.kr/wd/0":        "",
	}
	for loc, want := range tests {
		if got := w.idFromLoc(sm, loc); got != want {
			t.Errorf("idFromLoc(%q) = %q, want %q", loc, got, want)
		}
	}
}

func TestRetryPolicy(t *testing.T) {
	now := time.Date(2026, 11, 2, 3, 0, 0, 0, time.UTC)
	tests := []struct {
		header string
		want   time.Duration
		ok     bool
	}{
		{"7", 7 * time.Second, true},
		{"0", 0, true},
		{"3600", time.Hour, true}, // beyond maxRetryAfter: the source stops (TestRetryAfterBeyondTheCapStopsTheSource)
		{"99999999999999", 365 * 24 * time.Hour, true},
		{now.Add(20 * time.Second).Format(http.TimeFormat), 20 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{now.Add(time.Hour).Format(http.TimeFormat), time.Hour, true},
		{"-1", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tc := range tests {
		h := http.Header{}
		if tc.header != "" {
			h.Set("Retry-After", tc.header)
		}
		got, ok := retryAfter(h, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Retry-After %q = %v %v, want %v %v", tc.header, got, ok, tc.want, tc.ok)
		}
	}
	wantBackoff := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second,
		16 * time.Second, 30 * time.Second, 30 * time.Second}
	for i, want := range wantBackoff {
		if got := backoff(i); got != want {
			t.Errorf("backoff(%d) = %v, want %v", i, got, want)
		}
	}
}

func TestWantedGzipSitemaps(t *testing.T) {
	gz := func(parts ...string) []byte {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
		for _, p := range parts {
			io.WriteString(zw, p)
		}
		zw.Close()
		return b.Bytes()
	}
	site := newTestSite(t)
	site.handle("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<sitemapindex><sitemap><loc>%[1]s/sitemap_kr_job_1.xml.gz</loc></sitemap>`+
			`<sitemap><loc>%[1]s/sitemap_kr_job_2.xml.gz</loc></sitemap></sitemapindex>`, site.url())
	})
	site.handle("/sitemap_kr_job_1.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(gz(fmt.Sprintf(`<urlset><url><loc>%s/wd/7001</loc></url></urlset>`, site.url())))
	})
	// A bomb: a small body that expands past the sitemap limit. The limit is lowered to
	// 1 MiB here (it is 50 MiB), and the timeout raised, so that the test does not depend on
	// how fast the machine decompresses (under -race on a loaded machine, 50 MiB took more
	// than the 2 s timeout).
	const limit = 1 << 20
	spaces := strings.Repeat(" ", 64<<10)
	parts := []string{`<urlset>`}
	for range 2 * limit / len(spaces) {
		parts = append(parts, spaces)
	}
	bomb := gz(append(parts, `</urlset>`)...)
	site.handle("/sitemap_kr_job_2.xml.gz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(bomb)
	})
	site.page(7001, postingPage(7001, "active", 518))
	sink := newFakeSink()
	cfg := testConfig(&sleeper{}, newClock())
	cfg.sitemapLimit = limit
	cfg.Timeout = time.Minute
	w := mustWanted(t, site.url(), nil, cfg)
	stats, err := w.Scrape(context.Background(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Listed != 1 || stats.Kept != 1 || sink.outcome("7001") != jobs.OutcomeKept {
		t.Errorf("stats %+v", stats)
	}
	f := failureFor(stats, "/sitemap_kr_job_2.xml.gz")
	if f == nil || f.Reason != "sitemap: page too large (over 1 MiB)" {
		t.Errorf("failures %+v", stats.Failures)
	}
}

// A posting closed because it left the sitemaps, then listed again with its old lastmod, is
// fetched again and reopens.
func TestWantedRelistedPostingIsFetchedAgain(t *testing.T) {
	site := newTestSite(t)
	site.page(4201, postingPage(4201, "active", 518))
	site.page(4202, postingPage(4202, "active", 518))
	lm := "2026-11-01T09:00:00+09:00"
	site.list(listing{4201, lm, 1}, listing{4202, lm, 2})
	sink := newFakeSink()
	run := func() jobs.SourceStats {
		t.Helper()
		site.resetLog()
		stats, err := mustWanted(t, site.url(), nil, testConfig(&sleeper{}, newClock())).Scrape(context.Background(), sink)
		if err != nil {
			t.Fatal(err)
		}
		return stats
	}
	run()
	site.list(listing{4201, lm, 1})
	if st := run(); st.Closed != 1 {
		t.Fatalf("4202 left the sitemaps: %+v", st)
	}
	// The store marks a gone posting's page closed, as db.Gone does.
	sink.mu.Lock()
	pg := sink.pages["4202"]
	pg.Outcome = jobs.OutcomeClosed
	sink.pages["4202"] = pg
	sink.mu.Unlock()
	site.list(listing{4201, lm, 1}, listing{4202, lm, 2})
	if st := run(); st.Fetched != 1 || sink.outcome("4202") != jobs.OutcomeKept {
		t.Errorf("relisted: %+v, outcome %q; want 4202 fetched and kept", st, sink.outcome("4202"))
	}
}
