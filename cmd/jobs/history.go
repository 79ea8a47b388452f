package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/jsonout"
	"github.com/jobs-cli/jobs/report"
	"github.com/jobs-cli/jobs/target"
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
	roles := report.CompanyRoles(target.GroupSightings(posts))
	if opts.JSON {
		return jsonout.Write(f.IO.Out, report.RolesJSON(roles))
	}
	if !f.IO.OutTTY {
		t := newTable(f.IO)
		for _, r := range roles {
			closed := ""
			if r.ClosedAt != nil {
				closed = report.RFC3339(*r.ClosedAt)
			}
			t.Row(strconv.FormatInt(r.First.ID, 10), report.RFC3339(r.FirstSeen), closed, string(r.Status),
				r.First.Company, r.First.Title, r.First.URL)
		}
		return t.Render()
	}

	now := f.Now()
	loc := now.Location()
	oldest := roles[len(roles)-1].FirstSeen
	companies := report.RoleCompanies(roles, jobs.DisplayCompany)
	fmt.Fprintf(f.IO.Out, "%s: %s seen since %s, %d still open.\n\n", strings.Join(companies, ", "),
		report.CountOf(len(roles), "role", "roles"), oldest.In(loc).Format("2006-01-02"), report.OpenRoles(roles))
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
		closed := "open"
		if r.ClosedAt != nil {
			closed = r.ClosedAt.In(loc).Format("2006-01-02")
		}
		cells := []string{strconv.FormatInt(r.First.ID, 10), r.First.Title, r.FirstSeen.In(loc).Format("2006-01-02"), closed,
			report.CountOf(r.OpenDays(now), "day", "days")}
		if several {
			cells = append(cells, jobs.DisplayCompany(r.First.Company))
		}
		t.Row(cells...)
	}
	if err := t.Render(); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.Out, "\nRoles first seen per month:\n")
	for _, m := range report.RolesPerMonth(roles, loc) {
		fmt.Fprintf(f.IO.Out, "  %s  %s %d\n", m.Month, strings.Repeat("█", m.Bar), m.Count)
	}
	return nil
}
