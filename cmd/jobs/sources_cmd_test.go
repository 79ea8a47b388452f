package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// groupSite serves the saved Samsung and Hyundai answers of scraper/testdata, as the real
// sites would, on one local server.
func groupSite(t *testing.T) *httptest.Server {
	t.Helper()
	fixture := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "scraper", "testdata", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/hr/list.data", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		w.Write(fixture("samsung/list-p" + r.PostForm.Get("currentPageNo") + ".html"))
	})
	mux.HandleFunc("/recruit/detail.data", func(w http.ResponseWriter, r *http.Request) {
		id := r.URL.Query().Get("seqno")
		body := strings.ReplaceAll(string(fixture("samsung/detail-22878.json")), `"seq":22878`, `"seq":`+id)
		body = strings.ReplaceAll(body, `"title":"R&D분야 외국인 경력사원 채용(DX부문)"`, `"title":"R&D분야 경력사원 채용 `+id+`"`)
		w.Write([]byte(body))
	})
	mux.HandleFunc("/api/rec/AP-HM-FO-02730", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// `jobs sources` lists every source kind and catalogue company; the file is the golden
// record of its piped output.
func TestSourcesListGolden(t *testing.T) {
	dir := isolate(t)
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), `
sources:
  greenhouse:
    base_url: http://127.0.0.1:9/gh
    boards: [acme]
  companies: [카카오페이, 삼성전자, 42dot, Coupang, Viva Republica]
`)
	r := runCLI(t, false, "", "--config", cfg, "sources")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	golden(t, "sources.txt", r.out)
	if _, err := os.Stat(filepath.Join(dir, "data", "jobs", "jobs.db")); err == nil {
		t.Error("jobs sources created the database")
	}
}

// Naming 삼성전자 collects Samsung's site; `jobs sources` then shows its last run, and
// --check reads each configured list once and fails for a site that does not answer.
func TestSourcesAfterScrapeAndCheck(t *testing.T) {
	dir := isolate(t)
	srv := groupSite(t)
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), fmt.Sprintf(`
sources:
  samsung: {base_url: %[1]s}
  companies: [삼성전자]
scrape:
  delay: 0s
  retries: 0
`, srv.URL))
	if r := runCLI(t, false, "", "--config", cfg, "scrape", "--quiet"); r.code != 0 {
		t.Fatalf("scrape: exit %d: %s", r.code, r.err)
	}
	r := runCLI(t, false, "", "--config", cfg, "list", "--json", "--all")
	var list []struct {
		Source, Company, Title string
	}
	if err := json.Unmarshal([]byte(r.out), &list); err != nil || len(list) != 3 {
		t.Fatalf("list: %v %s %s", err, r.out, r.err)
	}
	for _, p := range list {
		if p.Source != "samsung" {
			t.Errorf("posting %+v", p)
		}
	}
	r = runCLI(t, false, "", "--config", cfg, "sources")
	// The saved postings' deadlines (September 2026) have passed, so the run closed them.
	if !strings.Contains(r.out, "source samsung\ton\tconfig\t\t") || !strings.Contains(r.out, " ok: listed 3, kept 0, closed 3, failed 0") ||
		!strings.Contains(r.out, "company 삼성SDS\ton\t\tsamsung\t20") {
		t.Errorf("sources after a run:\n%s", r.out)
	}

	r = runCLI(t, false, "", "--config", cfg, "sources", "--check")
	if r.code != 0 || !strings.Contains(r.out, "samsung\tok\t2\tlocation 2/2\t"+srv.URL+"/hr/list.data") {
		t.Errorf("check: exit %d\n%s%s", r.code, r.out, r.err)
	}

	cfg = writeFile(t, filepath.Join(dir, "c2.yaml"), fmt.Sprintf(`
sources:
  samsung: {base_url: %[1]s}
  hyundai: {base_url: %[1]s}
scrape: {delay: 0s, retries: 0}
`, srv.URL))
	r = runCLI(t, false, "", "--config", cfg, "sources", "--check", "--json")
	var results []struct {
		Source  string
		Read    int
		Failure string
	}
	if err := json.Unmarshal([]byte(r.out), &results); err != nil || r.code != 1 || len(results) != 2 {
		t.Fatalf("check --json: exit %d %v\n%s%s", r.code, err, r.out, r.err)
	}
	if results[1].Source != "hyundai" || !strings.Contains(results[1].Failure, "HTTP 503") || results[0].Read != 2 {
		t.Errorf("results %+v", results)
	}
}
