package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/internal/tableprinter"
	"github.com/jobs-cli/jobs/report"
)

type doctorOptions struct {
	f    *Factory
	Runs int
}

func newDoctorCmd(f *Factory, runF func(*doctorOptions) error) *cobra.Command {
	opts := &doctorOptions{f: f}
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check the database and the last runs, and say how to fix what is wrong",
		Long: `Check the database: SQLite's integrity check, the schema version, its size, the last runs
with their per-source counts and failures, and whether you may write it. For each problem
found, doctor says what to do: permissions are fixed with chmod, a database from a newer
jobs needs that jobs, and a damaged one is recovered; no advice loses your tracked
applications without saying how to keep them. Exit status 1 when the database is damaged,
cannot be opened or cannot be written.`,
		Example: `  jobs doctor
  jobs doctor --runs 10`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return doctorRun(cmd, opts)
		},
	}
	cmd.Flags().IntVar(&opts.Runs, "runs", 5, "how many recent runs to show")
	return cmd
}

func doctorRun(cmd *cobra.Command, opts *doctorOptions) error {
	f := opts.f
	fmt.Fprintf(f.IO.Out, "Config     %s\n", f.ConfigOrigin())
	if _, err := f.Config(); err != nil {
		return err
	}
	path, err := f.DBPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); os.IsNotExist(err) {
		fmt.Fprintf(f.IO.Out, "No database at %s yet.\nFix: run 'jobs scrape' (or 'jobs demo' to try jobs offline).\n", path)
		return nil
	}
	store, err := f.Store(cmd.Context())
	switch {
	case err == nil:
	case jobs.KindOf(err) == jobs.KindNotFound:
		fmt.Fprintf(f.IO.Out, "No jobs database at %s yet (the file is empty).\nFix: run 'jobs scrape' (or 'jobs demo' to try jobs offline).\n", path)
		return nil
	case db.IsCorrupt(err):
		fmt.Fprintf(f.IO.Out, "The database %s cannot be opened: %s\n", path, safetext.OneLine(err.Error()))
		fmt.Fprintf(f.IO.Out, "Fix: %s\n", report.RecoverFix(path))
		return &exitError{code: 1}
	default:
		fmt.Fprintf(f.IO.Out, "The database %s cannot be opened: %s\n", path, safetext.OneLine(err.Error()))
		fmt.Fprintf(f.IO.Out, "Fix: %s\n", report.OpenFix(path, err))
		return &exitError{code: 1}
	}
	h, err := store.Check(cmd.Context(), opts.Runs)
	if err != nil {
		if !db.IsCorrupt(err) {
			return err
		}
		fmt.Fprintf(f.IO.Out, "Database   %s\nIntegrity  DAMAGED: %s\n\nTo fix:\n  - the database is damaged: %s\n", path, safetext.OneLine(err.Error()), report.RecoverFix(path))
		return &exitError{code: 1}
	}
	w := f.IO.Out
	fmt.Fprintf(w, "Database   %s (%s", h.Path, report.ByteSize(h.SizeBytes))
	if h.WALBytes > 0 {
		fmt.Fprintf(w, ", write-ahead log %s", report.ByteSize(h.WALBytes))
	}
	fmt.Fprintf(w, ")\nSchema     version %d of %d\n", h.SchemaVersion, h.LatestVersion)
	if h.Healthy() {
		fmt.Fprintln(w, "Integrity  ok")
	} else {
		fmt.Fprintf(w, "Integrity  DAMAGED: %s\n", safetext.OneLine(strings.Join(h.Integrity, "; ")))
	}
	readOnly := db.WriteProblem(path)
	if readOnly != "" {
		fmt.Fprintln(w, "Writable   NO")
	}
	fmt.Fprintf(w, "Postings   %d open, %d closed\n", h.Open, h.Closed)
	if len(h.Runs) == 0 {
		fmt.Fprintln(w, "Runs       none yet")
	} else {
		fmt.Fprintln(w, "Runs")
		for i, r := range h.Runs {
			took := "did not finish"
			if r.Ended != nil {
				took = "took " + r.Ended.Sub(r.Started).Round(time.Second).String()
			}
			fmt.Fprintf(w, "  %s  %s\n", r.Started.Local().Format("2006-01-02 15:04"), took)
			for _, s := range r.Sources {
				fmt.Fprintf(w, "    %s: listed %d, fetched %d, parsed %d, kept %d, closed %d, failed %d\n",
					s.Source, s.Listed, s.Fetched, s.Parsed, s.Kept, s.Closed, s.Failed)
				for j, fl := range s.Failures {
					if j == 3 && i > 0 {
						fmt.Fprintf(w, "      ... and %d more\n", len(s.Failures)-3)
						break
					}
					width := 0
					if f.IO.OutTTY {
						width = f.IO.Width
					}
					fmt.Fprintln(w, tableprinter.Wrap("      "+safetext.OneLine(fl.Error()), width, "        "))
				}
			}
		}
	}
	fixes := report.DoctorFixes(h, path, readOnly, f.Now())
	if len(fixes) == 0 {
		fmt.Fprintln(w, "\nNothing to fix.")
		return nil
	}
	fmt.Fprintln(w, "\nTo fix:")
	for _, fx := range fixes {
		width := 0
		if f.IO.OutTTY {
			width = f.IO.Width
		}
		// Prose wraps to the terminal; a command line (indented four) is left whole to copy.
		for i, line := range strings.Split(fx, "\n") {
			switch {
			case i == 0:
				fmt.Fprintln(w, tableprinter.Wrap("  - "+line, width, "    "))
			case strings.HasPrefix(line, "    "):
				fmt.Fprintln(w, line)
			default:
				fmt.Fprintln(w, tableprinter.Wrap(line, width, "    "))
			}
		}
	}
	if !h.Healthy() || readOnly != "" {
		return &exitError{code: 1}
	}
	return nil
}
