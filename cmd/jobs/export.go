package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs/ingest"
	"github.com/jobs-cli/jobs/internal/atomicfile"
)

type exportOptions struct {
	f      *Factory
	Format string
	Out    string
	Excel  bool // CSV with a byte-order mark, so Excel reads it as UTF-8
}

func newExportCmd(f *Factory, runF func(*exportOptions) error) *cobra.Command {
	opts := &exportOptions{f: f}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write every stored posting as JSON Lines or CSV",
		Long: `Write every stored posting, open or closed, one per line: the fields of 'jobs list --json'
plus the posting's text as sections, its skills by section, and, for a posting you track,
its application's stage and every step. 'jobs import' reads the JSON Lines back.`,
		Example: `  jobs export > postings.jsonl
  jobs export --format csv --out postings.csv
  jobs export --excel --out postings.csv      # opens in Excel with Korean intact`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Excel && !cmd.Flags().Changed("format") {
				opts.Format = "csv"
			}
			if opts.Format != "jsonl" && opts.Format != "csv" {
				return &usageError{cmd: cmd, err: fmt.Errorf("--format must be jsonl or csv, not %q", opts.Format)}
			}
			if opts.Excel && opts.Format != "csv" {
				return &usageError{cmd: cmd, err: fmt.Errorf("--excel goes with --format csv")}
			}
			if runF != nil {
				return runF(opts)
			}
			return exportRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "jsonl", "jsonl or csv")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&opts.Excel, "excel", false, "CSV for Excel: start with a UTF-8 byte-order mark, so Korean text opens readable (implies --format csv)")
	return cmd
}

func exportRun(cmd *cobra.Command, opts *exportOptions) error {
	ctx := cmd.Context()
	f := opts.f
	prof, err := f.Profile()
	if err != nil {
		return err
	}
	d, err := f.Dictionary()
	if err != nil {
		return err
	}
	store, err := f.Store(ctx)
	if err != nil {
		return err
	}
	var w io.Writer = f.IO.Out
	var file *atomicfile.File // --out: the last good export stays until this one is complete
	if opts.Out != "" {
		if file, err = atomicfile.Create(opts.Out); err != nil {
			return err
		}
		defer file.Abort()
		w = file
	}
	n, err := ingest.Export{Store: store, Dictionary: d, Profile: prof, CSV: opts.Format == "csv", Excel: opts.Excel}.Write(ctx, w)
	if err != nil {
		return err
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return err
		}
		fmt.Fprintf(f.IO.ErrOut, "Exported %d postings to %s.\n", n, opts.Out)
	}
	return nil
}
