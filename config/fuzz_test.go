package config

import (
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

// Config files are read from users and other tools: any bytes give a config or an error
// naming a line, never a panic. (Import files are fuzzed in ingest.)

func FuzzParseConfig(f *testing.F) {
	f.Add(jobs.ExampleConfig)
	f.Add([]byte("profile:\n  years: lots\n"))
	f.Add([]byte("scrape:\n  delay: 7d\n  max_page_size: 5MB\n"))
	f.Add([]byte("sources:\n  pages:\n    - url: http://x\n      follow: /jobs/*\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := Default()
		if err := Parse(data, c); err != nil && strings.TrimSpace(err.Error()) == "" {
			t.Errorf("an error with no message")
		}
	})
}
