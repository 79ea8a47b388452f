package matcher

import (
	"reflect"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

// A small dictionary that exercises every matching rule, independent of skills.yaml's content.
const ruleDict = `
version: 1
korean_suffixes: [을, 를, 으로, 로, 과, 와, 기반, 개발자, 언어]
single_syllables: [깃]
skills:
  - {name: Python, kind: language, aliases: [파이썬]}
  - {name: Java, kind: language, aliases: [자바]}
  - {name: JavaScript, kind: language, aliases: [JS, 자바스크립트]}
  - {name: Go, kind: language, aliases: [Golang], exact: [Go, GO], not_before: ["-to-market"]}
  - {name: R, kind: language, exact: [R], not_before: ["&"], not_after: ["&"]}
  - {name: C, kind: language, exact: [C], not_before: ["-level", "-suite"], not_after: ["series ", "시리즈 "]}
  - {name: C++, kind: language}
  - {name: Rust, kind: language, aliases: [러스트], exact: [Rust]}
  - {name: Vue, kind: framework, aliases: [Vue.js, 뷰js], broader: [JavaScript]}
  - {name: React, kind: framework, aliases: [리액트], broader: [JavaScript]}
  - {name: React Native, kind: framework, broader: [React]}
  - {name: Spring, kind: framework, aliases: [스프링], broader: [Java]}
  - {name: Spring Boot, kind: framework, aliases: [스프링 부트], broader: [Spring]}
  - {name: SQL, kind: language}
  - {name: MySQL, kind: database, broader: [SQL]}
  - {name: Kubernetes, kind: tool, aliases: [k8s, 쿠버네티스]}
  - {name: Git, kind: tool, aliases: [깃]}
  - {name: GitHub Actions, kind: tool}
  - {name: Machine Learning, kind: domain, aliases: [ML, 머신러닝]}
  - {name: HTML, kind: language}
  - {name: MLOps, kind: method}
  - {name: Vertex AI, kind: cloud}
  - {name: Artificial Intelligence, kind: domain, aliases: [AI]}
  - {name: Node.js, kind: framework, aliases: [node js]}
  - {name: Financial Services, kind: industry}
`

func ruleAnalyzer(t *testing.T) *Analyzer {
	t.Helper()
	d, err := LoadDictionary([]byte(ruleDict), Extension{})
	if err != nil {
		t.Fatal(err)
	}
	return New(d)
}

func names(a *Analyzer, text string) []string {
	var out []string
	for _, h := range a.finder.Find(ptr(Normalize(text))) {
		out = append(out, a.finder.Name(h))
	}
	return out
}

func ptr[T any](v T) *T { return &v }

func TestFinderRules(t *testing.T) {
	a := ruleAnalyzer(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Python을 잘 다루는 분", []string{"Python"}},
		{"파이썬으로 배치 개발", []string{"Python"}},
		{"Go언어 경험", []string{"Go"}},
		{"Java개발자로서", []string{"Java"}},
		{"Google and MongoDB users", nil},
		{"알고리즘 문제 풀이", nil},
		{"We go to market fast", nil},
		{"Go-to-market strategy", nil},
		{"Go or Rust services", []string{"Go", "Rust"}},
		{"go로 서버 개발", []string{"Go"}},
		{"JavaScript and TypeScript", []string{"JavaScript"}},
		{"자바스크립트와 자바", []string{"JavaScript", "Java"}},
		{"R&D 센터와 R&R 정리", nil},
		{"R 또는 Python으로 분석", []string{"R", "Python"}},
		{"C-level reporting, 시리즈 C 투자", nil},
		{"C/C++ 개발", []string{"C", "C++"}},
		{"C++17 and Python3", []string{"C++", "Python"}},
		{"Vue3 컴포넌트", []string{"Vue"}},
		{"일러스트 작업", nil},
		{"러스트로 개발", []string{"Rust"}},
		{"the rust on the car", nil},
		{"코드 리뷰와 인터뷰", nil},
		{"깃발을 들고 깃을 쓴다", []string{"Git"}},
		{"React Native 앱과 React기반 웹", []string{"React Native", "React"}},
		{"리액트와 스프링 부트", []string{"React", "Spring Boot"}},
		{"스프링부트로 개발", []string{"Spring Boot"}},
		{"Spring Boot 3, Spring 5", []string{"Spring Boot", "Spring"}},
		{"MySQL, NoSQL, PostgreSQL 그리고 SQL", []string{"MySQL", "SQL"}},
		{"HTML과 MLOps, 그리고 ML", []string{"HTML", "MLOps", "Machine Learning"}},
		{"Vertex AI와 AI 서비스", []string{"Vertex AI", "Artificial Intelligence"}},
		{"GitHub Actions와 Git", []string{"GitHub Actions", "Git"}},
		{"k8s, 쿠버네티스를 운영", []string{"Kubernetes", "Kubernetes"}},
		{"Node.js, nodejs, node-js", []string{"Node.js", "Node.js", "Node.js"}},
		{"ＰＹＴＨＯＮ 전각", []string{"Python"}},
	} {
		got := names(a, tc.text)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestEvidenceOffsetsAreInputBytes(t *testing.T) {
	a := ruleAnalyzer(t)
	for _, text := range []string{
		"Requirements\nPython and Java\n",
		"자격요건\n• 파이썬을 잘 쓰는 분\n",
		"ＰＹＴＨＯＮ과 Ｊａｖａ\n", // full-width: NFKC changes lengths
	} {
		r := a.Analyze(text)
		if len(r.Skills) == 0 {
			t.Fatalf("%q: no skills", text)
		}
		for _, s := range r.Skills {
			for _, e := range s.Evidence {
				got := Normalize(text[e.Start:e.End]).Folded
				c, _ := a.dict.Concept(s.Skill)
				ok := false
				for _, al := range append([]string{c.Name}, c.Aliases...) {
					if fold(al) == got {
						ok = true
					}
				}
				if !ok {
					t.Errorf("%q: evidence %d..%d = %q is not an alias of %s", text, e.Start, e.End, text[e.Start:e.End], s.Skill)
				}
			}
		}
	}
}

func TestSections(t *testing.T) {
	a := ruleAnalyzer(t)
	text := strings.Join([]string{
		"백엔드 개발자 (Go)",
		"회사 소개",
		"R&D 센터를 운영합니다. Kubernetes 위에서",
		"주요업무",
		"• React로 어드민 개발",
		"[자격요건]",
		"• Java 또는 Python 경험",
		"• Spring Boot 사용 경험자 우대",
		"• SQL 능숙 (MySQL 경험 우대)",
		"• Python 경험",
		"우대사항:",
		"• Rust 경험",
		"• React 경험",
		"혜택 및 복지",
		"• Git 교육 지원",
	}, "\n")
	r := a.Analyze(text)
	got := map[string]jobs.Section{}
	for _, s := range r.Skills {
		got[s.Skill] = s.Section
	}
	want := map[string]jobs.Section{
		"Go": "other", "Kubernetes": "other", "React": "preferred", "Java": "required",
		"Python": "required", "Spring Boot": "preferred", "SQL": "required", "MySQL": "preferred",
		"Rust": "preferred",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections:\n got %v\nwant %v", got, want)
	}
	if len(r.Skills) > 0 && len(r.Skills[len(r.Skills)-1].Evidence) == 0 {
		t.Error("no evidence")
	}
	// Every place is listed: Python twice.
	for _, s := range r.Skills {
		if s.Skill == "Python" && len(s.Evidence) != 2 {
			t.Errorf("Python evidence %v, want 2 places", s.Evidence)
		}
	}
}

func TestYears(t *testing.T) {
	iv := func(n int) *int { return &n }
	for _, tc := range []struct {
		lines    []string
		min, max *int
	}{
		{[]string{"• 2년 이상의 실무 경험 (MLOps 분야)"}, iv(2), nil},
		{[]string{"• 백엔드 개발 경력 5~7년차"}, iv(5), iv(7)},
		{[]string{"신입 또는 경력 1년 미만"}, iv(0), iv(1)},
		{[]string{"신입 또는 경력 3년 이하"}, iv(0), iv(3)},
		{[]string{"신입 지원 가능"}, iv(0), nil},
		{[]string{"경력 무관"}, iv(0), nil},
		{[]string{"3+ years of experience with Terraform"}, iv(3), nil},
		{[]string{"At least 5 years of backend experience"}, iv(5), nil},
		{[]string{"Five years of professional experience"}, iv(5), nil},
		{[]string{"3-5 years in data engineering"}, iv(3), iv(5)},
		{[]string{"계약직 12개월 근무 가능하신 분"}, nil, nil},
		{[]string{"Python 능숙"}, nil, nil},
		{[]string{"경력 3년 이상", "Kotlin 2년 이상 사용 경험"}, iv(3), nil},
		{[]string{"Kotlin 2년 이상 사용 경험", "백엔드 경력 5년 이상"}, iv(5), nil},
		{[]string{"3년 장기근속 포상"}, nil, nil},
	} {
		min, max := yearsIn(tc.lines)
		if !reflect.DeepEqual(min, tc.min) || !reflect.DeepEqual(max, tc.max) {
			t.Errorf("%q: got %v-%v, want %v-%v", tc.lines, deref(min), deref(max), deref(tc.min), deref(tc.max))
		}
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestYearsOnlyFromRequirements(t *testing.T) {
	a := ruleAnalyzer(t)
	r := a.Analyze("데이터 분석가\n회사 소개\n100년 이상 사랑받는 브랜드, 매년 3배 이상 성장\n자격요건\n• SQL 사용 가능\n우대사항\n• 경력 2년 이상\n혜택 및 복지\n• 3년 장기근속 포상\n")
	if r.MinYears != nil || r.MaxYears != nil {
		t.Errorf("years %v-%v, want none", deref(r.MinYears), deref(r.MaxYears))
	}
}

func TestDegree(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		want  jobs.Degree
	}{
		{[]string{"석사 이상 (박사 우대)"}, jobs.DegreeMaster},
		{[]string{"컴퓨터공학 등 관련 전공 학사 이상"}, jobs.DegreeBachelor},
		{[]string{"박사 학위 소지자"}, jobs.DegreePhD},
		{[]string{"학력 무관"}, jobs.DegreeNone},
		{[]string{"MS or PhD in Computer Science"}, jobs.DegreeMaster},
		{[]string{"BS/BA degree or equivalent experience"}, jobs.DegreeBachelor},
		{[]string{"Experience with MS SQL Server"}, jobs.DegreeNone},
		{[]string{"전문학사 이상"}, jobs.DegreeNone},
	} {
		got, _ := degreeIn(tc.lines, foldLines(tc.lines))
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.lines, got, tc.want)
		}
	}
	_, major := degreeIn([]string{"• 컴퓨터공학 등 관련 전공 학사 이상"}, []string{"• 컴퓨터공학 등 관련 전공 학사 이상"})
	if !strings.Contains(major, "컴퓨터공학") {
		t.Errorf("major %q", major)
	}
}

func foldLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = Normalize(l).Folded
	}
	return out
}

func TestScore(t *testing.T) {
	a := ruleAnalyzer(t)
	d := a.Dictionary()
	p, unknown := d.PrepareProfile(jobs.Profile{Years: 0, Skills: []string{"파이썬", "spring boot", "Haskell"}})
	if !reflect.DeepEqual(unknown, []string{"Haskell"}) {
		t.Errorf("unknown %v", unknown)
	}
	if !p.Has("Python") || !p.Has("Spring") || !p.Has("Java") {
		t.Errorf("profile should have Python, Spring and Java (via Spring Boot)")
	}
	iv := func(n int) *int { return &n }
	an := &jobs.Analysis{Skills: []jobs.Requirement{
		{Skill: "Python", Section: jobs.SectionRequired},
		{Skill: "Java", Section: jobs.SectionRequired},
		{Skill: "Kubernetes", Section: jobs.SectionRequired},
		{Skill: "SQL", Section: jobs.SectionRequired},
		{Skill: "Rust", Section: jobs.SectionPreferred},
		{Skill: "Financial Services", Section: jobs.SectionRequired},
	}}
	m := d.Score(p, an)
	// 2 of 4 required (industries do not count), 0 of 1 preferred: 0.8*0.5 = 0.4.
	if m.Score != 0.4 || m.Band != jobs.BandFair {
		t.Errorf("score %v %v, want 0.4 Fair", m.Score, m.Band)
	}
	if !reflect.DeepEqual(m.Missing, []string{"Kubernetes", "SQL"}) || !reflect.DeepEqual(m.MissingPreferred, []string{"Rust"}) {
		t.Errorf("missing %v / %v", m.Missing, m.MissingPreferred)
	}
	if m.Parts != nil {
		t.Errorf("Score wrote parts: %+v", m.Parts)
	}
	// Explain is the same match with the parts that say how it was made.
	e := d.Explain(p, an)
	if len(e.Parts) != 2 || e.Parts[0].Note != "2 of 4 required met" || e.Parts[1].Note != "0 of 1 preferred met" {
		t.Errorf("explained parts %+v", e.Parts)
	}
	e.Parts = nil
	if !reflect.DeepEqual(e, m) {
		t.Errorf("Explain %+v differs from Score %+v", e, m)
	}
	an.MinYears = iv(3)
	if e := d.Explain(p, an); len(e.Parts) != 3 || e.Parts[2].Name != "years" || e.Score != d.Score(p, an).Score {
		t.Errorf("explained with years: %+v", e)
	}
	m2 := d.Score(p, an)
	if !(m2.Score < m.Score) {
		t.Errorf("years did not lower the score: %v >= %v", m2.Score, m.Score)
	}
	// Partial credit: knowing React gives half credit for Vue (both JavaScript frameworks).
	p2, _ := d.PrepareProfile(jobs.Profile{Skills: []string{"React"}})
	m3 := d.Score(p2, &jobs.Analysis{Skills: []jobs.Requirement{{Skill: "Vue", Section: jobs.SectionRequired}}})
	if m3.Score != 0.5 || !reflect.DeepEqual(m3.Partial, []string{"Vue"}) {
		t.Errorf("partial: %v %v", m3.Score, m3.Partial)
	}
}

func TestGapsAndPlan(t *testing.T) {
	mk := func(id int64, missing ...string) Scored {
		return Scored{Posting: &jobs.Posting{ID: id}, Match: jobs.Match{Missing: missing}}
	}
	items := []Scored{
		mk(1, "Docker"),
		mk(2, "Docker"),
		mk(3, "Airflow"),
		mk(4, "Docker", "Airflow"),
		mk(5, "Spark", "Scala"),
		mk(6, "Spark", "Scala"),
		mk(7),
	}
	items[0].Match.MissingPreferred = []string{"Kafka"}
	g := Gaps(items)
	if g[0].Skill != "Docker" || g[0].Unlocks != 2 || g[0].Required != 3 {
		t.Errorf("first gap %+v", g[0])
	}
	if g[1].Skill != "Airflow" || g[1].Unlocks != 1 || g[1].Required != 2 {
		t.Errorf("second gap %+v", g[1])
	}
	plan := BestPlan(items, 4, nil)
	got := []Step{}
	for _, s := range plan {
		got = append(got, Step{Skill: s.Skill, Unlocks: s.Unlocks, Cumulative: s.Cumulative})
	}
	want := []Step{
		{Skill: "Docker", Unlocks: 2, Cumulative: 3},
		{Skill: "Airflow", Unlocks: 2, Cumulative: 5},
		{Skill: "Scala", Unlocks: 0, Cumulative: 5},
		{Skill: "Spark", Unlocks: 2, Cumulative: 7},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("plan\n got %+v\nwant %+v", got, want)
	}
}

// Empty ranges map back to a point in the input, in text NFKC changes too.
func TestSpanOfEmptyRange(t *testing.T) {
	n := Normalize("\nＡ\n\nＢ")
	for _, r := range [][2]int{{0, 0}, {1, 1}, {len(n.NFKC), len(n.NFKC)}} {
		s, e := n.Span(r[0], r[1])
		if s != e || s < 0 || e > len("\nＡ\n\nＢ") {
			t.Errorf("Span(%d, %d) = %d, %d", r[0], r[1], s, e)
		}
	}
	a := ruleAnalyzer(t)
	a.Analyze("\nＰＹＴＨＯＮ\n\n")
	a.Analyze("")
}
