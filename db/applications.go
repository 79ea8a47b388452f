package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jobs-cli/jobs"
)

// Stage is where an application stands: the step the user took last.
type Stage string

const (
	StageSaved     Stage = "saved"
	StageApplied   Stage = "applied"
	StageInterview Stage = "interview"
	StageOffer     Stage = "offer"
	StageRejected  Stage = "rejected"
)

// Stages are the stages in pipeline order.
var Stages = []Stage{StageSaved, StageApplied, StageInterview, StageOffer, StageRejected}

// ParseStage reads a stage name, ignoring case and surrounding spaces.
func ParseStage(s string) (Stage, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, st := range Stages {
		if string(st) == s {
			return st, true
		}
	}
	return "", false
}

// maxNote is the longest note a step keeps, in runes.
const maxNote = 2000

// Step is one step of an application.
type Step struct {
	ID         int64
	Stage      Stage
	At         time.Time // when it happened, as the user gave it
	Note       string
	RecordedAt time.Time // when it was recorded
}

// Application is the user's record of one posting: every step taken, in the order recorded.
type Application struct {
	// Posting is the tracked posting, without texts or skills. Its Status is open while any
	// sighting of it (the same posting on another board) is open.
	Posting *jobs.Posting
	Created time.Time
	Steps   []Step // never empty
}

// Last is the step recorded last: it names the application's stage.
func (a *Application) Last() Step { return a.Steps[len(a.Steps)-1] }

// Stage is the stage of the step recorded last.
func (a *Application) Stage() Stage { return a.Last().Stage }

// Track records a step of the application for posting postingID, starting the application
// when it is the first. at is when the step happened; zero means now. An unknown posting is
// a KindNotFound error, an unknown stage or an overlong note KindInvalid. It returns the
// application with every step.
func (d *DB) Track(ctx context.Context, postingID int64, stage Stage, at time.Time, note string) (*Application, error) {
	if _, ok := ParseStage(string(stage)); !ok || string(stage) != strings.ToLower(strings.TrimSpace(string(stage))) {
		return nil, jobs.Errorf(jobs.KindInvalid, "unknown application stage %q (use saved, applied, interview, offer or rejected)", stage)
	}
	note = strings.TrimSpace(note)
	if !utf8.ValidString(note) {
		return nil, jobs.Errorf(jobs.KindInvalid, "the note is not valid UTF-8 text")
	}
	if n := utf8.RuneCountInString(note); n > maxNote {
		return nil, jobs.Errorf(jobs.KindInvalid, "the note has %d characters; at most %d are kept", n, maxNote)
	}

	t, err := d.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()

	var n int
	if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM postings WHERE id = ?`, postingID).Scan(&n); err != nil {
		return nil, d.wrap(err, "cannot track posting %d", postingID)
	}
	if n == 0 {
		return nil, jobs.Errorf(jobs.KindNotFound, "no posting with id %d", postingID)
	}
	now := formatTime(t.now)
	if at.IsZero() {
		at = t.now
	}
	if _, err := t.ExecContext(ctx, `INSERT INTO applications (posting_id, created_at) VALUES (?, ?)
		ON CONFLICT (posting_id) DO NOTHING`, postingID, now); err != nil {
		return nil, d.wrap(err, "cannot track posting %d", postingID)
	}
	if _, err := t.ExecContext(ctx, `INSERT INTO application_steps (posting_id, stage, happened_at, note, recorded_at)
		VALUES (?, ?, ?, ?, ?)`, postingID, string(stage), formatTime(at), note, now); err != nil {
		return nil, d.wrap(err, "cannot track posting %d", postingID)
	}
	apps, err := readApplications(ctx, t, []int64{postingID})
	if err != nil {
		return nil, err
	}
	if err := t.commit(); err != nil {
		return nil, err
	}
	return apps[0], nil
}

// Application returns the application for posting postingID, nil when the posting is not
// tracked.
func (d *DB) Application(ctx context.Context, postingID int64) (*Application, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	apps, err := readApplications(ctx, t, []int64{postingID})
	if err != nil {
		return nil, err
	}
	if err := t.commit(); err != nil {
		return nil, err
	}
	if len(apps) == 0 {
		return nil, nil
	}
	return apps[0], nil
}

// Applications returns every application, by posting id.
func (d *DB) Applications(ctx context.Context) ([]*Application, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	apps, err := readApplications(ctx, t, nil)
	if err != nil {
		return nil, err
	}
	return apps, t.commit()
}

// readApplications reads the applications of these postings (nil = every application), by
// posting id, with their steps and postings.
func readApplications(ctx context.Context, t *tx, ids []int64) ([]*Application, error) {
	cond, args := `1`, []any(nil)
	if ids != nil {
		cond, args = `a.posting_id IN (SELECT value FROM json_each(?))`, []any{int64sJSON(ids)}
	}
	rows, err := t.QueryContext(ctx, `SELECT a.posting_id, a.created_at, s.id, s.stage, s.happened_at, s.note, s.recorded_at
		FROM applications a JOIN application_steps s ON s.posting_id = a.posting_id
		WHERE `+cond+` ORDER BY a.posting_id, s.id`, args...)
	if err != nil {
		return nil, t.db.wrap(err, "cannot read applications")
	}
	var (
		out  []*Application
		byID = map[int64]*Application{}
	)
	for rows.Next() {
		var (
			pid                          int64
			created, stage, at, recorded string
			s                            Step
		)
		if err := rows.Scan(&pid, &created, &s.ID, &stage, &at, &s.Note, &recorded); err != nil {
			rows.Close()
			return nil, t.db.wrap(err, "cannot read applications")
		}
		a := byID[pid]
		if a == nil {
			a = &Application{Posting: &jobs.Posting{ID: pid}}
			if a.Created, err = parseTime(created); err != nil {
				rows.Close()
				return nil, jobs.Errorf(jobs.KindInternal, "application of posting %d: %w", pid, err)
			}
			byID[pid] = a
			out = append(out, a)
		}
		s.Stage = Stage(stage)
		if s.At, err = parseTime(at); err == nil {
			s.RecordedAt, err = parseTime(recorded)
		}
		if err != nil {
			rows.Close()
			return nil, jobs.Errorf(jobs.KindInternal, "application of posting %d: %w", pid, err)
		}
		a.Steps = append(a.Steps, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, t.db.wrap(err, "cannot read applications")
	}
	if len(out) == 0 {
		return nil, nil
	}

	posts, err := listWhere(ctx, t, `id IN (SELECT posting_id FROM applications a WHERE `+cond+`)`, args, `id`, false)
	if err != nil {
		return nil, err
	}
	for _, p := range posts {
		if a := byID[p.ID]; a != nil {
			a.Posting = p
		}
	}
	// A posting seen on several boards is open while any sighting is.
	groups := make([]int64, 0, len(out))
	byGroup := map[int64][]*Application{}
	for _, a := range out {
		g := a.Posting.GroupID
		groups = append(groups, g)
		byGroup[g] = append(byGroup[g], a)
	}
	open, err := t.QueryContext(ctx, `SELECT DISTINCT COALESCE(group_id, id) FROM postings
		WHERE status = 'open' AND COALESCE(group_id, id) IN (SELECT value FROM json_each(?))`, int64sJSON(groups))
	if err != nil {
		return nil, t.db.wrap(err, "cannot read applications")
	}
	defer open.Close()
	for open.Next() {
		var g int64
		if err := open.Scan(&g); err != nil {
			return nil, t.db.wrap(err, "cannot read applications")
		}
		for _, a := range byGroup[g] {
			a.Posting.Status = jobs.StatusOpen
		}
	}
	if err := open.Err(); err != nil {
		return nil, t.db.wrap(err, "cannot read applications")
	}
	for _, a := range out {
		if a.Posting.Source == "" {
			return nil, jobs.Errorf(jobs.KindInternal, "application of posting %d: the posting is missing", a.Posting.ID)
		}
	}
	return out, nil
}

// int64sJSON is ids as a JSON array, for json_each.
func int64sJSON(ids []int64) string {
	b, _ := json.Marshal(ids) // []int64 always marshals
	return string(b)
}

// Restore is an exported application to read back: the posting it belongs to, by its natural
// key, and its steps in the order they were recorded.
type Restore struct {
	Source, SourceID string
	Steps            []Step
}

// RestoreApplications adds exported applications to the postings stored under their
// (source, source_id), in one transaction. An application is started where there is none,
// and a step already recorded (the same stage, note and time to the second) is not added
// again, so re-importing an export changes nothing. A posting that is not stored is skipped
// and counted in missing. It returns how many steps were added.
func (d *DB) RestoreApplications(ctx context.Context, rs []Restore) (added, missing int, err error) {
	for _, r := range rs {
		for _, s := range r.Steps {
			if _, ok := ParseStage(string(s.Stage)); !ok {
				return 0, 0, jobs.Errorf(jobs.KindInvalid, "posting %s %s: unknown application stage %q", r.Source, r.SourceID, s.Stage)
			}
		}
	}
	t, err := d.beginWrite(ctx)
	if err != nil {
		return 0, 0, err
	}
	defer t.Rollback()
	for _, r := range rs {
		var id int64
		err := t.QueryRowContext(ctx, `SELECT id FROM postings WHERE source = ? AND source_id = ?`, r.Source, r.SourceID).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			missing++
			continue
		}
		if err != nil {
			return 0, 0, d.wrap(err, "cannot restore the application of %s %s", r.Source, r.SourceID)
		}
		have, err := readApplications(ctx, t, []int64{id})
		if err != nil {
			return 0, 0, err
		}
		var known []Step
		if len(have) > 0 {
			known = have[0].Steps
		}
		now := formatTime(t.now)
		if _, err := t.ExecContext(ctx, `INSERT INTO applications (posting_id, created_at) VALUES (?, ?)
			ON CONFLICT (posting_id) DO NOTHING`, id, now); err != nil {
			return 0, 0, d.wrap(err, "cannot restore the application of %s %s", r.Source, r.SourceID)
		}
		for _, s := range r.Steps {
			note := strings.TrimSpace(s.Note)
			if sameStep(known, s.Stage, s.At, note) {
				continue
			}
			recorded := s.RecordedAt
			if recorded.IsZero() {
				recorded = t.now
			}
			if _, err := t.ExecContext(ctx, `INSERT INTO application_steps (posting_id, stage, happened_at, note, recorded_at)
				VALUES (?, ?, ?, ?, ?)`, id, string(s.Stage), formatTime(s.At), note, formatTime(recorded)); err != nil {
				return 0, 0, d.wrap(err, "cannot restore the application of %s %s", r.Source, r.SourceID)
			}
			known = append(known, Step{Stage: s.Stage, At: s.At, Note: note})
			added++
		}
	}
	return added, missing, t.commit()
}

// sameStep reports whether steps hold a step of this stage and note at the same second.
func sameStep(steps []Step, stage Stage, at time.Time, note string) bool {
	for _, s := range steps {
		if s.Stage == stage && s.Note == note && s.At.Truncate(time.Second).Equal(at.Truncate(time.Second)) {
			return true
		}
	}
	return false
}
