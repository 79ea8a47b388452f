package safetext

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain 텍스트\n\tindent", "plain 텍스트\n\tindent"},
		{"\x1b[2J\x1b[31mred\x1b[0m", "red"},
		{"\x1b[38;5;196mcolour", "colour"},
		{"title\x1b]0;evil\x07 after", "title after"},
		{"osc\x1b]8;;http://x\x1b\\link", "osclink"},
		{"unterminated\x1b]0;rest", "unterminated0;rest"},
		{"c1\u009b31mcsi", "c1csi"},
		{"raw c1\x9b31mcsi", "raw c1csi"},
		{"esc\x1bcreset", "escreset"},
		{"charset\x1b(Bok", "charsetok"},
		{"nul\x00bell\x07del\x7f", "nulbelldel"},
		{"cr\r\n", "cr\n"},
		{"bidi\u202eoverride\u2066 mark\u200f", "bidioverride mark"},
		{"bad\xffutf8", "badutf8"},
		{"kept \uFFFD", "kept \uFFFD"},
		{"trailing esc\x1b", "trailing esc"},
	} {
		if got := Clean(tc.in); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ML Engineer", "ML Engineer"},
		{"  lead and trail ", "lead and trail"},
		{"two  spaces\tand\nlines", "two spaces and lines"},
		{"ideo\u3000graphic\u00a0nbsp", "ideo graphic nbsp"},
		{"\x1b[1mbold\x1b[0m title", "bold title"},
	} {
		if got := OneLine(tc.in); got != tc.want {
			t.Errorf("OneLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Clean leaves nothing it should drop, drops nothing from text it calls plain, and is
// idempotent; OneLine is Clean with its white space collapsed.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"토스 백엔드", "a\x1b[31mred\x1b[0m", "\u202eevil", "bad\xff", "tab\tcr\r\n",
		"\u00ad\u009b1m", " lead", "trail ", "two  spaces", "nbsp\u00a0x", "ideo\u3000x", "\x1b]0;x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean(s)
		if !IsPlain(c) {
			t.Errorf("Clean(%q) = %q still holds what it drops", s, c)
		}
		if IsPlain(s) && c != s {
			t.Errorf("plain %q cleaned to %q", s, c)
		}
		if again := Clean(c); again != c {
			t.Errorf("Clean(Clean(%q)) = %q, not %q", s, again, c)
		}
		if got, want := OneLine(s), strings.Join(strings.Fields(c), " "); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", s, got, want)
		}
	})
}
