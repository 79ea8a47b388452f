package main

import (
	"fmt"

	"github.com/jobs-cli/jobs/config"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
)

// `jobs config` makes the config in use visible: which file (and why that one), the
// database, and every effective value after defaults were applied.

type configOptions struct {
	f *Factory
}

func newConfigCmd(f *Factory, runF func(*configOptions) error) *cobra.Command {
	opts := &configOptions{f: f}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show which config file is in use and the effective values",
		Long: `Show which config file jobs reads and why (--config, else $JOBS_CONFIG, else
$XDG_CONFIG_HOME/jobs/config.yaml; a config.yaml in the working directory is never read by
itself), the database it uses, and every effective value, defaults included. With no file
at all, the built-in defaults apply: 'jobs init' writes a commented file to edit.`,
		Example: `  jobs config
  JOBS_CONFIG=~/other.yaml jobs config`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return configRun(opts)
		},
	}
	return cmd
}

// ConfigOrigin says in a few words which config is in use: the file and what chose it, or
// the built-in defaults.
func (f *Factory) ConfigOrigin() string { return config.Origin(f.ConfigFlag) }

func configRun(opts *configOptions) error {
	f := opts.f
	w := f.IO.Out
	fmt.Fprintf(w, "Config    %s\n", f.ConfigOrigin())
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	dbPath, err := f.DBPath()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Database  %s\n", dbPath)
	text, err := config.Effective(cfg)
	if err != nil {
		return jobs.Errorf(jobs.KindInternal, "cannot show the config: %v", err)
	}
	fmt.Fprintf(w, "\nEffective values:\n%s", text)
	return nil
}
