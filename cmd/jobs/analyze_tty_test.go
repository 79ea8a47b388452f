package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// At a terminal analyze says what it waits for; empty input is a usage error, not a score.
func TestAnalyzeAtATerminal(t *testing.T) {
	dir := isolate(t)
	run := func(inTTY bool, stdin string, args ...string) cliResult {
		var out, errb bytes.Buffer
		io := &IOStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errb, InTTY: inTTY, OutTTY: true, ErrTTY: true, Width: 80}
		code := run(args, io)
		return cliResult{code: code, out: out.String(), err: errb.String()}
	}
	r := run(true, "ML 엔지니어\n자격요건\n• Python\n", "analyze")
	if r.code != 0 || !strings.HasPrefix(r.err, "Paste a posting, then Ctrl-D") || !strings.Contains(r.out, "Python") {
		t.Errorf("exit %d\n%s%s", r.code, r.out, r.err)
	}
	r = run(false, "ML 엔지니어\n자격요건\n• Python\n", "analyze")
	if strings.Contains(r.err, "Paste") {
		t.Errorf("piped input got the prompt: %q", r.err)
	}
	for _, args := range [][]string{{"analyze"}, {"analyze", "--json"}, {"analyze", writeFile(t, filepath.Join(dir, "empty.txt"), " \n\n")}} {
		r = run(true, "  \n", args...)
		if r.code != 2 || !strings.Contains(r.err, "is empty: paste") || strings.Contains(r.out, "Score") {
			t.Errorf("%v: exit %d\n%s%s", args, r.code, r.out, r.err)
		}
	}
}
