package report

import (
	"sort"
	"strconv"
	"time"

	"github.com/jobs-cli/jobs"
)

// Role is one posting of a company: its sightings on every board, grouped.
type Role struct {
	First     *jobs.Posting // the first sighting: its id, title and url name the role
	Status    jobs.Status
	FirstSeen time.Time
	LastSeen  time.Time
	ClosedAt  *time.Time // when the last open sighting closed; nil while one is open
}

// CompanyRoles makes a role of each posting (its sightings, first seen first) and orders
// the roles newest first.
func CompanyRoles(groups [][]*jobs.Posting) []Role {
	var roles []Role
	for _, g := range groups {
		r := Role{First: g[0], Status: jobs.StatusClosed, FirstSeen: g[0].FirstSeen}
		for _, p := range g {
			if p.LastSeen.After(r.LastSeen) {
				r.LastSeen = p.LastSeen
			}
			if p.Status == jobs.StatusOpen {
				r.Status = jobs.StatusOpen
			}
			if p.ClosedAt != nil && (r.ClosedAt == nil || p.ClosedAt.After(*r.ClosedAt)) {
				c := *p.ClosedAt
				r.ClosedAt = &c
			}
		}
		if r.Status == jobs.StatusOpen {
			r.ClosedAt = nil
		}
		roles = append(roles, r)
	}
	sort.SliceStable(roles, func(i, j int) bool {
		if !roles[i].FirstSeen.Equal(roles[j].FirstSeen) {
			return roles[i].FirstSeen.After(roles[j].FirstSeen)
		}
		return roles[i].First.ID > roles[j].First.ID
	})
	return roles
}

// RoleCompanies names the companies of the roles, one spelling each (the newest role's, as
// name shows it), most roles first.
func RoleCompanies(roles []Role, name func(company string) string) []string {
	count := map[string]int{}
	shown := map[string]string{}
	var keys []string
	for _, r := range roles {
		k := jobs.NormalizeCompany(r.First.Company)
		if _, ok := shown[k]; !ok {
			shown[k] = oneLine(name(r.First.Company))
			keys = append(keys, k)
		}
		count[k]++
	}
	sort.SliceStable(keys, func(i, j int) bool { return count[keys[i]] > count[keys[j]] })
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = shown[k]
	}
	return out
}

// MonthCount is how many roles were first seen in a month, and the bar that draws it.
type MonthCount struct {
	Month string // 2006-01
	Count int
	Bar   int // the bar's length, 30 for the busiest month
}

// RolesPerMonth counts roles by the month they were first seen, from the first month to the
// last, empty months included; over three years only the months with roles are listed.
func RolesPerMonth(roles []Role, loc *time.Location) []MonthCount {
	counts := map[string]int{}
	first, last := time.Time{}, time.Time{}
	for _, r := range roles {
		t := r.FirstSeen.In(loc)
		m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, loc)
		counts[m.Format("2006-01")]++
		if first.IsZero() || m.Before(first) {
			first = m
		}
		if m.After(last) {
			last = m
		}
	}
	var out []MonthCount
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
		out = append(out, MonthCount{Month: k, Count: counts[k]})
		most = max(most, counts[k])
	}
	const width = 30
	for i := range out {
		if most > 0 {
			out[i].Bar = (out[i].Count*width + most - 1) / most
		}
	}
	return out
}

// OpenRoles counts the roles still open.
func OpenRoles(roles []Role) int {
	n := 0
	for _, r := range roles {
		if r.Status == jobs.StatusOpen {
			n++
		}
	}
	return n
}

// OpenDays is how many whole days the role has been open: from its first sighting to its
// closing, or to now while it is open.
func (r Role) OpenDays(now time.Time) int {
	end := now
	if r.ClosedAt != nil {
		end = *r.ClosedAt
	}
	return int(end.Sub(r.FirstSeen).Hours() / 24)
}

// RoleJSON is one element of `history --json`.
type RoleJSON struct {
	ID        string          `json:"id"`
	Company   string          `json:"company"`
	Title     string          `json:"title"`
	URL       string          `json:"url"`
	Status    string          `json:"status"`
	FirstSeen string          `json:"first_seen"`
	LastSeen  string          `json:"last_seen"`
	ClosedAt  *string         `json:"closed_at"`
	Sources   []PostingSource `json:"sources"`
}

// RolesJSON is roles as `history --json` prints them, their text cleaned.
func RolesJSON(roles []Role) []RoleJSON {
	out := make([]RoleJSON, len(roles))
	for i, r := range roles {
		j := RoleJSON{
			ID: strconv.FormatInt(r.First.ID, 10), Company: clean(r.First.Company), Title: clean(r.First.Title),
			URL: r.First.URL, Status: string(r.Status), FirstSeen: RFC3339(r.FirstSeen), LastSeen: RFC3339(r.LastSeen),
		}
		if r.ClosedAt != nil {
			c := RFC3339(*r.ClosedAt)
			j.ClosedAt = &c
		}
		for _, pl := range r.First.Places {
			j.Sources = append(j.Sources, PostingSource{Source: pl.Source, SourceID: pl.SourceID, URL: pl.URL})
		}
		out[i] = j
	}
	return out
}
