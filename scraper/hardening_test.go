package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// manyPages lists ids from..from+n-1, each a posting page.
func manyPages(site *testSite, from, n int) {
	var l []listing
	for id := from; id < from+n; id++ {
		site.page(id, postingPage(id, "active", 518))
		l = append(l, listing{id, "", 1 + id%2})
	}
	site.list(l...)
}

// TestRobotsTxtIsFetchedOncePerRun: the scraper's own robots.txt check is the only one; colly
// used to fetch it a second time.
func TestRobotsTxtIsFetchedOncePerRun(t *testing.T) {
	site := newTestSite(t)
	manyPages(site, 6001, 5)
	if _, err := mustWanted(t, site.url(), nil, testConfig(&sleeper{}, newClock())).Scrape(context.Background(), newFakeSink()); err != nil {
		t.Fatal(err)
	}
	if n, _ := site.requests(); n["/robots.txt"] != 1 {
		t.Errorf("robots.txt was fetched %d times", n["/robots.txt"])
	}
}

// TestRedirectToAnotherPortIsRefused: another port of the same host is another site (its
// origin differs), so a redirect there is not followed.
func TestRedirectToAnotherPortIsRefused(t *testing.T) {
	var hits atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, postingPage(6101, "active", 518))
	}))
	defer other.Close()
	site := newTestSite(t)
	site.page(6100, postingPage(6100, "active", 518))
	site.handle("/wd/6101", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/wd/6101", http.StatusFound) // 127.0.0.1, another port
	})
	site.list(listing{6100, "", 1}, listing{6101, "", 2})
	sink := newFakeSink()
	stats, err := mustWanted(t, site.url(), nil, testConfig(&sleeper{}, newClock())).Scrape(context.Background(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if hits.Load() != 0 || sink.outcome("6101") == jobs.OutcomeKept {
		t.Errorf("the redirect to %s was followed (%d requests), and stored: %q", other.URL, hits.Load(), sink.outcome("6101"))
	}
	if f := failureFor(stats, "/wd/6101"); f == nil || !strings.Contains(f.Reason, "host not allowed") {
		t.Errorf("failures %+v", stats.Failures)
	}
	if sink.outcome("6100") != jobs.OutcomeKept {
		t.Errorf("the page on the base origin was not stored")
	}
}

// TestRetryAfterBeyondTheCapStopsTheSource: a site asking to be asked again in 10 hours is
// not asked again this run, neither that page nor any other.
func TestRetryAfterBeyondTheCapStopsTheSource(t *testing.T) {
	site := newTestSite(t)
	manyPages(site, 6201, 6)
	site.handle("/wd/6203", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "36000")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	sl := &sleeper{}
	cfg := testConfig(sl, newClock())
	cfg.Parallelism = 1
	w := mustWanted(t, site.url(), nil, cfg)
	sink := newFakeSink()
	stats, err := RunSource(context.Background(), w, sink, time.Hour)
	var stop *StoppedError
	if !errors.As(err, &stop) || !strings.Contains(stop.Error(), "asked to come back in 10 h") {
		t.Fatalf("err %v", err)
	}
	n, _ := site.requests()
	if n["/wd/6203"] != 1 || len(sl.sorted()) != 0 {
		t.Errorf("asked %d times, after waits %v", n["/wd/6203"], sl.sorted())
	}
	// Without retries too: the site asked not to be asked again.
	cfg.Retries = -1
	site.resetLog()
	if _, err := RunSource(context.Background(), mustWanted(t, site.url(), nil, cfg), newFakeSink(), time.Hour); !errors.As(err, &stop) ||
		site.pageRequests() >= 6 {
		t.Errorf("without retries: %d pages requested, %v", site.pageRequests(), err)
	}
	got := site.pageRequests()
	if got >= 6 || stats.Kept != got-1 || stats.Queued != 6-got {
		t.Errorf("%d pages requested, stats %+v: want the run stopped at the page that answered 429", got, stats)
	}
	last := stats.Failures[len(stats.Failures)-1]
	if !strings.Contains(last.Reason, "asked to come back in 10 h") || !strings.Contains(last.Reason, fmt.Sprintf("%d pages left for the next run", 6-got)) {
		t.Errorf("failures %+v", stats.Failures)
	}
}

// TestBudgetStopsASourceKeepingWhatItStored: a source that runs past scrape.budget stops,
// keeps the postings stored, and says so.
func TestBudgetStopsASourceKeepingWhatItStored(t *testing.T) {
	site := newTestSite(t)
	manyPages(site, 6301, 40)
	slow := site.handlers
	for path, h := range slow {
		site.handle(path, func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(50 * time.Millisecond)
			h(w, r)
		})
	}
	cfg := testConfig(&sleeper{}, newClock())
	cfg.Parallelism = 1
	sink := newFakeSink()
	stats, err := RunSource(context.Background(), mustWanted(t, site.url(), nil, cfg), sink, 300*time.Millisecond)
	var stop *StoppedError
	if !errors.As(err, &stop) || !strings.Contains(err.Error(), "scrape.budget") {
		t.Fatalf("err %v", err)
	}
	if stats.Kept == 0 || stats.Kept >= 40 || stats.Queued == 0 || len(sink.saves) != stats.Kept {
		t.Errorf("stats %+v, %d saved", stats, len(sink.saves))
	}
	last := stats.Failures[len(stats.Failures)-1]
	if !strings.Contains(last.Reason, "stopped after 300ms") || !strings.Contains(last.Reason, "scrape.budget") ||
		!strings.Contains(last.Reason, fmt.Sprintf("%d pages left", stats.Queued)) {
		t.Errorf("failures %+v", stats.Failures)
	}
}

// fullSink is a store whose disk filled after the first posting.
type fullSink struct{ *fakeSink }

func (s fullSink) Save(ctx context.Context, page jobs.Page, p *jobs.Posting) error {
	s.mu.Lock()
	n := len(s.saves)
	s.mu.Unlock()
	if n >= 1 {
		return jobs.Errorf(jobs.KindUnavailable, "cannot save: database jobs.db cannot be used: the disk is full")
	}
	return s.fakeSink.Save(ctx, page, p)
}

// TestFullDiskStopsFetching: after the first posting that cannot be stored, no more pages
// are requested, and the stop names the store.
func TestFullDiskStopsFetching(t *testing.T) {
	site := newTestSite(t)
	manyPages(site, 6401, 30)
	cfg := testConfig(&sleeper{}, newClock())
	cfg.Parallelism = 1
	sink := fullSink{newFakeSink()}
	stats, err := RunSource(context.Background(), mustWanted(t, site.url(), nil, cfg), sink, time.Hour)
	var stop *StoppedError
	if !errors.As(err, &stop) || !errors.Is(err, ErrStoreUnavailable) {
		t.Fatalf("err %v", err)
	}
	if got := site.pageRequests(); got != 2 {
		t.Errorf("%d pages requested, want 2 (one stored, one that could not be)", got)
	}
	last := stats.Failures[len(stats.Failures)-1]
	if !strings.Contains(last.Reason, "the disk is full") || !strings.Contains(last.Reason, "28 pages left") {
		t.Errorf("failures %+v", stats.Failures)
	}
}

func TestHumanDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{10 * time.Hour: "10 h", 150 * time.Minute: "2 h 30 min",
		30 * time.Minute: "30 min", 90 * time.Second: "90 s", 300 * time.Millisecond: "300ms", time.Minute: "1 min"} {
		if got := humanDuration(d); got != want {
			t.Errorf("humanDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
