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

// The file is --config, else $JOBS_CONFIG, else the XDG file when it exists; jobs init writes
// to the same choice whether or not the file exists.
func TestPathAndTarget(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("JOBS_CONFIG", "")
	xdg := filepath.Join(dir, "jobs", "config.yaml")
	if p, err := Path(""); err != nil || p != "" || Target("") != xdg {
		t.Errorf("no file: Path %q %v, Target %q", p, err, Target(""))
	}
	if err := os.MkdirAll(filepath.Dir(xdg), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(xdg, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if p, _ := Path(""); p != xdg || Origin("") != xdg {
		t.Errorf("the XDG file: Path %q, Origin %q", p, Origin(""))
	}
	t.Setenv("JOBS_CONFIG", "/env.yaml")
	if p, _ := Path(""); p != "/env.yaml" || Target("") != "/env.yaml" || Origin("") != "/env.yaml ($JOBS_CONFIG)" {
		t.Errorf("$JOBS_CONFIG: Path %q, Target %q, Origin %q", p, Target(""), Origin(""))
	}
	if p, _ := Path("/flag.yaml"); p != "/flag.yaml" || Target("/flag.yaml") != "/flag.yaml" || Origin("/flag.yaml") != "/flag.yaml (--config)" {
		t.Errorf("--config: Path %q, Origin %q", p, Origin("/flag.yaml"))
	}
}
