package target

import (
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// rulesYAML is the targets section of cmd/jobs's targetsYAML.
const rulesYAML = `
roles:
  - name: ML
    titles: [ML, AI, 머신러닝]
    categories: [1634]
  - {name: data, titles: [데이터 엔지니어], categories: [1024]}
  - Backend
locations: [서울, remote]
employment_types: [정규직]
years: {max: 2}
exclude_companies: [전 직장]
exclude_title_words: [senior]
`

func TestTargetRules(t *testing.T) {
	var cfg Config
	if err := yaml.Unmarshal([]byte(rulesYAML), &cfg); err != nil {
		t.Fatal(err)
	}
	known, err := matcher.BuiltinRoles()
	if err != nil {
		t.Fatal(err)
	}
	rules := New(cfg, known)
	if !rules.Any() {
		t.Fatal("the targets are not set")
	}
	for _, tc := range []struct {
		name  string
		group []*jobs.Posting
		want  []string // the keys of the rules that leave it out
	}{
		{"a role word", []*jobs.Posting{{Title: "ML Engineer (신입)", Location: "서울"}}, nil},
		{"a role category", []*jobs.Posting{{Title: "연구원", Categories: []int{518, 1634}, Location: "서울"}}, nil},
		{"a Korean role word inside a longer word", []*jobs.Posting{{Title: "빅데이터 엔지니어링팀 데이터 엔지니어", Location: "서울"}}, nil},
		{"a Latin word inside a longer word", []*jobs.Posting{{Title: "HTML Publisher", Location: "서울"}}, []string{"targets.roles"}},
		{"remote passes the location", []*jobs.Posting{{Title: "AI Engineer", Location: "부산", Remote: true}}, nil},
		{"no location stated", []*jobs.Posting{{Title: "AI Engineer"}}, nil},
		{"years from the source's career range", []*jobs.Posting{{Title: "Backend", Location: "서울", Career: &jobs.Career{Min: 3}}}, []string{"targets.years.max"}},
		{"years unknown", []*jobs.Posting{{Title: "Backend", Location: "서울"}}, nil},
		{"another employment type",
			[]*jobs.Posting{{Title: "ML", Location: "서울", EmploymentType: "contract"}}, []string{"targets.employment_types"}},
		{"Wanted's word for 정규직", []*jobs.Posting{{Title: "ML", Location: "서울", EmploymentType: "regular"}}, nil},
		{"a blocked word, any case", []*jobs.Posting{{Title: "SENIOR ML Engineer", Location: "서울"}}, []string{"targets.exclude_title_words"}},
		{"a blocked company, legal marks aside", []*jobs.Posting{{Title: "ML", Company: "전직장 주식회사", Location: "서울"}}, []string{"targets.exclude_companies"}},
		{"several rules at once", []*jobs.Posting{{Title: "Designer", Location: "대전", Career: &jobs.Career{Min: 4}}},
			[]string{"targets.roles", "targets.locations", "targets.years.max"}},
		{"another sighting passes what the first fails", []*jobs.Posting{
			{Title: "연구원", Location: "대전"},
			{Title: "연구원", Location: "서울", Categories: []int{1634}},
		}, nil},
		{"a blocklist catches any sighting", []*jobs.Posting{
			{Title: "ML Engineer", Location: "서울"},
			{Title: "ML Engineer (Senior)", Location: "서울"},
		}, []string{"targets.exclude_title_words"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var keys []string
			for _, r := range rules.Check(tc.group) {
				keys = append(keys, r.Key)
			}
			if !reflect.DeepEqual(keys, tc.want) {
				t.Errorf("rules %q, want %q", rules.Check(tc.group), tc.want)
			}
		})
	}
	if r, out := rules.CheckScore(0.1, nil); out {
		t.Errorf("no min_score set, yet %q", r)
	}
	flag := 0.5
	if r, out := rules.CheckScore(0.4, &flag); !out || r.Key != "--min-score" || !strings.Contains(r.Text, "--min-score") {
		t.Errorf("flag rule %q", r)
	}
}

func TestHasWord(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{"ml engineer", "ml", true},
		{"html publisher", "ml", false},
		{"ml엔지니어 (신입)", "ml", true},
		{"[ml] 엔지니어", "ml", true},
		{"mlops engineer", "ml", false},
		{"senior/lead", "lead", true},
		{"leader", "lead", false},
		{"데이터분석가", "데이터", true},
		{"c++ developer", "c++", true},
		{"abc++ x", "c++", false},
		{"", "ml", false},
		{"ml", "", false},
		{"xml ml", "ml", true},
	} {
		if got := hasWord(tc.text, tc.word); got != tc.want {
			t.Errorf("hasWord(%q, %q) = %v", tc.text, tc.word, got)
		}
	}
}
