package db

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jobs-cli/jobs"
)

// ImportStats counts what an import did.
type ImportStats struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// Import stores many postings in one transaction: new ones are created (keeping a FirstSeen
// the caller gives), changed ones are updated, and ones whose company, title, url, status and
// texts are unchanged are left alone, so importing the same lines twice changes nothing.
// Postings are set as UpsertPosting sets them.
func (d *DB) Import(ctx context.Context, ps []*jobs.Posting) (ImportStats, error) {
	var st ImportStats
	t, err := d.beginWrite(ctx)
	if err != nil {
		return st, err
	}
	defer t.Rollback()
	type done struct {
		p *jobs.Posting
		s stored
	}
	var written []done
	for _, p := range ps {
		status := jobs.StatusOpen
		if p != nil && p.Status != "" {
			status = p.Status
		}
		if err := checkPosting(p, status); err != nil {
			return st, err
		}
		var (
			id                              int64
			hash, company, title, url, stat string
		)
		err := t.QueryRowContext(ctx, `SELECT id, content_hash, company, title, url, status FROM postings
			WHERE source = ? AND source_id = ?`, p.Source, p.SourceID).Scan(&id, &hash, &company, &title, &url, &stat)
		switch {
		case err == nil && hash == ContentHash(p.Sections) && company == p.Company && title == p.Title &&
			url == p.URL && stat == string(status):
			st.Unchanged++
			p.ID = id
			continue
		case err != nil && !errors.Is(err, sql.ErrNoRows):
			return st, d.wrap(err, "cannot import posting %s %s", p.Source, p.SourceID)
		}
		s, err := upsertPosting(ctx, t, p, status)
		if err != nil {
			return st, err
		}
		if s.created {
			st.Created++
		} else {
			st.Updated++
		}
		written = append(written, done{p, s})
	}
	if err := t.commit(); err != nil {
		return ImportStats{}, err
	}
	for _, w := range written {
		w.s.applyTo(w.p)
	}
	return st, nil
}
