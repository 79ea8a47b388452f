package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/db"
)

// A name the catalogue does not know is a config error naming the line, the key and the name.
func TestCompaniesUnknownNameIsUsageError(t *testing.T) {
	dir := isolate(t)
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), "sources:\n  companies:\n    - 카카오페\n")
	r := runCLI(t, false, "", "--config", cfg, "list", "--json")
	if r.code != 2 {
		t.Fatalf("exit %d, want 2: %s", r.code, r.err)
	}
	for _, want := range []string{"line 2", "sources.companies", `"카카오페" is not in the company catalogue`, "did you mean"} {
		if !strings.Contains(r.err, want) {
			t.Errorf("stderr %q lacks %q", r.err, want)
		}
	}
}

// Saramin's Open API needs the user's own key, from the file or from $JOBS_SARAMIN_KEY.
func TestSaraminKeyMissing(t *testing.T) {
	dir := isolate(t)
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), "sources:\n  saramin: {keywords: [백엔드]}\n")
	t.Setenv(config.SaraminKeyEnv, "")
	r := runCLI(t, false, "", "--config", cfg, "sources")
	if r.code != 2 || !strings.Contains(r.err, "sources.saramin.access_key is empty") {
		t.Fatalf("without a key: exit %d: %s", r.code, r.err)
	}
}

// The catalogue's aliases join one company's postings across sources and scripts: 토스 on
// Wanted, "Toss Inc." on a board and "Viva Republica" on another are one posting, and
// watch.companies: [비바리퍼블리카] names it.
func TestCatalogueJoinsSpellings(t *testing.T) {
	dir := isolate(t)
	path := filepath.Join(dir, "jobs.db")
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	store, err := db.Open(ctx, path, db.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*jobs.Posting{
		{Source: "wanted", SourceID: "101", URL: "https://www.wanted.co.kr/wd/101", Company: "(주)토스", Title: "Server Developer (Go)"},
		{Source: "greenhouse", SourceID: "9001", URL: "https://boards.greenhouse.io/toss/jobs/9001", Company: "Toss Inc.", Title: "Server Developer (Go)"},
		{Source: "saramin", SourceID: "1", URL: "https://www.saramin.co.kr/zf_user/jobs/relay/view?rec_idx=1", Company: "(주)비바리퍼블리카", Title: "Server Developer (Go)"},
		{Source: "lever", SourceID: "k", URL: "https://jobs.lever.co/kakaopay/k", Company: "KakaoPay", Title: "Server Developer (Go)"},
	} {
		p.Status = jobs.StatusOpen
		if _, _, err := store.UpsertPosting(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()
	r := runCLI(t, false, "", "--db", path, "list", "--json")
	var got []struct {
		Company string
		Sources []struct{ Source string }
	}
	if err := json.Unmarshal([]byte(r.out), &got); err != nil || len(got) != 2 {
		t.Fatalf("%v: want two postings (토스's, seen three times, and 카카오페이's): %s %s", err, r.out, r.err)
	}
	for _, e := range got {
		if e.Company == "(주)토스" && len(e.Sources) != 3 {
			t.Errorf("토스's posting has %d sources, want 3", len(e.Sources))
		}
	}
	if jobs.NormalizeCompany("비바리퍼블리카") != jobs.NormalizeCompany("토스") {
		t.Error("watch.companies would not know 비바리퍼블리카 as 토스")
	}
}
