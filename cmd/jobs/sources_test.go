package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs/internal/replay"
)

// Wanted, Greenhouse, Lever and Ashby configured against local servers are all stored; a
// posting on two boards is one element.
func TestScrapeEveryBoardKind(t *testing.T) {
	dir := isolate(t)
	posts, err := replay.Load()
	if err != nil {
		t.Fatal(err)
	}
	fixture := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "scraper", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// The same ML posting as Wanted's 3400002, on the company's own Greenhouse board.
	dupe := `{"jobs":[{"id":777,"title":"머신러닝 엔지니어 (신입)","company_name":"모래시계에듀",
		"updated_at":"2026-11-01T00:00:00Z","absolute_url":"https://boards.example/777",
		"location":{"name":"서울"},
		"content":"&lt;h3&gt;자격요건&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Python, PyTorch&lt;/li&gt;&lt;/ul&gt;"}],"meta":{"total":1}}`
	wanted := replay.Handler(posts, replay.Options{})
	mux := http.NewServeMux()
	mux.HandleFunc("/gh/v1/boards/coupang/jobs", func(w http.ResponseWriter, r *http.Request) { w.Write(fixture("greenhouse/board.json")) })
	mux.HandleFunc("/gh/v1/boards/moresigye/jobs", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(dupe)) })
	mux.HandleFunc("/lever/v0/postings/leverdemo", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("skip") != "" && r.URL.Query().Get("skip") != "0" {
			w.Write([]byte("[]"))
			return
		}
		w.Write(fixture("lever/postings.json"))
	})
	mux.HandleFunc("/ashby/posting-api/job-board/42dot", func(w http.ResponseWriter, r *http.Request) { w.Write(fixture("ashby/board.json")) })
	mux.Handle("/", wanted)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), fmt.Sprintf(`
profile:
  skills: [Python, PyTorch]
sources:
  wanted:
    base_url: %[1]s
    categories: [518]
  greenhouse:
    base_url: %[1]s/gh
    boards: [coupang, moresigye]
  lever:
    base_url: %[1]s/lever
    sites: [leverdemo]
  ashby:
    base_url: %[1]s/ashby
    boards: [42dot]
scrape:
  delay: 0s
`, srv.URL))
	db := filepath.Join(dir, "jobs.db")
	r := runCLI(t, false, "", "--config", cfg, "--db", db, "scrape")
	if r.code != 0 {
		t.Fatalf("scrape: exit %d\n%s", r.code, r.err)
	}
	for _, src := range []string{"wanted: ok", "greenhouse: ok", "lever: ok", "ashby: ok"} {
		if !strings.Contains(r.err, src) {
			t.Errorf("no summary line %q in:\n%s", src, r.err)
		}
	}
	all := listJSON(t, []string{"--config", cfg, "--db", db}, "--all")
	bySource := map[string]int{}
	merged := 0
	for _, p := range all {
		bySource[p.Source]++
		if len(p.Sources) == 2 {
			merged++
			if p.Source != "wanted" || p.Sources[1].Source != "greenhouse" {
				t.Errorf("merged element: %+v", p)
			}
		}
		if len(p.Matched)+len(p.Missing)+len(p.MissingPreferred) == 0 && p.Source != "ashby" {
			t.Errorf("%s %q: no skills read", p.Source, p.Title)
		}
	}
	if merged != 1 {
		t.Errorf("%d merged elements, want 1 (Wanted 3400002 and its Greenhouse copy)", merged)
	}
	for _, src := range []string{"wanted", "greenhouse", "lever", "ashby"} {
		if bySource[src] == 0 {
			t.Errorf("no %s posting listed: %v", src, bySource)
		}
	}
}

// sources.kakao is wired to Kakao's careers API.
func TestScrapeKakao(t *testing.T) {
	dir := isolate(t)
	fixture := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "..", "scraper", "testdata", "kakao", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/public/api/job-list" && r.URL.Query().Get("page") == "1":
			w.Write(fixture("page1.json"))
		case r.URL.Path == "/public/api/job-list" && r.URL.Query().Get("page") == "2":
			w.Write(fixture("page2.json"))
		case r.URL.Path == "/public/api/job-list":
			w.Write([]byte(`{"jobList":[],"totalPage":2}`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), fmt.Sprintf("sources:\n  kakao:\n    base_url: %s\nscrape:\n  delay: 0s\n", srv.URL))
	db := filepath.Join(dir, "jobs.db")
	r := runCLI(t, false, "", "--config", cfg, "--db", db, "scrape")
	// The fixture holds one record without a title: a failure named with its URL, exit 3.
	if r.code != 3 || !strings.Contains(r.err, "kakao: partial") || !strings.Contains(r.err, "/jobs/P-15000") {
		t.Fatalf("scrape: exit %d\n%s", r.code, r.err)
	}
	if got := listJSON(t, []string{"--config", cfg, "--db", db}, "--all"); len(got) == 0 || got[0].Source != "kakao" {
		t.Errorf("kakao postings: %+v", got)
	}
}
