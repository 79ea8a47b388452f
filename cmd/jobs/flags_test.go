package main

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// Flag tests run each command's constructor with a runF that records the options the flags
// produced, as the GitHub CLI's tests do: what a command line means is checked without a
// database, a config file or a network.

// parseOptions runs newCmd's command on args and returns the options its run function got,
// or the usage error the command returned before running.
func parseOptions[T any](t *testing.T, newCmd func(*Factory, func(*T) error) *cobra.Command, args ...string) (*T, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	f := newFactory(&IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	var got *T
	cmd := newCmd(f, func(o *T) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); err != nil {
		return nil, err
	}
	if got == nil {
		t.Fatalf("%v: the command returned without running", args)
	}
	return got, nil
}

// checkOptions compares the exported fields of got and want (the Factory and what the
// command notes for itself are not the command line's meaning).
func checkOptions[T any](t *testing.T, args []string, got, want *T) {
	t.Helper()
	g, w := reflect.ValueOf(got).Elem(), reflect.ValueOf(want).Elem()
	for i := 0; i < g.NumField(); i++ {
		if !g.Type().Field(i).IsExported() {
			continue
		}
		if !reflect.DeepEqual(g.Field(i).Interface(), w.Field(i).Interface()) {
			t.Errorf("%v: %s = %#v, want %#v", args, g.Type().Field(i).Name, g.Field(i).Interface(), w.Field(i).Interface())
		}
	}
}

// usageFails says whether err is the usage error a command returns for a bad command line,
// whose message names want.
func usageFails(t *testing.T, args []string, err error, want string) {
	t.Helper()
	var ue *usageError
	if err == nil {
		t.Errorf("%v: accepted, want a usage error naming %q", args, want)
		return
	}
	if !errors.As(err, &ue) && !strings.Contains(err.Error(), "arg") {
		t.Errorf("%v: error %T %q is not a usage error", args, err, err)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("%v: error %q does not name %q", args, err, want)
	}
}

type flagCase[T any] struct {
	args    []string
	want    *T     // the options, when the line is accepted
	wantErr string // else what the usage error names
}

func runFlagCases[T any](t *testing.T, newCmd func(*Factory, func(*T) error) *cobra.Command, cases []flagCase[T]) {
	t.Helper()
	for _, c := range cases {
		got, err := parseOptions(t, newCmd, c.args...)
		if c.wantErr != "" {
			usageFails(t, c.args, err, c.wantErr)
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", c.args, err)
			continue
		}
		checkOptions(t, c.args, got, c.want)
	}
}

func TestListFlags(t *testing.T) {
	runFlagCases(t, newListCmd, []flagCase[listOptions]{
		{args: nil, want: &listOptions{}},
		{args: []string{"--json", "--all", "--min-score", "0.6", "--company", "토스", "--newcomer",
			"--since", "7d", "--source", "lever", "--limit", "5", "--verbose"},
			want: &listOptions{JSON: true, All: true, MinScore: 0.6, Company: "토스", Newcomer: true,
				Since: "7d", Source: "lever", Limit: 5, Verbose: true}},
		{args: []string{"--limit", "-1"}, wantErr: "--limit must be 0"},
		{args: []string{"extra"}, wantErr: "no arguments"},
	})
}

func TestGapsFlags(t *testing.T) {
	runFlagCases(t, newGapsCmd, []flagCase[gapsOptions]{
		{args: nil, want: &gapsOptions{Top: 10}},
		{args: []string{"--plan", "3", "--json", "--newcomer", "--company", "kakao", "--top", "5"},
			want: &gapsOptions{Plan: 3, JSON: true, Newcomer: true, Company: "kakao", Top: 5}},
		{args: []string{"--plan", "0"}, wantErr: "--plan must be 1 or more"},
		{args: []string{"--top", "0"}, wantErr: "--top must be 1 or more"},
	})
}

func TestScrapeFlags(t *testing.T) {
	runFlagCases(t, newScrapeCmd, []flagCase[scrapeOptions]{
		{args: nil, want: &scrapeOptions{Limit: -1}}, // -1: scrape.limit decides
		{args: []string{"--limit", "0", "-q"}, want: &scrapeOptions{Limit: 0, Quiet: true}},
		{args: []string{"--limit", "200", "--json"}, want: &scrapeOptions{Limit: 200, JSON: true}},
		{args: []string{"--limit", "-2"}, wantErr: "--limit must be 0"},
	})
}

func TestDigestFlags(t *testing.T) {
	runFlagCases(t, newDigestCmd, []flagCase[digestOptions]{
		{args: nil, want: &digestOptions{Since: "last-run", Format: "text", Limit: 20}},
		{args: []string{"--out", "week.html"}, want: &digestOptions{Since: "last-run", Format: "html", Out: "week.html", Limit: 20}},
		{args: []string{"--since", "3d", "--format", "markdown", "--limit", "0"},
			want: &digestOptions{Since: "3d", Format: "markdown", Limit: 0}},
		{args: []string{"--format", "pdf"}, wantErr: "pdf"},
		{args: []string{"--limit", "-1"}, wantErr: "--limit must be 0"},
	})
}

func TestExportFlags(t *testing.T) {
	runFlagCases(t, newExportCmd, []flagCase[exportOptions]{
		{args: nil, want: &exportOptions{Format: "jsonl"}},
		{args: []string{"--excel", "-o", "jobs.csv"}, want: &exportOptions{Format: "csv", Excel: true, Out: "jobs.csv"}},
		{args: []string{"--format", "xml"}, wantErr: `"xml"`},
		{args: []string{"--excel", "--format", "jsonl"}, wantErr: "--excel goes with --format csv"},
	})
}

func TestTrackFlags(t *testing.T) {
	runFlagCases(t, newTrackCmd, []flagCase[trackOptions]{
		{args: []string{"wanted:1"}, want: &trackOptions{ID: "wanted:1"}},
		{args: []string{"wanted:1", "applied", "--note", "서류 제출", "--date", "yesterday"},
			want: &trackOptions{ID: "wanted:1", Stage: "applied", Note: "서류 제출", Date: "yesterday"}},
		{args: nil, wantErr: "needs a posting ID"},
		{args: []string{"wanted:1", "hired"}, wantErr: `"hired" is not a stage`},
		{args: []string{"wanted:1", "--note", "x"}, wantErr: "need a stage"},
	})
}

func TestTrendsFlags(t *testing.T) {
	runFlagCases(t, newTrendsCmd, []flagCase[trendsOptions]{
		{args: nil, want: &trendsOptions{Weeks: 8, Top: 15}},
		{args: []string{"--skill", "python,파이토치", "--skill", "Go", "--weeks", "4"},
			want: &trendsOptions{Skills: []string{"python", "파이토치", "Go"}, Weeks: 4, Top: 15}},
		{args: []string{"--weeks", "1"}, wantErr: "--weeks must be between 2"},
		{args: []string{"--top", "0"}, wantErr: "--top must be 1 or more"},
	})
}

func TestShowImportAnalyzeFlags(t *testing.T) {
	runFlagCases(t, newShowCmd, []flagCase[showOptions]{
		{args: []string{"wanted:42", "--json"}, want: &showOptions{ID: "wanted:42", JSON: true}},
		{args: nil, wantErr: "a posting ID"},
	})
	runFlagCases(t, newImportCmd, []flagCase[importOptions]{
		{args: []string{"jobs.jsonl"}, want: &importOptions{File: "jobs.jsonl"}},
		{args: []string{"-", "--format", "csv"}, want: &importOptions{File: "-", Format: "csv"}},
		{args: []string{"x", "--format", "xlsx"}, wantErr: `"xlsx"`},
		{args: nil, wantErr: "a file"},
	})
	runFlagCases(t, newAnalyzeCmd, []flagCase[analyzeOptions]{
		{args: nil, want: &analyzeOptions{}},
		{args: []string{"posting.txt", "--json"}, want: &analyzeOptions{File: "posting.txt", JSON: true}},
		{args: []string{"a", "b"}, wantErr: "one file"},
	})
}

func TestBoardHistoryFlags(t *testing.T) {
	runFlagCases(t, newBoardCmd, []flagCase[boardOptions]{
		{args: nil, want: &boardOptions{}},
		{args: []string{"--stage", "interview", "--json"}, want: &boardOptions{Stage: "interview", JSON: true}},
		{args: []string{"--stage", "dreaming"}, wantErr: `"dreaming" is not a stage`},
	})
	runFlagCases(t, newHistoryCmd, []flagCase[historyOptions]{
		{args: []string{"카카오", "--json"}, want: &historyOptions{Company: "카카오", JSON: true}},
		{args: nil, wantErr: "needs a company name"},
	})
}

func TestScheduleFlags(t *testing.T) {
	runFlagCases(t, newScheduleCmd, []flagCase[scheduleOptions]{
		{args: nil, want: &scheduleOptions{At: "03:15"}},
		{args: []string{"--at", "06:30", "--install", "--with", "cron"}, want: &scheduleOptions{At: "06:30", Install: true, With: "cron"}},
		{args: []string{"--uninstall"}, want: &scheduleOptions{At: "03:15", Uninstall: true}},
		{args: []string{"--install", "--uninstall"}, wantErr: "do not go together"},
		{args: []string{"--with", "launchd"}, wantErr: `"launchd"`},
		{args: []string{"--at", "25:00"}, wantErr: "25:00"},
	})
}

func TestShellInitFlags(t *testing.T) {
	runFlagCases(t, newShellInitCmd, []flagCase[shellInitOptions]{
		{args: []string{"zsh"}, want: &shellInitOptions{Shell: "zsh"}},
		{args: []string{"fish"}, want: &shellInitOptions{Shell: "fish"}},
		{args: []string{"powershell"}, wantErr: `not "powershell"`},
		{args: nil, wantErr: "a shell"},
	})
}

func TestSkillsSourcesDoctorDemoFlags(t *testing.T) {
	runFlagCases(t, newSkillsCmd, []flagCase[skillsOptions]{
		{args: []string{"파이토치", "--json"}, want: &skillsOptions{Query: "파이토치", JSON: true}},
		{args: []string{"a", "b"}, wantErr: "one query"},
	})
	runFlagCases(t, newSkillsUnknownCmd, []flagCase[skillsUnknownOptions]{
		{args: nil, want: &skillsUnknownOptions{Limit: 30, Min: 2}},
		{args: []string{"--limit", "0", "--min", "5", "--all", "--json"}, want: &skillsUnknownOptions{Limit: 0, Min: 5, All: true, JSON: true}},
	})
	runFlagCases(t, newSourcesCmd, []flagCase[sourcesOptions]{
		{args: nil, want: &sourcesOptions{}},
		{args: []string{"--check", "--json"}, want: &sourcesOptions{Check: true, JSON: true}},
		{args: []string{"wanted"}, wantErr: "no arguments"},
	})
	runFlagCases(t, newDoctorCmd, []flagCase[doctorOptions]{
		{args: nil, want: &doctorOptions{Runs: 5}},
		{args: []string{"--runs", "12"}, want: &doctorOptions{Runs: 12}},
	})
	runFlagCases(t, newDemoCmd, []flagCase[demoOptions]{
		{args: []string{"--keep"}, want: &demoOptions{Keep: true}},
	})
	runFlagCases(t, newRematchCmd, []flagCase[rematchOptions]{
		{args: []string{"now"}, wantErr: "no arguments"},
	})
	runFlagCases(t, newConfigCmd, []flagCase[configOptions]{
		{args: []string{"show"}, wantErr: "no arguments"},
	})
}
