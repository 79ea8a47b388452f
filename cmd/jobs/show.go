package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/internal/tableprinter"
	"github.com/jobs-cli/jobs/report"
)

type showOptions struct {
	f    *Factory
	JSON bool
	ID   string
}

func newShowCmd(f *Factory, runF func(*showOptions) error) *cobra.Command {
	opts := &showOptions{f: f}
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show one posting: its sections, each skill have or missing, and its score",
		Example: `  jobs show 12
  jobs show wanted:123456`,
		Args: exactArgs(1, "a posting ID (the ID column of 'jobs list')"),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return showRun(cmd, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

func showRun(cmd *cobra.Command, opts *showOptions) error {
	f := opts.f
	p, err := findPosting(cmd.Context(), f, opts.ID)
	if err != nil {
		return err
	}
	an, err := f.Analyzer()
	if err != nil {
		return err
	}
	prof, err := f.Profile()
	if err != nil {
		return err
	}
	r := report.ReadPosting(an, prof, p)
	if opts.JSON {
		return jsonout.Write(f.IO.Out, r.ShowJSON(p))
	}
	w := f.IO.Out
	fmt.Fprintf(w, "%s\n%s", paint(f.IO, "1", safetext.OneLine(p.Title)), safetext.OneLine(p.Company))
	if p.Location != "" {
		fmt.Fprintf(w, " · %s", safetext.OneLine(p.Location))
	}
	fmt.Fprintf(w, "\n%s\n", p.URL)
	status := report.PostingStatus(p, f.Now())
	fmt.Fprintf(w, "#%d · %s · first seen %s · last seen %s", p.ID, status,
		p.FirstSeen.Local().Format("2006-01-02"), p.LastSeen.Local().Format("2006-01-02"))
	if p.UpdatedAt != nil {
		fmt.Fprintf(w, " · %s %s", paint(f.IO, "33", "updated"), p.UpdatedAt.Local().Format("2006-01-02"))
	}
	fmt.Fprintln(w)
	a := p.Analysis
	fmt.Fprintf(w, "Years: %s   Degree: %s", tableprinter.OrDash(report.Years(a.MinYears, a.MaxYears)), tableprinter.OrDash(string(a.Degree)))
	if major := report.MajorText(a.Major, r.Result.Majors); major != "" {
		fmt.Fprintf(w, "   Major: %s%s", major, majorNote(f.IO, prof, r.MajorFit))
	}
	fmt.Fprintln(w)
	// Each line's requirements, read as groups of alternatives.
	groups := r.GroupsByLine()
	// The text, line by line, each skill marked where it stands.
	for _, l := range r.Result.Lines {
		raw := r.Text[l.Start:l.End]
		if strings.TrimSpace(raw) == "" {
			continue
		}
		if l.Heading {
			fmt.Fprintf(w, "\n%s\n", paint(f.IO, "1;4", safetext.OneLine(raw)))
			continue
		}
		line := "  " + safetext.Clean(raw)
		if gs := groups[jobs.Span{Start: l.Start, End: l.End}]; len(gs) > 0 && !l.Ignored {
			line += "   " + groupMarks(f.IO, prof, gs)
		} else if len(l.Skills) > 0 && !l.Ignored {
			var marks []string
			seen := map[string]bool{}
			for _, s := range l.Skills {
				if !seen[s.Name] {
					seen[s.Name] = true
					marks = append(marks, mark(f.IO, prof, s.Name))
				}
			}
			line += "   " + paint(f.IO, "2", "[") + strings.Join(marks, " ") + paint(f.IO, "2", "]")
		}
		fmt.Fprintln(w, tableprinter.Wrap(line, f.IO.Width, "    "))
	}
	fmt.Fprintln(w)
	printScore(f.IO, r.Match)
	if len(r.Match.MissingPreferred) > 0 {
		fmt.Fprintln(w, tableprinter.Wrap("  missing preferred: "+strings.Join(r.Match.MissingPreferred, ", "), f.IO.Width, "    "))
	}
	return nil
}
