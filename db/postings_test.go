package db

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/jobs-cli/jobs"
)

func TestUpsertPostingKeepsFirstSeen(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))

	p := posting("wanted", "101")
	t0 := clk.Now()
	id, created, err := d.UpsertPosting(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if !created || id == 0 || p.ID != id {
		t.Fatalf("first upsert: id %d created %v p.ID %d", id, created, p.ID)
	}
	if !p.FirstSeen.Equal(t0) || !p.LastSeen.Equal(t0) || p.ClosedAt != nil {
		t.Errorf("first upsert times: first %v last %v closed %v, want %v %v nil", p.FirstSeen, p.LastSeen, p.ClosedAt, t0, t0)
	}

	t1 := clk.Advance(26 * time.Hour)
	q := posting("wanted", "101")
	q.Title = "Senior ML Engineer"
	q.Company = "Acme"
	q.Sections.Requirements = "• Go 2년 이상"
	q.Categories = []int{518}
	q.Career = nil
	q.Due = nil
	q.Remote = false
	q.Raw = []byte(`{"v":2}`)
	q.Analysis = &jobs.Analysis{
		Skills: []jobs.Requirement{
			{Skill: "Go", Section: jobs.SectionRequired},
			{Skill: "Docker", Section: jobs.SectionOther},
		},
		MaxYears: intp(5),
		Newcomer: true,
	}
	id2, created, err := d.UpsertPosting(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if created || id2 != id {
		t.Fatalf("second upsert: id %d created %v, want id %d not created", id2, created, id)
	}
	if !q.FirstSeen.Equal(t0) || !q.LastSeen.Equal(t1) {
		t.Errorf("second upsert times: first %v last %v, want %v %v", q.FirstSeen, q.LastSeen, t0, t1)
	}

	got, err := d.FindPosting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Senior ML Engineer" || got.Company != "Acme" || got.Sections.Requirements != "• Go 2년 이상" {
		t.Errorf("fields not replaced: %+v", got)
	}
	if !reflect.DeepEqual(got.Categories, []int{518}) || got.Career != nil || got.Due != nil || got.Remote {
		t.Errorf("categories %v career %v due %v remote %v not replaced", got.Categories, got.Career, got.Due, got.Remote)
	}
	if string(got.Raw) != `{"v":2}` {
		t.Errorf("raw = %q", got.Raw)
	}
	if !got.FirstSeen.Equal(t0) || !got.LastSeen.Equal(t1) {
		t.Errorf("stored times: first %v last %v", got.FirstSeen, got.LastSeen)
	}
	if want := []string{"Go/required", "Docker/other"}; !reflect.DeepEqual(skillNames(got), want) {
		t.Errorf("skills = %v, want %v (old rows must be gone)", skillNames(got), want)
	}
	a := got.Analysis
	if a.MinYears != nil || a.MaxYears == nil || *a.MaxYears != 5 || a.Degree != "" || a.Major != "" || !a.Newcomer {
		t.Errorf("analysis columns not replaced: %+v", a)
	}
	var rows int
	if err := d.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM requirements").Scan(&rows); err != nil || rows != 2 {
		t.Errorf("requirement rows = %d (%v), want 2", rows, err)
	}
}

func TestFindPostingRoundTrip(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))
	p := posting("wanted", "7")
	p.Sections.Description = "자격요건\nSQL"
	id := mustUpsert(t, d, p)

	got, err := d.FindPosting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := posting("wanted", "7")
	want.Sections.Description = "자격요건\nSQL"
	want.ID, want.GroupID = id, id
	want.Status = jobs.StatusOpen
	want.FirstSeen, want.LastSeen = clk.Now(), clk.Now()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindPosting =\n%+v\nwant\n%+v\nanalysis %+v / %+v", got, want, got.Analysis, want.Analysis)
	}
	bySource, err := d.FindBySource(ctx, "wanted", "7")
	if err != nil || !reflect.DeepEqual(bySource, got) {
		t.Errorf("FindBySource = %+v, %v", bySource, err)
	}
}

func TestFindNotFound(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	mustUpsert(t, d, posting("wanted", "1"))
	_, err := d.FindPosting(ctx, 4242)
	if jobs.KindOf(err) != jobs.KindNotFound || err.Error() != "no posting with id 4242" {
		t.Errorf("FindPosting(4242) = %v (kind %v)", err, jobs.KindOf(err))
	}
	_, err = d.FindBySource(ctx, "wanted", "2")
	if jobs.KindOf(err) != jobs.KindNotFound {
		t.Errorf("FindBySource unknown = %v", err)
	}
	_, err = d.FindBySource(ctx, "lever", "1")
	if jobs.KindOf(err) != jobs.KindNotFound {
		t.Errorf("FindBySource other source = %v", err)
	}
}

func TestUpsertStatusAndClosedAt(t *testing.T) {
	tests := []struct {
		name       string
		statuses   []jobs.Status // one upsert each, the clock moving an hour between
		wantStatus jobs.Status
		wantClosed int // index of the upsert whose time is closed_at; -1 = nil
	}{
		{"stays open", []jobs.Status{jobs.StatusOpen, jobs.StatusOpen}, jobs.StatusOpen, -1},
		{"empty status is open", []jobs.Status{""}, jobs.StatusOpen, -1},
		{"becomes closed", []jobs.Status{jobs.StatusOpen, jobs.StatusClosed}, jobs.StatusClosed, 1},
		{"stays closed keeps the first closing", []jobs.Status{jobs.StatusOpen, jobs.StatusClosed, jobs.StatusClosed}, jobs.StatusClosed, 1},
		{"reopened clears it", []jobs.Status{jobs.StatusOpen, jobs.StatusClosed, jobs.StatusOpen}, jobs.StatusOpen, -1},
		{"created closed", []jobs.Status{jobs.StatusClosed}, jobs.StatusClosed, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			clk := newClock()
			d := openTest(t, WithClock(clk.Now))
			var times []time.Time
			var p *jobs.Posting
			for _, s := range tt.statuses {
				times = append(times, clk.Now())
				p = posting("wanted", "5")
				p.Status = s
				mustUpsert(t, d, p)
				clk.Advance(time.Hour)
			}
			got, err := d.FindBySource(ctx, "wanted", "5")
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != tt.wantStatus || p.Status != tt.wantStatus {
				t.Errorf("status stored %q, set on posting %q, want %q", got.Status, p.Status, tt.wantStatus)
			}
			switch {
			case tt.wantClosed < 0 && (got.ClosedAt != nil || p.ClosedAt != nil):
				t.Errorf("closed_at = %v / %v, want nil", got.ClosedAt, p.ClosedAt)
			case tt.wantClosed >= 0 && (got.ClosedAt == nil || !got.ClosedAt.Equal(times[tt.wantClosed]) ||
				p.ClosedAt == nil || !p.ClosedAt.Equal(times[tt.wantClosed])):
				t.Errorf("closed_at = %v / %v, want %v", got.ClosedAt, p.ClosedAt, times[tt.wantClosed])
			}
		})
	}
}

func TestUpsertRejects(t *testing.T) {
	d := openTest(t)
	tests := []struct {
		name string
		p    *jobs.Posting
	}{
		{"nil", nil},
		{"no source", &jobs.Posting{SourceID: "1"}},
		{"no source id", &jobs.Posting{Source: "wanted"}},
		{"unknown status", &jobs.Posting{Source: "wanted", SourceID: "1", Status: "paused"}},
		{"unknown section", &jobs.Posting{Source: "wanted", SourceID: "1",
			Analysis: &jobs.Analysis{Skills: []jobs.Requirement{{Skill: "Go", Section: "bonus"}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := d.UpsertPosting(context.Background(), tt.p)
			if jobs.KindOf(err) != jobs.KindInvalid {
				t.Errorf("err = %v, want KindInvalid", err)
			}
		})
	}
	if open, closed, err := d.Counts(context.Background()); err != nil || open+closed != 0 {
		t.Errorf("rejected postings were stored: %d %d %v", open, closed, err)
	}
}

// Repeated skills in an analysis become one row in the strongest section, at the first
// mention, with all evidence; nil analysis stores no rows.
func TestRequirementRows(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	p := posting("wanted", "9")
	p.Analysis = &jobs.Analysis{Skills: []jobs.Requirement{
		{Skill: "SQL", Section: jobs.SectionOther, Evidence: []jobs.Span{{Start: 1, End: 4}}},
		{Skill: "Python", Section: jobs.SectionPreferred},
		{Skill: "", Section: jobs.SectionRequired},
		{Skill: "SQL", Section: jobs.SectionRequired, Evidence: []jobs.Span{{Start: 20, End: 23}}},
	}}
	id := mustUpsert(t, d, p)
	got, err := d.FindPosting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := []jobs.Requirement{
		{Skill: "SQL", Section: jobs.SectionRequired, Evidence: []jobs.Span{{Start: 1, End: 4}, {Start: 20, End: 23}}},
		{Skill: "Python", Section: jobs.SectionPreferred},
	}
	if !reflect.DeepEqual(got.Analysis.Skills, want) {
		t.Errorf("skills = %+v, want %+v", got.Analysis.Skills, want)
	}

	p.Analysis = nil
	mustUpsert(t, d, p)
	got, err = d.FindPosting(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Analysis == nil || len(got.Analysis.Skills) != 0 || got.Analysis.MinYears != nil {
		t.Errorf("nil analysis stored as %+v", got.Analysis)
	}
}

func TestSave(t *testing.T) {
	lastmod := time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		existing   jobs.Status // "" = no stored posting
		outcome    jobs.Outcome
		withP      bool
		wantStatus jobs.Status // "" = no posting stored after
		wantErr    jobs.Kind   // KindInternal = none
	}{
		{"kept new", "", jobs.OutcomeKept, true, jobs.StatusOpen, jobs.KindInternal},
		{"kept updates", jobs.StatusOpen, jobs.OutcomeKept, true, jobs.StatusOpen, jobs.KindInternal},
		{"kept reopens", jobs.StatusClosed, jobs.OutcomeKept, true, jobs.StatusOpen, jobs.KindInternal},
		{"closed closes", jobs.StatusOpen, jobs.OutcomeClosed, false, jobs.StatusClosed, jobs.KindInternal},
		{"closed with posting closes", jobs.StatusOpen, jobs.OutcomeClosed, true, jobs.StatusClosed, jobs.KindInternal},
		{"closed stores new posting closed", "", jobs.OutcomeClosed, true, jobs.StatusClosed, jobs.KindInternal},
		{"closed without posting stores none", "", jobs.OutcomeClosed, false, "", jobs.KindInternal},
		{"closed leaves closed", jobs.StatusClosed, jobs.OutcomeClosed, false, jobs.StatusClosed, jobs.KindInternal},
		{"skipped stores page only", "", jobs.OutcomeSkipped, true, "", jobs.KindInternal},
		{"skipped leaves stored posting", jobs.StatusOpen, jobs.OutcomeSkipped, false, jobs.StatusOpen, jobs.KindInternal},
		{"kept without posting", "", jobs.OutcomeKept, false, "", jobs.KindInvalid},
		{"unknown outcome", "", "lost", true, "", jobs.KindInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			clk := newClock()
			d := openTest(t, WithClock(clk.Now))
			t0 := clk.Now()
			if tt.existing != "" {
				old := posting("wanted", "42")
				old.Title = "old title"
				old.Status = tt.existing
				mustUpsert(t, d, old)
			}
			t1 := clk.Advance(time.Hour)

			var p *jobs.Posting
			if tt.withP {
				p = posting("wanted", "42")
				p.SourceID = "" // filled from the page
			}
			page := jobs.Page{Source: "wanted", SourceID: "42", URL: "https://www.wanted.co.kr/wd/42",
				LastMod: lastmod, Outcome: tt.outcome}
			err := d.Save(ctx, page, p)
			if tt.wantErr != jobs.KindInternal {
				if jobs.KindOf(err) != tt.wantErr {
					t.Fatalf("Save = %v, want kind %v", err, tt.wantErr)
				}
				if known, _ := d.Known(ctx, "wanted"); len(known) != 0 {
					t.Errorf("a refused Save stored a page: %v", known)
				}
				return
			}
			if err != nil {
				t.Fatalf("Save: %v", err)
			}

			known, err := d.Known(ctx, "wanted")
			if err != nil {
				t.Fatal(err)
			}
			wantPage := page
			wantPage.FetchedAt = t1
			if got := known["42"]; len(known) != 1 || !reflect.DeepEqual(got, wantPage) {
				t.Errorf("Known = %+v, want %+v", known, wantPage)
			}

			got, err := d.FindBySource(ctx, "wanted", "42")
			if tt.wantStatus == "" {
				if jobs.KindOf(err) != jobs.KindNotFound {
					t.Errorf("posting stored: %+v %v", got, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != tt.wantStatus {
				t.Errorf("status = %q, want %q", got.Status, tt.wantStatus)
			}
			switch {
			case tt.wantStatus == jobs.StatusOpen && got.ClosedAt != nil:
				t.Errorf("open posting has closed_at %v", got.ClosedAt)
			case tt.wantStatus == jobs.StatusClosed && tt.existing == jobs.StatusClosed:
				if got.ClosedAt == nil || !got.ClosedAt.Equal(t0) {
					t.Errorf("closed_at = %v, want the first closing %v", got.ClosedAt, t0)
				}
			case tt.wantStatus == jobs.StatusClosed:
				if got.ClosedAt == nil || !got.ClosedAt.Equal(t1) {
					t.Errorf("closed_at = %v, want %v", got.ClosedAt, t1)
				}
			}
			if tt.outcome == jobs.OutcomeKept {
				if got.Title != "ML Engineer 42" || !got.LastSeen.Equal(t1) || p.ID != got.ID || !p.LastSeen.Equal(t1) {
					t.Errorf("kept posting not updated: %+v (p.ID %d)", got, p.ID)
				}
			}
			if tt.outcome == jobs.OutcomeClosed && tt.existing != "" && got.Title != "old title" {
				t.Errorf("closing replaced the stored posting's fields: %q", got.Title)
			}
		})
	}
}

func TestSaveMismatchedPosting(t *testing.T) {
	d := openTest(t)
	err := d.Save(context.Background(), jobs.Page{Source: "wanted", SourceID: "1", Outcome: jobs.OutcomeKept},
		posting("wanted", "2"))
	if jobs.KindOf(err) != jobs.KindInvalid {
		t.Errorf("Save with another posting's id = %v, want KindInvalid", err)
	}
	err = d.Save(context.Background(), jobs.Page{Source: "wanted", Outcome: jobs.OutcomeSkipped}, nil)
	if jobs.KindOf(err) != jobs.KindInvalid {
		t.Errorf("Save without a source id = %v, want KindInvalid", err)
	}
}

func TestKnownRoundTrip(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))
	fetched := time.Date(2026, 1, 3, 1, 2, 3, 456_000_000, time.FixedZone("KST", 9*3600))
	pages := []jobs.Page{
		{Source: "wanted", SourceID: "1", URL: "https://www.wanted.co.kr/wd/1", LastMod: time.Date(2026, 1, 2, 0, 0, 0, 123_456_789, time.UTC), FetchedAt: fetched, Outcome: jobs.OutcomeSkipped, Filter: "categories=518"},
		{Source: "wanted", SourceID: "2", URL: "https://www.wanted.co.kr/wd/2", Outcome: jobs.OutcomeClosed},
		{Source: "lever", SourceID: "abc", URL: "https://jobs.lever.co/x/abc", Outcome: jobs.OutcomeSkipped},
	}
	for _, pg := range pages {
		if err := d.Save(ctx, pg, nil); err != nil {
			t.Fatal(err)
		}
	}
	// A second save of a page replaces its row.
	pages[1].Outcome = jobs.OutcomeSkipped
	pages[1].LastMod = time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	if err := d.Save(ctx, pages[1], nil); err != nil {
		t.Fatal(err)
	}

	got, err := d.Known(ctx, "wanted")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]jobs.Page{
		"1": {Source: "wanted", SourceID: "1", URL: "https://www.wanted.co.kr/wd/1", LastMod: pages[0].LastMod, FetchedAt: fetched.UTC(), Outcome: jobs.OutcomeSkipped, Filter: "categories=518"},
		"2": {Source: "wanted", SourceID: "2", URL: "https://www.wanted.co.kr/wd/2", LastMod: pages[1].LastMod, FetchedAt: clk.Now(), Outcome: jobs.OutcomeSkipped},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Known(wanted) =\n%+v\nwant\n%+v", got, want)
	}
	if got, err := d.Known(ctx, "greenhouse"); err != nil || len(got) != 0 {
		t.Errorf("Known(greenhouse) = %v, %v", got, err)
	}
}

func TestGone(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))
	for _, id := range []string{"1", "2", "3"} {
		if err := d.Save(ctx, jobs.Page{Source: "wanted", SourceID: id, Outcome: jobs.OutcomeKept}, posting("wanted", id)); err != nil {
			t.Fatal(err)
		}
	}
	mustUpsert(t, d, posting("lever", "1"))
	closedBefore := posting("wanted", "4")
	closedBefore.Status = jobs.StatusClosed
	mustUpsert(t, d, closedBefore)
	t0 := clk.Now()
	t1 := clk.Advance(time.Hour)

	if err := d.Gone(ctx, "wanted", []string{"1", "3", "4", "404"}); err != nil {
		t.Fatal(err)
	}
	if err := d.Gone(ctx, "wanted", nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		source, id string
		status     jobs.Status
		closedAt   time.Time
	}{
		{"wanted", "1", jobs.StatusClosed, t1},
		{"wanted", "2", jobs.StatusOpen, time.Time{}},
		{"wanted", "3", jobs.StatusClosed, t1},
		{"wanted", "4", jobs.StatusClosed, t0},
		{"lever", "1", jobs.StatusOpen, time.Time{}},
	}
	for _, tt := range tests {
		p, err := d.FindBySource(ctx, tt.source, tt.id)
		if err != nil {
			t.Fatal(err)
		}
		var closedAt time.Time
		if p.ClosedAt != nil {
			closedAt = *p.ClosedAt
		}
		if p.Status != tt.status || !closedAt.Equal(tt.closedAt) {
			t.Errorf("%s %s: status %q closed_at %v, want %q %v", tt.source, tt.id, p.Status, closedAt, tt.status, tt.closedAt)
		}
	}
	known, err := d.Known(ctx, "wanted")
	if err != nil {
		t.Fatal(err)
	}
	if known["1"].Outcome != jobs.OutcomeClosed || known["2"].Outcome != jobs.OutcomeKept || known["3"].Outcome != jobs.OutcomeClosed {
		t.Errorf("pages after Gone: %+v", known)
	}
}

// seedList stores postings for the list tests, an hour apart, and returns them by title.
func seedList(t *testing.T, d *DB, clk *clock) map[string]*jobs.Posting {
	t.Helper()
	specs := []struct {
		source, id, company string
		status              jobs.Status
		newcomer            bool
		skills              []string
	}{
		{"wanted", "1", "Acme Robotics", jobs.StatusOpen, true, []string{"Python", "SQL"}},
		{"wanted", "2", "ACME Labs", jobs.StatusClosed, false, []string{"Go"}},
		{"wanted", "3", "토스", jobs.StatusOpen, false, nil},
		{"lever", "a", "Widget_Co", jobs.StatusOpen, true, []string{"Kubernetes", "Docker", "AWS"}},
		{"greenhouse", "g", "Coupang", jobs.StatusOpen, false, []string{"Java"}},
	}
	out := make(map[string]*jobs.Posting)
	for _, s := range specs {
		p := posting(s.source, s.id)
		p.Company = s.company
		p.Status = s.status
		p.Analysis = &jobs.Analysis{Newcomer: s.newcomer, MinYears: intp(len(s.skills))}
		for i, sk := range s.skills {
			sec := jobs.SectionRequired
			if i == 1 {
				sec = jobs.SectionPreferred
			}
			p.Analysis.Skills = append(p.Analysis.Skills, jobs.Requirement{Skill: sk, Section: sec, Evidence: []jobs.Span{{Start: 0, End: 1}}})
		}
		mustUpsert(t, d, p)
		out[s.source+"/"+s.id] = p
		clk.Advance(time.Hour)
	}
	return out
}

func TestListPostings(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))
	start := clk.Now()
	seeded := seedList(t, d, clk)

	open, closed := jobs.StatusOpen, jobs.StatusClosed
	acme, toss, nobody, underscore := "acme", "토스", "nobody", "_"
	yes, no := true, false
	lever := "lever"
	since := start.Add(2 * time.Hour)
	minScore := 0.99

	tests := []struct {
		name string
		f    jobs.Filter
		want []string // source/id, in order
	}{
		{"all, newest first", jobs.Filter{}, []string{"greenhouse/g", "lever/a", "wanted/3", "wanted/2", "wanted/1"}},
		{"open", jobs.Filter{Status: &open}, []string{"greenhouse/g", "lever/a", "wanted/3", "wanted/1"}},
		{"closed", jobs.Filter{Status: &closed}, []string{"wanted/2"}},
		{"company ignores ASCII case", jobs.Filter{Company: &acme}, []string{"wanted/2", "wanted/1"}},
		{"company in Korean", jobs.Filter{Company: &toss}, []string{"wanted/3"}},
		{"company underscore is literal", jobs.Filter{Company: &underscore}, []string{"lever/a"}},
		{"company matching none", jobs.Filter{Company: &nobody}, nil},
		{"since is inclusive", jobs.Filter{Since: &since}, []string{"greenhouse/g", "lever/a", "wanted/3"}},
		{"newcomer", jobs.Filter{Newcomer: &yes}, []string{"lever/a", "wanted/1"}},
		{"not newcomer", jobs.Filter{Newcomer: &no}, []string{"greenhouse/g", "wanted/3", "wanted/2"}},
		{"source", jobs.Filter{Source: &lever}, []string{"lever/a"}},
		{"limit", jobs.Filter{Limit: 2}, []string{"greenhouse/g", "lever/a"}},
		{"combined", jobs.Filter{Status: &open, Company: &acme, Newcomer: &yes, Limit: 5}, []string{"wanted/1"}},
		{"min score is the caller's", jobs.Filter{MinScore: &minScore, Source: &lever}, []string{"lever/a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var queries int
			d.onQuery = func(string) { queries++ }
			defer func() { d.onQuery = nil }()

			got, err := d.ListPostings(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, p := range got {
				keys = append(keys, p.Source+"/"+p.SourceID)
			}
			if !reflect.DeepEqual(keys, tt.want) {
				t.Fatalf("ListPostings = %v, want %v", keys, tt.want)
			}
			if len(got) > 0 && queries != 1 {
				t.Errorf("%d queries, want 1", queries)
			}
			for _, p := range got {
				full := seeded[p.Source+"/"+p.SourceID]
				checkListed(t, p, full)
			}
		})
	}

	bogus := jobs.Status("paused")
	if _, err := d.ListPostings(ctx, jobs.Filter{Status: &bogus}); jobs.KindOf(err) != jobs.KindInvalid {
		t.Errorf("unknown status filter = %v, want KindInvalid", err)
	}
}

// checkListed compares a listed posting with the stored one: no sections, no raw, skills
// without evidence, everything else the same.
func checkListed(t *testing.T, got, stored *jobs.Posting) {
	t.Helper()
	if got.Sections != (jobs.Sections{}) || got.Raw != nil {
		t.Errorf("%s: list carries sections or raw", got.SourceID)
	}
	var wantSkills []jobs.Requirement
	for _, r := range stored.Analysis.Skills {
		wantSkills = append(wantSkills, jobs.Requirement{Skill: r.Skill, Section: r.Section})
	}
	if !reflect.DeepEqual(got.Analysis.Skills, wantSkills) {
		t.Errorf("%s: skills %+v, want %+v", got.SourceID, got.Analysis.Skills, wantSkills)
	}
	if got.Analysis.Newcomer != stored.Analysis.Newcomer || *got.Analysis.MinYears != *stored.Analysis.MinYears ||
		got.Analysis.Major != stored.Analysis.Major || got.Analysis.Degree != stored.Analysis.Degree {
		t.Errorf("%s: analysis %+v, want %+v", got.SourceID, got.Analysis, stored.Analysis)
	}
	if got.ID != stored.ID || got.Status != stored.Status || got.Company != stored.Company || got.Title != stored.Title ||
		got.URL != stored.URL || !reflect.DeepEqual(got.Categories, stored.Categories) ||
		!reflect.DeepEqual(got.Career, stored.Career) || !got.Due.Equal(*stored.Due) ||
		!got.FirstSeen.Equal(stored.FirstSeen) || !got.LastSeen.Equal(stored.LastSeen) ||
		got.Remote != stored.Remote || got.Location != stored.Location || got.EmploymentType != stored.EmploymentType {
		t.Errorf("listed %+v\nstored %+v", got, stored)
	}
}

func TestListPostingsEmpty(t *testing.T) {
	d := openTest(t)
	got, err := d.ListPostings(context.Background(), jobs.Filter{})
	if err != nil || len(got) != 0 {
		t.Errorf("ListPostings on an empty store = %v, %v", got, err)
	}
}

func TestEachPosting(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	n := eachBatch*2 + 7 // crosses batch boundaries
	ids := make([]int64, n)
	for i := range n {
		p := posting("wanted", fmt.Sprint(i))
		p.Analysis.Skills = p.Analysis.Skills[:1+i%3]
		ids[i] = mustUpsert(t, d, p)
	}

	var got []int64
	err := d.EachPosting(ctx, func(p *jobs.Posting) error {
		i := len(got)
		got = append(got, p.ID)
		if p.SourceID != fmt.Sprint(i) || p.Sections.Requirements == "" || len(p.Raw) == 0 {
			return fmt.Errorf("posting %d incomplete: %+v", p.ID, p)
		}
		if len(p.Analysis.Skills) != 1+i%3 || p.Analysis.Skills[0].Skill != "Python" || len(p.Analysis.Skills[0].Evidence) != 1 {
			return fmt.Errorf("posting %d skills %+v", p.ID, p.Analysis.Skills)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ids) {
		t.Errorf("EachPosting visited %d postings, want %d in id order", len(got), len(ids))
	}

	stop := errors.New("stop here")
	calls := 0
	err = d.EachPosting(ctx, func(*jobs.Posting) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 3 {
		t.Errorf("EachPosting = %v after %d calls, want the callback's error after 3", err, calls)
	}
}

// fn may write while EachPosting reads: the read is a snapshot, the write goes through.
func TestEachPostingWritesInCallback(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	for i := range 3 {
		mustUpsert(t, d, posting("wanted", fmt.Sprint(i)))
	}
	seen := 0
	err := d.EachPosting(ctx, func(p *jobs.Posting) error {
		seen++
		return d.UpdateAnalyses(ctx, []AnalysisUpdate{{ID: p.ID, Analysis: &jobs.Analysis{Newcomer: true}}})
	})
	if err != nil || seen != 3 {
		t.Fatalf("EachPosting = %v, saw %d", err, seen)
	}
	yes := true
	got, err := d.ListPostings(ctx, jobs.Filter{Newcomer: &yes})
	if err != nil || len(got) != 3 {
		t.Errorf("after rewriting in the callback: %d newcomer postings, %v", len(got), err)
	}
}

func TestUpdateAnalyses(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	a := mustUpsert(t, d, posting("wanted", "1"))
	b := mustUpsert(t, d, posting("wanted", "2"))

	err := d.UpdateAnalyses(ctx, []AnalysisUpdate{
		{ID: a, Analysis: &jobs.Analysis{
			Skills:   []jobs.Requirement{{Skill: "Rust", Section: jobs.SectionRequired, Evidence: []jobs.Span{{Start: 2, End: 6}}}, {Skill: "Python", Section: jobs.SectionOther}},
			MinYears: intp(1), MaxYears: intp(3), Degree: jobs.DegreeMaster, Major: "통계학", Newcomer: true,
		}},
		{ID: b, Analysis: nil},
	})
	if err != nil {
		t.Fatal(err)
	}
	pa, err := d.FindPosting(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	wantA := &jobs.Analysis{
		Skills:   []jobs.Requirement{{Skill: "Rust", Section: jobs.SectionRequired, Evidence: []jobs.Span{{Start: 2, End: 6}}}, {Skill: "Python", Section: jobs.SectionOther}},
		MinYears: intp(1), MaxYears: intp(3), Degree: jobs.DegreeMaster, Major: "통계학", Newcomer: true,
	}
	if !reflect.DeepEqual(pa.Analysis, wantA) {
		t.Errorf("analysis = %+v, want %+v", pa.Analysis, wantA)
	}
	if pa.Sections.Requirements == "" || pa.Title != "ML Engineer 1" {
		t.Errorf("UpdateAnalyses touched other fields: %+v", pa)
	}
	pb, err := d.FindPosting(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pb.Analysis, &jobs.Analysis{}) {
		t.Errorf("nil analysis stored as %+v", pb.Analysis)
	}

	// An unknown id fails the whole batch.
	err = d.UpdateAnalyses(ctx, []AnalysisUpdate{
		{ID: b, Analysis: &jobs.Analysis{Skills: []jobs.Requirement{{Skill: "Go", Section: jobs.SectionRequired}}}},
		{ID: 999, Analysis: &jobs.Analysis{}},
	})
	if jobs.KindOf(err) != jobs.KindNotFound {
		t.Errorf("UpdateAnalyses with an unknown id = %v, want KindNotFound", err)
	}
	if pb, _ := d.FindPosting(ctx, b); len(pb.Analysis.Skills) != 0 {
		t.Errorf("a failed batch changed posting %d: %+v", b, pb.Analysis.Skills)
	}
}

func TestCounts(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	if o, c, err := d.Counts(ctx); err != nil || o != 0 || c != 0 {
		t.Errorf("Counts on empty = %d %d %v", o, c, err)
	}
	for i := range 5 {
		p := posting("wanted", fmt.Sprint(i))
		if i < 2 {
			p.Status = jobs.StatusClosed
		}
		mustUpsert(t, d, p)
	}
	if o, c, err := d.Counts(ctx); err != nil || o != 3 || c != 2 {
		t.Errorf("Counts = %d open %d closed (%v), want 3 2", o, c, err)
	}
}

func TestContentHash(t *testing.T) {
	base := jobs.Sections{Requirements: "• Python 3년 이상\n• SQL", Preferred: "• Docker"}
	tests := []struct {
		name string
		s    jobs.Sections
		same bool
	}{
		{"identical", base, true},
		{"spacing and line endings", jobs.Sections{Requirements: "  •  Python\t3년 이상 \r\n\r\n• SQL\n", Preferred: "• Docker\r"}, true},
		{"a word changed", jobs.Sections{Requirements: "• Python 5년 이상\n• SQL", Preferred: "• Docker"}, false},
		{"text moved to another section", jobs.Sections{Requirements: "• Python 3년 이상\n• SQL\n• Docker"}, false},
		{"benefits count", jobs.Sections{Requirements: base.Requirements, Preferred: base.Preferred, Benefits: "점심 제공"}, false},
	}
	want := ContentHash(base)
	if len(want) != 64 || strings.Trim(want, "0123456789abcdef") != "" {
		t.Fatalf("ContentHash = %q, want 64 hex digits", want)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ContentHash(tt.s); (got == want) != tt.same {
				t.Errorf("same hash = %v, want %v", got == want, tt.same)
			}
		})
	}

	ctx := context.Background()
	d := openTest(t)
	p := posting("wanted", "1")
	p.Sections = base
	id := mustUpsert(t, d, p)
	var stored string
	if err := d.read.QueryRowContext(ctx, "SELECT content_hash FROM postings WHERE id = ?", id).Scan(&stored); err != nil || stored != want {
		t.Errorf("stored hash %q (%v), want %q", stored, err, want)
	}
}

// Goroutines saving at once through one store, and two stores on one file writing at once,
// all succeed: the first queue on the write connection, the second wait on busy_timeout.
func TestConcurrentSave(t *testing.T) {
	ctx := context.Background()
	d1 := openTest(t)
	d2, err := Open(ctx, d1.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()

	const workers, each = 6, 20
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		d := d1
		if w%2 == 1 {
			d = d2
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				id := fmt.Sprintf("%d-%d", w, i)
				if err := d.Save(ctx, jobs.Page{Source: "wanted", SourceID: id, Outcome: jobs.OutcomeKept}, posting("wanted", id)); err != nil {
					errs <- err
					return
				}
				if i%5 == 0 {
					if _, err := d.ListPostings(ctx, jobs.Filter{Limit: 10}); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent Save: %v", err)
	}
	if open, _, err := d1.Counts(ctx); err != nil || open != workers*each {
		t.Errorf("open postings = %d (%v), want %d", open, err, workers*each)
	}
	known, err := d2.Known(ctx, "wanted")
	if err != nil || len(known) != workers*each {
		t.Errorf("pages = %d (%v), want %d", len(known), err, workers*each)
	}
}

// One posting on two boards (the same company and title after normalising) is one group,
// led by the first seen; a repost after the window starts a new group.
func TestUpsertGroupsDuplicatesAcrossSources(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))
	mk := func(source, id, company, title string) *jobs.Posting {
		p := posting(source, id)
		p.Company, p.Title = company, title
		return p
	}
	first := mk("wanted", "1", "(주)토스", "Server Developer (Go)")
	mustUpsert(t, d, first)
	clk.Advance(24 * time.Hour)
	second := mk("greenhouse", "9001", "토스 주식회사", "server developer(go)")
	mustUpsert(t, d, second)
	other := mk("greenhouse", "9002", "토스", "Frontend Developer")
	mustUpsert(t, d, other)
	// Re-storing the first keeps its group.
	mustUpsert(t, d, mk("wanted", "1", "(주)토스", "Server Developer (Go)"))
	clk.Advance(jobs.DedupWindow + 48*time.Hour)
	later := mk("lever", "abc", "Toss", "Server Developer (Go)")
	later.Company = "토스"
	mustUpsert(t, d, later)

	list, err := d.ListPostings(ctx, jobs.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]int64{}
	for _, p := range list {
		groups[p.Source+":"+p.SourceID] = p.GroupID
	}
	if groups["wanted:1"] != first.ID || groups["greenhouse:9001"] != first.ID {
		t.Errorf("the two boards' sightings are not one group: %v (first id %d)", groups, first.ID)
	}
	if groups["greenhouse:9002"] != other.ID {
		t.Errorf("another title joined a group: %v", groups)
	}
	if groups["lever:abc"] != later.ID {
		t.Errorf("a repost after the window joined the old group: %v", groups)
	}
}

// An edited requirement list, or a repost on the same board with other text, marks the
// posting updated; storing the same text again, or a sighting on another board, does not.
func TestUpdatedWhenTheTextChanges(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))
	p := posting("wanted", "1")
	mustUpsert(t, d, p)
	clk.Advance(24 * time.Hour)
	mustUpsert(t, d, posting("wanted", "1"))
	if got, _ := d.FindBySource(ctx, "wanted", "1"); got.UpdatedAt != nil {
		t.Errorf("same text marked updated at %v", got.UpdatedAt)
	}
	clk.Advance(24 * time.Hour)
	edited := posting("wanted", "1")
	edited.Sections.Requirements += "\n• Kubernetes 운영 경험"
	mustUpsert(t, d, edited)
	got, _ := d.FindBySource(ctx, "wanted", "1")
	if got.UpdatedAt == nil || !got.UpdatedAt.Equal(clk.Now()) {
		t.Errorf("edited requirements: updated_at %v, want %v", got.UpdatedAt, clk.Now())
	}
	// A repost: a new id on the same board, same company and title, other text.
	repost := posting("wanted", "2")
	repost.Company, repost.Title = p.Company, p.Title
	repost.Sections.Requirements = "• Go 5년 이상"
	mustUpsert(t, d, repost)
	if got, _ := d.FindBySource(ctx, "wanted", "2"); got.UpdatedAt == nil || got.GroupID != p.ID {
		t.Errorf("repost: updated_at %v, group %d (want %d)", got.UpdatedAt, got.GroupID, p.ID)
	}
	other := posting("greenhouse", "9")
	other.Company, other.Title = p.Company, p.Title
	other.Sections.Requirements = "Python"
	mustUpsert(t, d, other)
	if got, _ := d.FindBySource(ctx, "greenhouse", "9"); got.UpdatedAt != nil {
		t.Errorf("a sighting on another board was marked updated")
	}
}

// normaliseReference is the plain statement of what ContentHash normalises: lines split on
// any line ending, runs of white space made one space and trimmed, empty lines dropped.
func normaliseReference(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var lines []string
	for _, line := range strings.Split(text, "\n") {
		if fields := strings.FieldsFunc(line, unicode.IsSpace); len(fields) > 0 {
			lines = append(lines, strings.Join(fields, " "))
		}
	}
	return strings.Join(lines, "\n")
}

func FuzzAppendNormalised(f *testing.F) {
	for _, s := range []string{"", " a  b \r\n\r\n c\t\u3000d \n", "\u2028x\u0085y\v\f", "\xff \xfe\n\n", "• Python 3년 이상\r• SQL"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendNormalised([]byte("x"), s)), "x"+normaliseReference(s); got != want {
			t.Errorf("appendNormalised(%q) = %q, want %q", s, got, want)
		}
	})
}
