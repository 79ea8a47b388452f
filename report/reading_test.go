package report

import (
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// A pasted posting is read into groups of alternatives and scored against the profile;
// its JSON writes every list, empty or not.
func TestReadText(t *testing.T) {
	d, err := matcher.Builtin(matcher.Extension{})
	if err != nil {
		t.Fatal(err)
	}
	prof, _ := d.PrepareProfile(jobs.Profile{Skills: []string{"R"}, Major: "통계학"})
	r := ReadText(matcher.New(d), prof, "자격요건\n- Python 또는 R 경험\n- Docker 사용 경험\n")
	js := r.AnalysisJSON()
	if len(js.Requirements) != 2 || len(js.Requirements[0].AnyOf) != 2 {
		t.Fatalf("requirements: %+v", js.Requirements)
	}
	if len(js.MissingGroups) != 1 || js.MissingGroups[0][0] != "Docker" {
		t.Errorf("missing groups: %v (the R of \"Python 또는 R\" meets its group)", js.MissingGroups)
	}
	if js.Majors == nil || js.Matched == nil || js.MissingPreferred == nil {
		t.Errorf("a list is null: %+v", js)
	}
	if got := r.GroupsByLine(); len(got) != 2 {
		t.Errorf("groups by line: %v", got)
	}
}

func TestPostingStatus(t *testing.T) {
	now := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	past, future := now.AddDate(0, 0, -3), now.AddDate(0, 0, 10)
	for _, c := range []struct {
		p    jobs.Posting
		want string
	}{
		{jobs.Posting{Status: jobs.StatusOpen, Due: &past}, "closed: deadline 2026-12-03 passed"},
		{jobs.Posting{Status: jobs.StatusOpen, Due: &future}, "open, due 2026-12-16"},
		{jobs.Posting{Status: jobs.StatusOpen}, "open, rolling (상시)"},
		{jobs.Posting{Status: jobs.StatusClosed}, "closed"},
	} {
		if got := PostingStatus(&c.p, now); got != c.want {
			t.Errorf("%+v: %q, want %q", c.p, got, c.want)
		}
	}
}
