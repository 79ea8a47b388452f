package tableprinter

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		in     string
		width  int
		indent string
		want   string
	}{
		{"short", 80, "  ", "short"},
		{"no terminal keeps every word on one line", 0, "", "no terminal keeps every word on one line"},
		{"one two three four five", 9, "", "one two\nthree\nfour five"},
		{"  • Python을 능숙하게 다루고 대규모 데이터 파이프라인을 설계해 본 경험", 30, "    ",
			"  • Python을 능숙하게 다루고\n    대규모 데이터 파이프라인을\n    설계해 본 경험"},
		{"1. Learn Kubernetes: 12 of your target postings require it", 24, "   ",
			"1. Learn Kubernetes: 12\n   of your target\n   postings require it"},
		{"가나다라마바사아자차카타파하", 10, "", "가나다라마\n바사아자차\n카타파하"},
		{"keep   [\x1b[32m✓ Python\x1b[0m]", 17, "", "keep   [\x1b[32m✓ Python\x1b[0m]"},
	} {
		got := Wrap(tc.in, tc.width, tc.indent)
		if got != tc.want {
			t.Errorf("Wrap(%q, %d):\n got %q\nwant %q", tc.in, tc.width, got, tc.want)
		}
		if tc.width > 0 {
			for _, line := range strings.Split(got, "\n") {
				if VisibleWidth(line) > tc.width {
					t.Errorf("%q is %d cells, over %d", line, VisibleWidth(line), tc.width)
				}
			}
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int
		want string
	}{{"이력서 v3", 6, "이력…"}, {"1차 화상 면접", 6, "1차 …"}, {"short", 6, "short"}, {"가나다", 6, "가나다"}, {"가나다라", 6, "가나…"}} {
		got := Truncate(tc.in, tc.w, "…")
		if got != tc.want || VisibleWidth(got) > tc.w {
			t.Errorf("Truncate(%q, %d) = %q (%d cells), want %q", tc.in, tc.w, got, VisibleWidth(got), tc.want)
		}
	}
}
