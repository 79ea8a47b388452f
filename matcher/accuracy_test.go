package matcher

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

// The accuracy regression tests score the built-in dictionary on labelled postings the way
// the acceptance scorers do, and fail when a number drops below its floor. Raise a floor when
// the matcher improves; never lower one to make a change pass.

type goldPosting struct {
	ID              int64  `json:"id"`
	Company         string `json:"company"`
	Position        string `json:"position"`
	Intro           string `json:"intro"`
	MainTasks       string `json:"main_tasks"`
	Requirements    string `json:"requirements"`
	PreferredPoints string `json:"preferred_points"`
	Benefits        string `json:"benefits"`
	HireRounds      string `json:"hire_rounds"`
	Gold            struct {
		Required  []string `json:"required"`
		Preferred []string `json:"preferred"`
		Other     []string `json:"other"`
		MinYears  *int     `json:"min_years"`
		MaxYears  *int     `json:"max_years"`
		Degree    *string  `json:"degree"`
	} `json:"gold"`
}

// vocabKey folds a skill name as the scorer does: lower case, no spaces, dashes, dots or
// underscores.
func vocabKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "", "-", "", "_", "", ".", "").Replace(s)
}

func loadVocab(t testing.TB) func(string) string {
	data, err := os.ReadFile("testdata/vocabulary.json")
	if err != nil {
		t.Fatal(err)
	}
	var v map[string][]string
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	table := map[string]string{}
	for canon, aliases := range v {
		for _, a := range append([]string{canon}, aliases...) {
			table[vocabKey(a)] = canon
		}
	}
	return func(s string) string {
		if c, ok := table[vocabKey(s)]; ok {
			return c
		}
		return strings.TrimSpace(s)
	}
}

type koScore struct {
	tp, fp, fn, secOK, secAll, yearsOK, degreeOK, n int
	errors                                          []string
}

func (s koScore) String() string {
	p := float64(s.tp) / float64(max(1, s.tp+s.fp))
	r := float64(s.tp) / float64(max(1, s.tp+s.fn))
	return fmt.Sprintf("skills P %.3f R %.3f, section %.3f, years %.3f, degree %.3f over %d postings",
		p, r, float64(s.secOK)/float64(max(1, s.secAll)), float64(s.yearsOK)/float64(max(1, s.n)),
		float64(s.degreeOK)/float64(max(1, s.n)), s.n)
}

func scoreKorean(t testing.TB, a *Analyzer, file string) koScore {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var posts []goldPosting
	if err := json.Unmarshal(data, &posts); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	canon := loadVocab(t)
	var s koScore
	for _, gp := range posts {
		p := &jobs.Posting{Title: gp.Position, Sections: jobs.Sections{Intro: gp.Intro, MainTasks: gp.MainTasks,
			Requirements: gp.Requirements, Preferred: gp.PreferredPoints, Benefits: gp.Benefits, HireRounds: gp.HireRounds}}
		res := a.Analyze(Compose(p))
		got := map[string]string{}
		for _, sk := range res.Skills {
			got[canon(sk.Skill)] = string(sk.Section)
		}
		gold := map[string]string{}
		for _, sec := range []struct {
			name  string
			names []string
		}{{"other", gp.Gold.Other}, {"preferred", gp.Gold.Preferred}, {"required", gp.Gold.Required}} {
			for _, n := range sec.names {
				gold[canon(n)] = sec.name
			}
		}
		for k, v := range got {
			if g, ok := gold[k]; ok {
				s.tp++
				s.secAll++
				if g == v {
					s.secOK++
				} else {
					s.errors = append(s.errors, fmt.Sprintf("%d: %s is %s, said %s", gp.ID, k, g, v))
				}
			} else {
				s.fp++
				s.errors = append(s.errors, fmt.Sprintf("%d: extra %s", gp.ID, k))
			}
		}
		for k := range gold {
			if _, ok := got[k]; !ok {
				s.fn++
				s.errors = append(s.errors, fmt.Sprintf("%d: missed %s", gp.ID, k))
			}
		}
		if eqInt(res.MinYears, gp.Gold.MinYears) && eqInt(res.MaxYears, gp.Gold.MaxYears) {
			s.yearsOK++
		} else {
			s.errors = append(s.errors, fmt.Sprintf("%d: years %v-%v, said %v-%v", gp.ID, deref(gp.Gold.MinYears), deref(gp.Gold.MaxYears), deref(res.MinYears), deref(res.MaxYears)))
		}
		wantDeg := ""
		if gp.Gold.Degree != nil {
			wantDeg = *gp.Gold.Degree
		}
		if string(res.Degree) == wantDeg {
			s.degreeOK++
		} else {
			s.errors = append(s.errors, fmt.Sprintf("%d: degree %q, said %q", gp.ID, wantDeg, res.Degree))
		}
		s.n++
	}
	sort.Strings(s.errors)
	return s
}

func eqInt(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func builtinAnalyzer(t testing.TB) *Analyzer {
	d, err := Builtin(Extension{})
	if err != nil {
		t.Fatal(err)
	}
	return New(d)
}

func TestKoreanAccuracy(t *testing.T) {
	a := builtinAnalyzer(t)
	for _, file := range []string{"testdata/wanted_postings.json", "testdata/ko_postings.json"} {
		s := scoreKorean(t, a, file)
		t.Logf("%s: %s", file, s)
		for _, e := range s.errors {
			t.Logf("  %s", e)
		}
		p := float64(s.tp) / float64(max(1, s.tp+s.fp))
		r := float64(s.tp) / float64(max(1, s.tp+s.fn))
		sec := float64(s.secOK) / float64(max(1, s.secAll))
		yrs := float64(s.yearsOK) / float64(s.n)
		deg := float64(s.degreeOK) / float64(s.n)
		for _, c := range []struct {
			name       string
			got, floor float64
		}{{"precision", p, koFloors.precision}, {"recall", r, koFloors.recall}, {"section", sec, koFloors.section},
			{"years", yrs, koFloors.years}, {"degree", deg, koFloors.degree}} {
			if c.got < c.floor {
				t.Errorf("%s: %s %.3f fell below its floor %.3f", file, c.name, c.got, c.floor)
			}
		}
	}
}

// koFloors are the least each Korean measure may score on every committed set.
var koFloors = struct{ precision, recall, section, years, degree float64 }{0.95, 0.95, 0.95, 0.95, 0.95}

// SkillSpan: strict span F1 of knowledge spans, computed as shared/eval/skillspan_eval.py does.

type skillspanRow struct {
	Idx       int      `json:"idx"`
	Sentences []string `json:"sentences"`
	Knowledge [][]any  `json:"knowledge"`
}

func skillspanStrict(t testing.TB, a *Analyzer) (p, r, f float64) {
	fh, err := os.Open("testdata/skillspan_tech.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	var tp, npred, ngold int
	for sc.Scan() {
		var row skillspanRow
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		dropped := map[int]bool{}
		for i, s := range row.Sentences {
			if strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ":")) == "Technologies" {
				dropped[i] = true
				if i+1 < len(row.Sentences) && isTagLine(row.Sentences[i+1]) {
					dropped[i+1] = true
				}
			}
		}
		type tok struct{ start, end, sent, idx int }
		var toks []tok
		var b strings.Builder
		for i, s := range row.Sentences {
			if dropped[i] {
				continue
			}
			for j, w := range strings.Split(s, " ") {
				if j > 0 {
					b.WriteByte(' ')
				}
				toks = append(toks, tok{b.Len(), b.Len() + len(w), i, j})
				b.WriteString(w)
			}
			b.WriteByte('\n')
		}
		gold := map[[3]int]bool{}
		for _, k := range row.Knowledge {
			s, t0, t1 := int(k[0].(float64)), int(k[1].(float64)), int(k[2].(float64))
			if !dropped[s] {
				gold[[3]int{s, t0, t1}] = true
			}
		}
		ngold += len(gold)
		preds := map[[3]int]bool{}
		res := a.Analyze(b.String())
		for _, sk := range res.Skills {
			for _, e := range sk.Evidence {
				var cover []tok
				for _, tk := range toks {
					if tk.start < e.End && tk.end > e.Start {
						cover = append(cover, tk)
					}
				}
				if len(cover) == 0 || cover[0].sent != cover[len(cover)-1].sent {
					preds[[3]int{-1, e.Start, e.End}] = true
					continue
				}
				preds[[3]int{cover[0].sent, cover[0].idx, cover[len(cover)-1].idx + 1}] = true
			}
		}
		npred += len(preds)
		for k := range preds {
			if gold[k] {
				tp++
			}
		}
	}
	p = float64(tp) / float64(max(1, npred))
	r = float64(tp) / float64(max(1, ngold))
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

func isTagLine(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.ContainsRune("#+.- ", c)) {
			return false
		}
	}
	return true
}

// skillspanFloor is the least strict span F1 the dictionary may score on the committed half.
const skillspanFloor = 0.40

func TestSkillSpanAccuracy(t *testing.T) {
	a := builtinAnalyzer(t)
	p, r, f := skillspanStrict(t, a)
	t.Logf("SkillSpan TECH knowledge strict P %.3f R %.3f F1 %.3f", p, r, f)
	if f < skillspanFloor {
		t.Errorf("strict F1 %.3f fell below its floor %.2f", f, skillspanFloor)
	}
}
