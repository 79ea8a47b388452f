package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/report"
)

// Talent-pool postings (Toss's 인재풀) are not openings: where targets are configured, list
// and gaps leave them out unless targets.talent_pool asks for them; with no targets every open
// posting is listed; --all shows them.
func TestTalentPoolPostingsAreTargetsOnlyWhenAsked(t *testing.T) {
	dir := isolate(t)
	dbPath := filepath.Join(dir, "jobs.db")
	seen := time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)
	ids := storeSpecs(t, dbPath, []spec{
		{source: "toss", id: "4071133003", company: "토스코어", title: "Android Developer", required: []string{"Kotlin"}, employment: "regular", seen: seen},
		{source: "toss", id: "4211394003", company: "토스코어", title: "고객보호 담당자", required: []string{"SQL"}, employment: jobs.EmploymentTalentPool, seen: seen},
	})
	name := map[string]string{}
	for k, v := range ids {
		name[jsonID(v)] = k
	}
	none := writeFile(t, filepath.Join(dir, "none.yaml"), "profile:\n  skills: [Python]\n")
	plain := writeFile(t, filepath.Join(dir, "plain.yaml"), "profile:\n  skills: [Python]\ntargets:\n  exclude_companies: [다른회사]\n")
	asked := writeFile(t, filepath.Join(dir, "asked.yaml"), "profile:\n  skills: [Python]\ntargets:\n  exclude_companies: [다른회사]\n  talent_pool: true\n")
	listed := func(config string, args ...string) []string {
		t.Helper()
		r := runAt(t, targetNow, false, append([]string{"--config", config, "--db", dbPath, "list", "--json"}, args...)...)
		var got []report.PostingJSON
		if r.code != 0 || json.Unmarshal([]byte(r.out), &got) != nil {
			t.Fatalf("list: exit %d %s %s", r.code, r.out, r.err)
		}
		var out []string
		for _, p := range got {
			out = append(out, name[p.ID])
		}
		sort.Strings(out)
		return out
	}
	if got := listed(none); !reflect.DeepEqual(got, []string{"4071133003", "4211394003"}) {
		t.Errorf("no targets: %v", got)
	}
	if got := listed(plain); !reflect.DeepEqual(got, []string{"4071133003"}) {
		t.Errorf("targets: %v", got)
	}
	if got := listed(asked); !reflect.DeepEqual(got, []string{"4071133003", "4211394003"}) {
		t.Errorf("targets.talent_pool: %v", got)
	}
	if got := listed(plain, "--all"); len(got) != 2 {
		t.Errorf("--all: %v", got)
	}
	r := runAt(t, targetNow, false, "--config", plain, "--db", dbPath, "gaps", "--json", "--verbose")
	if r.code != 0 || strings.Contains(r.out, `"SQL"`) || !strings.Contains(r.err, "targets.talent_pool") {
		t.Errorf("gaps: exit %d\n%s\n%s", r.code, r.out, r.err)
	}
}
