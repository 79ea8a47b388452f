package scraper

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseSamsungList(t *testing.T) {
	pg, err := parseSamsungList(readFixture(t, "samsung/list-p1.html"), DefaultSamsungURL)
	if err != nil {
		t.Fatal(err)
	}
	if pg.total != 3 || pg.pages != 2 || !slices.Equal(pg.ids, []string{"22878", "22903"}) || len(pg.items) != 2 {
		t.Fatalf("total %d pages %d ids %v items %d", pg.total, pg.pages, pg.ids, len(pg.items))
	}
	it := pg.items[0]
	p := it.stub
	if it.detail != "https://www.samsungcareers.com/recruit/detail.data?seqno=22878&strCode=" || p == nil ||
		p.URL != "https://www.samsungcareers.com/hr/?no=22878" || p.Company != "삼성전자 DX부문" ||
		p.Title != "R&D분야 외국인 경력사원 채용(DX부문)" || p.Career != nil ||
		p.Due == nil || !p.Due.Equal(time.Date(2026, 9, 2, 23, 59, 59, 0, kst)) {
		t.Errorf("item %+v stub %+v", it, p)
	}
	for name, body := range map[string]string{
		"error JSON": `{"code":500}`,
		"no count":   `<li><a data-value="1"><h3 class="title">A</h3></a></li>`,
	} {
		if _, err := parseSamsungList([]byte(body), "https://s"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	pg, err = parseSamsungList([]byte(`<input class="divCnt" data-value="0" data-max="0">`), "https://s")
	if err != nil || len(pg.ids) != 0 || pg.total != 0 {
		t.Errorf("empty list: %+v %v", pg, err)
	}
}

func TestParseSamsungDetail(t *testing.T) {
	pg, err := parseSamsungList(readFixture(t, "samsung/list-p1.html"), "https://s")
	if err != nil {
		t.Fatal(err)
	}
	p, gone, err := parseSamsungDetail(readFixture(t, "samsung/detail-22878.json"), &pg.items[0])
	if err != nil || gone {
		t.Fatalf("gone %v err %v", gone, err)
	}
	s := p.Sections
	if !strings.Contains(s.MainTasks, "[D2C센터] SW개발 (이커머스 플랫폼 개발)\n") || !strings.Contains(s.MainTasks, "RESTful API") ||
		!strings.Contains(s.Requirements, "TOPIK") || !strings.Contains(s.Requirements, "2년 이상 유관경력") ||
		!strings.Contains(s.Preferred, "Java Spring Framework") || !strings.Contains(s.Intro, "삼성전자는") || strings.Contains(s.Intro, "<br>") {
		t.Errorf("sections %+v", s)
	}
	if p.Due == nil || !p.Due.Equal(time.Date(2026, 9, 2, 17, 0, 0, 0, kst)) || p.Location != "경기 수원시" ||
		p.EmploymentType != "regular" || p.Company != "삼성전자 DX부문" {
		t.Errorf("posting %+v due %v", p, p.Due)
	}
	for name, body := range map[string]string{
		"closed":    `{"success":true,"data":{"result":{"seq":22878,"isOpened":0}}}`,
		"no result": `{"success":true,"data":{"result":null}}`,
	} {
		if _, gone, err := parseSamsungDetail([]byte(body), &pg.items[0]); !gone || err != nil {
			t.Errorf("%s: gone %v err %v", name, gone, err)
		}
	}
	for name, body := range map[string]string{
		"failed":  `{"success":false,"message":"error"}`,
		"other":   `{"success":true,"data":{"result":{"seq":1},"items":[{"taskKr":"x"}]}}`,
		"no text": `{"success":true,"data":{"result":{"seq":22878},"items":[]}}`,
	} {
		if _, _, err := parseSamsungDetail([]byte(body), &pg.items[0]); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// The source posts the search form page by page, then reads each posting's detail.
func TestSamsungScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nDisallow: /mypage/\n"
	var asked []string
	pages := map[string]string{"1": string(readFixture(t, "samsung/list-p1.html")), "2": string(readFixture(t, "samsung/list-p2.html"))}
	site.handle(samsungListPath, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.ParseForm() != nil || !r.PostForm.Has("strEntity") {
			http.Error(w, `{"code":500}`, http.StatusInternalServerError)
			return
		}
		n := r.PostForm.Get("currentPageNo")
		asked = append(asked, n)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(pages[n]))
	})
	detail := string(readFixture(t, "samsung/detail-22878.json"))
	site.handle(samsungDetailPath, func(w http.ResponseWriter, r *http.Request) {
		id := r.URL.Query().Get("seqno")
		if id == "22841" {
			serveJSON(`{"success":true,"data":{"result":null}}`)(w, r)
			return
		}
		serveJSON(strings.ReplaceAll(detail, `"seq":22878`, `"seq":`+id))(w, r)
	})
	s, err := NewSamsung(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := s.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 3, Fetched: 5, Parsed: 2, Kept: 2, Closed: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if !slices.Equal(asked, []string{"1", "2"}) {
		t.Errorf("pages asked for %v, want [1 2]", asked)
	}
	if p := sink.postings["22903"]; p == nil || p.URL != site.url()+"/hr/?no=22903" || !strings.Contains(p.Sections.Preferred, "AWS") {
		t.Errorf("posting %+v", p)
	}
}
