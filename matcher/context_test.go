package matcher

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/synth"
)

// evidenceText returns, per skill, the text of each evidence span.
func evidenceText(text string, r *Result) map[string][]string {
	out := map[string][]string{}
	for _, s := range r.Skills {
		for _, e := range s.Evidence {
			out[s.Skill] = append(out[s.Skill], text[e.Start:e.End])
		}
	}
	return out
}

// A skill inside a job name counts only when nothing else names it.
func TestRoleNames(t *testing.T) {
	a := builtinAnalyzer(t)
	for _, tc := range []struct {
		text string
		want map[string][]string
	}{
		{"Senior Java Software Engineer\nRequirements\n• Java 11 or later\n",
			map[string][]string{"Java": {"Java"}}},
		{"Software Engineer - Java\nRequirements\n• Java and Spring Boot\n",
			map[string][]string{"Java": {"Java"}, "Spring Boot": {"Spring Boot"}}},
		{"Senior Distributed Systems Engineer ( Java )\nRequirements\n• Python\n",
			map[string][]string{"Distributed Systems": {"Distributed Systems"}, "Java": {"Java )"}, "Python": {"Python"}}},
		{"Unity Gameplay Programmer\nAs a Unity Gameplay Programmer you will be:\nRequirements\n• Unity3D and C#\n",
			map[string][]string{"Unity": {"Unity3D"}, "C#": {"C#"}}},
		{"Our frontend developers work with UX designers.\nRequirements\n• Strong UX skills\n",
			map[string][]string{"User Experience Design": {"UX"}}},
		{"Role:\nDevOps\nRequirements\n• DevOps culture\n",
			map[string][]string{"DevOps": {"DevOps"}}},
		// Named only as a role: the role is its evidence.
		{"BI Developer\nJob description\nBuild reports.\n",
			map[string][]string{"Business Intelligence": {"BI"}}},
		// A Korean role noun after a Latin name is Korean text: the skill counts.
		{"자격요건\n• Java 개발자로 3년 이상 근무\n",
			map[string][]string{"Java": {"Java"}}},
	} {
		got := evidenceText(tc.text, a.Analyze(tc.text))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// Spans cover what belongs to a name and nothing more.
func TestSpans(t *testing.T) {
	a := builtinAnalyzer(t)
	for _, tc := range []struct {
		text string
		want map[string][]string
	}{
		{"Continuous Integration ( CI ) exposure", map[string][]string{"CI/CD": {"Continuous Integration ( CI )"}}},
		{"Experience with TDD (test driven development)", map[string][]string{"Test-Driven Development": {"TDD (test driven development)"}}},
		{"Strong skillset with Java ( version 8 or higher ) and ideally Spring Boot",
			map[string][]string{"Java": {"Java ( version 8 or higher )"}, "Spring Boot": {"Spring Boot"}}},
		{"point-of-sales ( POS ) systems", map[string][]string{"Point of Sale": {"point-of-sales ( POS )"}}},
		// Different skills in brackets keep their own spans.
		{"T-SQL ( MS SQL Server ) knowledge", map[string][]string{"T-SQL": {"T-SQL"}, "SQL Server": {"MS SQL Server )"}}},
		{"Python (Pandas, NumPy)", map[string][]string{"Python": {"Python"}, "Pandas": {"Pandas"}, "NumPy": {"NumPy"}}},
		// A list closed by a bracket: the bracket ends the last item's span.
		{"( e.g . Ansible Puppet Terraform ) tools", map[string][]string{"Ansible": {"Ansible"}, "Puppet": {"Puppet"}, "Terraform": {"Terraform )"}}},
		// A method's head noun belongs to it; a product's does not.
		{"Experience with Infrastructure as Code tools", map[string][]string{"Infrastructure as Code": {"Infrastructure as Code tools"}}},
		{"used Docker containers", map[string][]string{"Docker": {"Docker"}}},
		{"work on ETL pipelines", map[string][]string{"ETL": {"ETL"}}},
		{"Fluent English; German language is a plus", map[string][]string{"English": {"English"}, "German": {"German"}}},
	} {
		text := "Requirements\n" + tc.text + "\n"
		got := evidenceText(text, a.Analyze(text))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

// Industries, spoken languages and fields of study are read in the requirement sections of
// global postings (and in industry fields), never in Korean-market postings.
func TestContextKinds(t *testing.T) {
	a := builtinAnalyzer(t)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Backend Engineer\nAbout us\nWe build payment software for banks in Berlin.\nRequirements\n• BS degree in Computer Science\n• Fluent English\n• E-commerce experience\n",
			[]string{"Bachelor's Degree", "Computer Science", "English", "E-commerce"}},
		// The same posting for Seoul: none of them.
		{"Backend Engineer\nAbout us\nWe build payment software for banks in Seoul.\nRequirements\n• BS degree in Computer Science\n• Fluent English\n• E-commerce experience\n",
			nil},
		{"백엔드 개발자\n자격요건\n• 컴퓨터공학 전공 학사 이상\n• Fluent English\n", nil},
		// Outside requirements, a global posting's industries describe the employer.
		{"About us\nWe serve Financial Services and E-commerce clients.\n", nil},
		{"Industry:\nFinancial Services E-commerce\nJob description\nWe serve banks.\n", []string{"Financial Services", "E-commerce"}},
		{"Industry: Gaming Mobile Games\n", []string{"Gaming", "Mobile Games"}},
		{"Nice to have\n• German or Japanese is a plus\n", []string{"German", "Japanese"}},
		// Korea named in an English posting makes it a Korean-market posting.
		{"About us\nOur team in Korea.\nNice to have\n• Japanese is a plus\n", nil},
	} {
		var got []string
		for _, s := range a.Analyze(tc.text).Skills {
			got = append(got, s.Skill)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestKoreanMarket(t *testing.T) {
	for text, want := range map[string]bool{
		"we are in seoul":             true,
		"salary 50,000,000 krw":       true,
		"our korea office":            true,
		"파이썬":                         true,
		"koreanair is a customer":     false,
		"we are in berlin":            false,
		"unseoulful is not a word":    false,
		"the won is korea's currency": true,
	} {
		if got := koreanMarket(text); got != want {
			t.Errorf("koreanMarket(%q) = %v, want %v", text, got, want)
		}
	}
}

// A line that ends in a colon introduces a list: the part it names lasts while the items do.
func TestColonHeadings(t *testing.T) {
	a := builtinAnalyzer(t)
	text := strings.Join([]string{
		"Software Engineer",
		"Job description",
		"You will build services in Kotlin.",
		"This role requires a wide variety of strengths and capabilities including:",
		"* Java and Spring Boot",
		"* BS/BA degree or equivalent experience",
		"Our company is a global leader in financial services providing strategic advice to the world's most prominent corporations.",
		"We use Kafka everywhere.",
		"Nice to have skills:",
		"* Scala",
		"Job benefits:",
		"* Free Python courses",
	}, "\n")
	got := map[string]jobs.Section{}
	for _, s := range a.Analyze(text).Skills {
		got[s.Skill] = s.Section
	}
	want := map[string]jobs.Section{
		"Kotlin": "other", "Java": "required", "Spring Boot": "required", "Bachelor's Degree": "required",
		"Kafka": "other", "Scala": "preferred",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	for _, tc := range []struct {
		line string
		part part
		ok   bool
	}{
		{"Skills & Requirements", partRequired, true},
		{"What we ask for", partRequired, true},
		{"Major pluses:", partPreferred, true},
		{"Job benefits: -", partIgnored, true},
		{"Company description:", partOther, true},
		{"What you'll need to succeed:", partRequired, true},
		{"Perks we offer:", partIgnored, true},
		{"• Java, Kotlin or Scala:", 0, false},
		{"You will work closely with the team on our platform and services every day:", partOther, true},
		{"자격요건", partRequired, true},
		{"Python 경험:", 0, false},
	} {
		p, _, ok := headingOf(tc.line)
		if ok != tc.ok || ok && p != tc.part {
			t.Errorf("headingOf(%q) = %v, %v; want %v, %v", tc.line, p, ok, tc.part, tc.ok)
		}
	}
}

// The quick tests before the years and degree rules never skip a line the rules would read.
func TestPrefiltersNeverSkip(t *testing.T) {
	a := builtinAnalyzer(t)
	var lines []string
	for _, p := range synthPostings(t) {
		lines = append(lines, strings.Split(Compose(p), "\n")...)
	}
	lines = append(lines, "At least five years of experience", "3+ yrs in Go", "경력 무관", "신입 지원 가능",
		"Junior developers welcome", "entry-level role", "BS/BA degree", "B.S. in CS", "M. Sc in statistics",
		"MSc or PhD", "학사 이상", "4년제 대졸", "박사 우대", "Ph.D. in physics", "Master's in math",
		"Bachelor's degree or equivalent", "컴퓨터공학 전공자", "MBA", "BSc", "degree not required")
	_ = a
	years, degree := 0, 0
	for _, l := range lines {
		f := Normalize(l).Folded
		if !mayStateYears(f) {
			if mn, mx := yearsIn([]string{f}); mn != nil || mx != nil {
				t.Errorf("years prefilter skipped %q", l)
			}
		} else {
			years++
		}
		if !mayStateDegree(f) {
			if d, m := degreeIn([]string{l}, []string{f}); d != jobs.DegreeNone || m != "" {
				t.Errorf("degree prefilter skipped %q", l)
			}
		} else {
			degree++
		}
	}
	if years == 0 || degree == 0 || years == len(lines) || degree == len(lines) {
		t.Errorf("prefilters pass %d and %d of %d lines: they should pass some and skip some", years, degree, len(lines))
	}
}

// quickNFKC only ever says yes to text that is NFKC.
func TestQuickNFKC(t *testing.T) {
	for _, s := range []string{
		"Python을 능숙하게 • 3년 이상 · 경력 — “우대” → 합격", "plain ASCII", "■ 우대사항", "",
		"ＰＹＴＨＯＮ", "ﬁle", "①", "Ⅳ", "…", "ｶﾀｶﾅ", "e\u0301", "\u1100\u1161",
	} {
		if quickNFKC(s) && !norm.NFKC.IsNormalString(s) {
			t.Errorf("quickNFKC(%q) but it is not NFKC", s)
		}
	}
	for r := rune(0); r <= 0xFFFF; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if quickNFKC(s) && !norm.NFKC.IsNormalString(s) {
			t.Errorf("quickNFKC(%U)", r)
		}
	}
}

func synthPostings(t *testing.T) []*jobs.Posting {
	t.Helper()
	return synth.Postings(300, 7)
}

func TestVersionNote(t *testing.T) {
	for s, want := range map[string]bool{
		"version 8 or higher": true, "8+": true, "v3": true, "3.x or later": true, "17": true,
		"3년 이상": false, "2 years": false, "version": false, "e.g. 8": false, "preferred": false,
	} {
		if got := versionNote(s); got != want {
			t.Errorf("versionNote(%q) = %v, want %v", s, got, want)
		}
	}
}
