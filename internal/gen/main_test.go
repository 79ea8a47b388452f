package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs/internal/synth"
)

func want(t *testing.T, n int, seed int64) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := synth.WriteJSONL(&buf, synth.Postings(n, seed)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRunStdout(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
		n    int
		seed int64
	}{
		{"defaults", nil, 1000, 1},
		{"n and seed", []string{"-n", "25", "-seed", "9"}, 25, 9},
		{"zero", []string{"-n", "0"}, 0, 1},
		{"negative seed", []string{"-n", "3", "-seed", "-4"}, 3, -4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr.String())
			}
			if stderr.Len() != 0 {
				t.Errorf("stderr %q, want nothing", stderr.String())
			}
			if !bytes.Equal(stdout.Bytes(), want(t, tt.n, tt.seed)) {
				t.Fatal("output differs from synth.WriteJSONL(synth.Postings(n, seed))")
			}
		})
	}
}

func TestRunFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-n", "40", "-seed", "2", "-o", path}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout %q, want nothing when -o is given", stdout.String())
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want(t, 40, 2)) {
		t.Fatal("file differs from synth.WriteJSONL(synth.Postings(40, 2))")
	}
}

func TestRunErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown flag", []string{"-x"}, 2, "flag provided but not defined"},
		{"bad number", []string{"-n", "many"}, 2, "invalid value"},
		{"negative n", []string{"-n", "-1"}, 2, "-n must be 0 or more"},
		{"extra argument", []string{"out.jsonl"}, 2, `unexpected argument "out.jsonl"`},
		{"unwritable file", []string{"-o", filepath.Join(dir, "missing", "c.jsonl")}, 1, "cannot create"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q, want it to say %q", stderr.String(), tt.stderr)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout %q, want nothing", stdout.String())
			}
		})
	}
}

type brokenWriter struct{}

func (brokenWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestRunWriteError(t *testing.T) {
	var stderr bytes.Buffer
	if code := run([]string{"-n", "5"}, brokenWriter{}, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "writing standard output") {
		t.Errorf("stderr %q", stderr.String())
	}
}
