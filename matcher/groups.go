package matcher

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jobs-cli/jobs"
)

// A line of 자격요건 or 우대사항 is one or more requirements, each a group of alternatives of
// which any one satisfies it: "Python 또는 R" is one group, "Docker와 Kubernetes" two. The
// grouping reads the words between the skills a line names:
//
//   - an alternative word (또는, 혹은, (이)나, or, "/") joins its neighbours into one group;
//   - a conjunction (및, 와/과, and, &) keeps them apart, as does any other word;
//   - a comma takes the kind of the next joining word of its list ("Go, Rust, or C++" is one
//     group; "A, B and C" three), and with none it joins only when the list is marked as
//     alternatives or examples: "중 하나", "등", "같은", "such as", "e.g.", "one of", "or similar",
//     or brackets after a category ("클라우드(AWS, GCP)");
//   - a category named with its examples joins their group: "MySQL, PostgreSQL 등 RDBMS",
//     "Kafka, RabbitMQ, or similar message brokers", "message brokers such as Kafka", and a
//     broader concept right after a list of alternatives ("Jenkins 혹은 GitHub Actions로 CI/CD").
//
// A line that says a skill is not needed asks for nothing, and fields of study in a degree
// line are majors, not skills (see majorHits).

// joint is what stands between two skills of a line.
type joint uint8

const (
	jointBreak    joint = iota // other words: separate requirements
	jointAdjacent              // nothing but particles and filler nouns ("GitHub Actions로 CI/CD")
	jointComma                 // a list comma
	jointOr                    // an alternative word
	jointAnd                   // a conjunction
	jointExample               // an examples marker before what they exemplify ("등", "or similar")
	jointOpen                  // a category, then its examples ("RDBMS(", "such as")
	jointClose                 // a closing bracket: the bracketed list ends
)

// maxExamples bounds how far a category looks for its examples, so that a line listing
// thousands of skills costs time in proportion to its length.
const maxExamples = 16

// lineItem is one skill found on a line, for grouping: its concept, its place in the folded
// line and the section it counts in.
type lineItem struct {
	concept int
	s, e    int
	section jobs.Section
	weak    bool
}

func wordSetOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var (
	orWords      = wordSetOf("또는", "혹은", "이나", "나", "내지", "아니면", "or", "/", "|", "또는,")
	andWords     = wordSetOf("및", "와", "과", "그리고", "and", "&", "+", "랑", "이랑", "하고", "plus")
	commaWords   = wordSetOf(",", "·", "、", "ㆍ", "‧", "∙", "•")
	exampleWords = wordSetOf("등", "등의", "등을", "등과", "등이", "등에", "등에서", "등으로", "등등", "같은", "similar",
		"other", "equivalent", "comparable", "etc", "etc.", "related", "류의", "따위")
	openWords = wordSetOf("(", "[", "such", "e.g.", "e.g", "eg", "eg.", "like", "including", "예:", "예)", "ex)",
		"ex.", "예를", "i.e.")
	closeWords = wordSetOf(")", "]")
	// fillerWords may stand between two skills of one list without ending it: particles, and
	// nouns that name what the skill is ("AWS 환경 또는 GCP 환경", "Python 언어나 R").
	fillerWords = wordSetOf("환경", "기반", "기반의", "언어", "경험", "개발", "사용", "활용", "계열", "기술", "도구", "툴",
		"플랫폼", "서비스", "프레임워크", "라이브러리", "데이터베이스", "퍼블릭", "프로그래밍", "스택", "관련", "운영",
		"as", "with", "in", "using", "either", "the", "a", "an", "experience", "languages", "language",
		"frameworks", "framework", "tools", "tool", "databases", "database", "platforms", "platform",
		"technologies", "technology", "services", "stack", "-", "–", ":", "both")
	// Particles that join a word to the next as a connector: "환경이나", "언어와".
	connectorParticles = []struct {
		suffix string
		kind   joint
	}{{"이나", jointOr}, {"나", jointOr}, {"이랑", jointAnd}, {"랑", jointAnd}, {"와", jointAnd}, {"과", jointAnd}}
	// preMarkers before a list mark it as alternatives.
	preMarkers = []string{"one of", "any of", "at least one", "one or more", "either", "such as", "e.g", "like ",
		"including", "다음 중", "예를 들어", "예:", "중 하나", "중 택"}
	// notNeeded marks a line that asks for nothing: "Kotlin 경험이 없어도 괜찮습니다".
	notNeeded = newWordSet("없어도 괜찮", "없어도 됩니다", "없어도 돼요", "없어도 무방", "몰라도 괜찮", "몰라도 됩니다",
		"몰라도 돼요", "필수는 아닙니다", "필수는 아니에요", "필수가 아닙니다", "필수 아님", "필수는 아님", "무관합니다",
		"not required", "not a requirement", "not necessary", "not needed", "not a must", "no prior experience",
		"don't need", "do not need", "don't have to", "do not have to", "needn't")
)

// eachWord calls yield with each word and punctuation mark of the text between two skills,
// until yield returns false.
func eachWord(s string, yield func(string) bool) {
	start := -1
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			if start >= 0 {
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
		case strings.ContainsRune(",/|()[]&+·、ㆍ‧∙•;", r):
			if start >= 0 {
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
			if !yield(s[i : i+utf8.RuneLen(r)]) {
				return
			}
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		yield(s[start:])
	}
}

// filler reports whether a word may stand inside a list: a filler noun, or a particle or
// ending the dictionary allows after a Korean name.
func (d *Dictionary) filler(w string) bool {
	if fillerWords[w] || d.suffixSet[w] {
		return true
	}
	// A particle glued to a filler: "환경을", "언어로".
	for _, p := range [...]string{"을", "를", "이", "가", "은", "는", "의", "에", "로", "으로", "에서"} {
		if stem, ok := strings.CutSuffix(w, p); ok && stem != "" && fillerWords[stem] {
			return true
		}
	}
	return false
}

// classify reads the text between two skills.
func (d *Dictionary) classify(gap string) joint {
	var or, and, comma, example, open, close bool
	others, afterExample := 0, 0
	eachWord(gap, func(w string) bool {
		switch {
		case closeWords[w]:
			close = true
		case orWords[w]:
			or = true
		case andWords[w]:
			and = true
		case commaWords[w]:
			comma = true
		case exampleWords[w]:
			example = true
		case openWords[w]:
			open = true
		case d.filler(w):
		default:
			kind := jointBreak
			for _, cp := range connectorParticles {
				if stem, ok := strings.CutSuffix(w, cp.suffix); ok && (stem == "" || fillerWords[stem]) {
					kind = cp.kind
					break
				}
			}
			switch {
			case kind == jointOr:
				or = true
			case kind == jointAnd:
				and = true
			case example:
				afterExample++ // "등 퍼블릭 클라우드": words before the category
			default:
				others++
			}
		}
		return others == 0 // another word breaks the list whatever follows
	})
	switch {
	case close:
		return jointClose
	case others > 0:
		return jointBreak
	case example && afterExample <= 2:
		return jointExample
	case afterExample > 0:
		return jointBreak
	case or:
		return jointOr // also inside a bracket: "Python(또는 R)"
	case open:
		return jointOpen
	case and:
		return jointAnd
	case comma:
		return jointComma
	}
	return jointAdjacent
}

// altAfter reports whether the text after a list marks it as alternatives or examples:
// "중 하나", "등", "같은", "or similar".
func (d *Dictionary) altAfter(post string) bool {
	alt, afterOr := false, false
	eachWord(post, func(w string) bool {
		switch {
		case afterOr:
			alt = exampleWords[w] || w == "another" || w == "any"
			return false
		case strings.HasPrefix(w, "중"), exampleWords[w]:
			alt = true
			return false
		case w == "or":
			afterOr = true
			return true
		}
		return d.filler(w)
	})
	return alt
}

// altBefore reports whether the text before a list marks it as alternatives: "one of",
// "such as", "e.g.".
func altBefore(pre string) bool {
	for _, m := range preMarkers {
		if strings.Contains(pre, m) {
			return true
		}
	}
	return false
}

// openBefore reports whether the list starts inside a bracket opened just before it.
func openBefore(pre string) bool {
	t := strings.TrimRight(pre, " ")
	return strings.HasSuffix(t, "(") || strings.HasSuffix(t, "[")
}

// isAncestor reports whether concept anc is broader than concept of, at any distance.
func (d *Dictionary) isAncestor(anc, of int) bool {
	for _, a := range d.ancestors[of] {
		if a == anc {
			return true
		}
	}
	return false
}

// groupLine groups one line's items (given in order of place).
//
// It returns, for each item, the item that stands for its group; sc's storage is reused
// from line to line.
func (d *Dictionary) groupLine(folded string, items []lineItem, sc *groupScratch) []int {
	n := len(items)
	if n == 0 {
		return nil
	}
	// parent, size and root share one array.
	sc.ints = grow(sc.ints, 3*n)
	parent, size, root := sc.ints[:n], sc.ints[n:2*n], sc.ints[2*n:]
	for i := range parent {
		parent[i], size[i] = i, 1
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) {
		a, b = find(a), find(b)
		if a != b {
			parent[b] = a
			size[a] += size[b]
		}
	}
	sc.joints = grow(sc.joints, 2*n)
	joints, nextAll := sc.joints[:max(n-1, 0)], sc.joints[n:]
	for i := 0; i+1 < n; i++ {
		if items[i+1].s < items[i].e {
			joints[i] = jointAdjacent
			continue
		}
		joints[i] = d.classify(folded[items[i].e:items[i+1].s])
	}
	// Runs: items between breaks (a closing bracket ends a run too).
	for start := 0; start < n; {
		end := start
		for end+1 < n && joints[end] != jointBreak && joints[end] != jointClose {
			end++
		}
		preFrom := 0
		if start > 0 {
			preFrom = items[start-1].e
		}
		pre := folded[preFrom:items[start].s]
		postTo := len(folded)
		if end+1 < n {
			postTo = items[end+1].s
		}
		post := folded[items[end].e:postTo]
		// Inside a bracket opened within the run ("클라우드(AWS, GCP)") or right before it.
		bracketAt := -1
		if openBefore(pre) {
			bracketAt = start
		}
		marked := altBefore(pre) || d.altAfter(post)
		// next[k] is the first joint after k that is not a comma (or an adjacency): what a
		// comma at k takes its kind from. Read right to left, so a long list costs one pass.
		next := nextAll[:end-start+1]
		var last joint = jointBreak
		for k := end - 1; k >= start; k-- {
			next[k-start] = last
			if j := joints[k]; j == jointOr || j == jointExample || j == jointAnd {
				last = j
			}
		}
		for k := start; k < end; k++ {
			j := joints[k]
			if j == jointOpen && bracketAt < 0 {
				bracketAt = k + 1
			}
			switch j {
			case jointOr, jointExample:
				union(k, k+1)
			case jointComma:
				alt := marked || (bracketAt >= 0 && k >= bracketAt)
				switch next[k-start] {
				case jointOr, jointExample:
					alt = true
				case jointAnd:
					alt = false
				}
				if alt {
					union(k, k+1)
				}
			case jointOpen:
				// A category, then its examples: joined when the category is broader than one
				// of them, or the words say they are examples ("such as", "e.g.").
				gap := folded[items[k].e:items[k+1].s]
				explicit := !strings.Contains(gap, "(") && !strings.Contains(gap, "[")
				for m := k + 1; m <= min(end, k+maxExamples) && !explicit; m++ {
					explicit = d.isAncestor(items[k].concept, items[m].concept)
				}
				if explicit {
					union(k, k+1)
				}
			case jointAdjacent:
				// A broader concept right after a list of alternatives: "Jenkins 혹은 GitHub
				// Actions로 CI/CD".
				if size[find(k)] >= 2 {
					root := find(k)
					for m := max(start, k-maxExamples); m <= k; m++ {
						if find(m) == root && d.isAncestor(items[k+1].concept, items[m].concept) {
							union(k, k+1)
							break
						}
					}
				}
			}
		}
		start = end + 1
	}
	for i := range items {
		root[i] = find(i)
	}
	return root
}

// groupScratch is storage the grouping of one posting's lines reuses: a posting is read
// line by line, tens of thousands of postings a second.
type groupScratch struct {
	items  []lineItem
	ints   []int   // a line's union-find parents, group sizes and roots
	joints []joint // a line's joints, and a run's next joining words
	// The members of every pending group, one group after another (pendingGroup.from, to).
	concepts []int
	weak     []bool
}

// grow returns s with length n, reusing its array when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, max(n, 2*cap(s)))
	}
	return s[:n]
}

// Majors. A degree line names the degree and the fields of study; a field there is a major,
// compared with the profile's major, never a skill.
var (
	koreanDegreeWords = []string{"전공", "학과", "학위", "학사", "석사", "박사", "졸업", "학부"}
	englishDegreeRe   = regexp.MustCompile(`\b(?:degree|bachelor'?s?|master'?s?|ph\.?\s?d|b\.?\s?sc?|m\.?\s?sc?|b\.a|b\.s|m\.s|ba|majors?|majoring|diploma)\b`)
	// Words that make what follows or precedes them a skill in use, not a field studied.
	usageWords = []string{"경험", "경력", "연구", "능력", "역량", "지식", "이해", "활용", "사용", "실무", "업무", "experience", "skill",
		"knowledge", "proficien", "expertise", "familiar", "with "}
)

// majorKind reports whether a concept of this kind can be a field of study.
func majorKind(kind string) bool {
	return kind == "field" || kind == "domain" || kind == "method" || kind == "industry"
}

// majorHits splits a line's hits into the skills it asks for and the fields of study it
// names as majors. base is the line's offset in the normalised text.
func (d *Dictionary) majorHits(folded string, hits []Hit, base int) (skills, majors []Hit) {
	field := false
	for _, h := range hits {
		field = field || majorKind(d.concepts[h.Concept].Kind)
	}
	if !field || !mayStateDegree(folded) && !strings.Contains(folded, "전공") && !strings.Contains(folded, "학과") {
		return hits, nil
	}
	var kw []int // places of Korean degree words
	for _, w := range koreanDegreeWords {
		for off := 0; ; {
			i := strings.Index(folded[off:], w)
			if i < 0 {
				break
			}
			kw = append(kw, off+i)
			off += i + len(w)
		}
	}
	en := englishDegreeRe.FindAllStringIndex(folded, -1)
	if len(kw) == 0 && len(en) == 0 {
		return hits, nil
	}
	for _, h := range hits {
		s, e := h.nStart-base, h.nEnd-base
		if d.studied(folded, s, e, &d.concepts[h.Concept], kw, en) {
			majors = append(majors, h)
		} else {
			skills = append(skills, h)
		}
	}
	return skills, majors
}

// studied reports whether the name at [s, e) of a degree line, of a concept of this kind,
// stands as a field of study. In Korean, a discipline's name (통계학, 컴퓨터공학: a field, or a
// name ending in 학) before a degree word, with no word of use between ("통계학 석사",
// "경영학, 통계학 등 관련 전공"); "컴퓨터 비전 관련 분야 박사" names a research area, a skill. In
// English, a field after a degree word ("BS in Statistics", "a degree in CS, EE or Math") or
// before one ("a Computer Science degree").
func (d *Dictionary) studied(folded string, s, e int, c *Concept, kw []int, en [][]int) bool {
	kind := c.Kind
	if !majorKind(kind) || englishDegreeRe.MatchString(strings.ToLower(c.Name)) {
		return false // not a field, or a degree itself (PhD, Bachelor's Degree)
	}
	name := folded[s:e]
	if kind == "field" && (englishDegreeRe.MatchString(name) || containsAny(name, koreanDegreeWords)) {
		return true // named with its degree: "CS Degree", "컴퓨터공학과"
	}
	if hasHangul(name) {
		// Before 전공 or 학과 any field is one studied ("통계/수학 관련 학과"); before a degree
		// alone only a discipline's name is ("통계학 석사", not "컴퓨터 비전 관련 분야 박사").
		discipline := kind == "field" || strings.HasSuffix(name, "학")
		for _, k := range kw {
			if k < e || containsAny(folded[e:k], usageWords) {
				continue
			}
			if discipline || strings.HasPrefix(folded[k:], "전공") || strings.HasPrefix(folded[k:], "학과") || strings.HasPrefix(folded[k:], "학부") {
				return true
			}
		}
		return false
	}
	for _, m := range en {
		if m[1] <= s && !containsAny(folded[m[1]:s], usageWords) && !usedAfter(folded[e:]) {
			return true
		}
		if m[0] >= e && !containsAny(folded[e:m[0]], usageWords) {
			return true // "a Computer Science degree"
		}
	}
	return false
}

// usedAfter reports whether the words right after a name make it a skill in use
// ("statistics experience").
func usedAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, w := range [...]string{"experience", "skill", "knowledge", "proficien", "expertise"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// pendingGroup is one group of a line, its members concept indexes; weak members were named
// inside job names and count only for a skill named nowhere else.
type pendingGroup struct {
	section  jobs.Section
	span     jobs.Span
	from, to int // its members in groupScratch.concepts and .weak
}

// pendGroups appends the groups of one line's hits; lineStart is the line's place in the
// normalised text and span maps normalised offsets to the input's.
//
// Hits of majors (fields of study) are no requirement: they are left out.
func (a *Analyzer) pendGroups(dst []pendingGroup, sc *groupScratch, folded string, lineStart int, hits, majors []Hit,
	sectionAt func(int) jobs.Section, span func(int, int) (int, int)) []pendingGroup {
	items := sc.items[:0]
	defer func() { sc.items = items[:0] }()
	for _, h := range hits {
		// Majors, and what nobody learns for a job (industries, degrees, fields), are no
		// requirement to meet.
		if isMajor(h, majors) || !a.dict.concepts[h.Concept].Scored() {
			continue
		}
		s, e := h.nStart-lineStart, h.nEnd-lineStart
		sec := sectionAt(s)
		if sec != jobs.SectionRequired && sec != jobs.SectionPreferred {
			continue
		}
		items = append(items, lineItem{concept: h.Concept, s: s, e: e, section: sec, weak: h.weak})
	}
	if len(items) == 0 {
		return dst
	}
	ls, le := span(lineStart, lineStart+len(folded))
	root := a.dict.groupLine(folded, items, sc)
	for i := range items {
		if root[i] != i {
			continue // each group once, at its representative; in order of first place
		}
		// A group's members count in one section: a bracket that makes some of them
		// optional ("Python (Spark 우대)") splits it.
		for _, sec := range [...]jobs.Section{jobs.SectionRequired, jobs.SectionPreferred} {
			from := len(sc.concepts)
			for k := range items {
				if root[k] == i && items[k].section == sec {
					sc.concepts = append(sc.concepts, items[k].concept)
					sc.weak = append(sc.weak, items[k].weak)
				}
			}
			if len(sc.concepts) > from {
				dst = append(dst, pendingGroup{section: sec, span: jobs.Span{Start: ls, End: le}, from: from, to: len(sc.concepts)})
			}
		}
	}
	return dst
}

// isMajor reports whether a hit (perhaps stretched over brackets) is one of the majors.
func isMajor(h Hit, majors []Hit) bool {
	for _, m := range majors {
		if m.Concept == h.Concept && m.nStart >= h.nStart && m.nStart < max(h.nEnd, h.nStart+1) {
			return true
		}
	}
	return false
}

// groups turns the pending groups into the analysis's: job-name mentions are dropped for a
// skill named elsewhere (namedElsewhere), each member named once, and a group read twice in
// one section kept once.
//
// The result is never nil: an analysis read as groups says so even when it found none.
func (a *Analyzer) groups(pending []pendingGroup, sc *groupScratch, namedElsewhere func(concept int) bool) []jobs.Group {
	out := make([]jobs.Group, 0, len(pending))
	if len(pending) == 0 {
		return out
	}
	names := make([]string, 0, len(sc.concepts)) // every group's names, one array
	for _, pg := range pending {
		first := len(names)
		for k := pg.from; k < pg.to; k++ {
			ci := sc.concepts[k]
			if sc.weak[k] && namedElsewhere(ci) {
				continue
			}
			if name := a.dict.concepts[ci].Name; !slices.Contains(names[first:], name) {
				names = append(names, name)
			}
		}
		g := jobs.Group{Section: pg.section, AnyOf: names[first:len(names):len(names)], Span: pg.span}
		if len(g.AnyOf) == 0 || slices.ContainsFunc(out, func(o jobs.Group) bool {
			return o.Section == g.Section && slices.Equal(o.AnyOf, g.AnyOf)
		}) {
			names = names[:first]
			continue
		}
		out = append(out, g)
	}
	return out
}

// majorNames names the fields of study found, each once, in order.
func (a *Analyzer) majorNames(majors []Hit) []string {
	var out []string
	for _, h := range majors {
		name := a.dict.concepts[h.Concept].Name
		dup := false
		for _, n := range out {
			dup = dup || n == name
		}
		if !dup {
			out = append(out, name)
		}
	}
	return out
}
