package db

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func stagesOf(a *Application) []Stage {
	var out []Stage
	for _, s := range a.Steps {
		out = append(out, s.Stage)
	}
	return out
}

// Tracking keeps every step, and survives what a nightly scrape does to the posting: an
// upsert with new text, a close because the source stopped listing it, a 404 page, and its
// return.
func TestTrackSurvivesRescrapesAndCloses(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	d := openTest(t, WithClock(c.Now))
	id := mustUpsert(t, d, posting("wanted", "501"))
	other := mustUpsert(t, d, posting("wanted", "502"))

	applied := time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC)
	steps := []struct {
		stage Stage
		at    time.Time
		note  string
	}{
		{StageSaved, time.Time{}, ""},
		{StageApplied, applied, "  이력서 v3  "},
		{StageInterview, time.Time{}, "1차 기술면접"},
	}
	for _, s := range steps {
		c.Advance(time.Hour)
		if _, err := d.Track(ctx, id, s.stage, s.at, s.note); err != nil {
			t.Fatalf("Track %s: %v", s.stage, err)
		}
	}

	for _, tc := range []struct {
		name   string
		change func(t *testing.T)
		status jobs.Status
	}{
		{"re-scraped with new text", func(t *testing.T) {
			p := posting("wanted", "501")
			p.Title = "ML Engineer (NLP)"
			p.Sections.Requirements = "• Python\n• Transformers"
			if got := mustUpsert(t, d, p); got != id {
				t.Fatalf("the upsert moved the posting: id %d, want %d", got, id)
			}
		}, jobs.StatusOpen},
		{"closed: no longer listed", func(t *testing.T) {
			if err := d.Gone(ctx, "wanted", []string{"501"}); err != nil {
				t.Fatal(err)
			}
		}, jobs.StatusClosed},
		{"closed again: the page answers 404", func(t *testing.T) {
			if err := d.Save(ctx, jobs.Page{Source: "wanted", SourceID: "501", Outcome: jobs.OutcomeClosed}, nil); err != nil {
				t.Fatal(err)
			}
		}, jobs.StatusClosed},
		{"listed again", func(t *testing.T) {
			mustUpsert(t, d, posting("wanted", "501"))
		}, jobs.StatusOpen},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c.Advance(24 * time.Hour)
			tc.change(t)
			a, err := d.Application(ctx, id)
			if err != nil || a == nil {
				t.Fatalf("Application: %+v, %v", a, err)
			}
			if got, want := stagesOf(a), []Stage{StageSaved, StageApplied, StageInterview}; !reflect.DeepEqual(got, want) {
				t.Errorf("steps %v, want %v", got, want)
			}
			if a.Stage() != StageInterview || a.Posting.ID != id || a.Posting.Status != tc.status {
				t.Errorf("stage %s, posting %d %s; want interview, %d %s", a.Stage(), a.Posting.ID, a.Posting.Status, id, tc.status)
			}
			if !a.Steps[1].At.Equal(applied) || a.Steps[1].Note != "이력서 v3" {
				t.Errorf("applied step %+v, want the given date and a trimmed note", a.Steps[1])
			}
		})
	}

	all, err := d.Applications(ctx)
	if err != nil || len(all) != 1 || all[0].Posting.ID != id {
		t.Fatalf("Applications: %+v, %v", all, err)
	}
	if a, err := d.Application(ctx, other); err != nil || a != nil {
		t.Errorf("an untracked posting has an application: %+v, %v", a, err)
	}
	// The posting cannot be deleted while it is tracked.
	if _, err := d.write.ExecContext(ctx, `DELETE FROM postings WHERE id = ?`, id); err == nil {
		t.Errorf("a tracked posting was deleted")
	}
}

func TestTrackStepsAndErrors(t *testing.T) {
	ctx := context.Background()
	c := newClock()
	d := openTest(t, WithClock(c.Now))
	id := mustUpsert(t, d, posting("wanted", "601"))
	for _, tc := range []struct {
		name  string
		id    int64
		stage Stage
		note  string
		kind  jobs.Kind
	}{
		{"unknown posting", 9999, StageSaved, "", jobs.KindNotFound},
		{"unknown stage", id, Stage("hired"), "", jobs.KindInvalid},
		{"stage not in lower case", id, Stage("Applied"), "", jobs.KindInvalid},
		{"overlong note", id, StageSaved, strings.Repeat("가", maxNote+1), jobs.KindInvalid},
		{"invalid text", id, StageSaved, "\xff", jobs.KindInvalid},
	} {
		if _, err := d.Track(ctx, tc.id, tc.stage, time.Time{}, tc.note); jobs.KindOf(err) != tc.kind {
			t.Errorf("%s: %v, want kind %d", tc.name, err, tc.kind)
		}
	}
	if a, _ := d.Application(ctx, id); a != nil {
		t.Fatalf("a failed step started an application: %+v", a)
	}

	// The stage is the step recorded last, even when it happened earlier than the one before;
	// a stage may repeat (a second interview).
	for _, s := range []struct {
		stage Stage
		at    time.Time
	}{
		{StageInterview, time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC)},
		{StageApplied, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)},
		{StageInterview, time.Time{}},
		{StageRejected, time.Time{}},
	} {
		c.Advance(time.Minute)
		if _, err := d.Track(ctx, id, s.stage, s.at, ""); err != nil {
			t.Fatal(err)
		}
	}
	a, err := d.Application(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := stagesOf(a), []Stage{StageInterview, StageApplied, StageInterview, StageRejected}; !reflect.DeepEqual(got, want) {
		t.Errorf("steps %v, want %v", got, want)
	}
	if a.Stage() != StageRejected || !a.Last().At.Equal(c.Now().UTC()) || !a.Last().RecordedAt.Equal(c.Now().UTC()) {
		t.Errorf("last step %+v at %v", a.Last(), c.Now())
	}
	if !a.Created.Equal(a.Steps[0].RecordedAt) {
		t.Errorf("created %v, first step recorded %v", a.Created, a.Steps[0].RecordedAt)
	}
}

// A posting seen on two boards is open while either sighting is.
func TestApplicationStatusFollowsTheGroup(t *testing.T) {
	ctx := context.Background()
	d := openTest(t, WithClock(newClock().Now))
	first := posting("wanted", "701")
	id := mustUpsert(t, d, first)
	second := posting("greenhouse", "g701")
	second.Title = first.Title
	mustUpsert(t, d, second)
	if _, err := d.Track(ctx, id, StageApplied, time.Time{}, ""); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		source, id string
		want       jobs.Status
	}{
		{"wanted", "701", jobs.StatusOpen},
		{"greenhouse", "g701", jobs.StatusClosed},
	} {
		if err := d.Gone(ctx, tc.source, []string{tc.id}); err != nil {
			t.Fatal(err)
		}
		apps, err := d.Applications(ctx)
		if err != nil || len(apps) != 1 || apps[0].Posting.Status != tc.want {
			t.Errorf("after closing %s %s: %+v, %v; want %s", tc.source, tc.id, apps, err, tc.want)
		}
	}
}

func TestParseStage(t *testing.T) {
	for in, want := range map[string]Stage{"saved": StageSaved, " Applied ": StageApplied, "OFFER": StageOffer, "hired": "", "": ""} {
		got, ok := ParseStage(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseStage(%q) = %q, %v", in, got, ok)
		}
	}
}
