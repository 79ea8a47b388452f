package matcher

import (
	"strings"

	"github.com/jobs-cli/jobs"
)

// MajorFit is how the profile's major fits the fields of study a posting's degree lines name.
type MajorFit string

const (
	MajorUnstated MajorFit = ""         // the posting names no field, or the profile no major
	MajorListed   MajorFit = "listed"   // the profile's major is one of the fields named
	MajorClose    MajorFit = "close"    // a close field: "관련 전공", or a sibling of a named field
	MajorUnlisted MajorFit = "unlisted" // the posting names fields and the profile's is not one
)

// majorTrim are the words a major is written with that do not name it: "컴퓨터공학 전공",
// "통계학과" (the department: 통계학).
var majorTrim = []string{"전공", "major", "degree", "학부", "과"}

// FitMajor compares the profile's major with the fields of study an analysis read (Majors,
// and the major as written). A posting asking only for "관련 전공" (a related major) is a close
// fit for any stated major: whether the field is related is the employer's call.
func (d *Dictionary) FitMajor(profileMajor string, a *jobs.Analysis) MajorFit {
	pm := strings.TrimSpace(profileMajor)
	if pm == "" || a == nil || (len(a.Majors) == 0 && a.Major == "") {
		return MajorUnstated
	}
	name := pm
	canon, known := d.Canonical(name)
	for _, w := range majorTrim {
		if known {
			break
		}
		if trimmed := strings.TrimSpace(strings.TrimSuffix(name, w)); trimmed != name && trimmed != "" {
			name = trimmed
			canon, known = d.Canonical(name)
		}
	}
	for _, m := range a.Majors {
		if m == canon {
			return MajorListed
		}
	}
	written := strings.ToLower(a.Major)
	if name != "" && strings.Contains(written, strings.ToLower(name)) {
		return MajorListed
	}
	if known {
		// A field broader or narrower than one named, or sharing a broader one with it.
		mine := map[string]bool{}
		for _, b := range d.Broader(canon) {
			mine[b] = true
		}
		for _, m := range a.Majors {
			for _, b := range d.Broader(m) {
				if mine[b] || b == canon {
					return MajorClose
				}
			}
			if mine[m] {
				return MajorClose
			}
		}
	}
	if strings.Contains(written, "관련") || strings.Contains(written, "related") || strings.Contains(written, "equivalent") {
		return MajorClose
	}
	return MajorUnlisted
}
