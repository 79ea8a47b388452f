package ingest

import (
	"context"
	"fmt"
	"sync"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
)

// Every source's status line counts the same things, in the words a user checks a night
// by: listed, new, changed, unchanged, closed, failed. The scrapers' own counts (fetched,
// parsed, kept) differ by how a source is read: a board API hands over every posting each
// night, so a Lever board "kept 27" every night though nothing changed. countingSink learns
// at each save whether the posting is new, changed or as it was.

// Counts are one source's counts for its status line: what its saves did.
type Counts struct {
	New, Changed, Same, Skipped, ClosedPages int
}

// countingSink counts, for the source being collected, what each save did.
type countingSink struct {
	jobs.Sink
	store *db.DB
	mu    sync.Mutex
	n     Counts
}

// reset starts the counts of the next source.
func (s *countingSink) reset() Counts {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.n
	s.n = Counts{}
	return n
}

func (s *countingSink) Save(ctx context.Context, page jobs.Page, p *jobs.Posting) error {
	var before *jobs.Posting
	if page.Outcome == jobs.OutcomeKept && p != nil {
		before, _ = s.store.FindBySource(ctx, page.Source, page.SourceID) // nil: a new posting
	}
	if err := s.Sink.Save(ctx, page, p); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case page.Outcome == jobs.OutcomeSkipped:
		s.n.Skipped++
	case page.Outcome == jobs.OutcomeClosed:
		s.n.ClosedPages++
	case before == nil:
		s.n.New++
	case changedPosting(before, p):
		s.n.Changed++
	default:
		s.n.Same++
	}
	return nil
}

// changedPosting reports whether a save changed what a user reads of a posting.
func changedPosting(a, b *jobs.Posting) bool {
	sameDue := (a.Due == nil) == (b.Due == nil) && (a.Due == nil || a.Due.Equal(*b.Due))
	return a.Title != b.Title || a.Company != b.Company || a.Sections != b.Sections || !sameDue ||
		a.Location != b.Location || a.EmploymentType != b.EmploymentType || a.Status != jobs.StatusOpen
}

// Line is the status line's counts: the postings listed, those new and changed this night,
// the rest of the listed ones (unchanged, fetched again or not), closed, failed.
func (n Counts) Line(st jobs.SourceStats) string {
	unchanged := max(0, st.Listed-n.New-n.Changed-n.ClosedPages-n.Skipped-st.Failed)
	return fmt.Sprintf("listed %d, new %d, changed %d, unchanged %d, closed %d, failed %d",
		st.Listed, n.New, n.Changed, unchanged, st.Closed, st.Failed)
}
