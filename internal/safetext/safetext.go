// Package safetext makes untrusted text safe to store and print: what a terminal would act
// on is dropped, the words are kept. The scraper cleans what it stores and the command line
// cleans what it prints (a file may hold text stored by an older version or imported), with
// this one rule.
package safetext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean drops ANSI escape sequences (ESC and C1 CSI, the sequence's parameters with it),
// control characters (C0 and C1) but "\n" and "\t", bidirectional controls and marks, and
// invalid UTF-8 (a raw C1 CSI byte with its parameters). Text with none of these is returned
// as it is.
func Clean(s string) string {
	if IsPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			if s[i] == 0x9b { // a raw C1 CSI byte: its parameters go too
				i += 1 + csiLen(s[i+1:])
				continue
			}
		case r == 0x1b:
			i += escapeLen(s[i:])
			continue
		case r == 0x9b:
			i += size + csiLen(s[i+size:])
			continue
		case r == '\n' || r == '\t':
			b.WriteByte(byte(r))
		case unicode.IsControl(r) || isBidiControl(r):
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// IsPlain reports whether Clean would leave s as it is. Most text is, Korean included.
func IsPlain(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || unicode.IsControl(r) || isBidiControl(r) {
			return false
		}
		i += size
	}
	return true
}

// OneLine is Clean for one line (a title, a table cell): every run of white space, line
// breaks included, becomes one space, none at either end.
func OneLine(s string) string {
	if IsPlain(s) && isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// isOneLine reports whether s has no white space but single ASCII spaces between words.
func isOneLine(s string) bool {
	prevSpace := true // no space at the start
	for _, r := range s {
		if unicode.IsSpace(r) {
			if r != ' ' || prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return !prevSpace || s == ""
}

// isBidiControl reports the bidirectional embeddings, overrides, isolates and marks.
func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// escapeLen is the length of the escape sequence at the start of s (s[0] is ESC).
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiLen(s[2:])
	case ']', 'P', 'X', '^', '_':
		// OSC, DCS, SOS, PM, APC: a string ended by BEL or ESC \. Unterminated, only the
		// introducer is dropped: without it the rest is text.
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return 2
	}
	// ESC, intermediate bytes (0x20-0x2F), then one final byte (0x30-0x7E).
	j := 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7e {
		j++
	}
	return j
}

// csiLen is the length of a control sequence's parameter bytes (0x30-0x3F), intermediate
// bytes (0x20-0x2F) and final byte (0x40-0x7E) at the start of s.
func csiLen(s string) int {
	j := 0
	for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
		j++
	}
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
		j++
	}
	if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
		j++
	}
	return j
}
