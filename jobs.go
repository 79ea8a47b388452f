// Package jobs holds the domain of the jobs tool: postings and their sections, the skills a
// posting asks for, the user's profile, the match between them, the filters that select
// postings, the error kinds, and the interfaces where the layers meet (a store, a source).
//
// It imports nothing but the standard library; every other package of the module imports it.
package jobs

import (
	"context"
	"slices"
	"time"
)

// Status is whether a posting is still taking applications.
type Status string

const (
	StatusOpen   Status = "open"
	StatusClosed Status = "closed"
)

// EmploymentTalentPool is the employment type of a talent-pool posting (인재풀): a standing
// call for people the company may hire later, not an opening. Targets leave such postings out
// unless asked (targets.talent_pool).
const EmploymentTalentPool = "talent_pool"

// Section is where in a posting a skill was asked for. Required outranks preferred, which
// outranks other: a skill named in several sections takes the strongest.
type Section string

const (
	SectionRequired  Section = "required"
	SectionPreferred Section = "preferred"
	SectionOther     Section = "other"
)

// Rank orders sections by strength: required 3, preferred 2, other 1, anything else 0.
func (s Section) Rank() int {
	switch s {
	case SectionRequired:
		return 3
	case SectionPreferred:
		return 2
	case SectionOther:
		return 1
	}
	return 0
}

// Degree is the lowest academic degree a posting requires.
type Degree string

const (
	DegreeNone     Degree = ""
	DegreeBachelor Degree = "bachelor"
	DegreeMaster   Degree = "master"
	DegreePhD      Degree = "phd"
)

// Sections is a posting's text by field, as the source gave it (plain text, "\n" between
// lines). Benefits and HireRounds are kept for display but never read for skills or years.
type Sections struct {
	Intro        string `json:"intro"`
	MainTasks    string `json:"main_tasks"`
	Requirements string `json:"requirements"`
	Preferred    string `json:"preferred"`
	Benefits     string `json:"benefits"`
	HireRounds   string `json:"hire_rounds,omitempty"`
	// Description is text whose sections are not known yet: a JSON-LD or board description
	// turned into lines, headings (자격요건, Requirements, ...) on their own lines. The
	// matcher splits it by its headings.
	Description string `json:"description,omitempty"`
}

// Career is the experience range a source states in structured fields (Wanted's career
// object). Max nil means no upper bound.
type Career struct {
	Min    int  `json:"min"`
	Max    *int `json:"max,omitempty"`
	Newbie bool `json:"newbie"`
}

// Posting is one job posting as collected from one source.
type Posting struct {
	ID             int64      // the store's id; 0 before it is stored
	Source         string     // "wanted", "greenhouse", "lever", ...
	SourceID       string     // the id on the source
	URL            string     // the posting's page
	Company        string     //
	Title          string     //
	Status         Status     //
	Sections       Sections   //
	Categories     []int      // the source's category tag ids (Wanted: parent and children)
	EmploymentType string     // regular, contract, intern, freelance, ..., EmploymentTalentPool
	Location       string     //
	Remote         bool       //
	Due            *time.Time // application deadline; nil = rolling (상시)
	Career         *Career    // structured experience range, when the source gives one
	Raw            []byte     // the source's payload as fetched, so matches can be recomputed
	FirstSeen      time.Time  // set by the store
	LastSeen       time.Time  // set by the store
	ClosedAt       *time.Time // set by the store
	UpdatedAt      *time.Time // when its text last changed after it was first stored; set by the store

	// GroupID is the id of the first-seen posting this one is a sighting of (the same company
	// and title on another board or reposted within DedupWindow); equal to ID for the first.
	GroupID int64
	// Places lists every place the posting was seen, first seen first; set when postings are
	// grouped for listing.
	Places []Place

	Analysis *Analysis // what the matcher read from the text; set before storing
}

// Expired reports whether the posting's application deadline passed before now. A rolling
// posting (상시, no deadline) never expires. Sources give a deadline that is a date as the end
// of that day.
func (p *Posting) Expired(now time.Time) bool { return p.Due != nil && now.After(*p.Due) }

// OpenAt reports whether the posting takes applications at now: its source still lists it
// and its deadline has not passed.
func (p *Posting) OpenAt(now time.Time) bool { return p.Status == StatusOpen && !p.Expired(now) }

// CloseExpired marks the open postings whose deadline passed before now as closed (their
// source may still list them: a passed deadline is a closing all the same) and, with openOnly,
// returns only the postings still open. It reuses posts' storage.
func CloseExpired(posts []*Posting, now time.Time, openOnly bool) []*Posting {
	out := posts[:0]
	for _, p := range posts {
		if p.Status == StatusOpen && p.Expired(now) {
			p.Status = StatusClosed
		}
		if !openOnly || p.Status == StatusOpen {
			out = append(out, p)
		}
	}
	return out
}

// Place is one place a posting was seen.
type Place struct {
	Source   string `json:"source"`
	SourceID string `json:"source_id"`
	URL      string `json:"url"`
}

// Span is a byte range [Start, End) in the text the matcher read.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Requirement is one canonical skill a posting names, in its strongest section.
type Requirement struct {
	Skill    string  `json:"name"`
	Section  Section `json:"section"`
	Evidence []Span  `json:"evidence,omitempty"`
}

// Group is one requirement of a posting: a group of alternatives, any one of which satisfies
// it ("Python 또는 R" is one group of two; "Docker와 Kubernetes" is two groups of one). A line
// of 자격요건 or 우대사항 holds one or more groups.
type Group struct {
	Section Section  `json:"section"` // required or preferred
	AnyOf   []string `json:"any_of"`  // canonical skills, in order of mention
	Span    Span     `json:"-"`       // the byte range of the line it was read from
}

// Analysis is what the matcher reads from one posting.
type Analysis struct {
	Skills   []Requirement // one per canonical skill, in order of first mention
	Groups   []Group       // the requirements: required and preferred groups of alternatives, in order
	Majors   []string      // fields of study the degree lines name (canonical where known): majors, never skills
	MinYears *int          // the least experience required, in years; nil = not stated
	MaxYears *int          // the most experience accepted; nil = no upper bound or not stated
	Degree   Degree        // lowest degree required; "" = none stated
	Major    string        // a required field of study as written ("컴퓨터공학 등 관련 전공"); "" = none
	Newcomer bool          // open to new graduates (신입)
}

// SkillsIn returns the canonical skills of one section, in order.
func (a *Analysis) SkillsIn(s Section) []string {
	if a == nil {
		return nil
	}
	var out []string
	for _, r := range a.Skills {
		if r.Section == s {
			out = append(out, r.Skill)
		}
	}
	return out
}

// Profile is the user: years of experience and the skills they have, as canonical names.
type Profile struct {
	Years  int
	Skills []string
	Major  string // the user's field of study, for postings that cut by major; "" = not given
}

// Band is a word for a score: Poor, Fair, Good or Great.
type Band string

const (
	BandPoor  Band = "Poor"
	BandFair  Band = "Fair"
	BandGood  Band = "Good"
	BandGreat Band = "Great"
)

// Match is how well the profile fits one posting, and why.
type Match struct {
	Score            float64    // 0..1
	Band             Band       //
	Matched          []string   // the posting's skills the profile has, any section
	Missing          []string   // required skills the profile lacks: the members of unmet required groups
	MissingGroups    [][]string // the unmet required groups, each its alternatives
	MissingPreferred []string   // preferred skills the profile lacks: members of unmet preferred groups
	Partial          []string   // missing required skills for which the profile has a close relative
	Met              int        // required groups the profile meets
	Required         int        // required groups in all
	Parts            []ScorePart
}

// ScorePart is one term of a score, for `show` to explain it.
type ScorePart struct {
	Name   string  // "required", "preferred", "years", ...
	Value  float64 // the term's value, 0..1 (a factor for multiplicative parts)
	Weight float64 // its weight in the sum; 0 for a factor
	Note   string  // for people: "3 of 5 required skills"
}

// Page is what a source knows of one posting page between runs: the store keeps it so the
// next run fetches only what changed.
type Page struct {
	Source    string
	SourceID  string
	URL       string
	LastMod   time.Time // the sitemap's lastmod when fetched; zero = none given
	FetchedAt time.Time // when the page was last fetched
	Outcome   Outcome
	// Filter fingerprints the source's filter when the page was skipped by it; a skipped
	// page is fetched again when the filter changes. For a source whose list gives no update
	// time (LINE), it fingerprints the listed record instead, which tells a changed posting.
	Filter string
}

// Outcome is what came of fetching one page.
type Outcome string

const (
	OutcomeKept    Outcome = "kept"    // parsed and stored as a posting
	OutcomeSkipped Outcome = "skipped" // parsed, but outside the configured categories
	OutcomeClosed  Outcome = "closed"  // the page answered 404 or a closed status
)

// Failure is one page or source that could not be collected.
type Failure struct {
	Source string `json:"source"`
	URL    string `json:"url"`
	Status int    `json:"status,omitempty"` // HTTP status, 0 when none came
	Reason string `json:"reason"`
}

func (f Failure) Error() string {
	if f.URL == "" {
		return f.Source + ": " + f.Reason
	}
	return f.URL + ": " + f.Reason
}

// SourceStats counts one source's work in one run.
type SourceStats struct {
	Source   string    `json:"source"`
	Listed   int       `json:"listed"`  // postings the source listed
	Fetched  int       `json:"fetched"` // pages fetched
	Parsed   int       `json:"parsed"`  // pages that gave a posting
	Kept     int       `json:"kept"`    // postings stored (within the configured categories)
	Failed   int       `json:"failed"`  // pages or lists that failed
	Closed   int       `json:"closed"`  // postings found closed or gone
	Queued   int       `json:"queued"`  // changed pages left for a later run by --limit
	Failures []Failure `json:"failures,omitempty"`
}

// Sink receives what a source collects, as it collects it, so every posting is stored the
// moment it is parsed and an interrupted run loses nothing it had.
type Sink interface {
	// Known returns the pages the store has for a source, by source id.
	Known(ctx context.Context, source string) (map[string]Page, error)
	// Save records one fetched page; p is the posting when the outcome is OutcomeKept.
	Save(ctx context.Context, page Page, p *Posting) error
	// Gone closes the source's open postings with these ids (no longer listed).
	Gone(ctx context.Context, source string, sourceIDs []string) error
}

// Source collects postings from one site.
type Source interface {
	Name() string
	// Scrape collects into sink. It returns its counts; a failure of one page is counted and
	// listed in the stats, never returned. The error is for a source that could not run at all.
	Scrape(ctx context.Context, sink Sink) (SourceStats, error)
}

// Filter selects postings. A nil field is not set.
type Filter struct {
	Status   *Status    // nil = any status
	Company  *string    // substring of the company name, case-insensitive
	Since    *time.Time // first seen at or after
	Newcomer *bool      // open to new graduates
	Source   *string    //
	MinScore *float64   // applied after scoring
	Limit    int        // 0 = no limit
}

// Run is one scrape, as the store records it.
type Run struct {
	ID      int64
	Started time.Time
	Ended   *time.Time
	Sources []SourceStats
}

// Same reports whether two analyses say the same: the same skills in the same sections and
// order, years, degree, major and newcomer. Evidence is not compared.
func (a *Analysis) Same(b *Analysis) bool {
	if a == nil || b == nil {
		return a == b
	}
	if len(a.Skills) != len(b.Skills) || !sameInt(a.MinYears, b.MinYears) || !sameInt(a.MaxYears, b.MaxYears) ||
		a.Degree != b.Degree || a.Major != b.Major || a.Newcomer != b.Newcomer {
		return false
	}
	for i := range a.Skills {
		if a.Skills[i].Skill != b.Skills[i].Skill || a.Skills[i].Section != b.Skills[i].Section {
			return false
		}
	}
	if len(a.Groups) != len(b.Groups) {
		return false
	}
	for i := range a.Groups {
		if !a.Groups[i].same(&b.Groups[i]) {
			return false
		}
	}
	return true
}

// same reports whether two groups are the same requirement read from the same place.
func (g *Group) same(o *Group) bool {
	return g.Section == o.Section && g.Span == o.Span && slices.Equal(g.AnyOf, o.AnyOf)
}

// GroupsIn returns the groups of one section, in order.
func (a *Analysis) GroupsIn(s Section) []Group {
	if a == nil {
		return nil
	}
	var out []Group
	for _, g := range a.Groups {
		if g.Section == s {
			out = append(out, g)
		}
	}
	return out
}

// PlainGroups returns one group of one skill for every required and preferred skill: how a
// posting analysed before groups were read (every skill its own requirement) is grouped.
func PlainGroups(skills []Requirement) []Group {
	var out []Group
	for _, r := range skills {
		if r.Section == SectionRequired || r.Section == SectionPreferred {
			out = append(out, Group{Section: r.Section, AnyOf: []string{r.Skill}})
		}
	}
	return out
}

func sameInt(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

// UnmetGroups returns a match's unmet required groups; a match made without groups (every
// missing skill its own requirement) gives one group per missing skill.
func (m *Match) UnmetGroups() [][]string {
	if m.MissingGroups != nil || len(m.Missing) == 0 {
		return m.MissingGroups
	}
	out := make([][]string, len(m.Missing))
	for i, s := range m.Missing {
		out[i] = []string{s}
	}
	return out
}
