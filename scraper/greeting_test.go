package scraper

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseGreetingListReal(t *testing.T) {
	site, _ := url.Parse("https://career.oliveyoung.com/ko/main")
	pg, err := parseGreetingList(readFixture(t, "greeting/real_page_2026.html"), site, "oliveyoung")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range pg.items {
		ids = append(ids, it.id)
	}
	if !slices.Equal(ids, []string{"226419", "226260", "226192"}) || pg.total != -1 {
		t.Fatalf("ids %v", ids)
	}
	it := pg.items[0]
	p := it.stub
	if it.detail != "https://career.oliveyoung.com/ko/o/226419" || p.URL != it.detail || p.Title != "Backend Engineer (공통영역개선)" ||
		p.Company != "CJ올리브영" || p.EmploymentType != "regular" || p.Location != "대한민국 서울특별시 용산구 한강대로 372" ||
		p.Career == nil || p.Career.Min != 7 || p.Due != nil || !strings.HasPrefix(it.fingerprint, "record:") {
		t.Errorf("226419: %+v career %+v", p, p.Career)
	}
	if p := pg.items[2].stub; p.EmploymentType != "contract" || p.Career == nil || !p.Career.Newbie {
		t.Errorf("226192: %+v", p)
	}
}

func TestParseGreetingShapes(t *testing.T) {
	site, _ := url.Parse("https://x.career.greetinghr.com/ko/main")
	page := func(queries string) string {
		return `<html><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"dehydratedState":{"queries":` + queries + `}}}}</script></html>`
	}
	tests := []struct {
		name, body, err string
		items           []string
	}{
		{name: "no next data", body: "<html></html>", err: "the page has no __NEXT_DATA__ script"},
		{name: "no queries", body: `<script id="__NEXT_DATA__">{"props":{}}</script>`, err: "no props.pageProps.dehydratedState.queries"},
		{name: "no openings query", body: page(`[{"queryKey":["publicCareer"],"state":{"data":{}}}]`), err: `no "openings" query`},
		{name: "openings under data, undeployed left out, records without id or title",
			body: page(`[{"queryKey":["career","openings",{"workspaceId":1}],"state":{"data":{"data":[` +
				`{"openingId":1,"title":"A"},{"openingId":2,"title":"B","deploy":false},{"title":"C"},{"openingId":4},7]}}}]`),
			items: []string{"1", "", "4", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg, err := parseGreetingList([]byte(tt.body), site, "x")
			if !parsedAsWanted(t, err, tt.err) {
				return
			}
			var got []string
			for _, it := range pg.items {
				got = append(got, it.id)
			}
			if !slices.Equal(got, tt.items) {
				t.Errorf("items %v, want %v", got, tt.items)
			}
		})
	}
}

func TestParseGreetingDetailReal(t *testing.T) {
	it := &listedPosting{id: "204087", detail: "https://soomgo.career.greetinghr.com/ko/o/204087",
		stub: &jobs.Posting{Source: "greeting", SourceID: "204087", Title: "old", Company: "숨고", Status: jobs.StatusOpen}}
	p, gone, err := parseGreetingDetail(readFixture(t, "greeting/real_opening_2026.html"), it)
	if err != nil || gone {
		t.Fatalf("gone %v err %v", gone, err)
	}
	if p.Title != "Data Scientist" || !strings.HasPrefix(p.Sections.Description, "종합 라이프스킬 플랫폼, 숨고\n모두의 더 나은 삶을 위해") ||
		!strings.Contains(p.Sections.Description, "1,000여가지 이상의 서비스를") || p.Due != nil {
		t.Errorf("posting %q\n%s", p.Title, p.Sections.Description)
	}
	closed := strings.Replace(string(readFixture(t, "greeting/real_opening_2026.html")), `"status":"OPEN"`, `"status":"CLOSED"`, 1)
	if _, gone, err := parseGreetingDetail([]byte(closed), it); !gone || err != nil {
		t.Errorf("closed opening: gone %v err %v", gone, err)
	}
	it.id = "1"
	if _, _, err := parseGreetingDetail(readFixture(t, "greeting/real_opening_2026.html"), it); err == nil ||
		err.Error() != "the page is of opening 204087, not 1" {
		t.Errorf("another opening's page: %v", err)
	}
}

// greetingOpeningPage is an opening's page shaped as the real one (testdata/greeting/
// real_opening_2026.html): the getOpeningById query's data holds the opening.
func greetingOpeningPage(id int, title, detail string) string {
	nd := map[string]any{"props": map[string]any{"pageProps": map[string]any{"dehydratedState": map[string]any{"queries": []any{
		map[string]any{"queryKey": []any{"publicCareer", "getCareerBootInfo", map[string]any{"locale": "ko", "workspaceId": 2380}},
			"state": map[string]any{"data": map[string]any{"brandColor": "#000"}}},
		map[string]any{"queryKey": []any{"career", "getOpeningById", map[string]any{"openingId": id, "workspaceId": 2380}},
			"state": map[string]any{"data": map[string]any{"success": true, "data": map[string]any{"openingsInfo": map[string]any{
				"openingId": id, "status": "OPEN", "title": title, "detail": detail, "dueDate": nil}}}}},
	}}}}}
	b, _ := json.Marshal(nd)
	return `<!doctype html><html lang="ko"><head><title>` + title + `</title></head><body><div id="__next"></div>` +
		`<script id="__NEXT_DATA__" type="application/json">` + string(b) + `</script></body></html>`
}

// A Greeting run reads the company's page, then each opening's page; robots.txt is honoured,
// and an opening that leaves the list is closed on the next run.
func TestGreetingScrape(t *testing.T) {
	site := boardSite(t)
	var mu sync.Mutex
	list := string(readFixture(t, "greeting/real_page_2026.html"))
	site.handle("/ko/main", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		serveHTML(list)(w, r)
	})
	for _, o := range []struct {
		id    int
		title string
	}{{226419, "Backend Engineer (공통영역개선)"}, {226260, "Data Scientist (리테일미디어)"}, {226192, "플랫폼 사업지원 담당자 (계약직)"}} {
		site.handle(fmt.Sprintf("/ko/o/%d", o.id), serveHTML(greetingOpeningPage(o.id, o.title,
			"<h3>자격요건</h3><ul><li>Java, Spring Boot 7년 이상</li></ul><h3>우대사항</h3><ul><li>Kafka</li></ul>")))
	}
	g, err := NewGreeting(site.url(), []string{"oliveyoung"}, testConfig(&sleeper{}, newClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := g.Scrape(t.Context(), sink)
	if err != nil || stats.Listed != 3 || stats.Kept != 3 || stats.Failed != 0 || stats.Fetched != 4 {
		t.Fatalf("%v %v %+v", err, countsOf(stats), stats.Failures)
	}
	p := sink.postings["226419"]
	if p == nil || p.Source != "greeting" || p.URL != site.url()+"/ko/o/226419" || p.Company != "CJ올리브영" ||
		p.Sections.Description != "자격요건\n• Java, Spring Boot 7년 이상\n우대사항\n• Kafka" {
		t.Fatalf("226419: %+v", p)
	}
	if pg := sink.pages["226419"]; pg.URL != site.url()+"/ko/main" || !strings.HasPrefix(pg.Filter, "record:") {
		t.Errorf("page %+v", pg)
	}
	_, log := site.requests()
	for _, l := range log {
		if l.ua != DefaultUserAgent {
			t.Errorf("%s sent User-Agent %q", l.path, l.ua)
		}
	}

	// The next run: one opening gone from the list, another new (its page answers 404, so it
	// is stored closed); the others are not fetched again.
	mu.Lock()
	list = strings.Replace(list, `"openingId": 226260`, `"openingId": 999`, 1)
	mu.Unlock()
	site.resetLog()
	stats, err = g.Scrape(t.Context(), sink)
	if err != nil || stats.Closed != 2 || sink.outcome("226260") != jobs.OutcomeClosed || sink.outcome("226419") != jobs.OutcomeKept {
		t.Errorf("second run: %v %v %+v", err, countsOf(stats), stats.Failures)
	}
	if req, _ := site.requests(); req["/ko/o/226419"] != 0 || req["/ko/o/999"] != 1 {
		t.Errorf("second run requests %v", req)
	}
}

func TestGreetingPoliteness(t *testing.T) {
	t.Run("robots.txt disallows the openings", func(t *testing.T) {
		site := boardSite(t)
		site.handle("/robots.txt", serveJSON("User-agent: *\nDisallow: /ko/o/\n"))
		site.handle("/ko/main", serveHTML(string(readFixture(t, "greeting/real_page_2026.html"))))
		g, _ := NewGreeting(site.url(), []string{"oliveyoung"}, testConfig(&sleeper{}, newClock()))
		stats, err := g.Scrape(t.Context(), newStoreSink())
		if req, _ := site.requests(); err != nil || stats.Kept != 0 || req["/ko/o/226419"] != 0 ||
			!hasFailure(stats, "robots.txt of "+strings.TrimPrefix(site.url(), "http://")+" disallows /ko/o/226419") {
			t.Errorf("%v %v %+v %v", err, countsOf(stats), stats.Failures, req)
		}
	})
	t.Run("a page over the size limit", func(t *testing.T) {
		site := boardSite(t)
		site.handle("/ko/main", serveHTML(string(readFixture(t, "greeting/real_page_2026.html"))))
		big := greetingOpeningPage(226419, "x", strings.Repeat("<p>Kubernetes</p>", 5000))
		for _, id := range []string{"226419", "226260", "226192"} {
			site.handle("/ko/o/"+id, serveHTML(big))
		}
		cfg := testConfig(&sleeper{}, newClock())
		cfg.MaxBodySize = 16 << 10
		g, _ := NewGreeting(site.url(), []string{"oliveyoung"}, cfg)
		stats, _ := g.Scrape(t.Context(), newStoreSink())
		if stats.Kept != 0 || !hasFailure(stats, "page too large (over 16 KiB)") {
			t.Errorf("%v %+v", countsOf(stats), stats.Failures)
		}
	})
	t.Run("the delay paces requests", func(t *testing.T) {
		site := boardSite(t)
		site.handle("/ko/main", serveHTML(string(readFixture(t, "greeting/real_page_2026.html"))))
		for _, id := range []int{226419, 226260, 226192} {
			site.handle(fmt.Sprintf("/ko/o/%d", id), serveHTML(greetingOpeningPage(id, "x", "<p>Go</p>")))
		}
		cfg := testConfig(&sleeper{}, newClock())
		cfg.Delay, cfg.Parallelism = 40*time.Millisecond, 1
		g, _ := NewGreeting(site.url(), []string{"oliveyoung"}, cfg)
		start := time.Now()
		stats, err := g.Scrape(t.Context(), newStoreSink())
		if err != nil || stats.Kept != 3 {
			t.Fatalf("%v %v", err, countsOf(stats))
		}
		// robots.txt, the page, three openings: four pauses at least.
		if el := time.Since(start); el < 4*40*time.Millisecond {
			t.Errorf("5 requests took %v with a 40ms delay", el)
		}
	})
}

func TestNewGreetingCompanies(t *testing.T) {
	g, err := NewGreeting("", []string{"kakaopay", "https://career.oliveyoung.com/ko/main", "kakaopay"}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.companies) != 2 || g.companies[0].page.String() != "https://kakaopay.career.greetinghr.com/ko/main" ||
		g.companies[1].page.String() != "https://career.oliveyoung.com/ko/main" ||
		!slices.Equal(g.hosts(), []string{"kakaopay.career.greetinghr.com", "career.oliveyoung.com", "api.greetinghr.com"}) {
		t.Errorf("companies %+v", g.companies)
	}
	for _, bad := range [][]string{nil, {"a b"}, {"ftp://x/"}, {"../x"}} {
		if _, err := NewGreeting("", bad, Config{}); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// A newer Greeting site renders its list in the browser: its page names the workspace, and
// the list is read from the public API.
func TestGreetingListFromTheAPI(t *testing.T) {
	site := boardSite(t)
	page := `<html><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"dehydratedState":{"queries":[` +
		`{"queryKey":["publicCareer","getCareerBootInfo",{"locale":"ko","workspaceId":12227}],"state":{"data":{}}},` +
		`{"queryKey":["openings"],"state":{"data":[]}}]}}}}</script></html>`
	site.handle("/ko/main", serveHTML(page))
	site.handle("/ats/public/employee-referral/v1.1/workspaces/12227/openings", serveJSON(
		`{"success":true,"data":[{"openingId":31,"title":"Server Engineer","group":{"name":"데브시스터즈"}}]}`))
	site.handle("/ko/o/31", serveHTML(greetingOpeningPage(31, "Server Engineer", "<p>Go</p>")))
	g, err := NewGreeting(site.url(), []string{"devsisters"}, testConfig(&sleeper{}, newClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := g.Scrape(t.Context(), sink)
	if p := sink.postings["31"]; err != nil || stats.Kept != 1 || p == nil || p.Company != "데브시스터즈" {
		t.Errorf("%v %v %+v %+v", err, countsOf(stats), stats.Failures, p)
	}
}
