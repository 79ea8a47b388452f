package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

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
