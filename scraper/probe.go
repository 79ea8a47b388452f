package scraper

import (
	"context"
	"fmt"
	"net/url"

	"github.com/jobs-cli/jobs"
)

// ProbeResult is what one polite request to a source's list gave: how many postings it
// could read, and which fields came back empty, so that a user notices when a site changed
// its pages before a night's run finds nothing.
type ProbeResult struct {
	Source   string `json:"source"`
	URL      string `json:"url"`      // the list asked for
	Requests int    `json:"requests"` // requests made, robots.txt aside: 0, 1 (2 for a portal)
	Read     int    `json:"read"`     // postings read from the answer
	Unread   int    `json:"unread"`   // records that gave no posting
	// Empty counts, per field, the postings read that left it empty: title, company, url,
	// deadline, location, and text (for a source whose list carries the postings' text).
	Empty   map[string]int `json:"empty,omitempty"`
	Failure string         `json:"failure,omitempty"` // why nothing could be read; "" = ok
	// Note says what the check cannot see: a source whose text is on each posting's page.
	Note string `json:"note,omitempty"`
}

// OK reports whether the check read at least one posting and nothing failed.
func (r ProbeResult) OK() bool { return r.Failure == "" && r.Read > 0 }

// siteOf gives a source's site and policy; every list-reading source has one.
func (s *siteSource) siteOf() *siteSource { return s }

type siteHaver interface{ siteOf() *siteSource }

// Probe asks a source's list for its first page with one request (robots.txt aside, which is
// honoured as on every run; a portal read from its sitemaps gets two: the index and the
// first sitemap of postings) and reads it. It stores nothing. A source it cannot check (the
// Wanted sitemap, career pages) gives a result whose Failure says so.
func Probe(ctx context.Context, src jobs.Source) ProbeResult {
	res := ProbeResult{Source: src.Name()}
	sh, ok := src.(siteHaver)
	if !ok {
		res.Failure = "this source cannot be checked with one request (it starts from a sitemap or a listing page)"
		return res
	}
	site := sh.siteOf()
	cfg := site.cfg // defaults applied
	cfg.Retries = 0
	f, err := newFetcher(ctx, cfg, src.Name(), site.base)
	if err != nil {
		res.Failure = err.Error()
		return res
	}
	f.budget = 1
	if _, portal := src.(interface{ portal() }); portal {
		f.budget = 2 // the sitemap index, then the first sitemap of postings it names
	}
	var postings []*jobs.Posting
	var failures []jobs.Failure
	withText := false
	switch r := src.(type) {
	case detailReader:
		pl := r.readList(ctx, f)
		res.URL, failures = pl.url, pl.failures
		for _, it := range pl.items {
			if it.stub != nil {
				postings = append(postings, it.stub)
			} else {
				res.Unread++
			}
		}
		res.Note = "the postings' text is on their own pages, which a check does not fetch"
	case boardReader:
		board := probeBoard(src)
		res.URL = r.listURL(board)
		bl := r.readBoard(ctx, f, board)
		failures = bl.failures
		for _, it := range bl.items {
			if it.posting != nil {
				postings = append(postings, it.posting)
			} else {
				res.Unread++
			}
		}
		withText = true
	default:
		res.Failure = "this source cannot be checked with one request"
		return res
	}
	res.Requests = min(int(f.spent.Load()), f.budget)
	res.Read = len(postings)
	res.Empty = emptyFields(postings, withText)
	if f.budget > 1 {
		// A sitemap names pages, nothing more: every field waits for the page.
		res.Empty = nil
		res.Note = "the sitemaps name the posting pages only; a check does not fetch them"
	}
	switch {
	case len(failures) > 0 && res.Read == 0:
		res.Failure = failures[0].Error()
	case ctx.Err() != nil:
		res.Failure = "cancelled: " + ctx.Err().Error()
	case res.Read == 0 && res.Unread > 0:
		res.Failure = fmt.Sprintf("none of the %d records listed could be read", res.Unread)
	case res.Read == 0:
		res.Failure = "the list holds no postings"
	}
	return res
}

// probeBoard is the board a board source's check asks for: its first.
func probeBoard(src jobs.Source) string {
	switch s := src.(type) {
	case *Greenhouse:
		return s.boards[0]
	case *Lever:
		return s.boards[0]
	case *Ashby:
		return s.boards[0]
	case *Kakao:
		return "KAKAO"
	case *Toss:
		return "토스"
	case *Saramin:
		return "search"
	case *POSCO:
		return "POSCO"
	}
	return ""
}

// emptyFields counts, per field, the postings that left it empty.
func emptyFields(ps []*jobs.Posting, withText bool) map[string]int {
	out := map[string]int{}
	for _, p := range ps {
		count := func(field string, empty bool) {
			if empty {
				out[field]++
			}
		}
		count("title", p.Title == "")
		count("company", p.Company == "")
		_, err := url.Parse(p.URL)
		count("url", p.URL == "" || err != nil)
		count("deadline", p.Due == nil)
		count("location", p.Location == "")
		if withText {
			count("text", !hasText(&p.Sections))
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
