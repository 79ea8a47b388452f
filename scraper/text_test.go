package scraper

import "testing"

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain 텍스트\n\tindent", "plain 텍스트\n\tindent"},
		{"\x1b[2J\x1b[31mred\x1b[0m", "red"},
		{"\x1b[38;5;196mcolour", "colour"},
		{"title\x1b]0;evil\x07 after", "title after"},
		{"osc\x1b]8;;http://x\x1b\\link", "osclink"},
		{"c1\u009b31mcsi", "c1csi"},
		{"esc\x1bcreset", "escreset"},
		{"nul\x00bell\x07del\x7f", "nulbelldel"},
		{"crlf\r\nline\rcr", "crlf\nline\ncr"},
		{"bidi\u202eoverride\u2066", "bidioverride"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"trailing esc\x1b", "trailing esc"},
	}
	for _, tc := range tests {
		if got := cleanText(tc.in); got != tc.want {
			t.Errorf("cleanText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>회사 소개</p><h3>자격요건</h3><ul><li>Python</li><li>SQL &amp; Spark</li></ul>",
			"회사 소개\n자격요건\n• Python\n• SQL & Spark"},
		{"line one<br>line   two<br/>\n  three", "line one\nline two\nthree"},
		{"<div><b>Py</b>thon <i>3.11</i></div>", "Python 3.11"},
		{"<p>a</p><script>alert(1)</script><style>p{}</style><p>b</p>", "a\nb"},
		{"<ol><li><p>nested</p><p>second</p></li><li></li><li>x</li></ol>", "• nested\nsecond\n• x"},
		{"<pre>a  b\nc</pre>", "a  b\nc"},
		{"&lt;script&gt;x&lt;/script&gt; text", "<script>x</script> text"},
		{"", ""},
	}
	for _, tc := range tests {
		if got := htmlToText(tc.in); got != tc.want {
			t.Errorf("htmlToText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
