package main

import (
	"bytes"
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/internal/atomicfile"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/internal/tableprinter"
	"github.com/jobs-cli/jobs/report"
)

type digestOptions struct {
	f      *Factory
	Since  string
	Format string
	Out    string
	Limit  int

	formatSet bool
}

func newDigestCmd(f *Factory, runF func(*digestOptions) error) *cobra.Command {
	opts := &digestOptions{f: f, Since: "last-run", Limit: 20}
	cmd := &cobra.Command{
		Use:   "digest",
		Short: "What changed since the last run: new matches, closings, deadlines, gap moves",
		Long: `Summarise what changed: new postings that pass your filters, new postings of the
companies under watch.companies (whatever their score), postings that closed, open postings
whose deadline falls within 7 days, and how your top missing skills moved since an earlier
run.

--since last-run (the default) covers what the latest 'jobs scrape' found: postings first
seen since it started, and the gaps compared with the run before it. --since 3d or 48h
covers that long back, compared with the last run before then.

The text form is plain and quiet, ready for cron to mail; markdown suits a chat or a wiki;
html is one self-contained page with charts that fetches nothing.`,
		Example: `  jobs digest
  jobs digest --since 3d --format markdown
  jobs digest --format html --out ~/digest.html
  jobs schedule    # prints the crontab line (absolute paths) that runs scrape, then digest`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.formatSet = cmd.Flags().Changed("format")
			format, err := report.DigestFormat(opts.Format, opts.Out, opts.formatSet)
			if err != nil {
				return &usageError{cmd: cmd, err: err}
			}
			opts.Format = format
			if opts.Limit < 0 {
				return &usageError{cmd: cmd, err: fmt.Errorf("--limit must be 0 (no limit) or more")}
			}
			if runF != nil {
				return runF(opts)
			}
			return digestRun(cmd.Context(), opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Since, "since", "last-run", "the window: last-run, today, yesterday, a time ago (3d, 48h) or a date (2026-11-01)")
	fl.StringVar(&opts.Format, "format", "", "text, markdown or html (default text, or as --out's extension says)")
	fl.StringVar(&opts.Out, "out", "", "write the digest to this file instead of stdout")
	fl.IntVar(&opts.Limit, "limit", 20, "at most this many postings per section (0 = all)")
	return cmd
}

func digestRun(ctx context.Context, opts *digestOptions) error {
	f := opts.f
	d, err := buildDigest(ctx, f, opts.Since, opts.Limit)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch opts.Format {
	case "markdown":
		d.WriteMarkdown(&buf)
	case "html":
		if err := d.WriteHTML(&buf); err != nil {
			return jobs.Errorf(jobs.KindInternal, "cannot render the digest: %w", err)
		}
	default:
		color := opts.Out == "" && f.IO.Color
		width := 0 // a file or cron: no wrapping
		if opts.Out == "" {
			width = f.IO.Width
		}
		d.WriteText(&buf, report.Text{
			Paint: func(code, s string) string {
				if !color {
					return s
				}
				return "\x1b[" + code + "m" + s + "\x1b[0m"
			},
			Wrap:  func(s, indent string) string { return tableprinter.Wrap(s, width, indent) },
			Cells: tableprinter.DisplayWidth,
		})
	}
	if opts.Out == "" {
		_, err := f.IO.Out.Write(buf.Bytes())
		return err
	}
	return atomicfile.WriteFile(config.ExpandHome(opts.Out), buf.Bytes())
}

// buildDigest reads what the digest shows over the window that since names.
func buildDigest(ctx context.Context, f *Factory, since string, limit int) (*report.Digest, error) {
	cfg, err := f.Config()
	if err != nil {
		return nil, err
	}
	store, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	now := f.Now()
	last, err := store.LastRun(ctx)
	if err != nil {
		return nil, err
	}
	start, window, err := report.DigestWindow(since, last, now, store.Path())
	if err != nil {
		return nil, err
	}
	postings, scoring, err := f.postings(ctx)
	if err != nil {
		return nil, err
	}
	return report.BuildDigest(ctx, store, report.DigestInput{
		Now: now, Since: start, Window: window, Last: last,
		Postings: postings,
		Scoring:  scoring,
		Rules:    cfg.TargetRules(),
		MinScore: cfg.Filters.MinScore,
		Watch:    watchSet(f, cfg),
		Limit:    limit,
	})
}

// watchSet folds the names of watch.companies, warning of those that name no company.
func watchSet(f *Factory, cfg *config.Config) report.Watch {
	w := report.Watch{}
	warn := newWarnings(f.IO, "watch.companies that name no company")
	defer warn.Done()
	for _, c := range cfg.Watch.Companies {
		k := jobs.NormalizeCompany(c)
		if k == "" {
			warn.Warnf("watch.companies: %q names no company (it has no letters or digits besides (주), Inc. and the like)", safetext.OneLine(c))
			continue
		}
		w[k] = true
	}
	return w
}
