package jobs

import (
	"strings"
	"sync/atomic"
	"time"
	"unicode"
)

// DedupWindow is how far apart two sightings of one company's same title may be and still be
// one posting: a role reposted months later is a new round.
const DedupWindow = 60 * 24 * time.Hour

// companyMarks are the legal-form marks a Korean company name carries on one board and not
// another, glued or spaced: (주)토스, 토스 주식회사.
var companyMarks = []string{"(주)", "㈜", "(유)", "(사)", "주식회사", "유한회사", "유한책임회사"}

// companyWords are whole words a company name carries on one board and not another:
// "Coupang, Inc.", "TOSS Korea", "Acme Co., Ltd.". Only whole words go, so Princeton and
// 한국투자증권 keep their names.
var companyWords = map[string]bool{
	"inc": true, "corp": true, "corporation": true, "co": true, "ltd": true, "llc": true,
	"gmbh": true, "limited": true, "company": true, "korea": true, "코리아": true, "한국": true,
	"the": true, "plc": true, "pte": true,
}

// NormalizeCompany folds a company name for comparison across boards: "(주)토스", "토스 주식회사"
// and "토스" become "토스"; "Coupang, Inc." and "COUPANG Korea" become "coupang". A spelling
// that SetCompanyAliases names as another company's ("Viva Republica" for 토스) becomes that
// company's folded name.
func NormalizeCompany(name string) string {
	k := FoldCompany(name)
	if m := companyAliases.Load(); m != nil {
		if to, ok := (*m)[k]; ok {
			return to
		}
	}
	return k
}

// companyAliases maps a folded spelling to the folded name of the company it names.
var companyAliases atomic.Pointer[map[string]string]

// SetCompanyAliases makes NormalizeCompany, and so the dedup key and every company
// comparison, treat each spelling in aliases (a spelling -> the company's name) as the
// company's name: postings of 토스 on its own site and of "Viva Republica" on a board are one
// company's. It replaces the aliases set before; nil removes them.
func SetCompanyAliases(aliases map[string]string) {
	if aliases == nil {
		companyAliases.Store(nil)
		return
	}
	m := make(map[string]string, len(aliases))
	for from, to := range aliases {
		f, t := FoldCompany(from), FoldCompany(to)
		if f != "" && t != "" && f != t {
			m[f] = t
		}
	}
	companyAliases.Store(&m)
}

// FoldCompany is NormalizeCompany without the aliases: legal-form marks, words such as
// "Inc." and "Korea", case, spacing and punctuation do not matter.
func FoldCompany(name string) string {
	s := strings.ToLower(strings.TrimSpace(name))
	for _, m := range companyMarks {
		s = strings.ReplaceAll(s, m, " ")
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	kept := words[:0]
	for _, w := range words {
		if !companyWords[w] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, "")
}

// legalWords are the English legal forms DisplayCompany drops at the end of a name ("Acme
// Co., Ltd."): fewer than companyWords, for a name shown keeps "Korea" and "Company".
var legalWords = map[string]bool{
	"inc": true, "corp": true, "corporation": true, "co": true, "ltd": true, "llc": true,
	"gmbh": true, "limited": true, "plc": true, "pte": true,
}

// DisplayCompany is a company's name as a table shows it, without its legal form: "주식회사
// 카카오" and "(주)카카오" are 카카오, "Coupang, Inc." is Coupang. A name that is nothing but a
// legal form is kept. Matching, JSON and piped output keep the name as stored.
func DisplayCompany(name string) string {
	s := name
	for _, m := range companyMarks {
		s = strings.ReplaceAll(s, m, " ")
	}
	words := strings.Fields(s)
	for len(words) > 1 {
		w := strings.ToLower(strings.Trim(words[len(words)-1], ".,"))
		if !legalWords[w] {
			break
		}
		words = words[:len(words)-1]
	}
	s = strings.TrimRight(strings.Join(words, " "), ",")
	if s == "" {
		return strings.TrimSpace(name)
	}
	return s
}

// NormalizeTitle folds a posting title: case, spacing and punctuation do not matter.
func NormalizeTitle(title string) string {
	return foldKey(strings.ToLower(title))
}

// DedupKey is the key under which one posting seen on several boards is one posting; "" when
// either part is empty.
func DedupKey(company, title string) string {
	c, t := NormalizeCompany(company), NormalizeTitle(title)
	if c == "" || t == "" {
		return ""
	}
	return c + "|" + t
}

// foldKey keeps letters and digits only.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
