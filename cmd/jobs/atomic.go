package main

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/jobs-cli/jobs"
)

// atomicFile is a file written beside its destination and renamed over it once complete, so
// that a reader, or a run killed half way, never leaves half a file where the last good one
// was. Commit or Abort it; Abort after Commit does nothing.
type atomicFile struct {
	*os.File
	path string // the destination
	done bool
}

// createAtomic starts writing path.
func createAtomic(path string) (*atomicFile, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, unwrapPathError(err))
	}
	return &atomicFile{File: tmp, path: path}, nil
}

// Commit syncs the written file and puts it in place of the destination.
func (a *atomicFile) Commit() error {
	name := a.Name()
	err := firstError(a.Sync(), a.Close(), os.Chmod(name, 0o644))
	if err == nil {
		err = os.Rename(name, a.path)
	}
	a.done = true
	if err != nil {
		os.Remove(name)
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", a.path, unwrapPathError(err))
	}
	return nil
}

// Abort removes what was written; the destination is left as it was.
func (a *atomicFile) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.Close()
	os.Remove(a.Name())
}

// unwrapPathError is the cause of a failed file operation without the path, which the
// message names already.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
