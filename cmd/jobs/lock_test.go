package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/internal/replay"
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
	held, err := acquireRunLock(db, 0, time.Now)
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
