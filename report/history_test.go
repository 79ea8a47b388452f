package report

import (
	"reflect"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestRolesPerMonth(t *testing.T) {
	role := func(y int, m time.Month, d int) Role {
		return Role{First: &jobs.Posting{}, FirstSeen: time.Date(y, m, d, 12, 0, 0, 0, time.UTC)}
	}
	roles := []Role{role(2026, 3, 2), role(2026, 1, 31), role(2026, 1, 5), role(2026, 1, 1)}
	// Months without roles between the first and the last are listed; the busiest gets 30.
	want := []MonthCount{{"2026-01", 3, 30}, {"2026-02", 0, 0}, {"2026-03", 1, 10}}
	if got := RolesPerMonth(roles, time.UTC); !reflect.DeepEqual(got, want) {
		t.Errorf("per month %+v, want %+v", got, want)
	}
	// In the time zone asked for: 01-31 16:00 UTC is 02-01 in Seoul.
	kst := time.FixedZone("KST", 9*60*60)
	late := Role{First: &jobs.Posting{}, FirstSeen: time.Date(2026, 1, 31, 16, 0, 0, 0, time.UTC)}
	if got := RolesPerMonth([]Role{late}, kst); len(got) != 1 || got[0].Month != "2026-02" {
		t.Errorf("in KST %+v, want 2026-02", got)
	}
	// Over three years, only the months with roles.
	long := []Role{role(2020, 1, 1), role(2026, 1, 1)}
	if got := RolesPerMonth(long, time.UTC); len(got) != 2 {
		t.Errorf("over six years %d months, want 2", len(got))
	}
}

func TestRoleCompaniesMostRolesFirst(t *testing.T) {
	r := func(company string) Role { return Role{First: &jobs.Posting{Company: company}} }
	// (주)카카오 and 주식회사 카카오 are one company, named as its newest role names it.
	roles := []Role{r("(주)카카오"), r("카카오뱅크"), r("카카오뱅크"), r("주식회사 카카오"), r("카카오뱅크")}
	got := RoleCompanies(roles, func(s string) string { return s })
	if want := []string{"카카오뱅크", "(주)카카오"}; !reflect.DeepEqual(got, want) {
		t.Errorf("companies %q, want %q", got, want)
	}
}

func TestOpenRolesAndDays(t *testing.T) {
	now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
	closed := now.AddDate(0, 0, -10)
	roles := []Role{
		{Status: jobs.StatusOpen, FirstSeen: now.Add(-36 * time.Hour)},
		{Status: jobs.StatusClosed, FirstSeen: now.AddDate(0, 0, -40), ClosedAt: &closed},
	}
	if n := OpenRoles(roles); n != 1 {
		t.Errorf("OpenRoles = %d, want 1", n)
	}
	if d := roles[0].OpenDays(now); d != 1 {
		t.Errorf("open role: %d days, want 1", d)
	}
	if d := roles[1].OpenDays(now); d != 30 {
		t.Errorf("closed role: %d days, want 30", d)
	}
}
