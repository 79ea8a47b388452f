package report

import "testing"

func TestYears(t *testing.T) {
	n := func(i int) *int { return &i }
	for _, tc := range []struct {
		min, max *int
		want     string
	}{
		{nil, nil, ""}, {n(0), nil, "신입"}, {n(3), nil, "3+"}, {n(3), n(5), "3-5"}, {n(0), n(2), "신입-2"},
	} {
		if got := Years(tc.min, tc.max); got != tc.want {
			t.Errorf("Years(%v, %v) = %q, want %q", tc.min, tc.max, got, tc.want)
		}
	}
}

func TestAlternatives(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{nil, ""}, {[]string{"R"}, "R"}, {[]string{"React", "Vue.js"}, "React or Vue.js"},
		{[]string{"AWS", "GCP", "Azure"}, "AWS, GCP or Azure"},
	} {
		if got := Alternatives(tc.names); got != tc.want {
			t.Errorf("Alternatives(%q) = %q, want %q", tc.names, got, tc.want)
		}
	}
}

func TestMajorText(t *testing.T) {
	if got := MajorText("컴퓨터공학\n 관련 전공", []string{"CS"}); got != "컴퓨터공학 관련 전공" {
		t.Errorf("as written: %q", got)
	}
	if got := MajorText("", []string{"컴퓨터공학", "통계학"}); got != "컴퓨터공학, 통계학" {
		t.Errorf("as read: %q", got)
	}
}
