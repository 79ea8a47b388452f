package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A committed file replaces the destination by rename, so a second link to the old file
// keeps the old content; an aborted one leaves the destination and no file beside it.
func TestCommitReplacesAndAbortLeavesTheFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "postings.jsonl")
	if err := os.WriteFile(out, []byte("last good export\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "kept.jsonl")
	if err := os.Link(out, link); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	a, err := Create(out)
	if err != nil {
		t.Fatal(err)
	}
	a.WriteString("new export\n")
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	a.Abort() // after Commit: nothing
	if got, _ := os.ReadFile(out); string(got) != "new export\n" {
		t.Errorf("the destination holds %q", got)
	}
	if got, _ := os.ReadFile(link); string(got) != "last good export\n" {
		t.Errorf("the last good file was written in place: it now holds %q", got)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v", fi.Mode(), err)
	}

	a, err = Create(out)
	if err != nil {
		t.Fatal(err)
	}
	a.WriteString("half an exp")
	a.Abort()
	if got, _ := os.ReadFile(out); string(got) != "new export\n" {
		t.Errorf("an aborted file replaced the destination: %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("an aborted file was left: %v", entries)
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "digest.html")
	for _, body := range []string{"first", "second"} {
		if err := WriteFile(out, []byte(body)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(out); string(got) != body {
			t.Errorf("got %q, want %q", got, body)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left beside: %v", entries)
	}
	err := WriteFile(filepath.Join(dir, "missing", "x"), nil)
	if err == nil || !strings.HasPrefix(err.Error(), "cannot write "+filepath.Join(dir, "missing", "x")+": ") ||
		strings.Count(err.Error(), filepath.Join(dir, "missing")) != 1 {
		t.Errorf("a missing folder: %v", err)
	}
}

func TestWithoutPath(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "none"))
	if got := WithoutPath(err); !errors.Is(got, os.ErrNotExist) || strings.Contains(got.Error(), "none") {
		t.Errorf("WithoutPath(%v) = %v", err, got)
	}
	plain := errors.New("plain")
	if WithoutPath(plain) != plain {
		t.Error("a plain error was changed")
	}
}
