package report

import (
	"strconv"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/matcher"
)

// PostingJSON is a posting as `list --json` and `show --json` print it (docs/cli.md), and
// the part of an `export` line that describes the posting.
type PostingJSON struct {
	ID               string          `json:"id"`
	Source           string          `json:"source"`
	SourceID         string          `json:"source_id"`
	Company          string          `json:"company"`
	Title            string          `json:"title"`
	URL              string          `json:"url"`
	Status           string          `json:"status"`
	Score            float64         `json:"score"`
	Band             string          `json:"band"`
	Matched          []string        `json:"matched"`
	Missing          []string        `json:"missing"`
	MissingGroups    [][]string      `json:"missing_groups"`
	MissingPreferred []string        `json:"missing_preferred"`
	Partial          []string        `json:"partial"`
	Required         []string        `json:"required"`
	Preferred        []string        `json:"preferred"`
	MinYears         *int            `json:"min_years"`
	MaxYears         *int            `json:"max_years"`
	Degree           *string         `json:"degree"`
	Major            string          `json:"major,omitempty"`
	Newcomer         bool            `json:"newcomer"`
	EmploymentType   string          `json:"employment_type,omitempty"`
	Location         string          `json:"location,omitempty"`
	Due              *string         `json:"due"`
	FirstSeen        string          `json:"first_seen"`
	LastSeen         string          `json:"last_seen"`
	ClosedAt         *string         `json:"closed_at,omitempty"`
	Updated          bool            `json:"updated"`              // its text changed after it was first seen
	UpdatedAt        *string         `json:"updated_at,omitempty"` // when it last did
	Sources          []PostingSource `json:"sources"`
}

// PostingSource is one place a posting was seen: a source, its id there, and the URL.
type PostingSource struct {
	Source   string `json:"source"`
	SourceID string `json:"source_id"`
	URL      string `json:"url"`
}

// PostingView is the JSON of a scored posting: its text cleaned for printing, its lists
// never null, its times in UTC, and every place it was seen (its own when none is recorded).
func PostingView(s matcher.Scored) PostingJSON {
	p, m := s.Posting, s.Match
	a := p.Analysis
	if a == nil {
		a = &jobs.Analysis{}
	}
	out := PostingJSON{
		ID: strconv.FormatInt(p.ID, 10), Source: p.Source, SourceID: p.SourceID,
		Company: safetext.Clean(p.Company), Title: safetext.Clean(p.Title), URL: p.URL, Status: string(p.Status),
		Score: m.Score, Band: string(m.Band),
		Matched: NonNil(m.Matched), Missing: NonNil(m.Missing), MissingGroups: NonNilGroups(m.MissingGroups),
		MissingPreferred: NonNil(m.MissingPreferred), Partial: NonNil(m.Partial), Required: NonNil(a.SkillsIn(jobs.SectionRequired)),
		Preferred: NonNil(a.SkillsIn(jobs.SectionPreferred)),
		MinYears:  a.MinYears, MaxYears: a.MaxYears, Major: safetext.Clean(a.Major), Newcomer: a.Newcomer,
		EmploymentType: p.EmploymentType, Location: safetext.Clean(p.Location),
		FirstSeen: RFC3339(p.FirstSeen), LastSeen: RFC3339(p.LastSeen),
	}
	for _, pl := range p.Places {
		out.Sources = append(out.Sources, PostingSource(pl))
	}
	if len(out.Sources) == 0 {
		out.Sources = []PostingSource{{Source: p.Source, SourceID: p.SourceID, URL: p.URL}}
	}
	if a.Degree != jobs.DegreeNone {
		d := string(a.Degree)
		out.Degree = &d
	}
	if p.Due != nil {
		d := p.Due.Format("2006-01-02")
		out.Due = &d
	}
	if p.UpdatedAt != nil {
		u := RFC3339(*p.UpdatedAt)
		out.Updated, out.UpdatedAt = true, &u
	}
	if p.ClosedAt != nil {
		c := RFC3339(*p.ClosedAt)
		out.ClosedAt = &c
	}
	return out
}

// NonNil is s, or an empty list when s is nil, so that JSON prints [] rather than null.
func NonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// NonNilGroups is g, or an empty list when g is nil, so that JSON prints [] rather than null.
func NonNilGroups(g [][]string) [][]string {
	if g == nil {
		return [][]string{}
	}
	return g
}

// RFC3339 writes t in UTC as RFC 3339 (2026-11-20T06:30:00Z), "" for the zero time.
func RFC3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// AppendJSON appends j as encoding/json writes it with HTML escaping off, byte for byte (a
// test holds the two equal), so that jsonout.WriteArray writes it on every core: `list
// --json` of tens of thousands of postings spends most of its time in reflection otherwise.
func (j *PostingJSON) AppendJSON(b []byte) []byte {
	b = append(b, `{"id":`...)
	b = jsonout.AppendString(b, j.ID)
	b = append(b, `,"source":`...)
	b = jsonout.AppendString(b, j.Source)
	b = append(b, `,"source_id":`...)
	b = jsonout.AppendString(b, j.SourceID)
	b = append(b, `,"company":`...)
	b = jsonout.AppendString(b, j.Company)
	b = append(b, `,"title":`...)
	b = jsonout.AppendString(b, j.Title)
	b = append(b, `,"url":`...)
	b = jsonout.AppendString(b, j.URL)
	b = append(b, `,"status":`...)
	b = jsonout.AppendString(b, j.Status)
	b = append(b, `,"score":`...)
	b = jsonout.AppendFloat(b, j.Score)
	b = append(b, `,"band":`...)
	b = jsonout.AppendString(b, j.Band)
	b = append(b, `,"matched":`...)
	b = jsonout.AppendStrings(b, j.Matched)
	b = append(b, `,"missing":`...)
	b = jsonout.AppendStrings(b, j.Missing)
	b = append(b, `,"missing_groups":`...)
	if j.MissingGroups == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, g := range j.MissingGroups {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonout.AppendStrings(b, g)
		}
		b = append(b, ']')
	}
	b = append(b, `,"missing_preferred":`...)
	b = jsonout.AppendStrings(b, j.MissingPreferred)
	b = append(b, `,"partial":`...)
	b = jsonout.AppendStrings(b, j.Partial)
	b = append(b, `,"required":`...)
	b = jsonout.AppendStrings(b, j.Required)
	b = append(b, `,"preferred":`...)
	b = jsonout.AppendStrings(b, j.Preferred)
	b = append(b, `,"min_years":`...)
	b = jsonout.AppendIntPtr(b, j.MinYears)
	b = append(b, `,"max_years":`...)
	b = jsonout.AppendIntPtr(b, j.MaxYears)
	b = append(b, `,"degree":`...)
	b = jsonout.AppendStringPtr(b, j.Degree)
	if j.Major != "" {
		b = append(b, `,"major":`...)
		b = jsonout.AppendString(b, j.Major)
	}
	b = append(b, `,"newcomer":`...)
	b = strconv.AppendBool(b, j.Newcomer)
	if j.EmploymentType != "" {
		b = append(b, `,"employment_type":`...)
		b = jsonout.AppendString(b, j.EmploymentType)
	}
	if j.Location != "" {
		b = append(b, `,"location":`...)
		b = jsonout.AppendString(b, j.Location)
	}
	b = append(b, `,"due":`...)
	b = jsonout.AppendStringPtr(b, j.Due)
	b = append(b, `,"first_seen":`...)
	b = jsonout.AppendString(b, j.FirstSeen)
	b = append(b, `,"last_seen":`...)
	b = jsonout.AppendString(b, j.LastSeen)
	if j.ClosedAt != nil {
		b = append(b, `,"closed_at":`...)
		b = jsonout.AppendString(b, *j.ClosedAt)
	}
	b = append(b, `,"updated":`...)
	b = strconv.AppendBool(b, j.Updated)
	if j.UpdatedAt != nil {
		b = append(b, `,"updated_at":`...)
		b = jsonout.AppendString(b, *j.UpdatedAt)
	}
	b = append(b, `,"sources":`...)
	if j.Sources == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, s := range j.Sources {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"source":`...)
			b = jsonout.AppendString(b, s.Source)
			b = append(b, `,"source_id":`...)
			b = jsonout.AppendString(b, s.SourceID)
			b = append(b, `,"url":`...)
			b = jsonout.AppendString(b, s.URL)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// CleanSections is a posting's sections with each cleaned for printing.
func CleanSections(s jobs.Sections) jobs.Sections {
	return jobs.Sections{Intro: safetext.Clean(s.Intro), MainTasks: safetext.Clean(s.MainTasks), Requirements: safetext.Clean(s.Requirements),
		Preferred: safetext.Clean(s.Preferred), Benefits: safetext.Clean(s.Benefits), HireRounds: safetext.Clean(s.HireRounds), Description: safetext.Clean(s.Description)}
}
