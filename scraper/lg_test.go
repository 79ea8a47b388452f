package scraper

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseLGList(t *testing.T) {
	items, _, err := parseLGList(readFixture(t, "lg/list.json"), DefaultLGURL, lgPagesURL)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 4 {
		t.Fatalf("%d items, want 4", len(items))
	}
	it := items[0]
	p := it.stub
	if it.id != "1002085" || it.detail != "https://api.careers.lg.com/rmk/job/retrieveJobNoticesDetail" ||
		it.req == nil || string(it.req.body) != `{"jobNoticeId":1002085}` || p == nil {
		t.Fatalf("item %+v", it)
	}
	if p.URL != "https://careers.lg.com/apply/detail?id=1002085" || p.Company != "LG전자" ||
		p.Title != "2026년 하반기 LG전자 신입사원 채용" || p.Career == nil || !p.Career.Newbie ||
		p.Due == nil || !p.Due.Equal(time.Date(2026, 9, 13, 23, 0, 0, 0, kst)) {
		t.Errorf("stub %+v", p)
	}
	if p := items[3].stub; p.EmploymentType != "intern" || p.Company != "LG CNS" {
		t.Errorf("intern posting %+v", p)
	}
	for name, body := range map[string]string{
		"status":  `{"status":"E","msg":"error","data":null}`,
		"no list": `{"status":"S","data":{}}`,
		"array":   `[]`,
	} {
		if _, _, err := parseLGList([]byte(body), "https://a", "https://p"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, incomplete, err := parseLGList([]byte(`{"status":"S","data":{"jobNoticeList":[],"listCount":3}}`), "https://a", "https://p"); err != nil || incomplete == "" {
		t.Errorf("a list short of its count: incomplete %q err %v", incomplete, err)
	}
	items, _, err = parseLGList([]byte(`{"status":"S","data":{"jobNoticeList":[{"jobNoticeId":1,"jobNoticeName":"A","noticeStatus":"CLOSE"},{"jobNoticeName":"B"},7]}}`), "https://a", "https://p")
	if err != nil || len(items) != 2 || items[0].problem == "" || items[1].problem == "" {
		t.Errorf("odd records: %+v %v", items, err)
	}
}

func TestParseLGDetail(t *testing.T) {
	items, _, err := parseLGList(readFixture(t, "lg/list.json"), "https://a", "https://p")
	if err != nil {
		t.Fatal(err)
	}
	p, gone, err := parseLGDetail(readFixture(t, "lg/detail-1002085.json"), &items[0])
	if err != nil || gone {
		t.Fatalf("gone %v err %v", gone, err)
	}
	s := p.Sections
	if !strings.Contains(s.MainTasks, "모션 제어 및 제어 알고리즘 개발") ||
		!strings.Contains(s.Requirements, "기계, 전기전자, 제어, SW 분야에 대한 기본 역량을 보유하신 분") ||
		strings.Contains(s.Requirements, "<span") || !strings.Contains(s.Description, "졸업예정자") {
		t.Errorf("sections %+v", s)
	}
	if p.Location != "경남 창원(LG스마트파크)" || p.Title != "2026년 하반기 LG전자 신입사원 채용" {
		t.Errorf("posting %+v", p)
	}
	if _, gone, err := parseLGDetail([]byte(`{"status":"S","data":{}}`), &items[0]); !gone || err != nil {
		t.Errorf("gone notice: %v %v", gone, err)
	}
	other := `{"status":"S","data":{"jobNoticesDetail":{"jobNoticesDetail":{"jobNoticeId":5},"recList":[]}}}`
	if _, _, err := parseLGDetail([]byte(other), &items[0]); err == nil {
		t.Error("a detail of another posting was taken")
	}
	pref := `{"status":"S","data":{"jobNoticesDetail":{"jobNoticesDetail":{"jobNoticeId":1002085},"recList":[{"orgName":"보안사업담당","requiredItem":"<ul><li>웹 보안 이해</li></ul>","preferredItem":"<p>AWS, Kubernetes 운영 경험 우대</p>"}]}}}`
	if p, _, err := parseLGDetail([]byte(pref), &items[0]); err != nil || p.Sections.Preferred != "AWS, Kubernetes 운영 경험 우대" {
		t.Errorf("preferredItem: %v %+v", err, p)
	}
	empty := `{"status":"S","data":{"jobNoticesDetail":{"jobNoticesDetail":{"jobNoticeId":1002085},"recList":[{}]}}}`
	if _, _, err := parseLGDetail([]byte(empty), &items[0]); err == nil {
		t.Error("a detail without text was taken")
	}
}

// The source asks for the list and each detail with a POST of JSON, through a local site
// that stands for both the API and the pages.
func TestLGScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nAllow: /\n"
	badMethod := 0
	site.handle(lgListPath, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
			badMethod++
		}
		serveJSON(string(readFixture(t, "lg/list.json")))(w, r)
	})
	detail := string(readFixture(t, "lg/detail-1002085.json"))
	site.handle(lgDetailPath, func(w http.ResponseWriter, r *http.Request) {
		var q struct{ JobNoticeID json.Number }
		b, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || json.Unmarshal(b, &q) != nil {
			badMethod++
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		id := q.JobNoticeID.String()
		body := strings.ReplaceAll(detail, `"jobNoticeId":1002085`, `"jobNoticeId":`+id)
		serveJSON(body)(w, r)
	})
	l, err := NewLG(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := l.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 4, Fetched: 5, Parsed: 4, Kept: 4}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if badMethod > 0 {
		t.Errorf("%d requests were not a POST of JSON", badMethod)
	}
	if p := sink.postings["1001310"]; p == nil || p.URL != site.url()+"/apply/detail?id=1001310" || p.Company != "LG CNS" {
		t.Errorf("posting %+v", p)
	}
}

// A detail answer over the size limit is refused, not read whole, and counted as a failure;
// the other postings are kept.
func TestLGDetailSizeLimit(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nAllow: /\n"
	site.handle(lgListPath, serveJSON(string(readFixture(t, "lg/list.json"))))
	detail := string(readFixture(t, "lg/detail-1002085.json"))
	site.handle(lgDetailPath, func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		body := strings.ReplaceAll(detail, `"jobNoticeId":1002085`, "\"jobNoticeId\":"+strings.TrimSuffix(strings.TrimPrefix(string(b), `{"jobNoticeId":`), "}"))
		if strings.Contains(string(b), "1001310") {
			body = strings.Replace(body, `"otherInfo":"`, `"otherInfo":"`+strings.Repeat("x", 80<<10), 1)
		}
		serveJSON(body)(w, r)
	})
	cfg := testConfig(&sleeper{}, augustClock()) // 64 KiB pages
	l, err := NewLG(site.url(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := l.Scrape(t.Context(), newStoreSink())
	if err != nil {
		t.Fatal(err)
	}
	if stats.Kept != 3 || stats.Failed != 1 || !strings.Contains(stats.Failures[0].Reason, "too large") {
		t.Errorf("stats %v failures %+v", countsOf(stats), stats.Failures)
	}
}
