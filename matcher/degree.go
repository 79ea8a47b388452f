package matcher

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jobs-cli/jobs"
)

// The degree expressions read folded lines. Each has literal tests in front (see quickRe).
var (
	degreeAny = quickRe{regexp.MustCompile(`학력\s*(?:무관|제한\s*없|상관\s*없)|degree\s+not\s+required|no\s+degree\s+required`),
		[]string{"학력 무관", "학력무관"}, []string{"학력", "degree"}}
	degreePhD = quickRe{regexp.MustCompile(`(?i)박사|\bph\.?\s?d\b|doctor(?:ate|al)`),
		[]string{"박사", "doctorate", "doctoral"}, []string{"ph"}}
	degreeMS = quickRe{regexp.MustCompile(`(?i)석사|석·박사|석/박사|master'?s|\bm\.?\s?sc?\b\.?|\bm\.s\.|\bmsc\b`),
		[]string{"석사", "석·박사", "석/박사", "master's", "masters"}, []string{"m"}}
	degreeBS = quickRe{regexp.MustCompile(`(?i)학사|대졸|4년제|bachelor'?s?|\bb\.?\s?sc?\b\.?|\bb\.s\.|\bb\.?a\b\.?|undergraduate\s+degree|college\s+degree|university\s+degree`),
		[]string{"학사", "대졸", "4년제", "bachelor"}, []string{"b", "degree"}}
	degreeCtx = quickRe{regexp.MustCompile(`(?i)degree|학위|ph\.?\s?d|이상|졸업|or\s+higher|or\s+equivalent|in\s+(?:computer|cs\b|statistics|math|engineering|a\s+related)|field`),
		[]string{"degree", "학위", "이상", "졸업", "field"}, []string{"ph", "or", "in"}}
)

var (
	optionalPar = regexp.MustCompile(`[(（\[][^)）\]]*(?:우대|preferred|a plus|plus|bonus)[^)）\]]*[)）\]]`)
	// optionalParNeed holds a word of every match of optionalPar.
	optionalParNeed = []string{"우대", "preferred", "plus", "bonus"}
)

// A field of study: "컴퓨터공학 등 관련 전공" or "degree in Computer Science". majorRe is both;
// majorInRe, the second alone, finds the same first match in a line without 전공.
const (
	majorKo = `([^\s,.•·\-*][^,.•\n]{0,40}?)\s*(?:등\s*)?(?:관련\s*)?(?:학과\s*)?전공(?:자)?`
	majorIn = `(?:degree|bs|ms|bachelor'?s|master'?s|phd)\s+in\s+([a-z][a-z ,/&-]{2,60}?)(?:\s+or\s+(?:a\s+)?(?:related|equivalent)[a-z ]*|[.,;)]|$)`
)

var (
	majorRe   = regexp.MustCompile(`(?i)` + majorKo + `|` + majorIn)
	majorInRe = regexp.MustCompile(`(?i)` + majorIn)
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
		bs, ms := degreeBS.MatchString(tf), degreeMS.MatchString(tf)
		abbrevOK := (bs || ms) && (hasHangul(tf) || degreeCtx.MatchString(tf))
		if bs && (abbrevOK || strings.Contains(tf, "bachelor") || strings.Contains(tf, "학사")) {
			found = append(found, jobs.DegreeBachelor)
		}
		if ms && (abbrevOK || strings.Contains(tf, "master") || strings.Contains(tf, "석사")) {
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
			re := majorRe
			if !strings.Contains(tf, "전공") {
				re = majorInRe
			}
			if m := re.FindStringIndex(t); m != nil {
				// "경제학, 통계학 등 관련 전공": the fields listed before the one matched belong to it.
				from := m[0]
				for {
					before := strings.TrimRight(t[:from], " ")
					if !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, "·") {
						break
					}
					before = strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(before, ","), "·"), " ")
					i := strings.LastIndexAny(before, ",·•-*:(")
					if i < 0 {
						from = 0
						break
					}
					_, size := utf8.DecodeRuneInString(before[i:])
					from = i + size
					if before[i] != ',' && !strings.HasPrefix(before[i:], "·") {
						break // the bullet or heading before the list
					}
				}
				major = strings.Trim(strings.TrimSpace(t[from:m[1]]), ",· ")
			}
		}
	}
	return best, major
}

var associate = strings.NewReplacer("전문학사", " ", "초대졸", " ")
