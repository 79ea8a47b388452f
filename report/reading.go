package report

import (
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// Reading is a posting's text read for a person (show, analyze): the analysis with its lines
// and evidence, the score explained against the profile, and how the profile's major fits
// the fields the posting names.
type Reading struct {
	Text     string
	Result   *matcher.Result
	Match    jobs.Match
	MajorFit matcher.MajorFit
}

// ReadText reads a posting's text, as pasted or given in a file.
func ReadText(an *matcher.Analyzer, prof *matcher.Profile, text string) *Reading {
	res := an.Analyze(text)
	d := an.Dictionary()
	return &Reading{Text: text, Result: res, Match: d.Explain(prof, &res.Analysis), MajorFit: d.FitMajor(prof.Major, &res.Analysis)}
}

// ReadPosting reads a stored posting. Its score comes from the stored analysis, the one list
// and gaps use (made now when none is stored); the text is re-read for its lines' marks.
func ReadPosting(an *matcher.Analyzer, prof *matcher.Profile, p *jobs.Posting) *Reading {
	text := matcher.Compose(p)
	res := an.Analyze(text)
	if p.Analysis == nil {
		p.Analysis = an.AnalyzePosting(p)
	}
	d := an.Dictionary()
	return &Reading{Text: text, Result: res, Match: d.Explain(prof, p.Analysis), MajorFit: d.FitMajor(prof.Major, &res.Analysis)}
}

// GroupsByLine is each line's requirements, groups of alternatives, by the line's span.
func (r *Reading) GroupsByLine() map[jobs.Span][]jobs.Group {
	groups := map[jobs.Span][]jobs.Group{}
	for _, g := range r.Result.Groups {
		groups[g.Span] = append(groups[g.Span], g)
	}
	return groups
}

// ShowJSON is the JSON of `show --json`: the posting as `list --json` writes it, its
// sections cleaned, and the skills read from its text with their evidence.
type ShowJSON struct {
	PostingJSON
	Sections jobs.Sections      `json:"sections"`
	Skills   []jobs.Requirement `json:"skills"`
}

// ShowJSON is the reading of the stored posting p as `show --json` writes it.
func (r *Reading) ShowJSON(p *jobs.Posting) ShowJSON {
	return ShowJSON{PostingView(matcher.Scored{Posting: p, Match: r.Match}), CleanSections(p.Sections), r.Result.Skills}
}

// AnalysisJSON is the JSON of `analyze --json` (docs/cli.md).
type AnalysisJSON struct {
	Skills           []jobs.Requirement `json:"skills"`
	MinYears         *int               `json:"min_years"`
	MaxYears         *int               `json:"max_years"`
	Degree           *string            `json:"degree"`
	Major            string             `json:"major,omitempty"`
	Majors           []string           `json:"majors"`
	Requirements     []RequirementJSON  `json:"requirements"`
	Newcomer         bool               `json:"newcomer"`
	Score            float64            `json:"score"`
	Band             string             `json:"band"`
	Matched          []string           `json:"matched"`
	Missing          []string           `json:"missing"`
	MissingGroups    [][]string         `json:"missing_groups"`
	MissingPreferred []string           `json:"missing_preferred"`
}

// RequirementJSON is one requirement: a group of alternatives, and its line's byte range.
type RequirementJSON struct {
	Section jobs.Section `json:"section"`
	AnyOf   []string     `json:"any_of"`
	Start   int          `json:"start"`
	End     int          `json:"end"`
}

// AnalysisJSON is the reading as `analyze --json` writes it: every list present (empty, not
// null), text cleaned of control characters.
func (r *Reading) AnalysisJSON() AnalysisJSON {
	res, m := r.Result, r.Match
	out := AnalysisJSON{Skills: res.Skills, MinYears: res.MinYears, MaxYears: res.MaxYears,
		Major: clean(res.Major), Newcomer: res.Newcomer, Score: m.Score, Band: string(m.Band),
		Matched: NonNil(m.Matched), Missing: NonNil(m.Missing), MissingGroups: NonNilGroups(m.MissingGroups),
		MissingPreferred: NonNil(m.MissingPreferred), Majors: NonNil(res.Majors), Requirements: []RequirementJSON{}}
	for _, g := range res.Groups {
		out.Requirements = append(out.Requirements, RequirementJSON{Section: g.Section, AnyOf: g.AnyOf, Start: g.Span.Start, End: g.Span.End})
	}
	if out.Skills == nil {
		out.Skills = []jobs.Requirement{}
	}
	for i := range out.Skills {
		if out.Skills[i].Evidence == nil {
			out.Skills[i].Evidence = []jobs.Span{}
		}
	}
	if res.Degree != jobs.DegreeNone {
		d := string(res.Degree)
		out.Degree = &d
	}
	return out
}

// PostingStatus says where a posting stands at now: "open, due 2026-12-31", "open, rolling
// (상시)", "closed: deadline 2026-09-30 passed", or its stored status.
func PostingStatus(p *jobs.Posting, now time.Time) string {
	status := string(p.Status)
	switch {
	case p.Status == jobs.StatusOpen && p.Expired(now):
		status = "closed: deadline " + p.Due.Format("2006-01-02") + " passed"
	case p.Due != nil:
		status += ", due " + p.Due.Format("2006-01-02")
	case p.Status == jobs.StatusOpen:
		status += ", rolling (상시)"
	}
	return status
}
