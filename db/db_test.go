package db

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestOpenCreatesAndMigrates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nested", "dir", "jobs.db")
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if d.Path() != path {
		t.Errorf("Path() = %q, want %q", d.Path(), path)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	want, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	v, err := d.SchemaVersion(ctx)
	if err != nil {
		t.Fatalf("SchemaVersion: %v", err)
	}
	if v != len(want) || v < 1 {
		t.Errorf("SchemaVersion = %d, want %d", v, len(want))
	}
	var mode string
	if err := d.read.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q (%v), want wal", mode, err)
	}
	var fk int
	if err := d.read.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d (%v), want 1", fk, err)
	}
	for _, table := range []string{"postings", "requirements", "pages", "runs", "run_sources", "run_failures"} {
		var n int
		if err := d.read.QueryRowContext(ctx,
			"SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s: found %d (%v)", table, n, err)
		}
	}
	mustUpsert(t, d, posting("wanted", "1"))
	if err := d.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	// Reopening applies nothing again and keeps the data.
	d, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer d.Close()
	if v2, err := d.SchemaVersion(ctx); err != nil || v2 != v {
		t.Errorf("SchemaVersion after reopen = %d (%v), want %d", v2, err, v)
	}
	var applied int
	if err := d.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM schema_migrations").Scan(&applied); err != nil || applied != v {
		t.Errorf("schema_migrations rows = %d (%v), want %d", applied, err, v)
	}
	if _, err := d.FindBySource(ctx, "wanted", "1"); err != nil {
		t.Errorf("posting lost on reopen: %v", err)
	}
}

func TestOpenPathWithSpecialCharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a dir?x=1#y", "잡스 %20.db")
	d, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer d.Close()
	mustUpsert(t, d, posting("wanted", "1"))
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at %q: %v", path, err)
	}
}

func TestOpenUnusableFile(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
	}{
		{"text file", []byte("profile:\n  years: 0\n  skills: [Python]\n" + strings.Repeat("x", 4096))},
		{"garbage after a SQLite header", append([]byte("SQLite format 3\x00"), []byte(strings.Repeat("\xff", 4096))...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "jobs.db")
			if err := os.WriteFile(path, tt.content, 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := Open(context.Background(), path)
			if err == nil {
				d.Close()
				t.Fatal("Open succeeded on a file that is not a database")
			}
			if k := jobs.KindOf(err); k != jobs.KindUnavailable {
				t.Errorf("kind = %v, want KindUnavailable (%v)", k, err)
			}
			if !strings.Contains(err.Error(), "cannot open database "+path) {
				t.Errorf("message %q does not name the file", err)
			}
		})
	}
}

func TestOpenEmptyPath(t *testing.T) {
	_, err := Open(context.Background(), " ")
	if jobs.KindOf(err) != jobs.KindInvalid {
		t.Errorf("Open(\" \") = %v, want a KindInvalid error", err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "jobs.db")
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.write.ExecContext(ctx,
		"INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future', '2030-01-01T00:00:00.000Z')"); err != nil {
		t.Fatal(err)
	}
	d.Close()
	_, err = Open(ctx, path)
	if jobs.KindOf(err) != jobs.KindUnavailable || !strings.Contains(err.Error(), "999") {
		t.Errorf("Open on a newer schema = %v, want KindUnavailable naming version 999", err)
	}
}

func TestLoadMigrations(t *testing.T) {
	tests := []struct {
		name     string
		files    fstest.MapFS
		versions []int
		wantErr  string
	}{
		{
			name: "ordered by number",
			files: fstest.MapFS{
				"migrations/0002_b.sql": {Data: []byte("CREATE TABLE b (x);")},
				"migrations/0001_a.sql": {Data: []byte("CREATE TABLE a (x);")},
			},
			versions: []int{1, 2},
		},
		{
			name:    "gap",
			files:   fstest.MapFS{"migrations/0001_a.sql": {}, "migrations/0003_c.sql": {}},
			wantErr: "expected number 2",
		},
		{
			name:    "repeat",
			files:   fstest.MapFS{"migrations/0001_a.sql": {}, "migrations/0001_b.sql": {}},
			wantErr: "expected number 2",
		},
		{
			name:    "no number",
			files:   fstest.MapFS{"migrations/init.sql": {}},
			wantErr: "must start with a number",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := loadMigrations(tt.files)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, m := range ms {
				got = append(got, m.version)
			}
			if !equalInts(got, tt.versions) {
				t.Errorf("versions = %v, want %v", got, tt.versions)
			}
		})
	}
}

func TestEmbeddedMigrationsLoad(t *testing.T) {
	ms, err := loadMigrations(migrationFS)
	if err != nil || len(ms) == 0 || ms[0].name != "0001_init" {
		t.Fatalf("embedded migrations: %v, %v", ms, err)
	}
}

// A failing migration rolls back alone: the ones before it stay applied and recorded, and a
// later open with the fixed file applies the rest.
func TestMigrationsEachInOwnTransaction(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	base, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	n := len(base)
	good := migration{version: n + 1, name: "good", sql: "CREATE TABLE extra_one (x INTEGER);"}
	bad := migration{version: n + 2, name: "bad", sql: "CREATE TABLE extra_two (x INTEGER); INSERT INTO no_such_table VALUES (1);"}

	err = d.applyMigrations(ctx, append(append([]migration{}, base...), good, bad))
	if err == nil {
		t.Fatal("applyMigrations with a broken migration succeeded")
	}
	if v, err := d.SchemaVersion(ctx); err != nil || v != n+1 {
		t.Errorf("SchemaVersion = %d (%v), want %d", v, err, n+1)
	}
	var tables int
	if err := d.read.QueryRowContext(ctx,
		"SELECT COUNT(*) FROM sqlite_schema WHERE name IN ('extra_one', 'extra_two')").Scan(&tables); err != nil {
		t.Fatal(err)
	}
	if tables != 1 {
		t.Errorf("found %d of the extra tables, want only extra_one", tables)
	}

	fixed := migration{version: n + 2, name: "fixed", sql: "CREATE TABLE extra_two (x INTEGER);"}
	if err := d.applyMigrations(ctx, append(append([]migration{}, base...), good, fixed)); err != nil {
		t.Fatalf("applyMigrations after the fix: %v", err)
	}
	if v, _ := d.SchemaVersion(ctx); v != n+2 {
		t.Errorf("SchemaVersion = %d, want %d", v, n+2)
	}
}

// Driver errors are classified by their result code.
func TestErrorKinds(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)

	// A second connection that does not wait, while another holds the write lock.
	holder, err := sql.Open("sqlite", dsn(d.Path(), ""))
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	hold, err := holder.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Close()
	if _, err := hold.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	impatient, err := sql.Open("sqlite", strings.Replace(dsn(d.Path(), ""), "busy_timeout(10000)", "busy_timeout(0)", 1))
	if err != nil {
		t.Fatal(err)
	}
	defer impatient.Close()
	_, busyErr := impatient.ExecContext(ctx, "INSERT INTO runs (started_at) VALUES ('2026-01-01T00:00:00.000Z')")
	if _, err := hold.ExecContext(ctx, "ROLLBACK"); err != nil {
		t.Fatal(err)
	}

	_, constraintErr := d.write.ExecContext(ctx, "INSERT INTO postings (source, source_id, status, first_seen, last_seen) VALUES ('x', '1', 'bogus', '', '')")

	notADB := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notADB, []byte(strings.Repeat("not a database\n", 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", notADB)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	_, notADBErr := other.ExecContext(ctx, "SELECT * FROM sqlite_schema")

	tests := []struct {
		name string
		err  error
		want jobs.Kind
	}{
		{"busy", busyErr, jobs.KindConflict},
		{"not a database", notADBErr, jobs.KindUnavailable},
		{"constraint", constraintErr, jobs.KindInternal},
		{"plain error", errors.New("boom"), jobs.KindInternal},
		{"already a jobs error", jobs.Errorf(jobs.KindNotFound, "gone"), jobs.KindNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("the operation did not fail")
			}
			got := d.wrap(tt.err, "doing %s", tt.name)
			if k := jobs.KindOf(got); k != tt.want {
				t.Errorf("kind of %v = %v, want %v", got, k, tt.want)
			}
			if !errors.Is(got, tt.err) {
				t.Errorf("%v does not wrap the driver error", got)
			}
		})
	}
}

func TestTimeFormatSorts(t *testing.T) {
	times := []time.Time{
		time.Date(2025, 12, 31, 23, 59, 59, 999_000_000, time.UTC),
		time.Date(2026, 1, 1, 8, 0, 0, 0, time.FixedZone("KST", 9*3600)), // 2025-12-31T23:00Z
		time.Date(2026, 1, 1, 0, 0, 0, 1_000_000, time.UTC),
	}
	a, b, c := formatTime(times[1]), formatTime(times[0]), formatTime(times[2])
	if !(a < b && b < c) {
		t.Errorf("stored times do not sort: %s %s %s", a, b, c)
	}
	if len(a) != len(timeFormat) || !strings.HasSuffix(a, "Z") {
		t.Errorf("stored time %q is not fixed-width UTC", a)
	}
	back, err := parseTime(a)
	if err != nil || !back.Equal(times[1]) {
		t.Errorf("parseTime(%q) = %v, %v", a, back, err)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Several processes opening a new file at once each see it migrated once.
func TestOpenConcurrentlyOnNewFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "jobs.db")
	const n = 4
	errs := make(chan error, n)
	dbs := make(chan *DB, n)
	for range n {
		go func() {
			d, err := Open(ctx, path)
			errs <- err
			dbs <- d
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Errorf("Open: %v", err)
		}
		if d := <-dbs; d != nil {
			defer d.Close()
		}
	}
	check, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	var rows, maxV int
	if err := check.read.QueryRowContext(ctx, "SELECT COUNT(*), MAX(version) FROM schema_migrations").Scan(&rows, &maxV); err != nil {
		t.Fatal(err)
	}
	if rows != maxV {
		t.Errorf("schema_migrations has %d rows for version %d: a migration was recorded twice", rows, maxV)
	}
}

func TestCancelledContext(t *testing.T) {
	d := openTest(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.ListPostings(ctx, jobs.Filter{}); !errors.Is(err, context.Canceled) {
		t.Errorf("ListPostings with a cancelled context = %v", err)
	}
	if _, _, err := d.UpsertPosting(ctx, posting("wanted", "1")); !errors.Is(err, context.Canceled) {
		t.Errorf("UpsertPosting with a cancelled context = %v", err)
	}
	if open, _, err := d.Counts(context.Background()); err != nil || open != 0 {
		t.Errorf("after a cancelled upsert: %d open, %v", open, err)
	}
}

// A store that only reads never compiles the write statements; the first write does, once.
func TestWriteStatementsPreparedOnFirstWrite(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer d.Close()
	if _, err := d.ListPostings(ctx, jobs.Filter{}); err != nil {
		t.Fatal(err)
	}
	if d.prepared != nil {
		t.Fatalf("a read prepared %d write statements", len(d.prepared))
	}
	p := &jobs.Posting{Source: "wanted", SourceID: "1", Company: "A", Title: "B", Status: jobs.StatusOpen}
	if _, _, err := d.UpsertPosting(ctx, p); err != nil {
		t.Fatal(err)
	}
	if len(d.prepared) != len(hotQueries()) {
		t.Fatalf("after a write: %d of %d statements prepared", len(d.prepared), len(hotQueries()))
	}
	first := d.prepared[findIDSQL]
	if _, _, err := d.UpsertPosting(ctx, p); err != nil {
		t.Fatal(err)
	}
	if d.prepared[findIDSQL] != first {
		t.Fatal("a second write prepared the statements again")
	}
}

// Every time the store writes is read back by the direct path, to the nanosecond.
func TestStoredTimesReadDirectly(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 1000 {
		want := time.Unix(r.Int64N(1<<35), r.Int64N(1e9)).UTC()
		got, ok := parseTimeFast(formatTime(want))
		if !ok || !got.Equal(want) {
			t.Fatalf("parseTimeFast(%q) = %v, %v; want %v", formatTime(want), got, ok, want)
		}
	}
}

// parseTime's direct reading of the stored layout agrees with time.Parse on every input.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{
		"2026-11-27T11:58:29.380780055Z", "2024-02-29T00:00:00.000000000Z", "2025-02-29T00:00:00.000000000Z",
		"2026-04-31T10:00:00.000000000Z", "2026-13-01T00:00:00.000000000Z", "2026-00-10T24:00:00.000000000Z",
		"0000-01-01T00:00:00.000000000Z", "2026-11-27T11:58:60.000000000Z", "2026-11-27 11:58:29.380780055Z",
		"2026-11-27T11:58:29.38078005Z", "2026-11-27T11:58:29.3807800551", "+026-11-27T11:58:29.380780055Z",
		"2026-1a-27T11:58:29.380780055Z", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantErr := time.Parse(timeFormat, s)
		got, err := parseTime(s)
		if (err != nil) != (wantErr != nil) {
			t.Fatalf("parseTime(%q) error = %v, time.Parse error = %v", s, err, wantErr)
		}
		if err == nil && !got.Equal(want.UTC()) {
			t.Fatalf("parseTime(%q) = %v, time.Parse = %v", s, got, want)
		}
		if err == nil && got.Location() != time.UTC {
			t.Fatalf("parseTime(%q) is in %v", s, got.Location())
		}
	})
}
