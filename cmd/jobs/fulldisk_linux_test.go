//go:build linux

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/config"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/ingest"
)

// diskFillingSource stores one posting, then the disk fills (a file size limit on this
// process: writes past the files' ends fail), and it tries a second.
type diskFillingSource struct {
	t       *testing.T
	db      string
	stopped bool // the source's context ended after the failed write
}

func (s *diskFillingSource) Name() string { return "first" }

func (s *diskFillingSource) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	st := jobs.SourceStats{Source: s.Name()}
	save := func(id string) error {
		p := &jobs.Posting{Source: s.Name(), SourceID: id, Company: "Acme", Title: "Engineer " + id,
			URL: "https://example.com/" + id, Sections: jobs.Sections{Requirements: "Go"}}
		return sink.Save(ctx, jobs.Page{Source: s.Name(), SourceID: id, URL: p.URL, FetchedAt: time.Now(), Outcome: jobs.OutcomeKept}, p)
	}
	if err := save("1"); err != nil {
		s.t.Errorf("the first save: %v", err)
		return st, err
	}
	st.Fetched, st.Parsed, st.Kept = 1, 1, 1
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		s.t.Skipf("no file size limit here: %v", err)
	}
	// Writes go to the log, which grows; the database file changes only when the log is
	// copied into it.
	fi, err := os.Stat(s.db + "-wal")
	if err != nil {
		s.t.Skipf("no write-ahead log: %v", err)
	}
	size := fi.Size()
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: uint64(size), Max: old.Max}); err != nil {
		s.t.Skipf("cannot set a file size limit: %v", err)
	}
	err = save("2")
	syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old)
	if err == nil {
		s.t.Skip("the file size limit did not make the write fail")
	}
	st.Fetched, st.Failed = 2, 1
	st.Failures = append(st.Failures, jobs.Failure{Source: s.Name(), URL: "https://example.com/2", Reason: "could not store: " + err.Error()})
	s.stopped = ctx.Err() != nil
	return st, ctx.Err()
}

// neverSource fails the test if it runs.
type neverSource struct{ t *testing.T }

func (s neverSource) Name() string { return "second" }
func (s neverSource) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	s.t.Errorf("a source ran after the store could not be written")
	return jobs.SourceStats{}, nil
}

// TestFullDiskStopsTheRun: the first posting that cannot be stored stops its source and the
// run; the sources after it are named as not run, and what was stored stays.
func TestFullDiskStopsTheRun(t *testing.T) {
	dir := isolate(t)
	path := filepath.Join(dir, "jobs.db")
	if r := runCLI(t, false, "", "--db", path, "init"); r.code != 0 {
		t.Fatalf("init: %s", r.err)
	}
	first := &diskFillingSource{t: t, db: path}
	var out, errb bytes.Buffer
	io := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errb}
	f := newFactory(io)
	f.Sources = func(*config.Config, ingest.SourceOptions) ([]jobs.Source, error) {
		return []jobs.Source{first, neverSource{t}}, nil
	}
	root := newRootCmd(f)
	root.SetArgs([]string{"--db", path, "scrape"})
	root.SetOut(&out)
	root.SetErr(&errb)
	err := root.ExecuteContext(context.Background())
	f.closeStore()
	code := exitCode(err, io)
	if !first.stopped {
		t.Errorf("the source went on after the failed write")
	}
	if code != 3 {
		t.Errorf("exit %d, want 3", code)
	}
	for _, want := range []string{"first: partial", "the database cannot be written", "stopped fetching", "second: not run"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("the report lacks %q:\n%s", want, errb.String())
		}
	}
	var ee *exitError
	if err != nil && !errors.As(err, &ee) {
		t.Errorf("error %v", err)
	}
	r := runCLI(t, false, "", "--db", path, "list", "--all", "--json")
	if r.code != 0 || !strings.Contains(r.out, `"source_id":"1"`) || strings.Contains(r.out, `"source_id":"2"`) {
		t.Errorf("stored after the run: exit %d %s %s", r.code, r.out, r.err)
	}
}
