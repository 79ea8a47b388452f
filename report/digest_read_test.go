package report

import "testing"

func TestDigestFormat(t *testing.T) {
	for _, tc := range []struct {
		format, out string
		set         bool
		want        string
	}{
		{"", "", false, "text"},
		{"", "~/digest.html", false, "html"},
		{"", "notes.md", false, "markdown"},
		{"text", "digest.html", true, "text"},
		{"MD", "", true, "markdown"},
		{"txt", "", true, "text"},
	} {
		if got, err := DigestFormat(tc.format, tc.out, tc.set); err != nil || got != tc.want {
			t.Errorf("DigestFormat(%q, %q, %v) = %q, %v; want %q", tc.format, tc.out, tc.set, got, err, tc.want)
		}
	}
	if _, err := DigestFormat("pdf", "", true); err == nil {
		t.Error("DigestFormat took pdf")
	}
}
