package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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
