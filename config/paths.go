package config

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/atomicfile"
)

// Path resolves which file to read: the flag, else $JOBS_CONFIG, else
// $XDG_CONFIG_HOME/jobs/config.yaml. It returns "" when none exists and none was named. A
// config.yaml in the working directory is never read by itself: inside a clone of this
// repository that would be the documented example, not the user's file.
func Path(flag string) (string, error) {
	if flag != "" {
		return ExpandHome(flag), nil
	}
	if env := os.Getenv("JOBS_CONFIG"); env != "" {
		return ExpandHome(env), nil
	}
	p := DefaultFile()
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	return "", nil
}

// ExpandHome writes a path given as ~/... under the home directory.
func ExpandHome(p string) string {
	if strings.HasPrefix(p, "~/") {
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, p[2:])
		}
	}
	return p
}

// Tilde writes a path under the home directory as ~/..., as people type it: the reverse of
// ExpandHome. Other paths, and any path when the home directory is unknown or "/", are
// returned as they are.
func Tilde(path string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || home == "/" {
		return path
	}
	if rest, ok := strings.CutPrefix(path, home+string(os.PathSeparator)); ok {
		return "~/" + rest
	}
	return path
}

// Target is the file the flag, else $JOBS_CONFIG, else the XDG default names, whether or not
// it exists: where jobs init writes the example.
func Target(flag string) string {
	return cmp.Or(ExpandHome(flag), ExpandHome(os.Getenv("JOBS_CONFIG")), DefaultFile())
}

// Origin says in a few words which config Path(flag) picks: the file and what chose it, or
// the built-in defaults.
func Origin(flag string) string {
	path, err := Path(flag)
	switch {
	case err != nil:
		return err.Error()
	case path == "":
		return fmt.Sprintf("none: built-in defaults (jobs init writes %s)", DefaultFile())
	case flag != "":
		return path + " (--config)"
	case os.Getenv("JOBS_CONFIG") != "":
		return path + " ($JOBS_CONFIG)"
	}
	return path
}

// DefaultDatabase is the database used when neither --db nor the database key names one.
func DefaultDatabase() string { return DataHome() + "/jobs/jobs.db" }

// DefaultFile is where the config lives when neither --config nor $JOBS_CONFIG names one.
func DefaultFile() string {
	return filepath.Join(Home(), "jobs", "config.yaml")
}

func Home() string {
	if d := os.Getenv("XDG_CONFIG_HOME"); d != "" {
		return d
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".config")
	}
	return "."
}

func DataHome() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return d
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".local", "share")
	}
	return "."
}

// WriteExample writes the documented example config to path, creating its folder. An
// existing file, even one created a moment ago, is never overwritten: that is a conflict.
func WriteExample(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot create %s: %v", filepath.Dir(path), atomicfile.WithoutPath(err))
	}
	// O_EXCL: never overwrite, even a file created a moment ago.
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return jobs.Errorf(jobs.KindConflict, "%s already exists; edit it, or remove it first to start over", path)
	}
	if err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, atomicfile.WithoutPath(err))
	}
	if _, err := fh.Write(jobs.ExampleConfig); err != nil {
		fh.Close()
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, err)
	}
	if err := fh.Close(); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, err)
	}
	return nil
}
