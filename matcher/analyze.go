// Package matcher reads job postings: it splits them into sections, finds the skills they
// name, the experience and degree they ask for, and scores a profile against them. Every
// function here is pure; the skill dictionary is data (skills.yaml).
package matcher

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/jobs-cli/jobs"
)

// Analyzer reads postings with one dictionary.
type Analyzer struct {
	dict   *Dictionary
	finder *Finder
}

// New makes an analyzer for a dictionary.
func New(d *Dictionary) *Analyzer {
	return &Analyzer{dict: d, finder: NewFinder(d)}
}

// Dictionary returns the analyzer's dictionary.
func (a *Analyzer) Dictionary() *Dictionary { return a.dict }

// Headings used when a posting's fields are put together as one text.
var (
	koreanHeadings  = [...]string{"회사 소개", "주요업무", "자격요건", "우대사항", "혜택 및 복지", "채용 전형"}
	englishHeadings = [...]string{"About us", "What you will do", "Requirements", "Nice to have", "Benefits", "Hiring process"}
)

// Compose puts a posting's title and fields together as one plain text, each non-empty field
// under its heading, Korean headings unless the requirements hold no Hangul. Text whose
// sections are unknown (Description) follows the title and keeps its own headings.
func Compose(p *jobs.Posting) string {
	s := &p.Sections
	h := koreanHeadings
	if s.Requirements != "" && !hasHangul(s.Requirements) {
		h = englishHeadings
	}
	var b strings.Builder
	b.Grow(len(p.Title) + len(s.Description) + len(s.Intro) + len(s.MainTasks) + len(s.Requirements) +
		len(s.Preferred) + len(s.Benefits) + len(s.HireRounds) + 128)
	b.WriteString(strings.TrimSpace(p.Title))
	b.WriteByte('\n')
	if d := strings.TrimSpace(s.Description); d != "" {
		b.WriteString(d)
		b.WriteByte('\n')
	}
	for i, field := range [...]string{s.Intro, s.MainTasks, s.Requirements, s.Preferred, s.Benefits, s.HireRounds} {
		if f := strings.TrimSpace(field); f != "" {
			b.WriteString(h[i])
			b.WriteByte('\n')
			b.WriteString(f)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// AnalyzePosting reads a posting's fields. Experience comes from the source's structured
// career fields when it gives them, else from the requirement lines.
func (a *Analyzer) AnalyzePosting(p *jobs.Posting) *jobs.Analysis {
	r := a.analyze(Compose(p), false)
	an := &r.Analysis
	if c := p.Career; c != nil {
		min := c.Min
		if c.Newbie {
			min = 0
		}
		an.MinYears = &min
		an.MaxYears = nil
		if c.Max != nil {
			max := *c.Max
			an.MaxYears = &max
		}
		an.Newcomer = min == 0
	}
	return an
}

// Line is one line of an analysed text, for showing a posting section by section.
type Line struct {
	Start, End int          // byte range in the input, without the newline
	Section    jobs.Section // the section its skills count in
	Heading    bool         // the line is a section heading
	Ignored    bool         // benefits, hiring process: not read for skills
	Skills     []Found      // skills found on the line, in order
}

// Found is one skill found at one place.
type Found struct {
	Name       string
	Start, End int // byte range in the input
}

// Result is an analysis with the lines it was read from.
type Result struct {
	jobs.Analysis
	Lines []Line
}

// Analyze reads one posting given as plain text, where section headings stand on their own
// lines. Evidence offsets are byte offsets into text, end exclusive.
//
// A skill named only inside a job name ("Senior Java Engineer", "QA/Test Developer") is still
// reported, with those places as its evidence; when the posting also names it elsewhere,
// the job names are not counted as places where it is asked for.
func (a *Analyzer) Analyze(text string) *Result { return a.analyze(text, true) }

// analyze is Analyze; without full it leaves out what AnalyzePosting does not keep: the
// lines and the evidence.
func (a *Analyzer) analyze(text string, full bool) *Result {
	n := Normalize(text)
	lines := splitLines(n.NFKC, partOther)
	// Only lines that are read for skills are scanned: not headings, benefits or the hiring
	// process.
	ranges := make([][2]int, 0, len(lines))
	for _, l := range lines {
		if l.heading || l.part == partIgnored || l.start == l.end {
			continue
		}
		if k := len(ranges) - 1; k >= 0 && ranges[k][1]+1 == l.start {
			ranges[k][1] = l.end
		} else {
			ranges = append(ranges, [2]int{l.start, l.end})
		}
	}
	hits := a.finder.FindIn(&n, ranges)

	res := &Result{}
	if full {
		res.Lines = make([]Line, len(lines))
	}
	type place struct {
		line int
		span jobs.Span
		sec  jobs.Section
	}
	type acc struct {
		concept  int
		section  jobs.Section
		places   int         // places outside job names
		evidence []jobs.Span // with full
		weak     []place     // mentions inside job names
		first    int         // its first place; for one named only in job names, the first of those
	}
	found := make([]acc, 0, min(len(hits), 64)) // the skills found, in order of first mention
	index := map[int]int{}                      // concept -> its place in found
	// note returns the skill found of a concept; the pointer holds until the next call.
	note := func(ci, first int) *acc {
		k, ok := index[ci]
		if !ok {
			k = len(found)
			index[ci] = k
			found = append(found, acc{concept: ci, first: first})
		}
		return &found[k]
	}
	// The lines' groups, before job-name mentions are weighed, and the grouping's storage,
	// reused from line to line: sized once by the skills found.
	pending := make([]pendingGroup, 0, len(hits))
	scratch := groupScratch{items: make([]lineItem, 0, min(len(hits), 64)),
		concepts: make([]int, 0, len(hits)), weak: make([]bool, 0, len(hits))}
	var majors []Hit                       // fields of study named in degree lines
	reqLines := make([]int, 0, len(lines)) // line indexes
	allLines := make([]int, 0, len(lines))
	hasRequired := false
	korean := koreanMarket(n.Folded)
	under := lineOrdinary // the kind of the previous line when it was a heading
	h := 0
	var lineHits []Hit
	for li, l := range lines {
		var out Line
		if full {
			s, e := n.Span(l.start, l.end)
			out = Line{Start: s, End: e, Section: l.part.section(), Heading: l.heading, Ignored: l.part == partIgnored}
		}
		for h < len(hits) && hits[h].nStart < l.start {
			h++
		}
		lineText := n.NFKC[l.start:l.end]
		folded := n.Folded[l.start:l.end]
		// "~ 경험자 우대" makes a requirement bullet optional; "(Spark 경험자 우대)" makes only
		// what its brackets hold optional.
		parens := optionalParens(folded)
		opt := l.part == partRequired && !l.heading && optional(stripRanges(folded, parens))
		h0 := h
		for h < len(hits) && hits[h].nStart < l.end {
			h++
		}
		if !l.heading && l.part != partIgnored && h > h0 {
			// A line that says a skill is not needed asks for nothing.
			asks := (l.part != partRequired && l.part != partPreferred) || !notNeeded.in(folded)
			sectionAt := func(off int) jobs.Section {
				switch {
				case !asks:
					return jobs.SectionOther
				case l.part == partRequired && (opt || inAny(parens, off)):
					return jobs.SectionPreferred
				}
				return l.part.section()
			}
			// Fields of study in a degree line are majors: never requirements, and for the
			// Korean market, whose postings do not count them, not skills either.
			lineRaw := hits[h0:h]
			kept, lineMajors := a.dict.majorHits(folded, lineRaw, l.start)
			if korean && len(lineMajors) > 0 {
				lineRaw = kept
			}
			majors = append(majors, lineMajors...)
			lineHits = a.readLine(lineHits[:0], lineRaw, folded, lineText, l.start, lineKind(under, folded), korean, sectionAt)
			if l.part == partRequired || l.part == partPreferred {
				pending = a.pendGroups(pending, &scratch, folded, l.start, lineHits, lineMajors, sectionAt, n.Span)
			}
			for _, hit := range lineHits {
				hit.Start, hit.End = n.Span(hit.nStart, hit.nEnd)
				sec := sectionAt(hit.nStart - l.start)
				span := jobs.Span{Start: hit.Start, End: hit.End}
				ac := note(hit.Concept, hit.Start)
				if hit.weak {
					ac.weak = append(ac.weak, place{li, span, sec})
					continue
				}
				if ac.places == 0 || sec.Rank() > ac.section.Rank() {
					ac.section = sec
				}
				if ac.places == 0 {
					ac.first = span.Start
				}
				ac.places++
				if full {
					out.Skills = append(out.Skills, Found{Name: a.finder.Name(hit), Start: hit.Start, End: hit.End})
					ac.evidence = append(ac.evidence, span)
				}
			}
		}
		under = lineOrdinary
		if l.heading {
			under = headingKind(lineText)
		}
		if !l.heading && l.part != partIgnored && li > 0 {
			allLines = append(allLines, li)
		}
		if l.part == partRequired {
			hasRequired = true
			if !l.heading && !opt {
				reqLines = append(reqLines, li)
			}
		}
		if full {
			res.Lines[li] = out
		}
	}
	touched := map[int]bool{} // lines given places from job names, to sort once
	for i := range found {
		ac := &found[i]
		if ac.places > 0 {
			continue
		}
		// Named only in job names: those are its places.
		for k, p := range ac.weak {
			if k == 0 || p.sec.Rank() > ac.section.Rank() {
				ac.section = p.sec
			}
			if full {
				ac.evidence = append(ac.evidence, p.span)
				l := &res.Lines[p.line]
				l.Skills = append(l.Skills, Found{Name: a.dict.concepts[ac.concept].Name, Start: p.span.Start, End: p.span.End})
				touched[p.line] = true
			}
		}
	}
	for li := range touched {
		l := &res.Lines[li]
		slices.SortStableFunc(l.Skills, func(x, y Found) int { return cmp.Compare(x.Start, y.Start) })
	}
	slices.SortStableFunc(found, func(x, y acc) int { return cmp.Compare(x.first, y.first) })
	if len(found) > 0 {
		res.Skills = make([]jobs.Requirement, 0, len(found))
	}
	for _, ac := range found {
		res.Skills = append(res.Skills, jobs.Requirement{Skill: a.dict.concepts[ac.concept].Name, Section: ac.section, Evidence: ac.evidence})
	}
	res.Groups = a.groups(pending, &scratch, func(ci int) bool { k, ok := index[ci]; return ok && found[k].places > 0 })
	res.Majors = a.majorNames(majors)
	// Years and degree are read from the required lines, or every line when none is
	// required: as written and, for their quick tests, folded.
	qualLines := reqLines
	if !hasRequired {
		qualLines = allLines
	}
	qualText := make([]string, len(qualLines))
	qualFolded := make([]string, len(qualLines))
	for i, li := range qualLines {
		qualText[i] = n.NFKC[lines[li].start:lines[li].end]
		qualFolded[i] = n.Folded[lines[li].start:lines[li].end]
	}
	res.MinYears, res.MaxYears = yearsIn(qualFolded)
	res.Degree, res.Major = degreeIn(qualText, qualFolded)
	res.Newcomer = res.MinYears != nil && *res.MinYears == 0
	return res
}

// optionalParens returns the bracketed groups of a line that mark their content optional:
// "Python (Spark 경험자 우대)".
func optionalParens(folded string) [][2]int {
	if strings.IndexByte(folded, '(') < 0 && strings.IndexByte(folded, '[') < 0 && !strings.Contains(folded, "（") ||
		!containsAny(folded, optionalParNeed) {
		return nil
	}
	var out [][2]int
	for _, m := range optionalPar.FindAllStringIndex(folded, -1) {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

func inAny(ranges [][2]int, off int) bool {
	for _, r := range ranges {
		if off >= r[0] && off < r[1] {
			return true
		}
	}
	return false
}

func stripRanges(s string, ranges [][2]int) string {
	if len(ranges) == 0 {
		return s
	}
	var b strings.Builder
	prev := 0
	for _, r := range ranges {
		b.WriteString(s[prev:r[0]])
		prev = r[1]
	}
	b.WriteString(s[prev:])
	return b.String()
}

// SortedSkills returns canonical names in a stable order for output.
func SortedSkills(names []string) []string {
	out := append([]string(nil), names...)
	sort.Strings(out)
	return out
}
