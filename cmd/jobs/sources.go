package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/catalog"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/ingest"
	"github.com/jobs-cli/jobs/scraper"
)

type sourcesOptions struct {
	f     *Factory
	Check bool
	JSON  bool
}

func newSourcesCmd(f *Factory, runF func(*sourcesOptions) error) *cobra.Command {
	opts := &sourcesOptions{f: f}
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List every source and catalogue company, whether it is on, and how its last run went",
		Long: `List every kind of source jobs can read and every company of its built-in catalogue:
whether it is on in the config (and why: configured, or named under sources.companies), and
the status line of its last run.

With --check, ask each configured source's list for its first page, one request each
(robots.txt honoured, nothing stored), and say how many postings it could read and which
fields came back empty: a site that changed its pages shows here before a nightly run
quietly finds nothing. Exit status 1 when a check fails.`,
		Example: `  jobs sources
  jobs sources --check
  jobs sources --json`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			if opts.Check {
				return sourcesCheckRun(cmd.Context(), opts)
			}
			return sourcesRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "make one request to each configured source and report what it read")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	return cmd
}

// sourceKinds is every kind of source, in the order `jobs sources` lists them.
var sourceKinds = []string{"wanted", "greenhouse", "lever", "ashby", "toss", "kakao", "naver", "woowa", "line",
	"samsung", "lg", "sk", "hyundai", "kia", "hanwha", "cj", "posco", "jumpit", "remember", "pages", "saramin", "greeting", "ninehire", "jobflex"}

// readerKinds are the kinds this build can read; a catalogue company posting elsewhere is
// named but not collected.
var readerKinds = []string{"wanted", "greenhouse", "lever", "ashby", "toss", "kakao", "naver", "woowa", "line",
	"samsung", "lg", "sk", "hyundai", "kia", "hanwha", "cj", "posco", "jumpit", "remember", "pages", "saramin",
	"greeting", "ninehire", "jobflex"}

// sourceRow is one line of `jobs sources`.
type sourceRow struct {
	Kind    string   `json:"kind"`
	On      bool     `json:"on"`
	Why     string   `json:"why,omitempty"`      // "config", "sources.companies", "default", "config, sources.companies"
	IDs     []string `json:"ids,omitempty"`      // boards, sites, tenants, categories, pages
	LastRun string   `json:"last_run,omitempty"` // the status line of its last run
	Note    string   `json:"note,omitempty"`
}

// companyRow is one catalogue company.
type companyRow struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Sources []string `json:"sources"`
	On      bool     `json:"on"`
	Named   bool     `json:"named"` // under sources.companies
	Note    string   `json:"note,omitempty"`
	LastRun string   `json:"last_run,omitempty"` // its first source's last run
	kinds   []string
}

// sourceState is what the config turns on of each kind: nil = off.
func sourceState(cfg *config.Config) map[string]*sourceRow {
	out := map[string]*sourceRow{}
	on := func(kind, why string, ids ...string) {
		out[kind] = &sourceRow{Kind: kind, On: true, Why: why, IDs: ids}
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
func companyRows(cfg *config.Config, state map[string]*sourceRow) ([]companyRow, error) {
	cat, err := catalog.Builtin()
	if err != nil {
		return nil, err
	}
	var named []string
	if cfg.Sources != nil {
		named = cfg.Sources.Companies
	}
	var out []companyRow
	for _, co := range cat.Companies() {
		row := companyRow{Name: co.Name, Aliases: nonNil(co.Aliases), On: true}
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

// lastRunLines is each source's status line in the newest run that ran it.
func lastRunLines(ctx context.Context, f *Factory) (map[string]string, error) {
	path, err := f.DBPath()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err != nil {
		return nil, nil // nothing collected yet; sources does not create the database
	}
	store, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	runs, err := store.Runs(ctx, 30)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range runs {
		for _, st := range r.Sources {
			if _, seen := out[st.Source]; !seen {
				out[st.Source] = runStatusLine(r.Started, st)
			}
		}
	}
	return out, nil
}

// runStatusLine is a source's counts in one run, as scrape prints them.
func runStatusLine(started time.Time, st jobs.SourceStats) string {
	state := "ok"
	switch {
	case st.Failed > 0 && st.Kept+st.Parsed == 0 && st.Listed == 0:
		state = "FAILED"
	case st.Failed > 0:
		state = "partial"
	}
	line := fmt.Sprintf("%s %s: listed %d, kept %d, closed %d, failed %d", rfc3339(started), state,
		st.Listed, st.Kept, st.Closed, st.Failed)
	if len(st.Failures) > 0 {
		line += " (" + truncateRunes(oneLine(st.Failures[0].Error()), 120) + ")"
	}
	return line
}

func sourcesRun(ctx context.Context, opts *sourcesOptions) error {
	f := opts.f
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	state := sourceState(cfg)
	companies, err := companyRows(cfg, state)
	if err != nil {
		return err
	}
	last, err := lastRunLines(ctx, f)
	if err != nil {
		return err
	}
	rows := make([]sourceRow, 0, len(sourceKinds))
	for _, kind := range sourceKinds {
		row := sourceRow{Kind: kind}
		if st := state[kind]; st != nil {
			row = *st
		}
		row.IDs = nonNil(row.IDs)
		row.LastRun = last[kind]
		rows = append(rows, row)
	}
	for i := range companies {
		if k := companies[i].kinds; len(k) > 0 {
			companies[i].LastRun = last[k[0]]
		}
	}
	if opts.JSON {
		return writeJSON(f.IO.Out, struct {
			Sources   []sourceRow  `json:"sources"`
			Companies []companyRow `json:"companies"`
		}{rows, companies})
	}
	t := newTable(f.IO, "SOURCE", "ON", "WHY", "WHAT", "LAST RUN").Flex(3, 4)
	for _, r := range rows {
		what := strings.Join(r.IDs, ", ")
		if r.Note != "" {
			what = strings.TrimSpace(what + " (" + r.Note + ")")
		}
		t.Row("source "+r.Kind, onOff(r.On), r.Why, what, r.LastRun)
	}
	for _, c := range companies {
		why := ""
		if c.Named {
			why = "sources.companies"
		}
		what := strings.Join(c.Sources, ", ")
		if c.Note != "" {
			what += " (" + c.Note + ")"
		}
		t.Row("company "+c.Name, onOff(c.On), why, what, c.LastRun)
	}
	return t.Render()
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

func sourcesCheckRun(ctx context.Context, opts *sourcesOptions) error {
	f := opts.f
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	sources, err := f.Sources(cfg, ingest.SourceOptions{UserAgent: scraper.UserAgentFor(version), Limit: -1})
	if err != nil {
		return err
	}
	results := make([]scraper.ProbeResult, 0, len(sources))
	failed := 0
	for _, src := range sources {
		if ctx.Err() != nil {
			return context.Canceled
		}
		res := scraper.Probe(ctx, src)
		if !res.OK() {
			failed++
		}
		results = append(results, res)
	}
	if opts.JSON {
		if err := writeJSON(f.IO.Out, results); err != nil {
			return err
		}
	} else {
		t := newTable(f.IO, "SOURCE", "RESULT", "READ", "EMPTY FIELDS", "LIST").Flex(3, 4)
		for _, r := range results {
			result := "ok"
			if !r.OK() {
				result = "FAILED: " + r.Failure
			}
			t.Row(r.Source, result, strconv.Itoa(r.Read), emptySummary(r), r.URL)
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	if failed > 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("%d of %d sources could not be read (see above)", failed, len(results))}
	}
	return nil
}

// emptySummary is "location 9/9, deadline 2/9" for the fields some postings left empty.
func emptySummary(r scraper.ProbeResult) string {
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
