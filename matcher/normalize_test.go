package matcher

import (
	"testing"
	"unicode/utf8"
)

func TestSyllableAt(t *testing.T) {
	// Every three bytes led by E0 to EF, and every shorter end of a text.
	buf := []byte{0, 0, 0}
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0; b1 < 256; b1++ {
			for b2 := 0; b2 < 256; b2++ {
				buf[0], buf[1], buf[2] = byte(b0), byte(b1), byte(b2)
				s := string(buf)
				r, size := utf8.DecodeRuneInString(s)
				want := size == 3 && r >= 0xAC00 && r <= 0xD7A3
				if got := syllableAt(s, 0); got != want {
					t.Fatalf("syllableAt(% x) = %v, want %v", s, got, want)
				}
				if syllableAt(s[:2], 0) || syllableAt(s, 1) || syllableAt(s, -1) {
					t.Fatalf("syllableAt(% x) past the end", s)
				}
			}
		}
	}
	if !syllableAt("a가", 1) || !syllableAt("힣", 0) || syllableAt("a가", 0) {
		t.Error("syllableAt misses a syllable")
	}
}

func TestASCIILower(t *testing.T) {
	lower := func(s string) string { // the plain way
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	texts := append([]string{"", "A", "a", "AB", "aB", "Ab", "파이썬Python", "ÀÉ ABC", "\xffA\x80Z"}, testTexts(t)...)
	for _, s := range texts {
		if got, want := asciiLower(s), lower(s); got != want {
			t.Fatalf("asciiLower(%q) = %q, want %q", s[:min(len(s), 80)], got[:min(len(got), 80)], want[:min(len(want), 80)])
		}
	}
	if s := "already lower 소문자 ÀÉ"; asciiLower(s) != s {
		t.Error("asciiLower changed a text without upper-case ASCII")
	}
}
