package scraper

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jobs-cli/jobs"
)

// What real sites do on a bad night, all at once: every valid posting is stored, every
// failure is named with its URL, and the run goes on.
func TestWantedFaults(t *testing.T) {
	site := newTestSite(t)
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("a redirect led the scraper to another host: %s", r.URL)
	}))
	defer elsewhere.Close()

	var storm atomic.Int64
	site.page(5001, postingPage(5001, "active", 518))
	// 429 three times without Retry-After, then the page.
	site.handle("/wd/5002", func(w http.ResponseWriter, r *http.Request) {
		if storm.Add(1) <= 3 {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, postingPage(5002, "active", 518))
	})
	// A body cut short: the header promises more than the server sends.
	site.handle("/wd/5003", func(w http.ResponseWriter, r *http.Request) {
		body := postingPage(5003, "active", 518)
		w.Header().Set("Content-Length", fmt.Sprint(len(body)*2))
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, body[:len(body)/2])
	})
	// Invalid UTF-8 inside the posting's text.
	site.page(5004, strings.Replace(postingPage(5004, "active", 518), "Python", "Py\xff\xfethon", 1))
	// A redirect to another host.
	site.handle("/wd/5005", func(w http.ResponseWriter, r *http.Request) {
		// Another host name (the port alone does not make another host).
		http.Redirect(w, r, strings.Replace(elsewhere.URL, "127.0.0.1", "localhost", 1)+"/wd/5005", http.StatusFound)
	})
	// HTML where the posting data should be.
	site.page(5006, "<html><body><h1>서비스 점검 중</h1></body></html>")
	site.list(listing{5001, "", 1}, listing{5002, "", 2}, listing{5003, "", 1}, listing{5004, "", 2},
		listing{5005, "", 1}, listing{5006, "", 2})

	sl := &sleeper{}
	sink := newFakeSink()
	stats, err := mustWanted(t, site.url(), nil, testConfig(sl, newClock())).Scrape(context.Background(), sink)
	if err != nil {
		t.Fatalf("the run stopped: %v", err)
	}
	for _, id := range []string{"5001", "5002", "5004"} {
		if sink.outcome(id) != jobs.OutcomeKept {
			t.Errorf("posting %s was not stored (%q)", id, sink.outcome(id))
		}
	}
	if p := sink.postings["5004"]; p != nil {
		checkText(t, "posting 5004", p.Title, p.Company, p.Sections.Intro, p.Sections.MainTasks, p.Sections.Requirements)
	}
	for _, id := range []string{"5003", "5005", "5006"} {
		f := failureFor(stats, "/wd/"+id)
		if f == nil {
			t.Errorf("no failure named for /wd/%s: %+v", id, stats.Failures)
			continue
		}
		if !strings.HasPrefix(f.URL, site.url()) || f.Reason == "" {
			t.Errorf("failure for %s: %+v", id, f)
		}
	}
	// The backoff without Retry-After grew and stayed capped.
	waits := sl.sorted()
	if len(waits) < 3 || waits[len(waits)-1] > maxBackoff {
		t.Errorf("backoff waits %v", waits)
	}
	if stats.Kept != 3 || stats.Failed != 3 {
		t.Errorf("stats %+v", stats)
	}
}
