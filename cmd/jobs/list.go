package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/report"
	"github.com/jobs-cli/jobs/target"
)

type listOptions struct {
	f        *Factory
	JSON     bool
	All      bool
	MinScore float64
	Company  string
	Newcomer bool
	Since    string
	Source   string
	Limit    int
	Verbose  bool

	minScoreSet bool
	limitSet    bool
}

// listTerminalLimit is how many postings list shows on a terminal unless --limit says:
// the best matches, not thousands of rows scrolling them away.
const listTerminalLimit = 30

func newListCmd(f *Factory, runF func(*listOptions) error) *cobra.Command {
	opts := &listOptions{f: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List matching postings, best match first",
		Long: `List your target postings (open postings that pass the config's targets), best match for
your profile first. On a terminal it prints a table; piped, tab-separated lines with no header:
id, score, band, company, title, missing required skills, min years, status, url, first seen.

--verbose prints on stderr each posting the targets left out and the rule that did.`,
		Example: `  jobs list
  jobs list --newcomer --min-score 0.5
  jobs list --company 토스 --since 7d
  jobs list --json --all
  jobs list --verbose 2> excluded.txt`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.minScoreSet = cmd.Flags().Changed("min-score")
			opts.limitSet = cmd.Flags().Changed("limit")
			if opts.Limit < 0 {
				return &usageError{cmd: cmd, err: fmt.Errorf("--limit must be 0 (all) or more")}
			}
			if runF != nil {
				return runF(opts)
			}
			return listRun(cmd, opts)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&opts.JSON, "json", false, "print a JSON array")
	fl.BoolVar(&opts.All, "all", false, "every stored posting, open or closed, without the config's targets")
	fl.Float64Var(&opts.MinScore, "min-score", 0, "only postings scoring at least this (0..1)")
	fl.StringVar(&opts.Company, "company", "", "only companies whose name contains this")
	fl.BoolVar(&opts.Newcomer, "newcomer", false, "only postings open to new graduates (신입)")
	fl.StringVar(&opts.Since, "since", "", "only postings first seen since a date (2026-11-01), today, yesterday or a time ago (7d, 48h)")
	fl.StringVar(&opts.Source, "source", "", "only postings from this source (wanted, greenhouse, lever, ...)")
	fl.IntVar(&opts.Limit, "limit", 0, "at most this many postings, 0 for all (default: 30 on a terminal, all when piped or --json)")
	fl.BoolVar(&opts.Verbose, "verbose", false, "print each posting the targets leave out, and why, on stderr")
	return cmd
}

func listRun(cmd *cobra.Command, opts *listOptions) error {
	ctx := cmd.Context()
	f := opts.f
	sel := target.Query{All: opts.All, Company: opts.Company, Newcomer: opts.Newcomer, Source: opts.Source, Limit: opts.Limit}
	if opts.minScoreSet {
		if !(opts.MinScore >= 0 && opts.MinScore <= 1) { // NaN too
			return &usageError{cmd: cmd, err: fmt.Errorf("--min-score must be between 0 and 1")}
		}
		sel.MinScore = &opts.MinScore
	}
	since, err := config.ParseSince(opts.Since, f.Now())
	if err != nil {
		return err
	}
	if err := checkSource(ctx, f, opts.Source); err != nil {
		return err
	}
	sel.Since = since
	items, left, err := targetPostings(ctx, f, sel)
	if err != nil {
		return err
	}
	if opts.Verbose {
		printExclusions(f.IO, left, len(items))
	} else if len(left) > 0 && f.IO.OutTTY && !opts.JSON {
		defer fmt.Fprintf(f.IO.ErrOut, "%s outside your targets %s hidden ('jobs list --verbose' says why).\n",
			report.CountOf(len(left), "posting", "postings"), report.IsAre(len(left)))
	}
	if opts.JSON {
		return jsonout.WriteArray(f.IO.Out, len(items), func(i int) any {
			j := report.PostingView(items[i])
			items[i] = matcher.Scored{} // written: its memory can go
			return &j
		})
	}
	if len(items) == 0 {
		if f.IO.OutTTY {
			fmt.Fprintln(f.IO.ErrOut, "No postings match. Run 'jobs scrape' to collect postings, or loosen the targets in the config.")
		}
		return nil
	}
	total := len(items)
	if f.IO.OutTTY && !opts.limitSet && total > listTerminalLimit {
		items = items[:listTerminalLimit]
		defer fmt.Fprintf(f.IO.ErrOut, "%s of %s %s: --limit N, --limit 0 for all.\n", report.Thousands(len(items)), report.Thousands(total), report.PostingsWord(opts.All, total))
	}
	return printList(f.IO, items)
}

func printList(io *IOStreams, items []matcher.Scored) error {
	if !io.OutTTY {
		t := newTable(io)
		for _, it := range items {
			j := report.PostingView(it)
			t.Row(j.ID, strconv.FormatFloat(j.Score, 'f', 2, 64), j.Band, j.Company, j.Title,
				strings.Join(j.Missing, ","), report.Years(j.MinYears, j.MaxYears), j.Status, j.URL, j.FirstSeen)
		}
		return t.Render()
	}
	// The company and the missing skills give up width first; the title keeps the most.
	t := newTable(io, "ID", "SCORE", "COMPANY", "TITLE", "MISSING", "YEARS", "DUE").Yield(1, 8, 2, 4).Yield(2, 16, 3)
	t.Paint(1, func(cell string) string { // "0.83 Great": the band in its colour
		score, band, _ := strings.Cut(cell, " ")
		return score + " " + paintBand(io, band)
	})
	for _, it := range items {
		j := report.PostingView(it)
		due := "상시"
		if j.Due != nil {
			due = (*j.Due)[5:]
		}
		if j.Status == "closed" {
			due = "closed"
		}
		t.Row(j.ID, fmt.Sprintf("%.2f %s", j.Score, j.Band), jobs.DisplayCompany(j.Company), j.Title,
			strings.Join(j.Missing, ", "), report.Years(j.MinYears, j.MaxYears), due)
	}
	return t.Render()
}
