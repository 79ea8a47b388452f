package report

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// A failed night must not read as a quiet market: "0 new postings" after a scrape that could
// not reach its sources says nothing true. The digest therefore opens with the last run's
// failures, per source, each with what to do, and says so when no scrape ran last night.

// staleAfter is how old the last run may be before the digest says no scrape ran.
const staleAfter = 36 * time.Hour

// Problem is one thing wrong with the last run, in words, with what to do.
type Problem struct {
	Source string // "" for the run as a whole
	What   string // what happened
	Fix    string // what to do
}

// Head is the problem's first line: "wanted: ..." or the run's own.
func (p Problem) Head() string {
	if p.Source == "" {
		return p.What
	}
	return p.Source + ": " + p.What
}

// runProblems reads the last run (nil: none recorded) as the digest's opening warnings.
func runProblems(last *jobs.Run, now time.Time, local func(time.Time) time.Time) []Problem {
	if last == nil {
		return []Problem{{What: "No scrape has run yet, so nothing below is new.",
			Fix: "run 'jobs scrape', and 'jobs schedule --install' to run it every night"}}
	}
	var out []Problem
	started := local(last.Started).Format("2006-01-02 15:04")
	if age := now.Sub(last.Started); age > staleAfter {
		out = append(out, Problem{
			What: fmt.Sprintf("No scrape ran last night: the last one started %s (%s ago).", started, agoText(age)),
			Fix:  "check the schedule ('jobs schedule' prints it, 'jobs doctor' shows the runs), or run 'jobs scrape' now"})
	}
	if last.Ended == nil {
		out = append(out, Problem{
			What: fmt.Sprintf("The last scrape (started %s) did not finish: it was stopped or is still running.", started),
			Fix:  "the next 'jobs scrape' resumes where it stopped"})
	}
	for _, s := range last.Sources {
		if p, ok := sourceProblem(s); ok {
			out = append(out, p)
		}
	}
	return out
}

// sourceProblem says what went wrong with one source, and what to do, from its counts and
// failures; ok is false when nothing did.
func sourceProblem(s jobs.SourceStats) (Problem, bool) {
	if s.Failed == 0 && len(s.Failures) == 0 {
		return Problem{}, false
	}
	p := Problem{Source: s.Source}
	reason := ""
	if len(s.Failures) > 0 {
		f := s.Failures[0]
		reason = oneLine(f.Reason)
		if f.URL != "" {
			reason = oneLine(f.URL + ": " + f.Reason)
		}
		if len(s.Failures) > 1 {
			reason += fmt.Sprintf(" (and %d more)", len(s.Failures)-1)
		}
	}
	interrupted := strings.Contains(reason, "interrupted")
	whole := s.Listed == 0 && s.Kept == 0 && s.Closed == 0
	switch {
	case interrupted:
		p.What = "interrupted before it finished"
	case whole:
		p.What = "FAILED, nothing collected"
	default:
		p.What = fmt.Sprintf("%s failed of %d listed", countOf(max(s.Failed, len(s.Failures)), "page", "pages"), s.Listed)
	}
	if reason != "" {
		p.What += ": " + reason
	}
	p.Fix = failureAdvice(s.Failures, whole, interrupted)
	return p, true
}

// failureAdvice is what to do about a source's failures, by what they were.
func failureAdvice(fs []jobs.Failure, whole, interrupted bool) string {
	statuses := map[int]bool{}
	timeouts := false
	for _, f := range fs {
		statuses[f.Status] = true
		r := strings.ToLower(f.Reason)
		if strings.Contains(r, "timeout") || strings.Contains(r, "deadline exceeded") {
			timeouts = true
		}
	}
	switch {
	case interrupted:
		return "the next 'jobs scrape' resumes where it stopped"
	case statuses[429] || statuses[503]:
		return "the site asked to slow down: the failed pages are fetched again next run; raise scrape.delay if it repeats"
	case statuses[403]:
		return "the site refused the requests: raise scrape.delay, and run 'jobs scrape' by hand tomorrow to see whether it lasts"
	case statuses[404] && whole:
		return "the address was not found: check the source's base_url, board or site name in your config ('jobs config' shows them)"
	case timeouts:
		return "the site was slow to answer: the failed pages are fetched again next run; raise scrape.timeout if it repeats"
	case whole:
		return "check the network, then run 'jobs scrape' by hand; if it fails again the site may have changed ('jobs doctor' lists every failure)"
	}
	return "the failed pages are fetched again next run; 'jobs doctor' lists every failure"
}

// writeProblemsText writes the warnings that open the text digest.
func writeProblemsText(w *bytes.Buffer, problems []Problem, t Text) {
	if len(problems) == 0 {
		return
	}
	w.WriteString(t.paint("1;31", "LAST RUN: what went wrong, so read the counts below with care") + "\n")
	for _, p := range problems {
		fmt.Fprintf(w, "%s\n%s\n", t.wrap("  "+p.Head(), "    "), t.wrap("      What to do: "+p.Fix+".", "      "))
	}
	w.WriteString("\n")
}

// writeProblemsMarkdown writes the warnings that open the Markdown digest.
func writeProblemsMarkdown(w *bytes.Buffer, problems []Problem) {
	if len(problems) == 0 {
		return
	}
	w.WriteString("\n> **Last run: what went wrong**, so read the counts below with care\n>\n")
	for _, p := range problems {
		fmt.Fprintf(w, "> - %s  \n>   What to do: %s.\n", md(p.Head()), md(p.Fix))
	}
}

// agoText is how long ago, in whole days from two days on, else in hours.
func agoText(d time.Duration) string {
	if d >= 48*time.Hour {
		return countOf(int(d/(24*time.Hour)), "day", "days")
	}
	return countOf(int(d/time.Hour), "hour", "hours")
}
