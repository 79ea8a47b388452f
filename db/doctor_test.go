package db

import (
	"context"
	"os"
	"path/filepath"
	"strings"
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

func TestWriteProblem(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "jobs.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := WriteProblem(path); got != "" {
		t.Errorf("a writable database: %q", got)
	}
	if got := WriteProblem(filepath.Join(dir, "none.db")); got != "" {
		t.Errorf("a missing database: %q", got)
	}
	if os.Geteuid() == 0 {
		t.Skip("running as root, who may write any file")
	}
	os.Chmod(path, 0o444)
	if got := WriteProblem(path); !strings.Contains(got, "jobs.db is read-only for you") {
		t.Errorf("a read-only database: %q", got)
	}
	os.Chmod(path, 0o644)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if got := WriteProblem(path); !strings.Contains(got, "the folder "+dir+" is read-only") {
		t.Errorf("a read-only folder: %q", got)
	}
}
