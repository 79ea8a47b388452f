package matcher

import (
	"regexp"
	"strings"

	"github.com/jobs-cli/jobs"
)

var (
	degreeAny   = regexp.MustCompile(`학력\s*(?:무관|제한\s*없|상관\s*없)|degree\s+not\s+required|no\s+degree\s+required`)
	degreePhD   = regexp.MustCompile(`(?i)박사|\bph\.?\s?d\b|doctor(?:ate|al)`)
	degreeMS    = regexp.MustCompile(`(?i)석사|석·박사|석/박사|master'?s|\bm\.?\s?sc?\b\.?|\bm\.s\.|\bmsc\b`)
	degreeBS    = regexp.MustCompile(`(?i)학사|대졸|4년제|bachelor'?s?|\bb\.?\s?sc?\b\.?|\bb\.s\.|\bb\.?a\b\.?|undergraduate\s+degree|college\s+degree|university\s+degree`)
	degreeCtx   = regexp.MustCompile(`(?i)degree|학위|ph\.?\s?d|이상|졸업|or\s+higher|or\s+equivalent|in\s+(?:computer|cs\b|statistics|math|engineering|a\s+related)|field`)
	optionalPar = regexp.MustCompile(`[(（\[][^)）\]]*(?:우대|preferred|a plus|plus|bonus)[^)）\]]*[)）\]]`)
	majorRe     = regexp.MustCompile(`(?i)([^\s,.•·\-*][^,.•\n]{0,40}?)\s*(?:등\s*)?(?:관련\s*)?(?:학과\s*)?전공(?:자)?|(?:degree|bs|ms|bachelor'?s|master'?s|phd)\s+in\s+([a-z][a-z ,/&-]{2,60}?)(?:\s+or\s+(?:a\s+)?(?:related|equivalent)[a-z ]*|[.,;)]|$)`)
)

// degreeIn reads the lowest degree a set of requirement lines asks for, and a required field
// of study as written. A degree named only as a plus ("(박사 우대)") does not count.
//
// folded holds the same lines folded (ASCII lower case), for the quick tests.
func degreeIn(lines, folded []string) (jobs.Degree, string) {
	best := jobs.DegreeNone
	rank := map[jobs.Degree]int{jobs.DegreeBachelor: 1, jobs.DegreeMaster: 2, jobs.DegreePhD: 3}
	major := ""
	for i, l := range lines {
		f := folded[i]
		if !mayStateDegree(f) || degreeAny.MatchString(f) {
			continue
		}
		// t is the line as written (for the major), tf the same folded (for the tests).
		t, tf := l, f
		if strings.IndexByte(f, '(') >= 0 || strings.IndexByte(f, '[') >= 0 || strings.Contains(f, "（") {
			t, tf = optionalPar.ReplaceAllString(t, " "), optionalPar.ReplaceAllString(tf, " ")
		}
		// An associate degree (전문학사, 초대졸) is none of the three.
		if strings.Contains(tf, "전문학사") || strings.Contains(tf, "초대졸") {
			t, tf = associate.Replace(t), associate.Replace(tf)
		}
		var found []jobs.Degree
		abbrevOK := degreeCtx.MatchString(tf) || hasHangul(tf)
		if degreeBS.MatchString(tf) && (abbrevOK || strings.Contains(tf, "bachelor") || strings.Contains(tf, "학사")) {
			found = append(found, jobs.DegreeBachelor)
		}
		if degreeMS.MatchString(tf) && (abbrevOK || strings.Contains(tf, "master") || strings.Contains(tf, "석사")) {
			found = append(found, jobs.DegreeMaster)
		}
		if degreePhD.MatchString(tf) {
			found = append(found, jobs.DegreePhD)
		}
		for _, d := range found {
			if best == jobs.DegreeNone || rank[d] < rank[best] {
				best = d
			}
		}
		if major == "" && (strings.Contains(tf, "전공") || strings.Contains(tf, " in ")) &&
			!strings.Contains(tf, "전공 무관") && !strings.Contains(tf, "전공무관") {
			if m := majorRe.FindStringSubmatch(t); m != nil {
				major = strings.TrimSpace(m[0])
			}
		}
	}
	return best, major
}

var associate = strings.NewReplacer("전문학사", " ", "초대졸", " ")
