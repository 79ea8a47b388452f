package config

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
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

func TestWriteExampleNeverOverwrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "config.yaml")
	if err := WriteExample(path); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, jobs.ExampleConfig) {
		t.Errorf("wrote %d bytes, not the example", len(got))
	}
	os.WriteFile(path, []byte("mine\n"), 0o644)
	err := WriteExample(path)
	if jobs.KindOf(err) != jobs.KindConflict || !strings.Contains(err.Error(), path+" already exists") {
		t.Errorf("an existing file: %v", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "mine\n" {
		t.Errorf("the existing file was overwritten: %q", got)
	}
}
