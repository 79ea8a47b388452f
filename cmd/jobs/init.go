package main

import (
	"context"
	"fmt"

	"github.com/jobs-cli/jobs/config"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
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
	if err := config.WriteExample(opts.Path); err != nil {
		if jobs.KindOf(err) == jobs.KindConflict {
			if err := initDatabase(opts.f); err != nil {
				return err
			}
		}
		return err
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
