package matcher

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

// groupsOf renders an analysis's groups for comparison: "r:Python|R", "p:Spark".
func groupsOf(gs []jobs.Group) []string {
	out := []string{}
	for _, g := range gs {
		out = append(out, string(g.Section)[:1]+":"+strings.Join(g.AnyOf, "|"))
	}
	return out
}

// Every way a requirement line combines skills, in Korean and in English: alternatives are one
// group, conjunctions several, a category named with its examples joins their group, majors in
// degree lines are no requirement, and a line that says a skill is not needed asks for nothing.
func TestRequirementGroups(t *testing.T) {
	a := builtinAnalyzer(t)
	for _, tc := range []struct {
		line   string
		want   []string
		majors []string
	}{
		// Alternatives.
		{"Python 또는 R", []string{"r:Python|R"}, nil},
		{"Python이나 R을 활용한 분석 경험", []string{"r:Python|R"}, nil},
		{"Spark 혹은 Flink", []string{"r:Spark|Flink"}, nil},
		{"Java/Kotlin 서버 개발 경험", []string{"r:Java|Kotlin"}, nil},
		{"AWS, GCP, Azure 중 하나 이상의 클라우드 경험", []string{"r:Amazon Web Services|Google Cloud Platform|Microsoft Azure"}, nil},
		{"React, Vue.js 중 하나", []string{"r:React|Vue.js"}, nil},
		{"Python, Java, Go 등의 언어 중 하나 이상 능숙", []string{"r:Python|Java|Go"}, nil},
		{"AWS 환경 또는 GCP 환경 운영 경험", []string{"r:Amazon Web Services|Google Cloud Platform"}, nil},
		{"Either Python or R", []string{"r:Python|R"}, nil},
		{"Go, Rust, or C++", []string{"r:Go|Rust|C++"}, nil},
		{"At least one of Java, Kotlin or Scala", []string{"r:Java|Kotlin|Scala"}, nil},
		{"Kotlin or Java", []string{"r:Kotlin|Java"}, nil},
		{"Python(또는 R) 활용 경험", []string{"r:Python|R"}, nil},
		{"Experience with AWS, GCP or Azure", []string{"r:Amazon Web Services|Google Cloud Platform|Microsoft Azure"}, nil},
		// A category named with its examples joins their group.
		{"MySQL, PostgreSQL 등 RDBMS 경험", []string{"r:MySQL|PostgreSQL|Relational Databases"}, nil},
		{"RDBMS(MySQL, PostgreSQL) 사용 경험", []string{"r:Relational Databases|MySQL|PostgreSQL"}, nil},
		{"TensorFlow나 PyTorch 같은 딥러닝 프레임워크 경험", []string{"r:TensorFlow|PyTorch|Deep Learning"}, nil},
		{"Kafka, RabbitMQ 등 메시지 큐 사용 경험", []string{"r:Kafka|RabbitMQ|Message Queue"}, nil},
		{"Jenkins 혹은 GitHub Actions로 CI/CD 구축 경험", []string{"r:Jenkins|GitHub Actions|CI/CD"}, nil},
		{"Message brokers such as Kafka or RabbitMQ", []string{"r:Message Queue|Kafka|RabbitMQ"}, nil},
		{"Relational databases (e.g. MySQL, PostgreSQL)", []string{"r:Relational Databases|MySQL|PostgreSQL"}, nil},
		{"Familiarity with Kafka, RabbitMQ, or similar message brokers", []string{"r:Kafka|RabbitMQ|Message Queue"}, nil},
		// Several requirements.
		{"Docker와 Kubernetes 실무 경험", []string{"r:Docker", "r:Kubernetes"}, nil},
		{"Docker 및 Kubernetes", []string{"r:Docker", "r:Kubernetes"}, nil},
		{"HTML, CSS, JavaScript에 대한 이해", []string{"r:HTML", "r:CSS", "r:JavaScript"}, nil},
		{"Python 또는 R, SQL 활용 능력", []string{"r:Python|R", "r:SQL"}, nil},
		{"PyTorch로 딥러닝 모델 학습 경험", []string{"r:PyTorch", "r:Deep Learning"}, nil},
		{"Python and SQL", []string{"r:Python", "r:SQL"}, nil},
		{"Both Docker and Kubernetes", []string{"r:Docker", "r:Kubernetes"}, nil},
		{"Python, SQL, and Tableau", []string{"r:Python", "r:SQL", "r:Tableau"}, nil},
		// A bracket that makes part of a line optional.
		{"Python (Spark 경험자 우대)", []string{"r:Python", "p:Spark"}, nil},
		// Degree lines: fields of study are majors.
		{"컴퓨터공학, 통계학 등 관련 전공 학사 이상", []string{}, []string{"Computer Engineering", "Statistics"}},
		{"BS in Computer Science or related field", []string{}, []string{"Computer Science"}},
		{"MS or PhD in Statistics, Mathematics, or a related field", []string{}, []string{"Statistics", "Mathematics"}},
		{"통계/수학 관련 학과 졸업자", []string{}, []string{"Statistics", "Mathematics"}},
		{"컴퓨터 비전 관련 분야 박사 학위 소지자", []string{"r:Computer Vision"}, nil},
		{"A Computer Science degree and Java experience", []string{"r:Java"}, []string{"Computer Science"}},
		// The same word outside a degree line is a skill.
		{"통계 분석 경험", []string{"r:Statistics"}, nil},
		{"Strong statistics background and experience with Python", []string{"r:Statistics", "r:Python"}, nil},
		// A skill said not to be needed.
		{"Kotlin 경험이 없어도 괜찮습니다", []string{}, nil},
		{"Prior experience with Rust is not required", []string{}, nil},
	} {
		heading := "자격요건"
		if !hasHangul(tc.line) {
			heading = "Requirements"
		}
		r := a.Analyze("Title\n" + heading + "\n• " + tc.line + "\n")
		if got := groupsOf(r.Groups); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: groups %q, want %q", tc.line, got, tc.want)
		}
		if !reflect.DeepEqual(r.Majors, tc.majors) && (len(r.Majors) > 0 || len(tc.majors) > 0) {
			t.Errorf("%q: majors %q, want %q", tc.line, r.Majors, tc.majors)
		}
		for _, g := range r.Groups {
			if line := "• " + tc.line; r.Groups[0].Span.End-g.Span.Start != len(line) {
				t.Errorf("%q: group span %v is not the line's", tc.line, g.Span)
			}
		}
	}
}

// Groups come from 자격요건 and 우대사항 only; a Korean posting's majors are no skills; the
// whole pipeline (AnalyzePosting) keeps the groups, never nil.
func TestGroupsOfAPosting(t *testing.T) {
	a := builtinAnalyzer(t)
	p := &jobs.Posting{Title: "데이터 사이언티스트", Sections: jobs.Sections{
		MainTasks:    "• Python과 SQL로 데이터 파이프라인 운영",
		Requirements: "• 생물정보학, 컴퓨터공학 또는 통계학 석사 이상\n• R 또는 Python을 이용한 통계 분석 경험",
		Preferred:    "• Spark나 Hadoop 등 분산 처리 경험",
	}}
	an := a.AnalyzePosting(p)
	want := []string{"r:R|Python", "r:Statistics", "p:Spark|Hadoop|Distributed Computing"}
	if got := groupsOf(an.Groups); !reflect.DeepEqual(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
	for _, s := range an.Skills {
		if s.Skill == "Bioinformatics" || s.Skill == "Computer Engineering" {
			t.Errorf("the major %s is a skill of a Korean posting", s.Skill)
		}
	}
	empty := a.AnalyzePosting(&jobs.Posting{Title: "x", Sections: jobs.Sections{Intro: "Python"}})
	if empty.Groups == nil || len(empty.Groups) != 0 {
		t.Errorf("a posting without requirements: groups %#v, want empty and not nil", empty.Groups)
	}
}

// A score counts groups: any alternative meets one, a narrower skill meets a category, and
// majors are never missing.
func TestScoreOnGroups(t *testing.T) {
	a := builtinAnalyzer(t)
	d := a.Dictionary()
	prof, _ := d.PrepareProfile(jobs.Profile{Skills: []string{"Python", "Microsoft Azure", "Docker"}})
	an := a.Analyze("ML Engineer\n자격요건\n• Python 또는 R을 이용한 모델링 경험\n• AWS, GCP 등 클라우드 서비스 경험\n" +
		"• Docker와 Kubernetes 실무 경험\n• 경영학, 통계학 등 관련 전공자\n우대사항\n• Spark 혹은 Flink\n")
	m := d.Explain(prof, &an.Analysis)
	// Required: Python|R met, AWS|GCP(|Cloud) met through Azure's broader Cloud Computing only
	// when the category is named; here it is not, so unmet; Docker met, Kubernetes not.
	if m.Required != 4 {
		t.Fatalf("required groups %d, want 4: %q", m.Required, groupsOf(an.Groups))
	}
	wantMissing := []string{"Amazon Web Services", "Google Cloud Platform", "Kubernetes"}
	if !reflect.DeepEqual(m.Missing, wantMissing) {
		t.Errorf("missing %q, want %q", m.Missing, wantMissing)
	}
	for _, s := range m.Missing {
		if s == "R" || s == "Statistics" || s == "Business Administration" {
			t.Errorf("%s is missing: a met alternative or a major", s)
		}
	}
	if len(m.MissingGroups) != 2 || len(m.MissingGroups[0]) != 2 {
		t.Errorf("missing groups %q", m.MissingGroups)
	}
	// A category named with its examples is met by a narrower skill the profile has.
	an = a.Analyze("x\n자격요건\n• MySQL, PostgreSQL 등 RDBMS 경험\n")
	prof, _ = d.PrepareProfile(jobs.Profile{Skills: []string{"Oracle Database"}})
	if m := d.Score(prof, &an.Analysis); len(m.Missing) != 0 || m.Score != 1 {
		t.Errorf("Oracle meets an RDBMS group: missing %q, score %v", m.Missing, m.Score)
	}
	// Without groups (an analysis stored before them), every skill is its own requirement.
	plain := &jobs.Analysis{Skills: []jobs.Requirement{{Skill: "Python", Section: jobs.SectionRequired}, {Skill: "R", Section: jobs.SectionRequired}}}
	prof, _ = d.PrepareProfile(jobs.Profile{Skills: []string{"Python"}})
	if m := d.Score(prof, plain); !reflect.DeepEqual(m.Missing, []string{"R"}) || m.Required != 2 {
		t.Errorf("plain analysis: missing %q of %d", m.Missing, m.Required)
	}
}

// Gaps and plans work on groups: a posting with one unmet group is unlocked by any of its
// alternatives, and a plan never proposes a skill whose every group is met.
func TestGapsAndPlanOnGroups(t *testing.T) {
	a := builtinAnalyzer(t)
	d := a.Dictionary()
	prof, _ := d.PrepareProfile(jobs.Profile{Skills: []string{"Python", "PyTorch"}})
	texts := []string{
		"a\n자격요건\n• Python 또는 R을 이용한 모델링 경험\n• Docker 실무 경험\n",
		"b\n자격요건\n• PyTorch 또는 TensorFlow\n• 통계학, 경제학 등 관련 전공 학사 이상\n• SQL 능숙자\n",
		"c\n자격요건\n• Spark 혹은 Flink 경험\n",
	}
	var items []Scored
	for i, text := range texts {
		r := a.Analyze(text)
		items = append(items, Scored{Posting: &jobs.Posting{ID: int64(i + 1)}, Match: d.Score(prof, &r.Analysis)})
	}
	gaps := Gaps(items)
	got := map[string]Gap{}
	for _, g := range gaps {
		got[g.Skill] = g
		if g.Skill == "R" || g.Skill == "TensorFlow" || g.Skill == "Statistics" || g.Skill == "Economics" {
			t.Errorf("gap %s: a met alternative or a major", g.Skill)
		}
	}
	for _, s := range []string{"Docker", "SQL", "Spark", "Flink"} {
		if got[s].Unlocks != 1 || got[s].Required != 1 {
			t.Errorf("gap %s: %+v, want unlocks 1, required 1", s, got[s])
		}
	}
	plan := BestPlan(items, 4, d.Broader)
	var steps []string
	for _, s := range plan {
		steps = append(steps, fmt.Sprintf("%s:%d", s.Skill, s.Cumulative))
	}
	if len(plan) != 3 || plan[2].Cumulative != 3 {
		t.Errorf("plan %q, want three steps completing all three postings", steps)
	}
	learned := map[string]bool{}
	for _, s := range plan {
		learned[s.Skill] = true
	}
	if learned["Spark"] && learned["Flink"] {
		t.Errorf("plan %q learns both alternatives of one group", steps)
	}
}

// Learning a skill meets a group that names a broader one.
func TestPlanMeetsBroader(t *testing.T) {
	items := []Scored{{Posting: &jobs.Posting{ID: 1}, Match: jobs.Match{MissingGroups: [][]string{{"Java"}, {"Spring Boot"}}, Missing: []string{"Java", "Spring Boot"}}}}
	broader := func(s string) []string {
		if s == "Spring Boot" {
			return []string{"Spring", "Java"}
		}
		return nil
	}
	plan := BestPlan(items, 2, broader)
	if len(plan) != 1 || plan[0].Skill != "Spring Boot" || plan[0].Cumulative != 1 {
		t.Errorf("plan %+v, want Spring Boot alone to complete the posting", plan)
	}
}

func TestFitMajor(t *testing.T) {
	a := builtinAnalyzer(t)
	d := a.Dictionary()
	r := a.Analyze("x\n자격요건\n• 컴퓨터공학, 통계학 등 관련 전공 학사 이상\n")
	for _, tc := range []struct {
		major string
		want  MajorFit
	}{
		{"컴퓨터공학과", MajorListed},
		{"Computer Engineering", MajorListed},
		{"경영학", MajorClose}, // "관련 전공": the employer's call
		{"", MajorUnstated},
	} {
		if got := d.FitMajor(tc.major, &r.Analysis); got != tc.want {
			t.Errorf("major %q: %q, want %q", tc.major, got, tc.want)
		}
	}
	r = a.Analyze("x\nRequirements\n• BS in Computer Science\n")
	if got := d.FitMajor("Physics", &r.Analysis); got != MajorUnlisted {
		t.Errorf("Physics for a CS degree: %q", got)
	}
	if got := d.FitMajor("Computer Science", &r.Analysis); got != MajorListed {
		t.Errorf("CS for a CS degree: %q", got)
	}
}

func TestRoles(t *testing.T) {
	r, err := BuiltinRoles()
	if err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]string{
		"ML engineer": "ML Engineer", "머신러닝 엔지니어": "ML Engineer", "AI 엔지니어": "ML Engineer",
		"data scientist": "Data Scientist", "데이터 과학자": "Data Scientist", "데이터 분석가": "Data Analyst",
		"백엔드": "Backend Engineer", "back-end": "Backend Engineer", "SRE": "DevOps Engineer", "mlops": "MLOps Engineer",
	} {
		role, ok := r.Lookup(word)
		if !ok || role.Name != want {
			t.Errorf("%q: %q, want %q", word, role.Name, want)
		}
	}
	if _, ok := r.Lookup("pastry chef"); ok {
		t.Error("an unknown role was found")
	}
	if _, err := LoadRoles([]byte("version: 1\nroles:\n  - {name: A, aliases: [x], titles: [a]}\n  - {name: B, aliases: [X], titles: [b]}\n")); err == nil {
		t.Error("an alias naming two roles was accepted")
	}
}
