package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/jobs-cli/jobs/config"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/schedule"
)

type scheduleOptions struct {
	f         *Factory
	At        string
	Install   bool
	Uninstall bool
	With      string // "cron" or "systemd"; "" = systemd where it runs, else cron

	crontab    string // the crontab command (tests use a stand-in)
	systemctl  string // the systemctl command
	unitDir    string // where user units go
	executable func() (string, error)
}

func newScheduleCmd(f *Factory, runF func(*scheduleOptions) error) *cobra.Command {
	opts := &scheduleOptions{f: f, crontab: "crontab", systemctl: "systemctl", executable: os.Executable}
	cmd := &cobra.Command{
		Use:   "schedule",
		Short: "Print, install or remove the nightly scrape (cron or a systemd user timer)",
		Long: `Print the crontab line and the systemd user timer that run 'jobs scrape' every night
followed by 'jobs digest'. With --install, write them (a systemd user timer where systemd runs,
else a crontab line); an installed schedule is never installed twice. --uninstall removes it.
Paths are absolute and the environment cron lacks (a UTF-8 locale, your config and data
directories) is set on the line itself.`,
		Example: `  jobs schedule
  jobs schedule --at 06:30 --install
  jobs schedule --uninstall`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Install && opts.Uninstall {
				return &usageError{cmd: cmd, err: errors.New("--install and --uninstall do not go together")}
			}
			if opts.With != "" && opts.With != "cron" && opts.With != "systemd" {
				return &usageError{cmd: cmd, err: fmt.Errorf("--with must be cron or systemd, not %q", opts.With)}
			}
			if _, _, err := schedule.ParseClock(opts.At); err != nil {
				return &usageError{cmd: cmd, err: err}
			}
			if runF != nil {
				return runF(opts)
			}
			return scheduleRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.At, "at", "03:15", "the time of day to run, HH:MM")
	cmd.Flags().BoolVar(&opts.Install, "install", false, "install the schedule")
	cmd.Flags().BoolVar(&opts.Uninstall, "uninstall", false, "remove the installed schedule")
	cmd.Flags().StringVar(&opts.With, "with", "", "cron or systemd (default: systemd where it runs, else cron)")
	return cmd
}

// nightly is the nightly run of this executable on the config and database in use.
func (o *scheduleOptions) nightly() (*schedule.Nightly, error) {
	exe, err := o.executable()
	if err != nil {
		return nil, jobs.Errorf(jobs.KindUnavailable, "cannot find the jobs executable: %v", err)
	}
	if exe, err = schedule.Binary(exe); err != nil {
		return nil, err
	}
	cfgPath, err := config.Path(o.f.ConfigFlag)
	if err != nil {
		return nil, err
	}
	dbPath, err := o.f.DBPath()
	if err != nil {
		return nil, err
	}
	return schedule.New(exe, cfgPath, dbPath)
}

func scheduleRun(o *scheduleOptions) error {
	h, m, _ := schedule.ParseClock(o.At)
	n, err := o.nightly()
	if err != nil {
		return err
	}
	w := o.f.IO.Out
	with := o.With
	if with == "" {
		with = "cron"
		if schedule.SystemdRuns() {
			with = "systemd"
		}
	}
	cron := schedule.Crontab{Cmd: o.crontab}
	systemd := schedule.Systemd{Cmd: o.systemctl, Dir: o.unitDir}
	switch {
	case o.Uninstall:
		removed := systemd.Uninstall()
		found, err := cron.Uninstall()
		if err != nil {
			return err
		}
		if found {
			removed++
		}
		if removed == 0 {
			fmt.Fprintln(o.f.IO.ErrOut, "No nightly schedule of jobs was installed.")
			return nil
		}
		fmt.Fprintln(o.f.IO.ErrOut, "Removed the nightly schedule.")
		return nil
	case o.Install && with == "cron":
		line := n.CronLine(h, m)
		if err := cron.Install(line); err != nil {
			return err
		}
		fmt.Fprintf(o.f.IO.ErrOut, "Installed in your crontab:\n%s\n", line)
		return nil
	case o.Install:
		if err := systemd.Install(n.Units(h, m)); err != nil {
			return err
		}
		svcPath, timerPath := systemd.Paths()
		fmt.Fprintf(o.f.IO.ErrOut, "Installed %s and %s, and enabled the timer.\n", svcPath, timerPath)
		return nil
	}
	service, timer := n.Units(h, m)
	svcPath, timerPath := systemd.Paths()
	fmt.Fprintf(w, "# crontab line (crontab -e, or 'jobs schedule --install --with cron'):\n%s\n\n", n.CronLine(h, m))
	fmt.Fprintf(w, "# systemd user timer ('jobs schedule --install --with systemd'):\n# %s\n%s\n# %s\n%s",
		svcPath, service, timerPath, timer)
	return nil
}
