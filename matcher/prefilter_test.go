package matcher

import (
	"regexp"
	"strings"
	"testing"
)

func TestQuickRe(t *testing.T) {
	extra := strings.Split(strings.Join([]string{
		"학력 무관", "학력무관", "학력 제한 없음", "degree not required", "no  degree required", "박사 학위",
		"ph.d in physics", "phd", "doctoral degree", "doctorate", "석·박사", "석/박사", "master's", "masters",
		"m.sc. in cs", "m. sc", "msc", "ms in statistics", "학사", "대졸", "4년제", "bachelor", "bachelors",
		"b.s. in cs", "bs/ba degree", "b.a.", "bsc", "undergraduate  degree", "college degree",
		"university degree", "or higher", "or equivalent", "in computer science", "in cs", "in a related field",
		"3년 장기근속 포상", "12개월", "창립 10주년", "설립", "역사", "성장", "service award", "anniversary",
		"6 months", "month", "monthly", "신입 지원 가능", "경력 무관", "경력 상관 없음", "경력 여부 무관",
		"new grad", "new  graduates", "entry-level", "entry level", "no experience is required",
		"no experience required", "junior", "(spark 경험자 우대)", "[aws preferred]", "（docker a plus）",
		"(bonus: k8s)", "python (plus)", "mba", "emba", "_ms", "xbs", "b_s",
	}, "\n"), "\n")
	lines := append(testLines(t), extra...)
	for name, q := range map[string]*quickRe{"degreeAny": &degreeAny, "degreePhD": &degreePhD,
		"degreeMS": &degreeMS, "degreeBS": &degreeBS, "degreeCtx": &degreeCtx, "newcomerRe": &newcomerRe,
		"notExperience": &notExperience} {
		for _, w := range q.sure {
			for _, l := range []string{w, "x" + w + "x", "가" + w + "가", "1" + w + "_"} {
				if !q.re.MatchString(l) {
					t.Errorf("%s: %q is sure but %q does not match", name, w, l)
				}
			}
		}
		matched := 0
		for _, l := range lines {
			got, want := q.MatchString(l), q.re.MatchString(l)
			if got != want {
				t.Errorf("%s.MatchString(%q) = %v, want %v", name, l, got, want)
			}
			if want {
				matched++
			}
		}
		if matched == 0 {
			t.Errorf("%s matches none of the lines", name)
		}
	}
	// Words every match holds.
	for _, tc := range []struct {
		re   *regexp.Regexp
		need []string
	}{{optionalPar, optionalParNeed}} {
		for _, l := range lines {
			if tc.re.MatchString(l) && !containsAny(l, tc.need) {
				t.Errorf("%q matches %v without any of %q", l, tc.re, tc.need)
			}
		}
	}
	for i, r := range yearsRules {
		for _, l := range lines {
			if r.re.MatchString(l) && (!containsAny(l, r.need) || r.digits && !hasDigit(l)) {
				t.Errorf("years rule %d matches %q, which its tests skip", i, l)
			}
		}
	}
}

func TestMajorInRe(t *testing.T) {
	lines := append(testLines(t), "bs in computer science or a related field", "Degree in Math.",
		"master's in statistics, physics", "phd in ml", "MS in CS or equivalent experience")
	n := 0
	for _, l := range lines {
		if strings.Contains(l, "전공") {
			continue
		}
		got, want := majorInRe.FindStringIndex(l), majorRe.FindStringIndex(l)
		if len(got) != len(want) || got != nil && (got[0] != want[0] || got[1] != want[1]) {
			t.Errorf("%q: majorInRe finds %v, majorRe %v", l, got, want)
		}
		if want != nil {
			n++
		}
	}
	if n == 0 {
		t.Error("no line names a major")
	}
}

func TestLookupHeadingQuick(t *testing.T) {
	lines := testLines(t)
	for k := range headings {
		lines = append(lines, k, strings.ToUpper(k), "1. "+k, "■ "+k+":", strings.Repeat("7", 118)+k, k+"s",
			k[:len(k)-1], "## "+k+" (필수)")
	}
	for _, l := range lines {
		want, wantOK := headings[headingKey(l)]
		if got, ok := lookupHeading(l); got != want || ok != wantOK {
			t.Errorf("lookupHeading(%q) = %v, %v; want %v, %v", l, got, ok, want, wantOK)
		}
	}
}
