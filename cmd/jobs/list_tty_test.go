package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/tableprinter"
)

// runWidth runs the command line on a terminal this many columns wide, at a stopped clock.
func runWidth(t *testing.T, width int, args ...string) cliResult {
	t.Helper()
	var out, errb bytes.Buffer
	io := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errb, OutTTY: true, ErrTTY: true, Width: width}
	f := newFactory(io)
	f.Now = func() time.Time { return time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC) }
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&errb)
	err := root.ExecuteContext(context.Background())
	f.closeStore()
	return cliResult{code: exitCode(err, io), out: out.String(), err: errb.String()}
}

// koreanBoard stores n open postings of companies with legal forms and long Korean titles;
// the profile knows Python and SQL, so the first postings (asking for fewer skills) score best.
func koreanBoard(t *testing.T, n int) (cfg, dbPath string) {
	t.Helper()
	ctx := context.Background()
	dir := isolate(t)
	cfg = writeFile(t, filepath.Join(dir, "c.yaml"), "profile:\n  skills: [Python, SQL]\n")
	dbPath = filepath.Join(dir, "jobs.db")
	clock := time.Date(2026, 11, 19, 0, 0, 0, 0, time.UTC)
	store, err := db.Open(ctx, dbPath, db.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	companies := []string{"주식회사 카카오모빌리티", "(주)우아한형제들", "비바리퍼블리카 주식회사", "Coupang, Inc.", "Acme Korea Co., Ltd."}
	skills := [][]string{{"Python", "SQL"}, {"Python", "Kubernetes"}, {"Python", "Go", "Kafka"}}
	for i := 0; i < n; i++ {
		clock = clock.Add(time.Minute)
		p := fixturePosting(fmt.Sprint(1000+i), companies[i%len(companies)],
			fmt.Sprintf("머신러닝 엔지니어 (추천 시스템, 대규모 데이터 파이프라인) %d", i), skills[i%len(skills)], nil)
		if _, _, err := store.UpsertPosting(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	return cfg, dbPath
}

// On a terminal list shows the best 30 and says how to see the rest; the company loses its
// legal form and the title keeps the width. Piped and --json, every posting is there.
func TestListOnATerminal(t *testing.T) {
	cfg, dbPath := koreanBoard(t, 45)
	for _, width := range []int{80, 160, 200} {
		r := runWidth(t, width, "--config", cfg, "--db", dbPath, "list")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.err)
		}
		golden(t, fmt.Sprintf("list-%d.txt", width), r.out+"--- stderr ---\n"+r.err)
		if rows := strings.Count(r.out, "\n") - 1; rows != 30 {
			t.Errorf("%d columns: %d rows, want 30", width, rows)
		}
		if !strings.Contains(r.err, "30 of 45 open postings: --limit N, --limit 0 for all.") {
			t.Errorf("no footer: %q", r.err)
		}
		for _, line := range strings.Split(strings.TrimRight(r.out, "\n"), "\n") {
			if w := tableprinter.DisplayWidth(line); w > width {
				t.Errorf("%d columns: a line is %d wide: %q", width, w, line)
			}
		}
		if strings.Contains(r.out, "주식회사") || strings.Contains(r.out, "(주)") || strings.Contains(r.out, "Inc.") {
			t.Errorf("legal forms shown:\n%s", r.out)
		}
	}
	r := runWidth(t, 80, "--config", cfg, "--db", dbPath, "list", "--limit", "0")
	if rows := strings.Count(r.out, "\n") - 1; rows != 45 || strings.Contains(r.err, "of 45") {
		t.Errorf("--limit 0: %d rows, %q", rows, r.err)
	}
	piped := runCLI(t, false, "", "--config", cfg, "--db", dbPath, "list")
	if rows := strings.Count(piped.out, "\n"); rows != 45 || !strings.Contains(piped.out, "주식회사 카카오모빌리티") {
		t.Errorf("piped: %d rows:\n%s", rows, piped.out)
	}
	golden(t, "list-piped.tsv", piped.out)
}

var _ = jobs.StatusOpen

// On a terminal that allows colour, bands are coloured; NO_COLOR (Color false) keeps them plain.
func TestListColoursBands(t *testing.T) {
	cfg, dbPath := koreanBoard(t, 4)
	for _, colour := range []bool{true, false} {
		var out, errb bytes.Buffer
		io := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errb, OutTTY: true, ErrTTY: true, Width: 100, Color: colour}
		if code := run([]string{"--config", cfg, "--db", dbPath, "list"}, io); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		coloured := strings.Contains(out.String(), "\x1b[32mGreat\x1b[0m")
		if coloured != colour {
			t.Errorf("colour %v:\n%q", colour, out.String())
		}
		// The coloured table lines up as the plain one does.
		lines := strings.Split(out.String(), "\n")
		if w0, w1 := tableprinter.VisibleWidth(lines[0]), tableprinter.VisibleWidth(lines[1]); w0 != w1 {
			t.Errorf("colour %v: header %d cells, first row %d:\n%s", colour, w0, w1, out.String())
		}
	}
}

// history of one company, and board, at 80 columns: no crash, nothing wider than the terminal.
func TestNarrowTablesFit(t *testing.T) {
	cfg, dbPath := koreanBoard(t, 6)
	for _, args := range [][]string{
		{"track", "1", "applied", "--note", "이력서 v3 (포트폴리오 링크 포함, 자기소개서 수정본)"},
		{"track", "2", "saved"},
		{"board"},
		{"history", "우아한형제들"},
		{"history", "주식회사"},
	} {
		r := runWidth(t, 80, append([]string{"--config", cfg, "--db", dbPath}, args...)...)
		if len(args) > 1 && args[1] == "주식회사" {
			if r.code != 2 {
				t.Errorf("%v: exit %d %q", args, r.code, r.err)
			}
			continue
		}
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
		}
		for _, line := range strings.Split(r.out+r.err, "\n") {
			if w := tableprinter.VisibleWidth(line); w > 80 {
				t.Errorf("%v: a line is %d cells wide: %q", args, w, line)
			}
		}
		if args[0] == "board" || args[0] == "history" {
			golden(t, args[0]+"-80.txt", r.out)
		}
	}
}
