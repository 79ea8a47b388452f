package scraper

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParsePOSCOList(t *testing.T) {
	pg, err := parsePOSCOList(readFixture(t, "posco/list.json"), DefaultPOSCOURL, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if pg.total != 2 || len(pg.items) != 2 {
		t.Fatalf("total %d items %d", pg.total, len(pg.items))
	}
	p := pg.items[0].posting
	if p == nil || p.SourceID != "ADOP2026000123" || p.Company != "포스코DX" || p.URL != DefaultPOSCOURL+"/h22a01-front/H22A1001.html?id=ADOP2026000123" ||
		!strings.Contains(p.Sections.Description, "모집분야: AI 플랫폼 개발") || p.Due == nil || !p.Due.Equal(time.Date(2026, 9, 30, 23, 59, 59, 0, kst)) {
		t.Errorf("posting %+v", p)
	}
	if p := pg.items[1].posting; p.Career == nil || !p.Career.Newbie {
		t.Errorf("신입 posting %+v", p)
	}
	if _, err := parsePOSCOList([]byte(`{"summary":[]}`), "https://p", 1<<20); err == nil {
		t.Error("an answer without recuList was read")
	}
}

func TestPOSCOScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nAllow: /\n"
	site.handle(poscoListPath, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Ajax") != "true" {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		if r.URL.Query().Get("currPage") != "1" {
			serveJSON(`{"summary":[{"TOT_CNT":2}],"recuList":[]}`)(w, r)
			return
		}
		serveJSON(string(readFixture(t, "posco/list.json")))(w, r)
	})
	p, err := NewPOSCO(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := p.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 2, Fetched: 1, Parsed: 2, Kept: 2}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
}
