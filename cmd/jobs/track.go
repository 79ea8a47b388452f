package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/internal/tableprinter"
	"github.com/jobs-cli/jobs/report"
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
			return jsonout.Write(f.IO.Out, report.NewBoardJSON(app, now))
		}
		if app == nil {
			fmt.Fprintf(f.IO.ErrOut, "#%d %s · %s is not tracked yet: 'jobs track %d saved' starts.\n",
				id, safetext.OneLine(p.Company), safetext.OneLine(p.Title), id)
			return nil
		}
		printApplication(f.IO, app, now)
		return nil
	}
	stage, _ := db.ParseStage(opts.Stage)
	at, err := report.ParseStepDate(opts.Date, now)
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
		if err := jsonout.Write(f.IO.Out, report.NewBoardJSON(app, now)); err != nil {
			return err
		}
	}
	loc := now.Location()
	msg := fmt.Sprintf("#%d %s · %s: %s on %s", id, safetext.OneLine(jobs.DisplayCompany(app.Posting.Company)), safetext.OneLine(app.Posting.Title),
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
	fmt.Fprintf(io.Out, "#%d %s · %s: %s, %s; due %s\n", p.ID, safetext.OneLine(p.Company), safetext.OneLine(p.Title), app.Stage(),
		p.Status, report.DueLabel(p, now))
	fmt.Fprintf(io.Out, "%s\n\n", safetext.OneLine(p.URL))
	t := newTable(io, "DATE", "STAGE", "NOTE").Flex(2)
	for _, s := range app.Steps {
		t.Row(s.At.In(loc).Format("2006-01-02"), string(s.Stage), s.Note)
	}
	_ = t.Render()
}
