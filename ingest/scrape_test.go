package ingest

import (
	"context"
	"errors"
	"testing"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// fakeSource saves its postings, or fails as a whole.
type fakeSource struct {
	name  string
	posts []*jobs.Posting
	err   error
}

func (s fakeSource) Name() string { return s.name }

func (s fakeSource) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	if s.err != nil {
		return jobs.SourceStats{}, s.err
	}
	st := jobs.SourceStats{Listed: len(s.posts)}
	for _, p := range s.posts {
		q := *p
		page := jobs.Page{Source: q.Source, SourceID: q.SourceID, URL: q.URL, Outcome: jobs.OutcomeKept}
		if err := sink.Save(ctx, page, &q); err != nil {
			return st, err
		}
		st.Kept++
	}
	return st, nil
}

func TestRunCountsEachSourceAndRecordsTheRun(t *testing.T) {
	ctx := context.Background()
	store := openStore(t)
	d, err := matcher.Builtin(matcher.Extension{})
	if err != nil {
		t.Fatal(err)
	}
	post := func(id, title string) *jobs.Posting {
		return &jobs.Posting{Source: "a", SourceID: id, Title: title, Company: "Acme", URL: "https://a/" + id,
			Status: jobs.StatusOpen, Sections: jobs.Sections{Requirements: "Python and Kubernetes"}}
	}
	sources := []jobs.Source{
		fakeSource{name: "a", posts: []*jobs.Posting{post("1", "ML"), post("2", "Data")}},
		fakeSource{name: "b", err: errors.New("b: robots.txt could not be read")},
	}
	scoredRuns := 0
	var done []SourceResult
	sc := Scrape{
		Sources: sources, Store: store, Analyzer: matcher.New(d),
		Scored:     func(context.Context) ([]matcher.Scored, error) { scoredRuns++; return nil, nil },
		SourceDone: func(r SourceResult) { done = append(done, r) },
	}
	out, err := Run(ctx, sc)
	if err != nil {
		t.Fatal(err)
	}
	if out.Status() != StatusPartial || out.FailedSources != 1 || len(out.Stats) != 2 || out.SnapshotErr != nil || scoredRuns != 1 {
		t.Fatalf("outcome %+v", out)
	}
	if len(done) != 2 || done[0].Counts != (Counts{New: 2}) || done[1].Err == nil {
		t.Errorf("sources done %+v", done)
	}
	if f := out.Stats[1].Failures; len(f) != 1 || f[0].Reason != "robots.txt could not be read" {
		t.Errorf("b's failures %+v", f)
	}
	p, err := store.FindBySource(ctx, "a", "1")
	if err != nil || p == nil || p.Analysis == nil || len(p.Analysis.Skills) == 0 {
		t.Errorf("a stored posting is analysed: %+v, %v", p, err)
	}
	if snap, err := store.GapSnapshot(ctx, out.RunID); err != nil || snap == nil {
		t.Errorf("the run's gaps snapshot: %+v, %v", snap, err)
	}

	// The same postings again are counted as unchanged.
	done = nil
	sc.Sources = sources[:1]
	if out, err = Run(ctx, sc); err != nil || out.Status() != StatusOK {
		t.Fatalf("second run: %+v, %v", out, err)
	}
	if len(done) != 1 || done[0].Counts != (Counts{Same: 2}) {
		t.Errorf("second run's counts %+v", done)
	}
}
