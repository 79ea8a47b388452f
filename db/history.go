package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// GapCount is one skill of a gaps report: how many open postings require it and prefer it
// while the profile lacks it, and how many it alone would complete.
type GapCount struct {
	Skill     string `json:"skill"`
	Required  int    `json:"required"`
	Preferred int    `json:"preferred"`
	Unlocks   int    `json:"unlocks"`
}

// GapSnapshot is the gaps report saved for one run, most important skill first.
type GapSnapshot struct {
	RunID      int64
	RunStarted time.Time // when the run began
	TakenAt    time.Time // when the snapshot was saved
	Gaps       []GapCount
}

// SaveGapSnapshot saves gaps, most important first, as the gaps report of run runID,
// replacing any report saved for it before. An unknown run is a KindNotFound error; a skill
// that is empty or named twice, or a negative count, is KindInvalid.
func (d *DB) SaveGapSnapshot(ctx context.Context, runID int64, gaps []GapCount) error {
	seen := make(map[string]bool, len(gaps))
	for _, g := range gaps {
		switch {
		case strings.TrimSpace(g.Skill) == "":
			return jobs.Errorf(jobs.KindInvalid, "gap snapshot of run %d: a skill has no name", runID)
		case seen[g.Skill]:
			return jobs.Errorf(jobs.KindInvalid, "gap snapshot of run %d: skill %q is listed twice", runID, g.Skill)
		case g.Required < 0 || g.Preferred < 0 || g.Unlocks < 0:
			return jobs.Errorf(jobs.KindInvalid, "gap snapshot of run %d: skill %q has a negative count", runID, g.Skill)
		}
		seen[g.Skill] = true
	}

	t, err := d.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()

	var n int
	if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM runs WHERE id = ?`, runID).Scan(&n); err != nil {
		return d.wrap(err, "cannot save the gaps of run %d", runID)
	}
	if n == 0 {
		return jobs.Errorf(jobs.KindNotFound, "no run with id %d", runID)
	}
	if _, err := t.ExecContext(ctx, `DELETE FROM gap_snapshots WHERE run_id = ?`, runID); err != nil {
		return d.wrap(err, "cannot save the gaps of run %d", runID)
	}
	if _, err := t.ExecContext(ctx, `INSERT INTO gap_snapshots (run_id, taken_at) VALUES (?, ?)`,
		runID, formatTime(t.now)); err != nil {
		return d.wrap(err, "cannot save the gaps of run %d", runID)
	}
	ins, err := t.PrepareContext(ctx, `INSERT INTO gap_snapshot_skills
		(run_id, rank, skill, required, preferred, unlocks) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return d.wrap(err, "cannot save the gaps of run %d", runID)
	}
	defer ins.Close()
	for i, g := range gaps {
		if _, err := ins.ExecContext(ctx, runID, i+1, g.Skill, g.Required, g.Preferred, g.Unlocks); err != nil {
			return d.wrap(err, "cannot save the gaps of run %d", runID)
		}
	}
	return t.commit()
}

// GapSnapshot returns the gaps report saved for run runID; nil when none was saved.
func (d *DB) GapSnapshot(ctx context.Context, runID int64) (*GapSnapshot, error) {
	return d.readSnapshot(ctx, `s.run_id = ?`, runID)
}

// GapSnapshotBefore returns the gaps report of the newest run that started before t and has
// one; nil when there is none. A digest over the window from t compares with it.
func (d *DB) GapSnapshotBefore(ctx context.Context, t time.Time) (*GapSnapshot, error) {
	return d.readSnapshot(ctx, `r.started_at < ?`, formatTime(t))
}

// readSnapshot reads the newest snapshot that cond selects.
func (d *DB) readSnapshot(ctx context.Context, cond string, arg any) (*GapSnapshot, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()

	var (
		s                GapSnapshot
		started, takenAt string
	)
	err = t.QueryRowContext(ctx, `SELECT s.run_id, r.started_at, s.taken_at
		FROM gap_snapshots s JOIN runs r ON r.id = s.run_id
		WHERE `+cond+` ORDER BY r.started_at DESC, s.run_id DESC LIMIT 1`, arg).Scan(&s.RunID, &started, &takenAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, t.commit()
	}
	if err != nil {
		return nil, d.wrap(err, "cannot read a gap snapshot")
	}
	if s.RunStarted, err = parseTime(started); err != nil {
		return nil, jobs.Errorf(jobs.KindInternal, "run %d: %w", s.RunID, err)
	}
	if s.TakenAt, err = parseTime(takenAt); err != nil {
		return nil, jobs.Errorf(jobs.KindInternal, "gap snapshot of run %d: %w", s.RunID, err)
	}
	rows, err := t.QueryContext(ctx, `SELECT skill, required, preferred, unlocks
		FROM gap_snapshot_skills WHERE run_id = ? ORDER BY rank`, s.RunID)
	if err != nil {
		return nil, d.wrap(err, "cannot read the gap snapshot of run %d", s.RunID)
	}
	defer rows.Close()
	for rows.Next() {
		var g GapCount
		if err := rows.Scan(&g.Skill, &g.Required, &g.Preferred, &g.Unlocks); err != nil {
			return nil, d.wrap(err, "cannot read the gap snapshot of run %d", s.RunID)
		}
		s.Gaps = append(s.Gaps, g)
	}
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot read the gap snapshot of run %d", s.RunID)
	}
	return &s, t.commit()
}

// ClosedSince returns the postings that closed at or after since, the latest closing first,
// without their texts but with their skills (no evidence). A sighting that closed while
// another sighting of the same posting is still open is left out: the posting is not closed.
func (d *DB) ClosedSince(ctx context.Context, since time.Time) ([]*jobs.Posting, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	out, err := listWhere(ctx, t, `status = 'closed' AND closed_at >= ?
		AND COALESCE(group_id, id) NOT IN (SELECT COALESCE(group_id, id) FROM postings WHERE status = 'open')`,
		[]any{formatTime(since)}, `closed_at DESC, id DESC`, true)
	if err != nil {
		return nil, err
	}
	return out, t.commit()
}

// FirstSeenSince returns when each posting first seen at or after since was first seen,
// oldest first. A later sighting of a posting already seen elsewhere is not counted.
func (d *DB) FirstSeenSince(ctx context.Context, since time.Time) ([]time.Time, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	rows, err := t.QueryContext(ctx, `SELECT first_seen FROM postings
		WHERE first_seen >= ? AND (group_id IS NULL OR group_id = id) ORDER BY first_seen`, formatTime(since))
	if err != nil {
		return nil, d.wrap(err, "cannot count new postings")
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, d.wrap(err, "cannot count new postings")
		}
		ts, err := parseTime(s)
		if err != nil {
			return nil, jobs.Errorf(jobs.KindInternal, "%w", err)
		}
		out = append(out, ts)
	}
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot count new postings")
	}
	return out, t.commit()
}

// CompanyHistory returns every posting stored for the company, open or closed, newest first
// (first seen, then id), without texts or skills. As list --company finds companies, every
// company whose name holds the one given is taken; names are compared as
// jobs.NormalizeCompany folds them, so "(주)카카오", "카카오 " and "KAKAO Corp." are one company
// and "카카오" also finds 카카오뱅크. A company with no stored posting is a KindNotFound error
// naming stored companies whose names the one given holds.
func (d *DB) CompanyHistory(ctx context.Context, company string) ([]*jobs.Posting, error) {
	key := jobs.NormalizeCompany(company)
	if key == "" {
		return nil, jobs.Errorf(jobs.KindInvalid, "company %q has no letters or digits to match", company)
	}
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()

	rows, err := t.QueryContext(ctx, `SELECT company, COUNT(*) FROM postings GROUP BY company`)
	if err != nil {
		return nil, d.wrap(err, "cannot read companies")
	}
	// similar companies, by folded name: the spelling with the most postings names each.
	type named struct {
		name  string
		n     int // postings under every spelling
		nameN int // postings under this spelling
	}
	var names []string
	byKey := map[string]*named{}
	for rows.Next() {
		var (
			name string
			n    int
		)
		if err := rows.Scan(&name, &n); err != nil {
			rows.Close()
			return nil, d.wrap(err, "cannot read companies")
		}
		switch k := jobs.NormalizeCompany(name); {
		case k != "" && strings.Contains(k, key): // as list --company: the name holds the words given
			names = append(names, name)
		case k != "" && strings.Contains(key, k):
			c := byKey[k]
			if c == nil {
				c = &named{}
				byKey[k] = c
			}
			c.n += n
			if name = strings.TrimSpace(name); n > c.nameN || n == c.nameN && name < c.name {
				c.name, c.nameN = name, n
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot read companies")
	}
	if len(names) == 0 {
		if len(byKey) == 0 {
			return nil, jobs.Errorf(jobs.KindNotFound, "jobs has seen no posting by %q", company)
		}
		similar := make([]named, 0, len(byKey))
		for _, c := range byKey {
			similar = append(similar, *c)
		}
		sort.Slice(similar, func(i, j int) bool {
			if similar[i].n != similar[j].n {
				return similar[i].n > similar[j].n
			}
			return similar[i].name < similar[j].name
		})
		var list []string
		for i, c := range similar {
			if i == 5 {
				break
			}
			list = append(list, "\""+c.name+"\"")
		}
		return nil, jobs.Errorf(jobs.KindNotFound, "jobs has seen no posting by %q; similar names: %s",
			company, strings.Join(list, ", "))
	}
	encoded, err := json.Marshal(names)
	if err != nil {
		return nil, jobs.Errorf(jobs.KindInternal, "company names: %w", err)
	}
	out, err := listWhere(ctx, t, `company IN (SELECT value FROM json_each(?))`, []any{string(encoded)},
		`first_seen DESC, id DESC`, false)
	if err != nil {
		return nil, err
	}
	return out, t.commit()
}

// listWhere reads the postings cond selects, in order, without texts; with their skills (no
// evidence) when skills is set.
func listWhere(ctx context.Context, t *tx, cond string, args []any, order string, skills bool) ([]*jobs.Posting, error) {
	rows, err := t.QueryContext(ctx, `SELECT `+listColumns+` FROM postings WHERE `+cond+` ORDER BY `+order, args...)
	if err != nil {
		return nil, t.db.wrap(err, "cannot list postings")
	}
	out := []*jobs.Posting{}
	byID := make(map[int64]*jobs.Posting)
	for rows.Next() {
		p, err := scanPosting(rows, false)
		if err != nil {
			rows.Close()
			return nil, t.db.wrap(err, "cannot list postings")
		}
		out = append(out, p)
		byID[p.ID] = p
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, t.db.wrap(err, "cannot list postings")
	}
	if !skills || len(out) == 0 {
		return out, nil
	}
	rows, err = t.QueryContext(ctx, `SELECT posting_id, ord, skill, section FROM requirements
		WHERE posting_id IN (SELECT id FROM postings WHERE `+cond+`)`, args...)
	if err != nil {
		return nil, t.db.wrap(err, "cannot list postings")
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id             int64
			ord            int
			skill, section string
		)
		if err := rows.Scan(&id, &ord, &skill, &section); err != nil {
			return nil, t.db.wrap(err, "cannot list postings")
		}
		if p := byID[id]; p != nil {
			placeSkill(p.Analysis, ord, jobs.Requirement{Skill: skill, Section: jobs.Section(section)})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, t.db.wrap(err, "cannot list postings")
	}
	for _, p := range out {
		compactSkills(p.Analysis)
	}
	return out, nil
}
