package report

import (
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestRunProblems(t *testing.T) {
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	local := func(t time.Time) time.Time { return t }
	if p := runProblems(nil, now, local); len(p) != 1 || !strings.HasPrefix(p[0].What, "No scrape has run yet") {
		t.Errorf("no run: %+v", p)
	}
	ended := now.Add(-5 * time.Hour)
	quiet := &jobs.Run{Started: now.Add(-6 * time.Hour), Ended: &ended, Sources: []jobs.SourceStats{{Source: "wanted", Listed: 10, Kept: 10}}}
	if p := runProblems(quiet, now, local); len(p) != 0 {
		t.Errorf("a quiet night: %+v", p)
	}
	stale := &jobs.Run{Started: now.Add(-3 * 24 * time.Hour), Ended: &ended}
	if p := runProblems(stale, now, local); len(p) != 1 || !strings.Contains(p[0].What, "(3 days ago)") {
		t.Errorf("a stale run: %+v", p)
	}
}

func TestSourceProblemAdvice(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    jobs.SourceStats
		what string
		fix  string
	}{
		{"throttled", jobs.SourceStats{Source: "wanted", Listed: 40, Kept: 30, Failed: 2,
			Failures: []jobs.Failure{{URL: "https://x/1", Status: 429, Reason: "429 Too Many Requests"}, {Status: 429}}},
			"wanted: 2 pages failed of 40 listed: https://x/1: 429 Too Many Requests (and 1 more)", "asked to slow down"},
		{"not found", jobs.SourceStats{Source: "lever", Failed: 1, Failures: []jobs.Failure{{Status: 404, Reason: "404 Not Found"}}},
			"lever: FAILED, nothing collected: 404 Not Found", "base_url"},
		{"interrupted", jobs.SourceStats{Source: "toss", Listed: 5, Kept: 2, Failures: []jobs.Failure{{Reason: "interrupted"}}},
			"toss: interrupted before it finished: interrupted", "resumes"},
		{"timeouts", jobs.SourceStats{Source: "naver", Listed: 5, Kept: 4, Failed: 1, Failures: []jobs.Failure{{Reason: "context deadline exceeded"}}},
			"naver: 1 page failed of 5 listed: context deadline exceeded", "scrape.timeout"},
	} {
		p, ok := sourceProblem(tc.s)
		if !ok || p.Head() != tc.what || !strings.Contains(p.Fix, tc.fix) {
			t.Errorf("%s: %q / %q (%v); want %q and a fix naming %q", tc.name, p.Head(), p.Fix, ok, tc.what, tc.fix)
		}
	}
	if _, ok := sourceProblem(jobs.SourceStats{Source: "wanted", Listed: 3, Kept: 3}); ok {
		t.Error("a source without failures has a problem")
	}
}
