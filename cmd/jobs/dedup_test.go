package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
)

func TestListShowsOnePostingSeenOnTwoBoardsOnce(t *testing.T) {
	dir := isolate(t)
	path := filepath.Join(dir, "jobs.db")
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	store, err := db.Open(ctx, path, db.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range []*jobs.Posting{
		{Source: "wanted", SourceID: "101", URL: "https://www.wanted.co.kr/wd/101", Company: "(주)모래시계", Title: "Server Developer (Go)"},
		{Source: "greenhouse", SourceID: "9001", URL: "https://boards.greenhouse.io/toss/jobs/9001", Company: "Moraesigye Inc.", Title: "Server Developer (Go)"},
		{Source: "greenhouse", SourceID: "9002", URL: "https://boards.greenhouse.io/toss/jobs/9002", Company: "모래시계", Title: "Frontend Developer"},
	} {
		now = now.Add(time.Duration(i) * time.Hour)
		p.Status = jobs.StatusOpen
		if _, _, err := store.UpsertPosting(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()
	// Moraesigye Inc. and (주)모래시계 normalise differently (Latin vs Hangul), and the
	// company catalogue does not know them: only exact company spellings after folding group.
	// Make the second one Korean to group it.
	store, _ = db.Open(ctx, path, db.WithClock(func() time.Time { return now }))
	if _, _, err := store.UpsertPosting(ctx, &jobs.Posting{Source: "lever", SourceID: "abc", URL: "https://jobs.lever.co/toss/abc",
		Company: "모래시계 주식회사", Title: "server developer(go)", Status: jobs.StatusOpen}); err != nil {
		t.Fatal(err)
	}
	store.Close()

	r := runCLI(t, false, "", "--db", path, "list", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.err)
	}
	var got []struct {
		Source   string `json:"source"`
		SourceID string `json:"source_id"`
		Title    string `json:"title"`
		Sources  []struct {
			Source   string `json:"source"`
			SourceID string `json:"source_id"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(r.out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d elements, want 3 (wanted+lever as one, the English-named board, the frontend role): %s", len(got), r.out)
	}
	found := false
	for _, e := range got {
		if e.Source == "wanted" {
			found = true
			if e.SourceID != "101" || len(e.Sources) != 2 || e.Sources[0].Source != "wanted" || e.Sources[1].Source != "lever" {
				t.Errorf("grouped element: %+v", e)
			}
		} else if len(e.Sources) != 1 {
			t.Errorf("ungrouped element has %d sources: %+v", len(e.Sources), e)
		}
	}
	if !found {
		t.Errorf("the first-seen sighting does not lead: %s", r.out)
	}
}

// A posting whose requirements were edited after it was first seen is flagged updated in
// list --json and in show.
func TestEditedPostingShowsUpdated(t *testing.T) {
	dir := isolate(t)
	path := filepath.Join(dir, "jobs.db")
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	store, err := db.Open(ctx, path, db.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	p := &jobs.Posting{Source: "wanted", SourceID: "7", URL: "https://www.wanted.co.kr/wd/7", Company: "토스",
		Title: "ML Engineer", Status: jobs.StatusOpen, Sections: jobs.Sections{Requirements: "• Python"}}
	if _, _, err := store.UpsertPosting(ctx, p); err != nil {
		t.Fatal(err)
	}
	now = now.Add(48 * time.Hour)
	p.Sections.Requirements = "• Python\n• Kubernetes"
	if _, _, err := store.UpsertPosting(ctx, p); err != nil {
		t.Fatal(err)
	}
	store.Close()
	r := runCLI(t, false, "", "--db", path, "list", "--json")
	if !strings.Contains(r.out, `"updated":true`) || !strings.Contains(r.out, `"updated_at":"2026-11-22T09:00:00Z"`) {
		t.Errorf("list --json:\n%s", r.out)
	}
	if r := runCLI(t, false, "", "--db", path, "show", "1"); !strings.Contains(r.out, "updated 2026-11-22") {
		t.Errorf("show:\n%s", r.out)
	}
}
