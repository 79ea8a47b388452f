package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/shell"
)

// `jobs` is also a builtin of every common shell (job control), and a builtin wins over a
// binary on PATH: `jobs list` typed at a prompt runs the shell's job control. shell-init
// prints a function named jobs that sends this tool's subcommands and long flags to the
// binary by its absolute path and everything else (`jobs`, `jobs -l`, `jobs %1`) to the
// builtin, so job control keeps working.

type shellInitOptions struct {
	f          *Factory
	Shell      string
	executable func() (string, error)
	commands   []string // the words that go to this tool
}

func newShellInitCmd(f *Factory, runF func(*shellInitOptions) error) *cobra.Command {
	opts := &shellInitOptions{f: f, executable: os.Executable}
	cmd := &cobra.Command{
		Use:   "shell-init bash|zsh|fish",
		Short: "Print a shell function so `jobs list` reaches this tool, not the shell's job control",
		Long: `jobs is also a shell builtin (job control), and in bash, zsh, dash and fish the builtin
wins: 'jobs list' answers "no such job". shell-init prints a function named jobs that runs
this binary, by its absolute path, for its subcommands and flags (jobs list, jobs --help) and
the shell's builtin for everything else (jobs, jobs -l, jobs %1), so job control keeps
working. Put the line of the example in your shell's start-up file (~/.bashrc, ~/.zshrc,
~/.config/fish/config.fish).`,
		Example: `  eval "$(~/go/bin/jobs shell-init bash)"    # in ~/.bashrc
  eval "$(~/go/bin/jobs shell-init zsh)"     # in ~/.zshrc
  ~/go/bin/jobs shell-init fish | source     # in ~/.config/fish/config.fish`,
		Args:      exactArgs(1, "a shell: bash, zsh or fish"),
		ValidArgs: []string{"bash", "zsh", "fish"},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Shell = args[0]
			if opts.Shell != "bash" && opts.Shell != "zsh" && opts.Shell != "fish" {
				return &usageError{cmd: cmd, err: fmt.Errorf("shell-init knows bash, zsh and fish, not %q", opts.Shell)}
			}
			opts.commands = toolWords(cmd.Root())
			if runF != nil {
				return runF(opts)
			}
			return shellInitRun(opts)
		},
	}
	return cmd
}

// toolWords are the first words that mean this tool: every subcommand and alias, cobra's
// own (help, completion and the hidden completion helpers).
func toolWords(root *cobra.Command) []string {
	seen := map[string]bool{"help": true, "completion": true, "__complete": true, "__completeNoDesc": true}
	for _, c := range root.Commands() {
		seen[c.Name()] = true
		for _, a := range c.Aliases {
			seen[a] = true
		}
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}

func shellInitRun(opts *shellInitOptions) error {
	exe, err := opts.executable()
	if err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot find the jobs executable: %v", err)
	}
	if abs, err := filepath.Abs(exe); err == nil {
		exe = abs
	}
	if strings.Contains(exe, "go-build") {
		return jobs.Errorf(jobs.KindInvalid, "this jobs is a temporary build (go run); install it first with 'go install ./cmd/jobs' and run its shell-init")
	}
	_, err = fmt.Fprint(opts.f.IO.Out, shell.Function(opts.Shell, exe, opts.commands))
	return err
}
