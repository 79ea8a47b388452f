package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/ingest"
	"github.com/jobs-cli/jobs/internal/atomicfile"
	"github.com/jobs-cli/jobs/report"
)

type importOptions struct {
	f      *Factory
	File   string
	Format string
}

func newImportCmd(f *Factory, runF func(*importOptions) error) *cobra.Command {
	opts := &importOptions{f: f}
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Read postings from JSON Lines (jobs export) or JobSpy's CSV",
		Long: `Read postings into the database from a file in 'jobs export --format jsonl' form, or the CSV
that JobSpy writes, so postings other scrapers collected are matched and tracked here. Each
posting keeps its source, source id, company, title, url and text; skills, years and scores are
derived afresh. Importing the same lines again changes nothing.`,
		Example: `  jobs import postings.jsonl
  jobs import jobspy.csv
  cat postings.jsonl | jobs import -`,
		Args: exactArgs(1, "a file (or - for standard input)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.File = args[0]
			switch opts.Format {
			case "", "jsonl", "csv":
			default:
				return &usageError{cmd: cmd, err: fmt.Errorf("--format must be jsonl or csv, not %q", opts.Format)}
			}
			if runF != nil {
				return runF(opts)
			}
			return importRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "", "jsonl or csv (default: from the file name, else from its first byte)")
	return cmd
}

func importRun(cmd *cobra.Command, opts *importOptions) error {
	ctx := cmd.Context()
	f := opts.f
	var r io.Reader = f.IO.In
	name := "standard input"
	if opts.File != "-" {
		fh, err := os.Open(opts.File)
		if err != nil {
			return jobs.Errorf(jobs.KindInvalid, "cannot read %s: %v", opts.File, atomicfile.WithoutPath(err))
		}
		defer fh.Close()
		r, name = fh, opts.File
	}
	br := bufio.NewReaderSize(r, 1<<16)
	format := opts.Format
	if format == "" {
		format = ingest.DetectFormat(opts.File, br)
	}
	an, err := f.Analyzer()
	if err != nil {
		return err
	}
	store, err := f.WriteStore(ctx)
	if err != nil {
		return err
	}
	res, err := ingest.Import(ctx, store, an, ingest.Input{R: br, Name: name, Format: format})
	if err != nil {
		return err
	}
	for i, b := range res.Bad {
		if i == 10 {
			fmt.Fprintf(f.IO.ErrOut, "  ... and %d more\n", len(res.Bad)-10)
			break
		}
		fmt.Fprintf(f.IO.ErrOut, "%s line %d: %v\n", name, b.Line, b.Err)
	}
	stored := res.Stored()
	if len(res.Bad) > 0 && stored == 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("nothing was imported: %s of %s could not be read (see above)",
			report.CountOf(len(res.Bad), "line", "lines"), name)}
	}
	fmt.Fprintf(f.IO.ErrOut, "Imported %s: %d new, %d updated, %d unchanged", name, res.Created, res.Updated, res.Unchanged)
	if res.Applications > 0 {
		fmt.Fprintf(f.IO.ErrOut, "; %s, %s added", report.CountOf(res.Applications, "application", "applications"), report.CountOf(res.Steps, "step", "steps"))
	}
	fmt.Fprintln(f.IO.ErrOut, ".")
	if len(res.Bad) > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%s of %s could not be read (see above); %s imported",
			report.CountOf(len(res.Bad), "line", "lines"), name, report.CountOf(stored, "posting was", "postings were"))}
	}
	return nil
}
