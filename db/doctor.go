package db

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/jobs-cli/jobs"
)

// Health is what `jobs doctor` reports of a database.
type Health struct {
	Path          string
	Integrity     []string // "ok", or what SQLite's integrity check found
	SchemaVersion int      // the version the file is at
	LatestVersion int      // the version this build migrates to
	SizeBytes     int64    // the database file
	WALBytes      int64    // its write-ahead log
	Open, Closed  int      // postings
	Runs          []jobs.Run
}

// Check runs SQLite's integrity check and gathers the rest of Health, with the last n runs.
func (d *DB) Check(ctx context.Context, n int) (*Health, error) {
	h := &Health{Path: d.path}
	rows, err := d.read.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return nil, d.wrap(err, "cannot check %s", d.path)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return nil, d.wrap(err, "cannot check %s", d.path)
		}
		h.Integrity = append(h.Integrity, line)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot check %s", d.path)
	}
	if h.SchemaVersion, err = d.SchemaVersion(ctx); err != nil {
		return nil, err
	}
	ms, err := loadMigrations(migrationFS)
	if err != nil {
		return nil, jobs.Errorf(jobs.KindInternal, "database migrations: %w", err)
	}
	h.LatestVersion = len(ms)
	if fi, err := os.Stat(d.path); err == nil {
		h.SizeBytes = fi.Size()
	}
	if fi, err := os.Stat(d.path + "-wal"); err == nil {
		h.WALBytes = fi.Size()
	}
	if h.Open, h.Closed, err = d.Counts(ctx); err != nil {
		return nil, err
	}
	if h.Runs, err = d.Runs(ctx, n); err != nil {
		return nil, err
	}
	return h, nil
}

// Healthy reports whether the integrity check passed.
func (h *Health) Healthy() bool { return len(h.Integrity) == 1 && h.Integrity[0] == "ok" }

// IsCorrupt reports whether err says the database file is damaged: corrupt pages, or not a
// database at all.
func IsCorrupt(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return true
	}
	return false
}

// WriteProblem says why the database at path could not be written, "" when it can: SQLite
// needs to write the file and its -wal and -shm files, and to create them in the folder
// (which it probes with a file it removes at once).
func WriteProblem(path string) string {
	fh, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Sprintf("%s is read-only for you: 'jobs track' and 'jobs scrape' would fail", path)
		}
		return ""
	}
	fh.Close()
	for _, side := range []string{path + "-wal", path + "-shm"} {
		if fh, err := os.OpenFile(side, os.O_RDWR, 0); err == nil {
			fh.Close()
		} else if errors.Is(err, fs.ErrPermission) {
			return fmt.Sprintf("%s is read-only for you: 'jobs track' and 'jobs scrape' would fail", side)
		}
	}
	probe, err := os.CreateTemp(filepath.Dir(path), ".jobs-doctor-*")
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Sprintf("the folder %s is read-only for you: SQLite cannot create its journal there", filepath.Dir(path))
		}
		return ""
	}
	probe.Close()
	os.Remove(probe.Name())
	return ""
}
