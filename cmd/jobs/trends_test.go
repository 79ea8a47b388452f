package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/report"
)

// trendsFixture stores postings with known first-seen and closing dates; with the clock at
// 11-20 12:00 and six weeks, the weeks start 10-09, 10-16, 10-23, 10-30, 11-06 and 11-13 at
// 12:00. Nothing was collected before 10-25, so the first two weeks have no data.
//
//	T1 10-25 .. open      Python, Docker          weeks 2-5
//	T2 10-25 .. 11-01     Python, Java            weeks 2-3
//	T6 10-25 .. 10-27     Java                    week 2
//	T3 11-08 .. open      Docker, Kubernetes      weeks 4-5
//	T4 11-15 .. open      Docker                  week 5
//	T5 11-15 .. open      Docker, Kafka           "Senior": not a target
func trendsFixture(t *testing.T) (cfg, dbPath string, now time.Time) {
	dir := isolate(t)
	dbPath = filepath.Join(dir, "jobs.db")
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 6, 0, 0, 0, time.UTC) }
	closed := func(m time.Month, d int) *time.Time { c := day(m, d); return &c }
	storeSpecs(t, dbPath, []spec{
		{id: "T1", company: "A", title: "ML Engineer", required: []string{"Python", "Docker"}, seen: day(10, 25)},
		{id: "T2", company: "B", title: "Backend", required: []string{"Java"}, preferred: []string{"Python"}, seen: day(10, 25), closed: closed(11, 1)},
		{id: "T6", company: "C", title: "Backend", required: []string{"Java"}, seen: day(10, 25), closed: closed(10, 27)},
		{id: "T3", company: "D", title: "MLOps", required: []string{"Docker", "Kubernetes"}, seen: day(11, 8)},
		{id: "T4", company: "E", title: "ML Engineer", required: []string{"Docker"}, seen: day(11, 15)},
		{id: "T5", company: "F", title: "Senior ML Engineer", required: []string{"Docker", "Kafka"}, seen: day(11, 15)},
	})
	cfg = writeFile(t, filepath.Join(dir, "c.yaml"), "profile:\n  skills: [Python]\ntargets:\n  exclude_title_words: [Senior]\n")
	return cfg, dbPath, time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
}

func TestTrendsCountsTargetPostingsPerWeek(t *testing.T) {
	cfg, dbPath, now := trendsFixture(t)
	r := runAt(t, now, false, "--config", cfg, "--db", dbPath, "trends", "--weeks", "6", "--json")
	if r.code != 0 {
		t.Fatalf("trends: exit %d: %s", r.code, r.err)
	}
	var got report.TrendsJSON
	if err := json.Unmarshal([]byte(r.out), &got); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, r.out)
	}
	var totals []int
	var collected []bool
	for _, w := range got.Weeks {
		totals = append(totals, w.Postings)
		collected = append(collected, w.Collected)
	}
	if want := []int{0, 0, 3, 2, 2, 3}; !reflect.DeepEqual(totals, want) {
		t.Errorf("postings per week %v, want %v", totals, want)
	}
	if want := []bool{false, false, true, true, true, true}; !reflect.DeepEqual(collected, want) {
		t.Errorf("collected %v, want %v", collected, want)
	}
	if got.Weeks[0].Start != "2026-10-09T12:00:00Z" || got.Weeks[5].End != "2026-11-20T12:00:00Z" {
		t.Errorf("window %s .. %s", got.Weeks[0].Start, got.Weeks[5].End)
	}
	want := []report.SkillTrendJSON{
		{Skill: "Docker", Counts: []int{0, 0, 1, 1, 2, 3}, Required: []int{0, 0, 1, 1, 2, 3}, Now: 3, Change: 2},
		{Skill: "Kubernetes", Counts: []int{0, 0, 0, 0, 1, 1}, Required: []int{0, 0, 0, 0, 1, 1}, Now: 1, Change: 1},
		{Skill: "Python", Counts: []int{0, 0, 2, 2, 1, 1}, Required: []int{0, 0, 1, 1, 1, 1}, Now: 1, Change: -1, Have: true},
		{Skill: "Java", Counts: []int{0, 0, 2, 1, 0, 0}, Required: []int{0, 0, 2, 1, 0, 0}, Now: 0, Change: -2},
	}
	if !reflect.DeepEqual(got.Skills, want) {
		t.Errorf("skills\n got %+v\nwant %+v", got.Skills, want)
	}
	if !reflect.DeepEqual(got.Rising, []string{"Docker", "Kubernetes"}) || !reflect.DeepEqual(got.Falling, []string{"Java", "Python"}) {
		t.Errorf("rising %v, falling %v", got.Rising, got.Falling)
	}
	if got.TargetPostings != 3 || got.CollectedSince == nil || *got.CollectedSince != "2026-10-25T06:00:00Z" {
		t.Errorf("target postings %d, collected since %v", got.TargetPostings, got.CollectedSince)
	}

	// --skill takes any spelling and keeps the skills named, in order, asked for or not.
	r = runAt(t, now, false, "--config", cfg, "--db", dbPath, "trends", "--weeks", "6", "--skill", "k8s,도커", "--skill", "Terraform")
	if want := "Kubernetes\t1\t+1\t0,0,0,0,1,1\tfalse\nDocker\t3\t+2\t0,0,1,1,2,3\tfalse\nTerraform\t0\t0\t0,0,0,0,0,0\tfalse\n"; r.code != 0 || r.out != want {
		t.Errorf("piped --skill: exit %d\n%q\nwant\n%q\n%s", r.code, r.out, want, r.err)
	}

	// On a terminal: a sparkline per skill, the weeks without data as ·, and the movers.
	r = runAt(t, now, true, "--config", cfg, "--db", dbPath, "trends", "--weeks", "6")
	for _, s := range []string{
		"Skills your target postings asked for, week by week: 6 weeks from 2026-10-09 to 2026-11-20.",
		"··▃▃▆█", "··██▅▅", "··█▅▁▁", "Python ✓", "(all target postings)",
		"jobs has collected postings since 2026-10-25",
		"Rising: Docker (+2, now 3), Kubernetes (+1, now 1).",
		"Falling: Java (-2, now 0), Python (-1, now 1).",
	} {
		if !strings.Contains(r.out, s) {
			t.Errorf("terminal output lacks %q:\n%s", s, r.out)
		}
	}
	if strings.Contains(r.out, "Kafka") {
		t.Errorf("a skill of an excluded posting is counted:\n%s", r.out)
	}
}

func TestTrendsWithoutTargetsAndErrors(t *testing.T) {
	cfg, dbPath, now := trendsFixture(t)
	plain := writeFile(t, filepath.Join(filepath.Dir(cfg), "plain.yaml"), "profile:\n  skills: [Python]\n")
	r := runAt(t, now, false, "--config", plain, "--db", dbPath, "trends", "--weeks", "2", "--json")
	var got report.TrendsJSON
	if r.code != 0 || json.Unmarshal([]byte(r.out), &got) != nil {
		t.Fatalf("trends: exit %d %q %s", r.code, r.out, r.err)
	}
	counts := map[string][]int{}
	for _, s := range got.Skills {
		counts[s.Skill] = s.Counts
	}
	if !reflect.DeepEqual(counts["Kafka"], []int{0, 1}) || !reflect.DeepEqual(counts["Docker"], []int{2, 4}) {
		t.Errorf("without targets every posting counts: %v", counts)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--weeks", "1"}, "--weeks must be between 2 and 104"},
		{[]string{"--weeks", "500"}, "--weeks must be between 2 and 104"},
		{[]string{"--top", "0"}, "--top must be 1 or more"},
		{[]string{"extra"}, "takes at most"},
	} {
		r := runAt(t, now, false, append([]string{"--config", plain, "--db", dbPath, "trends"}, tc.args...)...)
		if r.code != 2 || !strings.Contains(r.err, tc.want) {
			t.Errorf("%v: exit %d %q, want 2 and %q", tc.args, r.code, r.err, tc.want)
		}
	}
}
