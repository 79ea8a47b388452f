package matcher

import "strings"

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
	if hasDigit(l) || strings.Contains(l, "신입") || strings.Contains(l, "경력") {
		return true
	}
	for _, w := range [...]string{"year", "yrs", "junior", "entry", "grad", "experience"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// mayStateDegree reports whether a line (folded) may name a degree or a major.
func mayStateDegree(l string) bool {
	for _, w := range [...]string{"학사", "석사", "박사", "대졸", "4년제", "학력", "학위", "전공", "졸업"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	for _, w := range [...]string{"degree", "bachelor", "master", "ph.", "phd", "doctor", "graduate",
		"college", "university"} {
		if strings.Contains(l, w) {
			return true
		}
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
