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

// Every confusable pair the matcher keeps apart, each way round, in Korean and Latin text.
func TestConfusablePairs(t *testing.T) {
	a := builtinAnalyzer(t)
	for _, tc := range []struct {
		text string
		want []string // canonical names found, in order of first mention
	}{
		{"Java와 JavaScript 모두 다룰 수 있는 분", []string{"Java", "JavaScript"}},
		{"JavaScript only, no Java", []string{"JavaScript", "Java"}},
		{"자바스크립트와 자바 경험", []string{"JavaScript", "Java"}},
		{"자바스크립트 개발자", []string{"JavaScript"}},
		{"SQL Server와 MySQL, NoSQL 경험", []string{"SQL Server", "MySQL", "NoSQL"}},
		{"MS SQL Server 운영 경험, SQL 튜닝", []string{"SQL Server", "SQL"}},
		{"PostgreSQL, SQLite", []string{"PostgreSQL", "SQLite"}},
		{"C, C++, C# 중 하나", []string{"C", "C++", "C#"}},
		{"C++17 and C#10", []string{"C++", "C#"}},
		{".NET Core와 ASP.NET MVC", []string{".NET Core", "ASP.NET"}},
		{"ASP.NET 경험", []string{"ASP.NET"}},
		{".NET 8 기반 개발", []string{".NET"}},
		{"Spring과 Spring Boot", []string{"Spring", "Spring Boot"}},
		{"스프링 부트 또는 스프링", []string{"Spring Boot", "Spring"}},
		{"스프링부트 3", []string{"Spring Boot"}},
		{"React와 React Native", []string{"React", "React Native"}},
		{"리액트 네이티브 앱", []string{"React Native"}},
		{"Angular와 AngularJS 마이그레이션", []string{"Angular", "AngularJS"}},
		{"AngularJS 레거시 유지보수", []string{"AngularJS"}},
		{"HTML, CSS 그리고 ML 모델", []string{"HTML", "CSS", "Machine Learning"}},
		{"MLOps 구축과 ML 엔지니어링", []string{"MLOps", "Machine Learning"}},
		{"Go, Google, MongoDB, 알고리즘", []string{"Go", "MongoDB", "Algorithms"}},
		{"Golang 또는 Go로 서버 개발", []string{"Go"}},
		{"We go the extra mile with Google Cloud", []string{"Google Cloud Platform"}},
		{"R&D 센터에서 R로 분석", []string{"R"}},
		{"R&R 정리와 R 패키지 개발", []string{"R"}},
		{"러스트와 일러스트", []string{"Rust"}},
		{"아트팀의 캐릭터 일러스트", nil},
		{"Vue.js로 개발, 코드 리뷰와 인터뷰", []string{"Vue.js"}},
		{"뷰를 구현하고 리뷰한다", nil},
		{"깃으로 버전 관리", []string{"Git"}},
		{"깃발을 들고 옷깃을 여미다", nil},
		{"깃털처럼 가볍게, 깃들다", nil},
		{"깃허브 액션과 깃 브랜치 전략", []string{"GitHub Actions", "Git"}},
		{"GitHub와 Git", []string{"GitHub", "Git"}},
	} {
		var got []string
		for _, s := range a.Analyze(tc.text).Skills {
			got = append(got, s.Skill)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
}

// Single Hangul syllables may name a skill only when the dictionary lists them.
func TestSingleSyllables(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		ok   bool
	}{
		{"version: 1\nkorean_suffixes: [을]\nsingle_syllables: [깃]\nskills:\n  - {name: Git, kind: tool, aliases: [깃]}\n", true},
		{"version: 1\nkorean_suffixes: [을]\nskills:\n  - {name: Git, kind: tool, aliases: [깃]}\n", false},
		{"version: 1\nkorean_suffixes: [을]\nsingle_syllables: [깃]\nskills:\n  - {name: Vue, kind: framework, aliases: [뷰]}\n", false},
		{"version: 1\nkorean_suffixes: [을]\nsingle_syllables: [깃발]\nskills: []\n", false},
	} {
		_, err := LoadDictionary([]byte(tc.yaml), Extension{})
		if (err == nil) != tc.ok {
			t.Errorf("%q: err %v, want ok %v", tc.yaml, err, tc.ok)
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
