package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/matcher"
)

// An export's JSON Lines read back as the postings they came from, and its CSV has one row
// per posting under the header, text cleaned of control characters.
func TestExportReadsBack(t *testing.T) {
	ctx := context.Background()
	dict, err := matcher.Builtin(matcher.Extension{})
	if err != nil {
		t.Fatal(err)
	}
	an := matcher.New(dict)
	store, err := db.Open(ctx, filepath.Join(t.TempDir(), "jobs.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	in := `{"source":"wanted","source_id":"1","company":"키결랩","title":"백엔드 개발자","url":"https://www.wanted.co.kr/wd/1","sections":{"requirements":"- Python 또는 Go 경험\n- SQL\u001b[31m 능숙"}}
{"source":"lever","source_id":"a-2","company":"Acme","title":"ML Engineer","url":"https://jobs.lever.co/acme/a-2","sections":{"requirements":"PyTorch; Docker"}}
`
	if _, err := Import(ctx, store, an, Input{R: bufio.NewReader(strings.NewReader(in)), Name: "in", Format: "jsonl"}); err != nil {
		t.Fatal(err)
	}
	prof, _ := dict.PrepareProfile(jobs.Profile{Skills: []string{"Python"}})
	var lines bytes.Buffer
	n, err := Export{Store: store, Dictionary: dict, Profile: prof}.Write(ctx, &lines)
	if err != nil || n != 2 {
		t.Fatalf("export: %d postings, %v", n, err)
	}
	var read []*jobs.Posting
	var bad []BadLine
	if err := readJSONL(bufio.NewReader(&lines), func(p *jobs.Posting) { read = append(read, p) }, &bad); err != nil || len(bad) > 0 {
		t.Fatalf("reading the export back: %v %v", err, bad)
	}
	if len(read) != 2 {
		t.Fatalf("read back %d postings", len(read))
	}
	for _, p := range read {
		if p.Source == "wanted" && (p.SourceID != "1" || p.Company != "키결랩" || !strings.Contains(p.Sections.Requirements, "Python 또는 Go")) {
			t.Errorf("read back %+v", p)
		}
		if strings.ContainsRune(p.Sections.Requirements, 0x1b) {
			t.Errorf("an escape character was exported: %q", p.Sections.Requirements)
		}
	}

	var table bytes.Buffer
	if _, err := (Export{Store: store, Dictionary: dict, Profile: prof, CSV: true, Excel: true}).Write(ctx, &table); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(table.String(), "\ufeffid,source,") {
		t.Errorf("the Excel CSV does not start with a byte-order mark and the header: %.40q", table.String())
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(table.String(), "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("CSV: %d rows, %v", len(rows), err)
	}
	for _, r := range rows[1:] {
		if len(r) != len(csvHeader) {
			t.Errorf("a row of %d columns under %d headers", len(r), len(csvHeader))
		}
	}
}
