package report

import (
	"fmt"
	"strings"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/safetext"
)

// The words the commands describe postings and their requirements with.

// Years writes a range of experience a posting asks for: "신입", "3+", "3-5", "신입-2", and ""
// when it is unknown.
func Years(min, max *int) string {
	switch {
	case min == nil:
		return ""
	case max != nil && *min == 0:
		return fmt.Sprintf("신입-%d", *max)
	case max != nil:
		return fmt.Sprintf("%d-%d", *min, *max)
	case *min == 0:
		return "신입"
	}
	return fmt.Sprintf("%d+", *min)
}

// PostingsWord names n postings as list counts them: open postings, or every stored one
// when all is set ("open posting", "postings").
func PostingsWord(all bool, n int) string {
	switch {
	case all && n == 1:
		return "posting"
	case all:
		return "postings"
	case n == 1:
		return "open posting"
	}
	return "open postings"
}

// IsAre is the verb for n things: "is" for one, "are" for any other number.
func IsAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// SectionTitle names a posting's section for people: Required, Preferred or Other.
func SectionTitle(s jobs.Section) string {
	switch s {
	case jobs.SectionRequired:
		return "Required"
	case jobs.SectionPreferred:
		return "Preferred"
	}
	return "Other"
}

// MajorText is the field of study a posting asks for, for one line: as written (cleaned),
// else the fields read from it, "" when neither.
func MajorText(written string, majors []string) string {
	if written != "" {
		return safetext.OneLine(written)
	}
	return strings.Join(majors, ", ")
}

// Alternatives names a group's members for people: "R", "React or Vue.js", "AWS, GCP or Azure".
func Alternatives(names []string) string { return joinList(names, " or ") }

// joinList lists s for people, commas between and last before the last: "a, b or c".
func joinList(s []string, last string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + last + s[len(s)-1]
}
