package db

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestRunsRoundTrip(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))

	if r, err := d.LastRun(ctx); err != nil || r != nil {
		t.Fatalf("LastRun on a new store = %+v, %v; want nil", r, err)
	}
	if rs, err := d.Runs(ctx, 5); err != nil || len(rs) != 0 {
		t.Fatalf("Runs on a new store = %+v, %v", rs, err)
	}

	start1 := clk.Now()
	id1, err := d.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	end1 := clk.Advance(10 * time.Minute)
	stats1 := []jobs.SourceStats{
		{Source: "wanted", Listed: 120, Fetched: 30, Parsed: 28, Kept: 20, Failed: 2, Closed: 3, Queued: 5,
			Failures: []jobs.Failure{
				{Source: "wanted", URL: "https://www.wanted.co.kr/wd/1", Status: 500, Reason: "server error"},
				{Source: "wanted", URL: "https://www.wanted.co.kr/wd/2", Reason: "no posting data in the page"},
			}},
		{Source: "greenhouse", Listed: 4, Fetched: 1, Parsed: 4, Kept: 4},
	}
	if err := d.FinishRun(ctx, id1, stats1); err != nil {
		t.Fatal(err)
	}

	start2 := clk.Advance(24 * time.Hour)
	id2, err := d.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if id2 <= id1 {
		t.Fatalf("run ids %d then %d", id1, id2)
	}

	want := []jobs.Run{
		{ID: id2, Started: start2}, // not finished
		{ID: id1, Started: start1, Ended: &end1, Sources: stats1},
	}
	got, err := d.Runs(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Runs =\n%+v\nwant\n%+v", got, want)
	}
	if got, err := d.Runs(ctx, 0); err != nil || len(got) != 2 {
		t.Errorf("Runs(0) = %d runs, %v; want all 2", len(got), err)
	}
	got, err = d.Runs(ctx, 1)
	if err != nil || !reflect.DeepEqual(got, want[:1]) {
		t.Errorf("Runs(1) = %+v, %v", got, err)
	}
	last, err := d.LastRun(ctx)
	if err != nil || last == nil || !reflect.DeepEqual(*last, want[0]) {
		t.Errorf("LastRun = %+v, %v", last, err)
	}

	// Finishing again replaces the counts and failures.
	end2 := clk.Advance(time.Minute)
	stats2 := []jobs.SourceStats{{Source: "lever", Listed: 1, Failed: 1,
		Failures: []jobs.Failure{{Source: "lever", URL: "https://api.lever.co/v0/postings/x", Status: 404, Reason: "not found"}}}}
	if err := d.FinishRun(ctx, id2, []jobs.SourceStats{{Source: "lever", Listed: 9}}); err != nil {
		t.Fatal(err)
	}
	if err := d.FinishRun(ctx, id2, stats2); err != nil {
		t.Fatal(err)
	}
	last, err = d.LastRun(ctx)
	if err != nil || !reflect.DeepEqual(*last, jobs.Run{ID: id2, Started: start2, Ended: &end2, Sources: stats2}) {
		t.Errorf("LastRun after finishing twice = %+v, %v", last, err)
	}
}

func TestFinishRunRejects(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	id, err := d.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		id    int64
		stats []jobs.SourceStats
		want  jobs.Kind
	}{
		{"unknown run", id + 1, nil, jobs.KindNotFound},
		{"source twice", id, []jobs.SourceStats{{Source: "wanted"}, {Source: "wanted"}}, jobs.KindInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := d.FinishRun(ctx, tt.id, tt.stats); jobs.KindOf(err) != tt.want {
				t.Errorf("FinishRun = %v, want kind %v", err, tt.want)
			}
		})
	}
	if r, err := d.LastRun(ctx); err != nil || r.Ended != nil || len(r.Sources) != 0 {
		t.Errorf("a refused FinishRun changed the run: %+v %v", r, err)
	}
}
