package target

import (
	"errors"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Validate names the key at fault apart from the words that follow it, for the config
// loader to place the key on its line.
func TestValidateNamesTheKey(t *testing.T) {
	for _, tc := range []struct{ yaml, key, msg string }{
		{"min_score: 2", "targets.min_score", "must be between 0 and 1"},
		{"roles: [{name: x}]", "targets.roles", "[0] names no title words and no categories"},
		{"locations: [' ']", "targets.locations", "has an empty entry"},
		{"employment_types: [foo]", "targets.employment_types", `"foo" is not one of regular, contract, intern, part_time, freelance`},
		{"years: {min: 3, max: 1}", "targets.years", "min 3 is more than max 1"},
	} {
		var c Config
		if err := yaml.Unmarshal([]byte(tc.yaml), &c); err != nil {
			t.Fatal(err)
		}
		var inv *InvalidError
		if err := c.Validate(); !errors.As(err, &inv) || inv.Key != tc.key || inv.Msg != tc.msg {
			t.Errorf("%s: %v, want %s %s", tc.yaml, err, tc.key, tc.msg)
		}
	}
	var c Config
	if err := yaml.Unmarshal([]byte("roles: [Backend, {name: ML, titles: [ML], categories: [1634]}]\nyears: {max: 2}"), &c); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("a valid section: %v", err)
	}
	if !c.Roles[0].Plain || c.Roles[1].Plain {
		t.Errorf("roles read as %+v", c.Roles)
	}
}
