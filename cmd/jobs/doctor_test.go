package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs/internal/replay"
)

func TestDoctor(t *testing.T) {
	dir := isolate(t)
	db := filepath.Join(dir, "jobs.db")
	r := runCLI(t, false, "", "--db", db, "doctor")
	if r.code != 0 || !strings.Contains(r.out, "No database") {
		t.Errorf("no database: %d %q", r.code, r.out)
	}
	posts, _ := replay.Load()
	s := newSite(t, posts)
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), fmt.Sprintf("sources:\n  wanted:\n    base_url: %s\n    categories: []\nscrape:\n  delay: 0s\n", s.srv.URL))
	if r := runCLI(t, false, "", "--config", cfg, "--db", db, "scrape"); r.code != 0 {
		t.Fatalf("scrape: %s", r.err)
	}
	r = runCLI(t, false, "", "--config", cfg, "--db", db, "doctor")
	for _, want := range []string{"Integrity  ok", "Schema     version", "17 open", "wanted: listed 17", "Nothing to fix."} {
		if !strings.Contains(r.out, want) {
			t.Errorf("doctor lacks %q:\n%s", want, r.out)
		}
	}
	bad := writeFile(t, filepath.Join(dir, "bad.db"), strings.Repeat("garbage ", 1000))
	if r := runCLI(t, false, "", "--db", bad, "doctor"); r.code != 1 || !strings.Contains(r.out, "mv ") {
		t.Errorf("damaged: %d\n%s", r.code, r.out)
	}
}
