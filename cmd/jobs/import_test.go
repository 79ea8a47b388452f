package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs/internal/replay"
)

func TestExportImportRoundTrip(t *testing.T) {
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
	first := runCLI(t, false, "", "--config", cfg, "--db", a, "export")
	if first.code != 0 || strings.Count(first.out, "\n") != 16 {
		t.Fatalf("export: exit %d, %d lines: %s", first.code, strings.Count(first.out, "\n"), first.err)
	}
	file := writeFile(t, filepath.Join(dir, "postings.jsonl"), first.out)
	r := runCLI(t, false, "", "--config", cfg, "--db", b, "import", file)
	if r.code != 0 || !strings.Contains(r.err, "16 new, 0 updated, 0 unchanged") {
		t.Fatalf("import: exit %d: %s", r.code, r.err)
	}
	r = runCLI(t, false, "", "--config", cfg, "--db", b, "import", file)
	if r.code != 0 || !strings.Contains(r.err, "0 new, 0 updated, 16 unchanged") {
		t.Errorf("re-import changed something: %s", r.err)
	}
	second := runCLI(t, false, "", "--config", cfg, "--db", b, "export")
	// Everything but the store's own ids and last-seen times round-trips.
	norm := func(out string) map[string]map[string]any {
		m := map[string]map[string]any{}
		sc := bufio.NewScanner(strings.NewReader(out))
		sc.Buffer(nil, 1<<22)
		for sc.Scan() {
			var line map[string]any
			if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
				t.Fatal(err)
			}
			delete(line, "id")
			delete(line, "last_seen")
			m[line["source_id"].(string)] = line
		}
		return m
	}
	x, y := norm(first.out), norm(second.out)
	if len(x) != 16 || len(y) != 16 {
		t.Fatalf("%d and %d postings", len(x), len(y))
	}
	for id, line := range x {
		got, _ := json.Marshal(y[id])
		want, _ := json.Marshal(line)
		if string(got) != string(want) {
			t.Errorf("posting %s did not round-trip:\n got %s\nwant %s", id, got, want)
		}
	}
	if r := runCLI(t, false, "", "--config", cfg, "--db", a, "export", "--format", "csv"); r.code != 0 || !strings.HasPrefix(r.out, "id,source,source_id") {
		t.Errorf("csv export: %d %.80q", r.code, r.out)
	}
}

func TestImportJobSpyCSV(t *testing.T) {
	dir := isolate(t)
	csv := "id,site,job_url,job_url_direct,title,company,location,date_posted,job_type,is_remote,description\n" +
		`in-1,indeed,https://indeed.example/1,,ML Engineer,Acme,Seoul,2026-11-20,fulltime,False,"**Requirements**` + "\n" + `- 3+ years of Python` + "\n" + `- PyTorch` + "\n" + `**Nice to have**` + "\n" + `- Kubernetes"` + "\n" +
		`li-2,linkedin,https://linkedin.example/2,,Data Scientist,Beta,Busan,,,True,"SQL and R required"` + "\n" +
		`,,,,broken,,,,,,` + "\n"
	file := writeFile(t, filepath.Join(dir, "jobs.csv"), csv)
	db := filepath.Join(dir, "j.db")
	r := runCLI(t, false, "", "--db", db, "import", file)
	if r.code != 1 || !strings.Contains(r.err, "2 new") || !strings.Contains(r.err, "line 8") {
		t.Errorf("import: exit %d: %s", r.code, r.err)
	}
	list := listJSON(t, []string{"--db", db}, "--all")
	if len(list) != 2 {
		t.Fatalf("%d postings", len(list))
	}
	for _, p := range list {
		if p.SourceID == "in-1" {
			if p.Source != "jobspy-indeed" || p.MinYears == nil || *p.MinYears != 3 || !strings.HasPrefix(p.FirstSeen, "2026-11-20") {
				t.Errorf("indeed posting: %+v", p)
			}
			if !slices.Contains(p.Missing, "Python") && !slices.Contains(p.Matched, "Python") {
				t.Errorf("Python not read from the description: %+v", p)
			}
		}
	}
}

// Postings are stored in the file's order whatever order the workers finish in: ids follow
// the lines, and a posting given twice ends as its last line has it, even when that line
// is the stored text an earlier line changed.
func TestImportKeepsTheFilesOrder(t *testing.T) {
	dir := isolate(t)
	line := func(id, req string) string {
		return `{"source":"wanted","source_id":"` + id + `","company":"Acme","title":"Engineer ` + id +
			`","url":"https://www.wanted.co.kr/wd/` + id + `","sections":{"requirements":"` + req + `"}}` + "\n"
	}
	var first strings.Builder
	for i := 1; i <= 300; i++ {
		first.WriteString(line(fmt.Sprint(i), "• Python"))
	}
	db := filepath.Join(dir, "j.db")
	if r := runCLI(t, false, "", "--db", db, "import", writeFile(t, filepath.Join(dir, "a.jsonl"), first.String())); r.code != 0 {
		t.Fatalf("import: %s", r.err)
	}
	second := line("7", "• Rust") + line("7", "• Python") + line("301", "• Go")
	r := runCLI(t, false, "", "--db", db, "import", writeFile(t, filepath.Join(dir, "b.jsonl"), second))
	if r.code != 0 || !strings.Contains(r.err, "1 new, 2 updated, 0 unchanged") {
		t.Fatalf("second import: exit %d: %s", r.code, r.err)
	}
	for _, p := range listJSON(t, []string{"--db", db}, "--all") {
		if want := p.SourceID; p.ID != want {
			t.Errorf("wanted %s stored as id %s: not in the file's order", p.SourceID, p.ID)
		}
		if p.SourceID == "7" && (slices.Contains(p.Missing, "Rust") || !slices.Contains(p.Missing, "Python")) {
			t.Errorf("wanted 7 asks for %v: the last line gives Python", p.Missing)
		}
	}
}
