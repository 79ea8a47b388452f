package scraper

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseCJ(t *testing.T) {
	pg, err := parseCJList(readFixture(t, "cj/list.jsonp"), DefaultCJURL)
	if err != nil {
		t.Fatal(err)
	}
	if pg.total != 3 || len(pg.ids) != 3 || len(pg.items) != 2 {
		t.Fatalf("total %d ids %v items %d (the closed record left out)", pg.total, pg.ids, len(pg.items))
	}
	it := pg.items[0]
	if it.id != "J20260714039188" || it.detail != DefaultCJURL+"/recruit/ko/recruit/recruit/bestDetail.fo?zz_jo_num=J20260714039188" ||
		it.stub.Title != "[경력] 글로벌 SAP FI 운영/개발" || !it.stub.Due.Equal(time.Date(2026, 8, 31, 23, 59, 0, 0, kst)) {
		t.Errorf("item %+v stub %+v", it, it.stub)
	}
	if p := pg.items[1].stub; p.Career == nil || !p.Career.Newbie {
		t.Errorf("신입 posting %+v", p)
	}
	p, gone, err := parseCJDetail(readFixture(t, "cj/detail-J20260714039188.html"), &it)
	if err != nil || gone {
		t.Fatalf("detail: gone %v err %v", gone, err)
	}
	if d := p.Sections.Description; !strings.Contains(d, "자격요건\n• SAP FI 모듈 운영 경력 3년 이상") || strings.Contains(d, "푸터") || strings.Contains(d, "채용공고") {
		t.Errorf("description %q", d)
	}
	for name, body := range map[string]string{"object": `list({"a":1})`, "html": `<html></html>`} {
		if _, err := parseCJList([]byte(body), "https://c"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, _, err := parseCJDetail([]byte(`<html><body><header>메뉴</header></body></html>`), &it); err == nil {
		t.Error("a page without content was read")
	}
}

func TestCJScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nAllow: /\n"
	site.handle(cjListPath, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("COMPANY") != "E10" || r.URL.Query().Get("PAGENO") != "1" {
			w.Write([]byte("list([])"))
			return
		}
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(readFixture(t, "cj/list.jsonp"))
	})
	site.handle(cjDetailPath, func(w http.ResponseWriter, r *http.Request) {
		w.Write(readFixture(t, "cj/detail-J20260714039188.html"))
	})
	c, err := NewCJ(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := c.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 2, Fetched: 3, Parsed: 2, Kept: 2}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
}
