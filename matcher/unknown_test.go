package matcher

import (
	"reflect"
	"testing"

	"github.com/jobs-cli/jobs"
)

func TestUnknownTerms(t *testing.T) {
	a := builtinAnalyzer(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		// Latin words in Korean lines; known skills and particles stay out.
		{"자격요건\n• Kotlin과 ArchUnit으로 구조를 검증한 경험\n• Jib 사용 경험\n", []string{"ArchUnit", "Jib"}},
		// Technical shapes in English lines: inner capitals, acronyms, digits, marks.
		{"Requirements\n• Experience with ClickHouse-like stores, ZIO, Remix.run and K3s\n• Strong communication\n",
			[]string{"ZIO", "Remix.run", "K3s"}},
		// Names listed next to a known skill are capitalised; common words are not collected.
		{"Requirements\n• JUnit, Kover or Detekt\n• keep code clean and Java fast\n", []string{"Kover", "Detekt"}},
		// Korean nouns before 경험 / 활용 / 개발, not generic ones or modifiers.
		{"자격요건\n• 샤딩 경험\n• 레르나를 활용한 개발\n• 서비스 개발 경험\n• 안정적 운영 경험\n", []string{"샤딩", "레르나"}},
		// Benefits and headings are not read; numbers, versions and degrees are not terms.
		{"자격요건\n• 3년 이상, v2 API, BS 이상\n혜택 및 복지\n• Zoom과 Figjam 제공\n", nil},
	} {
		got := a.UnknownTermsIn(tc.text)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}

	// A posting: the title, intro and benefits are left out.
	p := &jobs.Posting{Title: "Zephyrix 개발자", Sections: jobs.Sections{Intro: "Quarkly 팀", MainTasks: "• Lerna 저장소 관리",
		Requirements: "• Earthly 사용 경험", Preferred: "• Pants 빌드 경험", Benefits: "• Figjam 제공"}}
	if got, want := a.UnknownTerms(p), []string{"Lerna", "Earthly", "Pants"}; !reflect.DeepEqual(got, want) {
		t.Errorf("posting: got %q, want %q", got, want)
	}
}

func TestTermTally(t *testing.T) {
	tally := NewTermTally()
	tally.Add([]string{"ArchUnit", "샤딩", "archunit"}) // one posting counts a term once
	tally.Add([]string{"ARCHUNIT", "Jib"})
	tally.Add([]string{"ArchUnit", "Jib", "샤딩"})
	for _, tc := range []struct {
		limit, min int
		want       []TermCount
	}{
		{0, 1, []TermCount{{"ArchUnit", 3}, {"Jib", 2}, {"샤딩", 2}}},
		{1, 1, []TermCount{{"ArchUnit", 3}}},
		{0, 3, []TermCount{{"ArchUnit", 3}}},
		{0, 4, nil},
	} {
		if got := tally.Top(tc.limit, tc.min); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Top(%d, %d) = %v, want %v", tc.limit, tc.min, got, tc.want)
		}
	}
}
