package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs/target"
)

// printExclusions writes each excluded posting and its rules to stderr, then a count by rule.
func printExclusions(io *IOStreams, ex []target.Exclusion, kept int) {
	byKey := map[string]int{}
	for _, e := range ex {
		texts := make([]string, len(e.Reasons))
		for i, r := range e.Reasons {
			texts[i] = r.Text
			byKey[r.Key]++
		}
		fmt.Fprintf(io.ErrOut, "excluded #%d %s · %s: %s\n", e.Posting.ID, oneLine(e.Posting.Company),
			oneLine(e.Posting.Title), strings.Join(texts, "; "))
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if byKey[keys[i]] != byKey[keys[j]] {
			return byKey[keys[i]] > byKey[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " " + strconv.Itoa(byKey[k])
	}
	msg := fmt.Sprintf("%s kept, %s excluded", countOf(kept, "posting", "postings"), strconv.Itoa(len(ex)))
	if len(parts) > 0 {
		msg += " (" + strings.Join(parts, ", ") + ")"
	}
	fmt.Fprintln(io.ErrOut, msg+".")
}
