package scraper

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseNaverList(t *testing.T) {
	pg, err := parseNaverList(readFixture(t, "naver/list_0.json"), "https://recruit.navercorp.com")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range pg.items {
		got = append(got, it.id)
	}
	if pg.total != 12 || len(pg.ids) != 10 || !slices.Equal(got, []string{"30005224", "30005230", "30005301"}) {
		t.Fatalf("total %d ids %d items %v", pg.total, len(pg.ids), got)
	}
	it := pg.items[0]
	p := it.stub
	due := time.Date(2026, 12, 31, 23, 59, 0, 0, kst)
	if it.detail != "https://recruit.navercorp.com/rcrt/view.do?annoId=30005224" || !it.lastMod.IsZero() ||
		p.URL != it.detail || p.Title != "[네이버웹툰] 프런트엔드 개발자" || p.Company != "NAVER WEBTOON" ||
		p.EmploymentType != "regular" || p.Due == nil || !p.Due.Equal(due) || p.Career != nil {
		t.Errorf("30005224: %+v", p)
	}
	p = pg.items[2].stub
	due = time.Date(2026, 11, 30, 23, 59, 59, 0, kst)
	if p.Career == nil || !p.Career.Newbie || p.Due == nil || !p.Due.Equal(due) {
		t.Errorf("30005301: career %+v due %v", p.Career, p.Due)
	}
}

func TestParseNaverShapes(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		err   string
		items []string
	}{
		{name: "result N", body: `{"result":"N","list":[]}`, err: `result is "N", not Y`},
		{name: "result false", body: `{"result":false,"list":[]}`, err: "result is false"},
		{name: "alert script", body: `<script>alert("접근권한이 없습니다.");</script>`, err: "expected JSON, got HTML"},
		{name: "list not a list", body: `{"result":"Y","list":{}}`, err: `"list" is not a list`},
		{name: "result true, numbers as strings, link elsewhere",
			body:  `{"result":true,"totalSize":"1","list":[{"annoId":"31","annoSubject":"SRE","jobDetailLink":"https://evil.example/x"}]}`,
			items: []string{"31"}},
		{name: "class names", body: `{"list":[{"annoId":1,"annoSubject":"A","classCdNm":"Technology"},{"annoId":2,"annoSubject":"B","classCdNm":"기술"},` +
			`{"annoId":3,"annoSubject":"C","classCdNm":"Corporate"},{"annoId":4,"jobNm":"D"}]}`, items: []string{"1", "2", "4"}},
		{name: "records without id or title", body: `{"list":[{"annoSubject":"A"},{"annoId":5},"x"]}`, items: []string{"", "5", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg, err := parseNaverList([]byte(tt.body), "https://n")
			if !parsedAsWanted(t, err, tt.err) {
				return
			}
			var got []string
			for _, it := range pg.items {
				got = append(got, it.id)
				if it.stub != nil && !strings.HasPrefix(it.detail, "https://n/rcrt/view.do?annoId=") {
					t.Errorf("detail page %q is not on the site", it.detail)
				}
			}
			if !slices.Equal(got, tt.items) {
				t.Errorf("items %v, want %v", got, tt.items)
			}
		})
	}
}

func TestNaverDate(t *testing.T) {
	tests := []struct {
		dateTime, ymd string
		want          time.Time
	}{
		{"2026.07.31 18:00:00", "", time.Date(2026, 7, 31, 18, 0, 0, 0, kst)},
		{"2026.7.1", "", time.Date(2026, 7, 1, 23, 59, 59, 0, kst)},
		{"", "20260602", time.Date(2026, 6, 2, 23, 59, 59, 0, kst)},
		{"곧 마감", "20260602", time.Date(2026, 6, 2, 23, 59, 59, 0, kst)},
		{"9999.12.31 00:00:00", "", time.Time{}},
		{"", "2026062", time.Time{}},
		{"", "", time.Time{}},
	}
	for _, tt := range tests {
		got := naverDate(tt.dateTime, tt.ymd)
		if (got == nil) != tt.want.IsZero() || (got != nil && !got.Equal(tt.want)) {
			t.Errorf("naverDate(%q, %q) = %v, want %v", tt.dateTime, tt.ymd, got, tt.want)
		}
	}
}

// naverSite serves NAVER's list pages by firstIndex and its posting pages by annoId.
func naverSite(t *testing.T, site *testSite, views map[string]string) {
	t.Helper()
	pages := map[string][]byte{"0": readFixture(t, "naver/list_0.json"), "10": readFixture(t, "naver/list_10.json")}
	site.handle("/rcrt/loadJobList.do", func(w http.ResponseWriter, r *http.Request) {
		body, ok := pages[r.URL.Query().Get("firstIndex")]
		if !ok {
			body = []byte(`{"result":"Y","totalSize":12,"list":[]}`)
		}
		w.Header().Set("Content-Type", "application/json;charset=UTF-8")
		w.Write(body)
	})
	site.handle("/rcrt/view.do", func(w http.ResponseWriter, r *http.Request) {
		body, ok := views[r.URL.Query().Get("annoId")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html;charset=UTF-8")
		w.Write([]byte(body))
	})
}

func TestNaverScrape(t *testing.T) {
	site := boardSite(t)
	views := map[string]string{}
	for _, id := range []string{"30005224", "30005230", "30005301", "30005400"} {
		views[id] = string(readFixture(t, "naver/view_"+id+".html"))
	}
	naverSite(t, site, views)
	n, err := NewNaver(site.url(), testConfig(&sleeper{}, newClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := n.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 4, Fetched: 6, Parsed: 3, Kept: 3, Failed: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if f := failureFor(stats, "/rcrt/view.do?annoId=30005301"); f == nil ||
		f.Reason != "no posting text in page: no div.detail_wrap and no JobPosting JSON-LD (the page has no application/ld+json script)" {
		t.Errorf("failure %+v", f)
	}
	req, _ := site.requests()
	for _, u := range []string{
		"/rcrt/loadJobList.do?annoId=&sw=&subJobCdArr=&sysCompanyCdArr=&empTypeCdArr=&entTypeCdArr=&workAreaCdArr=&firstIndex=0",
		"/rcrt/loadJobList.do?annoId=&sw=&subJobCdArr=&sysCompanyCdArr=&empTypeCdArr=&entTypeCdArr=&workAreaCdArr=&firstIndex=10",
	} {
		if req[u] != 1 {
			t.Errorf("%s requested %d times", u, req[u])
		}
	}
	if req["/rcrt/view.do?annoId=30005100"] != 0 {
		t.Error("a posting outside Tech was fetched")
	}

	p := sink.postings["30005230"]
	wantDesc := "검색 서비스의 백엔드를 개발합니다.\n[자격요건]\n• Java 또는 Go로 5년 이상 서버를 개발한 분\n• Elasticsearch 운영 경험\n[우대사항]\n• Kubernetes\nlink"
	if p == nil || p.Source != "naver" || p.SourceID != "30005230" || p.Title != "[NAVER] 검색 백엔드 개발 & 운영" ||
		p.Company != "NAVER" || p.URL != site.url()+"/rcrt/view.do?annoId=30005230" || p.Sections.Description != wantDesc {
		t.Fatalf("30005230: %+v\ndescription %q", p, p.Sections.Description)
	}
	if !strings.Contains(string(p.Raw), `"list":{"annoId":30005230`) || !strings.Contains(string(p.Raw), `"detail":{"@type":"JobPosting"`) {
		t.Errorf("raw %s", p.Raw)
	}
	p = sink.postings["30005224"]
	// Read from the page's HTML: the text of div.detail_wrap, the header's card_info as the intro.
	if p == nil || p.Company != "NAVER WEBTOON" || p.Sections.Description != "업무 내용\n• 웹툰 뷰어와 창작 도구를 만듭니다\n"+
		"필요 역량\n• React, TypeScript 기반 개발에 능숙한 분\n• Next.js SSR 환경을 이해하는 분\n우대 사항\n• Canvas, WebGL 렌더링 경험" ||
		!strings.Contains(p.Sections.Intro, "모집 경력: 경력 3년 이상\n근로 조건: 정규") {
		t.Errorf("30005224: %+v", p)
	}
	// The list's deadline stands over the page's validThrough, which has passed.
	if p := sink.postings["30005400"]; p == nil || p.Status != jobs.StatusOpen || p.Career == nil || !p.Career.Newbie ||
		p.Sections.Description != "주요업무\n- 로그 파이프라인 구축\n자격요건\n- Spark, Airflow, SQL\n- Python" {
		t.Errorf("30005400: %+v", p)
	}
	for _, p := range sink.postings {
		for _, s := range postingTexts(p) {
			if r := firstControl(s); r >= 0 {
				t.Errorf("%s: control character %U in %q", p.SourceID, r, s)
			}
		}
	}
}

func TestNaverScrapeDetailFaults(t *testing.T) {
	tests := []struct {
		name   string
		robots string
		views  map[string]string
		failed string // the failure on the list, naming every detail page
		each   string // each detail page's failure
	}{
		{name: "robots.txt disallows the posting pages", robots: "User-agent: *\nDisallow: /rcrt/view.do\n",
			each: "robots.txt of {host} disallows /rcrt/view.do"},
		{name: "no page holds JSON-LD", views: map[string]string{
			"30005224": "<html><body>x</body></html>", "30005230": "<html></html>",
			"30005301": `<script type="application/ld+json">{"@type":"Organization","name":"NAVER"}</script>`,
			"30005400": `<script type="application/ld+json">{"@type":"JobPosting","title":"X"}</script>`},
			failed: "no posting could be read from any of the 4 detail pages fetched (no posting text in page: no div.detail_wrap and no JobPosting JSON-LD"},
		{name: "every page gone", views: map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := boardSite(t)
			if tt.robots != "" {
				site.handle("/robots.txt", serveJSON(tt.robots))
			}
			naverSite(t, site, tt.views)
			n, err := NewNaver(site.url(), testConfig(&sleeper{}, newClock()))
			if err != nil {
				t.Fatal(err)
			}
			sink := newStoreSink()
			stats, err := n.Scrape(t.Context(), sink)
			if err != nil {
				t.Fatal(err)
			}
			if stats.Listed != 4 || stats.Kept != 0 {
				t.Errorf("stats %v", countsOf(stats))
			}
			host := strings.TrimPrefix(site.url(), "http://")
			listURL := site.url() + "/rcrt/loadJobList.do?annoId=&sw=&subJobCdArr=&sysCompanyCdArr=&empTypeCdArr=&entTypeCdArr=&workAreaCdArr=&firstIndex=0"
			var onList, each int
			for _, f := range stats.Failures {
				switch {
				case tt.failed != "" && f.URL == listURL && strings.Contains(f.Reason, tt.failed):
					onList++
				case tt.each != "" && f.Reason == strings.ReplaceAll(tt.each, "{host}", host):
					each++
				}
			}
			if tt.failed != "" && onList != 1 {
				t.Errorf("failures %+v, want one on the list containing %q", stats.Failures, tt.failed)
			}
			if tt.each != "" && each != 4 {
				t.Errorf("failures %+v, want 4 of %q", stats.Failures, tt.each)
			}
			if tt.failed == "" && tt.each == "" && (stats.Failed != 0 || stats.Closed != 4) {
				t.Errorf("every page gone: failed %d closed %d, want 0 and 4", stats.Failed, stats.Closed)
			}
			if tt.robots != "" {
				if req, _ := site.requests(); req["/rcrt/view.do?annoId=30005224"] != 0 {
					t.Error("a page robots.txt disallows was requested")
				}
			}
		})
	}
}
