package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/report"
	"github.com/jobs-cli/jobs/target"
)

// printExclusions writes each excluded posting and its rules to stderr, then a count by rule.
func printExclusions(io *IOStreams, ex []target.Exclusion, kept int) {
	for _, e := range ex {
		texts := make([]string, len(e.Reasons))
		for i, r := range e.Reasons {
			texts[i] = r.Text
		}
		fmt.Fprintf(io.ErrOut, "excluded #%d %s · %s: %s\n", e.Posting.ID, safetext.OneLine(e.Posting.Company),
			safetext.OneLine(e.Posting.Title), strings.Join(texts, "; "))
	}
	counts := target.CountRules(ex)
	parts := make([]string, len(counts))
	for i, c := range counts {
		parts[i] = c.Key + " " + strconv.Itoa(c.Count)
	}
	msg := fmt.Sprintf("%s kept, %s excluded", report.CountOf(kept, "posting", "postings"), strconv.Itoa(len(ex)))
	if len(parts) > 0 {
		msg += " (" + strings.Join(parts, ", ") + ")"
	}
	fmt.Fprintln(io.ErrOut, msg+".")
}
