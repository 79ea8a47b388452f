// Package shell writes text for shells: words quoted for sh and fish, command lines, the
// function that lets `jobs` reach this tool rather than the shells' job-control builtin,
// and the candidates a completion offers.
package shell

import (
	"fmt"
	"strings"
)

// Quote quotes s for a POSIX shell: a word of letters, digits and -_./:=@+, is left bare,
// anything else (the empty word included) is single-quoted, a ' inside written '\”.
func Quote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=@+,", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Join writes args as one POSIX command line, each word quoted as Quote does.
func Join(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = Quote(a)
	}
	return strings.Join(q, " ")
}

// FishQuote quotes for fish, where a single-quoted string escapes only \ and '.
func FishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// Function is the text of a shell function named jobs for shell (bash, zsh or fish) that
// runs the binary at exe, by that path, when its first word is one of words, -h or a long
// option (--help, --config, --db, --version: no shell's jobs builtin has one), and the
// shell's jobs builtin otherwise, so job control keeps working.
func Function(shell, exe string, words []string) string {
	var b strings.Builder
	if shell == "fish" {
		q := FishQuote(exe)
		fmt.Fprintf(&b, "# jobs shell-init fish: 'jobs list' runs %s; 'jobs', 'jobs -l', 'jobs %%1' stay job control.\n", q)
		b.WriteString("function jobs --description 'jobs: the job-postings tool, or job control'\n")
		b.WriteString("    switch \"$argv[1]\"\n")
		fmt.Fprintf(&b, "        case %s -h '--*'\n", strings.Join(words, " "))
		fmt.Fprintf(&b, "            command %s $argv\n", q)
		b.WriteString("        case '*'\n")
		b.WriteString("            builtin jobs $argv\n")
		b.WriteString("    end\nend\n")
		return b.String()
	}
	q := Quote(exe)
	if q == exe {
		q = "'" + exe + "'"
	}
	fmt.Fprintf(&b, "# jobs shell-init %s: 'jobs list' runs %s; 'jobs', 'jobs -l', 'jobs %%1' stay job control.\n", shell, q)
	b.WriteString("jobs() {\n")
	b.WriteString("  case \"${1-}\" in\n")
	fmt.Fprintf(&b, "    %s|-h|--*) command %s \"$@\" ;;\n", strings.Join(words, "|"), q)
	b.WriteString("    *) builtin jobs \"$@\" ;;\n")
	b.WriteString("  esac\n}\n")
	return b.String()
}

// WithPrefix is the words that start with prefix, in their order, each once: what a
// completion offers for a partly typed word.
func WithPrefix(words []string, prefix string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range words {
		if strings.HasPrefix(w, prefix) && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}
