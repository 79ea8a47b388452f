package db

import (
	"context"
	"database/sql"

	"github.com/jobs-cli/jobs"
)

// StartRun records the start of a scrape and returns its id.
func (d *DB) StartRun(ctx context.Context) (int64, error) {
	t, err := d.beginWrite(ctx)
	if err != nil {
		return 0, err
	}
	defer t.Rollback()

	var id int64
	if err := t.QueryRowContext(ctx, `INSERT INTO runs (started_at) VALUES (?) RETURNING id`,
		formatTime(t.now)).Scan(&id); err != nil {
		return 0, d.wrap(err, "cannot record the start of a run")
	}
	return id, t.commit()
}

// FinishRun records the end of run id with each source's counts and every failure, each
// failure under the source whose stats list it. Finishing a run again replaces what was
// recorded. An unknown id is a KindNotFound error; a source named twice is KindInvalid.
func (d *DB) FinishRun(ctx context.Context, id int64, stats []jobs.SourceStats) error {
	seen := make(map[string]bool, len(stats))
	for _, s := range stats {
		if seen[s.Source] {
			return jobs.Errorf(jobs.KindInvalid, "run %d: source %q counted twice", id, s.Source)
		}
		seen[s.Source] = true
	}

	t, err := d.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()

	res, err := t.ExecContext(ctx, `UPDATE runs SET ended_at = ? WHERE id = ?`, formatTime(t.now), id)
	if err != nil {
		return d.wrap(err, "cannot record the end of run %d", id)
	}
	if n, err := res.RowsAffected(); err != nil {
		return d.wrap(err, "cannot record the end of run %d", id)
	} else if n == 0 {
		return jobs.Errorf(jobs.KindNotFound, "no run with id %d", id)
	}
	for _, q := range []string{`DELETE FROM run_sources WHERE run_id = ?`, `DELETE FROM run_failures WHERE run_id = ?`} {
		if _, err := t.ExecContext(ctx, q, id); err != nil {
			return d.wrap(err, "cannot record the end of run %d", id)
		}
	}

	insSource, err := t.PrepareContext(ctx, `INSERT INTO run_sources
		(run_id, source, listed, fetched, parsed, kept, failed, closed, queued)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return d.wrap(err, "cannot record the end of run %d", id)
	}
	defer insSource.Close()
	insFailure, err := t.PrepareContext(ctx, `INSERT INTO run_failures (run_id, source, url, status, reason)
		VALUES (?, ?, ?, ?, ?)`)
	if err != nil {
		return d.wrap(err, "cannot record the end of run %d", id)
	}
	defer insFailure.Close()

	for _, s := range stats {
		if _, err := insSource.ExecContext(ctx, id, s.Source, s.Listed, s.Fetched, s.Parsed, s.Kept,
			s.Failed, s.Closed, s.Queued); err != nil {
			return d.wrap(err, "cannot record the counts of %s in run %d", s.Source, id)
		}
		for _, f := range s.Failures {
			if _, err := insFailure.ExecContext(ctx, id, s.Source, f.URL, f.Status, f.Reason); err != nil {
				return d.wrap(err, "cannot record a failure of %s in run %d", s.Source, id)
			}
		}
	}
	return t.commit()
}

// Runs returns the last n runs, newest first, with each source's counts and failures, in the
// order they were recorded. n <= 0 returns every run.
func (d *DB) Runs(ctx context.Context, n int) ([]jobs.Run, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	runs, err := readRuns(ctx, t, n)
	if err != nil {
		return nil, err
	}
	return runs, t.commit()
}

// LastRun returns the newest run, nil when none was recorded.
func (d *DB) LastRun(ctx context.Context) (*jobs.Run, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	runs, err := readRuns(ctx, t, 1)
	if err != nil {
		return nil, err
	}
	if err := t.commit(); err != nil {
		return nil, err
	}
	if len(runs) == 0 {
		return nil, nil
	}
	return &runs[0], nil
}

// readRuns reads the newest n runs (all when n <= 0) with three queries: runs, their
// sources, their failures.
func readRuns(ctx context.Context, t *tx, n int) ([]jobs.Run, error) {
	limit := n
	if limit <= 0 {
		limit = -1
	}
	rows, err := t.QueryContext(ctx, `SELECT id, started_at, ended_at FROM runs ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, t.db.wrap(err, "cannot read runs")
	}
	var runs []jobs.Run
	for rows.Next() {
		var (
			r       jobs.Run
			started string
			ended   sql.NullString
		)
		if err := rows.Scan(&r.ID, &started, &ended); err != nil {
			rows.Close()
			return nil, t.db.wrap(err, "cannot read runs")
		}
		if r.Started, err = parseTime(started); err != nil {
			rows.Close()
			return nil, jobs.Errorf(jobs.KindInternal, "run %d: %w", r.ID, err)
		}
		if r.Ended, err = parseNullTime(ended); err != nil {
			rows.Close()
			return nil, jobs.Errorf(jobs.KindInternal, "run %d: %w", r.ID, err)
		}
		runs = append(runs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, t.db.wrap(err, "cannot read runs")
	}
	if len(runs) == 0 {
		return nil, nil
	}

	// Runs are newest first: the ids span [last, first].
	lo, hi := runs[len(runs)-1].ID, runs[0].ID
	index := make(map[int64]int, len(runs))
	for i, r := range runs {
		index[r.ID] = i
	}

	rows, err = t.QueryContext(ctx, `SELECT run_id, source, listed, fetched, parsed, kept, failed, closed, queued
		FROM run_sources WHERE run_id BETWEEN ? AND ? ORDER BY run_id, rowid`, lo, hi)
	if err != nil {
		return nil, t.db.wrap(err, "cannot read runs")
	}
	for rows.Next() {
		var (
			id int64
			s  jobs.SourceStats
		)
		if err := rows.Scan(&id, &s.Source, &s.Listed, &s.Fetched, &s.Parsed, &s.Kept, &s.Failed,
			&s.Closed, &s.Queued); err != nil {
			rows.Close()
			return nil, t.db.wrap(err, "cannot read runs")
		}
		if i, ok := index[id]; ok {
			runs[i].Sources = append(runs[i].Sources, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, t.db.wrap(err, "cannot read runs")
	}

	rows, err = t.QueryContext(ctx, `SELECT run_id, source, url, status, reason
		FROM run_failures WHERE run_id BETWEEN ? AND ? ORDER BY run_id, id`, lo, hi)
	if err != nil {
		return nil, t.db.wrap(err, "cannot read runs")
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			f  jobs.Failure
		)
		if err := rows.Scan(&id, &f.Source, &f.URL, &f.Status, &f.Reason); err != nil {
			return nil, t.db.wrap(err, "cannot read runs")
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		srcs := runs[i].Sources
		for j := range srcs {
			if srcs[j].Source == f.Source {
				srcs[j].Failures = append(srcs[j].Failures, f)
				break
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, t.db.wrap(err, "cannot read runs")
	}
	return runs, nil
}
