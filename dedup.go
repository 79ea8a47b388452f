package jobs

import (
	"strings"
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
// and "토스" become "토스"; "Coupang, Inc." and "COUPANG Korea" become "coupang".
func NormalizeCompany(name string) string {
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
