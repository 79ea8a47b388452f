package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// TestExportOutReplacesTheFile: export --out writes beside the last good export and renames,
// so the old file (here seen through a second link) is never written in place, and a failed
// export leaves no half file behind.
func TestExportOutReplacesTheFile(t *testing.T) {
	dir := isolate(t)
	path := storePostings(t, dir, []*jobs.Posting{
		{Source: "wanted", SourceID: "1", Company: "A", Title: "Go", URL: "https://x/1",
			Sections: jobs.Sections{Requirements: "Go"}},
	})
	out := writeFile(t, filepath.Join(dir, "out", "postings.jsonl"), "last good export\n")
	link := filepath.Join(dir, "out", "kept.jsonl")
	if err := os.Link(out, link); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	if r := runCLI(t, false, "", "--db", path, "export", "--out", out); r.code != 0 {
		t.Fatalf("export: %d %s", r.code, r.err)
	}
	if got, _ := os.ReadFile(out); !strings.Contains(string(got), `"source_id":"1"`) {
		t.Errorf("the export holds %q", got)
	}
	if got, _ := os.ReadFile(link); string(got) != "last good export\n" {
		t.Errorf("the last good export was written in place: it now holds %.60q", got)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	if len(entries) != 2 {
		t.Errorf("files left beside the export: %v", entries)
	}

	a, err := createAtomic(out)
	if err != nil {
		t.Fatal(err)
	}
	a.WriteString("half an exp")
	a.Abort()
	if got, _ := os.ReadFile(out); !strings.Contains(string(got), `"source_id":"1"`) {
		t.Errorf("an aborted export replaced the file: %q", got)
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "out")); len(entries) != 2 {
		t.Errorf("an aborted export left its file: %v", entries)
	}
}

// TestRunLockFollowsTheFile: a scrape reaching the database through a symbolic link, or a
// path through "..", waits for the lock of the same file.
func TestRunLockFollowsTheFile(t *testing.T) {
	dir := isolate(t)
	real := writeFile(t, filepath.Join(dir, "data", "jobs.db"), "")
	os.MkdirAll(filepath.Join(dir, "other"), 0o755)
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	dirLink := filepath.Join(dir, "datalink")
	if err := os.Symlink(filepath.Join(dir, "data"), dirLink); err != nil {
		t.Fatal(err)
	}
	held, err := acquireRunLock(real, 0, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	for _, name := range []string{link, filepath.Join(dir, "other", "..", "data", "jobs.db"), filepath.Join(dirLink, "jobs.db")} {
		l, err := acquireRunLock(name, 0, time.Now)
		if err == nil {
			l.Release()
			t.Errorf("%s: a second lock of the same database was taken", name)
		} else if !strings.Contains(err.Error(), "another jobs scrape is running") {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A database not created yet is resolved through its directory.
	held2, err := acquireRunLock(filepath.Join(dirLink, "new.db"), 0, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer held2.Release()
	if _, err := acquireRunLock(filepath.Join(dir, "data", "new.db"), 0, time.Now); err == nil {
		t.Errorf("a new database reached through a linked directory took a second lock")
	}
}
