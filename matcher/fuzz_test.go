package matcher

import (
	"os"
	"testing"
	"unicode/utf8"
)

// Whatever text a posting holds, analysis returns evidence inside the text, on whole runes,
// naming the skill's aliases, and never panics.
func FuzzAnalyze(f *testing.F) {
	for _, name := range []string{"testdata/wanted_postings.json"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(string(b[:min(len(b), 4000)]))
		}
	}
	f.Add("백엔드 개발자\n자격요건\n• Python을 3년 이상\n• C/C++ 경험자 우대 (Go 우대)\n우대사항\n• 석사 이상\n")
	f.Add("Requirements:\n- 3+ years of Java ( version 8 or higher )\n- Continuous Integration ( CI )\nNice to have\n- k8s")
	f.Add("ＰＹＴＨＯＮ과 ｊａｖａ\x00\xff\n깃발 깃 일러스트 R&D C-level")
	a := builtinAnalyzer(f)
	f.Fuzz(func(t *testing.T, text string) {
		r := a.Analyze(text)
		for _, s := range r.Skills {
			if _, ok := a.Dictionary().Concept(s.Skill); !ok {
				t.Errorf("unknown skill %q", s.Skill)
			}
			for _, e := range s.Evidence {
				if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
					t.Fatalf("%s: evidence %d..%d outside a %d-byte text", s.Skill, e.Start, e.End, len(text))
				}
				if utf8.ValidString(text) && (!utf8.RuneStart(text[e.Start]) || e.End < len(text) && !utf8.RuneStart(text[e.End])) {
					t.Errorf("%s: evidence %d..%d splits a rune", s.Skill, e.Start, e.End)
				}
			}
		}
		if r.MinYears != nil && (*r.MinYears < 0 || *r.MinYears > 40) {
			t.Errorf("min years %d", *r.MinYears)
		}
	})
}
