package main

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/jobs-cli/jobs/config"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/atomicfile"
	"github.com/jobs-cli/jobs/internal/shell"
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

// cronMarker ends the crontab line jobs installs, so it is found again and never doubled.
const cronMarker = "# jobs nightly scrape and digest"

const unitName = "jobs-nightly"

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
			if _, _, err := parseClock(opts.At); err != nil {
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

func parseClock(s string) (h, m int, err error) {
	hs, ms, ok := strings.Cut(s, ":")
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if !ok || err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, 0, fmt.Errorf("--at %q is not a time of day like 03:15", s)
	}
	return h, m, nil
}

// nightly is what runs: the command lines, absolute, and their environment.
type nightly struct {
	scrape, digest []string
	env            []string // KEY=value
}

func (o *scheduleOptions) nightly() (*nightly, error) {
	exe, err := o.executable()
	if err != nil {
		return nil, jobs.Errorf(jobs.KindUnavailable, "cannot find the jobs executable: %v", err)
	}
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	if strings.Contains(exe, "go-build") {
		return nil, jobs.Errorf(jobs.KindInvalid, "this jobs is a temporary build (go run); install it first with 'go install ./cmd/jobs' and run its schedule")
	}
	global := []string{}
	cfgPath, err := config.Path(o.f.ConfigFlag)
	if err != nil {
		return nil, err
	}
	if cfgPath != "" {
		abs, err := filepath.Abs(cfgPath)
		if err != nil {
			return nil, err
		}
		global = append(global, "--config", abs)
	}
	dbPath, err := o.f.DBPath()
	if err != nil {
		return nil, err
	}
	absDB, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, err
	}
	global = append(global, "--db", absDB)
	n := &nightly{
		scrape: append(append([]string{exe}, global...), "scrape"),
		digest: append(append([]string{exe}, global...), "digest", "--since", "last-run"),
		env:    []string{"LANG=C.UTF-8", "LC_ALL=C.UTF-8"},
	}
	if home, err := os.UserHomeDir(); err == nil {
		n.env = append(n.env, "HOME="+home)
	}
	n.env = append(n.env, "XDG_CONFIG_HOME="+config.Home(), "XDG_DATA_HOME="+config.DataHome())
	return n, nil
}

func (n *nightly) cronLine(h, m int) string {
	env := make([]string, len(n.env))
	for i, e := range n.env {
		k, v, _ := strings.Cut(e, "=")
		env[i] = k + "=" + shell.Quote(v)
	}
	envs := strings.Join(env, " ")
	return fmt.Sprintf("%d %d * * * %s %s; %s %s %s", m, h, envs, shell.Join(n.scrape), envs, shell.Join(n.digest), cronMarker)
}

func (n *nightly) units(h, m int) (service, timer string) {
	var env strings.Builder
	for _, e := range n.env {
		fmt.Fprintf(&env, "Environment=%s\n", shell.Quote(e))
	}
	service = fmt.Sprintf(`[Unit]
Description=jobs: collect job postings, then write the digest

[Service]
Type=oneshot
%sExecStart=%s
ExecStart=%s
`, env.String(), shell.Join(n.scrape), shell.Join(n.digest))
	// The digest runs even when the scrape exits 3 (some pages failed).
	service = strings.Replace(service, "ExecStart="+shell.Join(n.scrape), "ExecStart=-"+shell.Join(n.scrape), 1)
	timer = fmt.Sprintf(`[Unit]
Description=Run jobs every night

[Timer]
OnCalendar=*-*-* %02d:%02d:00
RandomizedDelaySec=10m
Persistent=true

[Install]
WantedBy=timers.target
`, h, m)
	return service, timer
}

func (o *scheduleOptions) unitPaths() (string, string) {
	dir := o.unitDir
	if dir == "" {
		dir = filepath.Join(config.Home(), "systemd", "user")
	}
	return filepath.Join(dir, unitName+".service"), filepath.Join(dir, unitName+".timer")
}

func systemdRuns() bool {
	fi, err := os.Stat("/run/systemd/system")
	return err == nil && fi.IsDir()
}

func scheduleRun(o *scheduleOptions) error {
	h, m, _ := parseClock(o.At)
	n, err := o.nightly()
	if err != nil {
		return err
	}
	w := o.f.IO.Out
	with := o.With
	if with == "" {
		with = "cron"
		if systemdRuns() {
			with = "systemd"
		}
	}
	switch {
	case o.Uninstall:
		return o.uninstall()
	case o.Install && with == "cron":
		return o.installCron(n.cronLine(h, m))
	case o.Install:
		return o.installSystemd(n.units(h, m))
	}
	service, timer := n.units(h, m)
	svcPath, timerPath := o.unitPaths()
	fmt.Fprintf(w, "# crontab line (crontab -e, or 'jobs schedule --install --with cron'):\n%s\n\n", n.cronLine(h, m))
	fmt.Fprintf(w, "# systemd user timer ('jobs schedule --install --with systemd'):\n# %s\n%s\n# %s\n%s",
		svcPath, service, timerPath, timer)
	return nil
}

func (o *scheduleOptions) readCrontab() (string, error) {
	out, err := exec.Command(o.crontab, "-l").Output()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return "", nil // "no crontab for user"
	case err != nil:
		return "", jobs.Errorf(jobs.KindUnavailable, "cannot run %s: %v; install cron, or use --with systemd", o.crontab, err)
	}
	return string(out), nil
}

func (o *scheduleOptions) writeCrontab(content string) error {
	c := exec.Command(o.crontab, "-")
	c.Stdin = strings.NewReader(content)
	var stderr bytes.Buffer
	c.Stderr = &stderr
	if err := c.Run(); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "%s refused the new crontab: %v %s", o.crontab, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

func (o *scheduleOptions) installCron(line string) error {
	cur, err := o.readCrontab()
	if err != nil {
		return err
	}
	if strings.Contains(cur, cronMarker) {
		return jobs.Errorf(jobs.KindConflict, "the nightly scrape is already in your crontab; 'jobs schedule --uninstall' removes it")
	}
	if cur != "" && !strings.HasSuffix(cur, "\n") {
		cur += "\n"
	}
	if err := o.writeCrontab(cur + line + "\n"); err != nil {
		return err
	}
	fmt.Fprintf(o.f.IO.ErrOut, "Installed in your crontab:\n%s\n", line)
	return nil
}

func (o *scheduleOptions) installSystemd(service, timer string) error {
	svcPath, timerPath := o.unitPaths()
	for _, p := range []string{svcPath, timerPath} {
		if _, err := os.Stat(p); err == nil {
			return jobs.Errorf(jobs.KindConflict, "%s already exists; 'jobs schedule --uninstall' removes it", p)
		}
	}
	if err := os.MkdirAll(filepath.Dir(svcPath), 0o755); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot create %s: %v", filepath.Dir(svcPath), atomicfile.WithoutPath(err))
	}
	for path, body := range map[string]string{svcPath: service, timerPath: timer} {
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			return jobs.Errorf(jobs.KindUnavailable, "cannot write %s: %v", path, atomicfile.WithoutPath(err))
		}
	}
	for _, args := range [][]string{{"--user", "daemon-reload"}, {"--user", "enable", "--now", unitName + ".timer"}} {
		if out, err := exec.Command(o.systemctl, args...).CombinedOutput(); err != nil {
			return jobs.Errorf(jobs.KindUnavailable, "wrote %s and %s, but 'systemctl %s' failed: %v %s",
				svcPath, timerPath, strings.Join(args, " "), err, strings.TrimSpace(string(out)))
		}
	}
	fmt.Fprintf(o.f.IO.ErrOut, "Installed %s and %s, and enabled the timer.\n", svcPath, timerPath)
	return nil
}

func (o *scheduleOptions) uninstall() error {
	removed := 0
	svcPath, timerPath := o.unitPaths()
	if _, err := os.Stat(timerPath); err == nil {
		exec.Command(o.systemctl, "--user", "disable", "--now", unitName+".timer").Run()
		for _, p := range []string{timerPath, svcPath} {
			if err := os.Remove(p); err == nil {
				removed++
			}
		}
		exec.Command(o.systemctl, "--user", "daemon-reload").Run()
	}
	if cur, err := o.readCrontab(); err == nil && strings.Contains(cur, cronMarker) {
		var keep []string
		for _, l := range strings.Split(strings.TrimRight(cur, "\n"), "\n") {
			if !strings.Contains(l, cronMarker) {
				keep = append(keep, l)
			}
		}
		content := strings.Join(keep, "\n")
		if content != "" {
			content += "\n"
		}
		if err := o.writeCrontab(content); err != nil {
			return err
		}
		removed++
	}
	if removed == 0 {
		fmt.Fprintln(o.f.IO.ErrOut, "No nightly schedule of jobs was installed.")
		return nil
	}
	fmt.Fprintln(o.f.IO.ErrOut, "Removed the nightly schedule.")
	return nil
}
