package main

import (
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/report"
)

func TestSinceTakesWhatTrackDateTakes(t *testing.T) {
	kst := time.FixedZone("KST", 9*3600)
	now := time.Date(2026, 11, 20, 15, 30, 0, 0, kst)
	for in, want := range map[string]time.Time{
		"yesterday":  time.Date(2026, 11, 19, 0, 0, 0, 0, kst),
		"today":      time.Date(2026, 11, 20, 0, 0, 0, 0, kst),
		"7d":         now.Add(-7 * 24 * time.Hour),
		"48h":        now.Add(-48 * time.Hour),
		"2026-11-01": time.Date(2026, 11, 1, 0, 0, 0, 0, kst),
	} {
		got, err := config.ParseSince(in, now)
		if err != nil || !got.Equal(want) {
			t.Errorf("config.ParseSince(%q) = %v, %v; want %v", in, got, err, want)
		}
		if _, err := report.ParseStepDate(in, now); err != nil {
			t.Errorf("track --date does not take %q: %v", in, err)
		}
	}
	if _, err := config.ParseSince("last tuesday", now); err == nil || !strings.Contains(err.Error(), "yesterday") {
		t.Errorf("a bad --since: %v", err)
	}
}

func TestUnknownSourceIsNamed(t *testing.T) {
	cfg, dbPath := koreanBoard(t, 3)
	r := runCLI(t, false, "", "--config", cfg, "--db", dbPath, "list", "--source", "wantd")
	if r.code != 2 || !strings.Contains(r.err, `--source "wantd" is not a known source (did you mean "wanted"?); known sources: ashby, greenhouse,`) {
		t.Errorf("exit %d: %q", r.code, r.err)
	}
	for _, ok := range []string{"wanted", "lever"} {
		if r := runCLI(t, false, "", "--config", cfg, "--db", dbPath, "list", "--source", ok); r.code != 0 {
			t.Errorf("--source %s: exit %d: %q", ok, r.code, r.err)
		}
	}
}

// Every flag's help says its default once: in its words or cobra's "(default ...)", not both.
func TestFlagHelpShowsDefaultsOnce(t *testing.T) {
	root := newRootCmd(newFactory(&IOStreams{}))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, line := range strings.Split(c.LocalFlags().FlagUsages(), "\n") {
			if strings.Count(strings.ToLower(line), "default") > 1 {
				t.Errorf("%s: %s", c.CommandPath(), strings.TrimSpace(line))
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// Piped gaps prints bare numbers: its help says what each column is.
func TestGapsHelpNamesThePipedColumns(t *testing.T) {
	r := runCLI(t, false, "", "gaps", "--help")
	for _, want := range []string{"Piped, gaps prints tab-separated lines with no header: skill, unlocks", "gaps --plan prints: skill, completes"} {
		if !strings.Contains(strings.Join(strings.Fields(r.out), " "), want) {
			t.Errorf("gaps --help lacks %q:\n%s", want, r.out)
		}
	}
}
