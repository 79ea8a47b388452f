package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// shellInitFunction prints the function for shell with a stand-in tool at a path with a space
// (so quoting is exercised) that echoes its arguments.
func shellInitFunction(t *testing.T, shell string) (fn, tool string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "go bin")
	tool = writeFile(t, filepath.Join(dir, "jobs"), "#!/bin/sh\necho \"TOOL[$*]\"\n")
	if err := os.Chmod(tool, 0o755); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	io := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &out}
	f := newFactory(io)
	root := newRootCmd(f)
	root.SetArgs([]string{"shell-init", shell})
	for _, c := range root.Commands() {
		if c.Name() == "shell-init" {
			root.RemoveCommand(c)
		}
	}
	cmd := newShellInitCmd(f, func(o *shellInitOptions) error {
		o.executable = func() (string, error) { return tool, nil }
		return shellInitRun(o)
	})
	root.AddCommand(cmd)
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	return out.String(), tool
}

// The function runs in the real shell: the tool's subcommands and flags reach the binary,
// and the builtin still lists, describes and names background jobs.
func TestShellInitRealShells(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		t.Run(shell, func(t *testing.T) {
			path, err := exec.LookPath(shell)
			if err != nil {
				t.Skipf("%s is not installed", shell)
			}
			fn, _ := shellInitFunction(t, shell)
			var script string
			switch shell {
			case "fish":
				script = fn + `
jobs list --newcomer
jobs --config x.yaml gaps
jobs -h
jobs __complete list ""
sleep 30 &
jobs
echo "rc=$status"
jobs -p >/dev/null; echo "p=$status"
jobs %1 >/dev/null; echo "pct=$status"
kill %1
`
			default:
				script = fn + `
jobs list --newcomer
jobs --config x.yaml gaps
jobs -h
jobs __complete list ""
sleep 30 &
jobs
echo "rc=$?"
jobs -l >/dev/null; echo "l=$?"
jobs %1 >/dev/null; echo "pct=$?"
kill %1
`
			}
			args := []string{"-c", script}
			if shell == "zsh" {
				args = []string{"-f", "-c", script}
			}
			out, err := exec.Command(path, args...).CombinedOutput()
			if err != nil {
				t.Fatalf("%s: %v\n%s\n--- script ---\n%s", shell, err, out, script)
			}
			got := string(out)
			for _, want := range []string{"TOOL[list --newcomer]", "TOOL[--config x.yaml gaps]", "TOOL[-h]", "TOOL[__complete list ]", "sleep 30", "rc=0", "pct=0"} {
				if !strings.Contains(got, want) {
					t.Errorf("%s: output lacks %q:\n%s", shell, want, got)
				}
			}
			if strings.Count(got, "TOOL[") != 4 {
				t.Errorf("%s: the builtin's calls reached the tool:\n%s", shell, got)
			}
		})
	}
}

func TestShellInitNamesEveryCommand(t *testing.T) {
	fn, tool := shellInitFunction(t, "bash")
	if !strings.Contains(fn, "command '"+tool+"' \"$@\"") {
		t.Errorf("the function does not run the tool by its absolute path:\n%s", fn)
	}
	for _, c := range []string{"list|", "scrape|", "gaps|", "digest|", "completion|", "help|", "board|", "config|"} {
		if !strings.Contains(fn, c) {
			t.Errorf("the function does not send %q to the tool:\n%s", strings.TrimSuffix(c, "|"), fn)
		}
	}
	r := runCLI(t, false, "", "shell-init", "tcsh")
	if r.code != 2 || !strings.Contains(r.err, "bash, zsh and fish") {
		t.Errorf("shell-init tcsh: exit %d, %q", r.code, r.err)
	}
}
