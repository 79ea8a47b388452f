package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
)

// storePostings writes postings into a fresh database file and returns its path.
func storePostings(t *testing.T, dir string, ps []*jobs.Posting) string {
	t.Helper()
	path := filepath.Join(dir, "jobs.db")
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	store, err := db.Open(ctx, path, db.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for _, p := range ps {
		if _, _, err := store.UpsertPosting(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestSkillsUnknown(t *testing.T) {
	dir := isolate(t)
	post := func(id, status, req, pref, benefits string) *jobs.Posting {
		return &jobs.Posting{Source: "wanted", SourceID: id, URL: "https://www.wanted.co.kr/wd/" + id,
			Company: "회사" + id, Title: "백엔드 개발자 " + id, Status: jobs.Status(status),
			Sections: jobs.Sections{Requirements: req, Preferred: pref, Benefits: benefits}}
	}
	path := storePostings(t, dir, []*jobs.Posting{
		post("1", "open", "• Kotlin과 ArchUnit으로 구조를 검증한 경험\n• 샤딩 경험", "• Kover 사용 경험", "• Zoom 지원"),
		post("2", "open", "• JUnit, ArchUnit 사용 경험", "• 샤딩 경험이 있으신 분", "• Zoom 지원"),
		post("3", "closed", "• ArchUnit 경험\n• Kover 기반 커버리지 측정", "", ""),
	})
	type term struct {
		Term     string `json:"term"`
		Postings int    `json:"postings"`
	}
	for _, tc := range []struct {
		args []string
		want []term
	}{
		// Kotlin and JUnit are known; benefits are not read; Kover is in one open posting only.
		{[]string{"--json"}, []term{{"ArchUnit", 2}, {"샤딩", 2}}},
		{[]string{"--json", "--all"}, []term{{"ArchUnit", 3}, {"Kover", 2}, {"샤딩", 2}}},
		{[]string{"--json", "--min", "1", "--limit", "2"}, []term{{"ArchUnit", 2}, {"샤딩", 2}}},
		{[]string{"--json", "--min", "3"}, []term{}},
	} {
		r := runCLI(t, false, "", append([]string{"--db", path, "skills", "unknown"}, tc.args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, r.code, r.err)
		}
		var got []term
		if err := json.Unmarshal([]byte(r.out), &got); err != nil {
			t.Fatalf("%v: %v: %q", tc.args, err, r.out)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%v: got %v, want %v", tc.args, got, tc.want)
		}
	}

	// Piped: one term a line, tab-separated, no header.
	r := runCLI(t, false, "", "--db", path, "skills", "unknown")
	if r.code != 0 || r.out != "ArchUnit\t2\n샤딩\t2\n" {
		t.Errorf("plain output: exit %d, %q, %s", r.code, r.out, r.err)
	}
	r = runCLI(t, false, "", "--db", path, "skills", "unknown", "--min", "9")
	if r.code != 0 || r.out != "" || !strings.Contains(r.err, "No unknown term") {
		t.Errorf("nothing found: exit %d, out %q, err %q", r.code, r.out, r.err)
	}
	r = runCLI(t, false, "", "--db", path, "skills", "unknown", "--min", "0")
	if r.code != 2 {
		t.Errorf("--min 0: exit %d, want 2", r.code)
	}
}
