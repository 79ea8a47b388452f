// Package schedule builds and installs the nightly run of jobs: the scrape followed by the
// digest, as a crontab line or a systemd user timer, with absolute paths and the
// environment cron lacks (a UTF-8 locale, the config and data directories) set on the line
// itself. An installed schedule is found again by its marker or its unit files, and never
// installed twice.
package schedule

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/internal/shell"
)

// CronMarker ends the crontab line jobs installs, so it is found again and never doubled.
const CronMarker = "# jobs nightly scrape and digest"

// UnitName names the systemd user service and timer.
const UnitName = "jobs-nightly"

// ParseClock reads a time of day written HH:MM (the --at flag).
func ParseClock(s string) (h, m int, err error) {
	hs, ms, ok := strings.Cut(s, ":")
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if !ok || err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, 0, fmt.Errorf("--at %q is not a time of day like 03:15", s)
	}
	return h, m, nil
}

// Binary is the path a schedule runs the jobs executable at exe by: its symbolic links
// followed. A temporary build of go run is refused, since it is gone by night.
func Binary(exe string) (string, error) {
	if resolved, err := filepath.EvalSymlinks(exe); err == nil {
		exe = resolved
	}
	if strings.Contains(exe, "go-build") {
		return "", jobs.Errorf(jobs.KindInvalid, "this jobs is a temporary build (go run); install it first with 'go install ./cmd/jobs' and run its schedule")
	}
	return exe, nil
}

// Nightly is what runs: the command lines, absolute, and their environment.
type Nightly struct {
	Scrape, Digest []string
	Env            []string // KEY=value
}

// New is the nightly run of the binary exe on the config file cfgPath ("" when the built-in
// defaults apply) and the database dbPath, both made absolute: a scrape, then the digest
// since the last run, in a UTF-8 locale with HOME and the XDG config and data directories
// of the one who installs it.
func New(exe, cfgPath, dbPath string) (*Nightly, error) {
	global := []string{}
	if cfgPath != "" {
		abs, err := filepath.Abs(cfgPath)
		if err != nil {
			return nil, err
		}
		global = append(global, "--config", abs)
	}
	absDB, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, err
	}
	global = append(global, "--db", absDB)
	n := &Nightly{
		Scrape: append(append([]string{exe}, global...), "scrape"),
		Digest: append(append([]string{exe}, global...), "digest", "--since", "last-run"),
		Env:    []string{"LANG=C.UTF-8", "LC_ALL=C.UTF-8"},
	}
	if home, err := os.UserHomeDir(); err == nil {
		n.Env = append(n.Env, "HOME="+home)
	}
	n.Env = append(n.Env, "XDG_CONFIG_HOME="+config.Home(), "XDG_DATA_HOME="+config.DataHome())
	return n, nil
}

// CronLine is the crontab line that runs n every day at h:m, ended by CronMarker.
func (n *Nightly) CronLine(h, m int) string {
	env := make([]string, len(n.Env))
	for i, e := range n.Env {
		k, v, _ := strings.Cut(e, "=")
		env[i] = k + "=" + shell.Quote(v)
	}
	envs := strings.Join(env, " ")
	return fmt.Sprintf("%d %d * * * %s %s; %s %s %s", m, h, envs, shell.Join(n.Scrape), envs, shell.Join(n.Digest), CronMarker)
}

// Units are the systemd user service that runs n and the timer that starts it every day at
// h:m. The digest runs even when the scrape fails.
func (n *Nightly) Units(h, m int) (service, timer string) {
	var env strings.Builder
	for _, e := range n.Env {
		fmt.Fprintf(&env, "Environment=%s\n", shell.Quote(e))
	}
	service = fmt.Sprintf(`[Unit]
Description=jobs: collect job postings, then write the digest

[Service]
Type=oneshot
%sExecStart=%s
ExecStart=%s
`, env.String(), shell.Join(n.Scrape), shell.Join(n.Digest))
	// The digest runs even when the scrape exits 3 (some pages failed).
	service = strings.Replace(service, "ExecStart="+shell.Join(n.Scrape), "ExecStart=-"+shell.Join(n.Scrape), 1)
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

// SystemdRuns reports whether systemd is the running init, so a user timer can be used.
func SystemdRuns() bool {
	fi, err := os.Stat("/run/systemd/system")
	return err == nil && fi.IsDir()
}
