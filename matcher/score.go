package matcher

import (
	"fmt"
	"math"
	"slices"

	"github.com/jobs-cli/jobs"
)

// Weights of a score. Required coverage dominates; preferred coverage adds; a posting that
// asks for more years than the profile has is scaled down.
const (
	weightRequired  = 0.8
	weightPreferred = 0.2
	partialCredit   = 0.5  // a missing skill of which the profile has a close relative
	yearsStep       = 0.15 // lost per missing year of experience
	yearsFloor      = 0.4  // the least a years gap multiplies a score by
)

// Profile is a profile prepared for scoring: canonical skills and what they imply.
type Profile struct {
	jobs.Profile
	have    map[string]bool // canonical skills the profile has, with every broader concept
	related map[string]bool // concepts close to a skill the profile has (narrower or siblings)
}

// PrepareProfile canonicalises a profile's skills through the dictionary (파이썬 is Python)
// and returns the names it did not know.
func (d *Dictionary) PrepareProfile(p jobs.Profile) (*Profile, []string) {
	out := &Profile{Profile: p, have: map[string]bool{}, related: map[string]bool{}}
	var unknown []string
	var skills []string
	for _, s := range p.Skills {
		name, ok := d.Canonical(s)
		if name == "" {
			continue
		}
		if !ok {
			unknown = append(unknown, s)
		}
		if !out.have[name] {
			skills = append(skills, name)
		}
		out.have[name] = true
		// Knowing Spring Boot is knowing Spring and Java; knowing PyTorch is knowing deep learning.
		for _, b := range d.Broader(name) {
			out.have[b] = true
		}
	}
	out.Skills = skills
	// Close relatives: concepts narrower than a skill the profile has, and siblings sharing a
	// nearest broader concept (MySQL and PostgreSQL; React and Vue).
	parents := map[string]bool{}
	for _, s := range skills {
		if c, ok := d.Concept(s); ok {
			for _, b := range c.Broader {
				if bc, ok := d.Concept(b); ok {
					parents[bc.Name] = true
				}
			}
		}
	}
	for i := range d.concepts {
		c := &d.concepts[i]
		if out.have[c.Name] {
			continue
		}
		for _, b := range c.Broader {
			bn, _ := d.Canonical(b)
			if (out.have[bn] && slices.Contains(skills, bn)) || parents[bn] {
				out.related[c.Name] = true
				break
			}
		}
	}
	return out, unknown
}

// Has reports whether the profile has a canonical skill (or a narrower one).
func (p *Profile) Has(skill string) bool { return p.have[skill] }

// Score scores a profile against one posting's analysis. Its Match has no Parts: Explain
// adds them.
func (d *Dictionary) Score(p *Profile, a *jobs.Analysis) jobs.Match {
	return d.score(p, a, false)
}

// Explain is Score with the Parts that say how the score was made.
func (d *Dictionary) Explain(p *Profile, a *jobs.Analysis) jobs.Match {
	return d.score(p, a, true)
}

// score scores; explain writes the parts, whose notes cost more than the score.
//
// A posting's requirements are groups of alternatives: a group is met when the profile has
// any one of its members (or a narrower skill of one: knowing Azure meets "클라우드"). Required
// groups cover 80% of the score and preferred ones 20%; an unmet group of which the profile
// knows a close relative earns half. The members of unmet required groups are Missing, each
// once, and the groups themselves MissingGroups.
func (d *Dictionary) score(p *Profile, a *jobs.Analysis, explain bool) jobs.Match {
	var m jobs.Match
	if a == nil {
		a = &jobs.Analysis{}
	}
	groups := a.Groups
	if groups == nil {
		groups = jobs.PlainGroups(a.Skills)
	}
	// First pass: which groups the profile meets, and how many names each list of the match
	// takes, so that one allocation holds them all (a list scores tens of thousands).
	type groupState struct{ scored, unmet bool }
	var stateBuf [32]groupState
	state := stateBuf[:0]
	nMatched, nReq, nPref := 0, 0, 0
	for _, r := range a.Skills {
		if p.have[r.Skill] && d.scored(r.Skill) {
			nMatched++
		}
	}
	for _, g := range groups {
		n, met := 0, false
		for _, s := range g.AnyOf {
			if d.scored(s) {
				n++
				met = met || p.have[s]
			}
		}
		gs := groupState{scored: n > 0, unmet: n > 0 && !met}
		switch {
		case !gs.unmet:
		case g.Section == jobs.SectionRequired:
			nReq += n
		case g.Section == jobs.SectionPreferred:
			nPref += n
		}
		state = append(state, gs)
	}
	// Matched, then Missing, the unmet groups' members (flat), Partial and MissingPreferred.
	slab := make([]string, 0, nMatched+3*nReq+nPref)
	take := func(n int) []string {
		out := slab[len(slab) : len(slab) : len(slab)+n]
		slab = slab[:len(slab)+n]
		return out
	}
	m.Matched, m.Missing = take(nMatched), take(nReq)
	flat, partial, missingPref := take(nReq), take(nReq), take(nPref)
	for _, r := range a.Skills {
		if p.have[r.Skill] && d.scored(r.Skill) {
			m.Matched = append(m.Matched, r.Skill)
		}
	}
	var boundBuf [16]int
	bounds := boundBuf[:0] // where each unmet required group ends in flat
	var reqN, prefN int
	var reqGot, prefGot float64
	for i, g := range groups {
		if !state[i].scored {
			continue
		}
		got := 0.0
		if !state[i].unmet {
			got = 1
		} else {
			for _, s := range g.AnyOf {
				if p.related[s] && d.scored(s) {
					got = partialCredit
					break
				}
			}
		}
		switch g.Section {
		case jobs.SectionRequired:
			reqN++
			reqGot += got
			if !state[i].unmet {
				m.Met++
				continue
			}
			for _, s := range g.AnyOf {
				if !d.scored(s) {
					continue
				}
				flat = append(flat, s)
				if !slices.Contains(m.Missing, s) {
					m.Missing = append(m.Missing, s)
					if p.related[s] {
						partial = append(partial, s)
					}
				}
			}
			bounds = append(bounds, len(flat))
		case jobs.SectionPreferred:
			prefN++
			prefGot += got
			if state[i].unmet {
				for _, s := range g.AnyOf {
					if d.scored(s) && !slices.Contains(missingPref, s) {
						missingPref = append(missingPref, s)
					}
				}
			}
		}
	}
	m.Partial, m.MissingPreferred = partial, missingPref
	m.Required = reqN
	if len(bounds) > 0 {
		m.MissingGroups = make([][]string, len(bounds))
		from := 0
		for i, to := range bounds {
			m.MissingGroups[i] = flat[from:to:to]
			from = to
		}
	}
	// A skill missing from a required group is not also listed as missing preferred.
	if len(m.Missing) > 0 && len(m.MissingPreferred) > 0 {
		m.MissingPreferred = slices.DeleteFunc(m.MissingPreferred, func(s string) bool { return slices.Contains(m.Missing, s) })
	}
	m.Matched, m.Missing, m.MissingPreferred, m.Partial = orNil(m.Matched), orNil(m.Missing), orNil(m.MissingPreferred), orNil(m.Partial)
	var score float64
	var parts []jobs.ScorePart
	switch {
	case reqN > 0 && prefN > 0:
		rq, pf := reqGot/float64(reqN), prefGot/float64(prefN)
		score = weightRequired*rq + weightPreferred*pf
		if explain {
			parts = append(parts,
				jobs.ScorePart{Name: "required", Value: rq, Weight: weightRequired, Note: coverNote(reqGot, reqN, "required")},
				jobs.ScorePart{Name: "preferred", Value: pf, Weight: weightPreferred, Note: coverNote(prefGot, prefN, "preferred")})
		}
	case reqN > 0:
		rq := reqGot / float64(reqN)
		score = rq
		if explain {
			parts = append(parts, jobs.ScorePart{Name: "required", Value: rq, Weight: 1, Note: coverNote(reqGot, reqN, "required") + "; no preferred skills named"})
		}
	case prefN > 0:
		pf := prefGot / float64(prefN)
		score = pf
		if explain {
			parts = append(parts, jobs.ScorePart{Name: "preferred", Value: pf, Weight: 1, Note: coverNote(prefGot, prefN, "preferred") + "; no required skills named"})
		}
	default:
		if explain {
			parts = append(parts, jobs.ScorePart{Name: "skills", Value: 0, Weight: 1, Note: "no required or preferred skills found in the posting"})
		}
	}
	if a.MinYears != nil && *a.MinYears > p.Years {
		gap := *a.MinYears - p.Years
		f := math.Max(yearsFloor, 1-yearsStep*float64(gap))
		score *= f
		if explain {
			parts = append(parts, jobs.ScorePart{Name: "years", Value: f,
				Note: fmt.Sprintf("asks for %d+ years, you have %d: score x%.2f", *a.MinYears, p.Years, f)})
		}
	} else if a.MinYears != nil && explain {
		parts = append(parts, jobs.ScorePart{Name: "years", Value: 1,
			Note: fmt.Sprintf("asks for %d+ years, you have %d", *a.MinYears, p.Years)})
	}
	m.Parts = parts
	m.Score = math.Round(score*1000) / 1000
	m.Band = BandOf(m.Score)
	return m
}

// scored reports whether a skill counts in scores and gaps: a concept the dictionary does not
// know (from an older dictionary) does; industries and fields of study do not.
func (d *Dictionary) scored(skill string) bool {
	c, ok := d.Concept(skill)
	return !ok || c.Scored()
}

// GroupMet reports whether the profile meets a group: it has one of its members, or a
// narrower skill of one.
func (p *Profile) GroupMet(g jobs.Group) bool {
	for _, s := range g.AnyOf {
		if p.have[s] {
			return true
		}
	}
	return false
}

// orNil is s, or nil when it is empty (concepts that do not score take no room in a list).
func orNil(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func coverNote(got float64, n int, what string) string {
	if got == math.Trunc(got) {
		return fmt.Sprintf("%d of %d %s met", int(got), n, what)
	}
	return fmt.Sprintf("%.1f of %d %s met (half credit for close relatives)", got, n, what)
}

// BandOf names a score: Great from 0.8, Good from 0.6, Fair from 0.4, else Poor.
func BandOf(score float64) jobs.Band {
	switch {
	case score >= 0.8:
		return jobs.BandGreat
	case score >= 0.6:
		return jobs.BandGood
	case score >= 0.4:
		return jobs.BandFair
	}
	return jobs.BandPoor
}
