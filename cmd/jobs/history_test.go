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
	"github.com/jobs-cli/jobs/report"
	"github.com/jobs-cli/jobs/target"
)

// historyFixture stores four roles of 카카오 under three spellings (one seen on two boards,
// one closed, one with escapes in its title) and one of 카카오뱅크.
func historyFixture(t *testing.T) (dbPath string, now time.Time) {
	t.Helper()
	ctx := context.Background()
	dbPath = filepath.Join(isolate(t), "jobs.db")
	clock := time.Date(2026, 9, 1, 1, 0, 0, 0, time.UTC)
	store, err := db.Open(ctx, dbPath, db.WithClock(func() time.Time { return clock }))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	put := func(at time.Time, source, id, company, title string) {
		t.Helper()
		clock = at
		p := fixturePosting(id, company, title, []string{"Python"}, nil)
		p.Source = source
		if _, _, err := store.UpsertPosting(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 1, 0, 0, 0, time.UTC) }
	put(day(9, 1), "wanted", "K1", "(주)카카오", "ML Engineer")
	put(day(9, 2), "wanted", "B1", "카카오뱅크", "ML Engineer")
	clock = day(9, 30)
	if err := store.Gone(ctx, "wanted", []string{"K1"}); err != nil {
		t.Fatal(err)
	}
	put(day(10, 5), "wanted", "K2", "카카오", "Backend Engineer")
	put(day(10, 6), "greenhouse", "K2g", "주식회사 카카오", "Backend Engineer")
	put(day(11, 10), "wanted", "K3", "카카오", "Data Scientist")
	put(day(11, 15), "wanted", "K4", "카카오", "\x1b[2J데이터 엔지니어\x07")
	return dbPath, time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
}

func TestHistoryOutputs(t *testing.T) {
	for _, tc := range []struct {
		name  string
		tty   bool
		args  []string
		check func(t *testing.T, out string)
	}{
		{"piped", false, nil, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			var got [][]string
			for _, l := range lines {
				f := strings.Split(l, "\t")
				if len(f) != 7 {
					t.Fatalf("line has %d fields: %q", len(f), l)
				}
				got = append(got, []string{f[1], f[2], f[3], f[4], f[5]})
			}
			want := [][]string{
				{"2026-11-15T01:00:00Z", "", "open", "카카오", "데이터 엔지니어"},
				{"2026-11-10T01:00:00Z", "", "open", "카카오", "Data Scientist"},
				{"2026-10-05T01:00:00Z", "", "open", "카카오", "Backend Engineer"},
				{"2026-09-02T01:00:00Z", "", "open", "카카오뱅크", "ML Engineer"},
				{"2026-09-01T01:00:00Z", "2026-09-30T01:00:00Z", "closed", "(주)카카오", "ML Engineer"},
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("rows\n%q\nwant\n%q", got, want)
			}
		}},
		{"json", false, []string{"--json"}, func(t *testing.T, out string) {
			var got []report.RoleJSON
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("not one JSON array: %v\n%s", err, out)
			}
			if len(got) != 5 {
				t.Fatalf("%d roles, want 5", len(got))
			}
			if got[0].Title != "데이터 엔지니어" || got[0].ClosedAt != nil || got[0].Status != "open" {
				t.Errorf("newest role %+v", got[0])
			}
			if len(got[2].Sources) != 2 || got[2].Sources[0].Source != "wanted" || got[2].Sources[1].Source != "greenhouse" {
				t.Errorf("the role seen on two boards has sources %+v", got[2].Sources)
			}
			if got[4].ClosedAt == nil || *got[4].ClosedAt != "2026-09-30T01:00:00Z" || got[4].Status != "closed" || got[4].FirstSeen != "2026-09-01T01:00:00Z" {
				t.Errorf("closed role %+v", got[4])
			}
		}},
		{"terminal", true, nil, func(t *testing.T, out string) {
			for _, s := range []string{
				"카카오, 카카오뱅크: 5 roles seen since 2026-09-01, 4 still open.", "COMPANY",
				"FIRST SEEN", "CLOSED", "2026-09-30", "29 days", "open",
				"Roles first seen per month:", "2026-09  ", "2026-10  ", "2026-11  ",
			} {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q", s)
				}
			}
			if strings.Count(out, "ML Engineer") != 2 || !strings.Contains(out, "카카오뱅크") {
				t.Errorf("카카오뱅크's role is not listed, as list --company would:\n%s", out)
			}
			if !strings.Contains(out, "2026-11  "+strings.Repeat("█", 30)+" 2") && !strings.Contains(out, "2026-09  "+strings.Repeat("█", 30)+" 2") {
				t.Errorf("November, the busiest month, is not a full bar:\n%s", out)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dbPath, now := historyFixture(t)
			r := runAt(t, now, tc.tty, append([]string{"--db", dbPath, "history", "(주) 카카오"}, tc.args...)...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.err)
			}
			if strings.ContainsAny(r.out, "\x1b\x07") {
				t.Errorf("escape sequences reached the output: %q", r.out)
			}
			tc.check(t, r.out)
		})
	}
}

func TestHistoryErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"history"}, 2, "needs a company name"},
		{[]string{"history", "  "}, 2, "needs a company name"},
		{[]string{"history", "네이버"}, 1, `jobs has seen no posting by "네이버"`},
		{[]string{"history", "카카오뱅크페이"}, 1, `similar names: "카카오", "카카오뱅크"`},
		{[]string{"history", "Inc."}, 2, "no letters or digits"},
	} {
		dbPath, now := historyFixture(t)
		r := runAt(t, now, false, append([]string{"--db", dbPath}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.err, tc.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tc.args, r.code, r.err, tc.code, tc.want)
		}
	}
}

func TestCompanyRolesGroupsSightings(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2026, 10, d, 0, 0, 0, 0, time.UTC) }
	closed := func(d int) *time.Time { c := at(d); return &c }
	posts := []*jobs.Posting{ // newest first, as the store gives them
		{ID: 4, GroupID: 2, Source: "lever", Status: jobs.StatusClosed, FirstSeen: at(9), LastSeen: at(12), ClosedAt: closed(12)},
		{ID: 3, GroupID: 3, Source: "wanted", Status: jobs.StatusOpen, FirstSeen: at(5), LastSeen: at(20)},
		{ID: 2, GroupID: 2, Source: "wanted", Status: jobs.StatusClosed, FirstSeen: at(3), LastSeen: at(10), ClosedAt: closed(10)},
		{ID: 1, GroupID: 1, Source: "wanted", Status: jobs.StatusClosed, FirstSeen: at(1), LastSeen: at(2), ClosedAt: closed(2)},
		{ID: 5, GroupID: 1, Source: "greenhouse", Status: jobs.StatusOpen, FirstSeen: at(1).Add(time.Hour), LastSeen: at(25)},
	}
	type row struct {
		ID     int64
		Status jobs.Status
		Closed string
		Last   int
		Places int
	}
	var got []row
	for _, r := range report.CompanyRoles(target.GroupSightings(posts)) {
		c := ""
		if r.ClosedAt != nil {
			c = r.ClosedAt.Format("01-02")
		}
		got = append(got, row{r.First.ID, r.Status, c, r.LastSeen.Day(), len(r.First.Places)})
	}
	want := []row{
		{3, jobs.StatusOpen, "", 20, 1},
		{2, jobs.StatusClosed, "10-12", 12, 2}, // closed when its last sighting closed
		{1, jobs.StatusOpen, "", 25, 2},        // still open on greenhouse
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("roles\n%+v\nwant\n%+v", got, want)
	}
}
