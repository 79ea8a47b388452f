package matcher

import (
	"reflect"
	"sort"
	"testing"
)

// The traps every reader of Korean and English postings falls into, checked on the built-in
// dictionary: what is found, and what must not be.
func TestBuiltinTraps(t *testing.T) {
	a := builtinAnalyzer(t)
	for _, tc := range []struct {
		text string
		want []string // canonical names found, sorted
	}{
		{"Python을 능숙하게 다루는 분", []string{"Python"}},
		{"파이썬으로 배치 작업을 개발", []string{"Python"}},
		{"Go언어로 서버를 개발", []string{"Go"}},
		{"Go 또는 Kotlin 경험", []string{"Go", "Kotlin"}},
		{"Google 출신 창업자와 MongoDB", []string{"MongoDB"}},
		{"알고리즘 문제 해결 능력", []string{"Algorithms"}},
		{"Java개발자로서 JavaScript도 다룸", []string{"Java", "JavaScript"}},
		{"자바스크립트 경험", []string{"JavaScript"}},
		{"R&D 조직과 R&R 정의", nil},
		{"R 또는 Python으로 분석", []string{"Python", "R"}},
		{"C-level 보고, 시리즈 C 투자 유치", nil},
		{"C/C++ 개발 경험, C# 우대", []string{"C", "C#", "C++"}},
		{"일러스트 작업 지원", nil},
		{"러스트로 시스템 개발", []string{"Rust"}},
		{"코드 리뷰와 기술 인터뷰", nil},
		{"깃발을 꽂다", nil},
		{"GitHub Actions로 배포", []string{"GitHub Actions"}},
		{"SQL, NoSQL, MySQL, PostgreSQL", []string{"MySQL", "NoSQL", "PostgreSQL", "SQL"}},
		{"React Native 앱", []string{"React Native"}},
		{"Spring Boot 3 기반", []string{"Spring Boot"}},
		{"HTML/CSS 마크업", []string{"CSS", "HTML"}},
		{"MLOps 파이프라인", []string{"MLOps"}},
		{"Vertex AI 파이프라인", []string{"Vertex AI"}},
		{"Java 17, C++17, Python 3.11, Vue3", []string{"C++", "Java", "Python", "Vue.js"}},
		{"쿠버네티스를 운영해 본 경험", []string{"Kubernetes"}},
		{"리액트와 타입스크립트", []string{"React", "TypeScript"}},
		{"100년 이상 사랑받는 브랜드", nil},
	} {
		var got []string
		for _, s := range a.Analyze(tc.text).Skills {
			got = append(got, s.Skill)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestBuiltinDictionarySize(t *testing.T) {
	d, err := Builtin(Extension{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() < 600 {
		t.Errorf("the dictionary has %d concepts, want at least 600", d.Len())
	}
	// The profile goes through the same canonicaliser as postings.
	for alias, want := range map[string]string{"파이썬": "Python", "k8s": "Kubernetes", "도커": "Docker", "golang": "Go"} {
		if got, ok := d.Canonical(alias); !ok || got != want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", alias, got, ok, want)
		}
	}
}
