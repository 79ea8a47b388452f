package matcher

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jobs-cli/jobs"
)

func TestTriePrefixes(t *testing.T) {
	tr := newTrie([]string{"go", "golang", "g", "가나", "가", "c++", "c", "golang"})
	for _, tc := range []struct {
		text     string
		s, limit int
		want     []prefixMatch
	}{
		{"golang!", 0, 7, []prefixMatch{{2, 1}, {0, 2}, {7, 6}}}, // a form given twice: the last
		{"golang!", 0, 4, []prefixMatch{{2, 1}, {0, 2}}},         // the limit cuts golang
		{"xgo", 1, 3, []prefixMatch{{2, 2}, {0, 3}}},
		{"gx", 0, 2, []prefixMatch{{2, 1}}},
		{"c++17", 0, 5, []prefixMatch{{6, 1}, {5, 3}}},
		{"가나다", 0, 9, []prefixMatch{{4, 3}, {3, 6}}},
		{"나", 0, 3, nil},
		{"\xea", 0, 1, nil},
	} {
		if got := tr.prefixes(nil, tc.text, tc.s, tc.limit); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("prefixes(%q, %d, %d) = %v, want %v", tc.text, tc.s, tc.limit, got, tc.want)
		}
	}
}

func TestWordSet(t *testing.T) {
	w := newWordSet("우대", "a plus", "plus if", "nice to have")
	for s, want := range map[string]bool{
		"": false, "우대": true, "경험자 우대": true, "우": false, "is a plus": true, "plus": false,
		"a plu": false, "nice to hav": false, "it is nice to have it": true, "plus iff": true,
	} {
		if got := w.in(s); got != want {
			t.Errorf("in(%q) = %v, want %v", s, got, want)
		}
	}
	// The sets in use say what strings.Contains says, word by word.
	for _, set := range []wordSet{optionalMarkers, yearsWords, degreeWords} {
		for _, l := range testLines(t) {
			if got, want := set.in(l), containsAny(l, set.words); got != want {
				t.Errorf("%q in %q: %v, want %v", set.words, l, got, want)
			}
		}
	}
}

// findByScan is FindIn the plain way: every occurrence of every form, the boundary rules,
// then the leftmost-longest hits that do not overlap.
func findByScan(f *Finder, forms []string, n *Normalized, ranges [][2]int) []Hit {
	text := n.Folded
	var hits []Hit
	for _, r := range ranges {
		for fi, form := range forms {
			for at := r[0]; ; at++ {
				i := strings.Index(text[at:r[1]], form)
				if i < 0 {
					break
				}
				at += i
				if f.valid(n, &f.pats[fi], at, at+len(form)) {
					hits = append(hits, Hit{Concept: f.pats[fi].concept, nStart: at, nEnd: at + len(form)})
				}
			}
		}
	}
	slices.SortFunc(hits, func(a, b Hit) int {
		if a.nStart != b.nStart {
			return a.nStart - b.nStart
		}
		return b.nEnd - a.nEnd
	})
	var out []Hit
	end := -1
	for _, h := range hits {
		if h.nStart < end {
			continue
		}
		end = h.nEnd
		h.Start, h.End = n.Span(h.nStart, h.nEnd)
		out = append(out, h)
	}
	return out
}

// trieForms lists the forms of a trie by number.
func trieForms(tr *trie) []string {
	var forms []string
	var walk func(at int32, prefix []byte)
	walk = func(at int32, prefix []byte) {
		if f := int(tr.form[at]); f >= 0 {
			for len(forms) <= f {
				forms = append(forms, "")
			}
			forms[f] = string(prefix)
		}
		for c := tr.first[at]; c < tr.first[at+1]; c++ {
			walk(c, append(prefix, tr.label[c]))
		}
	}
	walk(0, nil)
	return forms
}

func TestFindInMatchesScan(t *testing.T) {
	d, err := Builtin(Extension{Aliases: map[string][]string{
		// Odd aliases a user may add: bytes that are not UTF-8 (the first two bytes of 다),
		// a jamo, a leading mark.
		"Python": {"\xffpy", "\x80파이", "\xeb\x8b", "ㅍㅇㅆ"}, "Go": {"#golang"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	f := NewFinder(d)
	forms := trieForms(f.forms)
	if len(forms) != len(f.pats) {
		t.Fatalf("%d forms for %d patterns", len(forms), len(f.pats))
	}
	if !f.rawStart[0xff] || !f.rawStart[0x80] || !f.rawStart[0xeb] {
		t.Error("forms that do not start with UTF-8 are not marked")
	}
	var texts []string
	for i, s := range testTexts(t) {
		if i%3 == 0 { // a third of the corpus keeps the scan short
			texts = append(texts, s)
		}
	}
	texts = append(texts, "\xffpy \x80파이 a\xffpy 파\x80파이 ㅍㅇㅆ와 가ㅍㅇㅆ #golang a#golang",
		"ＰＹＴＨＯＮ과 ｊａｖａ\x00\xff\n깃발 깃 일러스트 R&D C-level", "é python ñgo 가go go가 \xea\xb0python",
		"x-Python, (Java)-Kotlin/Go|Rust_SQL 3-Docker.Kubernetes+React 파이썬-자바 node-js 가다 다")
	for i, text := range texts {
		n := Normalize(text)
		var ranges [][2]int
		for _, l := range splitLines(n.NFKC, partOther) {
			if l.start < l.end {
				ranges = append(ranges, [2]int{l.start, l.end})
			}
		}
		for _, rs := range [][][2]int{ranges, {{0, len(n.Folded)}}} {
			if got, want := f.FindIn(&n, rs), findByScan(f, forms, &n, rs); !reflect.DeepEqual(got, want) {
				t.Fatalf("text %d %q:\n got %v\nwant %v", i, text[:min(len(text), 200)], got, want)
			}
		}
	}
}

var (
	testTextsOnce sync.Once
	testTextsMade []string
)

// testTexts returns postings of every kind as texts, and variants of them: upper case, with
// runes NFKC changes, cut at a byte, lines reversed, other line ends. Callers must not
// change the slice.
func testTexts(t *testing.T) []string {
	t.Helper()
	testTextsOnce.Do(func() { testTextsMade = makeTestTexts(t) })
	if len(testTextsMade) == 0 {
		t.Fatal("no test texts")
	}
	return testTextsMade
}

func makeTestTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	for _, file := range []string{"testdata/wanted_postings.json", "testdata/ko_postings.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var posts []goldPosting
		if err := json.Unmarshal(data, &posts); err != nil {
			t.Fatal(err)
		}
		for _, gp := range posts {
			texts = append(texts, Compose(&jobs.Posting{Title: gp.Position, Sections: jobs.Sections{Intro: gp.Intro,
				MainTasks: gp.MainTasks, Requirements: gp.Requirements, Preferred: gp.PreferredPoints,
				Benefits: gp.Benefits, HireRounds: gp.HireRounds}}))
		}
	}
	fh, err := os.Open("testdata/skillspan_tech.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var row skillspanRow
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Join(row.Sentences, "\n"))
	}
	for _, p := range synthPostings(t) {
		texts = append(texts, Compose(p))
	}
	wide := strings.NewReplacer("a", "ａ", "P", "Ｐ", "•", "・", "fi", "ﬁ", "1", "①", " ", "\u3000")
	for i, s := range texts[:len(texts):len(texts)] {
		switch i % 4 {
		case 0:
			texts = append(texts, strings.ToUpper(s))
		case 1:
			texts = append(texts, wide.Replace(s))
		case 2:
			cut := (i * 7919) % len(s)
			texts = append(texts, s[:cut], s[cut:])
		case 3:
			ls := strings.Split(s, "\n")
			slices.Reverse(ls)
			texts = append(texts, strings.Join(ls, "\r\n"))
		}
	}
	return texts
}

// testLines returns the lines of testTexts, folded.
func testLines(t *testing.T) []string {
	t.Helper()
	var lines []string
	for _, s := range testTexts(t) {
		lines = append(lines, strings.Split(Normalize(s).Folded, "\n")...)
	}
	return lines
}
