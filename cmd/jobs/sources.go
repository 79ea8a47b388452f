package main

import (
	"context"
	"fmt"
	"os"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs/ingest"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/scraper"
)

type sourcesOptions struct {
	f     *Factory
	Check bool
	JSON  bool
}

func newSourcesCmd(f *Factory, runF func(*sourcesOptions) error) *cobra.Command {
	opts := &sourcesOptions{f: f}
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List every source and catalogue company, whether it is on, and how its last run went",
		Long: `List every kind of source jobs can read and every company of its built-in catalogue:
whether it is on in the config (and why: configured, or named under sources.companies), and
the status line of its last run.

With --check, ask each configured source's list for its first page, one request each
(robots.txt honoured, nothing stored), and say how many postings it could read and which
fields came back empty: a site that changed its pages shows here before a nightly run
quietly finds nothing. Exit status 1 when a check fails.`,
		Example: `  jobs sources
  jobs sources --check
  jobs sources --json`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			if opts.Check {
				return sourcesCheckRun(cmd.Context(), opts)
			}
			return sourcesRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "make one request to each configured source and report what it read")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

// lastRunLines is each source's status line in the newest run that ran it.
func lastRunLines(ctx context.Context, f *Factory) (map[string]string, error) {
	path, err := f.DBPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err != nil {
		return nil, nil // nothing collected yet; sources does not create the database
	}
	store, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	runs, err := store.Runs(ctx, 30)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for source, r := range ingest.LastRuns(runs) {
		out[source] = r.StatusLine()
	}
	return out, nil
}

func sourcesRun(ctx context.Context, opts *sourcesOptions) error {
	f := opts.f
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	last, err := lastRunLines(ctx, f)
	if err != nil {
		return err
	}
	list, err := ingest.ListSources(cfg, last)
	if err != nil {
		return err
	}
	if opts.JSON {
		return jsonout.Write(f.IO.Out, list)
	}
	t := newTable(f.IO, "SOURCE", "ON", "WHY", "WHAT", "LAST RUN").Flex(3, 4)
	for _, r := range list.Sources {
		t.Row("source "+r.Kind, r.State(), r.Why, r.What(), r.LastRun)
	}
	for _, c := range list.Companies {
		t.Row("company "+c.Name, c.State(), c.Why(), c.What(), c.LastRun)
	}
	return t.Render()
}

func sourcesCheckRun(ctx context.Context, opts *sourcesOptions) error {
	f := opts.f
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	sources, err := f.Sources(cfg, ingest.SourceOptions{UserAgent: scraper.UserAgentFor(version), Limit: -1})
	if err != nil {
		return err
	}
	results, failed, err := ingest.Probe(ctx, sources)
	if err != nil {
		return err
	}
	if opts.JSON {
		if err := jsonout.Write(f.IO.Out, results); err != nil {
			return err
		}
	} else {
		t := newTable(f.IO, "SOURCE", "RESULT", "READ", "EMPTY FIELDS", "LIST").Flex(3, 4)
		for _, r := range results {
			result := "ok"
			if !r.OK() {
				result = "FAILED: " + r.Failure
			}
			t.Row(r.Source, result, strconv.Itoa(r.Read), ingest.EmptyFields(r), r.URL)
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d sources could not be read (see above)", failed, len(results))}
	}
	return nil
}
