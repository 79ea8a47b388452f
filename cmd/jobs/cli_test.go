package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs/internal/safetext"
)

// cli runs the command line with buffers for streams. tty makes stdout and stderr terminals.
type cliResult struct {
	code     int
	out, err string
}

func runCLI(t *testing.T, tty bool, stdin string, args ...string) cliResult {
	t.Helper()
	var out, errb bytes.Buffer
	io := &IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errb, OutTTY: tty, ErrTTY: tty}
	if tty {
		io.Width = 120
	}
	code := run(args, io)
	return cliResult{code: code, out: out.String(), err: errb.String()}
}

// isolate points config and data directories into a temp dir and leaves the repository's
// config.yaml out of reach (the tests run in cmd/jobs, which has none).
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	t.Setenv("HOME", dir)
	return dir
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAnalyzeJSONContract(t *testing.T) {
	dir := isolate(t)
	text := "ML 엔지니어 (신입)\n주요업무\n• 딥러닝 모델 학습\n자격요건\n• Python을 능숙하게 다루는 분\n• 학사 이상, 신입 지원 가능\n• Docker 경험자 우대\n우대사항\n• Kubernetes 운영 경험\n혜택 및 복지\n• Slack으로 소통\n"
	file := writeFile(t, filepath.Join(dir, "post.txt"), text)
	for _, args := range [][]string{{"analyze", "--json", file}, {"analyze", "--json", "-"}, {"analyze", "--json"}} {
		r := runCLI(t, false, text, args...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.err)
		}
		var got struct {
			Skills []struct {
				Name     string `json:"name"`
				Section  string `json:"section"`
				Evidence []struct{ Start, End int }
			} `json:"skills"`
			MinYears *int    `json:"min_years"`
			MaxYears *int    `json:"max_years"`
			Degree   *string `json:"degree"`
		}
		if err := json.Unmarshal([]byte(r.out), &got); err != nil {
			t.Fatalf("%v: not one JSON document: %v\n%s", args, err, r.out)
		}
		sections := map[string]string{}
		for _, s := range got.Skills {
			sections[s.Name] = s.Section
			if len(s.Evidence) == 0 {
				t.Errorf("%s has no evidence", s.Name)
			}
			for _, e := range s.Evidence {
				if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
					t.Errorf("%s: bad evidence %d..%d", s.Name, e.Start, e.End)
				}
			}
		}
		want := map[string]string{"Deep Learning": "other", "Python": "required", "Docker": "preferred", "Kubernetes": "preferred"}
		for k, v := range want {
			if sections[k] != v {
				t.Errorf("%v: %s section %q, want %q (all: %v)", args, k, sections[k], v, sections)
			}
		}
		if _, ok := sections["Slack"]; ok {
			t.Errorf("benefits were read for skills")
		}
		if got.MinYears == nil || *got.MinYears != 0 || got.MaxYears != nil {
			t.Errorf("years %v %v, want 0 and null", got.MinYears, got.MaxYears)
		}
		if got.Degree == nil || *got.Degree != "bachelor" {
			t.Errorf("degree %v, want bachelor", got.Degree)
		}
		// Evidence offsets are bytes of the input as read.
		for _, s := range got.Skills {
			if s.Name == "Python" && text[s.Evidence[0].Start:s.Evidence[0].End] != "Python" {
				t.Errorf("Python evidence covers %q", text[s.Evidence[0].Start:s.Evidence[0].End])
			}
		}
	}
}

func TestInvalidConfigExits2NamingKeyAndLine(t *testing.T) {
	dir := isolate(t)
	for _, tc := range []struct {
		yaml string
		want []string
	}{
		{"profile:\n  years: lots\n", []string{"line 2", "profile.years", "whole number"}},
		{"profile:\n  years: 1\n  skils: [Go]\n", []string{"line 3", `"skils"`, "profile"}},
		{"scrape:\n  delay: soon\n", []string{"line 2", "scrape.delay", "duration"}},
		{"sources:\n  wanted:\n    base_url: ftp://x\n", []string{"line 3", "sources.wanted.base_url"}},
		{"profile: [\n", []string{"config"}},
	} {
		cfg := writeFile(t, filepath.Join(dir, "bad.yaml"), tc.yaml)
		r := runCLI(t, false, "", "--config", cfg, "list")
		if r.code != 2 {
			t.Errorf("%q: exit %d, want 2 (%s)", tc.yaml, r.code, r.err)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.err, w) {
				t.Errorf("%q: error %q does not name %q", tc.yaml, r.err, w)
			}
		}
		if strings.Count(strings.TrimSpace(r.err), "\n") > 0 {
			t.Errorf("%q: error is more than one line: %q", tc.yaml, r.err)
		}
	}
}

func TestInitNeverOverwrites(t *testing.T) {
	dir := isolate(t)
	r := runCLI(t, false, "", "init")
	if r.code != 0 {
		t.Fatalf("init: %d %s", r.code, r.err)
	}
	path := filepath.Join(dir, "config", "jobs", "config.yaml")
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), "profile:") {
		t.Fatalf("init wrote %q, %v", data, err)
	}
	os.WriteFile(path, []byte("profile:\n  years: 4\n"), 0o644)
	r = runCLI(t, false, "", "init")
	if r.code == 0 || !strings.Contains(r.err, "already exists") {
		t.Errorf("second init: exit %d, %q", r.code, r.err)
	}
	if b, _ := os.ReadFile(path); string(b) != "profile:\n  years: 4\n" {
		t.Errorf("init overwrote the file: %q", b)
	}
	// The written example is itself a valid config.
	r = runCLI(t, false, "", "--config", writeFile(t, filepath.Join(dir, "ex.yaml"), string(data)), "skills", "--json", "python")
	if r.code != 0 {
		t.Errorf("example config rejected: %s", r.err)
	}
}

func TestUsageErrors(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{{"nonsense"}, {"list", "--bogus"}, {"show"}, {"list", "--min-score", "2"}} {
		r := runCLI(t, false, "", args...)
		if r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, r.code, r.err)
		}
	}
}

func TestUnreadableDatabaseIsAClearError(t *testing.T) {
	dir := isolate(t)
	bad := writeFile(t, filepath.Join(dir, "not.db"), strings.Repeat("this is not a database\n", 200))
	r := runCLI(t, false, "", "--db", bad, "list")
	if r.code != 1 || !strings.Contains(r.err, bad) || strings.Contains(r.err, "panic") {
		t.Errorf("exit %d, %q", r.code, r.err)
	}
}

func TestCleanStripsEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"\x1b[2J\x1b[31mPython\x1b[0m":    "Python",
		"a\x1b]0;title\x07b":              "ab",
		"tab\tand\nnewline":               "tab\tand\nnewline",
		"bell\x07 and \u202eRTL override": "bell and RTL override",
		"\x9b31mC1":                       "C1",
		"bad \xff utf8":                   "bad  utf8",
		"<script>alert(1)</script>":       "<script>alert(1)</script>",
	} {
		if got := safetext.Clean(in); got != want {
			t.Errorf("safetext.Clean(%q) = %q, want %q", in, got, want)
		}
	}
}
