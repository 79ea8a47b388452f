package config

import (
	"path/filepath"
	"testing"
)

func TestTilde(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	for in, want := range map[string]string{
		filepath.Join(home, ".local", "jobs.db"): "~/.local/jobs.db",
		home:                                     home,
		home + "x/jobs.db":                       home + "x/jobs.db",
		"/elsewhere/jobs.db":                     "/elsewhere/jobs.db",
	} {
		if got := Tilde(in); got != want {
			t.Errorf("Tilde(%q) = %q, want %q", in, got, want)
		}
		if got := ExpandHome(Tilde(in)); got != in {
			t.Errorf("ExpandHome(Tilde(%q)) = %q", in, got)
		}
	}
	t.Setenv("HOME", "/")
	if got := Tilde("/etc/jobs.db"); got != "/etc/jobs.db" {
		t.Errorf("home /: %q", got)
	}
}
