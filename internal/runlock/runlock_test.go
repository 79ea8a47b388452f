package runlock

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRunLockFollowsTheFile: a scrape reaching the database through a symbolic link, or a
// path through "..", waits for the lock of the same file.
func TestRunLockFollowsTheFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "data", "jobs.db")
	os.MkdirAll(filepath.Dir(real), 0o755)
	if err := os.WriteFile(real, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "other"), 0o755)
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	dirLink := filepath.Join(dir, "datalink")
	if err := os.Symlink(filepath.Join(dir, "data"), dirLink); err != nil {
		t.Fatal(err)
	}
	held, err := Acquire(real, 0, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	for _, name := range []string{link, filepath.Join(dir, "other", "..", "data", "jobs.db"), filepath.Join(dirLink, "jobs.db")} {
		l, err := Acquire(name, 0, time.Now)
		if err == nil {
			l.Release()
			t.Errorf("%s: a second lock of the same database was taken", name)
		} else if !strings.Contains(err.Error(), "another jobs scrape is running") {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A database not created yet is resolved through its directory.
	held2, err := Acquire(filepath.Join(dirLink, "new.db"), 0, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer held2.Release()
	if _, err := Acquire(filepath.Join(dir, "data", "new.db"), 0, time.Now); err == nil {
		t.Errorf("a new database reached through a linked directory took a second lock")
	}
}

// A second lock waits, then gives up naming the holder; once released, the next one is
// taken.
func TestAcquireWaitsThenNamesTheHolder(t *testing.T) {
	db := filepath.Join(t.TempDir(), "jobs.db")
	held, err := Acquire(db, 0, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = Acquire(db, 100*time.Millisecond, time.Now)
	if err == nil || !strings.Contains(err.Error(), "another jobs scrape is running on "+db) ||
		!strings.Contains(err.Error(), fmt.Sprintf("pid %d, running since ", os.Getpid())) {
		t.Errorf("while held: %v", err)
	}
	if time.Since(start) < 100*time.Millisecond {
		t.Error("gave up before the wait")
	}
	held.Release()
	held.Release() // twice: nothing
	next, err := Acquire(db, 0, time.Now)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	next.Release()
}

func TestReadHolder(t *testing.T) {
	dir := t.TempDir()
	for content, want := range map[string]string{
		"":                            "its process is unknown",
		"garbage":                     "its process is unknown",
		"1234\n":                      "pid 1234",
		"1234 2024-05-01T03:15:00Z\n": "pid 1234, running since " + time.Date(2024, 5, 1, 3, 15, 0, 0, time.UTC).Local().Format("2006-01-02 15:04"),
	} {
		path := filepath.Join(dir, "jobs.db.lock")
		os.WriteFile(path, []byte(content), 0o644)
		if got := readHolder(path); got != want {
			t.Errorf("readHolder(%q) = %q, want %q", content, got, want)
		}
	}
	if got := readHolder(filepath.Join(dir, "none")); got != "its process is unknown" {
		t.Errorf("no file: %q", got)
	}
}
