package synth

import (
	"encoding/json"
	"io"
	"time"

	"github.com/jobs-cli/jobs"
)

// line is one posting of the JSONL corpus, fields in a fixed order.
type line struct {
	Source         string       `json:"source"`
	SourceID       string       `json:"source_id"`
	Company        string       `json:"company"`
	Title          string       `json:"title"`
	URL            string       `json:"url"`
	Status         string       `json:"status"`
	Sections       lineSections `json:"sections"`
	EmploymentType string       `json:"employment_type"`
	Location       string       `json:"location"`
	Due            *string      `json:"due"`
	FirstSeen      string       `json:"first_seen"`
}

type lineSections struct {
	Intro        string `json:"intro"`
	MainTasks    string `json:"main_tasks"`
	Requirements string `json:"requirements"`
	Preferred    string `json:"preferred"`
	Benefits     string `json:"benefits"`
}

// Encoder writes postings as JSON Lines, one object a line: source, source_id, company, title,
// url, status, sections {intro, main_tasks, requirements, preferred, benefits},
// employment_type, location, due (YYYY-MM-DD or null) and first_seen (RFC 3339, from
// FirstSeen). It does not buffer: give it a bufio.Writer for large corpora.
type Encoder struct {
	enc *json.Encoder
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer) *Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &Encoder{enc: enc}
}

// Encode writes p as one line.
func (e *Encoder) Encode(p *jobs.Posting) error {
	l := line{
		Source: p.Source, SourceID: p.SourceID, Company: p.Company, Title: p.Title, URL: p.URL,
		Status: string(p.Status),
		Sections: lineSections{
			Intro: p.Sections.Intro, MainTasks: p.Sections.MainTasks,
			Requirements: p.Sections.Requirements, Preferred: p.Sections.Preferred,
			Benefits: p.Sections.Benefits,
		},
		EmploymentType: p.EmploymentType,
		Location:       p.Location,
		FirstSeen:      FirstSeen(p).UTC().Format(time.RFC3339),
	}
	if p.Due != nil {
		d := p.Due.Format("2006-01-02")
		l.Due = &d
	}
	return e.enc.Encode(&l)
}

// WriteJSONL writes ps to w as JSON Lines (see Encoder).
func WriteJSONL(w io.Writer, ps []*jobs.Posting) error {
	e := NewEncoder(w)
	for _, p := range ps {
		if err := e.Encode(p); err != nil {
			return err
		}
	}
	return nil
}
