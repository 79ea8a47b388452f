package db

import (
	"context"
	"reflect"
	"testing"

	"github.com/jobs-cli/jobs"
)

// withGroups gives p's analysis requirement groups, as the matcher reads them.
func withGroups(p *jobs.Posting) *jobs.Posting {
	p.Analysis.Groups = []jobs.Group{
		{Section: jobs.SectionRequired, AnyOf: []string{"Python", "R"}, Span: jobs.Span{Start: 0, End: 12}},
		{Section: jobs.SectionRequired, AnyOf: []string{"PyTorch"}, Span: jobs.Span{Start: 13, End: 25}},
		{Section: jobs.SectionPreferred, AnyOf: []string{"Kubernetes", "Docker Swarm"}, Span: jobs.Span{Start: 26, End: 40}},
	}
	return p
}

// Requirement groups are stored with a posting and read back by every reader: a list, a
// single posting, every posting, and after an import and a rematch.
func TestGroupsRoundTrip(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	p := withGroups(posting("wanted", "1"))
	want := p.Analysis.Groups
	id := mustUpsert(t, d, p)

	listed, err := d.ListPostings(ctx, jobs.Filter{})
	if err != nil || len(listed) != 1 {
		t.Fatalf("list: %v, %d postings", err, len(listed))
	}
	if got := listed[0].Analysis.Groups; !reflect.DeepEqual(got, want) {
		t.Errorf("listed groups %+v, want %+v", got, want)
	}
	if got := listed[0].Analysis.Skills; len(got) != 3 {
		t.Errorf("listed skills %+v: group entries read as skills", got)
	}
	found, err := d.FindPosting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got := found.Analysis.Groups; !reflect.DeepEqual(got, want) {
		t.Errorf("found groups %+v, want %+v", got, want)
	}
	if !found.Analysis.Same(p.Analysis) {
		t.Error("the stored analysis is not the same as the one stored")
	}
	var each []jobs.Group
	if err := d.EachPosting(ctx, func(q *jobs.Posting) error { each = q.Analysis.Groups; return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(each, want) {
		t.Errorf("EachPosting groups %+v", each)
	}

	// A rematch that finds none writes the marker: read back empty, not nil.
	none := *p.Analysis
	none.Groups = []jobs.Group{}
	if err := d.UpdateAnalyses(ctx, []AnalysisUpdate{{ID: id, Analysis: &none}}); err != nil {
		t.Fatal(err)
	}
	found, _ = d.FindPosting(ctx, id)
	if g := found.Analysis.Groups; g == nil || len(g) != 0 {
		t.Errorf("groups after a rematch that found none: %#v", g)
	}
	if n, err := d.CountUngrouped(ctx); err != nil || n != 0 {
		t.Errorf("ungrouped %d (%v), want 0", n, err)
	}

	// An import stores them too.
	q := withGroups(posting("lever", "2"))
	if _, err := d.Import(ctx, []*jobs.Posting{q}); err != nil {
		t.Fatal(err)
	}
	imported, err := d.FindBySource(ctx, "lever", "2")
	if err != nil {
		t.Fatal(err)
	}
	if got := imported.Analysis.Groups; !reflect.DeepEqual(got, want) {
		t.Errorf("imported groups %+v", got)
	}
}

// A posting stored before groups were read has none (each skill is then its own requirement),
// and CountUngrouped finds it for the scrape to re-read.
func TestUngroupedPostings(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	old := posting("wanted", "1") // skills, no groups: as an older jobs stored it
	old.Analysis.Groups = nil
	mustUpsert(t, d, old)
	mustUpsert(t, d, withGroups(posting("wanted", "2")))
	if n, err := d.CountUngrouped(ctx); err != nil || n != 1 {
		t.Fatalf("ungrouped %d (%v), want 1", n, err)
	}
	listed, err := d.ListPostings(ctx, jobs.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range listed {
		if p.SourceID == "1" && p.Analysis.Groups != nil {
			t.Errorf("an ungrouped posting read with groups %+v", p.Analysis.Groups)
		}
	}
}
