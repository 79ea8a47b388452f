package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/internal/replay"
	"github.com/jobs-cli/jobs/internal/runlock"
)

// A second scrape of one database waits for the first, then gives up naming it; once the
// first is done, the next goes ahead.
func TestScrapeWaitsForARunningScrape(t *testing.T) {
	dir := isolate(t)
	posts, err := replay.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := newSite(t, posts)
	cfg := writeFile(t, filepath.Join(dir, "config.yaml"), fmt.Sprintf(
		"sources:\n  wanted:\n    base_url: %s\nscrape:\n  delay: 0s\n  lock_wait: 300ms\n", s.srv.URL))
	db := filepath.Join(dir, "jobs.db")
	held, err := runlock.Acquire(db, 0, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	r := runCLI(t, false, "", "--config", cfg, "--db", db, "scrape")
	if r.code != 1 || !strings.Contains(r.err, "another jobs scrape is running") ||
		!strings.Contains(r.err, fmt.Sprintf("pid %d", os.Getpid())) {
		t.Errorf("while locked: exit %d, %q", r.code, r.err)
	}
	if time.Since(start) < 300*time.Millisecond {
		t.Errorf("gave up before lock_wait")
	}
	if s.hits.Load() != 0 {
		t.Errorf("the waiting scrape fetched %d pages", s.hits.Load())
	}
	held.Release()
	if r := runCLI(t, false, "", "--config", cfg, "--db", db, "scrape"); r.code != 0 {
		t.Errorf("after release: exit %d, %s", r.code, r.err)
	}
}

// rematch writes only what changed: nothing after a rematch with the same dictionary, the
// postings that name a new concept after the config adds one.
func TestRematchWritesOnlyWhatChanged(t *testing.T) {
	dir := isolate(t)
	posts, err := replay.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := newSite(t, posts)
	base := fmt.Sprintf("sources:\n  wanted:\n    base_url: %s\nscrape:\n  delay: 0s\n", s.srv.URL)
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), base)
	db := filepath.Join(dir, "jobs.db")
	if r := runCLI(t, false, "", "--config", cfg, "--db", db, "scrape"); r.code != 0 {
		t.Fatal(r.err)
	}
	if r := runCLI(t, false, "", "--config", cfg, "--db", db, "rematch"); r.code != 0 || !strings.Contains(r.err, ": 0 changed") {
		t.Errorf("same dictionary: exit %d, %q", r.code, r.err)
	}
	writeFile(t, cfg, base+"skills:\n  extra:\n    - {name: Hands-on Experience, kind: method, aliases: [경험]}\n")
	r := runCLI(t, false, "", "--config", cfg, "--db", db, "rematch")
	if r.code != 0 || strings.Contains(r.err, ": 0 changed") {
		t.Errorf("a new concept: exit %d, %q", r.code, r.err)
	}
	found := false
	for _, p := range listJSON(t, []string{"--config", cfg, "--db", db}) {
		for _, sk := range append(append(p.Missing, p.MissingPreferred...), p.Matched...) {
			found = found || sk == "Hands-on Experience"
		}
	}
	if !found {
		t.Errorf("no posting names the new concept after rematch")
	}
}
