package matcher

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/jobs-cli/jobs"
)

// planItem is a scored posting that misses these required skills.
func planItem(id int64, missing ...string) Scored {
	return Scored{Posting: &jobs.Posting{ID: id}, Match: jobs.Match{Missing: missing}}
}

// stepsOf keeps what a test compares of a plan: skill, unlocks, cumulative and postings.
func stepsOf(steps []Step) []string {
	out := []string{}
	for _, s := range steps {
		out = append(out, fmt.Sprintf("%s %d %d %v", s.Skill, s.Unlocks, s.Cumulative, s.Postings))
	}
	return out
}

func TestPlansWhereTheAnswerIsKnown(t *testing.T) {
	withPreferred := []Scored{planItem(1, "Go"), planItem(2, "Rust")}
	withPreferred[0].Match.MissingPreferred = []string{"Rust"}
	for _, tc := range []struct {
		name   string
		items  []Scored
		n      int
		greedy []string
		best   []string
	}{
		{
			name:   "a tie on completions goes to the skill more postings require",
			items:  []Scored{planItem(1, "Docker"), planItem(2, "Airflow"), planItem(3, "Airflow", "Spark"), planItem(4, "Kafka")},
			n:      3,
			greedy: []string{"Airflow 1 1 [2]", "Docker 1 2 [1]", "Kafka 1 3 [4]"},
			best:   []string{"Airflow 1 1 [2]", "Docker 1 2 [1]", "Kafka 1 3 [4]"},
		},
		{
			name:   "a full tie goes by name",
			items:  []Scored{planItem(1, "Scala"), planItem(2, "Go")},
			n:      2,
			greedy: []string{"Go 1 1 [2]", "Scala 1 2 [1]"},
			best:   []string{"Go 1 1 [2]", "Scala 1 2 [1]"},
		},
		{
			name: "postings needing two skills: the pair beats the single skill",
			items: []Scored{planItem(1, "Airflow"), planItem(2, "Spark", "Scala"), planItem(3, "Scala", "Spark"),
				planItem(4, "Spark", "Scala")},
			n:      2,
			greedy: []string{"Airflow 1 1 [1]", "Scala 0 1 []"},
			best:   []string{"Scala 0 0 []", "Spark 3 3 [2 3 4]"},
		},
		{
			name:   "postings that miss nothing count from the start",
			items:  []Scored{planItem(1), planItem(2), planItem(3, "Docker"), planItem(4, "Docker", "Kubernetes")},
			n:      3,
			greedy: []string{"Docker 1 3 [3]", "Kubernetes 1 4 [4]"},
			best:   []string{"Docker 1 3 [3]", "Kubernetes 1 4 [4]"},
		},
		{
			name:   "preferred postings break a tie in the look-ahead plan",
			items:  withPreferred,
			n:      2,
			greedy: []string{"Go 1 1 [1]", "Rust 1 2 [2]"},
			best:   []string{"Rust 1 1 [2]", "Go 1 2 [1]"},
		},
		{
			name:   "nothing to learn",
			items:  []Scored{planItem(1), planItem(2)},
			n:      3,
			greedy: []string{},
			best:   []string{},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stepsOf(GreedyPlan(tc.items, tc.n, nil)); !reflect.DeepEqual(got, tc.greedy) {
				t.Errorf("greedy\n got %q\nwant %q", got, tc.greedy)
			}
			if got := stepsOf(BestPlan(tc.items, tc.n, nil)); !reflect.DeepEqual(got, tc.best) {
				t.Errorf("best\n got %q\nwant %q", got, tc.best)
			}
		})
	}
}

// covered counts the postings whose missing skills are all among learned.
func covered(items []Scored, learned map[string]bool) int {
	n := 0
	for _, it := range items {
		all := true
		for _, s := range it.Match.Missing {
			all = all && learned[s]
		}
		if all {
			n++
		}
	}
	return n
}

// optimum is the most postings any k skills of pool cover, by trying every choice.
func optimum(items []Scored, pool []string, k int) int {
	best := 0
	var try func(from int, learned map[string]bool, left int)
	try = func(from int, learned map[string]bool, left int) {
		best = max(best, covered(items, learned))
		if left == 0 {
			return
		}
		for i := from; i < len(pool); i++ {
			learned[pool[i]] = true
			try(i+1, learned, left-1)
			delete(learned, pool[i])
		}
	}
	try(0, map[string]bool{}, k)
	return best
}

// The contract: a plan covers at least as many postings as plain greedy. On random sets of
// postings the counts of every step are checked against a recount, and plans of one or two
// skills are checked against the best possible choice.
func TestBestPlanCoversAtLeastAsManyAsGreedy(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 2026))
	pool := []string{"Docker", "Airflow", "Spark", "Kafka", "Scala", "Go", "AWS"}
	beaten := 0
	for round := range 400 {
		items := make([]Scored, 2+rng.IntN(14))
		for i := range items {
			var missing []string
			for _, j := range rng.Perm(len(pool))[:rng.IntN(4)] {
				missing = append(missing, pool[j])
			}
			items[i] = planItem(int64(i+1), missing...)
			if rng.IntN(3) == 0 {
				items[i].Match.MissingPreferred = []string{pool[rng.IntN(len(pool))]}
			}
		}
		n := 1 + rng.IntN(4)
		greedy, best := GreedyPlan(items, n, nil), BestPlan(items, n, nil)
		if planCoverage(best) < planCoverage(greedy) {
			t.Fatalf("round %d: plan covers %d, greedy %d\n%q\n%q", round, planCoverage(best), planCoverage(greedy), stepsOf(best), stepsOf(greedy))
		}
		if planCoverage(best) > planCoverage(greedy) {
			beaten++
		}
		if len(best) > n {
			t.Fatalf("round %d: %d steps for n = %d", round, len(best), n)
		}
		learned := map[string]bool{}
		prev := covered(items, learned)
		for k, s := range best {
			if learned[s.Skill] {
				t.Fatalf("round %d: %s learned twice", round, s.Skill)
			}
			learned[s.Skill] = true
			now := covered(items, learned)
			if s.Cumulative != now || s.Unlocks != now-prev || len(s.Postings) != s.Unlocks {
				t.Fatalf("round %d step %d: %+v, recount %d (was %d)", round, k, s, now, prev)
			}
			prev = now
		}
		if n <= 2 && len(best) == n {
			if opt := optimum(items, pool, n); planCoverage(best) != opt {
				t.Fatalf("round %d: %d skills cover %d, the best choice covers %d\n%q", round, n, planCoverage(best), opt, stepsOf(best))
			}
		}
	}
	if beaten == 0 {
		t.Errorf("the look-ahead never beat plain greedy in 400 rounds")
	}
}

func TestExplainPlan(t *testing.T) {
	items := []Scored{planItem(1, "Spring Boot"), planItem(2, "Spring Boot", "Kafka"), planItem(3, "Kafka"), planItem(4)}
	items[0].Match.Partial = []string{"Spring Boot"}
	items[3].Match.MissingPreferred = []string{"Kafka"}
	got := ExplainPlan(items, BestPlan(items, 2, nil), nil)
	type row struct {
		Skill                                            string
		Unlocks, Cumulative, Required, Preferred, Closer int
		Partial                                          bool
	}
	var rows []row
	for _, s := range got {
		rows = append(rows, row{s.Skill, s.Unlocks, s.Cumulative, s.Required, s.Preferred, s.Closer, s.Partial})
	}
	want := []row{
		{"Kafka", 1, 2, 2, 1, 1, false},      // completes 3, brings 2 closer; 4 prefers it
		{"Spring Boot", 2, 4, 2, 0, 0, true}, // the profile has a relative of it in posting 1
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("explained\n got %+v\nwant %+v", rows, want)
	}
}

const relativesDict = `
version: 1
skills:
  - {name: Java, kind: language}
  - {name: Spring, kind: framework, broader: [Java]}
  - {name: Spring Boot, kind: framework, aliases: [스프링부트], broader: [Spring]}
  - {name: SQL, kind: language}
  - {name: MySQL, kind: database, broader: [SQL]}
  - {name: PostgreSQL, kind: database, aliases: [postgres], broader: [SQL]}
  - {name: Docker, kind: tool}
  - {name: Kubernetes, kind: tool}
`

func TestCloseRelatives(t *testing.T) {
	d, err := LoadDictionary([]byte(relativesDict), Extension{})
	if err != nil {
		t.Fatal(err)
	}
	prof, _ := d.PrepareProfile(jobs.Profile{Skills: []string{"Spring", "MySQL", "Docker"}})
	for _, tc := range []struct {
		skill string
		want  []string
	}{
		{"Spring Boot", []string{"Spring"}},
		{"스프링부트", []string{"Spring"}},
		{"PostgreSQL", []string{"MySQL"}},
		{"postgres", []string{"MySQL"}},
		{"Kubernetes", nil},
		{"Docker", nil},
		{"Terraform", nil},
	} {
		if got := d.CloseRelatives(prof, tc.skill); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("CloseRelatives(%q) = %q, want %q", tc.skill, got, tc.want)
		}
	}
	// They are exactly the relatives that earn partial credit in a score.
	for _, c := range d.Concepts() {
		if prof.Has(c.Name) {
			continue
		}
		m := d.Score(prof, &jobs.Analysis{Skills: []jobs.Requirement{{Skill: c.Name, Section: jobs.SectionRequired}}})
		if partial := len(m.Partial) > 0; partial != (len(d.CloseRelatives(prof, c.Name)) > 0) {
			t.Errorf("%s: partial in the score %v, close relatives %q", c.Name, partial, d.CloseRelatives(prof, c.Name))
		}
	}
}
