package schedule

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseClock(t *testing.T) {
	if h, m, err := ParseClock("06:30"); h != 6 || m != 30 || err != nil {
		t.Errorf("06:30: %d %d %v", h, m, err)
	}
	for _, bad := range []string{"25:00", "6", "06:60", "a:b", ""} {
		if _, _, err := ParseClock(bad); err == nil || !strings.Contains(err.Error(), "is not a time of day") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestBinaryRefusesATemporaryBuild(t *testing.T) {
	if _, err := Binary("/tmp/go-build123/b001/exe/jobs"); err == nil || !strings.Contains(err.Error(), "go install") {
		t.Errorf("a go run build: %v", err)
	}
	if got, err := Binary("/nowhere/jobs"); got != "/nowhere/jobs" || err != nil {
		t.Errorf("a path that does not resolve: %q %v", got, err)
	}
}

func TestCronLineAndUnits(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/cfg home")
	t.Setenv("XDG_DATA_HOME", "/data")
	n, err := New("/bin/jobs", "", "/data dir/jobs.db")
	if err != nil {
		t.Fatal(err)
	}
	line := n.CronLine(3, 15)
	for _, want := range []string{"15 3 * * * LANG=C.UTF-8 LC_ALL=C.UTF-8 ", "XDG_CONFIG_HOME='/cfg home'",
		"/bin/jobs --db '/data dir/jobs.db' scrape; ", "/bin/jobs --db '/data dir/jobs.db' digest --since last-run " + CronMarker} {
		if !strings.Contains(line, want) {
			t.Errorf("the line lacks %q:\n%s", want, line)
		}
	}
	n, err = New("/bin/jobs", "/c.yaml", "/j.db")
	if err != nil {
		t.Fatal(err)
	}
	service, timer := n.Units(6, 5)
	for _, want := range []string{"Environment=LANG=C.UTF-8\n", "Environment='XDG_CONFIG_HOME=/cfg home'\n",
		"ExecStart=-/bin/jobs --config /c.yaml --db /j.db scrape\nExecStart=/bin/jobs --config /c.yaml --db /j.db digest --since last-run\n"} {
		if !strings.Contains(service, want) {
			t.Errorf("the service lacks %q:\n%s", want, service)
		}
	}
	if !strings.Contains(timer, "OnCalendar=*-*-* 06:05:00\n") {
		t.Errorf("timer:\n%s", timer)
	}
}

// fakeCrontab is a stand-in for crontab(1) that keeps the table in a file.
func fakeCrontab(t *testing.T) (Crontab, string) {
	dir := t.TempDir()
	table := filepath.Join(dir, "crontab.txt")
	cmd := filepath.Join(dir, "crontab")
	script := "#!/bin/sh\nif [ \"$1\" = \"-l\" ]; then\n  [ -f \"" + table + "\" ] || { echo \"no crontab for you\" >&2; exit 1; }\n  cat \"" + table + "\"\nelse\n  cat > \"" + table + "\"\nfi\n"
	if err := os.WriteFile(cmd, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return Crontab{Cmd: cmd}, table
}

func TestCrontabInstallsOnceAndUninstalls(t *testing.T) {
	c, table := fakeCrontab(t)
	if found, err := c.Uninstall(); found || err != nil {
		t.Errorf("no crontab: %v %v", found, err)
	}
	os.WriteFile(table, []byte("0 1 * * * backup"), 0o644)
	line := "15 3 * * * jobs scrape " + CronMarker
	if err := c.Install(line); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(table); string(b) != "0 1 * * * backup\n"+line+"\n" {
		t.Errorf("after install: %q", b)
	}
	if err := c.Install(line); err == nil || !strings.Contains(err.Error(), "already") {
		t.Errorf("second install: %v", err)
	}
	if found, err := c.Uninstall(); !found || err != nil {
		t.Errorf("uninstall: %v %v", found, err)
	}
	if b, _ := os.ReadFile(table); string(b) != "0 1 * * * backup\n" {
		t.Errorf("after uninstall: %q", b)
	}
}

func TestSystemdInstallsOnceAndUninstalls(t *testing.T) {
	s := Systemd{Cmd: "true", Dir: filepath.Join(t.TempDir(), "units")}
	if err := s.Install("service\n", "timer\n"); err != nil {
		t.Fatal(err)
	}
	svc, timer := s.Paths()
	if b, _ := os.ReadFile(timer); string(b) != "timer\n" {
		t.Errorf("timer: %q", b)
	}
	if err := s.Install("service\n", "timer\n"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second install: %v", err)
	}
	if n := s.Uninstall(); n != 2 {
		t.Errorf("removed %d files", n)
	}
	if _, err := os.Stat(svc); !os.IsNotExist(err) {
		t.Errorf("service left: %v", err)
	}
	if n := s.Uninstall(); n != 0 {
		t.Errorf("removed %d files of none", n)
	}
}
