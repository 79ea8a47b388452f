package scraper

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// TestFakeSourceBoards runs the Greenhouse and Lever sources, with their real policy, against
// the local fake site named by JOBS_FAKESOURCE_URL (see shared/tools/fakesource.py: Greenhouse
// under /gh, Lever under /lever), and the pages source on the fake's HTML posting pages. It
// is skipped when the variable is not set.
func TestFakeSourceBoards(t *testing.T) {
	base := os.Getenv("JOBS_FAKESOURCE_URL")
	if base == "" {
		t.Skip("JOBS_FAKESOURCE_URL is not set")
	}
	base = strings.TrimRight(base, "/")
	cfg := Config{Delay: 200 * time.Millisecond, Timeout: 10 * time.Second}
	gh, err := NewGreenhouse(base+"/gh", []string{"coupang", "toss"}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	lv, err := NewLever(base+"/lever", []string{"leverdemo"}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// The Lever list without mode=json is an HTML page linking to each posting's page, which
	// carries JobPosting JSON-LD: a career site as the pages source reads it.
	pg, err := NewPages([]PageSpec{{URL: base + "/lever/v0/postings/leverdemo", Follow: "/lever/leverdemo/*"}}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []jobs.Source{gh, lv, pg} {
		sink := newStoreSink()
		for run := 1; run <= 2; run++ {
			start := time.Now()
			stats, err := src.Scrape(context.Background(), sink)
			t.Logf("%s run %d (%s): error %v", src.Name(), run, time.Since(start).Round(time.Millisecond), err)
			t.Logf("%s run %d: listed %d fetched %d parsed %d kept %d failed %d closed %d", src.Name(), run,
				stats.Listed, stats.Fetched, stats.Parsed, stats.Kept, stats.Failed, stats.Closed)
			for _, f := range stats.Failures {
				t.Logf("%s run %d failure: %s (status %d)", src.Name(), run, f.Error(), f.Status)
			}
		}
		shown := 0
		for _, id := range sink.savedIDs() {
			p := sink.postings[id]
			if p == nil {
				continue
			}
			for _, s := range postingTexts(p) {
				if r := firstControl(s); r >= 0 {
					t.Errorf("%s %s: control character %U kept", src.Name(), id, r)
				}
			}
			if shown < 3 {
				shown++
				t.Logf("%s %s: %q / %q\nrequirements %q\npreferred %q\ndescription %q", src.Name(), id, p.Company, p.Title,
					truncate(p.Sections.Requirements, 120), truncate(p.Sections.Preferred, 120), truncate(p.Sections.Description, 300))
			}
		}
	}
}
