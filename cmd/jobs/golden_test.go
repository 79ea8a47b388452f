package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// updateGolden rewrites the golden files of the outputs people read:
// go test ./cmd/jobs -run NAME -update-golden.
var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden files from the current output")

// golden compares got with testdata/golden/name, or writes it with -update-golden.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *updateGolden {
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
		t.Fatalf("%v (run with -update-golden to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run with -update-golden to accept):\n--- got ---\n%s\n--- want ---\n%s", name, got, want)
	}
}

// stable replaces what changes from run to run (a test server's address) in an output.
func stable(out, serverURL string) string {
	return strings.ReplaceAll(out, serverURL, "http://site")
}
