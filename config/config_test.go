package config

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// A config naming only Wanted's base_url keeps the documented default category (518); an
// explicit empty list keeps every category.
func TestWantedCategoriesDefault(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.yaml")
	for _, tc := range []struct {
		yaml string
		want string
	}{
		{"sources:\n  wanted:\n    base_url: https://example.org\n", "[518]"},
		{"sources:\n  wanted: {}\n", "[518]"},
		{"sources:\n  wanted:\n    categories: []\n", "[]"},
		{"sources:\n  wanted:\n    categories: [872]\n", "[872]"},
	} {
		if err := os.WriteFile(path, []byte(tc.yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(c.Wanted().Categories); got != tc.want {
			t.Errorf("%q: categories %s, want %s", tc.yaml, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{{"pyhton", "python", 1}, {"profle", "profile", 1}, {"kitten", "sitting", 3}, {"", "ab", 2}, {"머신러닝", "머신런닝", 1}} {
		if got := editDistance(tc.a, tc.b); got != tc.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.d)
		}
	}
}

// Every source with a base URL of its own has its default in the one table: a company's
// career site, and the boards sources.companies creates.
func TestEverySiteHasADefaultBaseURL(t *testing.T) {
	for _, kind := range []string{"toss", "kakao", "naver", "woowa", "line", "samsung", "lg", "sk", "hyundai", "kia", "hanwha", "jumpit", "remember", "cj", "posco",
		"wanted", "greenhouse", "lever", "ashby", "saramin"} {
		if DefaultBaseURL(kind) == "" {
			t.Errorf("%s has no default base URL", kind)
		}
	}
}
