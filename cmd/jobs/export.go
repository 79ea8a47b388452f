package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/atomicfile"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/report"
)

type exportOptions struct {
	f      *Factory
	Format string
	Out    string
	Excel  bool // CSV with a byte-order mark, so Excel reads it as UTF-8
}

func newExportCmd(f *Factory, runF func(*exportOptions) error) *cobra.Command {
	opts := &exportOptions{f: f}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write every stored posting as JSON Lines or CSV",
		Long: `Write every stored posting, open or closed, one per line: the fields of 'jobs list --json'
plus the posting's text as sections, its skills by section, and, for a posting you track,
its application's stage and every step. 'jobs import' reads the JSON Lines back.`,
		Example: `  jobs export > postings.jsonl
  jobs export --format csv --out postings.csv
  jobs export --excel --out postings.csv      # opens in Excel with Korean intact`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Excel && !cmd.Flags().Changed("format") {
				opts.Format = "csv"
			}
			if opts.Format != "jsonl" && opts.Format != "csv" {
				return &usageError{cmd: cmd, err: fmt.Errorf("--format must be jsonl or csv, not %q", opts.Format)}
			}
			if opts.Excel && opts.Format != "csv" {
				return &usageError{cmd: cmd, err: fmt.Errorf("--excel goes with --format csv")}
			}
			if runF != nil {
				return runF(opts)
			}
			return exportRun(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "jsonl", "jsonl or csv")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "write to this file instead of standard output")
	cmd.Flags().BoolVar(&opts.Excel, "excel", false, "CSV for Excel: start with a UTF-8 byte-order mark, so Korean text opens readable (implies --format csv)")
	return cmd
}

// exportJSON is one line of `export --format jsonl` and of `import`.
type exportJSON struct {
	report.PostingJSON
	Sections   jobs.Sections `json:"sections"` // its JSON is the contract's sections object
	Skills     []exportSkill `json:"skills"`
	Categories []int         `json:"categories,omitempty"`
	// Application is the user's application to the posting ('jobs track'); absent when none.
	Application *report.ApplicationJSON `json:"application,omitempty"`
}

type exportSkill struct {
	Name    string `json:"name"`
	Section string `json:"section"`
}

func exportRun(cmd *cobra.Command, opts *exportOptions) error {
	ctx := cmd.Context()
	f := opts.f
	prof, err := f.Profile()
	if err != nil {
		return err
	}
	d, err := f.Dictionary()
	if err != nil {
		return err
	}
	store, err := f.Store(ctx)
	if err != nil {
		return err
	}
	var w io.Writer = f.IO.Out
	var file *atomicfile.File // --out: the last good export stays until this one is complete
	if opts.Out != "" {
		if file, err = atomicfile.Create(opts.Out); err != nil {
			return err
		}
		defer file.Abort()
		w = file
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	var enc *json.Encoder
	var cw *csv.Writer
	if opts.Format == "jsonl" {
		enc = json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
	} else {
		if opts.Excel {
			// Excel reads a CSV without a byte-order mark in the system's code page
			// (CP949 on Korean Windows), which garbles every Hangul syllable.
			bw.WriteString("\ufeff")
		}
		cw = csv.NewWriter(bw)
		if err := cw.Write(csvHeader); err != nil {
			return err
		}
	}
	apps, err := store.Applications(ctx)
	if err != nil {
		return err
	}
	tracked := make(map[int64]*report.ApplicationJSON, len(apps))
	for _, a := range apps {
		tracked[a.Posting.ID] = report.NewApplicationJSON(a)
	}
	n := 0
	err = store.EachPosting(ctx, func(p *jobs.Posting) error {
		line := exportLine(p, d.Score(prof, p.Analysis))
		line.Application = tracked[p.ID]
		n++
		if enc != nil {
			return enc.Encode(line)
		}
		return cw.Write(csvRow(line))
	})
	if err != nil {
		return err
	}
	if cw != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot write the export: %v", err)
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return err
		}
		fmt.Fprintf(f.IO.ErrOut, "Exported %d postings to %s.\n", n, opts.Out)
	}
	return nil
}

func exportLine(p *jobs.Posting, m jobs.Match) exportJSON {
	s := p.Sections
	line := exportJSON{
		PostingJSON: report.PostingView(matcher.Scored{Posting: p, Match: m}),
		Sections: jobs.Sections{Intro: clean(s.Intro), MainTasks: clean(s.MainTasks), Requirements: clean(s.Requirements),
			Preferred: clean(s.Preferred), Benefits: clean(s.Benefits), HireRounds: clean(s.HireRounds), Description: clean(s.Description)},
		Skills:     []exportSkill{},
		Categories: p.Categories,
	}
	if p.Analysis != nil {
		for _, r := range p.Analysis.Skills {
			line.Skills = append(line.Skills, exportSkill{Name: r.Skill, Section: string(r.Section)})
		}
	}
	return line
}

var csvHeader = []string{"id", "source", "source_id", "company", "title", "url", "status", "score", "band",
	"min_years", "max_years", "degree", "newcomer", "required", "preferred", "matched", "missing",
	"missing_preferred", "employment_type", "location", "due", "first_seen", "last_seen",
	"intro", "main_tasks", "requirements", "preferred_points", "benefits", "description",
	"application_stage", "application_steps"}

func csvRow(l exportJSON) []string {
	num := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	var appStage, appSteps string
	if a := l.Application; a != nil {
		appStage = a.Stage
		steps := make([]string, len(a.Steps))
		for i, s := range a.Steps {
			steps[i] = s.Date[:min(len(s.Date), 10)] + " " + s.Stage
			if s.Note != "" {
				steps[i] += ": " + strings.ReplaceAll(s.Note, ";", ",")
			}
		}
		appSteps = strings.Join(steps, "; ")
	}
	return []string{l.ID, l.Source, l.SourceID, l.Company, l.Title, l.URL, l.Status,
		strconv.FormatFloat(l.Score, 'f', 3, 64), l.Band, num(l.MinYears), num(l.MaxYears), str(l.Degree),
		strconv.FormatBool(l.Newcomer), strings.Join(l.Required, ";"), strings.Join(l.Preferred, ";"),
		strings.Join(l.Matched, ";"), strings.Join(l.Missing, ";"), strings.Join(l.MissingPreferred, ";"),
		l.EmploymentType, l.Location, str(l.Due), l.FirstSeen, l.LastSeen,
		l.Sections.Intro, l.Sections.MainTasks, l.Sections.Requirements, l.Sections.Preferred,
		l.Sections.Benefits, l.Sections.Description, appStage, appSteps}
}
