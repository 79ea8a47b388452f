package jobs

import (
	"strings"
	"time"
	"unicode"
)

// DedupWindow is how far apart two sightings of one company's same title may be and still be
// one posting: a role reposted months later is a new round.
const DedupWindow = 60 * 24 * time.Hour

// companyNoise are the words a company name carries on one board and not another.
var companyNoise = []string{
	"주식회사", "(주)", "㈜", "(유)", "유한회사", "inc.", "inc", "corp.", "corp", "corporation",
	"co.,ltd.", "co., ltd.", "co.ltd", "co.", "ltd.", "ltd", "llc", "gmbh", "korea", "코리아",
	"한국", "limited", "company",
}

// NormalizeCompany folds a company name for comparison across boards: "(주)토스", "토스 주식회사",
// "Toss Inc." and "TOSS Korea" all become "토스" or "toss".
func NormalizeCompany(name string) string {
	s := strings.ToLower(strings.TrimSpace(name))
	for _, n := range companyNoise {
		s = strings.ReplaceAll(s, n, " ")
	}
	return foldKey(s)
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
