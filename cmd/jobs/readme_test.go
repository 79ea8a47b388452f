package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The README's first screen takes a new user from a clone to 'jobs gaps' without a surprise:
// shell-init comes before any other jobs command (the shell's builtin would answer them),
// the Go version is go.mod's, and every command it shows exists.
func TestReadmeFirstScreen(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	goLine := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(string(gomod))
	if goLine == nil || !strings.Contains(text, "Go "+goLine[1]+" or newer") {
		t.Errorf("the README does not name go.mod's Go version %v", goLine)
	}
	// Every command line of the sh blocks, in order.
	var cmds []string
	for _, block := range regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllStringSubmatch(text, -1) {
		for _, line := range strings.Split(block[1], "\n") {
			if line = strings.TrimSpace(line); line != "" {
				cmds = append(cmds, line)
			}
		}
	}
	first := -1
	for i, c := range cmds {
		if strings.HasPrefix(c, "jobs ") || strings.Contains(c, "/bin/jobs ") {
			first = i
			break
		}
	}
	if first < 0 || !strings.HasPrefix(cmds[first], `eval "$(~/go/bin/jobs shell-init bash)"`) {
		t.Errorf("the first jobs command of the README is %q, not the shell-init line", cmds[max(first, 0)])
	}
	root := newRootCmd(newFactory(&IOStreams{}))
	known := map[string]bool{}
	for _, c := range root.Commands() {
		known[c.Name()] = true
	}
	gaps := false
	for _, c := range cmds {
		if !strings.HasPrefix(c, "jobs ") {
			continue
		}
		name := strings.Fields(c)[1]
		if !known[name] {
			t.Errorf("the README runs an unknown command: %q", c)
		}
		gaps = gaps || name == "gaps"
	}
	if !gaps || strings.Index(text, "jobs gaps") > strings.Index(text, "## Daily use") {
		t.Errorf("the first screen does not reach jobs gaps")
	}
}
