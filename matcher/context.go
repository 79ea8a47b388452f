package matcher

import (
	"strings"
	"unicode/utf8"

	"github.com/jobs-cli/jobs"
)

// The rules in this file read the words around a hit to decide whether it names a skill the
// posting asks for, and how far its span reaches. They work on one line of folded text
// (NFKC, ASCII lower case) with offsets relative to the line.

// Kinds that describe a posting's context rather than a technical skill. Korean-market
// postings never list them as skills (majors in degree lines, 영어 가능자, the company's
// industry), global postings name them in their requirement sections and industry fields.
func contextKind(kind string) bool {
	return kind == "industry" || kind == "spoken_language" || kind == "field"
}

// koreanMarket reports whether a posting is written for the Korean job market: it holds
// Hangul, or, written in English, names Korea, a Korean city or district, or the won.
func koreanMarket(folded string) bool {
	if hasHangul(folded) {
		return true
	}
	for _, w := range koreanMarkers {
		if i := strings.Index(folded, w); i >= 0 && wordAt(folded, i, i+len(w)) {
			return true
		}
	}
	return false
}

var koreanMarkers = []string{"korea", "korean", "seoul", "pangyo", "gangnam", "seongsu", "yeouido",
	"jamsil", "bundang", "seongnam", "songdo", "incheon", "busan", "daejeon", "daegu", "gwangju", "suwon",
	"jeju", "krw", "₩", "million won"}

// wordAt reports whether folded[s:e] stands as a whole word.
func wordAt(folded string, s, e int) bool {
	before, _ := utf8.DecodeLastRuneInString(folded[:s])
	after, _ := utf8.DecodeRuneInString(folded[e:])
	return (s == 0 || !isWord(before)) && (e == len(folded) || !isWord(after))
}

// Role nouns: a skill right before one names a job ("Java Software Engineer", "BI Developer",
// "UX designers", "machine learning - and frontend developers"), not something asked of
// the applicant.
var roleNouns = map[string]bool{
	"engineer": true, "engineers": true, "developer": true, "developers": true, "programmer": true,
	"programmers": true, "architect": true, "architects": true, "tester": true, "testers": true,
	"analyst": true, "analysts": true, "designer": true, "designers": true, "administrator": true,
	"administrators": true, "consultant": true, "consultants": true, "specialist": true,
	"specialists": true, "scientist": true, "scientists": true, "manager": true, "managers": true,
	"team": true, "teams": true, "expert": true, "experts": true,
}

// roleModifiers may stand between a skill and a role noun: "Java Backend Engineer", "Unity
// Gameplay Programmer", "QA/Test Developer".
var roleModifiers = map[string]bool{
	"software": true, "backend": true, "back-end": true, "back": true, "end": true, "frontend": true,
	"front-end": true, "front": true, "fullstack": true, "full-stack": true, "full": true,
	"stack": true, "web": true, "mobile": true, "game": true, "gameplay": true, "games": true,
	"test": true, "testing": true, "qa": true, "data": true, "platform": true, "application": true,
	"applications": true, "app": true, "cloud": true, "systems": true, "system": true,
	"solutions": true, "solution": true, "integration": true, "automation": true,
	"infrastructure": true, "devops": true, "ml": true, "ui": true, "ux": true, "senior": true,
	"junior": true, "lead": true, "principal": true, "staff": true, "core": true, "graphics": true,
	"-": true, "–": true, "/": true, "&": true, "and": true, "or": true,
}

// nextWord returns the word of s starting at i after spaces, and the offset after it. A word
// runs to the next space or slash; a lone dash or slash is a word of its own.
func nextWord(s string, i int) (string, int) {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i < len(s) && (s[i] == '/' || s[i] == '-' || s[i] == '&') {
		return s[i : i+1], i + 1
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '/' && s[j] != ',' && s[j] != '.' && s[j] != ')' &&
		s[j] != '(' && s[j] != ';' && s[j] != ':' && s[j] != '!' && s[j] != '?' {
		j++
	}
	if j < len(s) && s[j] == '/' && j+1 < len(s) && s[j+1] != ' ' {
		// "Designer Graphics/Game Developer": the slash joins two words of one name.
		return s[i:j], j
	}
	if strings.HasPrefix(s[i:], "–") {
		return "–", i + len("–")
	}
	return s[i:j], j
}

// roleAfter reports whether the words after a hit ending at e make it part of a job name.
func roleAfter(line string, e int) bool {
	i := e
	for k := 0; k < 5; k++ {
		w, next := nextWord(line, i)
		if w == "" {
			return false
		}
		if roleNouns[w] {
			return true
		}
		if !roleModifiers[w] {
			return false
		}
		i = next
	}
	return false
}

// roleBefore reports whether a hit starting at s follows a job name in a title-like line:
// "Software Engineer - Java", "Principal Engineer | Java", "Systems Engineer ( Java )".
func roleBefore(line string, s int) bool {
	t := strings.TrimRight(line[:s], " ")
	switch {
	case strings.HasSuffix(t, "-"), strings.HasSuffix(t, "|"), strings.HasSuffix(t, "("):
		t = t[:len(t)-1]
	case strings.HasSuffix(t, "–"):
		t = t[:len(t)-len("–")]
	default:
		return false
	}
	t = strings.TrimRight(t, " ")
	i := strings.LastIndexByte(t, ' ') + 1
	return roleNouns[t[i:]] && !moreWords(line, 14)
}

// maxBracket is how far after a hit a closing bracket is looked for.
const maxBracket = 200

// moreWords reports whether s has more than n space-separated words; it stops counting
// there, so a long line costs no more than a short one.
func moreWords(s string, n int) bool {
	count, in := 0, false
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' {
			in = false
		} else if !in {
			in = true
			if count++; count > n {
				return true
			}
		}
	}
	return false
}

// headNouns extend a method's span when they follow it: "automated testing tools",
// "Behavioural Testing Frameworks", "Infrastructure as Code tools".
var headNouns = []string{" frameworks", " framework", " tools"}

// spanEnd returns where a hit ending at e really ends in its line: over a bracketed
// abbreviation or expansion of the same name ("Continuous Integration (CI)", "TDD (test
// driven development)"), over a version note ("Java (version 8 or higher)"), over the head
// noun of a method, and over the bracket that closes a list the hit ends (" )"). innerHits
// counts the hits inside the brackets right after it; sameInner says they all name its own
// concept.
func spanEnd(line, orig string, s, e int, method, sameInner bool, innerHits int) int {
	if method {
		for _, h := range headNouns {
			if strings.HasPrefix(line[e:], h) && (e+len(h) == len(line) || !isWordByte(line[e+len(h)])) {
				e += len(h)
				break
			}
		}
	}
	i := e
	for i < len(line) && line[i] == ' ' {
		i++
	}
	if i < len(line) && line[i] == '(' {
		j := strings.IndexByte(line[i:], ')')
		if j > 0 && j <= 60 && !strings.ContainsAny(line[i+1:i+j], "(\n") {
			inside := strings.TrimSpace(line[i+1 : i+j])
			switch {
			case innerHits > 0 && sameInner:
				return i + j + 1
			case innerHits == 0 && (versionNote(inside) || acronymOf(orig[s:e], strings.TrimSpace(orig[i+1:i+j]))):
				return i + j + 1
			}
		}
	}
	if strings.HasPrefix(line[e:], " )") {
		return e + 2
	}
	return e
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// versionNote reports whether bracketed text states a version and nothing else: "version 8
// or higher", "8+", "v3", "3.x or later".
func versionNote(s string) bool {
	s = strings.TrimPrefix(s, "version")
	s = strings.TrimPrefix(s, "ver.")
	f := strings.Fields(strings.TrimLeft(s, " v"))
	if len(f) == 0 || !versionToken(f[0]) {
		return false
	}
	switch strings.Join(f[1:], " ") {
	case "", "or higher", "or later", "or above", "or newer", "or greater", "and above", "and higher",
		"and later", "이상", "버전", "버전 이상":
		return true
	}
	return false
}

// versionToken reports a version number: 8, 3.11, 2.x, 17+.
func versionToken(t string) bool {
	t = strings.TrimSuffix(t, "+")
	if t == "" || t[0] < '0' || t[0] > '9' {
		return false
	}
	for i := 0; i < len(t); i++ {
		if c := t[i]; !('0' <= c && c <= '9' || c == '.' || c == 'x') {
			return false
		}
	}
	return true
}

// acronymOf reports whether abbr (as written) is the initials of name: "POS" of
// "point-of-sales", "CI" of "Continuous Integration".
func acronymOf(name, abbr string) bool {
	if len(abbr) < 2 || len(abbr) > 6 {
		return false
	}
	upper := 0
	for i := 0; i < len(abbr); i++ {
		c := abbr[i]
		switch {
		case 'A' <= c && c <= 'Z':
			upper++
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		default:
			return false
		}
	}
	if upper < 2 {
		return false
	}
	var initials []byte
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '/' }) {
		initials = append(initials, asciiLower(w[:1])[0])
	}
	return string(initials) == asciiLower(abbr)
}

// What a line holds, from the label before it or at its start.
const (
	lineOrdinary = iota // ordinary text
	lineIndustry        // the industries of the employer ("Industry:" and its values)
	lineRole            // the name of the job ("Role:", "Job title:")
)

// headingKind tells what the lines under a heading hold, by its key ("Industry", "Role").
func headingKind(heading string) int {
	var buf [160]byte
	key, _ := appendHeadingKey(buf[:0], heading, false)
	switch string(key) {
	case "industry", "industries":
		return lineIndustry
	case "role", "jobtitle", "position", "title":
		return lineRole
	}
	return lineOrdinary
}

// lineKind tells a labelled line by the kind of the heading above it (under, lineOrdinary
// when there is none) or its own label.
func lineKind(under int, folded string) int {
	if under != lineOrdinary {
		return under
	}
	t := strings.TrimLeft(folded, " ")
	switch {
	case strings.HasPrefix(t, "industry:"), strings.HasPrefix(t, "industries:"):
		return lineIndustry
	case strings.HasPrefix(t, "role:"), strings.HasPrefix(t, "job title:"):
		return lineRole
	}
	return lineOrdinary
}

// readLine applies the context rules to the hits of one line (offsets in the normalised
// text; the line starts at base) and appends the ones that stand, spans adjusted, to dst.
// sectionAt gives the section of a line offset.
func (a *Analyzer) readLine(dst []Hit, hits []Hit, folded, orig string, base, kind int, korean bool, sectionAt func(off int) jobs.Section) []Hit {
	first := len(dst)
	for _, hit := range hits {
		c := &a.dict.concepts[hit.Concept]
		s, e := hit.nStart-base, hit.nEnd-base
		if contextKind(c.Kind) {
			if korean {
				continue
			}
			sec := sectionAt(s)
			if !(sec == jobs.SectionRequired || sec == jobs.SectionPreferred || kind == lineIndustry) {
				continue
			}
		}
		// A job name is no requirement: "Role: DevOps", "Senior Java Engineer".
		if kind == lineRole {
			hit.weak = true
		} else if latin := isWordByte(folded[s]) || folded[s] == '.'; latin && (roleAfter(folded, e) || roleBefore(folded, s)) {
			hit.weak = true
		}
		dst = append(dst, hit)
	}
	// Spans: stretch each over what belongs to its name, absorbing bracketed mentions of
	// the same skill.
	kept := dst[first:]
	out := kept[:0]
	for i := 0; i < len(kept); i++ {
		hit := kept[i]
		s, e := hit.nStart-base, hit.nEnd-base
		// Hits inside a bracket right after this one.
		// Only the spaces after the hit are looked past, and a bracket is looked for within
		// maxBracket bytes, so a long line costs the same per hit as a short one.
		inner, same := 0, true
		p := e
		for p < len(folded) && folded[p] == ' ' {
			p++
		}
		if p < len(folded) && folded[p] == '(' {
			if q := strings.IndexByte(folded[p:min(len(folded), p+maxBracket)], ')'); q > 0 {
				end := p + q
				for j := i + 1; j < len(kept) && kept[j].nEnd-base <= end; j++ {
					inner++
					same = same && kept[j].Concept == hit.Concept
				}
			}
		}
		method := a.dict.concepts[hit.Concept].Kind == "method"
		ne := spanEnd(folded, orig, s, e, method, same, inner)
		if ne > e && inner > 0 && same {
			i += inner
		}
		hit.nEnd = base + ne
		out = append(out, hit)
	}
	return dst[:first+len(out)]
}
