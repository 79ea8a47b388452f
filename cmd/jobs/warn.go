package main

import "github.com/jobs-cli/jobs/report"

// maxWarnings is how many warnings of one kind are printed; the rest are counted.
const maxWarnings = 10

// warnings prints warnings of one kind: the first maxWarnings in full, then one line
// counting the rest ("and 2,999,990 more ..."), so a config with a million bad entries
// prints eleven lines, not a million.
type warnings struct {
	io   *IOStreams
	n    int
	more string // what the count of the rest is followed by: "profile.skills unknown"
}

func newWarnings(io *IOStreams, more string) *warnings { return &warnings{io: io, more: more} }

// Warnf prints a warning, or counts it past maxWarnings.
func (w *warnings) Warnf(format string, args ...any) {
	w.n++
	if w.n <= maxWarnings {
		warnf(w.io, format, args...)
	}
}

// Done prints the count of the warnings not printed.
func (w *warnings) Done() {
	if w.n > maxWarnings {
		warnf(w.io, "and %s more %s", report.Thousands(w.n-maxWarnings), w.more)
	}
}
