package config

import (
	"errors"

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

// TargetRules returns the config's targets, prepared once.
func (c *Config) TargetRules() *target.Rules {
	if c.rules == nil {
		// The role dictionary is embedded and tested; were it unreadable, plain words would
		// match as written.
		known, _ := matcher.BuiltinRoles()
		c.rules = target.New(c.Targets, known)
	}
	return c.rules
}
