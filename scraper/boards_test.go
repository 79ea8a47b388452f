package scraper

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

// readFixture reads testdata/<name>.
func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// storeSink is fakeSink with Gone marking the pages closed as well, as the store does, so
// that a later run does not see them as kept.
type storeSink struct{ *fakeSink }

func newStoreSink() storeSink { return storeSink{newFakeSink()} }

func (s storeSink) Gone(ctx context.Context, source string, ids []string) error {
	if err := s.fakeSink.Gone(ctx, source, ids); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		if pg, ok := s.pages[id]; ok && pg.Source == source && pg.Outcome == jobs.OutcomeKept {
			pg.Outcome = jobs.OutcomeClosed
			s.pages[id] = pg
		}
	}
	return nil
}

func TestMarkupText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"&lt;p&gt;Tom &amp;amp; Jerry&lt;/p&gt;", "Tom & Jerry"},
		{"&amp;lt;h3&amp;gt;Requirements&amp;lt;/h3&amp;gt;&amp;lt;ul&amp;gt;&amp;lt;li&amp;gt;Go&amp;lt;/li&amp;gt;&amp;lt;/ul&amp;gt;", "Requirements\n• Go"},
		{"<P CLASS=\"x\">a<BR/>b</P>", "a\nb"},
		{"Requirements\n- a<b and c\n\n\n- <Senior> R&amp;D", "Requirements\n- a<b and c\n\n- <Senior> R&D"},
		{"  line one \r\n\tline two\u0007 ", "line one\nline two"},
		{"<div>x</div><!-- c --><div>y</div>", "x\ny"},
		{"AT&T", "AT&T"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := markupText(tt.in); got != tt.want {
			t.Errorf("markupText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// storeGone closes vanished postings in order, and says in one clean sentence why it could not.
func TestStoreGone(t *testing.T) {
	ctx := context.Background()
	sink := newFakeSink()
	if n, reason := storeGone(ctx, sink, "lever", nil, "listed", strings.Compare); n != 0 || reason != "" || len(sink.gone) != 0 {
		t.Errorf("nothing gone: %d %q %v", n, reason, sink.gone)
	}
	if n, reason := storeGone(ctx, sink, "lever", []string{"b", "c", "a"}, "listed", strings.Compare); n != 3 || reason != "" ||
		!slices.Equal(sink.gone[0], []string{"a", "b", "c"}) {
		t.Errorf("closed %d %q %v, want a, b, c in order", n, reason, sink.gone)
	}
	sink.failGone = true
	n, reason := storeGone(ctx, sink, "pages", []string{"x", "y"}, "linked", strings.Compare)
	if n != 0 || reason != "could not close 2 postings no longer linked: database is locked" {
		t.Errorf("failing store: %d %q", n, reason)
	}
}

// parsedAsWanted checks a list parser's error against a test's wanted one (empty: none) and
// reports whether the test goes on to look at what was parsed.
func parsedAsWanted(t *testing.T, err error, want string) bool {
	t.Helper()
	if want != "" {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("error %v, want one containing %q", err, want)
		}
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return true
}
