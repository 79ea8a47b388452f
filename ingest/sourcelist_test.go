package ingest

import (
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
)

func TestListSourcesWithoutASourcesSectionReadsWantedByDefault(t *testing.T) {
	list, err := ListSources(config.Default(), map[string]string{"wanted": "last line"})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Sources) != len(sourceKinds) || len(list.Companies) == 0 {
		t.Fatalf("%d sources and %d companies", len(list.Sources), len(list.Companies))
	}
	w := list.Sources[0]
	if w.Kind != "wanted" || w.State() != "on" || w.Why != "default" || w.What() != "518" || w.LastRun != "last line" {
		t.Errorf("wanted row %+v", w)
	}
	if g := list.Sources[1]; g.State() != "off" || g.IDs == nil {
		t.Errorf("greenhouse row %+v: want off, with an empty list of ids", g)
	}
}

func TestLastRunsTakesTheNewestRunOfEachSource(t *testing.T) {
	newer, older := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	got := LastRuns([]jobs.Run{
		{Started: newer, Sources: []jobs.SourceStats{{Source: "wanted", Listed: 2}}},
		{Started: older, Sources: []jobs.SourceStats{{Source: "wanted", Listed: 1}, {Source: "lever", Listed: 3}}},
	})
	if got["wanted"].Started != newer || got["wanted"].Stats.Listed != 2 || got["lever"].Started != older {
		t.Errorf("LastRuns = %+v", got)
	}
}
