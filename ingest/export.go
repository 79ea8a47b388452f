package ingest

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/report"
)

// Export writes every stored posting, open or closed, one per line: the fields of
// `list --json` plus the posting's text as sections, its skills by section and, for a
// posting the user tracks, the application. JSON Lines is what Import reads back; CSV is for
// spreadsheets.
type Export struct {
	Store      *db.DB
	Dictionary *matcher.Dictionary
	Profile    *matcher.Profile
	CSV        bool // else JSON Lines
	// Excel starts the CSV with a UTF-8 byte-order mark: Excel reads a CSV without one in the
	// system's code page (CP949 on Korean Windows), which garbles every Hangul syllable.
	Excel bool
}

// ExportLine is one line of the JSON Lines export, and of what Import reads.
type ExportLine struct {
	report.PostingJSON
	Sections   jobs.Sections `json:"sections"` // its JSON is the contract's sections object
	Skills     []ExportSkill `json:"skills"`
	Categories []int         `json:"categories,omitempty"`
	// Application is the user's application to the posting ('jobs track'); absent when none.
	Application *report.ApplicationJSON `json:"application,omitempty"`
}

// ExportSkill is a skill read from a posting, with the section it was read in.
type ExportSkill struct {
	Name    string `json:"name"`
	Section string `json:"section"`
}

// Write writes the export to w and returns how many postings it holds.
func (e Export) Write(ctx context.Context, w io.Writer) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	var enc *json.Encoder
	var cw *csv.Writer
	if e.CSV {
		if e.Excel {
			bw.WriteString("\ufeff")
		}
		cw = csv.NewWriter(bw)
		if err := cw.Write(csvHeader); err != nil {
			return 0, err
		}
	} else {
		enc = json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
	}
	apps, err := e.Store.Applications(ctx)
	if err != nil {
		return 0, err
	}
	tracked := make(map[int64]*report.ApplicationJSON, len(apps))
	for _, a := range apps {
		tracked[a.Posting.ID] = report.NewApplicationJSON(a)
	}
	n := 0
	err = e.Store.EachPosting(ctx, func(p *jobs.Posting) error {
		line := NewExportLine(p, e.Dictionary.Score(e.Profile, p.Analysis))
		line.Application = tracked[p.ID]
		n++
		if enc != nil {
			return enc.Encode(line)
		}
		return cw.Write(line.csvRow())
	})
	if err != nil {
		return n, err
	}
	if cw != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return n, err
		}
	}
	if err := bw.Flush(); err != nil {
		return n, jobs.Errorf(jobs.KindUnavailable, "cannot write the export: %v", err)
	}
	return n, nil
}

// NewExportLine is a posting's export line, scored as m, its text cleaned of control
// characters.
func NewExportLine(p *jobs.Posting, m jobs.Match) ExportLine {
	s := p.Sections
	clean := safetext.Clean
	line := ExportLine{
		PostingJSON: report.PostingView(matcher.Scored{Posting: p, Match: m}),
		Sections: jobs.Sections{Intro: clean(s.Intro), MainTasks: clean(s.MainTasks), Requirements: clean(s.Requirements),
			Preferred: clean(s.Preferred), Benefits: clean(s.Benefits), HireRounds: clean(s.HireRounds), Description: clean(s.Description)},
		Skills:     []ExportSkill{},
		Categories: p.Categories,
	}
	if p.Analysis != nil {
		for _, r := range p.Analysis.Skills {
			line.Skills = append(line.Skills, ExportSkill{Name: r.Skill, Section: string(r.Section)})
		}
	}
	return line
}

// csvHeader names the CSV export's columns, in order.
var csvHeader = []string{"id", "source", "source_id", "company", "title", "url", "status", "score", "band",
	"min_years", "max_years", "degree", "newcomer", "required", "preferred", "matched", "missing",
	"missing_preferred", "employment_type", "location", "due", "first_seen", "last_seen",
	"intro", "main_tasks", "requirements", "preferred_points", "benefits", "description",
	"application_stage", "application_steps"}

// csvRow is the line as a CSV row under csvHeader: lists joined with ";", an application's
// steps as "2026-11-20 applied: note; ...".
func (l ExportLine) csvRow() []string {
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
