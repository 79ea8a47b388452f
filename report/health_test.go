package report

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
)

func TestRunProblems(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	local := func(t time.Time) time.Time { return t }
	if p := runProblems(nil, now, local); len(p) != 1 || !strings.HasPrefix(p[0].What, "No scrape has run yet") {
		t.Errorf("no run: %+v", p)
	}
	ended := now.Add(-5 * time.Hour)
	quiet := &jobs.Run{Started: now.Add(-6 * time.Hour), Ended: &ended, Sources: []jobs.SourceStats{{Source: "wanted", Listed: 10, Kept: 10}}}
	if p := runProblems(quiet, now, local); len(p) != 0 {
		t.Errorf("a quiet night: %+v", p)
	}
	stale := &jobs.Run{Started: now.Add(-3 * 24 * time.Hour), Ended: &ended}
	if p := runProblems(stale, now, local); len(p) != 1 || !strings.Contains(p[0].What, "(3 days ago)") {
		t.Errorf("a stale run: %+v", p)
	}
}

func TestSourceProblemAdvice(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    jobs.SourceStats
		what string
		fix  string
	}{
		{"throttled", jobs.SourceStats{Source: "wanted", Listed: 40, Kept: 30, Failed: 2,
			Failures: []jobs.Failure{{URL: "https://x/1", Status: 429, Reason: "429 Too Many Requests"}, {Status: 429}}},
			"wanted: 2 pages failed of 40 listed: https://x/1: 429 Too Many Requests (and 1 more)", "asked to slow down"},
		{"not found", jobs.SourceStats{Source: "lever", Failed: 1, Failures: []jobs.Failure{{Status: 404, Reason: "404 Not Found"}}},
			"lever: FAILED, nothing collected: 404 Not Found", "base_url"},
		{"interrupted", jobs.SourceStats{Source: "toss", Listed: 5, Kept: 2, Failures: []jobs.Failure{{Reason: "interrupted"}}},
			"toss: interrupted before it finished: interrupted", "resumes"},
		{"timeouts", jobs.SourceStats{Source: "naver", Listed: 5, Kept: 4, Failed: 1, Failures: []jobs.Failure{{Reason: "context deadline exceeded"}}},
			"naver: 1 page failed of 5 listed: context deadline exceeded", "scrape.timeout"},
	} {
		p, ok := sourceProblem(tc.s)
		if !ok || p.Head() != tc.what || !strings.Contains(p.Fix, tc.fix) {
			t.Errorf("%s: %q / %q (%v); want %q and a fix naming %q", tc.name, p.Head(), p.Fix, ok, tc.what, tc.fix)
		}
	}
	if _, ok := sourceProblem(jobs.SourceStats{Source: "wanted", Listed: 3, Kept: 3}); ok {
		t.Error("a source without failures has a problem")
	}
}

func TestWriteFixAdvice(t *testing.T) {
	got := WriteFix("/d/jobs.db", "/d/jobs.db is read-only for you: 'jobs track' and 'jobs scrape' would fail")
	if !strings.Contains(got, "chmod u+rw /d/jobs.db*; chmod u+rwx /d") || strings.Contains(got, "mv ") {
		t.Errorf("%s", got)
	}
	fix := OpenFix("/d/jobs.db", os.ErrPermission)
	if !strings.Contains(fix, "nothing needs deleting") || strings.Contains(fix, "scrape") {
		t.Errorf("%s", fix)
	}
}

// Each trouble opening a database gets its own advice, and only damage advises moving the
// file aside.
func TestOpenFixTellsTroublesApart(t *testing.T) {
	for msg, want := range map[string]string{
		"database /d/jobs.db is newer than this jobs knows": "written by a newer jobs",
		"database is locked (5) (SQLITE_BUSY)":              "another program holds the database",
		"file is not a SQLite database":                     "the file is damaged",
		"attempt to write a readonly database":              "Fix the permissions",
		"something else":                                    "check that /d/jobs.db is a jobs database",
	} {
		got := OpenFix("/d/jobs.db", errors.New(msg))
		if !strings.Contains(got, want) || (want != "the file is damaged" && strings.Contains(got, "mv ")) {
			t.Errorf("%q: %s", msg, got)
		}
	}
	if got := RecoverFix("/d/j.db"); !strings.Contains(got, "\n    sqlite3 /d/j.db.broken .recover | sqlite3 /d/j.db.recovered && mv /d/j.db.recovered /d/j.db\n") {
		t.Errorf("RecoverFix: %s", got)
	}
}

func TestRunFindings(t *testing.T) {
	stopped := jobs.Run{Sources: []jobs.SourceStats{
		{Source: "a", Failures: []jobs.Failure{{Reason: "interrupted"}}},
		{Source: "b"},
	}}
	if !Interrupted(stopped) || FailedSources(stopped) != 1 {
		t.Errorf("an interrupted run: %v %d", Interrupted(stopped), FailedSources(stopped))
	}
	failed := jobs.Run{Sources: []jobs.SourceStats{
		{Source: "a", Failures: []jobs.Failure{{Reason: "interrupted"}, {Reason: "HTTP 503"}}},
		{Source: "b", Failed: 2},
	}}
	if Interrupted(failed) || FailedSources(failed) != 2 {
		t.Errorf("a failed run: %v %d", Interrupted(failed), FailedSources(failed))
	}
	if Interrupted(jobs.Run{}) {
		t.Error("a run without failures counts as interrupted")
	}
}

// doctor's advice follows the trouble, most urgent first, and a sound database gets none.
func TestDoctorFixes(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	started := now.Add(-6 * time.Hour)
	ended := started.Add(10 * time.Minute)
	sound := jobs.Run{Started: started, Ended: &ended, Sources: []jobs.SourceStats{{Source: "wanted", Listed: 10, Kept: 10}}}
	if got := DoctorFixes(&db.Health{Integrity: []string{"ok"}, Runs: []jobs.Run{sound}}, "/x/jobs.db", "", now); len(got) != 0 {
		t.Errorf("a sound database: %q", got)
	}
	old := sound
	old.Started = now.Add(-72 * time.Hour)
	old.Ended = nil
	got := DoctorFixes(&db.Health{Integrity: []string{"row 3 missing from index"}, Runs: []jobs.Run{old}}, "/x/jobs.db", "the folder is read-only", now)
	want := []string{"the database is damaged", "chmod u+rw /x/jobs.db", "did not finish", "72h0m0s ago"}
	if len(got) != len(want) {
		t.Fatalf("fixes: %q", got)
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("fix %d: %q lacks %q", i, got[i], w)
		}
	}
	if got := DoctorFixes(&db.Health{Integrity: []string{"ok"}}, "/x/jobs.db", "", now); len(got) != 1 || !strings.Contains(got[0], "nothing was ever collected") {
		t.Errorf("no runs: %q", got)
	}
}
