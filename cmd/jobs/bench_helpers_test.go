package main

import (
	"os"
	"path/filepath"
	"testing"
)

func filepathTemp() (string, error) { return os.MkdirTemp("", "jobs-bench-") }

func writeFileErr(path, content string) error { return os.WriteFile(path, []byte(content), 0o644) }

// TestMain runs the jobs command itself when a test re-executes this binary as jobs (see
// crash_test.go), and otherwise runs the tests and removes what the benchmarks stored outside
// testing's temp dirs.
func TestMain(m *testing.M) {
	if os.Getenv("JOBS_TEST_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], newSystemIO()))
	}
	code := m.Run()
	if benchDB.path != "" {
		os.RemoveAll(filepath.Dir(benchDB.path))
	}
	os.Exit(code)
}
