package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jobs-cli/jobs/config"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/atomicfile"
	"github.com/jobs-cli/jobs/internal/tableprinter"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/report"
	"github.com/jobs-cli/jobs/target"
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
			format, err := digestFormat(opts.Format, opts.Out, opts.formatSet)
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

// digestFormat checks --format, or picks it from --out's extension when it was not given.
func digestFormat(format, out string, set bool) (string, error) {
	if !set && out != "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".html", ".htm":
			return "html", nil
		case ".md", ".markdown":
			return "markdown", nil
		}
	}
	switch strings.ToLower(format) {
	case "", "text", "txt":
		return "text", nil
	case "markdown", "md":
		return "markdown", nil
	case "html":
		return "html", nil
	}
	return "", fmt.Errorf("--format must be text, markdown or html, not %q", format)
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
	return writeFileAtomic(config.ExpandHome(opts.Out), buf.Bytes())
}

// writeFileAtomic replaces path with data: a reader never sees half a digest.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, atomicfile.WithoutPath(err))
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if err := firstError(werr, cerr, os.Chmod(name, 0o644)); err != nil {
		os.Remove(name)
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, atomicfile.WithoutPath(err))
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, atomicfile.WithoutPath(err))
	}
	return nil
}

func firstError(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
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
	start, window, err := digestWindow(since, last, now, store.Path())
	if err != nil {
		return nil, err
	}
	d, err := f.Dictionary()
	if err != nil {
		return nil, err
	}
	prof, err := f.Profile()
	if err != nil {
		return nil, err
	}
	trendsIn := report.NewTrendsInput(now, report.TrendPeriods(now, report.TrendWeeks), nil, cfg.TargetRules().Any(), d, prof)
	open, matching, err := digestPostings(ctx, f, cfg, now, &trendsIn)
	if err != nil {
		return nil, err
	}
	watch := watchSet(f, cfg)

	trends, err := report.CountTrends(ctx, store, trendsIn)
	if err != nil {
		return nil, err
	}
	return report.Build(ctx, store, report.Input{
		Now: now, Since: start, Window: window, Last: last,
		Open:     open,
		Matching: matching,
		Watch:    watch,
		Dict:     d,
		Profile:  prof,
		Excluded: cfg.TargetRules().Excluded,
		MinScore: cfg.Filters.MinScore,
		Group:    target.GroupSightings,
		Company:  jobs.DisplayCompany,
		Trends:   trends,
		Limit:    limit,
	})
}

// digestPostings reads and scores the postings once: the open ones (the sections, the gaps)
// or, when targets choose the postings the trends count, every posting (the trends count
// those open at some time in their weeks; their groups go into trendsIn). It returns the open
// postings whatever the filters, and those that pass them, best first.
func digestPostings(ctx context.Context, f *Factory, cfg *config.Config, now time.Time, trendsIn *report.TrendsInput) ([]report.Sighted, []matcher.Scored, error) {
	rules := cfg.TargetRules()
	var filter jobs.Filter
	if !rules.Any() {
		open := jobs.StatusOpen
		filter.Status = &open
	}
	store, sc, err := f.postings(ctx)
	if err != nil {
		return nil, nil, err
	}
	read, err := target.Read(ctx, store, sc, filter)
	if err != nil {
		return nil, nil, err
	}
	// A posting whose deadline passed is not open, whatever its source still says.
	posts := jobs.CloseExpired(read.Posts, now, !rules.Any())
	openPosts := posts
	if rules.Any() {
		openPosts = make([]*jobs.Posting, 0, len(posts))
		for _, p := range posts {
			if p.Status == jobs.StatusOpen {
				openPosts = append(openPosts, p)
			}
		}
		// Grouped before the open postings are grouped: grouping marks a posting's first
		// sighting open when another is.
		items, _ := read.Choose(target.GroupSightings(posts), rules, target.Selection{OpenSince: &trendsIn.Periods[0].Start})
		trendsIn.Groups = report.TrendGroups(items)
	}
	groups := target.GroupSightings(openPosts)
	matching, _ := read.Choose(groups, rules, target.Selection{})
	open := make([]report.Sighted, len(groups))
	for i, g := range groups {
		open[i] = report.Sighted{Sightings: g, Scored: matcher.Scored{Posting: g[0], Match: read.MatchOf(g)}}
	}
	return open, matching, nil
}

// digestWindow reads --since: last-run is the start of the newest run; anything else is a
// duration back from now or a date. It returns the window's start and the window in words.
func digestWindow(since string, last *jobs.Run, now time.Time, dbPath string) (time.Time, string, error) {
	if since == "" || since == "last-run" {
		if last == nil {
			return time.Time{}, "", jobs.Errorf(jobs.KindNotFound,
				"no scrape is recorded in %s yet: run 'jobs scrape' first, or give a window such as --since 7d", dbPath)
		}
		return last.Started, report.WindowSinceRun(last.Started, now.Location()), nil
	}
	t, err := config.ParseSince(since, now)
	if err != nil {
		return time.Time{}, "", err
	}
	if d, derr := config.ParseDuration(since); derr == nil {
		return *t, report.WindowOver(d), nil
	}
	return *t, report.WindowSince(*t, now.Location()), nil
}

// watchSet folds the names of watch.companies, warning of those that name no company.
func watchSet(f *Factory, cfg *config.Config) report.Watch {
	w := report.Watch{}
	warn := newWarnings(f.IO, "watch.companies that name no company")
	defer warn.Done()
	for _, c := range cfg.Watch.Companies {
		k := jobs.NormalizeCompany(c)
		if k == "" {
			warn.Warnf("watch.companies: %q names no company (it has no letters or digits besides (주), Inc. and the like)", oneLine(c))
			continue
		}
		w[k] = true
	}
	return w
}
