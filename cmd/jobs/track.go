package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs/config"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/internal/tableprinter"
)

type trackOptions struct {
	f     *Factory
	ID    string
	Stage string // "" = show the application
	Note  string
	Date  string
	JSON  bool
}

func newTrackCmd(f *Factory, runF func(*trackOptions) error) *cobra.Command {
	opts := &trackOptions{f: f}
	cmd := &cobra.Command{
		Use:   "track ID [saved|applied|interview|offer|rejected]",
		Short: "Record a step of your application to a posting",
		Long: `Record a step of your application to a posting: saved, applied, interview, offer or
rejected. Every step is kept, with its date and note; the last one recorded is where the
application stands. Without a stage, print the application's steps. ID is as 'jobs list'
prints it, or source:id. Tracking survives re-scrapes, and a posting that closes keeps its
history. 'jobs board' shows every application.`,
		Example: `  jobs track 12 saved
  jobs track 12 applied --note "이력서 v3, 포트폴리오 링크"
  jobs track wanted:123456 interview --date 2026-11-24
  jobs track 12`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return &usageError{cmd: cmd, err: fmt.Errorf("%s needs a posting ID and, to record a step, a stage", cmd.CommandPath())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if len(args) == 2 {
				opts.Stage = args[1]
				if _, ok := db.ParseStage(opts.Stage); !ok {
					return &usageError{cmd: cmd, err: fmt.Errorf("%q is not a stage: use saved, applied, interview, offer or rejected", opts.Stage)}
				}
			} else if cmd.Flags().Changed("note") || cmd.Flags().Changed("date") {
				return &usageError{cmd: cmd, err: fmt.Errorf("--note and --date need a stage to record")}
			}
			if runF != nil {
				return runF(opts)
			}
			return trackRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Note, "note", "", "a note for this step")
	cmd.Flags().StringVar(&opts.Date, "date", "", "when the step happened: a date (2026-11-20), today, yesterday or a time ago (3d) (default now)")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the application as JSON")
	return cmd
}

func trackRun(cmd *cobra.Command, opts *trackOptions) error {
	ctx := cmd.Context()
	f := opts.f
	store, err := f.WriteStore(ctx)
	if err != nil {
		return err
	}
	p, err := findPosting(ctx, f, opts.ID)
	if err != nil {
		return err
	}
	// A posting seen on several boards is tracked once, under the id 'jobs list' shows.
	id := p.ID
	if p.GroupID != 0 && p.GroupID != p.ID {
		id = p.GroupID
	}
	now := f.Now()
	if opts.Stage == "" {
		app, err := store.Application(ctx, id)
		if err != nil {
			return err
		}
		if opts.JSON {
			if app == nil {
				return jsonout.Write(f.IO.Out, nil)
			}
			return jsonout.Write(f.IO.Out, boardEntry(app, now))
		}
		if app == nil {
			fmt.Fprintf(f.IO.ErrOut, "#%d %s · %s is not tracked yet: 'jobs track %d saved' starts.\n",
				id, oneLine(p.Company), oneLine(p.Title), id)
			return nil
		}
		printApplication(f.IO, app, now)
		return nil
	}
	stage, _ := db.ParseStage(opts.Stage)
	at, err := parseStepDate(opts.Date, now)
	if err != nil {
		return err
	}
	before, err := store.Application(ctx, id)
	if err != nil {
		return err
	}
	app, err := store.Track(ctx, id, stage, at, opts.Note)
	if err != nil {
		return err
	}
	if opts.JSON {
		if err := jsonout.Write(f.IO.Out, boardEntry(app, now)); err != nil {
			return err
		}
	}
	loc := now.Location()
	msg := fmt.Sprintf("#%d %s · %s: %s on %s", id, oneLine(jobs.DisplayCompany(app.Posting.Company)), oneLine(app.Posting.Title),
		stage, app.Last().At.In(loc).Format("2006-01-02"))
	if before != nil {
		msg += fmt.Sprintf(" (was %s since %s)", before.Stage(), before.Last().At.In(loc).Format("2006-01-02"))
	}
	msg += "."
	if id != p.ID {
		msg += fmt.Sprintf(" Tracked under #%d, where the posting was first seen.", id)
	}
	if app.Posting.Status == jobs.StatusClosed {
		msg += " The posting is closed; its history is kept."
	}
	fmt.Fprintln(f.IO.ErrOut, tableprinter.Wrap(msg+" 'jobs board' shows every application.", f.IO.Width, ""))
	return nil
}

// printApplication prints one application's posting and steps.
func printApplication(io *IOStreams, app *db.Application, now time.Time) {
	p := app.Posting
	loc := now.Location()
	fmt.Fprintf(io.Out, "#%d %s · %s: %s, %s; due %s\n", p.ID, oneLine(p.Company), oneLine(p.Title), app.Stage(),
		p.Status, dueLabel(p, now))
	fmt.Fprintf(io.Out, "%s\n\n", oneLine(p.URL))
	t := newTable(io, "DATE", "STAGE", "NOTE").Flex(2)
	for _, s := range app.Steps {
		t.Row(s.At.In(loc).Format("2006-01-02"), string(s.Stage), s.Note)
	}
	_ = t.Render()
}

// parseStepDate reads --date: empty is now; a date is that day's midnight where the clock
// runs; today, yesterday, a time ago (3d, 12h) or an RFC 3339 time. A date more than a year
// ahead is refused as a typing error.
func parseStepDate(s string, now time.Time) (time.Time, error) {
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

// daysBetween counts the calendar days from a to b where the clock runs (negative when b is
// earlier).
func daysBetween(a, b time.Time, loc *time.Location) int {
	day := func(t time.Time) time.Time {
		t = t.In(loc)
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return int(day(b).Sub(day(a)).Hours() / 24)
}

// dueLabel says a posting's deadline: 상시 (rolling), closed, passed, today, or the date and
// the days left.
func dueLabel(p *jobs.Posting, now time.Time) string {
	switch {
	case p.Status == jobs.StatusClosed:
		return "closed"
	case p.Due == nil:
		return "상시"
	}
	loc := now.Location()
	switch n := daysBetween(now, *p.Due, loc); {
	case n < 0:
		return "passed " + p.Due.In(loc).Format("01-02")
	case n == 0:
		return "today"
	default:
		return p.Due.In(loc).Format("01-02") + " (" + strconv.Itoa(n) + "d)"
	}
}

// sinceLabel says how long ago a step was: today, 3d, or in 2d for a planned one.
func sinceLabel(days int) string {
	switch {
	case days == 0:
		return "today"
	case days < 0:
		return "in " + strconv.Itoa(-days) + "d"
	}
	return strconv.Itoa(days) + "d"
}
