package scraper

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"
)

// TestFakeSource runs the Wanted source, with its real policy (sleeps included), against
// the local fake site named by JOBS_FAKESOURCE_URL (see shared/tools/fakesource.py). It is
// skipped when the variable is not set.
func TestFakeSource(t *testing.T) {
	base := os.Getenv("JOBS_FAKESOURCE_URL")
	if base == "" {
		t.Skip("JOBS_FAKESOURCE_URL is not set")
	}
	w, err := NewWanted(base, []int{518}, Config{Delay: 200 * time.Millisecond, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	sink := newFakeSink()
	for run := 1; run <= 2; run++ {
		start := time.Now()
		stats, err := w.Scrape(context.Background(), sink)
		t.Logf("run %d (%s): error %v", run, time.Since(start).Round(time.Millisecond), err)
		t.Logf("run %d: listed %d fetched %d parsed %d kept %d failed %d closed %d queued %d",
			run, stats.Listed, stats.Fetched, stats.Parsed, stats.Kept, stats.Failed, stats.Closed, stats.Queued)
		for _, f := range stats.Failures {
			t.Logf("run %d failure: %s (status %d)", run, f.Error(), f.Status)
		}
	}
	ids := sink.savedIDs()
	sort.Strings(ids)
	for _, id := range ids {
		p := sink.postings[id]
		if p == nil {
			t.Logf("%s: %s", id, sink.outcome(id))
			continue
		}
		t.Logf("%s: %s %q / %q categories %v career %s", id, sink.outcome(id), p.Company, p.Title,
			p.Categories, careerString(p.Career))
		if r := firstControl(p.Title + p.Sections.Requirements); r >= 0 {
			t.Errorf("%s: control character %U kept", id, r)
		}
	}
}
