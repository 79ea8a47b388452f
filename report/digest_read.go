package report

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/target"
)

// DigestFormat checks a digest's format (text, markdown or html, and their short names), or,
// when it was not set, picks it from the extension of the file the digest goes to (out).
func DigestFormat(format, out string, set bool) (string, error) {
	if !set && out != "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".html", ".htm":
			return "html", nil
		case ".md", ".markdown":
			return "markdown", nil
		}
	}
	switch strings.ToLower(format) {
	case "", "text", "txt":
		return "text", nil
	case "markdown", "md":
		return "markdown", nil
	case "html":
		return "html", nil
	}
	return "", fmt.Errorf("--format must be text, markdown or html, not %q", format)
}

// DigestWindow reads the digest's window, since: last-run (or empty) is the start of the
// newest run, last, which must be recorded (dbPath names the database it is not in);
// anything else is a duration back from now or a date. It returns the window's start and
// the window in words.
func DigestWindow(since string, last *jobs.Run, now time.Time, dbPath string) (time.Time, string, error) {
	if since == "" || since == "last-run" {
		if last == nil {
			return time.Time{}, "", jobs.Errorf(jobs.KindNotFound,
				"no scrape is recorded in %s yet: run 'jobs scrape' first, or give a window such as --since 7d", dbPath)
		}
		return last.Started, WindowSinceRun(last.Started, now.Location()), nil
	}
	t, err := config.ParseSince(since, now)
	if err != nil {
		return time.Time{}, "", err
	}
	if d, derr := config.ParseDuration(since); derr == nil {
		return *t, WindowOver(d), nil
	}
	return *t, WindowSince(*t, now.Location()), nil
}

// DigestStore is what a digest reads besides the postings: the closings, the gaps report to
// compare with, when postings were first seen, and the weekly skill counts.
type DigestStore interface {
	Store
	TrendStore
}

// DigestInput is what BuildDigest reads the digest from.
type DigestInput struct {
	Now    time.Time // the digest's time and, by its location, its time zone
	Since  time.Time // the window's start (DigestWindow)
	Window string    // the window in words
	Last   *jobs.Run // the newest run; nil when none is recorded
	// Postings reads the postings, once; Scoring scores them.
	Postings target.Store
	Scoring  target.Scoring
	Rules    *target.Rules // the config's targets
	MinScore *float64      // the filters' least score; nil = none
	Watch    Watch
	Limit    int // at most this many postings per section; 0 = all
}

// BuildDigest reads the postings once, scores them, counts the weekly skill trends and
// gathers the digest over the window in.Since starts.
func BuildDigest(ctx context.Context, store DigestStore, in DigestInput) (*Digest, error) {
	now := in.Now
	trendsIn := NewTrendsInput(now, TrendPeriods(now, TrendWeeks), nil, in.Rules.Any(), in.Scoring.Dict, in.Scoring.Profile)
	open, matching, err := digestPostings(ctx, in, &trendsIn)
	if err != nil {
		return nil, err
	}
	trends, err := CountTrends(ctx, store, trendsIn)
	if err != nil {
		return nil, err
	}
	return build(ctx, store, Input{
		Now: now, Since: in.Since, Window: in.Window, Last: in.Last,
		Open:     open,
		Matching: matching,
		Watch:    in.Watch,
		Dict:     in.Scoring.Dict,
		Profile:  in.Scoring.Profile,
		Excluded: in.Rules.Excluded,
		MinScore: in.MinScore,
		Group:    target.GroupSightings,
		Company:  jobs.DisplayCompany,
		Trends:   trends,
		Limit:    in.Limit,
	})
}

// digestPostings reads and scores the postings once: the open ones (the sections, the gaps)
// or, when targets choose the postings the trends count, every posting (the trends count
// those open at some time in their weeks; their groups go into trendsIn). It returns the open
// postings whatever the filters, and those that pass them, best first.
func digestPostings(ctx context.Context, in DigestInput, trendsIn *TrendsInput) ([]Sighted, []matcher.Scored, error) {
	rules := in.Rules
	var filter jobs.Filter
	if !rules.Any() {
		open := jobs.StatusOpen
		filter.Status = &open
	}
	read, err := target.Read(ctx, in.Postings, in.Scoring, filter)
	if err != nil {
		return nil, nil, err
	}
	// A posting whose deadline passed is not open, whatever its source still says.
	posts := jobs.CloseExpired(read.Posts, in.Now, !rules.Any())
	openPosts := posts
	if rules.Any() {
		openPosts = make([]*jobs.Posting, 0, len(posts))
		for _, p := range posts {
			if p.Status == jobs.StatusOpen {
				openPosts = append(openPosts, p)
			}
		}
		// Grouped before the open postings are grouped: grouping marks a posting's first
		// sighting open when another is.
		items, _ := read.Choose(target.GroupSightings(posts), rules, target.Query{OpenSince: &trendsIn.Periods[0].Start})
		trendsIn.Groups = TrendGroups(items)
	}
	groups := target.GroupSightings(openPosts)
	matching, _ := read.Choose(groups, rules, target.Query{})
	open := make([]Sighted, len(groups))
	for i, g := range groups {
		open[i] = Sighted{Sightings: g, Scored: matcher.Scored{Posting: g[0], Match: read.MatchOf(g)}}
	}
	return open, matching, nil
}
