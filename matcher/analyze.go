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
func (a *Analyzer) Analyze(text string) *Result {
	n := Normalize(text)
	lines := splitLines(n.NFKC, partOther)
	hits := a.finder.Find(&n)

	res := &Result{Lines: make([]Line, len(lines))}
	type acc struct {
		section  jobs.Section
		evidence []jobs.Span
		first    int
	}
	found := map[int]*acc{}
	var order []int
	var reqLines, allLines []string
	hasRequired := false
	h := 0
	for li, l := range lines {
		s, e := n.Span(l.start, l.end)
		out := Line{Start: s, End: e, Section: l.part.section(), Heading: l.heading, Ignored: l.part == partIgnored}
		// Hits before this line's start belong to no line (cannot happen) or to the previous.
		for h < len(hits) && hits[h].nStart < l.start {
			h++
		}
		lineText := n.NFKC[l.start:l.end]
		folded := n.Folded[l.start:l.end]
		// "~ 경험자 우대" makes a requirement bullet optional; "(Spark 경험자 우대)" makes only
		// what its brackets hold optional.
		parens := optionalParens(folded)
		opt := l.part == partRequired && !l.heading && optional(stripRanges(folded, parens))
		for ; h < len(hits) && hits[h].nStart < l.end; h++ {
			if l.heading || l.part == partIgnored {
				continue
			}
			hit := hits[h]
			sec := l.part.section()
			if l.part == partRequired && (opt || inAny(parens, hit.nStart-l.start)) {
				sec = jobs.SectionPreferred
			}
			out.Skills = append(out.Skills, Found{Name: a.finder.Name(hit), Start: hit.Start, End: hit.End})
			ac := found[hit.Concept]
			if ac == nil {
				ac = &acc{section: sec, first: hit.Start}
				found[hit.Concept] = ac
				order = append(order, hit.Concept)
			} else if sec.Rank() > ac.section.Rank() {
				ac.section = sec
			}
			ac.evidence = append(ac.evidence, jobs.Span{Start: hit.Start, End: hit.End})
		}
		if !l.heading && l.part != partIgnored && li > 0 {
			allLines = append(allLines, lineText)
		}
		if l.part == partRequired {
			hasRequired = true
			if !l.heading && !opt {
				reqLines = append(reqLines, lineText)
			}
		}
		res.Lines[li] = out
	}
	for _, ci := range order {
		ac := found[ci]
		res.Skills = append(res.Skills, jobs.Requirement{Skill: a.dict.concepts[ci].Name, Section: ac.section, Evidence: ac.evidence})
	}
	src := reqLines
	if !hasRequired {
		src = allLines
	}
	res.MinYears, res.MaxYears = yearsIn(src)
	res.Degree, res.Major = degreeIn(src)
	res.Newcomer = res.MinYears != nil && *res.MinYears == 0
	return res
}

// optionalParens returns the bracketed groups of a line that mark their content optional:
// "Python (Spark 경험자 우대)".
func optionalParens(folded string) [][2]int {
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
