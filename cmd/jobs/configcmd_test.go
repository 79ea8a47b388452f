package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs/internal/replay"
)

// The config is resolved from --config, then $JOBS_CONFIG, then the XDG file; a config.yaml
// in the working directory (the repository's example, inside a clone) is never read.
func TestConfigResolution(t *testing.T) {
	dir := isolate(t)
	xdg := writeFile(t, filepath.Join(dir, "config", "jobs", "config.yaml"), "profile:\n  years: 1\n")
	env := writeFile(t, filepath.Join(dir, "env.yaml"), "profile:\n  years: 2\n")
	flag := writeFile(t, filepath.Join(dir, "flag.yaml"), "profile:\n  years: 3\n")
	clone := filepath.Join(dir, "clone")
	writeFile(t, filepath.Join(clone, "config.yaml"), "profile:\n  years: 9\n")
	t.Chdir(clone)

	r := runCLI(t, false, "", "config")
	if r.code != 0 || !strings.Contains(r.out, "Config    "+xdg+"\n") || !strings.Contains(r.out, "  years: 1\n") {
		t.Errorf("the XDG file is not the one in use (exit %d):\n%s%s", r.code, r.out, r.err)
	}
	t.Setenv("JOBS_CONFIG", env)
	r = runCLI(t, false, "", "config")
	if !strings.Contains(r.out, "Config    "+env+" ($JOBS_CONFIG)") || !strings.Contains(r.out, "  years: 2\n") {
		t.Errorf("$JOBS_CONFIG is not in use:\n%s", r.out)
	}
	r = runCLI(t, false, "", "--config", flag, "config")
	if !strings.Contains(r.out, "Config    "+flag+" (--config)") || !strings.Contains(r.out, "  years: 3\n") {
		t.Errorf("--config is not in use:\n%s", r.out)
	}
	t.Setenv("JOBS_CONFIG", filepath.Join(dir, "typo.yaml"))
	r = runCLI(t, false, "", "config")
	if r.code != 2 || !strings.Contains(r.err, "typo.yaml does not exist") {
		t.Errorf("a missing $JOBS_CONFIG: exit %d %q", r.code, r.err)
	}
	t.Setenv("JOBS_CONFIG", "")
	os.Remove(xdg)
	r = runCLI(t, false, "", "config")
	if r.code != 0 || !strings.Contains(r.out, "Config    none: built-in defaults (jobs init writes "+xdg+")") ||
		!strings.Contains(r.out, "categories: [518]\n") || !strings.Contains(r.out, "  years: 0\n") {
		t.Errorf("no file: exit %d\n%s%s", r.code, r.out, r.err)
	}
	r = runCLI(t, false, "", "doctor")
	if !strings.Contains(r.out, "Config     none: built-in defaults") {
		t.Errorf("doctor does not show the config:\n%s", r.out)
	}
}

func TestConfigEffectiveValues(t *testing.T) {
	dir := isolate(t)
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), "sources:\n  wanted:\n    base_url: https://example.org\nscrape:\n  refresh: 3d\n  lock_wait: 2h\n")
	r := runCLI(t, false, "", "--config", cfg, "config")
	for _, want := range []string{"base_url: https://example.org", "categories: [518]", "refresh: 3d", "lock_wait: 2h\n", "delay: 1s", "timeout: 20s",
		"max_page_size: 5MB", "retries: 3", "database: " + filepath.Join(dir, "data", "jobs", "jobs.db")} {
		if !strings.Contains(r.out, want) {
			t.Errorf("jobs config lacks %q:\n%s", want, r.out)
		}
	}
	if strings.Contains(r.out, "null") || strings.Contains(r.out, "filters:") {
		t.Errorf("jobs config shows keys that are off:\n%s", r.out)
	}
}

// Only the default data folder is created; an explicit --db in a folder that does not exist
// is a mistyped path, named, and a reading command never creates a database at --db.
func TestExplicitDBIsNeverInvented(t *testing.T) {
	dir := isolate(t)
	typo := filepath.Join(dir, "nowhere", "jobs.db")
	for _, args := range [][]string{{"list"}, {"scrape"}, {"doctor"}} {
		r := runCLI(t, false, "", append([]string{"--db", typo}, args...)...)
		if r.code != 2 || !strings.Contains(r.err, "--db "+typo+": the folder "+filepath.Dir(typo)+" does not exist") {
			t.Errorf("%v: exit %d %q", args, r.code, r.err)
		}
	}
	if _, err := os.Stat(filepath.Dir(typo)); err == nil {
		t.Errorf("%s was created", filepath.Dir(typo))
	}
	r := runCLI(t, false, "", "--db", filepath.Join(dir, "jobs.db"), "list")
	if r.code != 1 || !strings.Contains(r.err, "no jobs database at") {
		t.Errorf("list at a missing --db: exit %d %q", r.code, r.err)
	}
	// Reading creates nothing, not even the default database; a writer makes the default
	// data folder and the database.
	r = runCLI(t, false, "", "list")
	if r.code != 1 || !strings.Contains(r.err, "jobs scrape") {
		t.Errorf("list at the default database: exit %d %q", r.code, r.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "jobs", "jobs.db")); err == nil {
		t.Error("list made the default database")
	}
	if r := runCLI(t, false, "", "track", "1", "saved"); r.code != 1 {
		t.Errorf("track at the default database: exit %d %q", r.code, r.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "jobs", "jobs.db")); err != nil {
		t.Errorf("a writer did not make the default database: %v", err)
	}
}

// On a terminal, scrape's first status line names the config and the database in use.
func TestScrapeNamesTheConfigOnATerminal(t *testing.T) {
	dir := isolate(t)
	posts, _ := replay.Load()
	s := newSite(t, posts[:2])
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), fmt.Sprintf("sources:\n  wanted:\n    base_url: %s\n    categories: []\nscrape:\n  delay: 0s\n", s.srv.URL))
	db := filepath.Join(dir, "jobs.db")
	r := runCLI(t, true, "", "--config", cfg, "--db", db, "scrape")
	first, _, _ := strings.Cut(r.err, "\n")
	if r.code != 0 || first != "scrape: config ~/c.yaml (--config); database ~/jobs.db" {
		t.Errorf("exit %d, first status line %q", r.code, first)
	}
}
