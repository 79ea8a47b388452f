package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

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
func (f *Factory) ConfigOrigin() string {
	path, err := configPath(f.ConfigFlag)
	switch {
	case err != nil:
		return err.Error()
	case path == "":
		return fmt.Sprintf("none: built-in defaults (jobs init writes %s)", defaultConfigFile())
	case f.ConfigFlag != "":
		return path + " (--config)"
	case os.Getenv("JOBS_CONFIG") != "":
		return path + " ($JOBS_CONFIG)"
	}
	return path
}

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
	text, err := effectiveYAML(cfg)
	if err != nil {
		return jobs.Errorf(jobs.KindInternal, "cannot show the config: %v", err)
	}
	fmt.Fprintf(w, "\nEffective values:\n%s", text)
	return nil
}

// effectiveYAML is the config as jobs uses it, defaults filled in, keys that are off left out.
func effectiveYAML(cfg *Config) ([]byte, error) {
	c := *cfg
	if c.Sources == nil {
		c.Sources = &SourcesConfig{Wanted: c.Wanted()}
	}
	c.Filters = FiltersConfig{} // folded into targets when read
	if c.Scrape.Retries == nil {
		three := 3
		c.Scrape.Retries = &three
	}
	if c.Database == "" {
		c.Database = dataHome() + "/jobs/jobs.db"
	}
	var n yaml.Node
	if err := n.Encode(&c); err != nil {
		return nil, err
	}
	pruneNulls(&n)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}

// pruneNulls drops mapping entries whose value is null: a source that is off, a key not set.
func pruneNulls(n *yaml.Node) {
	if n.Kind == yaml.MappingNode {
		kept := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" || k.Value == "filters" {
				continue
			}
			kept = append(kept, k, v)
		}
		n.Content = kept
	}
	if n.Kind == yaml.SequenceNode {
		flow := true
		for _, c := range n.Content {
			flow = flow && c.Kind == yaml.ScalarNode
		}
		if flow { // [Python, SQL] on one line, as config.yaml writes them
			n.Style = yaml.FlowStyle
		}
	}
	for _, c := range n.Content {
		pruneNulls(c)
	}
}

// tilde writes a path under the home directory as ~/..., as people type it.
func tilde(path string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || home == "/" {
		return path
	}
	if rest, ok := strings.CutPrefix(path, home+string(os.PathSeparator)); ok {
		return "~/" + rest
	}
	return path
}

// MarshalYAML writes a duration the way config.yaml takes it: 7d, 10m, 1s.
func (d Duration) MarshalYAML() (any, error) {
	v := time.Duration(d)
	if v >= 24*time.Hour && v%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", v/(24*time.Hour)), nil
	}
	s := v.String()
	for _, suffix := range []string{"m0s", "h0m"} {
		if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
			s = s[:len(s)-len(suffix)+1]
		}
	}
	return s, nil
}

// MarshalYAML writes a size the way config.yaml takes it: 5MB, 512KB.
func (b ByteSize) MarshalYAML() (any, error) {
	switch {
	case b >= 1<<20 && b%(1<<20) == 0:
		return fmt.Sprintf("%dMB", b>>20), nil
	case b >= 1<<10 && b%(1<<10) == 0:
		return fmt.Sprintf("%dKB", b>>10), nil
	}
	return fmt.Sprintf("%dB", int64(b)), nil
}
