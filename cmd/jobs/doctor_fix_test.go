package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs/db"
)

// doctor tells a damaged file from one written by a newer jobs from one it may not write, and
// advises for each a step that keeps tracked applications.
func TestDoctorTellsTroublesApart(t *testing.T) {
	dir := isolate(t)
	ctx := context.Background()

	garbage := writeFile(t, filepath.Join(dir, "garbage.db"), strings.Repeat("not a database at all\n", 400))
	r := runCLI(t, false, "", "--db", garbage, "doctor")
	if r.code != 1 || !strings.Contains(r.out, "keep a copy") || !strings.Contains(r.out, ".recover") ||
		!strings.Contains(r.out, "tracked applications") || strings.Contains(r.out, "chmod") {
		t.Errorf("a damaged file: exit %d\n%s", r.code, r.out)
	}

	newer := filepath.Join(dir, "newer.db")
	s, err := db.Open(ctx, newer)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := sql.Open("sqlite", newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	r = runCLI(t, false, "", "--db", newer, "doctor")
	if r.code != 1 || !strings.Contains(r.out, "written by a newer jobs") || !strings.Contains(r.out, "Do not delete") ||
		strings.Contains(r.out, "mv ") {
		t.Errorf("a newer schema: exit %d\n%s", r.code, r.out)
	}

	if os.Geteuid() == 0 {
		t.Log("running as root, who may write any file: the read-only case's advice is checked by report's TestWriteFixAdvice")
		return
	}
	ro := filepath.Join(dir, "ro.db")
	if s, err = db.Open(ctx, ro); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, false, "", "--db", ro, "doctor")
	if r.code != 1 || !strings.Contains(r.out, "Writable   NO") || !strings.Contains(r.out, "chmod u+rw") ||
		strings.Contains(r.out, "Nothing to fix") || strings.Contains(r.out, "mv ") {
		t.Errorf("a read-only file: exit %d\n%s", r.code, r.out)
	}
}
