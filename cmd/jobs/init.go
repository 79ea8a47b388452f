package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/jobs-cli/jobs/config"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/atomicfile"
)

type initOptions struct {
	f    *Factory
	Path string
}

func newInitCmd(f *Factory, runF func(*initOptions) error) *cobra.Command {
	opts := &initOptions{f: f}
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented config.yaml to edit",
		Long: `Write the documented example config.yaml to $XDG_CONFIG_HOME/jobs/config.yaml (or the
--config path, or $JOBS_CONFIG). An existing file is never overwritten.`,
		Example: `  jobs init
  jobs init --config ./my-config.yaml`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = config.Target(f.ConfigFlag)
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
	return cmd
}

func initRun(opts *initOptions) error {
	if err := os.MkdirAll(filepath.Dir(opts.Path), 0o755); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot create %s: %v", filepath.Dir(opts.Path), atomicfile.WithoutPath(err))
	}
	// O_EXCL: never overwrite, even a file created a moment ago.
	fh, err := os.OpenFile(opts.Path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		if err := initDatabase(opts.f); err != nil {
			return err
		}
		return jobs.Errorf(jobs.KindConflict, "%s already exists; edit it, or remove it first to start over", opts.Path)
	}
	if err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", opts.Path, atomicfile.WithoutPath(err))
	}
	if _, err := fh.Write(jobs.ExampleConfig); err != nil {
		fh.Close()
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", opts.Path, err)
	}
	if err := fh.Close(); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", opts.Path, err)
	}
	fmt.Fprintf(opts.f.IO.ErrOut, "Wrote %s. Edit profile.skills and profile.years, then run 'jobs scrape'.\n", opts.Path)
	return initDatabase(opts.f)
}

// initDatabase creates the database, or brings an existing one up to date, so that the
// commands that only read it can start.
func initDatabase(f *Factory) error {
	store, err := f.WriteStore(context.Background())
	if err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "The database %s is ready.\n", store.Path())
	return nil
}
