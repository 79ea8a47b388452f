// Package atomicfile writes a file beside its destination and renames it over the
// destination once complete, so that a reader, or a run killed half way, never sees half a
// file where the last good one was. Its errors name the destination and say why, without
// repeating the path.
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/jobs-cli/jobs"
)

// File is a file being written beside its destination. Commit or Abort it; Abort after
// Commit does nothing.
type File struct {
	*os.File
	path string // the destination
	done bool
}

// Create starts writing path: a temporary file in path's directory.
func Create(path string) (*File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, WithoutPath(err))
	}
	return &File{File: tmp, path: path}, nil
}

// Commit syncs the written file, makes it readable by all (0644) and puts it in place of the
// destination. On failure the written file is removed and the destination left as it was.
func (a *File) Commit() error {
	name := a.Name()
	err := a.Sync()
	if cerr := a.Close(); err == nil {
		err = cerr
	}
	if cerr := os.Chmod(name, 0o644); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, a.path)
	}
	a.done = true
	if err != nil {
		os.Remove(name)
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", a.path, WithoutPath(err))
	}
	return nil
}

// Abort removes what was written; the destination is left as it was.
func (a *File) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.Close()
	os.Remove(a.Name())
}

// WriteFile replaces path with data: a reader sees the old file or the new one, never half
// of either. The file is readable by all (0644).
func WriteFile(path string, data []byte) error {
	a, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := a.Write(data); err != nil {
		a.Abort()
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, WithoutPath(err))
	}
	return a.Commit()
}

// WithoutPath strips the *os.PathError wrapper from a failed file operation's error,
// leaving its cause ("permission denied"), for messages that name the path themselves.
// Other errors are returned as they are.
func WithoutPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
