package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the golden files of outputs people read: go test ./cmd/jobs -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or writes it there with -update. A change of
// output is then a change of a file, seen in review.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/jobs -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./cmd/jobs -update rewrites it):\n--- got\n%s\n--- want\n%s",
			name, got, want)
	}
}

// stable replaces what changes from run to run (a test server's address) in an output.
func stable(out, serverURL string) string {
	return strings.ReplaceAll(out, serverURL, "http://site")
}
