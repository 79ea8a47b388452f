package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs/internal/schedule"
)

// fakeCrontab writes a stand-in for crontab(1) that keeps the table in a file.
func fakeCrontab(t *testing.T, dir string) (cmd, table string) {
	table = filepath.Join(dir, "crontab.txt")
	cmd = writeFile(t, filepath.Join(dir, "crontab"), `#!/bin/sh
if [ "$1" = "-l" ]; then
  [ -f "`+table+`" ] || { echo "no crontab for you" >&2; exit 1; }
  cat "`+table+`"
else
  cat > "`+table+`"
fi
`)
	if err := os.Chmod(cmd, 0o755); err != nil {
		t.Fatal(err)
	}
	return cmd, table
}

func scheduleOpts(t *testing.T, f *Factory, dir string) *scheduleOptions {
	crontab, _ := fakeCrontab(t, dir)
	exe := filepath.Join(dir, "bin", "jobs")
	writeFile(t, exe, "")
	return &scheduleOptions{f: f, At: "03:15", crontab: crontab, systemctl: "true",
		unitDir: filepath.Join(dir, "units"), executable: func() (string, error) { return exe, nil }}
}

func TestScheduleCronInstallsOnceAndUninstalls(t *testing.T) {
	dir := isolate(t)
	f := newFactory(&IOStreams{Out: &strings.Builder{}, ErrOut: &strings.Builder{}})
	f.DBFlag = filepath.Join(dir, "data dir", "jobs.db")
	if err := os.Mkdir(filepath.Dir(f.DBFlag), 0o755); err != nil {
		t.Fatal(err)
	}
	o := scheduleOpts(t, f, dir)
	_, table := fakeCrontab(t, dir)
	writeFile(t, table, "0 1 * * * backup\n")
	o.Install, o.With = true, "cron"
	if err := scheduleRun(o); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(table)
	got := string(b)
	for _, want := range []string{"0 1 * * * backup\n", "15 3 * * * ", "LANG=C.UTF-8", "XDG_DATA_HOME=",
		filepath.Join(dir, "bin", "jobs") + " --db '" + filepath.Join(dir, "data dir", "jobs.db") + "' scrape;",
		"digest --since last-run", schedule.CronMarker} {
		if !strings.Contains(got, want) {
			t.Errorf("crontab lacks %q:\n%s", want, got)
		}
	}
	if err := scheduleRun(o); err == nil || !strings.Contains(err.Error(), "already") {
		t.Errorf("second install: %v", err)
	}
	if b2, _ := os.ReadFile(table); string(b2) != got {
		t.Errorf("second install changed the crontab")
	}
	o.Install, o.Uninstall = false, true
	if err := scheduleRun(o); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(table); string(b) != "0 1 * * * backup\n" {
		t.Errorf("after uninstall: %q", b)
	}
}

func TestScheduleSystemdUnits(t *testing.T) {
	dir := isolate(t)
	f := newFactory(&IOStreams{Out: &strings.Builder{}, ErrOut: &strings.Builder{}})
	f.DBFlag = filepath.Join(dir, "jobs.db")
	o := scheduleOpts(t, f, dir)
	o.At, o.Install, o.With = "06:30", true, "systemd"
	if err := scheduleRun(o); err != nil {
		t.Fatal(err)
	}
	svc, _ := os.ReadFile(filepath.Join(dir, "units", schedule.UnitName+".service"))
	timer, _ := os.ReadFile(filepath.Join(dir, "units", schedule.UnitName+".timer"))
	if !strings.Contains(string(svc), "ExecStart=-"+filepath.Join(dir, "bin", "jobs")) || !strings.Contains(string(svc), "Environment=LANG=C.UTF-8") ||
		!strings.Contains(string(timer), "OnCalendar=*-*-* 06:30:00") {
		t.Errorf("units:\n%s\n%s", svc, timer)
	}
	if err := scheduleRun(o); err == nil {
		t.Error("installed twice")
	}
	o.Install, o.Uninstall = false, true
	if err := scheduleRun(o); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "units", schedule.UnitName+".timer")); !os.IsNotExist(err) {
		t.Errorf("timer left after uninstall: %v", err)
	}
}

func TestSchedulePrintsBoth(t *testing.T) {
	dir := isolate(t)
	var out strings.Builder
	f := newFactory(&IOStreams{Out: &out, ErrOut: &strings.Builder{}})
	o := scheduleOpts(t, f, dir)
	if err := scheduleRun(o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "15 3 * * *") || !strings.Contains(out.String(), "[Timer]") {
		t.Errorf("schedule printed:\n%s", out.String())
	}
	if r := runCLI(t, false, "", "schedule", "--at", "25:00"); r.code != 2 {
		t.Errorf("--at 25:00: exit %d", r.code)
	}
}
