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
func (d *Dictionary) score(p *Profile, a *jobs.Analysis, explain bool) jobs.Match {
	var m jobs.Match
	if a == nil {
		a = &jobs.Analysis{}
	}
	var reqN, prefN int
	var reqGot, prefGot float64
	m.Matched, m.Missing, m.MissingPreferred, m.Partial = carve(p, a.Skills)
	for _, r := range a.Skills {
		if c, ok := d.Concept(r.Skill); ok && !c.Scored() {
			continue
		}
		have := p.have[r.Skill]
		if have {
			m.Matched = append(m.Matched, r.Skill)
		}
		switch r.Section {
		case jobs.SectionRequired:
			reqN++
			switch {
			case have:
				reqGot++
			case p.related[r.Skill]:
				reqGot += partialCredit
				m.Partial = append(m.Partial, r.Skill)
				m.Missing = append(m.Missing, r.Skill)
			default:
				m.Missing = append(m.Missing, r.Skill)
			}
		case jobs.SectionPreferred:
			prefN++
			switch {
			case have:
				prefGot++
			case p.related[r.Skill]:
				prefGot += partialCredit
				m.MissingPreferred = append(m.MissingPreferred, r.Skill)
			default:
				m.MissingPreferred = append(m.MissingPreferred, r.Skill)
			}
		}
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

// carve makes the lists of a match from one allocation sized to a posting's skills: a skill
// is matched or missing or missing preferred (partial ones missing and partial), so no list
// can outgrow its share. Empty lists stay nil.
func carve(p *Profile, skills []jobs.Requirement) (matched, missing, missingPreferred, partial []string) {
	var nm, nr, np, npart int
	for _, r := range skills {
		switch have := p.have[r.Skill]; {
		case have:
			nm++
		case r.Section == jobs.SectionRequired:
			nr++
			if p.related[r.Skill] {
				npart++
			}
		case r.Section == jobs.SectionPreferred:
			np++
		}
	}
	if nm+nr+np+npart == 0 {
		return nil, nil, nil, nil
	}
	buf := make([]string, nm+nr+np+npart)
	take := func(n int) []string {
		if n == 0 {
			return nil
		}
		s := buf[:0:n]
		buf = buf[n:]
		return s
	}
	return take(nm), take(nr), take(np), take(npart)
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
		return fmt.Sprintf("%d of %d %s skills", int(got), n, what)
	}
	return fmt.Sprintf("%.1f of %d %s skills (half credit for close relatives)", got, n, what)
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
