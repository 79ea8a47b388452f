package db

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs"
)

// The schema's history: migrations/NNNN_name.sql, applied in order, each in its own
// transaction and recorded in schema_migrations. A shipped migration is never edited; a
// change to the schema is a new file with the next number.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the migrations of fsys, in order. Numbers start at 1 and have no gaps
// or repeats.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a number and an underscore", name)
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: strings.TrimSuffix(base, ".sql"), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return out, nil
}

// migrate brings the schema up to date with the embedded migrations.
// With Existing, it only checks that the file is at the latest version.
func (d *DB) migrate(ctx context.Context) error {
	ms, err := loadMigrations(migrationFS)
	if err != nil {
		return jobs.Errorf(jobs.KindInternal, "database migrations: %w", err)
	}
	if d.existing {
		return d.checkVersion(ctx, len(ms))
	}
	return d.applyMigrations(ctx, ms)
}

// checkVersion fails unless the file's schema is at version latest.
func (d *DB) checkVersion(ctx context.Context, latest int) error {
	current, err := schemaVersion(ctx, d.write)
	if err != nil {
		return d.openError(err)
	}
	switch {
	case current > latest:
		return jobs.Errorf(jobs.KindUnavailable,
			"database %s has schema version %d, newer than this jobs knows (%d): use a newer jobs", d.path, current, latest)
	case current < latest:
		return jobs.Errorf(jobs.KindUnavailable,
			"database %s has schema version %d, older than this jobs (%d): run 'jobs scrape' (or 'jobs init') once to upgrade it", d.path, current, latest)
	}
	return nil
}

// applyMigrations applies those of ms the file lacks. The version check runs inside each
// migration's transaction, so two processes opening a new file at once apply each migration
// once. A file whose schema is newer than ms belongs to a newer jobs and is refused.
func (d *DB) applyMigrations(ctx context.Context, ms []migration) error {
	// Creating the table "if not exists" takes the write lock, so a file that has it (every
	// open but the first) is only read: a busy file would make each open wait its turn.
	if _, err := schemaVersion(ctx, d.write); err != nil {
		if err := waitTurn(ctx, busyWait, func() error {
			_, err := d.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
				version    INTEGER PRIMARY KEY,
				name       TEXT NOT NULL,
				applied_at TEXT NOT NULL
			)`)
			return err
		}); err != nil {
			return d.openError(err)
		}
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].version
	}
	current, err := schemaVersion(ctx, d.write)
	if err != nil {
		return d.openError(err)
	}
	if current > latest {
		return jobs.Errorf(jobs.KindUnavailable,
			"database %s has schema version %d, newer than this jobs knows (%d): use a newer jobs", d.path, current, latest)
	}
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		if err := d.applyMigration(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration applies one migration unless it is recorded already.
func (d *DB) applyMigration(ctx context.Context, m migration) error {
	t, err := d.beginUnprepared(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()

	var done int
	if err := t.QueryRowContext(ctx,
		`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&done); err != nil {
		return d.wrap(err, "migration %s", m.name)
	}
	if done > 0 {
		return nil
	}
	if _, err := t.ExecContext(ctx, m.sql); err != nil {
		return d.wrap(err, "migration %s", m.name)
	}
	if _, err := t.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, formatTime(t.now)); err != nil {
		return d.wrap(err, "migration %s", m.name)
	}
	return t.commit()
}

// queryer is what both a pool and a transaction offer.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func schemaVersion(ctx context.Context, q queryer) (int, error) {
	var v int
	err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// SchemaVersion is the number of the last migration applied to the file.
func (d *DB) SchemaVersion(ctx context.Context) (int, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return 0, err
	}
	defer t.Rollback()
	v, err := schemaVersion(ctx, t)
	if err != nil {
		return 0, d.wrap(err, "cannot read the schema version")
	}
	return v, t.commit()
}
