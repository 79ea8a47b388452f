// Package db stores postings, their requirements, the pages each source knows and the record
// of scrape runs in one SQLite file. It is the only package that imports the SQLite driver.
//
// Writes go through one connection, each in a BEGIN IMMEDIATE transaction, so writers of one
// process queue in Go and writers of several processes take turns (see writePoll); reads use
// a separate pool of read-only connections and see one snapshot per call, also while a write
// is running (WAL).
package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/jobs-cli/jobs"
)

// timeFormat is how every time is stored: UTC, fixed width, so text order is time order, and
// to the nanosecond, so a time read back equals the time stored (a sitemap lastmod, say).
const timeFormat = "2006-01-02T15:04:05.000000000Z"

// pragmas run on every connection of both pools.
//
// temp_store(MEMORY) keeps statement journals off disk (an upsert inside a batch transaction
// wrote one per statement), and a 16 MiB page cache keeps a batch of 1,000 postings from
// spilling.
var pragmas = "_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
	"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)" +
	"&_pragma=temp_store(MEMORY)&_pragma=cache_size(-" + strconv.Itoa(cacheKiB) + ")"

// cacheKiB is each connection's page cache, as cache_size in pragmas.
const cacheKiB = 16000

// busyWait is how long a busy file is waited for: busy_timeout in pragmas, and what a bulk
// write (import, rematch) waits for another process's write.
const busyWait = 10 * time.Second

// Writers of several processes take turns this way. SQLite's own wait (busy_timeout) polls
// a busy file every 100 ms once it has waited a while, so a writer that commits and begins
// again at once (an import storing batch after batch) keeps the file for as long as it runs,
// and another process's write gives up. So the write connection waits only writePoll inside
// SQLite and polls again from Go, about every millisecond, for as long as its write may
// wait (a bulk write busyWait, any other write, such as track's, interactiveWait); and a bulk
// writer that has held the file for bulkStretch pauses bulkYield before its next batch,
// long enough for a waiting write to begin.
const (
	writePoll       = 5 * time.Millisecond
	interactiveWait = 60 * time.Second
	bulkStretch     = 200 * time.Millisecond
	bulkYield       = 20 * time.Millisecond
)

// readConns is how many read connections may be open at once.
const readConns = 4

// DB is the store. It is safe for concurrent use.
type DB struct {
	path  string
	write *sql.DB // one connection; every transaction BEGIN IMMEDIATE
	read  *sql.DB // query_only connections for reads
	now   func() time.Time

	// prepared holds statements prepared once on the write connection, by their text; it
	// is set (under prepareMu) before the first write transaction begins and only read
	// afterwards, so a command that only reads never compiles them (about 10 ms).
	prepared  map[string]*sql.Stmt
	prepareMu sync.Mutex

	onQuery func(query string) // when set, sees every query a read or write runs (tests)

	existing bool // Existing: never create the file nor migrate it

	bulkMu       sync.Mutex
	stretchStart time.Time // when the bulk writes since the last pause began
	lastBulkEnd  time.Time // when the last bulk write ended
}

// Option changes how Open sets up the store.
type Option func(*DB)

// WithClock makes the store read the time from now instead of time.Now. It is read once per
// transaction.
func WithClock(now func() time.Time) Option {
	return func(d *DB) { d.now = now }
}

// Existing makes Open use only a jobs database that exists at this build's schema version:
// nothing is created or migrated, which is what a command that only reads wants. A missing
// or empty file is a KindNotFound error saying how to start one.
func Existing() Option {
	return func(d *DB) { d.existing = true }
}

// Open opens the database file at path, creating its directory and the file when they are
// missing, and brings its schema up to date. A file that cannot be read as a database is a
// KindUnavailable error; a SQLite file of another program (tables, none of them jobs's) is
// refused before anything in it changes, its journal mode included.
func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	if strings.TrimSpace(path) == "" {
		return nil, jobs.Errorf(jobs.KindInvalid, "no database file given")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, jobs.Errorf(jobs.KindUnavailable, "cannot open database %s: %w", path, err)
	}
	d := &DB{path: abs, now: time.Now}
	for _, o := range opts {
		o(d)
	}
	fi, err := os.Stat(abs)
	switch {
	case err == nil && fi.IsDir():
		return nil, jobs.Errorf(jobs.KindInvalid, "cannot open database %s: it is a directory", abs)
	case err == nil:
		if err := d.checkOwn(ctx, fi.Size()); err != nil {
			return nil, err
		}
	case !errors.Is(err, os.ErrNotExist):
		return nil, jobs.Errorf(jobs.KindUnavailable, "cannot open database %s: %w", abs, unwrapPath(err))
	case d.existing:
		return nil, d.notStarted()
	default:
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return nil, jobs.Errorf(jobs.KindUnavailable, "cannot open database %s: %w", abs, err)
		}
	}

	d.write, err = sql.Open("sqlite", dsnBusy(abs, writePoll, "_txlock=immediate"))
	if err != nil {
		return nil, d.openError(err)
	}
	d.write.SetMaxOpenConns(1)
	d.write.SetMaxIdleConns(1)
	d.write.SetConnMaxIdleTime(0)
	d.write.SetConnMaxLifetime(0)

	// From here a failure closes what was opened.
	fail := func(err error) (*DB, error) {
		d.Close()
		return nil, err
	}
	if err := d.checkWAL(ctx); err != nil {
		return fail(err)
	}
	if err := d.migrate(ctx); err != nil {
		return fail(err)
	}
	d.read, err = sql.Open("sqlite", dsn(abs, "_pragma=query_only(1)"))
	if err != nil {
		return fail(d.openError(err))
	}
	d.read.SetMaxOpenConns(readConns)
	d.read.SetMaxIdleConns(readConns)
	if err := d.read.PingContext(ctx); err != nil {
		return fail(d.openError(err))
	}
	return d, nil
}

// notStarted is the error of a command that reads a database that does not exist yet.
func (d *DB) notStarted() error {
	return jobs.Errorf(jobs.KindNotFound,
		"no jobs database at %s yet: run 'jobs scrape' to collect postings (or 'jobs init' to start an empty one)", d.path)
}

// checkOwn refuses a file that is not a jobs database: one with tables but not jobs's
// postings table. It reads the file through a connection that sets nothing (no
// journal mode, no pragma that writes), so another program's database is left as it was.
// With Existing, an empty file is refused as not started.
func (d *DB) checkOwn(ctx context.Context, size int64) error {
	if size == 0 {
		if d.existing {
			return d.notStarted()
		}
		return nil
	}
	probe, err := sql.Open("sqlite", dsnPlain(d.path))
	if err != nil {
		return d.openError(err)
	}
	defer probe.Close()
	rows, err := probe.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return d.openError(err)
	}
	defer rows.Close()
	var tables []string
	ours := false
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return d.openError(err)
		}
		tables = append(tables, name)
		ours = ours || name == "postings"
	}
	if err := rows.Err(); err != nil {
		return d.openError(err)
	}
	switch {
	case ours:
		return nil
	case len(tables) == 0 || (len(tables) == 1 && tables[0] == "schema_migrations"):
		if d.existing { // a file created, never migrated
			return d.notStarted()
		}
		return nil
	}
	if len(tables) > 5 {
		tables = append(tables[:5], "...")
	}
	return jobs.Errorf(jobs.KindInvalid,
		"%s is not a jobs database: it is another program's SQLite file (tables %s); name another file with --db",
		d.path, strings.Join(tables, ", "))
}

// dsnPlain is the driver's name for the file at abs with nothing set but the busy timeout.
func dsnPlain(abs string) string {
	full := dsn(abs, "")
	return full[:strings.IndexByte(full, '?')+1] + "_pragma=busy_timeout(" + strconv.Itoa(int(busyWait/time.Millisecond)) + ")"
}

// unwrapPath is the reason of a file system error, without the path it names again.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// dsn is the driver's name for the file at abs: a file: URI, so that any character of the
// path survives, carrying the pragmas and extra parameters.
func dsn(abs, extra string) string { return dsnBusy(abs, busyWait, extra) }

// dsnBusy is dsn with busy_timeout set to busy.
func dsnBusy(abs string, busy time.Duration, extra string) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if !strings.HasPrefix(u.Path, "/") {
		u.Path = "/" + u.Path // a Windows drive letter
	}
	q := strings.Replace(pragmas, "busy_timeout("+strconv.Itoa(int(busyWait/time.Millisecond))+")",
		"busy_timeout("+strconv.Itoa(int(busy/time.Millisecond))+")", 1)
	if extra != "" {
		q += "&" + extra
	}
	return "file:" + u.EscapedPath() + "?" + q
}

// checkWAL fails unless the file is in WAL mode, which every pragma list asks for: the file
// system may refuse it (network file systems), and reads must not block the writer.
//
// Turning a new file to WAL needs it to itself, and SQLite answers busy at once rather than
// waiting when another process holds it (several opening a new file together, one of them
// migrating it), so the first connection is retried for as long as a busy lock is waited for.
func (d *DB) checkWAL(ctx context.Context) error {
	var mode string
	deadline := time.Now().Add(busyWait)
	for pause := 5 * time.Millisecond; ; pause = min(2*pause, 200*time.Millisecond) {
		err := d.write.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode)
		if err == nil {
			break
		}
		if kind, ok := sqliteKind(err); !ok || kind != jobs.KindConflict || time.Now().After(deadline) {
			return d.openError(err)
		}
		select {
		case <-ctx.Done():
			return d.openError(ctx.Err())
		case <-time.After(pause):
		}
	}
	if !strings.EqualFold(mode, "wal") {
		return jobs.Errorf(jobs.KindUnavailable,
			"cannot open database %s: journal mode is %q, not WAL (is it on a network file system?)", d.path, mode)
	}
	return nil
}

// openError describes a failure to open the file.
func (d *DB) openError(err error) error {
	if kind, ok := sqliteKind(err); ok && kind == jobs.KindConflict {
		return jobs.Errorf(kind, "cannot open database %s: it is busy: %w", d.path, err)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return jobs.Errorf(jobs.KindInternal, "cannot open database %s: %w", d.path, err)
	}
	return jobs.Errorf(jobs.KindUnavailable, "cannot open database %s: %w", d.path, describe(err))
}

// prepare prepares the statements that run for every stored page, so that a scrape parses
// each once.
func (d *DB) prepare(ctx context.Context) error {
	d.prepareMu.Lock()
	defer d.prepareMu.Unlock()
	if d.prepared != nil {
		return nil
	}
	prepared := make(map[string]*sql.Stmt)
	for _, q := range hotQueries() {
		st, err := d.write.PrepareContext(ctx, q)
		if err != nil {
			for _, st := range prepared {
				st.Close()
			}
			return d.wrap(err, "cannot prepare the database statements")
		}
		prepared[q] = st
	}
	d.prepared = prepared
	return nil
}

// Close closes the file.
func (d *DB) Close() error {
	var errs []error
	if d.read != nil {
		errs = append(errs, d.read.Close())
	}
	d.prepareMu.Lock()
	for _, st := range d.prepared {
		errs = append(errs, st.Close())
	}
	d.prepareMu.Unlock()
	if d.write != nil {
		errs = append(errs, d.write.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot close database %s: %w", d.path, err)
	}
	return nil
}

// Path is the absolute path of the database file.
func (d *DB) Path() string { return d.path }

// tx is one transaction and the time it runs at, read once when it began.
type tx struct {
	*sql.Tx
	db    *DB
	now   time.Time
	write bool
}

// stmt is the prepared statement for query in a write transaction, nil when there is none.
func (t *tx) stmt(ctx context.Context, query string) *sql.Stmt {
	if !t.write {
		return nil
	}
	st := t.db.prepared[query]
	if st == nil {
		return nil
	}
	return t.Tx.StmtContext(ctx, st)
}

// QueryContext runs a query in t.
func (t *tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if t.db.onQuery != nil {
		t.db.onQuery(query)
	}
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return t.Tx.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a query of at most one row in t.
func (t *tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if t.db.onQuery != nil {
		t.db.onQuery(query)
	}
	if st := t.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return t.Tx.QueryRowContext(ctx, query, args...)
}

// ExecContext runs a statement in t.
func (t *tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := t.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return t.Tx.ExecContext(ctx, query, args...)
}

// beginWrite starts a write transaction (BEGIN IMMEDIATE on the write connection).
func (d *DB) beginWrite(ctx context.Context) (*tx, error) {
	// Before the transaction holds the one write connection, which preparing needs.
	if err := d.prepare(ctx); err != nil {
		return nil, err
	}
	return d.beginUnprepared(ctx)
}

// beginUnprepared is beginWrite for the migrations, which run before the tables that the
// prepared statements name exist.
func (d *DB) beginUnprepared(ctx context.Context) (*tx, error) {
	var t *sql.Tx
	err := waitTurn(ctx, interactiveWait, func() (err error) {
		t, err = d.write.BeginTx(ctx, nil)
		return err
	})
	if err != nil {
		return nil, d.wrap(err, "cannot start a write to the database")
	}
	return &tx{Tx: t, db: d, now: d.now().UTC(), write: true}, nil
}

// waitTurn runs try, a statement that takes the write lock, until it does not answer busy,
// for up to wait (see writePoll).
func waitTurn(ctx context.Context, wait time.Duration, try func() error) error {
	deadline := time.Now().Add(wait)
	for {
		err := try()
		if kind, ok := sqliteKind(err); !ok || kind != jobs.KindConflict || !time.Now().Before(deadline) {
			return err
		}
		if ctx.Err() != nil {
			return err
		}
		time.Sleep(time.Millisecond)
	}
}

// yieldBulk pauses a bulk writer that has held the file for bulkStretch, so that another
// process's write gets its turn between two batches.
func (d *DB) yieldBulk(ctx context.Context) error {
	d.bulkMu.Lock()
	now := time.Now()
	pause := false
	switch {
	case now.Sub(d.lastBulkEnd) >= bulkYield: // others had a turn since: a new stretch
		d.stretchStart = now
	case now.Sub(d.stretchStart) >= bulkStretch:
		pause = true
	}
	d.bulkMu.Unlock()
	if !pause {
		return nil
	}
	t := time.NewTimer(bulkYield)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
	}
	d.bulkMu.Lock()
	d.stretchStart = time.Now()
	d.bulkMu.Unlock()
	return nil
}

// endBulk records when a bulk write ended, for yieldBulk.
func (d *DB) endBulk() {
	d.bulkMu.Lock()
	d.lastBulkEnd = time.Now()
	d.bulkMu.Unlock()
}

// walAutocheckpoint is SQLite's default: a commit that leaves the log over this many pages
// copies it into the file.
const walAutocheckpoint = 1000

// beginBulkWrite starts a write transaction that does not check foreign keys, for writers
// that only ever refer to postings they have just written or found in the same transaction
// (Import, UpdateAnalyses): at 50,000 postings the parent lookups of requirement rows cost a
// quarter of a rematch. end rolls back what was not committed, turns the checks (and
// checkpoints) back on and returns the connection; call it once, deferred.
func (d *DB) beginBulkWrite(ctx context.Context) (t *tx, end func(), err error) {
	if err := d.prepare(ctx); err != nil {
		return nil, nil, err
	}
	if err := d.yieldBulk(ctx); err != nil {
		return nil, nil, d.wrap(err, "cannot start a write to the database")
	}
	conn, err := d.write.Conn(ctx)
	if err != nil {
		return nil, nil, d.wrap(err, "cannot start a write to the database")
	}
	restore := func() {
		// A connection whose checks cannot be turned back on is not reused.
		for _, pragma := range []string{`PRAGMA foreign_keys = ON`, `PRAGMA wal_autocheckpoint = ` + strconv.Itoa(walAutocheckpoint)} {
			if _, err := conn.ExecContext(context.WithoutCancel(ctx), pragma); err != nil {
				conn.Raw(func(any) error { return driver.ErrBadConn })
				break
			}
		}
		conn.Close()
	}
	// Nor does it checkpoint after each commit: at 50,000 postings copying the log into the
	// file (and syncing it) after every batch took more time than writing the batches. The
	// log is copied once, when the last connection closes or the next write checkpoints.
	for _, pragma := range []string{`PRAGMA foreign_keys = OFF`, `PRAGMA wal_autocheckpoint = 0`} {
		if _, err := conn.ExecContext(ctx, pragma); err != nil {
			restore()
			return nil, nil, d.wrap(err, "cannot start a write to the database")
		}
	}
	var sqlTx *sql.Tx
	err = waitTurn(ctx, busyWait, func() (err error) {
		sqlTx, err = conn.BeginTx(ctx, nil)
		return err
	})
	if err != nil {
		restore()
		return nil, nil, d.wrap(err, "cannot start a write to the database")
	}
	t = &tx{Tx: sqlTx, db: d, now: d.now().UTC(), write: true}
	return t, func() { t.Rollback(); restore(); d.endBulk() }, nil
}

// beginRead starts a read transaction: one snapshot for every query of a call.
func (d *DB) beginRead(ctx context.Context) (*tx, error) {
	t, err := d.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, d.wrap(err, "cannot read the database")
	}
	return &tx{Tx: t, db: d, now: d.now().UTC()}, nil
}

// commit commits t, describing a failure.
func (t *tx) commit() error {
	if err := t.Commit(); err != nil {
		return t.db.wrap(err, "cannot finish a database transaction")
	}
	return nil
}

// wrap turns a driver error into a jobs error whose kind comes from the SQLite result code:
// busy or locked is a conflict, a file that is not a database, is corrupt or cannot be read
// is unavailable, anything else internal. what says what was being done.
func (d *DB) wrap(err error, what string, args ...any) error {
	if err == nil {
		return nil
	}
	var je *jobs.Error
	if errors.As(err, &je) {
		return err
	}
	msg := fmt.Sprintf(what, args...)
	if kind, ok := sqliteKind(err); ok {
		switch kind {
		case jobs.KindConflict:
			return jobs.Errorf(kind, "%s: database %s is busy (another jobs process may be writing it): %w", msg, d.path, err)
		case jobs.KindUnavailable:
			return jobs.Errorf(kind, "%s: database %s cannot be used: %w", msg, d.path, describe(err))
		}
	}
	return jobs.Errorf(jobs.KindInternal, "%s: %w", msg, err)
}

// sqliteKind classifies err by its SQLite primary result code; ok is false when err carries
// no code of interest.
func sqliteKind(err error) (jobs.Kind, bool) {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return jobs.KindInternal, false
	}
	switch se.Code() & 0xff { // extended result codes are on: keep the primary code
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return jobs.KindConflict, true
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_CANTOPEN,
		sqlite3.SQLITE_IOERR, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_FULL,
		sqlite3.SQLITE_AUTH:
		return jobs.KindUnavailable, true
	}
	return jobs.KindInternal, false
}

// describe replaces the driver's message for the codes people meet with a plain sentence,
// keeping the driver error underneath.
func describe(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	var text string
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_NOTADB:
		text = "the file is not a SQLite database"
	case sqlite3.SQLITE_CORRUPT:
		text = "the database file is corrupt"
	case sqlite3.SQLITE_CANTOPEN:
		text = "the file cannot be opened"
	case sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_AUTH:
		text = "permission denied"
	case sqlite3.SQLITE_FULL:
		text = "the disk is full"
	case sqlite3.SQLITE_IOERR:
		text = "a disk I/O error occurred"
	default:
		return err
	}
	return &describedError{text: text, err: err}
}

type describedError struct {
	text string
	err  error
}

func (e *describedError) Error() string { return e.text }
func (e *describedError) Unwrap() error { return e.err }

// formatTime is t as stored.
func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// parseTime reads a stored time.
func parseTime(s string) (time.Time, error) {
	// A list of 50,000 postings reads four times as many: the fixed layout is read directly,
	// anything else (never stored by this package) goes through time.Parse and its errors.
	if t, ok := parseTimeFast(s); ok {
		return t, nil
	}
	t, err := time.Parse(timeFormat, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// parseTimeFast reads s in exactly timeFormat, as time.Parse would, and reports false for
// anything else, out-of-range fields included.
func parseTimeFast(s string) (time.Time, bool) {
	if len(s) != len(timeFormat) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
		s[16] != ':' || s[19] != '.' || s[29] != 'Z' {
		return time.Time{}, false
	}
	ok := true
	num := func(from, to int) int {
		n := 0
		for i := from; i < to; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				ok = false
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	year, month, day := num(0, 4), num(5, 7), num(8, 10)
	hour, minute, sec, nsec := num(11, 13), num(14, 16), num(17, 19), num(20, 29)
	if !ok || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	if t.Day() != day { // the 31st of a 30-day month, say: time.Parse refuses it
		return time.Time{}, false
	}
	return t, true
}

// nullTime is t as stored, NULL for nil.
func nullTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return formatTime(*t)
}

// parseNullTime reads a nullable stored time.
func parseNullTime(s sql.NullString) (*time.Time, error) {
	if !s.Valid {
		return nil, nil
	}
	t, err := parseTime(s.String)
	if err != nil {
		return nil, err
	}
	return &t, nil
}
