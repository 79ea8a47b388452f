package matcher

import (
	"strings"
	"unicode/utf8"
)

// pattern is one searchable form of a concept: an alias as folded text, and what the
// boundary rules need to know about its edges.
type pattern struct {
	concept    int
	wordStart  bool     // first rune continues a Latin word: the rune before may not
	wordEnd    bool     // last rune does: the rune after may not (but a version number may)
	letterEnd  bool     // last rune is a letter (a glued version number may follow)
	hangulHead bool     // first rune is Hangul: the rune before may not be Hangul
	hangulTail bool     // last rune is Hangul: Hangul after it must be a particle or suffix
	long       bool     // three runes or more
	exact      []string // forms allowed in Latin text, as written (NFKC); nil = any case
}

// Finder finds the concepts of a dictionary in text.
type Finder struct {
	dict  *Dictionary
	forms *trie     // the folded forms; form i is pattern i
	pats  []pattern // what the boundary rules need to know of each form
	// rawStart marks the first bytes of forms whose first rune is not valid UTF-8: for them
	// the text at a place does not tell the form's first rune.
	rawStart [256]bool
}

// Hit is one place a concept was found.
type Hit struct {
	Concept int
	Start   int // byte offsets in the input text
	End     int
	nStart  int // byte offsets in the normalised text
	nEnd    int
	weak    bool // inside a job name ("Java Developer"): counts only when nothing else names it
}

// NewFinder compiles a dictionary's aliases into one multi-pattern automaton.
func NewFinder(d *Dictionary) *Finder {
	f := &Finder{dict: d}
	index := map[string]int{} // folded form -> pattern
	var texts []string
	add := func(form string, ci int, exact []string, generated bool) {
		k := fold(form)
		if k == "" {
			return
		}
		if j, ok := index[k]; ok {
			p := &f.pats[j]
			if p.concept != ci {
				// A generated spelling never takes a form another concept owns; a listed alias
				// (a user's) does.
				if generated {
					return
				}
				p.concept = ci
			}
			if exact == nil {
				p.exact = nil
			}
			return
		}
		first, _ := utf8.DecodeRuneInString(k)
		last, _ := utf8.DecodeLastRuneInString(k)
		p := pattern{
			concept:    ci,
			wordStart:  isWord(first),
			wordEnd:    isWord(last),
			letterEnd:  isWord(last) && !('0' <= last && last <= '9'),
			hangulHead: isHangul(first),
			hangulTail: isHangul(last),
			long:       utf8.RuneCountInString(k) >= 3,
			exact:      exact,
		}
		index[k] = len(f.pats)
		f.pats = append(f.pats, p)
		texts = append(texts, k)
	}
	for ci, c := range d.concepts {
		exactForms := map[string][]string{}
		for _, e := range c.Exact {
			k := fold(e)
			exactForms[k] = append(exactForms[k], Normalize(strings.TrimSpace(e)).NFKC)
		}
		forms := append([]string{c.Name}, c.Aliases...)
		for _, e := range c.Exact {
			forms = append(forms, e)
		}
		for _, form := range forms {
			k := fold(form)
			add(form, ci, exactForms[k], false)
		}
		// Spaced names are also written joined or hyphenated: "node js", "nodejs", "node-js";
		// "스프링 부트", "스프링부트".
		for _, form := range forms {
			k := fold(form)
			if !strings.Contains(k, " ") || exactForms[k] != nil {
				continue
			}
			add(strings.ReplaceAll(k, " ", ""), ci, nil, true)
			if !hasHangul(k) {
				add(strings.ReplaceAll(k, " ", "-"), ci, nil, true)
			}
		}
	}
	f.forms = newTrie(texts)
	for _, k := range texts {
		if r, size := utf8.DecodeRuneInString(k); r == utf8.RuneError && size <= 1 {
			f.rawStart[k[0]] = true
		}
	}
	return f
}

// Find returns the concepts named in n, leftmost-longest, without overlaps, in text order.
func (f *Finder) Find(n *Normalized) []Hit {
	return f.FindIn(n, [][2]int{{0, len(n.Folded)}})
}

// FindIn is Find over the byte ranges of n given (in order, not overlapping); the boundary
// rules still see the text around each range.
//
// Places are tried left to right. At each, the forms that start there are tried longest
// first, and the first that the boundary rules take is a hit; the search goes on after it.
// That is the leftmost-longest choice among all valid occurrences: a place inside a hit could
// only give a hit overlapping it.
func (f *Finder) FindIn(n *Normalized, ranges [][2]int) []Hit {
	text := n.Folded
	var hits []Hit
	var buf [8]prefixMatch
	for _, r := range ranges {
		for s := r[0]; s < r[1]; s++ {
			if f.forms.root[text[s]] == 0 || !f.mayStart(text, s) {
				continue
			}
			ms := f.forms.prefixes(buf[:0], text, s, r[1])
			for k := len(ms) - 1; k >= 0; k-- {
				p := &f.pats[ms[k].form]
				if e := ms[k].end; f.valid(n, p, s, e) {
					h := Hit{Concept: p.concept, nStart: s, nEnd: e}
					h.Start, h.End = n.Span(s, e)
					hits = append(hits, h)
					s = e - 1
					break
				}
			}
		}
	}
	return hits
}

// mayStart reports whether a form may start at text[s] as far as the rune before it goes:
// a form starting with a Latin letter or digit needs a place where no word goes on, one
// starting with Hangul a place after no Hangul (the first two rules of valid). The rune at s
// is the first rune of any form found there, unless that form starts with bytes that are not
// UTF-8.
func (f *Finder) mayStart(text string, s int) bool {
	c := text[s]
	if s == 0 || f.rawStart[c] {
		return true
	}
	if c < utf8.RuneSelf {
		// An ASCII rune: only the word rule applies.
		if !isWordByte(c) {
			return true
		}
		if b := text[s-1]; b < utf8.RuneSelf {
			return !isWordByte(b)
		}
	}
	if syllableAt(text, s) {
		// Only the Hangul rule applies; a syllable before is the common case.
		if s >= 3 && syllableAt(text, s-3) {
			return false
		}
		before, _ := utf8.DecodeLastRuneInString(text[:s])
		return !isHangul(before)
	}
	first, _ := utf8.DecodeRuneInString(text[s:])
	word, hangul := isWord(first), isHangul(first)
	if !word && !hangul {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:s])
	return !(word && isWord(before)) && !(hangul && isHangul(before))
}

// valid applies the boundary rules to a hit at [s, e) of the folded text.
func (f *Finder) valid(n *Normalized, p *pattern, s, e int) bool {
	text := n.Folded
	before, _ := utf8.DecodeLastRuneInString(text[:s])
	after, _ := utf8.DecodeRuneInString(text[e:])
	if s == 0 {
		before = utf8.RuneError
	}
	if e == len(text) {
		after = utf8.RuneError
	}
	if p.wordStart && isWord(before) {
		return false
	}
	if p.hangulHead && isHangul(before) {
		return false
	}
	if isWord(after) && (p.wordEnd || !p.hangulTail) {
		// Only a version number may be glued on: Python3, Vue3, C++17, C#10.
		if !(p.letterEnd && p.long || !p.wordEnd) || !versionAt(text[e:]) {
			return false
		}
	}
	if p.hangulTail && isHangul(after) && !f.suffixAt(text[e:]) {
		return false
	}
	if p.exact != nil && !f.exactOK(n, p, s, e) {
		return false
	}
	c := &f.dict.concepts[p.concept]
	for _, nb := range c.NotBefore {
		if nb = asciiLower(nb); nb != "" && strings.HasPrefix(text[e:], nb) {
			return false
		}
	}
	for _, na := range c.NotAfter {
		if na = asciiLower(na); na != "" && strings.HasSuffix(text[:s], na) {
			return false
		}
	}
	return true
}

// versionAt reports whether s starts with a version number that ends at a word boundary:
// "3", "17", "3.11", "2.x".
func versionAt(s string) bool {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 4 {
		return false
	}
	for i+1 < len(s) && s[i] == '.' && ('0' <= s[i+1] && s[i+1] <= '9' || s[i+1] == 'x') {
		i += 2
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i == len(s) || !isWord(r)
}

// suffixAt reports whether the Hangul at the start of s is a particle or suffix that may be
// glued to a name (파이썬"을", 쿠버네티스"를", 자바"개발자").
func (f *Finder) suffixAt(s string) bool {
	for _, suf := range f.dict.suffixes {
		if strings.HasPrefix(s, suf) {
			return true
		}
	}
	return false
}

// exactOK checks a case-sensitive form: in Latin text it must be written as listed; in a line
// with Hangul, writers lower-case names freely ("go로 개발"), so any case is taken.
func (f *Finder) exactOK(n *Normalized, p *pattern, s, e int) bool {
	got := n.NFKC[s:e]
	for _, x := range p.exact {
		if got == x {
			return true
		}
	}
	return n.lineHasHangul(s, e)
}

// Name returns the canonical name of a hit's concept.
func (f *Finder) Name(h Hit) string { return f.dict.concepts[h.Concept].Name }

// Dictionary returns the dictionary the finder was built from.
func (f *Finder) Dictionary() *Dictionary { return f.dict }
