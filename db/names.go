package db

import "context"

// SourceNames returns the sources the stored postings came from, sorted.
func (d *DB) SourceNames(ctx context.Context) ([]string, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	rows, err := t.QueryContext(ctx, `SELECT DISTINCT source FROM postings ORDER BY source`)
	if err != nil {
		return nil, d.wrap(err, "cannot read the sources")
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, d.wrap(err, "cannot read the sources")
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot read the sources")
	}
	return out, t.commit()
}

// PostingLabel is what a shell completion shows of a posting.
type PostingLabel struct {
	ID             int64
	Company, Title string
}

// OpenPostingLabels returns up to limit open postings whose id starts with idPrefix, newest
// first, for completing a posting id.
func (d *DB) OpenPostingLabels(ctx context.Context, idPrefix string, limit int) ([]PostingLabel, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	rows, err := t.QueryContext(ctx, `SELECT id, company, title FROM postings
		WHERE status = 'open' AND CAST(id AS TEXT) LIKE ? || '%' ORDER BY id DESC LIMIT ?`, idPrefix, limit)
	if err != nil {
		return nil, d.wrap(err, "cannot read postings")
	}
	defer rows.Close()
	var out []PostingLabel
	for rows.Next() {
		var l PostingLabel
		if err := rows.Scan(&l.ID, &l.Company, &l.Title); err != nil {
			return nil, d.wrap(err, "cannot read postings")
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot read postings")
	}
	return out, t.commit()
}

// CompanyNames returns up to limit company names as stored, those with the most postings
// first, for completing a company.
func (d *DB) CompanyNames(ctx context.Context, limit int) ([]string, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	rows, err := t.QueryContext(ctx, `SELECT company FROM postings WHERE company <> ''
		GROUP BY company ORDER BY COUNT(*) DESC, company LIMIT ?`, limit)
	if err != nil {
		return nil, d.wrap(err, "cannot read companies")
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, d.wrap(err, "cannot read companies")
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot read companies")
	}
	return out, t.commit()
}
