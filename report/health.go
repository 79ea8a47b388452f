package report

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
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
		p.What = fmt.Sprintf("%s failed of %d listed", CountOf(max(s.Failed, len(s.Failures)), "page", "pages"), s.Listed)
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
		return CountOf(int(d/(24*time.Hour)), "day", "days")
	}
	return CountOf(int(d/time.Hour), "hour", "hours")
}

// Interrupted reports whether the run's failures all say it was interrupted (and it had
// some).
func Interrupted(r jobs.Run) bool {
	seen := false
	for _, s := range r.Sources {
		for _, fl := range s.Failures {
			if !strings.Contains(fl.Reason, "interrupted") {
				return false
			}
			seen = true
		}
	}
	return seen
}

// FailedSources counts the run's sources with a failed page.
func FailedSources(r jobs.Run) int {
	n := 0
	for _, s := range r.Sources {
		if s.Failed > 0 || len(s.Failures) > 0 {
			n++
		}
	}
	return n
}

// The advice for a database in trouble must fit the trouble: a permissions problem is fixed
// with chmod, never by moving the database aside, and no step that loses tracked
// applications is advised without saying so and how to keep them.

// RecoverFix says how to rebuild the damaged database at path: SQLite's own recovery first,
// then the last export, then a fresh scrape. Lines after the first that are indented four
// are commands, to be printed whole.
func RecoverFix(path string) string {
	return fmt.Sprintf("keep a copy (cp %[1]s %[1]s.broken), then rebuild it with\n"+
		"    sqlite3 %[1]s.broken .recover | sqlite3 %[1]s.recovered && mv %[1]s.recovered %[1]s\n"+
		"  if that fails, move it aside and read your last export into a new one ('jobs import postings.jsonl';\n"+
		"  'jobs export --out postings.jsonl' makes one), or run 'jobs scrape' to collect afresh\n"+
		"  (an export keeps your tracked applications, and import restores them)", path)
}

// openTrouble is what kept a database from opening.
type openTrouble int

const (
	troubleOther openTrouble = iota
	troublePermission
	troubleCorrupt
	troubleNewer
	troubleBusy
)

// classifyOpen reads an error of db.Open (whose messages this project writes).
func classifyOpen(err error) openTrouble {
	msg := err.Error()
	switch {
	case errors.Is(err, fs.ErrPermission), strings.Contains(msg, "permission denied"), strings.Contains(msg, "readonly"),
		strings.Contains(msg, "read-only"):
		return troublePermission
	case strings.Contains(msg, "newer than this jobs knows"):
		return troubleNewer
	case strings.Contains(msg, "not a SQLite database"), strings.Contains(msg, "corrupt"), strings.Contains(msg, "malformed"):
		return troubleCorrupt
	case strings.Contains(msg, "busy"), strings.Contains(msg, "locked"):
		return troubleBusy
	}
	return troubleOther
}

// OpenFix is what to do when the database at path cannot be opened, by what err (from
// db.Open) says kept it shut: permissions, a newer schema, another program holding it, or
// damage.
func OpenFix(path string, err error) string {
	dir := filepath.Dir(path)
	switch classifyOpen(err) {
	case troublePermission:
		return fmt.Sprintf("you may not read or write the database or its folder (SQLite writes %s-wal and %s-shm beside it).\n"+
			"  Fix the permissions, nothing needs deleting: ls -l %s; chmod u+rw %s; chmod u+rwx %s\n"+
			"  (or chown them to you if another user, such as root, made them)", path, path, dir, path, dir)
	case troubleNewer:
		return "this database was written by a newer jobs: install that version (git pull, then go install ./cmd/jobs).\n" +
			"  Do not delete or replace the file: it holds your postings and tracked applications."
	case troubleBusy:
		return "another program holds the database (a scrape still running?): wait for it, then run 'jobs doctor' again"
	case troubleCorrupt:
		return fmt.Sprintf("the file is damaged. Keep a copy (cp %s %s.broken), then try to recover it:\n"+
			"    sqlite3 %s.broken .recover | sqlite3 %s.recovered && mv %s.recovered %s\n"+
			"  Moving it aside and running 'jobs scrape' starts afresh, and loses the tracked applications it holds\n"+
			"  unless you have an earlier 'jobs export' to import", path, path, path, path, path, path)
	}
	return fmt.Sprintf("check that %s is a jobs database you may read and write (ls -l %s); if another program holds it, retry later", path, path)
}

// WriteFix is what to do about the database at path that cannot be written, problem saying
// why (as db.WriteProblem does).
func WriteFix(path, problem string) string {
	return fmt.Sprintf("%s. Fix the permissions, nothing needs deleting:\n"+
		"    chmod u+rw %s*; chmod u+rwx %s   (or chown them to you if another user made them)", problem, path, filepath.Dir(path))
}

// DoctorFixes is what `jobs doctor` advises for the database at path, checked as h, most
// urgent first: a damaged file, one that cannot be written (readOnly says why), nothing ever
// collected, a scrape that did not finish, no scrape for two days, an interrupted or failing
// last run. None means nothing to fix.
func DoctorFixes(h *db.Health, path, readOnly string, now time.Time) []string {
	var fixes []string
	if !h.Healthy() {
		fixes = append(fixes, "the database is damaged: "+RecoverFix(path))
	}
	if readOnly != "" {
		fixes = append(fixes, WriteFix(path, readOnly))
	}
	if len(h.Runs) == 0 {
		return append(fixes, "nothing was ever collected: run 'jobs scrape', and 'jobs schedule --install' to run it nightly")
	}
	last := h.Runs[0]
	if last.Ended == nil {
		fixes = append(fixes, "the last scrape did not finish (killed, or still running): the next 'jobs scrape' resumes where it stopped")
	}
	if age := now.Sub(last.Started); age > 48*time.Hour {
		fixes = append(fixes, fmt.Sprintf("the last scrape was %s ago: check that cron runs it ('jobs schedule' prints the line)",
			age.Round(time.Hour)))
	}
	switch {
	case Interrupted(last):
		fixes = append(fixes, "the last scrape was interrupted (Ctrl-C or a stop signal): what it collected is stored, "+
			"and the next 'jobs scrape' resumes where it stopped")
	case FailedSources(last) > 0:
		fixes = append(fixes, "the last run had failures (above): pages that failed are fetched again next run; "+
			"a source failing every night may have changed its pages: run 'jobs scrape' by hand and report the message")
	}
	return fixes
}
