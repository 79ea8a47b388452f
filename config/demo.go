package config

import (
	"fmt"
	"time"

	"github.com/jobs-cli/jobs"
)

// Demo is the config `jobs demo` runs with: the shipped example config.yaml's profile and
// targets, reading only the Wanted-shaped site at baseURL (its category 518, development),
// quickly (20 ms between pages) and without a page cap, into a database the demo names.
func Demo(baseURL string) (*Config, error) {
	cfg := Default()
	if err := Parse(jobs.ExampleConfig, cfg); err != nil {
		return nil, fmt.Errorf("the built-in example config is invalid: %v", err)
	}
	cfg.File = "the example config.yaml"
	cfg.Sources = &SourcesConfig{Wanted: &WantedConfig{BaseURL: baseURL, Categories: []int{518}}}
	cfg.Scrape.Delay = Duration(20 * time.Millisecond)
	cfg.Scrape.Limit = 0
	cfg.Database = ""
	return cfg, nil
}
