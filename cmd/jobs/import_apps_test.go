package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs/internal/replay"
)

// Applications survive an export and an import: every stage and step, with its date and
// note, and a re-import (into the same database or the new one) adds nothing.
func TestExportImportKeepsApplications(t *testing.T) {
	dir := isolate(t)
	posts, err := replay.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := newSite(t, posts)
	cfg := e2eConfig(t, dir, s.srv.URL)
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	if r := runCLI(t, false, "", "--config", cfg, "--db", a, "scrape"); r.code != 0 {
		t.Fatalf("scrape: %d %s", r.code, r.err)
	}
	for _, args := range [][]string{
		{"track", "1", "saved", "--date", "2026-11-01"},
		{"track", "1", "applied", "--date", "2026-11-03", "--note", "이력서 v3"},
		{"track", "2", "interview", "--date", "2026-11-05", "--note", "1차; 화상"},
	} {
		if r := runCLI(t, false, "", append([]string{"--config", cfg, "--db", a}, args...)...); r.code != 0 {
			t.Fatalf("%v: %s", args, r.err)
		}
	}
	export := runCLI(t, false, "", "--config", cfg, "--db", a, "export")
	file := writeFile(t, filepath.Join(dir, "postings.jsonl"), export.out)

	r := runCLI(t, false, "", "--config", cfg, "--db", b, "import", file)
	if r.code != 0 || !strings.Contains(r.err, "2 applications, 3 steps added") {
		t.Fatalf("import: exit %d: %s", r.code, r.err)
	}
	board := func(db string) string {
		r := runCLI(t, false, "", "--config", cfg, "--db", db, "board", "--json")
		var apps []map[string]any
		if err := json.Unmarshal([]byte(r.out), &apps); err != nil {
			t.Fatalf("board --json: %v: %s", err, r.out)
		}
		for _, app := range apps {
			delete(app, "id")
			delete(app, "days_since_last_step")
		}
		out, _ := json.Marshal(apps)
		return string(out)
	}
	if got, want := board(b), board(a); got != want {
		t.Errorf("applications did not round-trip:\n got %s\nwant %s", got, want)
	}
	for _, db := range []string{a, b} {
		r := runCLI(t, false, "", "--config", cfg, "--db", db, "import", file)
		if r.code != 0 || !strings.Contains(r.err, "2 applications, 0 steps added") {
			t.Errorf("re-import into %s: exit %d: %s", filepath.Base(db), r.code, r.err)
		}
	}
	if got, want := board(b), board(a); got != want {
		t.Errorf("a re-import changed the applications:\n got %s\nwant %s", got, want)
	}
}

// An import that could read nothing says nothing was imported.
func TestImportOfNothingSaysSo(t *testing.T) {
	dir := isolate(t)
	file := writeFile(t, filepath.Join(dir, "bad.jsonl"), "{not json\n{\"source\":\"\"}\n")
	r := runCLI(t, false, "", "--db", filepath.Join(dir, "j.db"), "import", file)
	if r.code != 1 || !strings.Contains(r.err, "nothing was imported: 2 lines of "+file+" could not be read") ||
		strings.Contains(r.err, "the rest") {
		t.Errorf("exit %d: %s", r.code, r.err)
	}
	bad := `{"source":"wanted","source_id":"1","company":"A","title":"T","application":{"stage":"hired","steps":[{"stage":"hired","date":"2026-11-01T00:00:00Z"}]}}` + "\n" +
		`{"source":"wanted","source_id":"2","company":"A","title":"U"}` + "\n"
	r = runCLI(t, false, "", "--db", filepath.Join(dir, "j.db"), "import", writeFile(t, filepath.Join(dir, "s.jsonl"), bad))
	if r.code != 1 || !strings.Contains(r.err, `line 1: application step 1: stage "hired"`) || !strings.Contains(r.err, "1 posting was imported") {
		t.Errorf("exit %d: %s", r.code, r.err)
	}
}

// export --excel writes CSV behind a UTF-8 byte-order mark; plain CSV has none.
func TestExportExcelBOM(t *testing.T) {
	cfg, dbPath := koreanBoard(t, 2)
	r := runCLI(t, false, "", "--config", cfg, "--db", dbPath, "export", "--excel")
	if r.code != 0 || !strings.HasPrefix(r.out, "\ufeffid,source,source_id") || !strings.Contains(r.out, "카카오모빌리티") {
		t.Errorf("--excel: exit %d %.60q %s", r.code, r.out, r.err)
	}
	r = runCLI(t, false, "", "--config", cfg, "--db", dbPath, "export", "--format", "csv")
	if !strings.HasPrefix(r.out, "id,source") {
		t.Errorf("plain csv: %.40q", r.out)
	}
	r = runCLI(t, false, "", "--config", cfg, "--db", dbPath, "export", "--excel", "--format", "jsonl")
	if r.code != 2 || !strings.Contains(r.err, "--excel goes with --format csv") {
		t.Errorf("--excel --format jsonl: exit %d %q", r.code, r.err)
	}
}
