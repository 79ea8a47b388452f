package matcher

import (
	"regexp"
	"strconv"
	"strings"
)

// yearsRule is one way postings state experience. Rules are tried in order on each line; the
// first that matches a line decides it.
type yearsRule struct {
	need   []string // the rule can match only a line holding one of these (folded)
	digits bool     // and only a line with a digit: it reads the number in digits
	re     *regexp.Regexp
	read   func(m []string) (min, max int, hasMax bool)
}

func atoi(s string) int {
	if n, ok := numberWords[strings.ToLower(s)]; ok {
		return n
	}
	n, _ := strconv.Atoi(s)
	return n
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
}

const num = `(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)`

var yearsRules = []yearsRule{
	// 신입 또는 경력 3년 이하 / 신입~경력 2년 미만 / 신입 ~ 3년차: new graduates up to N years.
	{[]string{"신입"}, true, regexp.MustCompile(`신입\s*(?:또는|혹은|및|이나|~|-|/|,|부터)?\s*(?:경력\s*)?(\d{1,2})\s*년\s*(?:차\s*)?(?:이하|미만|까지|이내)?`),
		func(m []string) (int, int, bool) { return 0, atoi(m[1]), true }},
	// 3~5년, 3-5년차, 경력 3 ~ 7년, 3 to 5 years, 3-5 years.
	{[]string{"년", "year", "yr"}, true, regexp.MustCompile(`(?i)(\d{1,2})\s*(?:~|-|–|—|to)\s*(\d{1,2})\s*(?:년|years?\b|yrs?\b)`),
		func(m []string) (int, int, bool) { return atoi(m[1]), atoi(m[2]), true }},
	// 3년 이상, 3년차 이상, 경력 3년+, 3년 이상의.
	{[]string{"년"}, true, regexp.MustCompile(`(\d{1,2})\s*\+?\s*년\s*(?:차\s*)?(?:이상|以上|\+)`),
		func(m []string) (int, int, bool) { return atoi(m[1]), 0, false }},
	// 3+ years, 3 or more years, at least 3 years, minimum of 3 years, 3 years of experience.
	{[]string{"year", "yr"}, false, regexp.MustCompile(`(?i)\b` + num + `\s*\+\s*(?:years?|yrs?)\b`),
		func(m []string) (int, int, bool) { return atoi(m[1]), 0, false }},
	{[]string{"year", "yr"}, false, regexp.MustCompile(`(?i)\b(?:at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than)\s+` + num + `\s*(?:\(\d+\)\s*)?(?:full[- ]time\s+)?(?:years?|yrs?)\b`),
		func(m []string) (int, int, bool) { return atoi(m[1]), 0, false }},
	{[]string{"year", "yr"}, false, regexp.MustCompile(`(?i)\b` + num + `\s+(?:or\s+more\s+)?(?:years?|yrs?)(?:'s?)?\s+(?:of\s+)?(?:\w+[\s,/-]+){0,5}?(?:experience|exp\b)`),
		func(m []string) (int, int, bool) { return atoi(m[1]), 0, false }},
	// 경력 3년 (no 이상): three years of experience.
	{[]string{"경력"}, true, regexp.MustCompile(`경력\s*(\d{1,2})\s*년`),
		func(m []string) (int, int, bool) { return atoi(m[1]), 0, false }},
}

// newcomerRe finds lines that take new graduates without a number: 신입 지원 가능, 경력 무관.
var newcomerRe = quickRe{regexp.MustCompile(`(?i)신입|경력\s*무관|경력\s*상관\s*없|경력\s*여부\s*무관|new\s+grad|entry[- ]level|no\s+experience\s+(?:is\s+)?required|junior`),
	[]string{"신입", "new grad", "entry-level", "entry level", "junior"}, []string{"경력", "new", "no"}}

// notExperience marks numbers that are not experience: tenure awards, company age, contract
// and internship lengths, growth rates.
var notExperience = quickRe{regexp.MustCompile(`근속|장기\s*근속|개월|창립|설립|역사|성장|service\s+award|anniversary|months?\b`),
	[]string{"근속", "개월", "창립", "설립", "역사", "성장", "anniversary"}, []string{"service", "month"}}

// yearsIn reads the experience a set of requirement lines (folded: ASCII in lower case) asks
// for. It returns nil, nil when the lines state none.
func yearsIn(lines []string) (min, max *int) {
	found := false
	newcomer := false
	bestMin, bestMax, bestHasMax := 0, 0, false
	for _, l := range lines {
		if !mayStateYears(l) {
			continue
		}
		if !strings.Contains(l, "경력") && !strings.Contains(strings.ToLower(l), "experience") && notExperience.MatchString(l) {
			continue
		}
		matched := false
		digits := hasDigit(l)
		for i, r := range yearsRules {
			if r.digits && !digits || !containsAny(l, r.need) {
				continue
			}
			idx := r.re.FindStringSubmatchIndex(l)
			if idx == nil || followedByMonths(l[idx[1]:]) {
				continue
			}
			m := make([]string, len(idx)/2)
			for k := range m {
				if idx[2*k] >= 0 {
					m[k] = l[idx[2*k]:idx[2*k+1]]
				}
			}
			lo, hi, hasMax := r.read(m)
			if lo > 40 || (hasMax && (hi < lo || hi > 40)) {
				continue
			}
			matched = true
			// The first rule (신입 ~ N년) states the whole range; otherwise the line that asks
			// the most sets the bar: "경력 5년 이상" outranks "Kotlin 2년 이상 사용".
			if !found || i == 0 || lo > bestMin {
				bestMin, bestMax, bestHasMax = lo, hi, hasMax
				if i == 0 {
					newcomer = false
				}
			}
			found = true
			break
		}
		if !matched && !found && newcomerRe.MatchString(l) {
			newcomer = true
		}
	}
	switch {
	case found:
		min = &bestMin
		if bestHasMax {
			max = &bestMax
		}
	case newcomer:
		zero := 0
		min = &zero
	}
	return min, max
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func followedByMonths(s string) bool {
	s = strings.TrimLeft(s, " ")
	return strings.HasPrefix(s, "개월") || strings.HasPrefix(strings.ToLower(s), "month")
}
