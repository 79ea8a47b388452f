package main

import (
	"bufio"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/internal/replay"
	"github.com/jobs-cli/jobs/report"
)

// Tracking lives through what the nightly scrape does: the posting closes on the site, comes
// back edited and is fetched and stored again (an upsert); every step stays, and export
// carries them.
func TestTrackingSurvivesScrapesAndCloses(t *testing.T) {
	dir := isolate(t)
	posts, err := replay.Load()
	if err != nil {
		t.Fatal(err)
	}
	closing := ""
	// The site a night after the close: the posting is open again, edited, with a new lastmod.
	edited := replay.Reopened(posts)
	for i, p := range posts {
		if !p.Open() {
			closing = "wanted:" + strconv.FormatInt(p.ID, 10)
			edited[i].ConfirmTime = "2026-11-22T10:00:00+09:00"
			edited[i].Requirements += "\n• Docker 사용 경험"
		}
	}
	if closing == "" {
		t.Fatal("the replay site closes no posting")
	}
	s := newSite(t, replay.Reopened(posts))
	g := []string{"--config", e2eConfig(t, dir, s.srv.URL), "--db", filepath.Join(dir, "jobs.db")}
	now := time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)
	run := func(args ...string) cliResult {
		t.Helper()
		r := runAt(t, now, false, append(append([]string{}, g...), args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
		}
		return r
	}
	board := func() report.BoardJSON {
		t.Helper()
		var out []report.BoardJSON
		if err := json.Unmarshal([]byte(run("board", "--json").out), &out); err != nil || len(out) != 1 {
			t.Fatalf("board --json: %v, %+v", err, out)
		}
		return out[0]
	}

	run("scrape")
	run("track", closing, "saved", "--date", "2026-11-18")
	run("track", closing, "applied", "--note", "포트폴리오 링크 포함")
	tracked := board()

	for _, night := range []struct {
		name   string
		site   []replay.Posting
		status string
	}{
		{"the posting closes", posts, "closed"},
		{"it is listed again, edited, and stored anew", edited, "open"},
		{"an unchanged site is scraped again", edited, "open"},
	} {
		t.Run(night.name, func(t *testing.T) {
			now = now.Add(24 * time.Hour)
			s.swap(night.site)
			run("scrape")
			b := board()
			if b.ID != tracked.ID || b.Status != night.status || b.Stage != "applied" || len(b.Steps) != 2 ||
				b.Steps[0].Date != "2026-11-18T00:00:00Z" || b.Steps[1].Note != "포트폴리오 링크 포함" {
				t.Errorf("board after the scrape: %+v (was %+v)", b, tracked)
			}
		})
	}

	if out := run("show", tracked.ID).out; !strings.Contains(out, "Docker 사용 경험") {
		t.Errorf("the edited posting was not stored anew:\n%s", out)
	}

	// export: the tracked posting carries its stage and steps; no other posting has any.
	sc := bufio.NewScanner(strings.NewReader(run("export").out))
	sc.Buffer(nil, 1<<24)
	with := 0
	for sc.Scan() {
		var line struct {
			ID          string                  `json:"id"`
			Application *report.ApplicationJSON `json:"application"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatal(err)
		}
		if line.Application == nil {
			continue
		}
		with++
		a := line.Application
		if line.ID != tracked.ID || a.Stage != "applied" || len(a.Steps) != 2 || a.Steps[0].Stage != "saved" ||
			a.Steps[1].Note != "포트폴리오 링크 포함" || a.Steps[1].RecordedAt == "" {
			t.Errorf("exported application of %s: %+v", line.ID, a)
		}
	}
	if with != 1 {
		t.Errorf("%d exported postings carry an application, want 1", with)
	}
	if out := run("export", "--format", "csv").out; !strings.Contains(out, "application_stage") ||
		!strings.Contains(out, "2026-11-18 saved; ") || !strings.Contains(out, " applied: 포트폴리오 링크 포함") {
		t.Errorf("the CSV export lacks the application")
	}
}
