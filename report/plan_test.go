package report

import (
	"testing"

	"github.com/jobs-cli/jobs"
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

// The gaps report of no postings still writes a JSON array and says nothing to learn; with
// postings, its sentences count them and name the top gap.
func TestGaps(t *testing.T) {
	empty := NewGaps(nil)
	if empty.Skills == nil || empty.NextSkill("open postings") != "" || len(empty.Top(5)) != 0 {
		t.Errorf("no postings: %+v", empty)
	}
	items := []matcher.Scored{
		{Posting: &jobs.Posting{ID: 1, Company: "주식회사 카카오", Title: "ML Engineer"},
			Match: jobs.Match{Missing: []string{"PyTorch"}, MissingGroups: [][]string{{"PyTorch"}}}},
		{Posting: &jobs.Posting{ID: 2, Company: "Acme", Title: "Data Scientist"}, Match: jobs.Match{}},
	}
	g := NewGaps(items)
	if got := g.Opening("open postings"); got != "Of your 2 open postings, you meet every requirement of 1." {
		t.Errorf("opening: %q", got)
	}
	if len(g.Skills) != 1 || g.Skills[0].Skill != "PyTorch" || g.Skills[0].Unlocks != 1 {
		t.Fatalf("gaps: %+v", g.Skills)
	}
	if got := g.NextSkill("open postings"); got != "Learn PyTorch next: with it, 1 more of your 2 open postings would have every requirement met." {
		t.Errorf("next: %q", got)
	}
	if got := g.Examples(g.Skills[0]); len(got) != 1 || got[0] != "#1 카카오 ML Engineer" {
		t.Errorf("examples: %q", got)
	}
}
