package matcher

import "regexp"

// Cheap tests that let the years and degree rules skip lines which cannot hold what their
// regular expressions look for. They must never skip a line the rules would read.

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// mayStateYears reports whether a line (folded) may state experience: a number, 신입 or 경력,
// or the English words the rules in years.go need.
func mayStateYears(l string) bool {
	return hasDigit(l) || yearsWords.in(l)
}

var yearsWords = newWordSet("신입", "경력", "year", "yrs", "junior", "entry", "grad", "experience")

// mayStateDegree reports whether a line (folded) may name a degree or a major.
func mayStateDegree(l string) bool {
	if degreeWords.in(l) {
		return true
	}
	// Abbreviations: BS, MS, BA, BSc, MSc, B.S., M. Sc ... start with a b or m word.
	for i := 0; i < len(l); i++ {
		c := l[i]
		if (c == 'b' || c == 'm') && (i == 0 || !isWordByte(l[i-1])) {
			j := i + 1
			for j < len(l) && (l[j] == '.' || l[j] == ' ') {
				j++
			}
			if j < len(l) {
				if d := l[j]; (d == 's' || d == 'a') && (j+1 == len(l) || !isWordByte(l[j+1]) || l[j+1] == 'c') {
					return true
				}
			}
		}
	}
	return false
}

var degreeWords = newWordSet("학사", "석사", "박사", "대졸", "4년제", "학력", "학위", "전공", "졸업",
	"degree", "bachelor", "master", "ph.", "phd", "doctor", "graduate", "college", "university")

// quickRe is a regular expression for folded lines (NFKC, ASCII in lower case) with literal
// tests in front of it: a line holding one of sure matches it (each is a match of the
// expression, wherever it stands), and a line holding none of sure and none of need does
// not (every match holds one of them). Case-insensitive expressions read folded lines as
// their lower-case letters: in NFKC text no other rune folds to an ASCII letter.
type quickRe struct {
	re   *regexp.Regexp
	sure []string
	need []string
}

// MatchString reports whether the folded line l holds a match.
func (q *quickRe) MatchString(l string) bool {
	if containsAny(l, q.sure) {
		return true
	}
	return containsAny(l, q.need) && q.re.MatchString(l)
}
