package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/db"
)

// Ctrl-C during a scrape ends it with exit 130, and the run is recorded as interrupted.
func TestScrapeInterruptedByCtrlC(t *testing.T) {
	dir := isolate(t)
	asked := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case asked <- struct{}{}:
		default:
		}
		select { // a site that never answers, until the scrape gives up
		case <-r.Context().Done():
		case <-time.After(20 * time.Second):
		}
	}))
	defer srv.Close()
	// A request in flight when the signal comes may run to scrape.timeout (colly's own
	// robots.txt request takes no context), so the timeout is short here.
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), fmt.Sprintf("sources:\n  wanted:\n    base_url: %s\nscrape:\n  delay: 0s\n  timeout: 2s\n  retries: 0\n", srv.URL))
	dbPath := filepath.Join(dir, "jobs.db")
	var out, errb bytes.Buffer
	done := make(chan int)
	go func() {
		done <- run([]string{"--config", cfg, "--db", dbPath, "scrape"}, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errb})
	}()
	select {
	case <-asked:
	case <-time.After(15 * time.Second):
		t.Fatal("the scrape never asked the site")
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	var code int
	select {
	case code = <-done:
	case <-time.After(15 * time.Second):
		code = <-done
		t.Fatalf("the scrape did not stop on SIGINT: exit %d, %q", code, errb.String())
	}
	if code != 130 || !strings.Contains(errb.String(), "scrape interrupted") {
		t.Errorf("exit %d, %q", code, errb.String())
	}
	store, err := db.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	last, err := store.LastRun(context.Background())
	if err != nil || last == nil || len(last.Sources) != 1 {
		t.Fatalf("last run %+v, %v", last, err)
	}
	if fs := last.Sources[0].Failures; len(fs) == 0 || !strings.Contains(fs[len(fs)-1].Reason, "interrupted") {
		t.Errorf("the run is not recorded as interrupted: %+v", last.Sources[0])
	}
}
