package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/internal/replay"
	"github.com/jobs-cli/jobs/target"
)

type demoOptions struct {
	f    *Factory
	Keep bool
}

func newDemoCmd(f *Factory, runF func(*demoOptions) error) *cobra.Command {
	opts := &demoOptions{f: f}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole job offline on built-in Wanted-shaped pages",
		Long: `Run the whole job with no network: start a built-in replay of Wanted-shaped pages on
127.0.0.1 (robots.txt, sitemaps and posting pages written for this project), scrape it with
the real scraper into a temporary database using the example profile, then print the list
and the gaps report. Your own config and database are not touched.`,
		Example: `  jobs demo
  jobs demo --keep     # keep the temporary database to try 'jobs show' on it`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return demoRun(cmd, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Keep, "keep", false, "keep the demo database and print its path")
	return cmd
}

func demoRun(cmd *cobra.Command, opts *demoOptions) error {
	ctx := cmd.Context()
	io := opts.f.IO
	posts, err := replay.Load()
	if err != nil {
		return fmt.Errorf("the built-in demo postings are invalid: %v", err)
	}
	// Two nights: on the first every posting is open; by the second, one has closed.
	site := replay.NewSwitch(replay.Handler(replay.Reopened(posts), replay.Options{}))
	base, stop, err := replay.ServeLoopback(site)
	if err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot start the demo site on 127.0.0.1: %v", err)
	}
	defer stop()
	dir, err := os.MkdirTemp("", "jobs-demo-")
	if err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot create a temporary directory: %v", err)
	}
	if !opts.Keep {
		defer os.RemoveAll(dir)
	}

	// The example config's profile, pointed at the replay site.
	cfg, err := config.Demo(base)
	if err != nil {
		return err
	}

	df := newFactory(io)
	df.Now = opts.f.Now
	df.cfgOnce.Do(func() {})
	df.cfg = cfg
	df.DBFlag = filepath.Join(dir, "jobs.db")
	defer df.closeStore()

	say := func(format string, args ...any) {
		fmt.Fprintf(io.Out, paint(io, "1", format)+"\n", args...)
	}
	prof, _ := yaml.Marshal(map[string]any{"years": cfg.Profile.Years, "skills": cfg.Profile.Skills})
	say("jobs demo: a Wanted-shaped site is running at %s (no network is used).", base)
	fmt.Fprintf(io.Out, "Profile (from the example config.yaml):\n  %s\n\n", strings.ReplaceAll(strings.TrimRight(string(prof), "\n"), "\n", "\n  "))

	say("$ jobs scrape            # night 1")
	if err := demoScrape(ctx, df); err != nil {
		return err
	}
	site.Set(replay.Handler(posts, replay.Options{}))
	say("$ jobs scrape            # night 2: nothing changed but one posting closed")
	if err := demoScrape(ctx, df); err != nil {
		return err
	}
	fmt.Fprintln(io.Out)
	say("$ jobs list")
	items, err := scoredPostings(ctx, df, target.Query{})
	if err != nil {
		return err
	}
	if err := printList(io, items); err != nil {
		return err
	}
	fmt.Fprintln(io.Out)
	say("$ jobs gaps")
	if err := gapsRun(cmd, &gapsOptions{f: df, Top: 8}); err != nil {
		return err
	}
	fmt.Fprintln(io.Out)
	say("$ jobs gaps --plan 3")
	if err := gapsRun(cmd, &gapsOptions{f: df, Plan: 3}); err != nil {
		return err
	}
	if opts.Keep {
		id := "1" // the database has no posting to show; any id does
		if len(items) > 0 {
			id = fmt.Sprint(items[0].Posting.ID)
		}
		fmt.Fprintf(io.Out, "\nThe demo database is kept at %s; try: jobs --db %s show %s\n",
			df.DBFlag, df.DBFlag, id)
	} else {
		fmt.Fprintln(io.Out, "\nNext: 'jobs init' writes your own config; 'jobs scrape' collects the real site.")
	}
	return nil
}

func demoScrape(ctx context.Context, f *Factory) error {
	err := scrapeRun(ctx, &scrapeOptions{f: f, Limit: -1})
	var ee *exitError
	if errors.As(err, &ee) && ee.code == 3 {
		return nil // some pages failed: the summary said which; the demo goes on
	}
	return err
}
