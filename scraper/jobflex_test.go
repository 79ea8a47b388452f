package scraper

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseJobflexList(t *testing.T) {
	pg, err := parseJobflexList(readFixture(t, "jobflex/list_hyundai-mobis.json"), "https://api", "https://hyundai-mobis.recruiter.co.kr",
		"hyundai-mobis.recruiter.co.kr")
	if err != nil {
		t.Fatal(err)
	}
	if pg.total != 3 || pg.pages != 1 || len(pg.ids) != 3 || len(pg.items) != 2 {
		t.Fatalf("total %d pages %d ids %v items %d", pg.total, pg.pages, pg.ids, len(pg.items))
	}
	it := pg.items[0]
	p := it.stub
	due := time.Date(2026, 12, 31, 23, 59, 59, 0, kst)
	if it.id != "107659" || it.detail != "https://api/position/v2/jobflex/107659" || it.req.header.Get("prefix") != "hyundai-mobis.recruiter.co.kr" ||
		p.URL != "https://hyundai-mobis.recruiter.co.kr/career/jobs/107659" || p.Company != "hyundai-mobis" ||
		p.Title != "[R&D] 자율주행 소프트웨어 개발" || p.Due == nil || !p.Due.Equal(due) || p.Sections.Intro != "태그: 자율주행, C++" {
		t.Errorf("107659: %+v", p)
	}
	if p := pg.items[1].stub; p.Career == nil || !p.Career.Newbie {
		t.Errorf("107702: %+v", p)
	}
	for body, want := range map[string]string{
		`{"code":"NotFoundCompanyException","message":"회사를 찾을 수 없습니다."}`: "the API answered NotFoundCompanyException",
		`{"pagination":{}}`: `no "list" of positions`,
		`[]`:                "got a JSON array",
		`<html></html>`:     "expected JSON, got HTML",
	} {
		if _, err := parseJobflexList([]byte(body), "https://api", "https://t", "t"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", body, err, want)
		}
	}
}

func TestParseJobflexDetail(t *testing.T) {
	pg, _ := parseJobflexList(readFixture(t, "jobflex/list_hyundai-mobis.json"), "https://api", "https://t", "t")
	p, gone, err := parseJobflexDetail(readFixture(t, "jobflex/detail_107659.json"), &pg.items[0])
	if err != nil || gone || p.Sections.Description != "담당업무\n• 자율주행 인지 소프트웨어 개발\n자격요건\n• C++ 개발 경력 3년 이상\n• ROS 사용 경험\n우대사항\n• CUDA" {
		t.Fatalf("gone %v err %v %+v", gone, err, p)
	}
	p, gone, err = parseJobflexDetail(readFixture(t, "jobflex/detail_107702.json"), &pg.items[1])
	if err != nil || gone || p.Sections.Description != "자격요건\n- Python, SQL\n- Spark 사용 경험\n우대사항\n- Airflow" {
		t.Fatalf("plain text: gone %v err %v %+v", gone, err, p)
	}
	if _, gone, _ := parseJobflexDetail([]byte(`{"positionSn":107702,"openStatus":"CLOSED"}`), &pg.items[1]); !gone {
		t.Error("a closed position is not gone")
	}
	if _, _, err := parseJobflexDetail([]byte(`{"data":{"positionSn":1,"title":"x"}}`), &pg.items[1]); err == nil ||
		err.Error() != "the detail is of position 1, not 107702" {
		t.Errorf("wrapped detail of another position: %v", err)
	}
}

// jobflexSite is the JOBFLEX API on a local server: the list answers per tenant (the prefix
// header) by page (the JSON body); details answer by positionSn, to their tenant only.
type jobflexSite struct {
	mu      sync.Mutex
	lists   map[string]string            // tenant -> list answer; "" = HTTP 500
	details map[string]map[string]string // tenant -> sn -> detail
	posts   []string                     // method and prefix of each list request
}

func (s *jobflexSite) serve(t *testing.T, site *testSite) {
	site.handle("/position/v1/jobflex", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			PageableRq struct{ Page, Size int }
		}
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &body); err != nil || body.PageableRq.Page != 1 || body.PageableRq.Size != 100 ||
			r.Header.Get("Content-Type") != "application/json" {
			http.Error(w, "bad request body "+string(b), 400)
			return
		}
		s.mu.Lock()
		s.posts = append(s.posts, r.Method+" "+r.Header.Get("prefix"))
		list, ok := s.lists[r.Header.Get("prefix")]
		s.mu.Unlock()
		switch {
		case r.Method != http.MethodPost:
			http.Error(w, "method", 405)
		case !ok:
			w.WriteHeader(400)
			io.WriteString(w, `{"code":"NotFoundCompanyException","message":"no such company"}`)
		case list == "":
			http.Error(w, "down", 500)
		default:
			serveJSON(list)(w, r)
		}
	})
	detail := func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		d, ok := s.details[r.Header.Get("prefix")][strings.TrimPrefix(r.URL.Path, "/position/v2/jobflex/")]
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		serveJSON(d)(w, r)
	}
	for _, byID := range s.details {
		for id := range byID {
			site.handle("/position/v2/jobflex/"+id, detail)
		}
	}
}

// A JOBFLEX run reads each tenant's list with a POST naming the tenant, then the details; a
// tenant whose list fails keeps its postings, while another tenant's vanished posting closes.
func TestJobflexScrape(t *testing.T) {
	site := boardSite(t)
	const mobis, ls = "hyundai-mobis.recruiter.co.kr", "lsgroup.recruiter.co.kr"
	api := &jobflexSite{
		lists: map[string]string{
			mobis: string(readFixture(t, "jobflex/list_hyundai-mobis.json")),
			ls:    `{"pagination":{"page":1,"size":100,"totalCount":1,"totalPages":1},"list":[{"positionSn":5001,"title":"SW 엔지니어","openStatus":"OPEN","submissionStatus":"IN_SUBMISSION"}]}`,
		},
		details: map[string]map[string]string{
			mobis: {"107659": string(readFixture(t, "jobflex/detail_107659.json")), "107702": string(readFixture(t, "jobflex/detail_107702.json"))},
			ls:    {"5001": `{"positionSn":5001,"title":"SW 엔지니어","jobDescription":"<p>자격요건</p><ul><li>Go</li></ul>","jobDescriptionType":"HTML"}`},
		},
	}
	api.serve(t, site)
	c := &clock{now: time.Date(2026, 11, 2, 3, 0, 0, 0, time.UTC)}
	j, err := NewJobflex(site.url(), []string{"hyundai-mobis", "https://lsgroup.recruiter.co.kr/career/home"}, testConfig(&sleeper{}, c))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := j.Scrape(t.Context(), sink)
	if err != nil || stats.Listed != 3 || stats.Kept != 3 || stats.Failed != 0 {
		t.Fatalf("%v %v %+v", err, countsOf(stats), stats.Failures)
	}
	if got := strings.Join(api.posts, ", "); got != "POST "+mobis+", POST "+ls {
		t.Errorf("list requests %s", got)
	}
	p := sink.postings["5001"]
	if p == nil || p.Source != "jobflex" || p.Company != "lsgroup" || p.URL != "https://lsgroup.recruiter.co.kr/career/jobs/5001" ||
		p.Sections.Description != "자격요건\n• Go" {
		t.Fatalf("5001: %+v", p)
	}
	if pg := sink.pages["5001"]; pg.URL != "https://lsgroup.recruiter.co.kr/career/home" {
		t.Errorf("page %+v", pg)
	}

	// The next run: LS's list fails, and 107702 left Mobis's list.
	api.mu.Lock()
	api.lists[ls] = ""
	api.lists[mobis] = strings.Replace(api.lists[mobis], `"positionSn": 107702`, `"positionSn": 107703`, 1)
	api.mu.Unlock()
	stats, err = j.Scrape(t.Context(), sink)
	if err != nil || sink.outcome("107702") != jobs.OutcomeClosed || sink.outcome("5001") != jobs.OutcomeKept ||
		sink.outcome("107659") != jobs.OutcomeKept || !hasFailure(stats, "HTTP 500 after 3 retries") {
		t.Errorf("second run: %v %v %+v", err, countsOf(stats), stats.Failures)
	}
}

func TestJobflexRobots(t *testing.T) {
	site := boardSite(t)
	site.handle("/robots.txt", serveJSON("User-agent: *\nDisallow: /position/\n"))
	api := &jobflexSite{lists: map[string]string{}}
	api.serve(t, site)
	j, _ := NewJobflex(site.url(), []string{"hyundai-mobis"}, testConfig(&sleeper{}, newClock()))
	_, err := j.Scrape(t.Context(), newStoreSink())
	if err == nil || !strings.Contains(err.Error(), "disallows /position/v1/jobflex") || len(api.posts) != 0 {
		t.Errorf("%v; list requests %v", err, api.posts)
	}
}

func TestJobflexCompanyName(t *testing.T) {
	pg, err := parseJobflexList([]byte(`{"list":[{"positionSn":1,"title":"A","companyName":"현대모비스"},{"positionSn":2,"title":"B"}]}`),
		"https://api", "https://hyundai-mobis.recruiter.co.kr", "hyundai-mobis.recruiter.co.kr")
	if err != nil || pg.items[0].stub.Company != "현대모비스" || pg.items[1].stub.Company != "hyundai-mobis" {
		t.Errorf("%v %+v %+v", err, pg.items[0].stub, pg.items[1].stub)
	}
}
