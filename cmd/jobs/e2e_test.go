package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/internal/replay"
	"github.com/jobs-cli/jobs/internal/tableprinter"
)

// site serves the replay postings; swap changes what it serves (the next night's site).
type site struct {
	srv  *httptest.Server
	h    atomic.Pointer[http.Handler]
	hits atomic.Int64 // requests for /wd/ pages
	api  atomic.Int64 // requests under /api/
}

func newSite(t *testing.T, posts []replay.Posting) *site {
	s := &site{}
	s.swap(posts)
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/wd/") {
			s.hits.Add(1)
		}
		if strings.HasPrefix(r.URL.Path, "/api/") {
			s.api.Add(1)
		}
		(*s.h.Load()).ServeHTTP(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) swap(posts []replay.Posting) {
	h := replay.Handler(posts, replay.Options{})
	s.h.Store(&h)
}

func e2eConfig(t *testing.T, dir, base string) string {
	return writeFile(t, filepath.Join(dir, "config.yaml"), fmt.Sprintf(`
profile:
  years: 0
  skills: [파이썬, SQL, PyTorch, 도커, pandas]
sources:
  wanted:
    base_url: %s
    categories: [518]
scrape:
  delay: 0s
  timeout: 5s
`, base))
}

type listed struct {
	ID               string   `json:"id"`
	Source           string   `json:"source"`
	SourceID         string   `json:"source_id"`
	Company          string   `json:"company"`
	Title            string   `json:"title"`
	URL              string   `json:"url"`
	Status           string   `json:"status"`
	Score            float64  `json:"score"`
	Matched          []string `json:"matched"`
	Missing          []string `json:"missing"`
	MissingPreferred []string `json:"missing_preferred"`
	MinYears         *int     `json:"min_years"`
	FirstSeen        string   `json:"first_seen"`
	LastSeen         string   `json:"last_seen"`
	Sources          []struct {
		Source   string `json:"source"`
		SourceID string `json:"source_id"`
		URL      string `json:"url"`
	} `json:"sources"`
}

func listJSON(t *testing.T, global []string, flags ...string) []listed {
	t.Helper()
	r := runAt(t, e2eNow, false, append(append(append([]string{}, global...), "list", "--json"), flags...)...)
	if r.code != 0 {
		t.Fatalf("list: exit %d: %s", r.code, r.err)
	}
	var out []listed
	if err := json.Unmarshal([]byte(r.out), &out); err != nil {
		t.Fatalf("list --json is not one JSON array: %v\n%s", err, r.out)
	}
	return out
}

func TestScrapeListGapsShowEndToEnd(t *testing.T) {
	dir := isolate(t)
	posts, err := replay.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := newSite(t, replay.Reopened(posts))
	cfg := e2eConfig(t, dir, s.srv.URL)
	db := filepath.Join(dir, "jobs.db")
	g := []string{"--config", cfg, "--db", db}

	r := runAt(t, e2eNow, false, append(g, "scrape")...)
	if r.code != 0 {
		t.Fatalf("scrape: exit %d: %s", r.code, r.err)
	}
	if !strings.Contains(r.err, "wanted: ok: listed 18, new 17, changed 0, unchanged 0, closed 0, failed 0") {
		t.Errorf("summary line: %q", r.err)
	}
	if s.api.Load() != 0 {
		t.Errorf("%d requests under the disallowed /api/", s.api.Load())
	}
	all := listJSON(t, g)
	if len(all) != 17 {
		t.Fatalf("list: %d postings, want 17 (18 less the 경영·비즈니스 one)", len(all))
	}
	for i, p := range all {
		if p.ID == "" || p.Source != "wanted" || p.SourceID == "" || p.Company == "" || p.Title == "" ||
			!strings.HasPrefix(p.URL, s.srv.URL+"/wd/") || p.Status != "open" || p.FirstSeen == "" || p.LastSeen == "" {
			t.Errorf("element %d lacks contract fields: %+v", i, p)
		}
		if len(p.Sources) != 1 || p.Sources[0].SourceID != p.SourceID || p.Matched == nil || p.Missing == nil || p.MissingPreferred == nil {
			t.Errorf("element %d: sources %+v, matched %v, missing %v", i, p.Sources, p.Matched, p.Missing)
		}
		if i > 0 && all[i-1].Score < p.Score {
			t.Errorf("not best first: %v before %v", all[i-1].Score, p.Score)
		}
		for _, m := range p.Matched {
			if m == "파이썬" || m == "도커" {
				t.Errorf("profile skills are not canonical: %v", p.Matched)
			}
		}
	}

	// A rerun on an unchanged site fetches no posting page and duplicates nothing.
	before := s.hits.Load()
	r = runAt(t, e2eNow, false, append(g, "scrape")...)
	if r.code != 0 || s.hits.Load() != before {
		t.Errorf("rerun: exit %d, fetched %d pages: %s", r.code, s.hits.Load()-before, r.err)
	}
	if n := len(listJSON(t, g)); n != 17 {
		t.Errorf("after a rerun: %d postings, want 17", n)
	}

	// The next night one posting has closed: it leaves the list, stays in --all.
	s.swap(posts)
	if r = runAt(t, e2eNow, false, append(g, "scrape")...); r.code != 0 || !strings.Contains(r.err, "closed 1") {
		t.Errorf("third run: exit %d: %s", r.code, r.err)
	}
	open := listJSON(t, g)
	every := listJSON(t, g, "--all")
	if len(open) != 16 || len(every) != 17 {
		t.Errorf("open %d / all %d, want 16 / 17", len(open), len(every))
	}
	closed := 0
	for _, p := range every {
		if p.Status == "closed" {
			closed++
		}
	}
	if closed != 1 {
		t.Errorf("%d closed postings in --all, want 1", closed)
	}

	// --newcomer keeps postings open to 신입 only.
	for _, p := range listJSON(t, g, "--newcomer") {
		if p.MinYears == nil || *p.MinYears != 0 {
			t.Errorf("--newcomer listed %q with min_years %v", p.Title, p.MinYears)
		}
	}

	// gaps --json: the contract's fields, most important first; unlocks agree with list.
	r = runAt(t, e2eNow, false, append(g, "gaps", "--json")...)
	var gaps []struct {
		Skill                        string
		Required, Preferred, Unlocks int
	}
	if r.code != 0 || json.Unmarshal([]byte(r.out), &gaps) != nil || len(gaps) == 0 {
		t.Fatalf("gaps --json: exit %d, %q", r.code, r.out)
	}
	unlocks := map[string]int{}
	for _, p := range open {
		if len(p.Missing) == 1 {
			unlocks[p.Missing[0]]++
		}
	}
	for i, gp := range gaps {
		if gp.Unlocks != unlocks[gp.Skill] {
			t.Errorf("gap %s unlocks %d, list says %d", gp.Skill, gp.Unlocks, unlocks[gp.Skill])
		}
		if i > 0 && gaps[i-1].Unlocks < gp.Unlocks {
			t.Errorf("gaps not ordered by unlocks at %d", i)
		}
	}

	// gaps --plan --json.
	r = runAt(t, e2eNow, false, append(g, "gaps", "--plan", "3", "--json")...)
	var plan struct {
		Plan []struct {
			Skill               string
			Unlocks, Cumulative int
		}
		TargetPostings int `json:"target_postings"`
	}
	if r.code != 0 || json.Unmarshal([]byte(r.out), &plan) != nil || plan.TargetPostings != 16 || len(plan.Plan) != 3 {
		t.Errorf("gaps --plan: exit %d, %q", r.code, r.out)
	}

	// show: sections, marks and the score's parts.
	r = runAt(t, e2eNow, false, append(g, "show", open[0].ID)...)
	if r.code != 0 || !strings.Contains(r.out, "자격요건") || !strings.Contains(r.out, "Score ") || !strings.Contains(r.out, "✓") {
		t.Errorf("show: exit %d\n%s%s", r.code, r.out, r.err)
	}
	r = runAt(t, e2eNow, false, append(g, "show", "wanted:"+open[0].SourceID)...)
	if r.code != 0 {
		t.Errorf("show source:id: exit %d %s", r.code, r.err)
	}
	if r = runAt(t, e2eNow, false, append(g, "show", "999999")...); r.code != 1 || !strings.Contains(r.err, "no posting") {
		t.Errorf("show unknown: exit %d %q", r.code, r.err)
	}

	// Piped: tab-separated, no header, nothing cut. Terminal: a header and aligned columns.
	r = runAt(t, e2eNow, false, append(g, "list")...)
	lines := strings.Split(strings.TrimSpace(r.out), "\n")
	if len(lines) != 16 || strings.Contains(r.out, "TITLE") {
		t.Errorf("piped list: %d lines\n%s", len(lines), r.out)
	}
	for _, l := range lines {
		if f := strings.Split(l, "\t"); len(f) != 10 || f[0] == "" {
			t.Errorf("piped line has %d fields: %q", len(f), l)
		}
	}
	r = runAt(t, e2eNow, true, append(g, "list")...)
	if !strings.HasPrefix(strings.TrimSpace(r.out), "ID") || !strings.Contains(r.out, "TITLE") || strings.Contains(r.out, "\t") {
		t.Errorf("terminal list:\n%s", r.out)
	}
	for _, l := range strings.Split(strings.TrimRight(r.out, "\n"), "\n") {
		if w := tableprinter.DisplayWidth(l); w > 140 {
			t.Errorf("terminal line wider than the terminal (%d): %q", w, l)
		}
	}
	// rematch re-derives and changes nothing for an unchanged dictionary.
	if r = runAt(t, e2eNow, false, append(g, "rematch")...); r.code != 0 {
		t.Errorf("rematch: exit %d %s", r.code, r.err)
	}
	if again := listJSON(t, g); !reflect.DeepEqual(again, open) {
		t.Errorf("rematch changed the list:\n%v\n%v", again, open)
	}
}

// e2eNow is the clock of the end-to-end test: before every deadline the replayed site gives,
// so that what is open does not depend on the day the test runs.
var e2eNow = time.Date(2026, 10, 15, 9, 0, 0, 0, time.UTC)
