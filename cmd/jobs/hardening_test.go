package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/config"

	"github.com/jobs-cli/jobs"
)

// TestExportOutReplacesTheFile: export --out writes beside the last good export and renames,
// so the old file (here seen through a second link) is never written in place.
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
}

// TestImportCSVIsStrict: a quote left open is a bad line named by its number, not a
// description that swallows the next row; the rows after it are imported.
func TestImportCSVIsStrict(t *testing.T) {
	dir := isolate(t)
	csv := "id,site,job_url,title,company,description\n" +
		"a1,indeed,https://x.example/1,T1,A,\"Python\"\n" +
		"a2,indeed,https://x.example/2,T2,B,\"Go\n" + // the quote is never closed
		"a3,indeed,https://x.example/3,T3,C,\"SQL\"\n" +
		"a4,indeed,https://x.example/4,T4,D,\"Docker, \"\"Kubernetes\"\"\"\n" +
		"a5,indeed,https://x.example/5,T5,E,Java\n" +
		"a6,indeed,https://x.example/6,T\"6,F,Java\n" + // a bare quote
		"a7,indeed,https://x.example/7,T7,G\n" + // a field short
		"a8,indeed,https://x.example/8,T8,H,\"multi\nline\"\n"
	file := writeFile(t, filepath.Join(dir, "jobs.csv"), csv)
	db := filepath.Join(dir, "j.db")
	r := runCLI(t, false, "", "--db", db, "import", file)
	if r.code != 1 || !strings.Contains(r.err, "5 new") {
		t.Errorf("import: exit %d, want 1 and 5 new:\n%s", r.code, r.err)
	}
	for _, want := range []string{"jobs.csv line 3:", "jobs.csv line 7:", "jobs.csv line 8:", "3 lines of"} {
		if !strings.Contains(r.err, want) {
			t.Errorf("the report lacks %q:\n%s", want, r.err)
		}
	}
	var ids []string
	for _, p := range listJSON(t, []string{"--db", db}, "--all") {
		ids = append(ids, p.SourceID)
	}
	slices.Sort(ids)
	if want := []string{"a1", "a3", "a4", "a5", "a8"}; !slices.Equal(ids, want) {
		t.Errorf("imported %v, want %v", ids, want)
	}
}

// TestImportReadsBoundedRecords: input without line ends fails at 16 MiB, as a JSON line
// does, instead of being read whole (the readers' own test is in ingest).
func TestImportReadsBoundedRecords(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err == nil {
		isolate(t)
		r := runCLI(t, false, "", "--db", filepath.Join(t.TempDir(), "j.db"), "import", "/dev/zero")
		if r.code == 0 || !strings.Contains(r.err, "longer than 16 MiB") {
			t.Errorf("import /dev/zero: exit %d: %s", r.code, r.err)
		}
	}
}

// TestConfigIsReadBounded: a config larger than 4 MiB, a device or a directory is refused
// with one sentence and exit 2, without reading it whole.
func TestConfigIsReadBounded(t *testing.T) {
	dir := isolate(t)
	big := writeFile(t, filepath.Join(dir, "big.yaml"), "profile:\n  years: 1\n"+strings.Repeat("# padding\n", 500_000))
	cases := map[string]string{big: "larger than 4 MiB", dir: "not a regular file"}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases["/dev/zero"] = "not a regular file"
	}
	for path, want := range cases {
		r := runCLI(t, false, "Python", "--config", path, "analyze", "-")
		if r.code != 2 || !strings.Contains(r.err, want) || !strings.Contains(r.err, path) {
			t.Errorf("--config %s: exit %d, %q; want 2 and %q", path, r.code, r.err, want)
		}
	}
}

// TestRepeatedWarningsAreCounted: many unknown profile skills print ten warnings and a count.
func TestRepeatedWarningsAreCounted(t *testing.T) {
	dir := isolate(t)
	var skills []string
	for i := range 25 {
		skills = append(skills, fmt.Sprintf("unknownskill%d", i))
	}
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), "profile:\n  skills: ["+strings.Join(skills, ", ")+"]\n")
	path := storePostings(t, dir, nil)
	r := runCLI(t, false, "", "--config", cfg, "--db", path, "list")
	if r.code != 0 {
		t.Fatalf("list: %d %s", r.code, r.err)
	}
	if n := strings.Count(r.err, "is not in the skill dictionary"); n != 10 {
		t.Errorf("%d warnings printed in full, want 10:\n%s", n, r.err)
	}
	if !strings.Contains(r.err, "warning: and 15 more profile.skills not in the skill dictionary") {
		t.Errorf("no count of the rest:\n%s", r.err)
	}
}

// TestReadCommandsNeverCreateTheDatabase: commands that read say how to start instead of
// creating an empty database; those that write create it; --db "" is bad usage.
func TestReadCommandsNeverCreateTheDatabase(t *testing.T) {
	dir := isolate(t)
	path := filepath.Join(dir, "jobs.db")
	for _, args := range [][]string{{"list"}, {"gaps"}, {"show", "1"}, {"board"}, {"skills", "unknown"}, {"trends"}, {"export"}, {"digest", "--since", "7d"}} {
		r := runCLI(t, false, "", append([]string{"--db", path}, args...)...)
		if r.code != 1 || !strings.Contains(r.err, "no jobs database at "+path) || !strings.Contains(r.err, "jobs scrape") {
			t.Errorf("%v: exit %d, %q", args, r.code, r.err)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("%v created %s", args, path)
		}
	}
	r := runCLI(t, false, "", "--db", "", "list")
	if r.code != 2 || !strings.Contains(r.err, "--db needs a file name") {
		t.Errorf(`--db "": exit %d, %q`, r.code, r.err)
	}
	// A writer starts the database; the readers then read it.
	if r := runCLI(t, false, "", "--db", path, "track", "1", "saved"); r.code != 1 || !strings.Contains(r.err, "1") {
		t.Errorf("track on a new database: exit %d, %q", r.code, r.err)
	}
	if r := runCLI(t, false, "", "--db", path, "list"); r.code != 0 {
		t.Errorf("list after track created the database: exit %d, %q", r.code, r.err)
	}
	other := filepath.Join(dir, "init.db")
	if r := runCLI(t, false, "", "--db", other, "init"); r.code != 0 || !strings.Contains(r.err, other+" is ready") {
		t.Errorf("init: exit %d, %q", r.code, r.err)
	}
	if r := runCLI(t, false, "", "--db", other, "list", "--json"); r.code != 0 || strings.TrimSpace(r.out) != "[]" {
		t.Errorf("list after init: exit %d, %q %q", r.code, r.out, r.err)
	}
}

// TestDoctorSaysHowToRecoverCorruptPages: a database with corrupt pages, whether it still
// opens or not, gets the recovery steps (sqlite3 .recover, then import of an export).
func TestDoctorSaysHowToRecoverCorruptPages(t *testing.T) {
	dir := isolate(t)
	var ps []*jobs.Posting
	for i := range 200 {
		ps = append(ps, &jobs.Posting{Source: "wanted", SourceID: fmt.Sprint(i), Company: "A", Title: "Go",
			URL: "https://x.example/" + fmt.Sprint(i), Sections: jobs.Sections{Requirements: "Go, Python and Docker"}})
	}
	for _, tc := range []struct {
		name       string
		from, step int64 // pages overwritten: from, from+step, ...
	}{{"cells", 2, 3}, {"pages", 10, 1}} {
		sub := filepath.Join(dir, tc.name)
		path := storePostings(t, sub, ps)
		fi, _ := os.Stat(path)
		fh, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		for off := 4096 * tc.from; off < fi.Size(); off += 4096 * tc.step {
			fh.WriteAt([]byte(strings.Repeat("garbage ", 8)), off+8)
		}
		fh.Close()
		r := runCLI(t, false, "", "--db", path, "doctor")
		if r.code != 1 || !strings.Contains(r.out, "sqlite3 "+path+".broken .recover") || !strings.Contains(r.out, "jobs import") {
			t.Errorf("%s: exit %d\n%s%s", tc.name, r.code, r.out, r.err)
		}
	}
}

// TestMinScoreNaNIsRefused: NaN passes neither "< 0" nor "> 1", and is refused like 2.
func TestMinScoreNaNIsRefused(t *testing.T) {
	dir := isolate(t)
	path := storePostings(t, dir, nil)
	for _, v := range []string{"NaN", "nan", "2", "-0.1"} {
		if r := runCLI(t, false, "", "--db", path, "list", "--min-score", v); r.code != 2 || !strings.Contains(r.err, "--min-score must be between 0 and 1") {
			t.Errorf("--min-score %s: exit %d, %q", v, r.code, r.err)
		}
	}
	for _, key := range []string{"targets", "filters"} {
		cfg := writeFile(t, filepath.Join(dir, key+".yaml"), key+":\n  min_score: .nan\n")
		if r := runCLI(t, false, "", "--config", cfg, "--db", path, "list"); r.code != 2 || !strings.Contains(r.err, "min_score must be between 0 and 1") {
			t.Errorf("%s.min_score: .nan: exit %d, %q", key, r.code, r.err)
		}
	}
}

// TestScrapeBudgetIsChecked: scrape.budget must be a positive duration.
func TestScrapeBudgetIsChecked(t *testing.T) {
	dir := isolate(t)
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), "scrape:\n  budget: 0s\n")
	if r := runCLI(t, false, "Python", "--config", cfg, "analyze", "-"); r.code != 2 || !strings.Contains(r.err, "line 2: scrape.budget must be more than 0") {
		t.Errorf("exit %d, %q", r.code, r.err)
	}
	c, err := config.Load(writeFile(t, filepath.Join(dir, "d.yaml"), "scrape:\n  budget: 45m\n"))
	if err != nil || time.Duration(c.Scrape.Budget) != 45*time.Minute {
		t.Errorf("budget %v, %v", c.Scrape.Budget, err)
	}
	if c, _ := config.Load(""); time.Duration(c.Scrape.Budget) != 30*time.Minute {
		t.Errorf("default budget %v", c.Scrape.Budget)
	}
}
