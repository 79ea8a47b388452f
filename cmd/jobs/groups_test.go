package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/replay"
)

// groupsNow is after the deadline of the last of groupPostings.
var groupsNow = time.Date(2026, 10, 15, 9, 0, 0, 0, time.UTC)

// groupPostings hold requirement lines of every kind: alternatives, conjunctions, a category
// with its examples, majors in a degree line, a skill that is not needed, and a deadline that
// has passed. Written for this project; the companies are fictional.
func groupPostings() []replay.Posting {
	due := "2026-09-30"
	base := func(id int64, company, title string, child int, req, pref string) replay.Posting {
		return replay.Posting{ID: id, Company: company, Position: title, Requirements: req, PreferredPoints: pref,
			Status: replay.StatusActive, AnnualTo: 100, IsNewbie: true, Category: replay.Category{Parent: 518, Children: []int{child}},
			Location: "서울 중구", EmploymentType: "regular", Intro: "우리는 작은 팀입니다.", Benefits: "• 점심 제공"}
	}
	out := []replay.Posting{
		base(5100001, "주식회사 새벽숲", "데이터 분석가", 1024,
			"• SQL 또는 Python으로 데이터를 집계해 본 경험\n• 경제학, 통계학 등 관련 전공자\n• Tableau 사용 경험",
			"• Airflow, Luigi 중 하나 이상 사용 경험"),
		base(5100002, "주식회사 물결랩", "ML 엔지니어", 1634,
			"• PyTorch나 TensorFlow 같은 프레임워크 경험\n• Docker 및 Kubernetes 실무 경험\n• Kotlin 경험이 없어도 괜찮습니다",
			"• ONNX/TensorRT 최적화 경험"),
		base(5100003, "Lanternfish Korea", "Backend Engineer", 872,
			"• Go, Rust, or C++\n• Experience with MySQL and Redis\n• BS in Computer Science or equivalent experience",
			"• Kafka, RabbitMQ, or similar message brokers"),
		base(5100004, "주식회사 종이비행기", "프론트엔드 엔지니어", 669,
			"• React, Vue.js 중 하나 이상의 프레임워크 경험", "• Storybook 사용 경험"),
	}
	out[3].DueTime = &due
	return out
}

type groupListed struct {
	ID            string     `json:"id"`
	SourceID      string     `json:"source_id"`
	Status        string     `json:"status"`
	Missing       []string   `json:"missing"`
	MissingGroups [][]string `json:"missing_groups"`
	MissingPref   []string   `json:"missing_preferred"`
}

// Scrape, list, gaps, the plan and show all read requirement lines as groups of alternatives.
func TestGroupsThroughTheCommands(t *testing.T) {
	dir := isolate(t)
	s := newSite(t, groupPostings())
	cfg := writeFile(t, filepath.Join(dir, "config.yaml"), fmt.Sprintf(`
profile:
  years: 0
  skills: [Python, PyTorch, Go, MySQL, Vue.js]
  major: 통계학
sources:
  wanted:
    base_url: %s
    categories: [518]
scrape:
  delay: 0s
  parallelism: 1
`, s.srv.URL))
	g := []string{"--config", cfg, "--db", filepath.Join(dir, "jobs.db")}
	cli := func(tty bool, args ...string) cliResult {
		t.Helper()
		r := runAt(t, groupsNow, tty, append(append([]string{}, g...), args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
		}
		return r
	}
	cli(false, "scrape")

	var open []groupListed
	if err := json.Unmarshal([]byte(cli(false, "list", "--json").out), &open); err != nil {
		t.Fatal(err)
	}
	want := map[string][][]string{
		"5100001": {{"Tableau"}},
		"5100002": {{"Docker"}, {"Kubernetes"}},
		"5100003": {{"Redis"}},
	}
	if len(open) != len(want) {
		t.Fatalf("list: %d postings, want %d (the one past its deadline left out)", len(open), len(want))
	}
	for _, p := range open {
		if !reflect.DeepEqual(p.MissingGroups, want[p.SourceID]) {
			t.Errorf("%s: missing_groups %q, want %q", p.SourceID, p.MissingGroups, want[p.SourceID])
		}
		for _, s := range append(p.Missing, p.MissingPref...) {
			if slices.Contains([]string{"R", "TensorFlow", "Rust", "C++", "Kotlin", "Statistics", "Economics", "Computer Science"}, s) {
				t.Errorf("%s: %s is missing, but a met alternative, a skill not needed or a major", p.SourceID, s)
			}
		}
	}
	var all []groupListed
	if err := json.Unmarshal([]byte(cli(false, "list", "--all", "--json").out), &all); err != nil {
		t.Fatal(err)
	}
	for _, p := range all {
		if p.SourceID == "5100004" && p.Status != "closed" {
			t.Errorf("the posting past its deadline is %q, want closed", p.Status)
		}
	}

	var plan struct {
		Plan []struct{ Skill string } `json:"plan"`
	}
	if err := json.Unmarshal([]byte(cli(false, "gaps", "--plan", "3", "--json").out), &plan); err != nil {
		t.Fatal(err)
	}
	for _, st := range plan.Plan {
		if !slices.Contains([]string{"Tableau", "Redis", "Docker", "Kubernetes"}, st.Skill) {
			t.Errorf("plan step %s stands only in met groups, as a major, or in a closed posting", st.Skill)
		}
	}
	golden(t, "gaps_plan_groups.txt", cli(true, "gaps", "--plan", "3").out)

	id := ""
	for _, p := range open {
		if p.SourceID == "5100001" {
			id = p.ID
		}
	}
	golden(t, "show_groups.txt", stable(cli(false, "show", id).out, s.srv.URL))
	closedID := ""
	for _, p := range all {
		if p.SourceID == "5100004" {
			closedID = p.ID
		}
	}
	if out := cli(false, "show", closedID).out; !strings.Contains(out, "closed: deadline 2026-09-30 passed") {
		t.Errorf("show of a posting past its deadline:\n%s", out)
	}

	// Plain role words match across languages: "data scientist" takes the 데이터 분석가 posting
	// by its category (1024), "백엔드" the Backend Engineer by its category (872).
	roles := writeFile(t, filepath.Join(dir, "roles.yaml"), fmt.Sprintf(`
profile:
  skills: [Python]
sources:
  wanted: {base_url: %s}
targets:
  roles: [data scientist, 백엔드]
`, s.srv.URL))
	r := runAt(t, groupsNow, false, "--config", roles, "--db", filepath.Join(dir, "jobs.db"), "list", "--json")
	var byRole []groupListed
	if err := json.Unmarshal([]byte(r.out), &byRole); err != nil {
		t.Fatalf("%v: %s", err, r.err)
	}
	var ids []string
	for _, p := range byRole {
		ids = append(ids, p.SourceID)
	}
	slices.Sort(ids)
	if !reflect.DeepEqual(ids, []string{"5100001", "5100003"}) {
		t.Errorf("roles [data scientist, 백엔드] took %v", ids)
	}
}

// analyze --json gives each requirement with its alternatives and its line's byte range.
func TestAnalyzeRequirementsJSON(t *testing.T) {
	isolate(t)
	text := "ML 엔지니어\n자격요건\n• Python 또는 R 사용 경험\n• Docker와 Kubernetes\n우대사항\n• Spark 혹은 Flink\n"
	r := runCLI(t, false, text, "analyze", "--json", "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	var out struct {
		Requirements []struct {
			Section string   `json:"section"`
			AnyOf   []string `json:"any_of"`
			Start   int      `json:"start"`
			End     int      `json:"end"`
		} `json:"requirements"`
	}
	if err := json.Unmarshal([]byte(r.out), &out); err != nil {
		t.Fatal(err)
	}
	want := []string{"required Python|R • Python 또는 R 사용 경험", "required Docker • Docker와 Kubernetes",
		"required Kubernetes • Docker와 Kubernetes", "preferred Spark|Flink • Spark 혹은 Flink"}
	var got []string
	for _, q := range out.Requirements {
		got = append(got, q.Section+" "+strings.Join(q.AnyOf, "|")+" "+text[q.Start:q.End])
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("requirements\n%q\nwant\n%q", got, want)
	}
}

// A database written before requirements were read as groups is re-read by the next scrape:
// "Python 또는 R" stored as two requirements stops counting R as missing.
func TestScrapeRereadsUngroupedPostings(t *testing.T) {
	dir := isolate(t)
	path := filepath.Join(dir, "jobs.db")
	ctx := context.Background()
	store, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	old := &jobs.Posting{Source: "lever", SourceID: "old-1", URL: "https://jobs.example/old-1", Company: "Old Co",
		Title: "Data Scientist", Status: jobs.StatusOpen,
		Sections: jobs.Sections{Requirements: "• Python 또는 R을 이용한 모델링 경험"},
		Analysis: &jobs.Analysis{Skills: []jobs.Requirement{
			{Skill: "Python", Section: jobs.SectionRequired}, {Skill: "R", Section: jobs.SectionRequired}}}}
	if _, _, err := store.UpsertPosting(ctx, old); err != nil {
		t.Fatal(err)
	}
	store.Close()
	s := newSite(t, groupPostings()[:1])
	cfg := writeFile(t, filepath.Join(dir, "config.yaml"), fmt.Sprintf(`
profile:
  skills: [Python]
sources:
  wanted: {base_url: %s, categories: [518]}
scrape:
  delay: 0s
`, s.srv.URL))
	g := []string{"--config", cfg, "--db", path}
	missing := func() []string {
		var out []groupListed
		r := runAt(t, groupsNow, false, append(g, "list", "--json")...)
		if err := json.Unmarshal([]byte(r.out), &out); err != nil {
			t.Fatalf("%v: %s", err, r.err)
		}
		for _, p := range out {
			if p.SourceID == "old-1" {
				return p.Missing
			}
		}
		t.Fatal("the stored posting is not listed")
		return nil
	}
	if m := missing(); !slices.Equal(m, []string{"R"}) {
		t.Fatalf("before the scrape, missing %q: each stored skill is its own requirement", m)
	}
	r := runAt(t, groupsNow, false, append(g, "scrape")...)
	if r.code != 0 || !strings.Contains(r.err, "Re-read 1 stored postings") {
		t.Fatalf("scrape: exit %d: %s", r.code, r.err)
	}
	if m := missing(); len(m) != 0 {
		t.Errorf("after the scrape, missing %q: want none (Python meets Python 또는 R)", m)
	}
	if r := runAt(t, groupsNow, false, append(g, "scrape")...); strings.Contains(r.err, "Re-read") {
		t.Errorf("a second scrape re-read again: %s", r.err)
	}
}

// The version the binary is built as (-X main.version) is the one its User-Agent names.
func TestUserAgentNamesTheBuiltVersion(t *testing.T) {
	dir := isolate(t)
	old := version
	version = "9.8.7-test"
	t.Cleanup(func() { version = old })
	var agents sync.Map
	h := replay.Handler(groupPostings()[:1], replay.Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		agents.Store(r.UserAgent(), true)
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), fmt.Sprintf("sources:\n  wanted: {base_url: %s}\nscrape:\n  delay: 0s\n", srv.URL))
	if r := runAt(t, groupsNow, false, "--config", cfg, "--db", filepath.Join(dir, "j.db"), "scrape"); r.code != 0 {
		t.Fatalf("scrape: %d %s", r.code, r.err)
	}
	n := 0
	agents.Range(func(k, _ any) bool {
		n++
		if ua := k.(string); !strings.HasPrefix(ua, "jobs/9.8.7-test (+https://") {
			t.Errorf("User-Agent %q does not name the built version", ua)
		}
		return true
	})
	if n == 0 {
		t.Error("no request reached the site")
	}
}
