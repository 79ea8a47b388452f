package report

import (
	"testing"

	"github.com/jobs-cli/jobs/matcher"
)

func TestPlanSummary(t *testing.T) {
	p := &Plan{Postings: 40, Start: 2, words: PlanWords{Noun: "target postings"},
		Steps: []matcher.PlanStep{{Step: matcher.Step{Skill: "Docker", Cumulative: 10}}, {Step: matcher.Step{Skill: "Airflow", Cumulative: 16}}}}
	if got, want := p.Summary(), "Learn Docker and Airflow: with them, 14 more of your 40 target postings would have every requirement met."; got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
	p.Steps = p.Steps[:1]
	p.Steps[0].Cumulative = 2
	if got, want := p.Summary(), "Learn Docker: no more of your 40 target postings would be fully covered yet, but each step below brings some closer."; got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
}

func TestJoinAnd(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{{nil, ""}, {[]string{"a"}, "a"}, {[]string{"a", "b"}, "a and b"}, {[]string{"a", "b", "c"}, "a, b and c"}} {
		if got := joinAnd(tc.in); got != tc.want {
			t.Errorf("joinAnd(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
