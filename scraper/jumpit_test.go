package scraper

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseJumpitPage(t *testing.T) {
	it := &listedPosting{id: "54555530", stub: &jobs.Posting{Source: "jumpit", SourceID: "54555530", URL: "https://j/position/54555530"}}
	p, gone, err := parseJumpitPage(readFixture(t, "jumpit/position-54555530.html"), it)
	if err != nil || gone {
		t.Fatalf("gone %v err %v", gone, err)
	}
	s := p.Sections
	if p.Title != "Robot Application Engineer" || p.Company != "플라잎" || s.Description != "기술 스택: C++, Python, ROS" ||
		!strings.Contains(s.Requirements, "ROS 사용 경험") || !strings.Contains(s.Preferred, "MoveIt") ||
		!strings.Contains(s.MainTasks, "모션 제어") || p.Location != "경기 성남시 분당구 판교역로 1" ||
		p.Career == nil || p.Career.Min != 3 || p.Career.Max == nil || *p.Career.Max != 10 ||
		p.Due == nil || !p.Due.Equal(time.Date(2026, 12, 31, 23, 59, 59, 0, kst)) {
		t.Errorf("posting %+v career %+v", p, p.Career)
	}
	it = &listedPosting{id: "54118057", stub: &jobs.Posting{Source: "jumpit", SourceID: "54118057"}}
	p, gone, err = parseJumpitPage(readFixture(t, "jumpit/position-54118057.html"), it)
	if err != nil || gone {
		t.Fatalf("dl page: gone %v err %v", gone, err)
	}
	if p.Title != "ML Systems Runtime Engineer [신입]" || p.Sections.Description != "기술 스택: C++, Python, PyTorch" ||
		!strings.Contains(p.Sections.Requirements, "C++ 능숙자") || p.Location != "경기 성남시 분당구" ||
		p.Due == nil || !p.Due.Equal(time.Date(2026, 12, 20, 23, 59, 59, 0, kst)) {
		t.Errorf("dl page posting %+v", p)
	}
	if _, gone, err := parseJumpitPage([]byte(`<html><body><p>마감된 포지션입니다</p></body></html>`), it); !gone || err != nil {
		t.Errorf("closed page: gone %v err %v", gone, err)
	}
}

// The source reads the index, the position sitemap only, and the posting pages, newest
// first; a page that answers 404 closes its posting.
func TestJumpitScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nDisallow: /api/\nSitemap: {base}/sitemap.xml\n"
	rebased := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(strings.ReplaceAll(string(readFixture(t, name)), "https://jumpit.saramin.co.kr", site.url())))
		}
	}
	site.handle("/sitemap.xml", rebased("jumpit/sitemap.xml"))
	site.handle("/sitemap_position_view_1.xml", rebased("jumpit/sitemap_position_view_1.xml"))
	site.handle("/position/54555530", rebased("jumpit/position-54555530.html"))
	site.handle("/position/54118057", rebased("jumpit/position-54118057.html"))
	cfg := testConfig(&sleeper{}, augustClock())
	j, err := NewJumpit(site.url(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := j.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 3, Fetched: 5, Parsed: 2, Kept: 2, Closed: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	n, _ := site.requests()
	if n["/sitemap_company_view_1.xml"] != 0 {
		t.Error("the company sitemap was read")
	}
	if p := sink.postings["54118057"]; p == nil || p.URL != site.url()+"/position/54118057" || !strings.Contains(p.Sections.Description, "PyTorch") {
		t.Errorf("posting %+v", p)
	}
	if j.cfg.Limit != portalDefaultLimit {
		t.Errorf("limit %d, want the portal default %d", j.cfg.Limit, portalDefaultLimit)
	}
}
