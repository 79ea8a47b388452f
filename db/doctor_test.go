package db

import (
	"context"
	"testing"

	"github.com/jobs-cli/jobs"
)

func TestCheckReportsAHealthyDatabase(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	mustUpsert(t, d, posting("wanted", "1"))
	id, err := d.StartRun(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.FinishRun(ctx, id, []jobs.SourceStats{{Source: "wanted", Listed: 3, Failed: 1,
		Failures: []jobs.Failure{{Source: "wanted", URL: "https://x/wd/2", Reason: "HTTP 500 after 3 retries"}}}}); err != nil {
		t.Fatal(err)
	}
	h, err := d.Check(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !h.Healthy() || h.SchemaVersion != h.LatestVersion || h.LatestVersion < 3 || h.Open != 1 || h.SizeBytes == 0 {
		t.Errorf("health %+v", h)
	}
	if len(h.Runs) != 1 || len(h.Runs[0].Sources) != 1 || len(h.Runs[0].Sources[0].Failures) != 1 {
		t.Errorf("runs %+v", h.Runs)
	}
}
