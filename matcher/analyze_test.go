package matcher

import (
	"reflect"
	"testing"

	"github.com/jobs-cli/jobs"
)

// AnalyzePosting leaves out the lines and the evidence; what it keeps is what Analyze reads
// (the structured career fields aside).
func TestAnalyzePostingIsAnalyze(t *testing.T) {
	a := builtinAnalyzer(t)
	posts := synthPostings(t)
	posts = append(posts, &jobs.Posting{Title: "Senior Java Engineer", Sections: jobs.Sections{
		Requirements: "Role: DevOps Engineer\n- Java Developer, QA/Test Developer\n- 3+ years"}})
	for _, p := range posts {
		q := *p
		q.Career = nil
		p := &q
		want := a.Analyze(Compose(p)).Analysis
		for i := range want.Skills {
			want.Skills[i].Evidence = nil
		}
		if got := a.AnalyzePosting(p); !reflect.DeepEqual(*got, want) {
			t.Fatalf("%s:\n got %+v\nwant %+v", p.Title, *got, want)
		}
	}
}
