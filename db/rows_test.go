package db

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// columnPostings reads every posting the slow way, a column each, as lists read them before
// list rows existed: the reference a list row must decode to.
func columnPostings(t *testing.T, d *DB) map[int64]*jobs.Posting {
	t.Helper()
	rows, err := d.read.Query(`SELECT ` + listColumns + `, skills FROM postings`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int64]*jobs.Posting{}
	var skills string
	for rows.Next() {
		p, err := scanPosting(rows, false, &skills)
		if err != nil {
			t.Fatal(err)
		}
		p.Analysis.Skills = parseSkillSummary(skills)
		out[p.ID] = p
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// A list row decodes to exactly what the columns hold, whatever the text holds and whichever
// statement last wrote the posting (upsert, close, regroup), and NULLs stay NULL.
func TestListRowsMatchTheColumns(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	d := openTest(t, WithClock(c.Now))
	weird := posting("wanted", "1")
	weird.Company = "A:1~\x1f회사 12:ab"
	weird.Title = "~"
	weird.Location = ""
	weird.Due, weird.Career, weird.Categories = nil, nil, nil
	weird.Analysis = &jobs.Analysis{Skills: []jobs.Requirement{{Skill: "C++", Section: jobs.SectionOther}}}
	mustUpsert(t, d, weird)
	mustUpsert(t, d, posting("wanted", "2"))
	c.Advance(time.Hour)
	repost := posting("greenhouse", "3") // the same company and title as wanted 2: one group
	repost.Title = "ML Engineer 2"
	mustUpsert(t, d, repost)
	for i := 4; i < 40; i++ {
		p := posting("lever", fmt.Sprint(i))
		p.Analysis.MaxYears = intp(i)
		p.Analysis.Newcomer = i%2 == 0
		mustUpsert(t, d, p)
	}
	if err := d.Gone(ctx, "lever", []string{"5", "6"}); err != nil {
		t.Fatal(err)
	}

	want := columnPostings(t, d)
	got, err := d.ListPostings(ctx, jobs.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("listed %d postings, the table holds %d", len(got), len(want))
	}
	for _, p := range got {
		if !reflect.DeepEqual(p, want[p.ID]) {
			t.Errorf("posting %d from its list row:\n%+v\nfrom its columns:\n%+v", p.ID, p, want[p.ID])
		}
	}
	if got[0].ID != 39 || got[len(got)-1].ID != 1 {
		t.Errorf("order: first %d, last %d; want newest first", got[0].ID, got[len(got)-1].ID)
	}
	if want[6].Status != jobs.StatusClosed || want[1].Company != weird.Company {
		t.Errorf("fixture did not store what it meant to: %+v %+v", want[6], want[1])
	}
}

// The filters mean in Go what they meant in SQL: company folds ASCII case only.
func TestListPostingsFilters(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	d := openTest(t, WithClock(c.Now))
	add := func(source, id, company string, newcomer bool) {
		p := posting(source, id)
		p.Company = company
		p.Analysis.Newcomer = newcomer
		mustUpsert(t, d, p)
		c.Advance(time.Hour)
	}
	add("wanted", "1", "Toss Bank", true)
	add("wanted", "2", "토스", false)
	add("lever", "3", "TOSS", false)
	add("lever", "4", "Kakao", true)
	since := c.Advance(-2 * time.Hour)
	if err := d.Gone(ctx, "lever", []string{"4"}); err != nil {
		t.Fatal(err)
	}
	open, closed, yes := jobs.StatusOpen, jobs.StatusClosed, true
	str := func(s string) *string { return &s }
	for _, tc := range []struct {
		name string
		f    jobs.Filter
		want []string
	}{
		{"all, newest first", jobs.Filter{}, []string{"4", "3", "2", "1"}},
		{"open", jobs.Filter{Status: &open}, []string{"3", "2", "1"}},
		{"closed", jobs.Filter{Status: &closed}, []string{"4"}},
		{"company folds ASCII", jobs.Filter{Company: str("toss")}, []string{"3", "1"}},
		{"company in Hangul", jobs.Filter{Company: str("토스")}, []string{"2"}},
		{"newcomer", jobs.Filter{Newcomer: &yes}, []string{"4", "1"}},
		{"source", jobs.Filter{Source: str("lever")}, []string{"4", "3"}},
		{"since", jobs.Filter{Since: &since}, []string{"4", "3"}},
		{"limit", jobs.Filter{Limit: 1}, []string{"4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := d.ListPostings(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.SourceID)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	bad := jobs.Status("paused")
	if _, err := d.ListPostings(ctx, jobs.Filter{Status: &bad}); jobs.KindOf(err) != jobs.KindInvalid {
		t.Errorf("unknown status: %v, want an invalid error", err)
	}
}

// pack writes values as a list row does; nil is NULL.
func pack(values ...*string) string {
	var b strings.Builder
	for _, v := range values {
		if v == nil {
			b.WriteString("~")
			continue
		}
		fmt.Fprintf(&b, "%d:%s", len(*v), *v)
	}
	return b.String()
}

// A damaged list row is an error naming the posting, never a panic or a wrong posting.
func TestPackedRowRejectsDamage(t *testing.T) {
	s := func(v string) *string { return &v }
	row := func(source, sourceID, remote, newcomer *string) string {
		when := s("2026-01-05T09:30:00.000000000Z")
		return pack(source, sourceID, s("u"), s("c"), s("t"), s("open"), s("[]"), s(""), s(""), remote,
			nil, nil, nil, nil, nil, nil, s(""), s(""), newcomer, when, when, nil, nil, nil, s(""))
	}
	whole := row(s("wanted"), s("1"), s("0"), s("1"))
	var r rawPosting
	r.reset(new(postingPair))
	var skills string
	if err := (&packedRow{id: 7, row: whole}).decode(&r, &skills); err != nil {
		t.Fatalf("a whole row: %v", err)
	}
	if p, err := r.posting(); err != nil || p.Source != "wanted" || !p.Analysis.Newcomer || p.Remote {
		t.Fatalf("a whole row decoded to %+v, %v", p, err)
	}
	for _, bad := range []string{
		"", "6:wanted", "x:wanted", "99:wanted", whole + "1:x", whole[:len(whole)-1],
		row(s("wanted"), nil, s("0"), s("1")),      // NULL source id
		row(s("wanted"), s("1"), s("x"), s("1")),   // remote not a number
		row(s("wanted"), s("1"), nil, s("1")),      // remote NULL
		row(s("wanted"), s("1"), s("0"), s("yes")), // newcomer not a number
	} {
		if err := (&packedRow{id: 7, row: bad}).decode(&r, &skills); err == nil || !strings.Contains(err.Error(), "posting 7") {
			t.Errorf("row %q: error %v, want one naming posting 7", bad, err)
		}
	}
}

// The id ranges the readers split a list into cover every id once, in order.
func TestIDRanges(t *testing.T) {
	for _, tc := range []struct {
		lo, hi int64
		parts  int
		want   int
	}{
		{1, 1, 2, 1}, {1, 2047, 4, 1}, {1, 2049, 2, 2}, {5, 50_004, 2, 2}, {1, 50_000, 3, 3},
		{7, 100_000, 4, 4}, {1, 9_000, 0, 1},
	} {
		rs := idRanges(tc.lo, tc.hi, tc.parts)
		if len(rs) != tc.want {
			t.Errorf("%d..%d in %d: %d ranges, want %d", tc.lo, tc.hi, tc.parts, len(rs), tc.want)
		}
		next := tc.lo
		for _, r := range rs {
			if r[0] != next || r[1] <= r[0] {
				t.Errorf("%d..%d in %d: ranges %v", tc.lo, tc.hi, tc.parts, rs)
				break
			}
			next = r[1]
		}
		if next != tc.hi+1 {
			t.Errorf("%d..%d in %d: ranges %v end at %d", tc.lo, tc.hi, tc.parts, rs, next)
		}
	}
}

// A list long enough to be read in several ranges holds every posting once, in order.
func TestListPostingsReadInRanges(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	ps := syntheticPostings(2_500)
	importAll(t, d, ps, 500)
	want := columnPostings(t, d)
	got, err := d.ListPostings(ctx, jobs.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) != 2_500 {
		t.Fatalf("listed %d postings, stored %d", len(got), len(want))
	}
	seen := map[int64]bool{}
	for i, p := range got {
		if seen[p.ID] || !reflect.DeepEqual(p, want[p.ID]) {
			t.Fatalf("posting %d (%d): repeated or not as stored", i, p.ID)
		}
		seen[p.ID] = true
		if i > 0 && (p.FirstSeen.After(got[i-1].FirstSeen) || p.FirstSeen.Equal(got[i-1].FirstSeen) && p.ID > got[i-1].ID) {
			t.Fatalf("posting %d out of order", p.ID)
		}
	}
}
