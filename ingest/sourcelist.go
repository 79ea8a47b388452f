package ingest

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/catalog"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/report"
	"github.com/jobs-cli/jobs/scraper"
)

// sourceKinds is every kind of source, in the order the source list shows them.
var sourceKinds = []string{"wanted", "greenhouse", "lever", "ashby", "toss", "kakao", "naver", "woowa", "line",
	"samsung", "lg", "sk", "hyundai", "kia", "hanwha", "cj", "posco", "jumpit", "remember", "pages", "saramin", "greeting", "ninehire", "jobflex"}

// readerKinds are the kinds this build can read; a catalogue company posting elsewhere is
// named but not collected.
var readerKinds = []string{"wanted", "greenhouse", "lever", "ashby", "toss", "kakao", "naver", "woowa", "line",
	"samsung", "lg", "sk", "hyundai", "kia", "hanwha", "cj", "posco", "jumpit", "remember", "pages", "saramin",
	"greeting", "ninehire", "jobflex"}

// SourceList is every kind of source and every company of the catalogue: whether the config
// turns each on, why, and how its last run went.
type SourceList struct {
	Sources   []SourceRow  `json:"sources"`
	Companies []CompanyRow `json:"companies"`
}

// SourceRow is one kind of source in the list.
type SourceRow struct {
	Kind    string   `json:"kind"`
	On      bool     `json:"on"`
	Why     string   `json:"why,omitempty"`      // "config", "sources.companies", "default", "config, sources.companies"
	IDs     []string `json:"ids,omitempty"`      // boards, sites, tenants, categories, pages
	LastRun string   `json:"last_run,omitempty"` // the status line of its last run
	Note    string   `json:"note,omitempty"`
}

// State is "on" or "off".
func (r SourceRow) State() string { return onOff(r.On) }

// What is the boards, sites, tenants, categories or pages read, and the row's note.
func (r SourceRow) What() string {
	what := strings.Join(r.IDs, ", ")
	if r.Note != "" {
		what = strings.TrimSpace(what + " (" + r.Note + ")")
	}
	return what
}

// CompanyRow is one catalogue company in the list.
type CompanyRow struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Sources []string `json:"sources"`
	On      bool     `json:"on"`
	Named   bool     `json:"named"` // under sources.companies
	Note    string   `json:"note,omitempty"`
	LastRun string   `json:"last_run,omitempty"` // its first source's last run
	kinds   []string
}

// State is "on" or "off".
func (c CompanyRow) State() string { return onOff(c.On) }

// Why is "sources.companies" for a company named there, else empty.
func (c CompanyRow) Why() string {
	if c.Named {
		return "sources.companies"
	}
	return ""
}

// What is where the company posts, and the row's note.
func (c CompanyRow) What() string {
	what := strings.Join(c.Sources, ", ")
	if c.Note != "" {
		what += " (" + c.Note + ")"
	}
	return what
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

// ListSources lists every kind of source and every catalogue company under cfg; lastRun is
// each source's status line in its last run (LastRuns finds the runs).
func ListSources(cfg *config.Config, lastRun map[string]string) (SourceList, error) {
	state := sourceState(cfg)
	companies, err := companyRows(cfg, state)
	if err != nil {
		return SourceList{}, err
	}
	rows := make([]SourceRow, 0, len(sourceKinds))
	for _, kind := range sourceKinds {
		row := SourceRow{Kind: kind}
		if st := state[kind]; st != nil {
			row = *st
		}
		row.IDs = report.NonNil(row.IDs)
		row.LastRun = lastRun[kind]
		rows = append(rows, row)
	}
	for i := range companies {
		if k := companies[i].kinds; len(k) > 0 {
			companies[i].LastRun = lastRun[k[0]]
		}
	}
	return SourceList{Sources: rows, Companies: companies}, nil
}

// sourceState is what the config turns on of each kind: nil = off.
func sourceState(cfg *config.Config) map[string]*SourceRow {
	out := map[string]*SourceRow{}
	on := func(kind, why string, ids ...string) {
		out[kind] = &SourceRow{Kind: kind, On: true, Why: why, IDs: ids}
	}
	if w := cfg.Wanted(); w != nil {
		why := "config"
		if cfg.Sources == nil {
			why = "default"
		}
		ids := make([]string, len(w.Categories))
		for i, c := range w.Categories {
			ids[i] = strconv.Itoa(c)
		}
		on("wanted", why, ids...)
	}
	s := cfg.Sources
	if s == nil {
		return out
	}
	cat := s.FromCatalogue()
	why := func(kind string, configured int) string {
		switch added := len(cat.Boards[kind]); {
		case added > 0 && configured > added:
			return "config, sources.companies"
		case added > 0:
			return "sources.companies"
		case slices.Contains(cat.Sites, kind):
			return "sources.companies"
		}
		return "config"
	}
	if g := s.Greenhouse; g != nil && len(g.Boards) > 0 {
		on("greenhouse", why("greenhouse", len(g.Boards)), g.Boards...)
	}
	if l := s.Lever; l != nil && len(l.Sites) > 0 {
		on("lever", why("lever", len(l.Sites)), l.Sites...)
	}
	if a := s.Ashby; a != nil && len(a.Boards) > 0 {
		on("ashby", why("ashby", len(a.Boards)), a.Boards...)
	}
	if s.Toss != nil {
		on("toss", why("toss", 1))
	}
	for _, kind := range []string{"kakao", "naver", "woowa", "line", "samsung", "lg", "sk", "hyundai", "kia", "hanwha", "cj", "posco", "jumpit", "remember"} {
		if s.Site(kind) != nil {
			on(kind, why(kind, 1))
		}
	}
	if len(s.Pages) > 0 {
		urls := make([]string, len(s.Pages))
		for i, p := range s.Pages {
			urls[i] = p.URL
		}
		on("pages", "config", urls...)
	}
	if s.Saramin != nil {
		on("saramin", "config")
	}
	if g := s.Greeting; g != nil && len(g.Companies) > 0 {
		on("greeting", why("greeting", len(g.Companies)), g.Companies...)
	}
	if n := s.Ninehire; n != nil && len(n.Companies) > 0 {
		on("ninehire", why("ninehire", len(n.Companies)), n.Companies...)
	}
	if j := s.Jobflex; j != nil && len(j.Tenants) > 0 {
		on("jobflex", why("jobflex", len(j.Tenants)), j.Tenants...)
	}
	for kind, row := range out {
		if !slices.Contains(readerKinds, kind) {
			row.Note = "no reader in this build: named, not collected"
		}
	}
	return out
}

// companyRows lists the catalogue with each company's state under the config.
func companyRows(cfg *config.Config, state map[string]*SourceRow) ([]CompanyRow, error) {
	cat, err := catalog.Builtin()
	if err != nil {
		return nil, err
	}
	var named []string
	if cfg.Sources != nil {
		named = cfg.Sources.Companies
	}
	var out []CompanyRow
	for _, co := range cat.Companies() {
		row := CompanyRow{Name: co.Name, Aliases: report.NonNil(co.Aliases), On: true}
		for _, n := range named {
			if c, ok := cat.Lookup(n); ok && c.Name == co.Name {
				row.Named = true
			}
		}
		for _, src := range co.Sources {
			row.Sources = append(row.Sources, src.String())
			row.kinds = append(row.kinds, src.Kind)
			st := state[src.Kind]
			if st == nil || (src.ID != "" && !slices.Contains(st.IDs, src.ID)) {
				row.On = false
			}
			if !slices.Contains(readerKinds, src.Kind) {
				row.Note = "no reader in this build"
			}
		}
		out = append(out, row)
	}
	return out, nil
}

// SourceRun is one source's stats in the run that started at Started.
type SourceRun struct {
	Started time.Time
	Stats   jobs.SourceStats
}

// LastRuns is each source's stats in the newest of runs (given newest first) that ran it.
func LastRuns(runs []jobs.Run) map[string]SourceRun {
	out := map[string]SourceRun{}
	for _, r := range runs {
		for _, st := range r.Sources {
			if _, seen := out[st.Source]; !seen {
				out[st.Source] = SourceRun{Started: r.Started, Stats: st}
			}
		}
	}
	return out
}

// StatusLine is the source's counts in the run, as scrape prints them, with the run's start
// and its first failure.
func (r SourceRun) StatusLine() string {
	st := r.Stats
	state := "ok"
	switch {
	case st.Failed > 0 && st.Kept+st.Parsed == 0 && st.Listed == 0:
		state = "FAILED"
	case st.Failed > 0:
		state = "partial"
	}
	line := fmt.Sprintf("%s %s: listed %d, kept %d, closed %d, failed %d", report.RFC3339(r.Started), state,
		st.Listed, st.Kept, st.Closed, st.Failed)
	if len(st.Failures) > 0 {
		line += " (" + report.TruncateRunes(safetext.OneLine(st.Failures[0].Error()), 120) + ")"
	}
	return line
}

// Probe asks each source, one after another, for its list's first page (nothing is
// stored), and returns what each read and how many could not be read. Once ctx ends it
// stops with context.Canceled.
func Probe(ctx context.Context, sources []jobs.Source) (results []scraper.ProbeResult, failed int, err error) {
	results = make([]scraper.ProbeResult, 0, len(sources))
	for _, src := range sources {
		if ctx.Err() != nil {
			return nil, 0, context.Canceled
		}
		res := scraper.Probe(ctx, src)
		if !res.OK() {
			failed++
		}
		results = append(results, res)
	}
	return results, failed, nil
}

// EmptyFields is "location 9/9, deadline 2/9" for the fields some postings a probe read
// left empty, and how many records it could not read.
func EmptyFields(r scraper.ProbeResult) string {
	var parts []string
	for _, field := range []string{"title", "company", "url", "text", "deadline", "location"} {
		if n := r.Empty[field]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d/%d", field, n, r.Read))
		}
	}
	s := strings.Join(parts, ", ")
	if r.Unread > 0 {
		s = strings.TrimLeft(s+fmt.Sprintf(", %d records unreadable", r.Unread), ", ")
	}
	return s
}
