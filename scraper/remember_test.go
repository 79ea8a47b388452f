package scraper

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

func TestParseRememberPage(t *testing.T) {
	it := &listedPosting{id: "335296", stub: &jobs.Posting{Source: "remember", SourceID: "335296"}}
	p, gone, err := parseRememberPage(readFixture(t, "remember/posting-335296.html"), it)
	if err != nil || gone {
		t.Fatalf("gone %v err %v", gone, err)
	}
	if p.Title != "[한국IoT기술원] B2G 영업 신입 및 경력직 채용" || p.Company != "(주)한국아이오티기술원" || p.Location != "서울 금천구" ||
		p.Due != nil || p.Career != nil || !strings.Contains(p.Sections.Description, "자격요건\n• B2G 영업 경험 또는 관심") ||
		!strings.Contains(p.Sections.Description, "직무: 영업 전략·기획, 국내B2G영업") {
		t.Errorf("posting %+v", p)
	}
	it.id = "335291"
	if _, gone, err := parseRememberPage(readFixture(t, "remember/posting-335291.html"), it); !gone || err != nil {
		t.Errorf("closed: gone %v err %v", gone, err)
	}
	if _, _, err := parseRememberPage([]byte(`<html><body>없음</body></html>`), it); err == nil {
		t.Error("a page without data was read")
	}
	if _, _, err := parseRememberPage([]byte(`<script id="__NEXT_DATA__">{망가짐</script>`), it); err == nil {
		t.Error("broken data was read")
	}
}

// The sitemap, then the posting pages; robots.txt's Disallow of /job_postings/ holds (the
// source never asks for it), and a closed posting is closed.
func TestRememberScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nAllow: /sitemap*.xml\nAllow: /job/\nDisallow: /job_postings/\n"
	rebased := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(strings.ReplaceAll(string(readFixture(t, name)), "https://career.rememberapp.co.kr", site.url())))
		}
	}
	site.handle("/sitemap-jobs.xml", rebased("remember/sitemap-jobs.xml"))
	site.handle("/job/posting/335296", rebased("remember/posting-335296.html"))
	site.handle("/job/posting/335291", rebased("remember/posting-335291.html"))
	site.handle("/job/posting/11910", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(string(readFixture(t, "remember/posting-335296.html")), "335296", "11910"), "B2G 영업", "데이터 엔지니어")))
	})
	rm, err := NewRemember(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := rm.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 3, Fetched: 4, Parsed: 2, Kept: 2, Closed: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	_, log := site.requests()
	for _, r := range log {
		if strings.HasPrefix(r.path, "/job_postings/") {
			t.Errorf("%s was requested", r.path)
		}
	}
	if p := sink.postings["11910"]; p == nil || p.URL != site.url()+"/job/posting/11910" || !strings.Contains(p.Title, "데이터 엔지니어") {
		t.Errorf("posting %+v", p)
	}
}
