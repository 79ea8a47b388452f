package scraper

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseSKList(t *testing.T) {
	items, _, err := parseSKList(readFixture(t, "sk/list.json"), DefaultSKURL)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 4 {
		t.Fatalf("%d items, want 4", len(items))
	}
	p := items[1].stub
	if items[1].id != "R261767" || items[1].detail != "https://www.skcareers.com/Recruit/Detail/R261767" || p == nil ||
		p.URL != items[1].detail || p.Company != "SK intellix" || p.Title != "[SK인텔릭스] AI Engineer(AI 서비스 개발) 경력 인재 채용" ||
		p.EmploymentType != "regular" || p.Due == nil || !p.Due.Equal(time.Date(2026, 8, 26, 23, 59, 59, 0, kst)) {
		t.Errorf("item %+v stub %+v", items[1], p)
	}
	if p := items[2].stub; p.Career == nil || !p.Career.Newbie || p.Title != "2026 Junior Talent 채용 - Tech 직군" {
		t.Errorf("new-graduate posting %+v", p)
	}
	if p := items[3].stub; p.EmploymentType != "contract" {
		t.Errorf("contract posting %+v", p)
	}
	for name, body := range map[string]string{
		"failed": `{"success":false,"list":[]}`,
		"html":   `<html>`,
		"nolist": `{"success":true}`,
	} {
		if _, _, err := parseSKList([]byte(body), "https://s"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, incomplete, err := parseSKList([]byte(`{"success":true,"totalCount":9,"list":[]}`), "https://s"); err != nil || incomplete == "" {
		t.Errorf("a list short of its count: incomplete %q err %v", incomplete, err)
	}
	for in, want := range map[string]time.Time{
		"August 25, 2026(Tue)": time.Date(2026, 8, 25, 23, 59, 59, 0, kst),
		" Jan 5, 2027 (Tue) ":  time.Date(2027, 1, 5, 23, 59, 59, 0, kst),
	} {
		if got := skDate(in); got == nil || !got.Equal(want) {
			t.Errorf("skDate(%q) = %v, want %v", in, got, want)
		}
	}
	if skDate("상시") != nil {
		t.Error("skDate read 상시 as a date")
	}
}

func TestParseSKDetail(t *testing.T) {
	items, _, err := parseSKList(readFixture(t, "sk/list.json"), "https://s")
	if err != nil {
		t.Fatal(err)
	}
	p, gone, err := parseSKDetail(readFixture(t, "sk/detail-R261752.html"), &items[0])
	if err != nil || gone {
		t.Fatalf("gone %v err %v", gone, err)
	}
	s := p.Sections
	if !strings.Contains(s.MainTasks, "Global IT통합 PM/PMO") || !strings.Contains(s.MainTasks, "• Steering Committee, PMO, 현업TF, 수행 Vendor 간 Governance와 R&R 운영") ||
		!strings.Contains(s.Requirements, "• 학력 : 학사 이상") || !strings.Contains(s.Preferred, "PMP, ITIL") ||
		!strings.Contains(s.HireRounds, "필기전형(SKCT)") || !strings.Contains(s.Description, "기타사항\n• 국가 보훈") {
		t.Errorf("sections %+v", s)
	}
	if p.Title != "Global IT 통합 및 기획 담당 구성원 영입" || p.Company != "SK biopharmaceuticals" || p.Location != "경기도 판교" ||
		p.Due == nil || !p.Due.Equal(time.Date(2026, 8, 25, 23, 59, 59, 0, kst)) {
		t.Errorf("posting %+v due %v", p, p.Due)
	}
	if _, gone, err := parseSKDetail([]byte(`<html><body><div class="recruit-list">목록</div></body></html>`), &items[0]); !gone || err != nil {
		t.Errorf("a page that is not a posting: gone %v err %v", gone, err)
	}
	if _, _, err := parseSKDetail([]byte(`<div class="floating-box"><h2 class="box-title">A</h2></div>`), &items[0]); err == nil {
		t.Error("a posting page without text was taken")
	}
}

// The source posts the search form for the list and reads each posting's page.
func TestSKScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nDisallow: /User/\n"
	badList := 0
	site.handle(skListPath, func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.ParseForm() != nil || r.PostForm.Get("sort") != "2" {
			badList++
		}
		serveJSON(string(readFixture(t, "sk/list.json")))(w, r)
	})
	page := string(readFixture(t, "sk/detail-R261752.html"))
	for _, id := range []string{"R261752", "R261767", "R261841"} {
		site.handle("/Recruit/Detail/"+id, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(page))
		})
	}
	s, err := NewSK(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := s.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	// R261849's page answers 404: it is closed.
	if want := (jobs.SourceStats{Listed: 4, Fetched: 5, Parsed: 3, Kept: 3, Closed: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if badList > 0 {
		t.Error("the list was not asked for with the search form")
	}
	if p := sink.postings["R261841"]; p == nil || p.URL != site.url()+"/Recruit/Detail/R261841" || !strings.Contains(p.Sections.Requirements, "학사 이상") {
		t.Errorf("posting %+v", p)
	}
}
