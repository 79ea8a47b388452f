package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
)

type historyOptions struct {
	f       *Factory
	JSON    bool
	Company string
}

func newHistoryCmd(f *Factory, runF func(*historyOptions) error) *cobra.Command {
	opts := &historyOptions{f: f}
	cmd := &cobra.Command{
		Use:   "history COMPANY",
		Short: "Every role a company posted that jobs has seen, with when it opened and closed",
		Long: `List every role the company posted that jobs has seen, open or closed, newest first, with
the day it was first seen and the day it closed, so you see when the company hires and can
prepare before its next round. Companies are found as 'jobs list --company' finds them: every
company whose name holds the words given, ignoring case, spaces and (주), 주식회사, Inc., Corp.
("카카오" finds (주)카카오 and 카카오뱅크, "우아한" finds 우아한형제들); when several match, the
table names each role's company.

On a terminal it prints a table and the roles first seen per month; piped, tab-separated
lines with no header: id, first seen, closed (empty while open), status, company, title, url.`,
		Example: `  jobs history 카카오
  jobs history "Coupang Corp." --json
  jobs history 토스 | cut -f2,6`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 || strings.TrimSpace(strings.Join(args, "")) == "" {
				return &usageError{cmd: cmd, err: fmt.Errorf("%s needs a company name", cmd.CommandPath())}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Company = strings.Join(args, " ")
			if runF != nil {
				return runF(opts)
			}
			return historyRun(cmd, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print a JSON array")
	return cmd
}

// role is one posting of the company: its sightings on every board, grouped.
type role struct {
	first     *jobs.Posting // the first sighting: its id, title and url name the role
	status    jobs.Status
	firstSeen time.Time
	lastSeen  time.Time
	closedAt  *time.Time // when the last open sighting closed; nil while one is open
}

type historyJSON struct {
	ID        string       `json:"id"`
	Company   string       `json:"company"`
	Title     string       `json:"title"`
	URL       string       `json:"url"`
	Status    string       `json:"status"`
	FirstSeen string       `json:"first_seen"`
	LastSeen  string       `json:"last_seen"`
	ClosedAt  *string      `json:"closed_at"`
	Sources   []sourceJSON `json:"sources"`
}

func historyRun(cmd *cobra.Command, opts *historyOptions) error {
	f := opts.f
	store, err := f.Store(cmd.Context())
	if err != nil {
		return err
	}
	posts, err := store.CompanyHistory(cmd.Context(), opts.Company)
	if err != nil {
		return err
	}
	roles := companyRoles(posts)
	if opts.JSON {
		out := make([]historyJSON, len(roles))
		for i, r := range roles {
			j := historyJSON{
				ID: strconv.FormatInt(r.first.ID, 10), Company: clean(r.first.Company), Title: clean(r.first.Title),
				URL: r.first.URL, Status: string(r.status), FirstSeen: rfc3339(r.firstSeen), LastSeen: rfc3339(r.lastSeen),
			}
			if r.closedAt != nil {
				c := rfc3339(*r.closedAt)
				j.ClosedAt = &c
			}
			for _, pl := range r.first.Places {
				j.Sources = append(j.Sources, sourceJSON{Source: pl.Source, SourceID: pl.SourceID, URL: pl.URL})
			}
			out[i] = j
		}
		return writeJSON(f.IO.Out, out)
	}
	if !f.IO.OutTTY {
		t := newTable(f.IO)
		for _, r := range roles {
			closed := ""
			if r.closedAt != nil {
				closed = rfc3339(*r.closedAt)
			}
			t.Row(strconv.FormatInt(r.first.ID, 10), rfc3339(r.firstSeen), closed, string(r.status),
				r.first.Company, r.first.Title, r.first.URL)
		}
		return t.Render()
	}

	now := f.Now()
	loc := now.Location()
	open := 0
	for _, r := range roles {
		if r.status == jobs.StatusOpen {
			open++
		}
	}
	oldest := roles[len(roles)-1].firstSeen
	companies := roleCompanies(roles)
	fmt.Fprintf(f.IO.Out, "%s: %s seen since %s, %d still open.\n\n", strings.Join(companies, ", "),
		countOf(len(roles), "role", "roles"), oldest.In(loc).Format("2006-01-02"), open)
	several := len(companies) > 1
	headers := []string{"ID", "TITLE", "FIRST SEEN", "CLOSED", "OPEN FOR"}
	if several {
		headers = append(headers, "COMPANY")
	}
	t := newTable(f.IO, headers...).Yield(2, 16, 1)
	if several {
		t.Yield(1, 10, 5)
	}
	for _, r := range roles {
		closed, end := "open", now
		if r.closedAt != nil {
			closed, end = r.closedAt.In(loc).Format("2006-01-02"), *r.closedAt
		}
		days := int(end.Sub(r.firstSeen).Hours() / 24)
		cells := []string{strconv.FormatInt(r.first.ID, 10), r.first.Title, r.firstSeen.In(loc).Format("2006-01-02"), closed,
			countOf(days, "day", "days")}
		if several {
			cells = append(cells, displayCompany(r.first.Company))
		}
		t.Row(cells...)
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.Out, "\nRoles first seen per month:\n")
	for _, m := range rolesPerMonth(roles, loc) {
		fmt.Fprintf(f.IO.Out, "  %s  %s %d\n", m.month, strings.Repeat("█", m.bar), m.count)
	}
	return nil
}

// roleCompanies names the companies of the roles, one spelling each (the newest role's),
// most roles first.
func roleCompanies(roles []role) []string {
	count := map[string]int{}
	name := map[string]string{}
	var keys []string
	for _, r := range roles {
		k := jobs.NormalizeCompany(r.first.Company)
		if _, ok := name[k]; !ok {
			name[k] = oneLine(displayCompany(r.first.Company))
			keys = append(keys, k)
		}
		count[k]++
	}
	sort.SliceStable(keys, func(i, j int) bool { return count[keys[i]] > count[keys[j]] })
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = name[k]
	}
	return out
}

// companyRoles groups the sightings of each role and orders the roles newest first.
func companyRoles(posts []*jobs.Posting) []role {
	var roles []role
	for _, g := range groupSightings(posts) {
		r := role{first: g[0], status: jobs.StatusClosed, firstSeen: g[0].FirstSeen}
		for _, p := range g {
			if p.LastSeen.After(r.lastSeen) {
				r.lastSeen = p.LastSeen
			}
			if p.Status == jobs.StatusOpen {
				r.status = jobs.StatusOpen
			}
			if p.ClosedAt != nil && (r.closedAt == nil || p.ClosedAt.After(*r.closedAt)) {
				c := *p.ClosedAt
				r.closedAt = &c
			}
		}
		if r.status == jobs.StatusOpen {
			r.closedAt = nil
		}
		roles = append(roles, r)
	}
	sort.SliceStable(roles, func(i, j int) bool {
		if !roles[i].firstSeen.Equal(roles[j].firstSeen) {
			return roles[i].firstSeen.After(roles[j].firstSeen)
		}
		return roles[i].first.ID > roles[j].first.ID
	})
	return roles
}

type monthCount struct {
	month string
	count int
	bar   int
}

// rolesPerMonth counts roles by the month they were first seen, from the first month to the
// last, empty months included; over three years only the months with roles are listed.
func rolesPerMonth(roles []role, loc *time.Location) []monthCount {
	counts := map[string]int{}
	first, last := time.Time{}, time.Time{}
	for _, r := range roles {
		t := r.firstSeen.In(loc)
		m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
		counts[m.Format("2006-01")]++
		if first.IsZero() || m.Before(first) {
			first = m
		}
		if m.After(last) {
			last = m
		}
	}
	var out []monthCount
	most := 0
	months := 0
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		months++
	}
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		k := m.Format("2006-01")
		if counts[k] == 0 && months > 36 {
			continue
		}
		out = append(out, monthCount{month: k, count: counts[k]})
		most = max(most, counts[k])
	}
	const width = 30
	for i := range out {
		if most > 0 {
			out[i].bar = (out[i].count*width + most - 1) / most
		}
	}
	return out
}
