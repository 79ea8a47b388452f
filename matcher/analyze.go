// Package matcher reads job postings: it splits them into sections, finds the skills they
// name, the experience and degree they ask for, and scores a profile against them. Every
// function here is pure; the skill dictionary is data (skills.yaml).
package matcher

import (
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
	r := a.Analyze(Compose(p))
	an := &r.Analysis
	for i := range an.Skills {
		an.Skills[i].Evidence = nil
	}
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
func (a *Analyzer) Analyze(text string) *Result {
	n := Normalize(text)
	lines := splitLines(n.NFKC, partOther)
	// Only lines that are read for skills are scanned: not headings, benefits or the hiring
	// process.
	var ranges [][2]int
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

	res := &Result{Lines: make([]Line, len(lines))}
	type place struct {
		line int
		span jobs.Span
		sec  jobs.Section
	}
	type acc struct {
		section  jobs.Section
		evidence []jobs.Span
		weak     []place // mentions inside job names
		first    int
	}
	found := map[int]*acc{}
	var order []int
	note := func(ci, first int) *acc {
		ac := found[ci]
		if ac == nil {
			ac = &acc{first: first}
			found[ci] = ac
			order = append(order, ci)
		}
		return ac
	}
	var reqLines, allLines []int // line indexes
	hasRequired := false
	korean := koreanMarket(n.Folded)
	label := "" // the heading key of the previous line when it was a heading
	h := 0
	var lineHits []Hit
	for li, l := range lines {
		s, e := n.Span(l.start, l.end)
		out := Line{Start: s, End: e, Section: l.part.section(), Heading: l.heading, Ignored: l.part == partIgnored}
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
			sectionAt := func(off int) jobs.Section {
				if l.part == partRequired && (opt || inAny(parens, off)) {
					return jobs.SectionPreferred
				}
				return l.part.section()
			}
			lineHits = a.readLine(lineHits[:0], hits[h0:h], folded, lineText, l.start, lineKind(label, folded), korean, sectionAt)
			for _, hit := range lineHits {
				hit.Start, hit.End = n.Span(hit.nStart, hit.nEnd)
				sec := sectionAt(hit.nStart - l.start)
				span := jobs.Span{Start: hit.Start, End: hit.End}
				ac := note(hit.Concept, hit.Start)
				if hit.weak {
					ac.weak = append(ac.weak, place{li, span, sec})
					continue
				}
				out.Skills = append(out.Skills, Found{Name: a.finder.Name(hit), Start: hit.Start, End: hit.End})
				if ac.evidence == nil || sec.Rank() > ac.section.Rank() {
					ac.section = sec
				}
				ac.evidence = append(ac.evidence, span)
			}
		}
		label = ""
		if l.heading {
			label = headingKey(lineText)
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
		res.Lines[li] = out
	}
	touched := map[int]bool{} // lines given places from job names, to sort once
	for _, ci := range order {
		ac := found[ci]
		if ac.evidence == nil {
			// Named only in job names: those are its places.
			for _, p := range ac.weak {
				if ac.evidence == nil || p.sec.Rank() > ac.section.Rank() {
					ac.section = p.sec
				}
				ac.evidence = append(ac.evidence, p.span)
				l := &res.Lines[p.line]
				l.Skills = append(l.Skills, Found{Name: a.dict.concepts[ci].Name, Start: p.span.Start, End: p.span.End})
				touched[p.line] = true
			}
		} else {
			ac.first = ac.evidence[0].Start
		}
	}
	for li := range touched {
		l := &res.Lines[li]
		sort.SliceStable(l.Skills, func(i, j int) bool { return l.Skills[i].Start < l.Skills[j].Start })
	}
	sort.SliceStable(order, func(i, j int) bool { return found[order[i]].first < found[order[j]].first })
	for _, ci := range order {
		ac := found[ci]
		res.Skills = append(res.Skills, jobs.Requirement{Skill: a.dict.concepts[ci].Name, Section: ac.section, Evidence: ac.evidence})
	}
	src := reqLines
	if !hasRequired {
		src = allLines
	}
	// Years and degree read the lines as written and, for their quick tests, folded.
	text2 := make([]string, len(src))
	folded2 := make([]string, len(src))
	for i, li := range src {
		text2[i] = n.NFKC[lines[li].start:lines[li].end]
		folded2[i] = n.Folded[lines[li].start:lines[li].end]
	}
	res.MinYears, res.MaxYears = yearsIn(folded2)
	res.Degree, res.Major = degreeIn(text2, folded2)
	res.Newcomer = res.MinYears != nil && *res.MinYears == 0
	return res
}

// optionalParens returns the bracketed groups of a line that mark their content optional:
// "Python (Spark 경험자 우대)".
func optionalParens(folded string) [][2]int {
	if strings.IndexByte(folded, '(') < 0 && strings.IndexByte(folded, '[') < 0 && !strings.Contains(folded, "（") {
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
