package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/replay"
)

// Killing scrape with SIGKILL at any moment, twenty times over, leaves a database that passes
// SQLite's integrity check, and the next run completes the queue without duplicates.
func TestKillNineLoopLeavesASoundDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("starts 21 processes")
	}
	dir := isolate(t)
	posts, err := replay.Load()
	if err != nil {
		t.Fatal(err)
	}
	site := replay.Handler(posts, replay.Options{})
	// Each page takes a little while, so kills land mid-run: between fetch and store.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(15 * time.Millisecond)
		site.ServeHTTP(w, r)
	}))
	defer srv.Close()
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), fmt.Sprintf(
		"sources:\n  wanted:\n    base_url: %s\n    categories: []\nscrape:\n  delay: 0s\n  parallelism: 2\n  lock_wait: 5s\n", srv.URL))
	dbPath := filepath.Join(dir, "jobs.db")
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	scrape := func() *exec.Cmd {
		c := exec.Command(self, "--config", cfg, "--db", dbPath, "scrape", "--limit", "3")
		c.Env = append(os.Environ(), "JOBS_TEST_AS_MAIN=1")
		return c
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		c := scrape()
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.IntN(120)) * time.Millisecond)
		c.Process.Signal(syscall.SIGKILL)
		c.Wait()
	}
	// Then a run to the end, and one more that finds nothing left: every posting once.
	for i := 0; i < 2; i++ {
		c := exec.Command(self, "--config", cfg, "--db", dbPath, "scrape")
		c.Env = append(os.Environ(), "JOBS_TEST_AS_MAIN=1")
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("a full run after the kills failed: %v\n%s", err, out)
		}
	}
	ctx := context.Background()
	store, err := db.Open(ctx, dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	h, err := store.Check(ctx, 50)
	if err != nil {
		t.Fatal(err)
	}
	if !h.Healthy() {
		t.Errorf("integrity check: %v", h.Integrity)
	}
	open := 0
	for _, p := range posts {
		if p.Open() {
			open++
		}
	}
	if h.Open != open || h.Closed != 0 {
		t.Errorf("%d open and %d closed postings, want %d open: duplicates or losses", h.Open, h.Closed, open)
	}
}
