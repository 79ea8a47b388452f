package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/target"
)

// validateTargets checks the targets block and folds the older filters block into it:
// filters.min_score, filters.exclude_companies and filters.exclude_title_words are the
// targets keys of the same names. bad formats an error naming a key and its line.
func (c *Config) validateTargets(bad func(key, format string, args ...any) error) error {
	t := &c.Targets
	if f := c.Filters.MinScore; f != nil {
		if !(*f >= 0 && *f <= 1) { // NaN too
			return bad("filters.min_score", "must be between 0 and 1")
		}
		if t.MinScore != nil && *t.MinScore != *f {
			return bad("filters.min_score", "is %g but targets.min_score is %g: keep one (filters is the older name of targets)", *f, *t.MinScore)
		}
		t.MinScore = f
	}
	t.ExcludeCompanies = append(t.ExcludeCompanies, c.Filters.ExcludeCompanies...)
	t.ExcludeTitleWords = append(t.ExcludeTitleWords, c.Filters.ExcludeTitleWords...)
	c.Filters = FiltersConfig{MinScore: t.MinScore, ExcludeCompanies: t.ExcludeCompanies, ExcludeTitleWords: t.ExcludeTitleWords}

	if err := t.Validate(); err != nil {
		var inv *target.InvalidError
		if errors.As(err, &inv) {
			return bad(inv.Key, "%s", inv.Msg)
		}
		return err
	}
	return nil
}

// targetRules returns the config's targets, prepared once.
func (c *Config) targetRules() *target.Rules {
	if c.rules == nil {
		// The role dictionary is embedded and tested; were it unreadable, plain words would
		// match as written.
		known, _ := matcher.BuiltinRoles()
		c.rules = target.New(c.Targets, known)
	}
	return c.rules
}

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
