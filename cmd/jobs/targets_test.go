package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/config"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/report"
	"github.com/jobs-cli/jobs/target"
)

// runAt runs the command line with the clock stopped at now.
func runAt(t *testing.T, now time.Time, tty bool, args ...string) cliResult {
	t.Helper()
	var out, errb bytes.Buffer
	io := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errb, OutTTY: tty, ErrTTY: tty}
	if tty {
		io.Width = 140
	}
	f := newFactory(io)
	f.Now = func() time.Time { return now }
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	err := root.ExecuteContext(context.Background())
	f.closeStore()
	return cliResult{code: exitCode(err, io), out: out.String(), err: errb.String()}
}

// spec is a posting to store: where and when it was seen, what it asks.
type spec struct {
	source             string // "" = wanted
	id, company, title string
	required           []string
	preferred          []string
	location           string
	employment         string
	categories         []int
	minYears           *int
	remote             bool
	due                *time.Time
	seen               time.Time  // first seen
	closed             *time.Time // closes then; nil = stays open
}

func yearsPtr(n int) *int { return &n }

// storeSpecs stores the postings in a new database file, each at its first-seen time, closing
// those that close, and returns the file and the store ids by spec id.
func storeSpecs(t *testing.T, path string, specs []spec) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	var clock time.Time
	store, err := db.Open(ctx, path, db.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ids := map[string]int64{}
	type closing struct {
		at         time.Time
		source, id string
	}
	var closings []closing
	for _, s := range specs {
		clock = s.seen
		a := &jobs.Analysis{MinYears: s.minYears}
		for _, r := range s.required {
			a.Skills = append(a.Skills, jobs.Requirement{Skill: r, Section: jobs.SectionRequired})
		}
		for _, r := range s.preferred {
			a.Skills = append(a.Skills, jobs.Requirement{Skill: r, Section: jobs.SectionPreferred})
		}
		source := s.source
		if source == "" {
			source = "wanted"
		}
		p := &jobs.Posting{Source: source, SourceID: s.id, URL: "https://www.wanted.co.kr/wd/" + s.id,
			Company: s.company, Title: s.title, Location: s.location, EmploymentType: s.employment,
			Categories: s.categories, Remote: s.remote, Due: s.due, Analysis: a}
		id, _, err := store.UpsertPosting(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		ids[s.id] = id
		if s.closed != nil {
			closings = append(closings, closing{*s.closed, source, s.id})
		}
	}
	sort.Slice(closings, func(i, j int) bool { return closings[i].at.Before(closings[j].at) })
	for _, c := range closings {
		clock = c.at
		if err := store.Gone(ctx, c.source, []string{c.id}); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

var targetNow = time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)

// targetSpecs are open postings that each fail one rule of targetsYAML, two that pass it,
// and a closed one.
func targetSpecs() []spec {
	seen := time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)
	closed := seen.Add(48 * time.Hour)
	return []spec{
		{id: "P1", company: "(주)카카오", title: "ML Engineer", required: []string{"Python", "Docker"}, location: "서울 판교", employment: "regular", categories: []int{518, 1634}, minYears: yearsPtr(0), seen: seen},
		{id: "P2", company: "네이버", title: "Senior ML Engineer", required: []string{"Python"}, location: "서울", employment: "regular", seen: seen},
		{id: "P3", company: "토스", title: "Frontend Developer", required: []string{"React"}, location: "서울", categories: []int{518, 669}, seen: seen},
		{id: "P4", company: "당근", title: "데이터 사이언티스트", required: []string{"Python", "SQL"}, location: "부산 해운대구", categories: []int{1024}, seen: seen},
		{id: "P5", company: "쿠팡", title: "Backend Engineer", required: []string{"Java"}, location: "서울 송파구", minYears: yearsPtr(5), seen: seen},
		{id: "P6", company: "라인", title: "MLOps Engineer", required: []string{"Kubernetes"}, location: "서울", employment: "intern", categories: []int{1634}, seen: seen},
		{id: "P7", company: "스타트업", title: "AI Researcher", required: []string{"PyTorch"}, remote: true, seen: seen},
		{id: "P8", company: "전 직장(주)", title: "ML Engineer", required: []string{"Python"}, location: "서울", seen: seen},
		{id: "P9", company: "카카오", title: "Data Engineer", required: []string{"Spark"}, location: "서울", seen: seen, closed: &closed},
		{id: "P10", company: "HTML 웍스", title: "HTML Publisher", required: []string{"HTML"}, location: "서울", seen: seen},
	}
}

const targetsYAML = `
profile:
  skills: [Python]
targets:
  roles:
    - name: ML
      titles: [ML, AI, 머신러닝]
      categories: [1634]
    - {name: data, titles: [데이터 엔지니어], categories: [1024]}
    - Backend
  locations: [서울, remote]
  employment_types: [정규직]
  years: {max: 2}
  exclude_companies: [전 직장]
  exclude_title_words: [senior]
`

func TestListAndGapsWorkOnTheTargets(t *testing.T) {
	dir := isolate(t)
	dbPath := filepath.Join(dir, "jobs.db")
	ids := storeSpecs(t, dbPath, targetSpecs())
	byStore := map[string]string{}
	for k, v := range ids {
		byStore[jsonID(v)] = k
	}
	cfg := writeFile(t, filepath.Join(dir, "targets.yaml"), targetsYAML)
	none := writeFile(t, filepath.Join(dir, "none.yaml"), "profile:\n  skills: [Python]\n")
	listed := func(t *testing.T, config string, args ...string) []string {
		t.Helper()
		r := runAt(t, targetNow, false, append([]string{"--config", config, "--db", dbPath, "list", "--json"}, args...)...)
		if r.code != 0 {
			t.Fatalf("list: exit %d: %s", r.code, r.err)
		}
		var got []report.PostingJSON
		if err := json.Unmarshal([]byte(r.out), &got); err != nil {
			t.Fatalf("list --json: %v\n%s", err, r.out)
		}
		var names []string
		for _, p := range got {
			names = append(names, byStore[p.ID])
		}
		sort.Strings(names)
		return names
	}
	for _, tc := range []struct {
		name   string
		config string
		args   []string
		want   []string
	}{
		{"targets", cfg, nil, []string{"P1", "P7"}},
		{"--all ignores the targets", cfg, []string{"--all"}, []string{"P1", "P10", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"}},
		{"no targets: every open posting", none, nil, []string{"P1", "P10", "P2", "P3", "P4", "P5", "P6", "P7", "P8"}},
		{"flags narrow the targets", cfg, []string{"--company", "카카오"}, []string{"P1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := listed(t, tc.config, tc.args...); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("listed %v, want %v", got, tc.want)
			}
		})
	}

	// --verbose names each posting left out and the rule that did, on stderr only.
	r := runAt(t, targetNow, false, "--config", cfg, "--db", dbPath, "list", "--verbose")
	if r.code != 0 {
		t.Fatalf("list --verbose: exit %d: %s", r.code, r.err)
	}
	wantRules := map[string]string{
		"P2": "targets.exclude_title_words", "P3": "targets.roles", "P4": "targets.locations",
		"P5": "targets.years.max", "P6": "targets.employment_types", "P8": "targets.exclude_companies",
		"P10": "targets.roles",
	}
	for id, rule := range wantRules {
		line := ""
		for _, l := range strings.Split(r.err, "\n") {
			if strings.HasPrefix(l, "excluded #"+jsonID(ids[id])+" ") {
				line = l
			}
		}
		if !strings.Contains(line, rule) {
			t.Errorf("%s: verbose line %q lacks %s", id, line, rule)
		}
	}
	if strings.Contains(r.err, "#"+jsonID(ids["P1"])+" ") || strings.Contains(r.err, "#"+jsonID(ids["P9"])+" ") {
		t.Errorf("a target or a closed posting is listed as excluded:\n%s", r.err)
	}
	if !strings.Contains(r.err, "2 postings kept, 7 excluded") || strings.Contains(r.out, "excluded") {
		t.Errorf("summary or streams wrong:\nstdout %s\nstderr %s", r.out, r.err)
	}
	// Without --verbose a terminal hears how many are hidden.
	r = runAt(t, targetNow, true, "--config", cfg, "--db", dbPath, "list")
	if !strings.Contains(r.err, "7 postings outside your targets are hidden") {
		t.Errorf("terminal note: %q", r.err)
	}

	// gaps counts the target postings only: React (P3) and Java (P5) are not asked for.
	r = runAt(t, targetNow, false, "--config", cfg, "--db", dbPath, "gaps", "--json", "--verbose")
	var gaps []struct {
		Skill    string
		Required int
	}
	if r.code != 0 || json.Unmarshal([]byte(r.out), &gaps) != nil {
		t.Fatalf("gaps: exit %d %q %s", r.code, r.out, r.err)
	}
	got := map[string]int{}
	for _, g := range gaps {
		got[g.Skill] = g.Required
	}
	if want := map[string]int{"Docker": 1, "PyTorch": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("gaps %v, want %v", got, want)
	}
	if !strings.Contains(r.err, "targets.roles") {
		t.Errorf("gaps --verbose printed no exclusions: %q", r.err)
	}
}

func jsonID(id int64) string {
	b, _ := json.Marshal(id)
	return string(b)
}

// filters, the older name, still selects; --min-score on the command line wins over it.
func TestFiltersAreTheOlderNameOfTargets(t *testing.T) {
	dir := isolate(t)
	dbPath := filepath.Join(dir, "jobs.db")
	storeSpecs(t, dbPath, targetSpecs())
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), `
profile:
  skills: [Python]
filters:
  min_score: 0.6
  exclude_title_words: [Senior]
`)
	for _, tc := range []struct {
		args []string
		want int
	}{
		{nil, 1},                          // P8 asks for Python only; P1 and P4 score 0.5
		{[]string{"--min-score", "0"}, 8}, // every open posting but the Senior one
	} {
		r := runAt(t, targetNow, false, append([]string{"--config", cfg, "--db", dbPath, "list", "--json"}, tc.args...)...)
		var got []report.PostingJSON
		if r.code != 0 || json.Unmarshal([]byte(r.out), &got) != nil {
			t.Fatalf("%v: exit %d %s", tc.args, r.code, r.err)
		}
		for _, p := range got {
			if strings.Contains(p.Title, "Senior") {
				t.Errorf("%v: the Senior posting is listed", tc.args)
			}
			if tc.args == nil && p.Score < 0.6 {
				t.Errorf("%s scores %v, below filters.min_score", p.Title, p.Score)
			}
		}
		if len(got) != tc.want {
			t.Errorf("%v: %d postings, want %d", tc.args, len(got), tc.want)
		}
	}
}

func TestTargetsConfigErrors(t *testing.T) {
	dir := isolate(t)
	for _, tc := range []struct {
		yaml string
		want []string
	}{
		{"targets:\n  employment_types: [permanent-ish]\n", []string{"line 2", "targets.employment_types", "permanent-ish"}},
		{"targets:\n  years: {min: 3, max: 1}\n", []string{"targets.years", "min 3 is more than max 1"}},
		{"targets:\n  years:\n    max: 99\n", []string{"targets.years.max", "between 0 and 60"}},
		{"targets:\n  roles:\n    - name: ML\n", []string{"targets.roles", "no title words"}},
		{"targets:\n  roles:\n    - name: ML\n      title: [ML]\n", []string{"line 4", `"title"`}},
		{"targets:\n  roles:\n    - {categories: [-3]}\n", []string{"targets.roles", "-3"}},
		{"targets:\n  min_score: 2\n", []string{"targets.min_score", "between 0 and 1"}},
		{"targets:\n  min_score: 0.5\nfilters:\n  min_score: 0.3\n", []string{"line 4", "filters.min_score", "targets.min_score"}},
		{"targets:\n  companies: [\"(주)\"]\n", []string{"targets.companies", "names no company"}},
		{"targets:\n  locaitons: [서울]\n", []string{"line 2", `"locaitons"`, "targets"}},
	} {
		cfg := writeFile(t, filepath.Join(dir, "bad.yaml"), tc.yaml)
		r := runCLI(t, false, "", "--config", cfg, "--db", filepath.Join(dir, "jobs.db"), "list")
		if r.code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", tc.yaml, r.code, r.err)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.err, w) {
				t.Errorf("%q: error %q lacks %q", tc.yaml, r.err, w)
			}
		}
	}
}

// The plan over the target postings: the answer is known, the excluded Senior posting does not
// count, and a skill with a close relative in the profile is marked partial.
func TestGapsPlanOverTargets(t *testing.T) {
	dir := isolate(t)
	dbPath := filepath.Join(dir, "jobs.db")
	seen := time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)
	ids := storeSpecs(t, dbPath, []spec{
		{id: "Q1", company: "A", title: "ML Engineer", required: []string{"Python", "Docker"}, seen: seen},
		{id: "Q2", company: "B", title: "ML Engineer", required: []string{"Docker"}, seen: seen},
		{id: "Q3", company: "C", title: "Data Engineer", required: []string{"Airflow", "Spark"}, seen: seen},
		{id: "Q4", company: "D", title: "Data Engineer", required: []string{"Spark", "Airflow"}, seen: seen},
		{id: "Q5", company: "E", title: "Python Developer", required: []string{"Python"}, seen: seen},
		{id: "Q6", company: "F", title: "Senior Engineer", required: []string{"Kafka"}, seen: seen},
		{id: "Q7", company: "G", title: "Backend Engineer", required: []string{"Spring Boot"}, seen: seen},
	})
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), "profile:\n  skills: [Python, Spring]\ntargets:\n  exclude_title_words: [Senior]\n")
	gaps := func(tty bool, more ...string) cliResult {
		return runAt(t, targetNow, tty, append([]string{"--config", cfg, "--db", dbPath, "gaps"}, more...)...)
	}
	r := gaps(false, "--plan", "4", "--json")
	var plan struct {
		Plan []struct {
			Skill                string
			Unlocks, Cumulative  int
			Partial              bool
			Relatives, Completes []string
		}
		TargetPostings int `json:"target_postings"`
	}
	if r.code != 0 || json.Unmarshal([]byte(r.out), &plan) != nil {
		t.Fatalf("gaps --plan --json: exit %d %q %s", r.code, r.out, r.err)
	}
	type step struct {
		Skill               string
		Unlocks, Cumulative int
		Partial             bool
	}
	var got []step
	for _, s := range plan.Plan {
		got = append(got, step{s.Skill, s.Unlocks, s.Cumulative, s.Partial})
	}
	// Greedy would take Spring Boot second and cover 4 after three steps; the pair
	// Airflow + Spark covers 5.
	want := []step{{"Docker", 2, 3, false}, {"Airflow", 0, 3, false}, {"Spark", 2, 5, false}, {"Spring Boot", 1, 6, true}}
	if plan.TargetPostings != 6 || !reflect.DeepEqual(got, want) {
		t.Errorf("plan over %d postings\n got %+v\nwant %+v", plan.TargetPostings, got, want)
	}
	if len(plan.Plan) == 4 {
		if !reflect.DeepEqual(plan.Plan[3].Relatives, []string{"Spring"}) {
			t.Errorf("relatives of Spring Boot: %v", plan.Plan[3].Relatives)
		}
		c := plan.Plan[0].Completes
		sort.Strings(c)
		q := []string{jsonID(ids["Q1"]), jsonID(ids["Q2"])}
		sort.Strings(q)
		if !reflect.DeepEqual(c, q) {
			t.Errorf("Docker completes %v, want Q1 and Q2 %v", c, q)
		}
	}

	r = gaps(true, "--plan", "3")
	for _, s := range []string{
		"You meet every requirement of 1 of your 6 target postings today.",
		"Learn Docker, Airflow and Spark: with them, 4 more of your 6 target postings would have every requirement met.",
		"1. Docker: 2 of your target postings require it. Learning it completes 2 postings: #",
		"2. Airflow: 2 of your target postings require it. On its own it completes none yet; it brings 2 postings closer",
	} {
		if !strings.Contains(r.out, s) {
			t.Errorf("plan text lacks %q:\n%s", s, r.out)
		}
	}
	r = gaps(true, "--plan", "4")
	if !strings.Contains(r.out, "Spring Boot (partial)") || !strings.Contains(r.out, "4. Spring Boot (partial: you know Spring, a close relative)") {
		t.Errorf("the partial skill is not marked:\n%s", r.out)
	}
}

// The count of exclusions by rule names the rule's key, whatever the posting's own text
// says: a company or title that quotes a flag or a config key is not counted under it.
func TestExclusionCountsByKey(t *testing.T) {
	cfg := config.Default()
	if err := config.Parse([]byte("targets:\n  companies: [Acme]\n  locations: [서울]\n"), cfg); err != nil {
		t.Fatal(err)
	}
	rules := cfg.TargetRules()
	var ex []target.Exclusion
	for _, p := range []*jobs.Posting{
		{ID: 1, Company: "Beta --min-score", Title: "ML"},
		{ID: 2, Company: "Acme", Title: "ML", Location: "targets.roles 부산"},
	} {
		ex = append(ex, target.Exclusion{Posting: p, Reasons: rules.Check([]*jobs.Posting{p})})
	}
	var errb bytes.Buffer
	printExclusions(&IOStreams{In: &bytes.Buffer{}, Out: &bytes.Buffer{}, ErrOut: &errb}, ex, 0)
	want := "0 postings kept, 2 excluded (targets.companies 1, targets.locations 1).\n"
	if got := errb.String(); !strings.HasSuffix(got, want) {
		t.Errorf("printed %q, want it to end %q", got, want)
	}
}
