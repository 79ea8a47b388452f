package main

import (
	"os"
	"path/filepath"
	"testing"
)

func filepathTemp() (string, error) { return os.MkdirTemp("", "jobs-bench-") }

func writeFileErr(path, content string) error { return os.WriteFile(path, []byte(content), 0o644) }

// TestMain removes what the benchmarks stored outside testing's temp dirs.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDB.path != "" {
		os.RemoveAll(filepath.Dir(benchDB.path))
	}
	os.Exit(code)
}
