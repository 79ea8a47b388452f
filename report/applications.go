package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/db"
)

// The applications a user tracks: when each step happened, how long ago, when the posting is
// due, the order the board shows them in, and their JSON.

// ParseStepDate reads when a step happened (track --date): empty is now; a date is that
// day's midnight where the clock runs; today, yesterday, a time ago (3d, 12h) or an RFC 3339
// time. A date more than a year ahead is refused as a typing error.
func ParseStepDate(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	loc := now.Location()
	var t time.Time
	switch strings.ToLower(s) {
	case "", "now":
		return time.Time{}, nil
	case "today":
		t = now
	case "yesterday":
		t = now.AddDate(0, 0, -1)
	default:
		if d, err := config.ParseDuration(s); err == nil && d >= 0 {
			t = now.Add(-d)
			break
		}
		ok := false
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04", "2006-01-02"} {
			if v, err := time.ParseInLocation(layout, s, loc); err == nil {
				t, ok = v, true
				break
			}
		}
		if !ok {
			return time.Time{}, jobs.Errorf(jobs.KindInvalid, "--date %q is not a date (2026-11-20), today, yesterday or a time ago (3d)", s)
		}
	}
	if t.After(now.AddDate(1, 0, 0)) {
		return time.Time{}, jobs.Errorf(jobs.KindInvalid, "--date %q is more than a year ahead", s)
	}
	return t, nil
}

// DaysBetween counts the calendar days from a to b where the clock runs (negative when b is
// earlier).
func DaysBetween(a, b time.Time, loc *time.Location) int {
	day := func(t time.Time) time.Time {
		t = t.In(loc)
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return int(day(b).Sub(day(a)).Hours() / 24)
}

// DueLabel says a posting's deadline: 상시 (rolling), closed, passed, today, or the date and
// the days left.
func DueLabel(p *jobs.Posting, now time.Time) string {
	switch {
	case p.Status == jobs.StatusClosed:
		return "closed"
	case p.Due == nil:
		return "상시"
	}
	loc := now.Location()
	switch n := DaysBetween(now, *p.Due, loc); {
	case n < 0:
		return "passed " + p.Due.In(loc).Format("01-02")
	case n == 0:
		return "today"
	default:
		return p.Due.In(loc).Format("01-02") + " (" + strconv.Itoa(n) + "d)"
	}
}

// SinceLabel says how long ago a step was, given the days since: today, 3d, or in 2d for a
// planned one.
func SinceLabel(days int) string {
	switch {
	case days == 0:
		return "today"
	case days < 0:
		return "in " + strconv.Itoa(-days) + "d"
	}
	return strconv.Itoa(days) + "d"
}

// BoardOrder sorts applications by stage, then nearest deadline (rolling last), then the
// oldest last step, then id.
func BoardOrder(apps []*db.Application) {
	rank := map[db.Stage]int{}
	for i, s := range db.Stages {
		rank[s] = i
	}
	sort.SliceStable(apps, func(i, j int) bool {
		a, b := apps[i], apps[j]
		if ra, rb := rank[a.Stage()], rank[b.Stage()]; ra != rb {
			return ra < rb
		}
		dueA, dueB := a.Posting.Due, b.Posting.Due
		switch {
		case dueA != nil && dueB == nil:
			return true
		case dueA == nil && dueB != nil:
			return false
		case dueA != nil && !dueA.Equal(*dueB):
			return dueA.Before(*dueB)
		}
		if la, lb := a.Last().At, b.Last().At; !la.Equal(lb) {
			return la.Before(lb)
		}
		return a.Posting.ID < b.Posting.ID
	})
}

// LastNote is the note of the latest step that has one.
func LastNote(app *db.Application) string {
	for i := len(app.Steps) - 1; i >= 0; i-- {
		if app.Steps[i].Note != "" {
			return app.Steps[i].Note
		}
	}
	return ""
}

// BoardDueDays is how close a deadline is when the board's summary names it.
const BoardDueDays = 7

// DueSoon names the saved and applied applications whose open posting is due within
// BoardDueDays, in the order of apps: "#12 Kakao, 11-24 (3d)".
func DueSoon(apps []*db.Application, now time.Time) []string {
	var soon []string
	for _, a := range apps {
		st, p := a.Stage(), a.Posting
		if (st == db.StageSaved || st == db.StageApplied) && p.Status == jobs.StatusOpen && p.Due != nil {
			if n := DaysBetween(now, *p.Due, now.Location()); n >= 0 && n <= BoardDueDays {
				soon = append(soon, fmt.Sprintf("#%d %s, %s", p.ID, oneLine(jobs.DisplayCompany(p.Company)), DueLabel(p, now)))
			}
		}
	}
	return soon
}

// StageCounts counts the applications at each stage, in the stages' order: "3
// applications: 1 saved, 2 applied".
func StageCounts(apps []*db.Application) string {
	counts := map[db.Stage]int{}
	for _, a := range apps {
		counts[a.Stage()]++
	}
	var parts []string
	for _, s := range db.Stages {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	return CountOf(len(apps), "application", "applications") + ": " + strings.Join(parts, ", ")
}

// ApplicationJSON is an application's stage and steps, as export writes them.
type ApplicationJSON struct {
	Stage string     `json:"stage"`
	Steps []StepJSON `json:"steps"`
}

// StepJSON is one step of an application.
type StepJSON struct {
	Stage      string `json:"stage"`
	Date       string `json:"date"` // when it happened, RFC 3339
	Note       string `json:"note"`
	RecordedAt string `json:"recorded_at"`
}

// NewApplicationJSON is app's stage and steps, their notes cleaned.
func NewApplicationJSON(app *db.Application) *ApplicationJSON {
	out := &ApplicationJSON{Stage: string(app.Stage()), Steps: make([]StepJSON, len(app.Steps))}
	for i, s := range app.Steps {
		out.Steps[i] = StepJSON{Stage: string(s.Stage), Date: RFC3339(s.At), Note: clean(s.Note), RecordedAt: RFC3339(s.RecordedAt)}
	}
	return out
}

// BoardJSON is one element of `board --json` and `track --json`.
type BoardJSON struct {
	ID                string     `json:"id"`
	Source            string     `json:"source"`
	SourceID          string     `json:"source_id"`
	Company           string     `json:"company"`
	Title             string     `json:"title"`
	URL               string     `json:"url"`
	Status            string     `json:"status"`
	Due               *string    `json:"due"`
	Stage             string     `json:"stage"`
	LastStep          string     `json:"last_step"`
	DaysSinceLastStep int        `json:"days_since_last_step"`
	Steps             []StepJSON `json:"steps"`
}

// NewBoardJSON is app as the board's JSON shows it at now.
func NewBoardJSON(app *db.Application, now time.Time) BoardJSON {
	p := app.Posting
	a := NewApplicationJSON(app)
	out := BoardJSON{
		ID: strconv.FormatInt(p.ID, 10), Source: p.Source, SourceID: p.SourceID, Company: clean(p.Company),
		Title: clean(p.Title), URL: p.URL, Status: string(p.Status), Stage: a.Stage,
		LastStep: RFC3339(app.Last().At), DaysSinceLastStep: DaysBetween(app.Last().At, now, now.Location()), Steps: a.Steps,
	}
	if p.Due != nil {
		d := p.Due.In(now.Location()).Format("2006-01-02")
		out.Due = &d
	}
	return out
}

// AtStage are the applications at stage, in their order; all of them when stage is "".
func AtStage(apps []*db.Application, stage string) []*db.Application {
	var out []*db.Application
	for _, a := range apps {
		if stage == "" || string(a.Stage()) == stage {
			out = append(out, a)
		}
	}
	return out
}
