package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/atomicfile"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/internal/tableprinter"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/report"
)

type analyzeOptions struct {
	f    *Factory
	JSON bool
	File string
}

func newAnalyzeCmd(f *Factory, runF func(*analyzeOptions) error) *cobra.Command {
	opts := &analyzeOptions{f: f}
	cmd := &cobra.Command{
		Use:   "analyze [FILE|-]",
		Short: "Analyse one pasted posting: skills, years, degree and your match",
		Long: `Analyse one posting given as plain text (a file, or standard input with - or no
argument). Section headings such as 자격요건, 우대사항, 주요업무, Requirements and Nice to have
stand on their own lines; the first line is taken as the title.`,
		Example: `  jobs analyze posting.txt
  pbpaste | jobs analyze
  jobs analyze --json posting.txt`,
		Args: maxArgs(1, "one file"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return analyzeRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

const maxAnalyzeInput = 4 << 20

func analyzeRun(opts *analyzeOptions) error {
	f := opts.f
	var r io.Reader = f.IO.In
	name := "standard input"
	if opts.File != "" && opts.File != "-" {
		fh, err := os.Open(opts.File)
		if err != nil {
			return jobs.Errorf(jobs.KindInvalid, "cannot read %s: %v", opts.File, atomicfile.WithoutPath(err))
		}
		defer fh.Close()
		r, name = fh, opts.File
	} else if f.IO.InTTY {
		// Reading a terminal waits for the user: say what to do, and how to end.
		fmt.Fprintln(f.IO.ErrOut, "Paste a posting, then Ctrl-D on a line of its own.")
	}
	data, err := io.ReadAll(io.LimitReader(r, maxAnalyzeInput+1))
	if err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot read %s: %v", name, err)
	}
	if len(data) > maxAnalyzeInput {
		return jobs.Errorf(jobs.KindInvalid, "%s is larger than %d MiB; a posting is far smaller", name, maxAnalyzeInput>>20)
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return jobs.Errorf(jobs.KindInvalid, "%s is empty: paste a posting's text, or name a file (jobs analyze posting.txt)", name)
	}
	an, err := f.Analyzer()
	if err != nil {
		return err
	}
	prof, err := f.Profile()
	if err != nil {
		return err
	}
	reading := report.ReadText(an, prof, string(data))
	if opts.JSON {
		return jsonout.Write(f.IO.Out, reading.AnalysisJSON())
	}
	printAnalysis(f.IO, reading, prof)
	return nil
}

// printAnalysis writes what was read from a posting, section by section, and the match.
func printAnalysis(io *IOStreams, r *report.Reading, prof *matcher.Profile) {
	w, res := io.Out, r.Result
	// Required and preferred: the requirements, each a group of alternatives; other: the
	// skills named elsewhere (title, intro, tasks).
	for _, sec := range []jobs.Section{jobs.SectionRequired, jobs.SectionPreferred, jobs.SectionOther} {
		text := "-"
		if gs := res.GroupsIn(sec); len(gs) > 0 {
			text = groupMarks(io, prof, gs)
		} else if sec == jobs.SectionOther {
			var parts []string
			for _, s := range res.Skills {
				if s.Section == sec {
					parts = append(parts, mark(io, prof, s.Skill))
				}
			}
			if len(parts) > 0 {
				text = strings.Join(parts, "  ")
			}
		}
		fmt.Fprintf(w, "%-10s %s\n", report.SectionTitle(sec)+":", text)
	}
	fmt.Fprintf(w, "%-10s %s\n", "Years:", tableprinter.OrDash(report.Years(res.MinYears, res.MaxYears)))
	fmt.Fprintf(w, "%-10s %s\n", "Degree:", tableprinter.OrDash(string(res.Degree)))
	if major := report.MajorText(res.Major, res.Majors); major != "" {
		fmt.Fprintf(w, "%-10s %s%s\n", "Major:", major, majorNote(io, prof, r.MajorFit))
	}
	fmt.Fprintln(w)
	printScore(io, r.Match)
}

// mark writes a skill with ✓ when the profile has it and ✗ when not.
func mark(io *IOStreams, prof *matcher.Profile, skill string) string {
	if prof.Has(skill) {
		return paint(io, "32", "✓"+skill)
	}
	return paint(io, "31", "✗"+skill)
}

func printScore(io *IOStreams, m jobs.Match) {
	fmt.Fprintf(io.Out, "Score %.2f (%s)\n", m.Score, paintBand(io, string(m.Band)))
	for _, p := range m.Parts {
		if p.Weight > 0 {
			fmt.Fprintln(io.Out, tableprinter.Wrap(fmt.Sprintf("  %-9s %.2f x %.1f  %s", p.Name, p.Value, p.Weight, p.Note), io.Width, strings.Repeat(" ", 23)))
		} else {
			fmt.Fprintln(io.Out, tableprinter.Wrap(fmt.Sprintf("  %-9s x%.2f       %s", p.Name, p.Value, p.Note), io.Width, strings.Repeat(" ", 23)))
		}
	}
	if len(m.Missing) > 0 {
		// Each unmet requirement once, its alternatives together: "React or Vue.js, Docker".
		var unmet []string
		for _, g := range m.UnmetGroups() {
			unmet = append(unmet, report.Alternatives(g))
		}
		fmt.Fprintln(io.Out, tableprinter.Wrap("  missing required: "+strings.Join(unmet, ", "), io.Width, "    "))
	}
	if len(m.Partial) > 0 {
		fmt.Fprintln(io.Out, tableprinter.Wrap("  half credit (you know a close relative): "+strings.Join(m.Partial, ", "), io.Width, "    "))
	}
}
