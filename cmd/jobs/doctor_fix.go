package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// doctor's advice must fit the trouble: a permissions problem is fixed with chmod, never by
// moving the database aside, and no step that loses tracked applications is advised without
// saying so and how to keep them.

// dbTrouble is what kept a database from opening.
type dbTrouble int

const (
	troubleOther dbTrouble = iota
	troublePermission
	troubleCorrupt
	troubleNewer
	troubleBusy
)

// classifyOpen reads an error of db.Open (whose messages this project writes).
func classifyOpen(err error) dbTrouble {
	msg := err.Error()
	switch {
	case errors.Is(err, fs.ErrPermission), strings.Contains(msg, "permission denied"), strings.Contains(msg, "readonly"),
		strings.Contains(msg, "read-only"):
		return troublePermission
	case strings.Contains(msg, "newer than this jobs knows"):
		return troubleNewer
	case strings.Contains(msg, "not a SQLite database"), strings.Contains(msg, "corrupt"), strings.Contains(msg, "malformed"):
		return troubleCorrupt
	case strings.Contains(msg, "busy"), strings.Contains(msg, "locked"):
		return troubleBusy
	}
	return troubleOther
}

// keepApplications says how to keep tracked applications before a step that would lose them.
func keepApplications(path string) string {
	return fmt.Sprintf("your tracked applications ('jobs board') live in this file: if it still opens, keep them first with\n"+
		"    jobs --db %s export > jobs-backup.jsonl\n"+
		"  and read them back into the new database with 'jobs import jobs-backup.jsonl' after the first scrape", path)
}

// openFix is what to do when the database cannot be opened.
func openFix(path string, err error) string {
	dir := filepath.Dir(path)
	switch classifyOpen(err) {
	case troublePermission:
		return fmt.Sprintf("you may not read or write the database or its folder (SQLite writes %s-wal and %s-shm beside it).\n"+
			"  Fix the permissions, nothing needs deleting: ls -l %s; chmod u+rw %s; chmod u+rwx %s\n"+
			"  (or chown them to you if another user, such as root, made them)", path, path, dir, path, dir)
	case troubleNewer:
		return "this database was written by a newer jobs: install that version (git pull, then go install ./cmd/jobs).\n" +
			"  Do not delete or replace the file: it holds your postings and tracked applications."
	case troubleBusy:
		return "another program holds the database (a scrape still running?): wait for it, then run 'jobs doctor' again"
	case troubleCorrupt:
		return fmt.Sprintf("the file is damaged. Keep a copy (cp %s %s.broken), then try to recover it:\n"+
			"    sqlite3 %s.broken .recover | sqlite3 %s.recovered && mv %s.recovered %s\n"+
			"  Moving it aside and running 'jobs scrape' starts afresh, and loses the tracked applications it holds\n"+
			"  unless you have an earlier 'jobs export' to import", path, path, path, path, path, path)
	}
	return fmt.Sprintf("check that %s is a jobs database you may read and write (ls -l %s); if another program holds it, retry later", path, path)
}

// writeProblem says why the database, opened, could not be written; "" when it can. SQLite
// needs to write the file and to create its -wal and -shm files in the folder.
func writeProblem(path string) string {
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

// writeFix is what to do about a database that cannot be written.
func writeFix(path, problem string) string {
	return fmt.Sprintf("%s. Fix the permissions, nothing needs deleting:\n"+
		"    chmod u+rw %s*; chmod u+rwx %s   (or chown them to you if another user made them)", problem, path, filepath.Dir(path))
}
