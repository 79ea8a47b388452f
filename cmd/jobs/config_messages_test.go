package main

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestConfigMessages(t *testing.T) {
	dir := isolate(t)
	for _, tc := range []struct{ yaml, want string }{
		{"sources:\n  wanted:\n    categories: [머신러닝]\n", `line 3: sources.wanted.categories[0] must be a whole number, not "머신러닝"`},
		{"profile:\n\tyears: 1\n", "line 2: a tab indents this line; YAML indents with spaces only"},
		{"profle:\n  years: 1\n", `line 1: unknown key "profle" (did you mean "profile"?)`},
		{"scrape:\n  delya: 1s\n", `line 2: unknown key "delya" under scrape (did you mean "delay"?)`},
		{"sources:\n  wanted:\n    categoris: [518]\n", `unknown key "categoris" under sources.wanted (did you mean "categories"?)`},
		{"zebra: 1\n", `line 1: unknown key "zebra"`},
	} {
		cfg := writeFile(t, filepath.Join(dir, "c.yaml"), tc.yaml)
		r := runCLI(t, false, "", "--config", cfg, "config")
		if r.code != 2 || !strings.Contains(r.err, tc.want) || !utf8.ValidString(r.err) {
			t.Errorf("%q: exit %d, %q; want %q", tc.yaml, r.code, r.err, tc.want)
		}
		if tc.want == `line 1: unknown key "zebra"` && strings.Contains(r.err, "did you mean") {
			t.Errorf("a far word got a suggestion: %q", r.err)
		}
	}
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), "profile:\n  skills: [Pyhton, 파이썬, Quasimodo]\n")
	r := runCLI(t, false, "Python 또는 R\n", "--config", cfg, "analyze", "-")
	if !strings.Contains(r.err, `"Pyhton" is not in the skill dictionary: did you mean "Python"?`) ||
		strings.Contains(r.err, `"파이썬"`) || strings.Contains(r.err, `"Quasimodo" is not in the skill dictionary: did you mean`) {
		t.Errorf("skill suggestions: %q", r.err)
	}
}
