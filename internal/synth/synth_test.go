package synth

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// corpus is one shared corpus for the tests that measure shares and spreads.
var corpus = sync.OnceValue(func() []*jobs.Posting { return Postings(8000, 1) })

func encode(t *testing.T, ps []*jobs.Posting) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, ps); err != nil {
		t.Fatalf("WriteJSONL: %v", err)
	}
	return buf.Bytes()
}

func TestDeterminism(t *testing.T) {
	a := encode(t, Postings(400, 42))
	b := encode(t, Postings(400, 42))
	if !bytes.Equal(a, b) {
		t.Fatal("two corpora from seed 42 differ")
	}
	if c := encode(t, Postings(400, 43)); bytes.Equal(a, c) {
		t.Fatal("seeds 42 and 43 give the same corpus")
	}
	// A longer corpus starts with the shorter one: postings are made one after another.
	if long := encode(t, Postings(500, 42)); !bytes.HasPrefix(long, a) {
		t.Fatal("the first 400 of 500 postings differ from 400 postings of the same seed")
	}
	// Streaming with NewRand and Posting gives what Postings gives.
	r := NewRand(42)
	var buf bytes.Buffer
	enc := NewEncoder(&buf)
	for i := range 400 {
		if err := enc.Encode(Posting(r, i)); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(buf.Bytes(), a) {
		t.Fatal("streamed postings differ from Postings")
	}
}

func TestPostingsCount(t *testing.T) {
	for _, tt := range []struct{ n, want int }{{-3, 0}, {0, 0}, {1, 1}, {37, 37}, {1000, 1000}} {
		t.Run(strconv.Itoa(tt.n), func(t *testing.T) {
			ps := Postings(tt.n, 5)
			if len(ps) != tt.want {
				t.Fatalf("len = %d, want %d", len(ps), tt.want)
			}
			for i, p := range ps {
				if p == nil {
					t.Fatalf("posting %d is nil", i)
				}
			}
			if lines := bytes.Count(encode(t, ps), []byte("\n")); lines != tt.want {
				t.Fatalf("JSONL has %d lines, want %d", lines, tt.want)
			}
		})
	}
}

func TestUniqueIDs(t *testing.T) {
	ids := map[string]int{}
	urls := map[string]int{}
	for i, p := range corpus() {
		key := p.Source + "/" + p.SourceID
		if j, ok := ids[key]; ok {
			t.Fatalf("postings %d and %d share %s", j, i, key)
		}
		ids[key] = i
		if j, ok := urls[p.URL]; ok {
			t.Fatalf("postings %d and %d share the URL %s", j, i, p.URL)
		}
		urls[p.URL] = i
		if !strings.HasSuffix(p.URL, "/"+p.SourceID) {
			t.Errorf("posting %d: URL %s does not end in its id %s", i, p.URL, p.SourceID)
		}
	}
	// Lever ids are UUID-shaped and distinct for distinct numbers.
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	seen := map[string]bool{}
	for i := range 20000 {
		id := leverID(i)
		if !uuid.MatchString(id) {
			t.Fatalf("leverID(%d) = %q, not a UUID", i, id)
		}
		if seen[id] {
			t.Fatalf("leverID(%d) = %q repeats", i, id)
		}
		seen[id] = true
	}
}

var bulletLine = regexp.MustCompile(`^(• |- )\S`)

// bullets returns the lines of s, failing when one is not a bullet.
func bullets(t *testing.T, what, s string) []string {
	t.Helper()
	lines := strings.Split(s, "\n")
	for _, l := range lines {
		if !bulletLine.MatchString(l) {
			t.Errorf("%s: line %q is not a bullet", what, l)
		}
	}
	return lines
}

func TestSections(t *testing.T) {
	for i, p := range corpus() {
		what := fmt.Sprintf("posting %d (%s)", i, p.Source)
		s := p.Sections
		if strings.TrimSpace(s.Requirements) == "" {
			t.Fatalf("%s: empty requirements", what)
		}
		for _, c := range []struct {
			name     string
			text     string
			min, max int
		}{
			{"main_tasks", s.MainTasks, 3, 6},
			{"requirements", s.Requirements, 4, 7},
			{"preferred", s.Preferred, 2, 5},
			{"benefits", s.Benefits, 3, 5},
		} {
			if n := len(bullets(t, what+" "+c.name, c.text)); n < c.min || n > c.max {
				t.Errorf("%s: %d %s bullets, want %d-%d", what, n, c.name, c.min, c.max)
			}
		}
		if s.Intro == "" || strings.Contains(s.Intro, "\n") {
			t.Errorf("%s: intro %q is not one paragraph", what, s.Intro)
		}
		if n := strings.Count(s.Intro, ". ") + 1; n < 2 || n > 4 {
			t.Errorf("%s: intro has %d sentences, want 2-4: %q", what, n, s.Intro)
		}
		all := strings.Join([]string{p.Title, p.Company, s.Intro, s.MainTasks, s.Requirements, s.Preferred, s.Benefits, s.HireRounds}, "\n")
		if strings.ContainsAny(all, "{}") {
			t.Errorf("%s: an unfilled template slot: %q", what, all)
		}
		if p.Analysis != nil || !p.FirstSeen.IsZero() || !p.LastSeen.IsZero() || p.ClosedAt != nil || p.ID != 0 {
			t.Errorf("%s: sets a field the matcher or the store owns", what)
		}
		if p.Status != jobs.StatusOpen && p.Status != jobs.StatusClosed {
			t.Errorf("%s: status %q", what, p.Status)
		}
		if p.Company == "" || p.Title == "" || p.Location == "" || p.EmploymentType == "" {
			t.Errorf("%s: empty company, title, location or employment type", what)
		}
	}
}

func TestSources(t *testing.T) {
	count := map[string]int{}
	for i, p := range corpus() {
		count[p.Source]++
		what := fmt.Sprintf("posting %d (%s)", i, p.Source)
		text := p.Title + p.Sections.Intro + p.Sections.MainTasks + p.Sections.Requirements + p.Sections.Preferred + p.Sections.Benefits
		switch p.Source {
		case "wanted":
			if !hasHangul(p.Sections.Requirements) || !hasHangul(p.Sections.Intro) {
				t.Errorf("%s: Korean sections without Hangul", what)
			}
			if p.URL != "https://www.wanted.co.kr/wd/"+p.SourceID {
				t.Errorf("%s: URL %s", what, p.URL)
			}
			if len(p.Categories) < 2 || p.Categories[0] != 518 {
				t.Errorf("%s: categories %v, want 518 and a child", what, p.Categories)
			}
			if p.Career == nil {
				t.Errorf("%s: no career", what)
			}
			if p.Sections.HireRounds == "" {
				t.Errorf("%s: no hire rounds", what)
			}
		case "greenhouse", "lever":
			if hasHangul(text) || hasHangul(p.Company) || hasHangul(p.Location) {
				t.Errorf("%s: Hangul in an English posting: %q", what, text)
			}
			if p.Career != nil || p.Categories != nil || p.Sections.HireRounds != "" {
				t.Errorf("%s: Wanted-only fields set", what)
			}
			host := map[string]string{"greenhouse": "https://job-boards.greenhouse.io/", "lever": "https://jobs.lever.co/"}[p.Source]
			if !strings.HasPrefix(p.URL, host) {
				t.Errorf("%s: URL %s", what, p.URL)
			}
		default:
			t.Errorf("%s: unknown source", what)
		}
	}
	n := float64(len(corpus()))
	for _, c := range []struct {
		source   string
		low, top float64
	}{{"wanted", 0.83, 0.87}, {"greenhouse", 0.07, 0.11}, {"lever", 0.04, 0.08}} {
		if share := float64(count[c.source]) / n; share < c.low || share > c.top {
			t.Errorf("%s share %.3f, want %.2f-%.2f", c.source, share, c.low, c.top)
		}
	}
}

func TestShares(t *testing.T) {
	ps := corpus()
	var closed, due, remote int
	companies := map[string]bool{}
	for _, p := range ps {
		if p.Status == jobs.StatusClosed {
			closed++
		}
		if p.Due != nil {
			due++
			fs := firstSeen(p.Source, p.SourceID)
			if !p.Due.After(fs) || p.Due.Sub(fs) > 130*24*time.Hour {
				t.Errorf("%s/%s: due %s is not 2-17 weeks after first seen %s", p.Source, p.SourceID, p.Due, fs)
			}
		}
		if p.Remote {
			remote++
		}
		companies[p.Company] = true
	}
	n := float64(len(ps))
	for _, c := range []struct {
		name     string
		got      int
		low, top float64
	}{
		{"closed", closed, 0.08, 0.12},
		{"with a deadline", due, 0.37, 0.43},
		{"remote", remote, 0.04, 0.15},
	} {
		if share := float64(c.got) / n; share < c.low || share > c.top {
			t.Errorf("%s share %.3f, want %.2f-%.2f", c.name, share, c.low, c.top)
		}
	}
	if len(companies) < 300 || len(companies) > 400 {
		t.Errorf("%d companies, want 300-400 of the pool of 400", len(companies))
	}
}

func TestCompanyPools(t *testing.T) {
	if got := len(companiesKo) + len(companiesGreenhouse) + len(companiesLever); got != 400 {
		t.Fatalf("%d companies, want 400", got)
	}
	names := map[string]bool{}
	for _, c := range slices.Concat(companiesKo, companiesGreenhouse, companiesLever) {
		if names[c.name] {
			t.Errorf("company %q twice", c.name)
		}
		names[c.name] = true
	}
	for _, c := range companiesKo {
		// Intros put a particle after the name: it must end in a Hangul syllable.
		if r := []rune(c.name); r[len(r)-1] < 0xAC00 || r[len(r)-1] > 0xD7A3 {
			t.Errorf("Korean company %q does not end in Hangul", c.name)
		}
	}
	for _, c := range slices.Concat(companiesGreenhouse, companiesLever) {
		if hasHangul(c.name) || !regexp.MustCompile(`^[a-z]+$`).MatchString(c.slug) {
			t.Errorf("English company %q, slug %q", c.name, c.slug)
		}
	}
}

// The structured career of a Wanted posting agrees with its years line.
func TestCareerMatchesYearsLine(t *testing.T) {
	// "3년", "2~5년", "4년 ~ 8년"; "4년제 대학" is a degree, not experience.
	years := regexp.MustCompile(`(\d+)\s*(?:~\s*(\d+)\s*)?년(제)?`)
	for _, p := range corpus() {
		if p.Source != "wanted" {
			continue
		}
		what := "wanted/" + p.SourceID
		req := p.Sections.Requirements
		c := p.Career
		nums := map[int]bool{}
		for _, m := range years.FindAllStringSubmatch(req, -1) {
			if m[3] != "" {
				continue
			}
			for _, d := range m[1:3] {
				if n, err := strconv.Atoi(d); err == nil {
					nums[n] = true
				}
			}
		}
		if c.Min > 0 && !nums[c.Min] {
			t.Errorf("%s: career min %d, requirements say %q", what, c.Min, req)
		}
		if c.Max != nil && !nums[*c.Max] {
			t.Errorf("%s: career max %d, requirements say %q", what, *c.Max, req)
		}
		if c.Max != nil && *c.Max <= c.Min {
			t.Errorf("%s: career %d..%d", what, c.Min, *c.Max)
		}
		if c.Newbie != (c.Min == 0) {
			t.Errorf("%s: newbie %v with min %d", what, c.Newbie, c.Min)
		}
		if !c.Newbie && strings.Contains(req, "신입") {
			t.Errorf("%s: not for new graduates, requirements say %q", what, req)
		}
		if c.Min == 0 && c.Max == nil && len(nums) > 0 {
			t.Errorf("%s: no years stated in the career, requirements say %q", what, req)
		}
		if p.EmploymentType == "intern" && !c.Newbie {
			t.Errorf("%s: an internship closed to new graduates", what)
		}
	}
}

func TestParticle(t *testing.T) {
	for _, tt := range []struct {
		word, p, want string
		fin           final
	}{
		{"파이썬", "을", "을", finConsonant},
		{"도커", "을", "를", finVowel},
		{"스프링부트", "로", "로", finVowel},
		{"쿠버네티스", "은", "는", finVowel},
		{"머신러닝", "으로", "으로", finConsonant},
		{"하둡", "과", "과", finConsonant},
		{"엑셀", "으로", "로", finRieul},
		{"엑셀", "을", "을", finRieul},
		{"카프카", "이", "가", finVowel},
		{"Docker", "을", "를", finVowel}, // Latin words carry their ending in the skill table
	} {
		t.Run(tt.word+tt.p, func(t *testing.T) {
			f := finOf(tt.word)
			if f != tt.fin {
				t.Fatalf("finOf(%q) = %d, want %d", tt.word, f, tt.fin)
			}
			if got := particle(tt.p, f); got != tt.want {
				t.Fatalf("%s + %s = %s, want %s", tt.word, tt.p, got, tt.want)
			}
		})
	}
}

// Latin spellings carry how they are read aloud: Python(파이썬)을, Docker(도커)를, SQL(에스큐엘)로.
func TestLatinEndings(t *testing.T) {
	for _, tt := range []struct{ key, text, obj, dir string }{
		{"python", "Python", "을", "으로"},
		{"docker", "Docker", "를", "로"},
		{"sql", "SQL", "을", "로"},
		{"kubernetes", "Kubernetes", "를", "로"},
		{"kubernetes", "K8s", "를", "로"},
		{"spring", "Spring", "을", "으로"},
		{"springboot", "Spring Boot", "를", "로"},
		{"terraform", "Terraform", "을", "으로"},
		{"java", "Java", "를", "로"},
		{"go", "Go", "를", "로"},
		{"go", "Golang", "을", "으로"},
		{"kotlin", "Kotlin", "을", "으로"},
		{"mysql", "MySQL", "을", "로"},
		{"excel", "Excel", "을", "로"},
		{"hadoop", "Hadoop", "을", "으로"},
		{"ml", "Machine Learning", "을", "으로"},
		{"git", "Git", "을", "으로"},
		{"git", "GitHub", "를", "로"},
	} {
		t.Run(tt.text, func(t *testing.T) {
			s := skills[tt.key]
			i := slices.IndexFunc(s.en, func(sp spelling) bool { return sp.text == tt.text })
			if i < 0 {
				t.Fatalf("%s has no spelling %q", tt.key, tt.text)
			}
			f := s.en[i].fin
			if got := particle("을", f); got != tt.obj {
				t.Errorf("%s + 을/를 = %s, want %s", tt.text, got, tt.obj)
			}
			if got := particle("으로", f); got != tt.dir {
				t.Errorf("%s + 으로/로 = %s, want %s", tt.text, got, tt.dir)
			}
		})
	}
}

// No generated text puts the wrong form of 을/를 or 으로/로 after a skill or a Korean word.
func TestParticlesInCorpus(t *testing.T) {
	wrong := map[string]bool{}
	for _, s := range skills {
		for _, sp := range slices.Concat(s.en, s.ko) {
			if sp.fin == finVowel {
				wrong[sp.text+"을 "] = true
				wrong[sp.text+"으로 "] = true
			} else {
				wrong[sp.text+"를 "] = true
			}
			if sp.fin == finRieul {
				wrong[sp.text+"으로 "] = true
			}
			if sp.fin == finConsonant {
				wrong[sp.text+"로 "] = true
			}
		}
	}
	// A Hangul syllable then 을 or 를, then a space: the syllable's final decides.
	hangulObj := regexp.MustCompile(`([가-힣])(을|를) `)
	for _, p := range corpus()[:3000] {
		s := p.Sections
		text := strings.Join([]string{s.Intro, s.MainTasks, s.Requirements, s.Preferred}, "\n")
		for w := range wrong {
			if i := strings.Index(text, w); i >= 0 && !precededByLetter(text, i) {
				t.Errorf("%s/%s: wrong particle %q in %q", p.Source, p.SourceID, w, text)
			}
		}
		for _, m := range hangulObj.FindAllStringSubmatch(text, -1) {
			if want := particle("을", finOf(m[1])); m[2] != want {
				t.Errorf("%s/%s: %q, want %s", p.Source, p.SourceID, m[0], want)
			}
		}
	}
}

// precededByLetter reports whether the match at i continues a longer Latin word
// ("JavaScript를" holds no "Script을" mistake, but "Java" inside it must not count).
func precededByLetter(s string, i int) bool {
	if i == 0 {
		return false
	}
	c := s[i-1]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '/'
}

// Templates name only known slots, name a skill only with kinds that fit it, and every list
// has a one-skill sentence for every skill of every role.
func TestTemplates(t *testing.T) {
	slot := regexp.MustCompile(`\{([^}:]*)(?::([^}]*))?\}`)
	check := func(where string, list []tmpl) {
		for _, tp := range list {
			for _, m := range slot.FindAllStringSubmatch(tp.text, -1) {
				if !strings.Contains("ABTKDPRYSNM", m[1]) || len(m[1]) != 1 {
					t.Errorf("%s: unknown slot %q in %q", where, m[0], tp.text)
				}
				if m[2] != "" && !slices.Contains([]string{"을", "은", "이", "과", "으로", "로"}, m[2]) {
					t.Errorf("%s: unknown particle %q in %q", where, m[2], tp.text)
				}
			}
			if strings.Contains(tp.text, "{A") != (tp.fits != 0) {
				t.Errorf("%s: %q names a skill %v but fits kinds %b", where, tp.text, strings.Contains(tp.text, "{A"), tp.fits)
			}
			if strings.Contains(tp.text, "{B") && !strings.Contains(tp.text, "{A") {
				t.Errorf("%s: %q names {B} without {A}", where, tp.text)
			}
		}
	}
	lists := map[string][]tmpl{"reqKo": reqKo, "reqPrefKo": reqPrefKo, "prefKo": prefKo, "reqEn": reqEn, "reqPrefEn": reqPrefEn, "prefEn": prefEn}
	for name, l := range lists {
		check(name, l)
	}
	var plain []tmpl
	for _, s := range slices.Concat(prefPlainKo, prefPlainEn, introLeadKo, introMoreKo, introLeadEn, introMoreEn,
		yearsMinKo, yearsRangeKo, yearsNewKo, yearsNewMaxKo, yearsMinEn, yearsRangeEn, yearsNewEn) {
		plain = append(plain, tmpl{text: s})
	}
	check("plain", plain)
	for i, ro := range roles {
		check(fmt.Sprintf("role %d tasks", i), ro.tasks)
		check(fmt.Sprintf("role %d tasksEn", i), ro.tasksEn)
		for _, k := range ro.pool {
			for name, l := range lists {
				if tp := firstFitting(l, skills[k].kind, true); tp.fits&skills[k].kind == 0 {
					t.Errorf("%s has no one-skill sentence for %s", name, k)
				}
			}
		}
	}
}

func TestSkillSpellingsAndPopularity(t *testing.T) {
	var ko, en strings.Builder
	for _, p := range corpus() {
		b := &en
		if p.Source == "wanted" {
			b = &ko
		}
		b.WriteString(p.Sections.Requirements)
		b.WriteString(p.Sections.Preferred)
		b.WriteString(p.Sections.MainTasks)
	}
	kt, et := ko.String(), en.String()
	for _, w := range []string{"파이썬", "쿠버네티스", "스프링부트", "도커", "카프카", "머신러닝", "딥러닝", "자연어처리", "경험자 우대"} {
		if !strings.Contains(kt, w) {
			t.Errorf("no Korean posting writes %q", w)
		}
	}
	for _, w := range []string{"Python", "Kubernetes", "Spring Boot", "is a plus"} {
		if !strings.Contains(et, w) {
			t.Errorf("no English posting writes %q", w)
		}
	}
	if strings.Contains(et, "쿠버네티스") {
		t.Error("an English posting uses a Korean spelling")
	}
	// Popularity falls off along a role's pool: its head skill is asked for far more often.
	head, tail := strings.Count(kt, "Python")+strings.Count(kt, "파이썬"), strings.Count(kt, "Kubeflow")
	if tail == 0 || head < 10*tail {
		t.Errorf("Python %d mentions, Kubeflow %d: want a long tail", head, tail)
	}
}

func TestTraps(t *testing.T) {
	var intro, benefits strings.Builder
	for _, p := range corpus() {
		intro.WriteString(p.Sections.Intro)
		benefits.WriteString(p.Sections.Benefits)
	}
	for _, w := range []string{"100년 이상", "R&D", "Google", "2배 이상"} {
		if !strings.Contains(intro.String(), w) {
			t.Errorf("no intro holds the trap %q", w)
		}
	}
	for _, w := range []string{"3년 장기근속", "Slack"} {
		if !strings.Contains(benefits.String(), w) {
			t.Errorf("no benefits hold the trap %q", w)
		}
	}
}

func TestTextLength(t *testing.T) {
	var lens []int
	for _, p := range corpus() {
		s := p.Sections
		lens = append(lens, len(s.Intro)+len(s.MainTasks)+len(s.Requirements)+len(s.Preferred)+len(s.Benefits)+len(s.HireRounds))
	}
	sort.Ints(lens)
	p10, p50, p90 := lens[len(lens)/10], lens[len(lens)/2], lens[len(lens)*9/10]
	if p10 < 1200 || p50 < 1500 || p50 > 3000 || p90 > 3000 {
		t.Errorf("text length p10 %d, median %d, p90 %d bytes; want a median of 1.5-3 KB", p10, p50, p90)
	}
}

func TestFirstSeen(t *testing.T) {
	ps := corpus()[:2000]
	var oldest, newest time.Time
	for _, p := range ps {
		fs := FirstSeen(p)
		if !fs.Before(Ref) || fs.Before(Ref.AddDate(0, 0, -365)) {
			t.Fatalf("%s/%s first seen %s, outside the year before %s", p.Source, p.SourceID, fs, Ref)
		}
		if fs != FirstSeen(p) {
			t.Fatal("FirstSeen is not stable")
		}
		if oldest.IsZero() || fs.Before(oldest) {
			oldest = fs
		}
		if fs.After(newest) {
			newest = fs
		}
	}
	if newest.Sub(oldest) < 300*24*time.Hour {
		t.Errorf("first seen spans %s to %s: want most of a year", oldest, newest)
	}
	set := time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC)
	p := *ps[0]
	p.FirstSeen = set
	if got := FirstSeen(&p); !got.Equal(set) {
		t.Errorf("FirstSeen = %s, want the posting's own %s", got, set)
	}
}

func TestWriteJSONL(t *testing.T) {
	ps := corpus()[:600]
	data := encode(t, ps)
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	wantKeys := []string{"company", "due", "employment_type", "first_seen", "location", "sections", "source", "source_id", "status", "title", "url"}
	wantSections := []string{"benefits", "intro", "main_tasks", "preferred", "requirements"}
	day := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	var i, nulls int
	for ; sc.Scan(); i++ {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		keys := slices.Sorted(maps.Keys(m))
		if !slices.Equal(keys, wantKeys) {
			t.Fatalf("line %d keys %v, want %v", i+1, keys, wantKeys)
		}
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatal(err)
		}
		var sec map[string]string
		if err := json.Unmarshal(m["sections"], &sec); err != nil {
			t.Fatal(err)
		}
		if got := slices.Sorted(maps.Keys(sec)); !slices.Equal(got, wantSections) {
			t.Fatalf("line %d sections %v, want %v", i+1, got, wantSections)
		}
		p := ps[i]
		if l.Source != p.Source || l.SourceID != p.SourceID || l.Company != p.Company || l.Title != p.Title ||
			l.URL != p.URL || l.Status != string(p.Status) || l.Location != p.Location || l.EmploymentType != p.EmploymentType ||
			sec["requirements"] != p.Sections.Requirements || sec["intro"] != p.Sections.Intro {
			t.Fatalf("line %d does not hold posting %d", i+1, i)
		}
		switch {
		case string(m["due"]) == "null":
			nulls++
			if p.Due != nil {
				t.Errorf("line %d: due null, posting has %s", i+1, p.Due)
			}
		case !day.MatchString(*l.Due) || p.Due == nil || *l.Due != p.Due.Format("2006-01-02"):
			t.Errorf("line %d: due %s", i+1, m["due"])
		}
		fs, err := time.Parse(time.RFC3339, l.FirstSeen)
		if err != nil || !fs.Equal(FirstSeen(p).Truncate(time.Second)) {
			t.Errorf("line %d: first_seen %q (%v)", i+1, l.FirstSeen, err)
		}
	}
	if i != len(ps) {
		t.Fatalf("%d lines, want %d", i, len(ps))
	}
	if nulls == 0 || nulls == len(ps) {
		t.Errorf("%d of %d lines have a null due", nulls, len(ps))
	}
	if !bytes.Contains(data, []byte("R&D")) {
		t.Error("text is HTML-escaped: R&D is not written as is")
	}
}

type failWriter struct{ after int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.after <= 0 {
		return 0, fmt.Errorf("disk full")
	}
	w.after--
	return len(p), nil
}

func TestWriteJSONLError(t *testing.T) {
	if err := WriteJSONL(&failWriter{after: 2}, Postings(5, 1)); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the writer's error", err)
	}
}

func BenchmarkPostings(b *testing.B) {
	r := NewRand(1)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Posting(r, i)
	}
}

func BenchmarkWriteJSONL(b *testing.B) {
	ps := Postings(200, 1)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := WriteJSONL(&buf, ps); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}
