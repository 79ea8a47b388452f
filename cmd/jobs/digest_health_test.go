package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
)

// failedNight stores one run, at 03:00 KST on 2026-11-20, in which Wanted could not be reached
// at all and a Lever board lost two pages to 429s.
func failedNight(t *testing.T, started time.Time) (dbPath string) {
	t.Helper()
	ctx := context.Background()
	dir := isolate(t)
	dbPath = filepath.Join(dir, "jobs.db")
	clock := started
	store, err := db.Open(ctx, dbPath, db.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	id, err := store.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(5 * time.Minute)
	err = store.FinishRun(ctx, id, []jobs.SourceStats{
		{Source: "wanted", Failed: 1, Failures: []jobs.Failure{{Source: "wanted", URL: "https://www.wanted.co.kr/robots.txt",
			Reason: "dial tcp: lookup www.wanted.co.kr: no such host"}}},
		{Source: "lever", Listed: 27, Fetched: 27, Parsed: 25, Kept: 25, Failed: 2, Failures: []jobs.Failure{
			{Source: "lever", URL: "https://api.lever.co/v0/postings/demo/1", Status: 429, Reason: "429 Too Many Requests"},
			{Source: "lever", URL: "https://api.lever.co/v0/postings/demo/2", Status: 429, Reason: "429 Too Many Requests"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return dbPath
}

// After a failed night the digest opens with the failures, per source, with what to do, in
// every format, before any count.
func TestDigestStartsWithTheLastRunsFailures(t *testing.T) {
	start := time.Date(2026, 11, 19, 18, 0, 0, 0, time.UTC)
	path := failedNight(t, start)
	now := start.Add(6 * time.Hour).In(digestKST)
	for _, format := range []string{"text", "markdown", "html"} {
		r := runAt(t, now, false, "--db", path, "digest", "--format", format)
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", format, r.code, r.err)
		}
		first := strings.Index(r.out, "wanted: FAILED, nothing collected")
		summary := strings.Index(r.out, "new postings for you")
		if first < 0 || summary < 0 || first > summary {
			t.Errorf("%s: the failures do not come before the counts:\n%s", format, r.out)
		}
		for _, want := range []string{"check the network", "lever: 2 pages failed of 27 listed", "asked to slow down"} {
			if !strings.Contains(r.out, want) {
				t.Errorf("%s: lacks %q:\n%s", format, want, r.out)
			}
		}
		switch format {
		case "text":
			golden(t, "digest-failed-night.txt", r.out)
		case "markdown":
			golden(t, "digest-failed-night.md", r.out)
		}
	}
	// Three nights later, nothing ran since: the digest says so.
	r := runAt(t, now.Add(72*time.Hour), false, "--db", path, "digest")
	if !strings.Contains(r.out, "No scrape ran last night: the last one started 2026-11-20 03:00 (3 days ago)") {
		t.Errorf("a night with no run is not named:\n%s", r.out)
	}
}

func TestDigestQuietNightHasNoWarnings(t *testing.T) {
	fx := newDigestFixture(t)
	r := runAt(t, fx.now, false, "--config", fx.cfg, "--db", fx.db, "digest")
	if r.code != 0 || strings.Contains(r.out, "LAST RUN") {
		t.Errorf("exit %d; a sound night has warnings:\n%s", r.code, r.out)
	}
	golden(t, "digest-night.txt", r.out)
	md := runAt(t, fx.now, false, "--config", fx.cfg, "--db", fx.db, "digest", "--format", "markdown")
	if md.code != 0 {
		t.Fatalf("markdown: exit %d: %s", md.code, md.err)
	}
	golden(t, "digest-night.md", md.out)
}
