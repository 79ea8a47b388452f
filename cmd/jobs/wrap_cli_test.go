package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/replay"
	"github.com/jobs-cli/jobs/internal/tableprinter"
)

// show and gaps --plan at 80 columns: prose wraps at word boundaries, no line is wider than
// the terminal, no word is cut.
func TestProseWrapsAt80Columns(t *testing.T) {
	dir := isolate(t)
	posts, err := replay.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := newSite(t, posts)
	// One request at a time, so posting ids (named in the plan) come out the same each run.
	cfg := writeFile(t, filepath.Join(dir, "config.yaml"), fmt.Sprintf(`
profile:
  skills: [파이썬, SQL, PyTorch, 도커, pandas]
sources:
  wanted:
    base_url: %s
    categories: [518]
scrape:
  delay: 0s
  parallelism: 1
`, s.srv.URL))
	db := filepath.Join(dir, "jobs.db")
	if r := runAt(t, time.Date(2026, 11, 19, 18, 0, 0, 0, time.UTC), false, "--config", cfg, "--db", db, "scrape"); r.code != 0 {
		t.Fatalf("scrape: %s", r.err)
	}
	for _, args := range [][]string{{"show", "wanted:3400017"}, {"show", "wanted:3400012"}, {"gaps", "--plan", "3"}, {"gaps"}} {
		r := runWidth(t, 80, append([]string{"--config", cfg, "--db", db}, args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
		}
		for _, line := range strings.Split(r.out, "\n") {
			if w := tableprinter.VisibleWidth(line); w > 80 {
				t.Errorf("%v: a line is %d cells wide: %q", args, w, line)
			}
		}
		golden(t, strings.NewReplacer(":", "-", "--", "").Replace(strings.Join(args, "-"))+"-80.txt", strings.ReplaceAll(r.out, s.srv.URL, "http://127.0.0.1:PORT"))
	}
}

// gaps --plan on an empty database says what to do, not "0 of your 0 target postings".
func TestPlanOnAnEmptyDatabase(t *testing.T) {
	dir := isolate(t)
	s, err := db.Open(context.Background(), filepath.Join(dir, "data", "jobs", "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	r := runWidth(t, 80, "gaps", "--plan", "3")
	if r.code != 0 || strings.Contains(r.out, "0 of your 0") || !strings.Contains(r.err, "run 'jobs scrape' to collect postings") {
		t.Errorf("exit %d\n%s%s", r.code, r.out, r.err)
	}
}
