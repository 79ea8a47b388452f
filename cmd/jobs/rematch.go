package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs/ingest"
)

type rematchOptions struct {
	f *Factory
}

func newRematchCmd(f *Factory, runF func(*rematchOptions) error) *cobra.Command {
	opts := &rematchOptions{f: f}
	cmd := &cobra.Command{
		Use:   "rematch",
		Short: "Re-read every stored posting after the dictionary or the config changed",
		Long: `Re-derive every stored posting's skills, years and degree from its stored text, without
fetching anything. Run it after upgrading jobs or editing skills.aliases / skills.extra.
Scores follow the profile on every run and need no rematch.`,
		Example: `  jobs rematch`,
		Args:    maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return rematchRun(cmd, opts)
		},
	}
	return cmd
}

func rematchRun(cmd *cobra.Command, opts *rematchOptions) error {
	ctx, f := cmd.Context(), opts.f
	an, err := f.Analyzer()
	if err != nil {
		return err
	}
	store, err := f.WriteStore(ctx)
	if err != nil {
		return err
	}
	read, changed, err := ingest.Rematch(ctx, store, an)
	if err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "Re-read %d postings: %d changed.\n", read, changed)
	return nil
}
