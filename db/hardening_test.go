package db

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// TestOpenRefusesAnotherProgramsDatabase: a SQLite file with tables of its own is refused
// by readers and writers alike, and left byte for byte as it was: no tables added, its
// journal mode not switched to WAL.
func TestOpenRefusesAnotherProgramsDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "places.sqlite")
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)`,
		`INSERT INTO moz_places (url) VALUES ('https://example.com')`, `CREATE TABLE schema_migrations (version TEXT)`} {
		if _, err := other.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	other.Close()
	before, _ := os.ReadFile(path)
	for _, opts := range [][]Option{nil, {Existing()}} {
		d, err := Open(ctx, path, opts...)
		if err == nil {
			d.Close()
			t.Fatalf("opened another program's database")
		}
		if !strings.Contains(err.Error(), "not a jobs database") || !strings.Contains(err.Error(), "moz_places") {
			t.Errorf("error %q", err)
		}
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Errorf("the file changed")
	}
	for _, extra := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + extra); err == nil {
			t.Errorf("%s was created beside it", extra)
		}
	}
}

// TestExistingNeverCreatesNorMigrates: a reader's open of a missing, empty or older file
// changes nothing and says how to start; a writer's open still creates and upgrades.
func TestExistingNeverCreatesNorMigrates(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	missing := filepath.Join(dir, "sub", "jobs.db")
	if _, err := Open(ctx, missing, Existing()); jobs.KindOf(err) != jobs.KindNotFound ||
		!strings.Contains(err.Error(), "jobs scrape") || !strings.Contains(err.Error(), "jobs init") {
		t.Errorf("missing: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Errorf("a reader created the directory")
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o644)
	if _, err := Open(ctx, empty, Existing()); jobs.KindOf(err) != jobs.KindNotFound {
		t.Errorf("empty: %v", err)
	}
	if fi, _ := os.Stat(empty); fi.Size() != 0 {
		t.Errorf("a reader wrote the empty file")
	}

	all, err := loadMigrations(migrationFS)
	if err != nil {
		t.Fatal(err)
	}
	oldPath := filepath.Join(dir, "old.db")
	old := &DB{path: oldPath, now: time.Now}
	if old.write, err = sql.Open("sqlite", dsn(oldPath, "_txlock=immediate")); err != nil {
		t.Fatal(err)
	}
	if err := old.applyMigrations(ctx, all[:len(all)-1]); err != nil {
		t.Fatal(err)
	}
	old.write.Close()
	if _, err := Open(ctx, oldPath, Existing()); err == nil || !strings.Contains(err.Error(), "older than this jobs") {
		t.Errorf("older: %v", err)
	}
	d, err := Open(ctx, oldPath)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := d.SchemaVersion(ctx); v != len(all) {
		t.Errorf("a reader's open migrated the file, or a writer's did not: version %d", v)
	}
	d.Close()
	if d, err = Open(ctx, oldPath, Existing()); err != nil {
		t.Errorf("a reader cannot open an up-to-date file: %v", err)
	} else {
		d.Close()
	}
	if d, err = Open(ctx, empty); err != nil {
		t.Errorf("a writer cannot start in an empty file: %v", err)
	} else {
		d.Close()
	}
}

// TestWriteGetsItsTurnDuringABulkImport: while another handle on the file (another process,
// to SQLite) imports batch after batch, a single write waits for a pause between batches
// rather than for the whole import. Before bulk writers yielded, the import held the file
// in one unbroken stretch and the write gave up.
func TestWriteGetsItsTurnDuringABulkImport(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "jobs.db")
	importer, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer importer.Close()
	writer, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()

	// Batches prepared before, so the importer's only work between two is its commit.
	var batches [][]*ImportRow
	for b := range 60 {
		var rows []*ImportRow
		for i := range 200 {
			r, err := PrepareImport(posting("bulk", fmt.Sprintf("%d-%d", b, i)))
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, r)
		}
		batches = append(batches, rows)
	}
	writeDone := make(chan struct{})
	importDone := make(chan error, 1)
	started := make(chan struct{})
	go func() {
		deadline := time.Now().Add(15 * time.Second)
		for i := 0; ; i++ {
			if _, _, err := importer.ImportPrepared(ctx, batches[i%len(batches)]); err != nil {
				importDone <- err
				return
			}
			if i == 2 {
				close(started)
			}
			select {
			case <-writeDone:
				importDone <- nil
				return
			default:
			}
			if time.Now().After(deadline) {
				importDone <- nil
				return
			}
		}
	}()
	<-started
	// Each write may wait 2.5 s, the import runs for longer: without turns, writes fail.
	for i := range 3 {
		wctx, cancel := context.WithTimeout(ctx, 2500*time.Millisecond)
		start := time.Now()
		_, _, err = writer.UpsertPosting(wctx, posting("wanted", fmt.Sprint("track-", i)))
		cancel()
		if err != nil {
			t.Errorf("write %d during an import, after %s: %v", i, time.Since(start).Round(time.Millisecond), err)
		}
	}
	close(writeDone)
	if err := <-importDone; err != nil {
		t.Errorf("the import: %v", err)
	}
}
