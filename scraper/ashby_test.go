package scraper

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

func TestParseAshbyJobs(t *testing.T) {
	items, err := parseAshbyJobs(readFixture(t, "ashby/board.json"), "42dot", DefaultMaxBodySize)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.id)
		if it.posting == nil {
			t.Fatalf("%s: %s", it.id, it.problem)
		}
	}
	if want := []string{"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", "e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9"}; !slices.Equal(ids, want) {
		t.Fatalf("ids %v, want %v (the unlisted job left out)", ids, want)
	}
	p := items[0].posting
	if p.Source != "ashby" || p.Company != "42dot" || p.Title != "Autonomous Driving Software Engineer" ||
		p.EmploymentType != "regular" || p.Location != "Seoul" || p.Remote ||
		p.URL != "https://jobs.ashbyhq.com/42dot/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f" {
		t.Errorf("fields %+v", p)
	}
	wantDesc := "Responsibilities\n• Motion planning in C++\nQualifications\n• C++17, ROS\n• Linux\nPreferred Qualifications\n• CUDA"
	if p.Sections.Description != wantDesc {
		t.Errorf("description from descriptionHtml:\n%s\nwant\n%s", p.Sections.Description, wantDesc)
	}
	if p.Sections.Benefits != "Compensation: ₩70M – ₩110M" {
		t.Errorf("benefits %q", p.Sections.Benefits)
	}
	intern := items[1].posting
	if intern.EmploymentType != "intern" || !intern.Remote ||
		intern.Sections.Description != "자격요건\n- PyTorch\n- 석사 재학 이상\n우대사항\n- 논문 게재" {
		t.Errorf("intern %+v", intern)
	}
	for _, bad := range []struct{ body, err string }{
		{`{"apiVersion":"1"}`, `no "jobs" list`},
		{`[{"id":"x"}]`, "got a JSON array"},
		{`<!doctype html><title>Ashby</title>`, "expected JSON, got HTML"},
	} {
		if _, err := parseAshbyJobs([]byte(bad.body), "b", DefaultMaxBodySize); err == nil || !strings.Contains(err.Error(), bad.err) {
			t.Errorf("%s: error %v, want %q", bad.body, err, bad.err)
		}
	}
}

func TestAshbyScrape(t *testing.T) {
	site := boardSite(t)
	board := readFixture(t, "ashby/board.json")
	site.handle("/posting-api/job-board/42dot", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("includeCompensation") != "true" {
			http.Error(w, "includeCompensation expected", http.StatusBadRequest)
			return
		}
		w.Write(board)
	})
	a, err := NewAshby(site.url(), []string{"42dot", "missing"}, testConfig(&sleeper{}, newClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := a.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 2, Fetched: 2, Parsed: 2, Kept: 2, Failed: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v", countsOf(stats), countsOf(want))
	}
	if f := failureFor(stats, "/posting-api/job-board/missing?includeCompensation=true"); f == nil || f.Status != 404 {
		t.Errorf("missing board failure %+v", f)
	}

	// The first job becomes unlisted: it is gone.
	var doc map[string]any
	if err := json.Unmarshal(board, &doc); err != nil {
		t.Fatal(err)
	}
	doc["jobs"].([]any)[0].(map[string]any)["isListed"] = false
	changed, _ := json.Marshal(doc)
	site.handle("/posting-api/job-board/42dot", serveJSON(string(changed)))
	stats, err = a.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Closed != 1 || len(sink.gone) != 1 || !slices.Equal(sink.gone[0], []string{"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"}) {
		t.Errorf("closed %d gone %v", stats.Closed, sink.gone)
	}
}
