package ingest

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

// TestReadJobSpyCSVIsBounded: input without line ends fails at 16 MiB, as a JSON line
// does, instead of being read whole.
func TestReadJobSpyCSVIsBounded(t *testing.T) {
	endless := io.LimitReader(repeatReader('a'), 64<<20)
	err := readJobSpyCSV(endless, func(*jobs.Posting) {}, new([]BadLine))
	if err == nil || !strings.Contains(err.Error(), "longer than 16 MiB") {
		t.Errorf("64 MiB without a line end: %v", err)
	}
	header := "id,site,job_url,title,company,description\n"
	endless = io.MultiReader(strings.NewReader(header+"a1,indeed,https://x/1,T,A,\""), io.LimitReader(repeatReader('\n'), 64<<20))
	err = readJobSpyCSV(endless, func(*jobs.Posting) {}, new([]BadLine))
	if err == nil || !strings.Contains(err.Error(), "line 2: a record longer than 16 MiB") {
		t.Errorf("a quote open over 64 MiB of lines: %v", err)
	}
}

// repeatReader yields c forever.
type repeatReader byte

func (c repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(c)
	}
	return len(p), nil
}

// Import files are read from users and other tools: any bytes give postings or counted bad
// lines, never a panic.
func FuzzReadImport(f *testing.F) {
	f.Add([]byte(`{"source":"wanted","source_id":"1","title":"ML","sections":{"requirements":"Python"},"due":"2026-12-01"}` + "\n"))
	f.Add([]byte("id,site,job_url,title,company,description\nin-1,indeed,http://x,ML,Acme,\"**Requirements**\n- Python\"\n"))
	f.Add([]byte("{\"source\":\"x\"}\nnot json\n"))
	f.Add([]byte(`{"source":"wanted","source_id":"1","application":{"stage":"applied","steps":[{"stage":"applied","date":"2026-11-03T00:00:00Z","note":"v3"}]}}` + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := decodeApplication(data); err == nil && r != nil && len(r.Steps) == 0 {
			t.Errorf("an application without steps: %+v", r)
		}
		var bad []BadLine
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
