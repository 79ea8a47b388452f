package scraper

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// augustClock is a clock before the deadlines of the group career sites' saved answers
// (August 2026).
func augustClock() *clock { return &clock{now: time.Date(2026, 8, 25, 3, 0, 0, 0, time.UTC)} }

func TestParseHyundaiList(t *testing.T) {
	items, err := parseHyundaiList(readFixture(t, "hyundai/list-01.json"), "https://talent.hyundai.com")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items, want 3", len(items))
	}
	it := items[2]
	p := it.stub
	if it.id != "2026_N2_296" || p == nil ||
		it.detail != "https://talent.hyundai.com/api/rec/AP-HM-FO-02800?hgrCd=1&lang=ko&recuYy=2026&recuType=N2&recuCls=296" {
		t.Fatalf("item %+v", it)
	}
	due := time.Date(2026, 8, 30, 23, 59, 59, 0, kst)
	if p.URL != "https://talent.hyundai.com/apply/applyView.hc?recuYy=2026&recuType=N2&recuCls=296" ||
		p.Title != "항공용 전기추진시스템 고장진단 SW 개발" || p.Company != "현대자동차" || p.Location != "서울(원효로)" ||
		p.Due == nil || !p.Due.Equal(due) || p.Career != nil {
		t.Errorf("stub %+v due %v", p, p.Due)
	}
	if items, err := parseHyundaiList(readFixture(t, "hyundai/list-02.json"), "https://h"); err != nil || len(items) != 0 {
		t.Errorf("empty tab: %v %v", items, err)
	}
}

func TestParseHyundaiDetail(t *testing.T) {
	items, err := parseHyundaiList(readFixture(t, "hyundai/list-01.json"), "https://h")
	if err != nil {
		t.Fatal(err)
	}
	it := &items[2]
	p, gone, err := parseHyundaiDetail(readFixture(t, "hyundai/detail-296.json"), it)
	if err != nil || gone {
		t.Fatalf("gone %v err %v", gone, err)
	}
	s := p.Sections
	if !strings.HasPrefix(s.MainTasks, "항공용 전기추진시스템의 고장진단") ||
		!strings.Contains(s.Requirements, "MATLAB,  C, C++ 활용 가능하신 분") ||
		!strings.Contains(s.Preferred, "PSIM 사용 가능하신 분") || !strings.HasPrefix(s.Intro, "우리 조직은") {
		t.Errorf("sections %+v", s)
	}
	if due := time.Date(2026, 8, 30, 17, 0, 0, 0, kst); p.Due == nil || !p.Due.Equal(due) {
		t.Errorf("due %v, want %v (appDispEdDt and appDispEdTm)", p.Due, due)
	}
	if !strings.Contains(string(p.Raw), `"detail":{`) {
		t.Errorf("raw %s", p.Raw)
	}
	for name, body := range map[string]string{
		"secret":     `{"status":200,"data":{"applyInfo":{"recuYy":"2026","recuType":"N2","recuCls":296,"recuNoticeSecretYn":"Y"}}}`,
		"no posting": `{"status":200,"data":{"applyInfo":null}}`,
	} {
		if _, gone, err := parseHyundaiDetail([]byte(body), it); !gone || err != nil {
			t.Errorf("%s: gone %v err %v", name, gone, err)
		}
	}
	for name, body := range map[string]string{
		"status":   `{"status":400,"message":"Bad Request","data":null}`,
		"other":    `{"status":200,"data":{"applyInfo":{"recuYy":"2026","recuType":"N2","recuCls":1,"privJdDtl":"x"}}}`,
		"no text":  `{"status":200,"data":{"applyInfo":{"recuNoticeNm":"A"}}}`,
		"html":     `<html></html>`,
		"not JSON": `{"status":`,
	} {
		if _, _, err := parseHyundaiDetail([]byte(body), it); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// The source reads both tabs and each posting's detail through a local site, sends the
// header the API wants, and a second run fetches nothing that did not change.
func TestHyundaiScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nDisallow: /apply/applyList.hc\n"
	missingHeader := 0
	api := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Hkmc-Service") != "HM" {
				missingHeader++
				http.Error(w, "bad request", http.StatusBadRequest)
				return
			}
			serveJSON(body)(w, r)
		}
	}
	list := map[string]string{"01": string(readFixture(t, "hyundai/list-01.json")), "02": string(readFixture(t, "hyundai/list-02.json"))}
	site.handle(hyundaiListPath, func(w http.ResponseWriter, r *http.Request) {
		api(list[r.URL.Query().Get("jdRecuCate")])(w, r)
	})
	detail := string(readFixture(t, "hyundai/detail-296.json"))
	site.handle(hyundaiSite.detailPath(), func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("recuCls") {
		case "296":
			api(detail)(w, r)
		case "305":
			api(strings.ReplaceAll(strings.ReplaceAll(detail, `"recuCls":296`, `"recuCls":305`), "항공용 전기추진시스템 고장진단 SW 개발", "[ICT] Database Administrator"))(w, r)
		default:
			http.NotFound(w, r)
		}
	})
	h, err := NewHyundai(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := h.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	// 302's detail answers 404: it is closed, not failed.
	if want := (jobs.SourceStats{Listed: 3, Fetched: 5, Parsed: 2, Kept: 2, Closed: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if missingHeader > 0 {
		t.Errorf("%d requests went without the X-HKMC-SERVICE header", missingHeader)
	}
	p := sink.postings["2026_N2_296"]
	if p == nil || p.Source != "hyundai" || p.URL != site.url()+"/apply/applyView.hc?recuYy=2026&recuType=N2&recuCls=296" ||
		!strings.Contains(p.Sections.Requirements, "C++") {
		t.Fatalf("posting %+v", p)
	}
	site.resetLog()
	stats, err = h.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Fetched != 3 || stats.Kept != 0 {
		t.Errorf("run 2 fetched %d pages and kept %d; want the two lists and 302 again", stats.Fetched, stats.Kept)
	}
}

// A robots.txt that disallows the API is obeyed: nothing under it is requested.
func TestHyundaiRobots(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nDisallow: /api/\n"
	h, err := NewHyundai(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	_, err = h.Scrape(t.Context(), newStoreSink())
	if err == nil || !strings.Contains(err.Error(), "robots.txt") {
		t.Fatalf("err %v", err)
	}
	n, _ := site.requests()
	for path, count := range n {
		if strings.HasPrefix(path, "/api/") && count > 0 {
			t.Errorf("%s was requested", path)
		}
	}
}
