// Package runlock keeps two scrapes of one database from running at once: the second waits,
// then gives up naming the first. The lock is an advisory lock on the database's file with
// ".lock" added, which the kernel releases when the holder dies, even by kill -9; the file
// itself holds the holder's pid and start time for the message.
package runlock

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/atomicfile"
)

// Lock is a held run lock; Release lets the next scrape in.
type Lock struct {
	path string
	file *os.File
}

// Acquire takes the lock of the database at dbPath, waiting up to wait (as now tells time).
// The lock belongs to the file, not to the name it was reached by: a symbolic link or a path
// through ".." to the same database takes the same lock. A lock still held after wait is a
// conflict whose message names the holder's pid and start.
func Acquire(dbPath string, wait time.Duration, now func() time.Time) (*Lock, error) {
	path := resolveFile(dbPath) + ".lock"
	fh, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, jobs.Errorf(jobs.KindUnavailable, "cannot open the lock file %s: %v", path, atomicfile.WithoutPath(err))
	}
	deadline := now().Add(wait)
	for {
		ok, err := tryLock(fh)
		if err != nil {
			fh.Close()
			return nil, jobs.Errorf(jobs.KindUnavailable, "cannot lock %s: %v", path, err)
		}
		if ok {
			break
		}
		if !now().Before(deadline) {
			holder := readHolder(path)
			fh.Close()
			return nil, jobs.Errorf(jobs.KindConflict, "another jobs scrape is running on %s (%s); gave up after waiting %s (scrape.lock_wait)",
				dbPath, holder, wait)
		}
		time.Sleep(min(250*time.Millisecond, max(time.Millisecond, deadline.Sub(now()))))
	}
	if err := fh.Truncate(0); err == nil {
		fmt.Fprintf(fh, "%d %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))
		fh.Sync()
	}
	return &Lock{path: path, file: fh}, nil
}

// resolveFile is the file path names: absolute, cleaned, with every symbolic link followed
// (of the directory only, when the file does not exist yet). Anything unresolvable is
// left as given.
func resolveFile(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// Release lets the next scrape in.
func (l *Lock) Release() {
	if l == nil || l.file == nil {
		return
	}
	l.file.Truncate(0)
	unlock(l.file)
	l.file.Close()
	l.file = nil
}

// readHolder describes the process named in a lock file: "pid 1234, running since 03:15".
func readHolder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "its process is unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 1 {
		return "its process is unknown"
	}
	if _, err := strconv.Atoi(f[0]); err != nil {
		return "its process is unknown"
	}
	desc := "pid " + f[0]
	if len(f) > 1 {
		if t, err := time.Parse(time.RFC3339, f[1]); err == nil {
			desc += ", running since " + t.Local().Format("2006-01-02 15:04")
		}
	}
	return desc
}
