package main

import (
	"fmt"
	"strconv"
	"strings"

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
	apps := report.AtStage(all, opts.Stage)
	report.BoardOrder(apps)
	now := f.Now()
	loc := now.Location()
	if opts.JSON {
		out := make([]report.BoardJSON, len(apps))
		for i, a := range apps {
			out[i] = report.NewBoardJSON(a, now)
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
				a.Last().At.In(loc).Format("2006-01-02"), strconv.Itoa(report.DaysBetween(a.Last().At, now, loc)), due,
				string(a.Posting.Status), a.Posting.URL, report.LastNote(a))
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
	prev := db.Stage("")
	for _, a := range apps {
		st := a.Stage()
		label := ""
		if st != prev {
			label = strings.ToUpper(string(st))
			prev = st
		}
		p := a.Posting
		t.Row(label, strconv.FormatInt(p.ID, 10), jobs.DisplayCompany(p.Company), p.Title, a.Last().At.In(loc).Format("01-02"),
			report.SinceLabel(report.DaysBetween(a.Last().At, now, loc)), report.DueLabel(p, now), report.LastNote(a))
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.Out, "\n%s.\n", report.StageCounts(apps))
	if soon := report.DueSoon(apps, now); len(soon) > 0 {
		fmt.Fprintf(f.IO.Out, "Due within %d days: %s.\n", report.BoardDueDays, strings.Join(soon, "; "))
	}
	return nil
}
