package main

import (
	"bufio"
	"bytes"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

// Config files and import files are read from users and other tools: any bytes give a
// config or an error naming a line, postings or counted bad lines, never a panic.

func FuzzParseConfig(f *testing.F) {
	f.Add(jobs.ExampleConfig)
	f.Add([]byte("profile:\n  years: lots\n"))
	f.Add([]byte("scrape:\n  delay: 7d\n  max_page_size: 5MB\n"))
	f.Add([]byte("sources:\n  pages:\n    - url: http://x\n      follow: /jobs/*\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := defaultConfig()
		if err := parseConfig(data, c); err != nil && strings.TrimSpace(err.Error()) == "" {
			t.Errorf("an error with no message")
		}
	})
}

func FuzzReadImport(f *testing.F) {
	f.Add([]byte(`{"source":"wanted","source_id":"1","title":"ML","sections":{"requirements":"Python"},"due":"2026-12-01"}` + "\n"))
	f.Add([]byte("id,site,job_url,title,company,description\nin-1,indeed,http://x,ML,Acme,\"**Requirements**\n- Python\"\n"))
	f.Add([]byte("{\"source\":\"x\"}\nnot json\n"))
	f.Add([]byte(`{"source":"wanted","source_id":"1","application":{"stage":"applied","steps":[{"stage":"applied","date":"2026-11-03T00:00:00Z","note":"v3"}]}}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := decodeApplication(data); err == nil && r != nil && len(r.Steps) == 0 {
			t.Errorf("an application without steps: %+v", r)
		}
		var bad []badLine
		n := 0
		emit := func(p *jobs.Posting) {
			n++
			if p.Source == "" || p.SourceID == "" {
				t.Errorf("a posting without source or id: %+v", p)
			}
		}
		readJSONL(bufio.NewReader(bytes.NewReader(data)), emit, &bad)
		readJobSpyCSV(bytes.NewReader(data), emit, &bad)
	})
}
