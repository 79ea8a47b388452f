package db

import (
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestImportIsIdempotentAndKeepsFirstSeen(t *testing.T) {
	ctx := context.Background()
	clk := newClock()
	d := openTest(t, WithClock(clk.Now))
	old := clk.Now().Add(-30 * 24 * time.Hour)
	batch := func() []*jobs.Posting {
		a, b := posting("jobspy-indeed", "in-1"), posting("wanted", "2")
		a.FirstSeen = old
		return []*jobs.Posting{a, b}
	}
	st, err := d.Import(ctx, batch())
	if err != nil || st != (ImportStats{Created: 2}) {
		t.Fatalf("first import: %+v, %v", st, err)
	}
	got, err := d.FindBySource(ctx, "jobspy-indeed", "in-1")
	if err != nil || !got.FirstSeen.Equal(old) {
		t.Fatalf("first_seen %v, want the imported %v (%v)", got.FirstSeen, old, err)
	}
	clk.Advance(time.Hour)
	st, err = d.Import(ctx, batch())
	if err != nil || st != (ImportStats{Unchanged: 2}) {
		t.Errorf("re-import: %+v, %v; want 2 unchanged", st, err)
	}
	if again, _ := d.FindBySource(ctx, "wanted", "2"); !again.LastSeen.Equal(got.LastSeen) {
		t.Errorf("re-import moved last_seen: %v -> %v", got.LastSeen, again.LastSeen)
	}
	changed := batch()
	changed[1].Sections.Requirements = "• Go 3년 이상"
	st, err = d.Import(ctx, changed)
	if err != nil || st != (ImportStats{Updated: 1, Unchanged: 1}) {
		t.Errorf("changed import: %+v, %v", st, err)
	}
	if _, err := d.Import(ctx, []*jobs.Posting{{Source: "x"}}); jobs.KindOf(err) != jobs.KindInvalid {
		t.Errorf("a posting without source id: %v", err)
	}
}

// importCase is a batch that meets every path of Import: groups across boards and within
// the batch, a repost with other text on the same board, a line repeated unchanged and
// changed, closed postings, postings with no analysis or no dedup key.
func importCase(old time.Time) [][]*jobs.Posting {
	mk := func(source, id, company, title string, edit int) *jobs.Posting {
		p := posting(source, id)
		p.Company, p.Title = company, title
		if edit > 0 {
			p.Sections.Requirements += fmt.Sprintf("\n• edit %d", edit)
		}
		return p
	}
	closed := mk("lever", "c1", "Kakao", "Data Engineer", 0)
	closed.Status = jobs.StatusClosed
	bare := mk("wanted", "bare", "", "", 0)
	bare.Analysis = nil
	odd := mk("lever", "odd", "A:1~회사 12:ab", "~", 0)
	odd.Career, odd.Due, odd.Remote, odd.Categories = &jobs.Career{Newbie: true}, nil, false, nil
	noCareer := mk("lever", "nc", "Beta", "신입 개발자", 0)
	noCareer.Career = nil
	early := mk("greenhouse", "g-early", "Toss", "ML Engineer", 0)
	early.FirstSeen = old
	first := []*jobs.Posting{
		mk("wanted", "1", "Toss", "ML Engineer", 0),
		mk("greenhouse", "g1", "토스 (Toss)", "ML Engineer", 0),
		mk("wanted", "2", "Toss", "ML Engineer", 1), // same board, other text: an edit
		early,
		closed,
		bare,
		odd,
		noCareer,
		mk("wanted", "3", "Naver", "Backend", 0),
		mk("wanted", "3", "Naver", "Backend", 0), // repeated as it was
		mk("wanted", "4", "Line", "iOS", 0),
		mk("wanted", "4", "Line", "iOS", 2), // repeated, changed
	}
	bare2, bare3 := mk("wanted", "bare", "", "", 5), mk("wanted", "bare", "", "", 0)
	bare2.Analysis, bare3.Analysis = nil, nil
	second := []*jobs.Posting{
		mk("lever", "l1", "Toss", "ML Engineer", 0), // joins the group made in the first batch
		mk("wanted", "1", "Toss", "ML Engineer", 0), // unchanged
		bare2, // changed, then back as it was: two updates
		bare3,
		mk("wanted", "3", "Naver", "Backend Lead", 0),
		mk("wanted", "5", "Naver", "Backend", 3),
	}
	return [][]*jobs.Posting{first, second}
}

// An import leaves the file as storing each posting in turn does: ids, groups, edits,
// first and last seen, skills with their evidence, texts and list rows.
func TestImportEqualsUpsertingEachInTurn(t *testing.T) {
	ctx := context.Background()
	clkA, clkB := newClock(), newClock()
	imported, upserted := openTest(t, WithClock(clkA.Now)), openTest(t, WithClock(clkB.Now))
	old := clkA.Now().Add(-10 * 24 * time.Hour)
	for _, batch := range importCase(old) {
		if _, err := imported.Import(ctx, batch); err != nil {
			t.Fatal(err)
		}
		clkA.Advance(time.Hour)
	}
	for _, batch := range importCase(old) {
		for _, p := range batch {
			// What Import leaves alone: the same place, company, title, url, status and text.
			if was, err := upserted.FindBySource(ctx, p.Source, p.SourceID); err == nil &&
				ContentHash(was.Sections) == ContentHash(p.Sections) && was.Company == p.Company &&
				was.Title == p.Title && was.URL == p.URL && (was.Status == p.Status || p.Status == "" && was.Status == jobs.StatusOpen) {
				continue
			}
			if _, _, err := upserted.UpsertPosting(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		clkB.Advance(time.Hour)
	}
	// The list rows an import packs are byte for byte those the trigger packs.
	if ra, rb := listRowsOf(t, imported), listRowsOf(t, upserted); !reflect.DeepEqual(ra, rb) {
		for i := range min(len(ra), len(rb)) {
			if ra[i] != rb[i] {
				t.Errorf("list row %d:\nimported %q\nupserted %q", i+1, ra[i], rb[i])
			}
		}
		if len(ra) != len(rb) {
			t.Errorf("%d list rows imported, %d upserted", len(ra), len(rb))
		}
	}
	a, b := dumpPostings(t, imported), dumpPostings(t, upserted)
	if len(a) != len(b) || len(a) < 10 {
		t.Fatalf("%d postings imported, %d upserted", len(a), len(b))
	}
	for i := range a {
		if !reflect.DeepEqual(a[i], b[i]) {
			t.Errorf("posting %d imported:\n%+v\nupserted:\n%+v", i+1, a[i], b[i])
		}
	}
	// The groups the case means to make.
	groups, ids := map[string]int64{}, map[string]int64{}
	for _, p := range a {
		groups[p.Source+":"+p.SourceID] = p.GroupID
		ids[p.Source+":"+p.SourceID] = p.ID
	}
	if g := groups["wanted:1"]; groups["wanted:2"] != g || groups["lever:l1"] != g || groups["greenhouse:g-early"] != g {
		t.Errorf("Toss ML Engineer sightings in groups %v", groups)
	}
	// wanted 3 became Backend Lead earlier in the batch that brought wanted 5.
	if groups["wanted:5"] != ids["wanted:5"] || groups["wanted:3"] != ids["wanted:3"] {
		t.Errorf("Naver Backend: %v", groups)
	}
}

// dumpPostings is every stored posting, complete, with its list row's reading, by id.
func dumpPostings(t *testing.T, d *DB) []*jobs.Posting {
	t.Helper()
	ctx := context.Background()
	listed, err := d.ListPostings(ctx, jobs.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []*jobs.Posting
	for i := len(listed) - 1; i >= 0; i-- {
		full, err := d.FindPosting(ctx, listed[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if l := listed[i]; l.GroupID != full.GroupID || !reflect.DeepEqual(skillNames(l), skillNames(full)) || l.Status != full.Status {
			t.Errorf("posting %d: list row %+v disagrees with the posting %+v", l.ID, l, full)
		}
		out = append(out, full)
	}
	slices.SortFunc(out, func(x, y *jobs.Posting) int { return cmp.Compare(x.ID, y.ID) })
	return out
}

// Import and UpdateAnalyses write without foreign key checks or checkpoints; both are back
// on after, whether they committed or failed.
func TestBulkWritesRestoreForeignKeys(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	if _, err := d.Import(ctx, []*jobs.Posting{posting("wanted", "1")}); err != nil {
		t.Fatal(err)
	}
	if err := d.UpdateAnalyses(ctx, []AnalysisUpdate{{ID: 999}}); jobs.KindOf(err) != jobs.KindNotFound {
		t.Fatalf("update of an unknown posting: %v", err)
	}
	if _, err := d.write.ExecContext(ctx, `INSERT INTO requirements (posting_id, skill, section, ord) VALUES (12345, 'Go', 'required', 0)`); err == nil {
		t.Error("a requirement of no posting was stored: foreign keys are off")
	}
	var on, pages int
	if err := d.write.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&on); err != nil || on != 1 {
		t.Errorf("foreign_keys = %d (%v)", on, err)
	}
	if err := d.write.QueryRowContext(ctx, `PRAGMA wal_autocheckpoint`).Scan(&pages); err != nil || pages != walAutocheckpoint {
		t.Errorf("wal_autocheckpoint = %d (%v)", pages, err)
	}
}

// A snapshot tells unchanged postings before analysis; ImportPrepared counts them, and hands
// back those that changed after the snapshot was taken, writing nothing of them.
func TestSnapshotUnchangedAndDeferred(t *testing.T) {
	ctx := context.Background()
	d := openTest(t)
	if _, err := d.Import(ctx, []*jobs.Posting{posting("wanted", "1"), posting("wanted", "2")}); err != nil {
		t.Fatal(err)
	}
	snap, err := d.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	edited := posting("wanted", "2")
	edited.Sections.Requirements += "\n• Go"
	for _, tc := range []struct {
		p    *jobs.Posting
		want bool
	}{
		{posting("wanted", "1"), true},
		{edited, false},
		{posting("wanted", "3"), false},
		{func() *jobs.Posting { p := posting("wanted", "1"); p.Title = "Other"; return p }(), false},
		{func() *jobs.Posting { p := posting("wanted", "1"); p.Status = jobs.StatusClosed; return p }(), false},
	} {
		if got := snap.Unchanged(tc.p) != nil; got != tc.want {
			t.Errorf("%s %s %q: unchanged %v, want %v", tc.p.Source, tc.p.SourceID, tc.p.Title, got, tc.want)
		}
	}
	// wanted 2 is edited after the snapshot called it unchanged.
	stale := snap.Unchanged(posting("wanted", "2"))
	one := snap.Unchanged(posting("wanted", "1"))
	if stale == nil || one == nil {
		t.Fatal("snapshot rows missing")
	}
	if _, err := d.Import(ctx, []*jobs.Posting{edited}); err != nil {
		t.Fatal(err)
	}
	st, deferred, err := d.ImportPrepared(ctx, []*ImportRow{one, stale})
	if err != nil || st != (ImportStats{Unchanged: 1}) || len(deferred) != 1 || deferred[0].SourceID != "2" {
		t.Fatalf("stats %+v, deferred %v, %v", st, deferred, err)
	}
	if got, _ := d.FindBySource(ctx, "wanted", "2"); got.Sections.Requirements != edited.Sections.Requirements {
		t.Errorf("a deferred posting was written: %q", got.Sections.Requirements)
	}
}

// listRowsOf is every list row, by posting id.
func listRowsOf(t *testing.T, d *DB) []string {
	t.Helper()
	rows, err := d.read.Query(`SELECT row FROM posting_rows ORDER BY posting_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}
