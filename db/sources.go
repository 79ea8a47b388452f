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
