package shell

import (
	"reflect"
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "''",
		"/usr/bin/jobs":     "/usr/bin/jobs",
		"LANG=C.UTF-8":      "LANG=C.UTF-8",
		"/home/a b/jobs.db": "'/home/a b/jobs.db'",
		"it's":              `'it'\''s'`,
		"$HOME":             "'$HOME'",
		"a,b+c@d:e":         "a,b+c@d:e",
		"한글":                "'한글'",
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
	if got := Join([]string{"/bin/jobs", "--db", "/a b/j.db", "scrape"}); got != "/bin/jobs --db '/a b/j.db' scrape" {
		t.Errorf("Join: %s", got)
	}
	if got := FishQuote(`C:\it's`); got != `'C:\\it\'s'` {
		t.Errorf("FishQuote: %s", got)
	}
}

func TestFunction(t *testing.T) {
	words := []string{"list", "scrape"}
	bash := Function("bash", "/go bin/jobs", words)
	if !strings.Contains(bash, "    list|scrape|-h|--*) command '/go bin/jobs' \"$@\" ;;\n") ||
		!strings.HasPrefix(bash, "# jobs shell-init bash: ") {
		t.Errorf("bash:\n%s", bash)
	}
	// A bare path is quoted all the same.
	if zsh := Function("zsh", "/bin/jobs", words); !strings.Contains(zsh, "command '/bin/jobs' \"$@\"") {
		t.Errorf("zsh:\n%s", zsh)
	}
	fish := Function("fish", "/go bin/jobs", words)
	if !strings.Contains(fish, "        case list scrape -h '--*'\n            command '/go bin/jobs' $argv\n") {
		t.Errorf("fish:\n%s", fish)
	}
}

func TestWithPrefix(t *testing.T) {
	got := WithPrefix([]string{"wanted", "greenhouse", "wanted", "workday", "lever"}, "w")
	if want := []string{"wanted", "workday"}; !reflect.DeepEqual(got, want) {
		t.Errorf("WithPrefix = %v, want %v", got, want)
	}
	if got := WithPrefix([]string{"a"}, "b"); got != nil {
		t.Errorf("no match: %v", got)
	}
}
