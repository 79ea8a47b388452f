package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes scraped text safe to print: it drops terminal escape sequences (CSI, OSC and
// the rest), C0 and C1 control characters but newlines and tabs, bidirectional overrides,
// and invalid UTF-8.
func clean(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			if s[i] == 0x9b { // a raw C1 CSI byte: drop its parameters too
				i += 1 + csiLen(s[i+1:])
				continue
			}
			i++
			continue
		case r == 0x1b: // ESC: skip the whole sequence
			i += escapeLen(s[i:])
			continue
		case r == 0x9b: // C1 CSI
			i += size + csiLen(s[i+size:])
			continue
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\r':
		case unicode.IsControl(r), isBidiControl(r):
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// oneLine is clean for a table cell: every run of white space becomes one space, none at
// either end.
func oneLine(s string) string {
	if isPlain(s) && isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(clean(s)), " ")
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

// isPlain reports whether clean would leave s as it is: no control character but newline
// and tab, no bidirectional control, no invalid UTF-8. Most text is, Korean included.
func isPlain(s string) bool {
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

func isBidiControl(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// escapeLen returns the length of the escape sequence at the start of s (s[0] == ESC).
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiLen(s[2:])
	case ']', 'P', 'X', '^', '_': // OSC, DCS, SOS, PM, APC: up to BEL or ST
		for j := 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	default:
		if s[1] >= 0x20 && s[1] <= 0x2f { // intermediate bytes, then a final byte
			j := 2
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
				j++
			}
			if j < len(s) {
				j++
			}
			return j
		}
		return 2
	}
}

// csiLen returns the length of a CSI sequence's parameters and final byte.
func csiLen(s string) int {
	for j := 0; j < len(s); j++ {
		if s[j] >= 0x40 && s[j] <= 0x7e {
			return j + 1
		}
		if s[j] < 0x20 || s[j] > 0x3f && s[j] < 0x40 {
			return j
		}
	}
	return len(s)
}
