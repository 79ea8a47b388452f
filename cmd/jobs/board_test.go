package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs/report"
)

var boardNow = time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)

// boardFixture stores five postings (B2 also seen on greenhouse as B2g; B4 closed) and tracks
// them through the command line, and returns the flags to reach them and the store ids.
func boardFixture(t *testing.T) (args []string, ids map[string]int64) {
	t.Helper()
	dir := isolate(t)
	dbPath := filepath.Join(dir, "jobs.db")
	seen := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	due := func(d int) *time.Time { t := time.Date(2026, 11, d, 14, 59, 0, 0, time.UTC); return &t }
	closed := time.Date(2026, 11, 12, 0, 0, 0, 0, time.UTC)
	ids = storeSpecs(t, dbPath, []spec{
		{id: "B1", company: "카카오", title: "ML Engineer", due: due(23), seen: seen},
		{id: "B2", company: "토스", title: "Data Scientist", seen: seen},
		{source: "greenhouse", id: "B2g", company: "토스", title: "Data Scientist", seen: seen.Add(time.Hour)},
		{id: "B3", company: "당근", title: "\x1b[31mBackend\x1b[0m Engineer", due: due(21), seen: seen},
		{id: "B4", company: "쿠팡", title: "MLOps Engineer", due: due(30), seen: seen, closed: &closed},
		{id: "B5", company: "네이버", title: "AI Researcher", seen: seen},
	})
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), "profile:\n  skills: [Python]\n")
	args = []string{"--config", cfg, "--db", dbPath}
	step := func(at time.Time, more ...string) cliResult {
		t.Helper()
		r := runAt(t, at, false, append(append([]string{}, args...), append([]string{"track"}, more...)...)...)
		if r.code != 0 {
			t.Fatalf("track %v: exit %d: %s", more, r.code, r.err)
		}
		return r
	}
	id := func(k string) string { return jsonID(ids[k]) }
	step(boardNow.Add(-48*time.Hour), id("B1"), "saved")
	step(boardNow, id("B1"), "applied", "--date", "2026-11-19", "--note", "이력서 v3")
	if r := step(boardNow, "greenhouse:B2g", "saved"); !strings.Contains(r.err, "Tracked under #"+id("B2")) {
		t.Errorf("a second sighting is not tracked under the first: %q", r.err)
	}
	step(boardNow, id("B3"), "saved", "--date", "5d", "--note", "마감 전 지원\x07")
	if r := step(boardNow, id("B4"), "interview", "--date", "2026-11-10"); !strings.Contains(r.err, "closed; its history is kept") {
		t.Errorf("tracking a closed posting says %q", r.err)
	}
	step(boardNow, id("B5"), "applied", "--date", "2026-11-02")
	step(boardNow, id("B5"), "rejected", "--date", "yesterday")
	return args, ids
}

func TestBoardGroupsByStage(t *testing.T) {
	args, ids := boardFixture(t)
	id := func(k string) string { return jsonID(ids[k]) }
	board := func(tty bool, more ...string) cliResult {
		r := runAt(t, boardNow, tty, append(append(append([]string{}, args...), "board"), more...)...)
		if r.code != 0 {
			t.Fatalf("board %v: exit %d: %s", more, r.code, r.err)
		}
		return r
	}

	// Piped: stage order, the nearest deadline first within a stage, days since the last step.
	var got [][]string
	for _, l := range strings.Split(strings.TrimRight(board(false).out, "\n"), "\n") {
		f := strings.Split(l, "\t")
		if len(f) != 10 {
			t.Fatalf("line has %d fields: %q", len(f), l)
		}
		got = append(got, []string{f[0], f[1], f[4], f[5], f[6], f[7], f[9]})
	}
	want := [][]string{
		{"saved", id("B3"), "2026-11-15", "5", "2026-11-21", "open", "마감 전 지원"},
		{"saved", id("B2"), "2026-11-20", "0", "", "open", ""},
		{"applied", id("B1"), "2026-11-19", "1", "2026-11-23", "open", "이력서 v3"},
		{"interview", id("B4"), "2026-11-10", "10", "2026-11-30", "closed", ""},
		{"rejected", id("B5"), "2026-11-19", "1", "", "open", ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("board\n got %q\nwant %q", got, want)
	}

	// A terminal: a table grouped by stage, deadlines, and what is due soon.
	out := board(true).out
	for _, s := range []string{"STAGE", "SAVED", "APPLIED", "INTERVIEW", "REJECTED", "DUE", "11-21 (1d)", "closed", "5d", "today",
		"5 applications: 2 saved, 1 applied, 1 interview, 1 rejected.",
		"Due within 7 days: #" + id("B3") + " 당근, 11-21 (1d); #" + id("B1") + " 카카오, 11-23 (3d)."} {
		if !strings.Contains(out, s) {
			t.Errorf("terminal board lacks %q:\n%s", s, out)
		}
	}
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("escape sequences reached the board: %q", out)
	}
	if strings.Count(out, "SAVED") != 1 {
		t.Errorf("the stage is not shown once per group:\n%s", out)
	}

	// JSON: every step, in the order recorded; --stage keeps one stage.
	var entries []report.BoardJSON
	if err := json.Unmarshal([]byte(board(false, "--json", "--stage", "Applied").out), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || entries[0].ID != id("B1") || entries[0].Stage != "applied" || len(entries[0].Steps) != 2 ||
		entries[0].Steps[0].Stage != "saved" || entries[0].Steps[1].Note != "이력서 v3" || entries[0].DaysSinceLastStep != 1 ||
		entries[0].Due == nil || *entries[0].Due != "2026-11-23" {
		t.Errorf("board --json --stage applied: %+v", entries)
	}

	// One application: its steps.
	r := runAt(t, boardNow, true, append(append([]string{}, args...), "track", id("B5"))...)
	for _, s := range []string{"rejected, open; due 상시", "2026-11-02  applied", "2026-11-19  rejected"} {
		if !strings.Contains(r.out, s) {
			t.Errorf("track %s lacks %q:\n%s", id("B5"), s, r.out)
		}
	}
	r = runAt(t, boardNow, false, append(append([]string{}, args...), "track", jsonID(ids["B2g"]))...)
	if r.code != 0 || !strings.Contains(r.out, "saved") {
		t.Errorf("track of the second sighting shows %q %q", r.out, r.err)
	}
}

func TestTrackErrors(t *testing.T) {
	args, ids := boardFixture(t)
	id := jsonID(ids["B1"])
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"track"}, 2, "needs a posting ID"},
		{[]string{"track", id, "hired"}, 2, `"hired" is not a stage`},
		{[]string{"track", id, "--note", "x"}, 2, "need a stage"},
		{[]string{"track", id, "applied", "--date", "next week"}, 2, `--date "next week" is not a date`},
		{[]string{"track", id, "applied", "--date", "2028-01-01"}, 2, "more than a year ahead"},
		{[]string{"track", "999999", "saved"}, 1, "no posting with id 999999"},
		{[]string{"track", "nope", "saved"}, 2, "is not a posting id"},
		{[]string{"board", "--stage", "hired"}, 2, `--stage "hired" is not a stage`},
	} {
		r := runAt(t, boardNow, false, append(append([]string{}, args...), tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.err, tc.want) {
			t.Errorf("%v: exit %d %q; want %d and %q", tc.args, r.code, r.err, tc.code, tc.want)
		}
	}
	// A failed step changes nothing.
	var e report.BoardJSON
	r := runAt(t, boardNow, false, append(append([]string{}, args...), "track", id, "--json")...)
	if err := json.Unmarshal([]byte(r.out), &e); err != nil || len(e.Steps) != 2 {
		t.Errorf("after the errors: %+v %v", e, err)
	}
}
