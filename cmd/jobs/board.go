package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/report"
)

type boardOptions struct {
	f     *Factory
	JSON  bool
	Stage string
}

func newBoardCmd(f *Factory, runF func(*boardOptions) error) *cobra.Command {
	opts := &boardOptions{f: f}
	cmd := &cobra.Command{
		Use:   "board",
		Short: "Your applications, grouped by stage, with deadlines",
		Long: `Show every posting you track ('jobs track'), grouped by stage (saved, applied, interview,
offer, rejected): the last step and how many days ago it was, the deadline, and the last
note. Within a stage the nearest deadline comes first. Closed postings stay on the board.

Piped, it prints tab-separated lines with no header: stage, id, company, title, last step
date, days since the last step, deadline (empty when rolling), status, url, last note.`,
		Example: `  jobs board
  jobs board --stage applied
  jobs board --json`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Stage != "" {
				st, ok := db.ParseStage(opts.Stage)
				if !ok {
					return &usageError{cmd: cmd, err: fmt.Errorf("--stage %q is not a stage: use saved, applied, interview, offer or rejected", opts.Stage)}
				}
				opts.Stage = string(st)
			}
			if runF != nil {
				return runF(opts)
			}
			return boardRun(cmd, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print a JSON array")
	cmd.Flags().StringVar(&opts.Stage, "stage", "", "only applications at this stage")
	return cmd
}

// applicationJSON is an application's stage and steps, as export writes them.
type applicationJSON struct {
	Stage string     `json:"stage"`
	Steps []stepJSON `json:"steps"`
}

type stepJSON struct {
	Stage      string `json:"stage"`
	Date       string `json:"date"` // when it happened, RFC 3339
	Note       string `json:"note"`
	RecordedAt string `json:"recorded_at"`
}

func toApplicationJSON(app *db.Application) *applicationJSON {
	out := &applicationJSON{Stage: string(app.Stage()), Steps: make([]stepJSON, len(app.Steps))}
	for i, s := range app.Steps {
		out.Steps[i] = stepJSON{Stage: string(s.Stage), Date: report.RFC3339(s.At), Note: clean(s.Note), RecordedAt: report.RFC3339(s.RecordedAt)}
	}
	return out
}

// boardJSON is one element of `board --json` and `track --json`.
type boardJSON struct {
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
	Steps             []stepJSON `json:"steps"`
}

func boardEntry(app *db.Application, now time.Time) boardJSON {
	p := app.Posting
	a := toApplicationJSON(app)
	out := boardJSON{
		ID: strconv.FormatInt(p.ID, 10), Source: p.Source, SourceID: p.SourceID, Company: clean(p.Company),
		Title: clean(p.Title), URL: p.URL, Status: string(p.Status), Stage: a.Stage,
		LastStep: report.RFC3339(app.Last().At), DaysSinceLastStep: daysBetween(app.Last().At, now, now.Location()), Steps: a.Steps,
	}
	if p.Due != nil {
		d := p.Due.In(now.Location()).Format("2006-01-02")
		out.Due = &d
	}
	return out
}

// boardOrder sorts applications by stage, then nearest deadline (rolling last), then the
// oldest last step, then id.
func boardOrder(apps []*db.Application) {
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

// lastNote is the note of the latest step that has one.
func lastNote(app *db.Application) string {
	for i := len(app.Steps) - 1; i >= 0; i-- {
		if app.Steps[i].Note != "" {
			return app.Steps[i].Note
		}
	}
	return ""
}

// boardDueDays is how close a deadline is when the board's summary names it.
const boardDueDays = 7

func boardRun(cmd *cobra.Command, opts *boardOptions) error {
	ctx := cmd.Context()
	f := opts.f
	store, err := f.Store(ctx)
	if err != nil {
		return err
	}
	all, err := store.Applications(ctx)
	if err != nil {
		return err
	}
	var apps []*db.Application
	for _, a := range all {
		if opts.Stage == "" || string(a.Stage()) == opts.Stage {
			apps = append(apps, a)
		}
	}
	boardOrder(apps)
	now := f.Now()
	loc := now.Location()
	if opts.JSON {
		out := make([]boardJSON, len(apps))
		for i, a := range apps {
			out[i] = boardEntry(a, now)
		}
		return jsonout.Write(f.IO.Out, out)
	}
	if !f.IO.OutTTY {
		t := newTable(f.IO)
		for _, a := range apps {
			due := ""
			if a.Posting.Due != nil {
				due = a.Posting.Due.In(loc).Format("2006-01-02")
			}
			t.Row(string(a.Stage()), strconv.FormatInt(a.Posting.ID, 10), a.Posting.Company, a.Posting.Title,
				a.Last().At.In(loc).Format("2006-01-02"), strconv.Itoa(daysBetween(a.Last().At, now, loc)), due,
				string(a.Posting.Status), a.Posting.URL, lastNote(a))
		}
		return t.Render()
	}
	if len(apps) == 0 {
		if opts.Stage != "" {
			fmt.Fprintf(f.IO.ErrOut, "No application is at %s.\n", opts.Stage)
		} else {
			fmt.Fprintln(f.IO.ErrOut, "No applications yet. 'jobs track ID saved' adds a posting from 'jobs list'.")
		}
		return nil
	}
	// The note and the company give up width first; the title keeps the most.
	t := newTable(f.IO, "STAGE", "ID", "COMPANY", "TITLE", "LAST STEP", "DAYS", "DUE", "NOTE").Yield(1, 10, 2, 7).Yield(2, 16, 3)
	counts := map[db.Stage]int{}
	var soon []string
	prev := db.Stage("")
	for _, a := range apps {
		st := a.Stage()
		counts[st]++
		label := ""
		if st != prev {
			label = strings.ToUpper(string(st))
			prev = st
		}
		p := a.Posting
		t.Row(label, strconv.FormatInt(p.ID, 10), jobs.DisplayCompany(p.Company), p.Title, a.Last().At.In(loc).Format("01-02"),
			sinceLabel(daysBetween(a.Last().At, now, loc)), dueLabel(p, now), lastNote(a))
		if (st == db.StageSaved || st == db.StageApplied) && p.Status == jobs.StatusOpen && p.Due != nil {
			if n := daysBetween(now, *p.Due, loc); n >= 0 && n <= boardDueDays {
				soon = append(soon, fmt.Sprintf("#%d %s, %s", p.ID, oneLine(jobs.DisplayCompany(p.Company)), dueLabel(p, now)))
			}
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	var parts []string
	for _, s := range db.Stages {
		if counts[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s], s))
		}
	}
	fmt.Fprintf(f.IO.Out, "\n%s: %s.\n", report.CountOf(len(apps), "application", "applications"), strings.Join(parts, ", "))
	if len(soon) > 0 {
		fmt.Fprintf(f.IO.Out, "Due within %d days: %s.\n", boardDueDays, strings.Join(soon, "; "))
	}
	return nil
}
