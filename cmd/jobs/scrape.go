package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/ingest"
	"github.com/jobs-cli/jobs/internal/atomicfile"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/internal/progress"
	"github.com/jobs-cli/jobs/internal/runlock"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/internal/tableprinter"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/scraper"
	"github.com/jobs-cli/jobs/target"
)

type scrapeOptions struct {
	f     *Factory
	Limit int
	JSON  bool
	Quiet bool
}

func newScrapeCmd(f *Factory, runF func(*scrapeOptions) error) *cobra.Command {
	opts := &scrapeOptions{f: f, Limit: -1}
	cmd := &cobra.Command{
		Use:   "scrape",
		Short: "Collect every configured source into the database",
		Long: `Collect postings from every configured source into the database. Wanted is read the way
its robots.txt allows: robots.txt, the sitemaps it names, then each changed /wd/{id} page.
Pages whose sitemap lastmod did not change are not fetched again; postings gone from the
sitemaps, or answering 404 or a closed status, become closed.

Each source prints one summary line on stderr. Exit status: 0 when every source succeeded,
3 when some pages or sources failed and everything that could be collected was stored,
1 when nothing could be collected.`,
		Example: `  jobs scrape
  jobs scrape --limit 200      # spread a first crawl over several nights
  jobs schedule                # the crontab line or systemd timer, with absolute paths`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("limit") && opts.Limit < 0 {
				return &usageError{cmd: cmd, err: fmt.Errorf("--limit must be 0 (no cap) or more")}
			}
			if runF != nil {
				return runF(opts)
			}
			return scrapeRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.Limit, "limit", -1, "fetch at most this many posting pages this run (default scrape.limit; 0 = no cap)")
	cmd.Flags().Lookup("limit").DefValue = "0" // -1 only means "not given": the usage says the default once
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the run's per-source counts as JSON")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing but errors")
	return cmd
}

func scrapeRun(ctx context.Context, opts *scrapeOptions) error {
	f := opts.f
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	an, err := f.Analyzer()
	if err != nil {
		return err
	}
	var prog *progress.Bar // a counter on a terminal's stderr; cron stays quiet
	if f.IO.ErrTTY {
		prog = progress.New(f.IO.ErrOut)
	}
	srcOpts := ingest.SourceOptions{UserAgent: scraper.UserAgentFor(version), Limit: opts.Limit}
	if prog != nil && !opts.Quiet && !opts.JSON {
		srcOpts.Progress = prog.Update
		if dbPath, err := f.DBPath(); err == nil {
			fmt.Fprintln(f.IO.ErrOut, tableprinter.Wrap(fmt.Sprintf("scrape: config %s; database %s", config.Tilde(f.ConfigOrigin()), config.Tilde(dbPath)), f.IO.Width, "  "))
		}
	}
	sources, err := f.Sources(cfg, srcOpts)
	if err != nil {
		return err
	}
	dbPath, err := f.DBPath()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot create %s: %v", filepath.Dir(dbPath), atomicfile.WithoutPath(err))
	}
	lock, err := runlock.Acquire(dbPath, time.Duration(cfg.Scrape.LockWait), f.Now)
	if err != nil {
		return err
	}
	defer lock.Release()
	store, err := f.WriteStore(ctx)
	if err != nil {
		return err
	}
	talk := !opts.Quiet && !opts.JSON
	out, err := ingest.Run(ctx, ingest.Scrape{
		Sources:  sources,
		Store:    store,
		Analyzer: an,
		Budget:   time.Duration(cfg.Scrape.Budget),
		Scored: func(ctx context.Context) ([]matcher.Scored, error) {
			return scoredPostings(ctx, f, target.Query{})
		},
		Reread: func(read, changed int) {
			if talk {
				fmt.Fprintf(f.IO.ErrOut, "Re-read %d stored postings (requirements are now groups of alternatives): %d changed.\n", read, changed)
			}
		},
		SourceDone: func(r ingest.SourceResult) {
			prog.Clear()
			if talk {
				printSourceSummary(f.IO, r)
			}
		},
		NotRun: func(source, why string) {
			if talk {
				fmt.Fprintf(f.IO.ErrOut, "%s: %s\n", source, safetext.OneLine(why))
			}
		},
	})
	if err != nil {
		return err
	}
	if out.Status() == ingest.StatusInterrupted {
		prog.Clear()
		return &exitError{code: 130, msg: "scrape interrupted: what was collected is stored, and the next run resumes"}
	}
	if out.SnapshotErr != nil {
		warnf(f.IO, "the gaps report of run %d was not saved: %s", out.RunID, safetext.OneLine(out.SnapshotErr.Error()))
	}
	if opts.JSON {
		if err := jsonout.Write(f.IO.Out, out.Stats); err != nil {
			return err
		}
	}
	switch out.Status() {
	case ingest.StatusNothing:
		return &exitError{code: 1, msg: "nothing could be collected: every source failed (see above)"}
	case ingest.StatusPartial:
		return &exitError{code: 3}
	}
	return nil
}

// printSourceSummary writes a source's one summary line, then its failures (at most five on a
// terminal, every one under cron, where the mail is the only record).
func printSourceSummary(io *IOStreams, r ingest.SourceResult) {
	w, st, err := io.ErrOut, r.Stats, r.Err
	state := "ok"
	if err != nil {
		state = "FAILED"
	} else if st.Failed > 0 {
		state = "partial"
	}
	fmt.Fprintf(w, "%s: %s: %s", st.Source, state, r.Counts.Line(st))
	if st.Queued > 0 {
		fmt.Fprintf(w, ", %d left for the next run", st.Queued)
	}
	fmt.Fprintln(w)
	show := st.Failures
	if io.ErrTTY && len(show) > 5 {
		show = show[:5]
	}
	width := 0
	if io.ErrTTY {
		width = io.Width
	}
	for _, fl := range show {
		fmt.Fprintln(w, tableprinter.Wrap("  "+safetext.OneLine(fl.Error()), width, "    "))
	}
	if len(show) < len(st.Failures) {
		fmt.Fprintf(w, "  ... and %d more (jobs doctor lists them)\n", len(st.Failures)-len(show))
	}
}
