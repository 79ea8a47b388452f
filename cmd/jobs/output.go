package main

import (
	"slices"
	"strings"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/internal/tableprinter"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/report"
)

// newTable makes a table printed to the command's standard output, fitted to its terminal.
func newTable(io *IOStreams, headers ...string) *tableprinter.Table {
	return tableprinter.New(tableprinter.Output{W: io.Out, TTY: io.OutTTY, Width: io.Width, Color: io.Color}, headers...)
}

// paintBand colours a band's name on a terminal that allows colour (NO_COLOR unset).
func paintBand(io *IOStreams, band string) string {
	return paint(io, tableprinter.BandColor(band), band)
}

// paint colours text on a terminal that allows colour.
func paint(io *IOStreams, code, s string) string { return tableprinter.Paint(io.Color, code, s) }

// groupMarks writes the requirements read from one line, each a group of alternatives: a met
// one with ✓ and the alternative the profile has ("[✓ Python]"), an unmet one with ✗ and its
// alternatives ("[✗ React or Vue.js]").
func groupMarks(io *IOStreams, prof *matcher.Profile, groups []jobs.Group) string {
	marks := make([]string, 0, len(groups))
	for _, g := range groups {
		if prof.GroupMet(g) {
			// The alternative the profile names itself, else one it has through a narrower skill.
			had := ""
			for _, s := range g.AnyOf {
				if slices.Contains(prof.Skills, s) {
					had = s
					break
				}
				if had == "" && prof.Has(s) {
					had = s
				}
			}
			marks = append(marks, paint(io, "32", "✓ "+had))
			continue
		}
		marks = append(marks, paint(io, "31", "✗ "+report.Alternatives(g.AnyOf)))
	}
	return paint(io, "2", "[") + strings.Join(marks, paint(io, "2", " · ")) + paint(io, "2", "]")
}

// majorNote says how the profile's major fits the fields a posting names.
func majorNote(io *IOStreams, prof *matcher.Profile, fit matcher.MajorFit) string {
	if prof.Major == "" {
		return paint(io, "2", " (set profile.major to compare yours)")
	}
	yours := safetext.OneLine(prof.Major)
	switch fit {
	case matcher.MajorListed:
		return " " + paint(io, "32", "(✓ yours, "+yours+", is listed)")
	case matcher.MajorClose:
		return " " + paint(io, "33", "(~ yours, "+yours+", may count as related)")
	case matcher.MajorUnlisted:
		return " " + paint(io, "31", "(✗ yours, "+yours+", is not listed)")
	}
	return ""
}
