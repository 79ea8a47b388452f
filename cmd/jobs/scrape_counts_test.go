package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// A board API hands over every posting each night; the status line says what was new,
// changed and unchanged, not "kept" every posting every night.
func TestStatusLineCountsTheSameThings(t *testing.T) {
	dir := isolate(t)
	job := func(id int, title string) string {
		updated := "2026-11-01T00:00:00Z"
		if strings.HasPrefix(title, "Senior") { // the board dates a change
			updated = "2026-11-02T00:00:00Z"
		}
		return fmt.Sprintf(`{"id":%d,"title":%q,"company_name":"Acme","updated_at":%q,
			"absolute_url":"https://boards.example/%d","location":{"name":"서울"},
			"content":"&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Python&lt;/li&gt;&lt;/ul&gt;"}`, id, title, updated, id)
	}
	var night atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		jobs := []string{job(1, "ML Engineer"), job(2, "Data Engineer"), job(3, "Backend Engineer")}
		switch night.Load() {
		case 2: // one title changed, one posting added
			jobs[1] = job(2, "Senior Data Engineer")
			jobs = append(jobs, job(4, "Platform Engineer"))
		case 3: // one posting gone
			jobs = jobs[:2]
			jobs[1] = job(2, "Senior Data Engineer")
		}
		fmt.Fprintf(w, `{"jobs":[%s],"meta":{"total":%d}}`, strings.Join(jobs, ","), len(jobs))
	}))
	defer srv.Close()
	cfg := writeFile(t, filepath.Join(dir, "c.yaml"), fmt.Sprintf("sources:\n  greenhouse:\n    base_url: %s\n    boards: [acme]\nscrape:\n  delay: 0s\n", srv.URL))
	db := filepath.Join(dir, "jobs.db")
	for n, want := range []string{
		"greenhouse: ok: listed 3, new 3, changed 0, unchanged 0, closed 0, failed 0",
		"greenhouse: ok: listed 3, new 0, changed 0, unchanged 3, closed 0, failed 0",
		"greenhouse: ok: listed 4, new 1, changed 1, unchanged 2, closed 0, failed 0",
		"greenhouse: ok: listed 2, new 0, changed 0, unchanged 2, closed 2, failed 0",
	} {
		night.Store(int32(max(n, 1))) // nights 1, 1 (nothing changed), 2, 3
		r := runCLI(t, false, "", "--config", cfg, "--db", db, "scrape")
		if r.code != 0 || !strings.Contains(r.err, want+"\n") {
			t.Errorf("night %d: exit %d, %q; want %q", n+1, r.code, r.err, want)
		}
	}
}
