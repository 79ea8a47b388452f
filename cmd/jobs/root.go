package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/atomicfile"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/internal/tableprinter"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0"

// exitError carries an exit status whose message was already printed (scrape's 3).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func newRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "jobs <command>",
		Short: "Collect job postings, match your skills, and learn what they ask for",
		Long: `jobs collects job postings from Wanted and company career boards into SQLite every
night, reads each posting's requirements (자격요건, 우대사항), scores your skills against
them, and tells you which few skills to learn next.`,
		Example: `  jobs init
  jobs scrape
  jobs list --newcomer
  jobs gaps --plan 3
  jobs trends
  jobs track 12 applied
  jobs board
  jobs demo
  eval "$(~/go/bin/jobs shell-init bash)"      # so 'jobs list' is not the shell's job control
  source <(jobs completion bash)              # tab-completes commands, posting ids, stages, companies`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version,
	}
	root.PersistentFlags().StringVar(&f.ConfigFlag, "config", "", "read this config file (default $JOBS_CONFIG, else $XDG_CONFIG_HOME/jobs/config.yaml; jobs config shows which)")
	root.PersistentFlags().StringVar(&f.DBFlag, "db", "", "use this SQLite database (default $XDG_DATA_HOME/jobs/jobs.db)")
	root.PersistentFlags().StringVar(&f.CPUProfile, "cpuprofile", "", "write a CPU profile to this file")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if fl := cmd.Flags().Lookup("db"); fl != nil && fl.Changed && strings.TrimSpace(f.DBFlag) == "" {
			return &usageError{cmd: cmd, err: errors.New("--db needs a file name (leave it out for the default database)")}
		}
		if f.CPUProfile == "" {
			return nil
		}
		fh, err := os.Create(f.CPUProfile)
		if err != nil {
			return jobs.Errorf(jobs.KindInvalid, "cannot write %s: %v", f.CPUProfile, atomicfile.WithoutPath(err))
		}
		f.stopProfile = func() { pprof.StopCPUProfile(); fh.Close() }
		return pprof.StartCPUProfile(fh)
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{cmd: c, err: err}
	})
	root.AddCommand(
		newInitCmd(f, nil),
		newScrapeCmd(f, nil),
		newListCmd(f, nil),
		newShowCmd(f, nil),
		newGapsCmd(f, nil),
		newAnalyzeCmd(f, nil),
		newRematchCmd(f, nil),
		newSkillsCmd(f, nil),
		newDemoCmd(f, nil),
		newExportCmd(f, nil),
		newImportCmd(f, nil),
		newDoctorCmd(f, nil),
		newScheduleCmd(f, nil),
		newDigestCmd(f, nil),
		newHistoryCmd(f, nil),
		newTrendsCmd(f, nil),
		newTrackCmd(f, nil),
		newBoardCmd(f, nil),
		newShellInitCmd(f, nil),
		newConfigCmd(f, nil),
		newSourcesCmd(f, nil),
	)
	addCompletions(root, f)
	return root
}

// usageError is a flag or argument error: the command's usage follows the message.
type usageError struct {
	cmd *cobra.Command
	err error
}

func (e *usageError) Error() string { return e.err.Error() }

// run executes the command line and returns the exit status. No panic escapes it.
func run(args []string, io *IOStreams) (code int) {
	f := newFactory(io)
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(io.ErrOut, "jobs: internal error: %v (please report it with the command you ran)\n", r)
			if os.Getenv("JOBS_DEBUG") != "" {
				fmt.Fprintf(io.ErrOut, "%s\n", debug.Stack())
			}
			f.closeStore()
			code = 1
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRootCmd(f)
	root.SetArgs(args)
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	err := root.ExecuteContext(ctx)
	if f.stopProfile != nil {
		f.stopProfile()
	}
	f.closeStore()
	return exitCode(err, io)
}

func exitCode(err error, io *IOStreams) int {
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(io.ErrOut, ee.msg)
		}
		return ee.code
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(io.ErrOut, "%s\n\n%s", ue.err, ue.cmd.UsageString())
		return 2
	}
	msg := err.Error()
	if strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") ||
		strings.Contains(msg, "accepts ") || strings.Contains(msg, "requires at least") {
		fmt.Fprintf(io.ErrOut, "%s\nRun 'jobs --help' for usage.\n", msg)
		return 2
	}
	if errors.Is(err, context.Canceled) {
		// 128 + SIGINT, as a shell reports a command Ctrl-C ended.
		fmt.Fprintln(io.ErrOut, "interrupted")
		return 130
	}
	width := 0
	if io.ErrTTY {
		width = io.Width
	}
	fmt.Fprintln(io.ErrOut, tableprinter.Wrap(safetext.OneLine(msg), width, "  "))
	if jobs.KindOf(err) == jobs.KindInvalid {
		return 2
	}
	return 1
}

func warnf(io *IOStreams, format string, args ...any) {
	fmt.Fprintf(io.ErrOut, "warning: "+format+"\n", args...)
}

// exactArgs and maxArgs are cobra's validators with usage errors people can read.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return &usageError{cmd: cmd, err: fmt.Errorf("%s needs %s", cmd.CommandPath(), what)}
		}
		return nil
	}
}

func maxArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return &usageError{cmd: cmd, err: fmt.Errorf("%s takes at most %s", cmd.CommandPath(), what)}
		}
		return nil
	}
}
