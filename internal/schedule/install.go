package schedule

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/internal/atomicfile"
)

// Crontab is the user's crontab, read and written with the crontab command Cmd.
type Crontab struct {
	Cmd string
}

// Read is the crontab's text, "" when the user has none.
func (c Crontab) Read() (string, error) {
	out, err := exec.Command(c.Cmd, "-l").Output()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return "", nil // "no crontab for user"
	case err != nil:
		return "", jobs.Errorf(jobs.KindUnavailable, "cannot run %s: %v; install cron, or use --with systemd", c.Cmd, err)
	}
	return string(out), nil
}

// Write replaces the crontab with content.
func (c Crontab) Write(content string) error {
	cmd := exec.Command(c.Cmd, "-")
	cmd.Stdin = strings.NewReader(content)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "%s refused the new crontab: %v %s", c.Cmd, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// Install adds line to the end of the crontab; a crontab already holding a line with
// CronMarker is a conflict and is left as it is.
func (c Crontab) Install(line string) error {
	cur, err := c.Read()
	if err != nil {
		return err
	}
	if strings.Contains(cur, CronMarker) {
		return jobs.Errorf(jobs.KindConflict, "the nightly scrape is already in your crontab; 'jobs schedule --uninstall' removes it")
	}
	if cur != "" && !strings.HasSuffix(cur, "\n") {
		cur += "\n"
	}
	return c.Write(cur + line + "\n")
}

// Uninstall removes the lines holding CronMarker and reports whether there were any. A
// crontab that cannot be read holds none.
func (c Crontab) Uninstall() (bool, error) {
	cur, err := c.Read()
	if err != nil || !strings.Contains(cur, CronMarker) {
		return false, nil
	}
	var keep []string
	for _, l := range strings.Split(strings.TrimRight(cur, "\n"), "\n") {
		if !strings.Contains(l, CronMarker) {
			keep = append(keep, l)
		}
	}
	content := strings.Join(keep, "\n")
	if content != "" {
		content += "\n"
	}
	if err := c.Write(content); err != nil {
		return false, err
	}
	return true, nil
}

// Systemd is the user's systemd instance: its unit files go to Dir ("" for
// $XDG_CONFIG_HOME/systemd/user) and it is told of them with the systemctl command Cmd.
type Systemd struct {
	Cmd, Dir string
}

// Paths are the service and timer unit files.
func (s Systemd) Paths() (service, timer string) {
	dir := s.Dir
	if dir == "" {
		dir = filepath.Join(config.Home(), "systemd", "user")
	}
	return filepath.Join(dir, UnitName+".service"), filepath.Join(dir, UnitName+".timer")
}

// Install writes the service and timer units and enables the timer; units already there
// are a conflict and are left as they are.
func (s Systemd) Install(service, timer string) error {
	svcPath, timerPath := s.Paths()
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
	for _, args := range [][]string{{"--user", "daemon-reload"}, {"--user", "enable", "--now", UnitName + ".timer"}} {
		if out, err := exec.Command(s.Cmd, args...).CombinedOutput(); err != nil {
			return jobs.Errorf(jobs.KindUnavailable, "wrote %s and %s, but 'systemctl %s' failed: %v %s",
				svcPath, timerPath, strings.Join(args, " "), err, strings.TrimSpace(string(out)))
		}
	}
	return nil
}

// Uninstall disables the timer and removes the units, when the timer is installed, and
// says how many files it removed.
func (s Systemd) Uninstall() int {
	removed := 0
	svcPath, timerPath := s.Paths()
	if _, err := os.Stat(timerPath); err == nil {
		exec.Command(s.Cmd, "--user", "disable", "--now", UnitName+".timer").Run()
		for _, p := range []string{timerPath, svcPath} {
			if err := os.Remove(p); err == nil {
				removed++
			}
		}
		exec.Command(s.Cmd, "--user", "daemon-reload").Run()
	}
	return removed
}
