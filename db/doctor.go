package db

import (
	"context"
	"errors"
	"os"

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
