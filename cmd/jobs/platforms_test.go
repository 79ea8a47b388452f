package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sources.greeting, .ninehire and .jobflex are wired to their platforms: with base_url, one
// local server stands for every host of each, and their postings are stored.
func TestScrapeHiringPlatforms(t *testing.T) {
	dir := isolate(t)
	fixture := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "scraper", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	opening := string(fixture("greeting/real_opening_2026.html"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		case p == "/ko/main":
			w.Write(fixture("greeting/real_page_2026.html"))
		case strings.HasPrefix(p, "/ko/o/"):
			id := strings.TrimPrefix(p, "/ko/o/")
			w.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(opening, "204087", id), `"title":"Data Scientist"`, `"title":"Opening `+id+`"`)))
		case p == "/":
			w.Write(fixture("ninehire/real_home_2026.html"))
		case p == "/identity-access/homepage/recruitments":
			w.Write(fixture("ninehire/real_list_2026.json"))
		case p == "/job_posting/Iuq4YeKr":
			w.Write(fixture("ninehire/posting_Iuq4YeKr.html"))
		case p == "/position/v1/jobflex" && r.Method == http.MethodPost && r.Header.Get("prefix") == "hyundai-mobis.recruiter.co.kr":
			w.Write(fixture("jobflex/list_hyundai-mobis.json"))
		case strings.HasPrefix(p, "/position/v2/jobflex/") && r.Header.Get("prefix") == "hyundai-mobis.recruiter.co.kr":
			w.Write(fixture("jobflex/detail_" + strings.TrimPrefix(p, "/position/v2/jobflex/") + ".json"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), fmt.Sprintf(`
sources:
  greeting: {base_url: %[1]s, companies: [oliveyoung]}
  ninehire: {base_url: %[1]s, companies: [rapportlabs]}
  jobflex: {base_url: %[1]s, tenants: [hyundai-mobis]}
scrape:
  delay: 0s
`, srv.URL))
	db := filepath.Join(dir, "jobs.db")
	r := runCLI(t, false, "", "--config", cfg, "--db", db, "scrape")
	if r.code != 0 {
		t.Fatalf("scrape: exit %d\n%s", r.code, r.err)
	}
	for _, line := range []string{"greeting: ok: listed 3, new 3, changed 0, unchanged 0", "ninehire: ok: listed 3",
		"jobflex: ok: listed 2, new 1"} {
		if !strings.Contains(r.err, line) {
			t.Errorf("no summary line %q in:\n%s", line, r.err)
		}
	}
	bySource := map[string]int{}
	for _, p := range listJSON(t, []string{"--config", cfg, "--db", db}, "--all") {
		bySource[p.Source]++
	}
	// Two Ninehire postings' pages answer 404: closed before they were ever stored.
	if bySource["greeting"] != 3 || bySource["ninehire"] != 1 || bySource["jobflex"] != 2 {
		t.Errorf("stored %v", bySource)
	}

	// A second run: no listed record changed (their hashes, stored with the pages, say so), so
	// only the lists are read.
	r = runCLI(t, false, "", "--config", cfg, "--db", db, "scrape")
	if r.code != 0 || !strings.Contains(r.err, "greeting: ok: listed 3, new 0, changed 0, unchanged 3") {
		t.Errorf("second scrape: exit %d\n%s", r.code, r.err)
	}

	bad := writeFile(t, filepath.Join(dir, "bad.yaml"), "sources:\n  greeting: {companies: [\"not a slug\"]}\n")
	if r := runCLI(t, false, "", "--config", bad, "--db", db, "scrape"); r.code != 2 || !strings.Contains(r.err, "sources.greeting.companies") {
		t.Errorf("a bad company: exit %d %s", r.code, r.err)
	}
}
