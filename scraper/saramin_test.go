package scraper

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseSaraminJobs(t *testing.T) {
	pg, err := parseSaraminJobs(readFixture(t, "saramin/page-0.json"), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if pg.total != 3 || len(pg.ids) != 3 || len(pg.items) != 2 {
		t.Fatalf("total %d ids %v items %d", pg.total, pg.ids, len(pg.items))
	}
	p := pg.items[0].posting
	if p == nil || p.SourceID != "48213001" || p.Company != "(주)비바리퍼블리카" || p.Title != "Server Developer (Java/Kotlin) 신입·경력" ||
		p.URL != "https://www.saramin.co.kr/zf_user/jobs/relay/view?rec_idx=48213001" || p.Location != "서울 > 강남구" ||
		p.EmploymentType != "regular" || p.Career == nil || !p.Career.Newbie || p.Due == nil ||
		!p.Due.Equal(time.Unix(1795791599, 0)) || !strings.Contains(p.Sections.Description, "키워드: 백엔드/서버개발, Java, Kotlin, Spring, MySQL") {
		t.Errorf("posting %+v", p)
	}
	if p := pg.items[1].posting; p.Due != nil || p.Career == nil || p.Career.Min != 3 {
		t.Errorf("rolling posting %+v", p)
	}
	for name, body := range map[string]string{
		"refused": `{"code":"3","message":"Invalid Access Key"}`,
		"nothing": `{}`,
		"xml":     `<?xml version="1.0"?><job-search/>`,
	} {
		if _, err := parseSaraminJobs([]byte(body), 1<<20); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// The key goes in the query as the API wants, and nowhere else: not in the stored list URL,
// not in a failure.
func TestSaraminScrapeKeepsTheKeyOut(t *testing.T) {
	site := boardSite(t)
	const key = "k3y-SECRET-0001"
	var refuse atomic.Bool
	site.handle(saraminSearchPath, func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("access-key") != key || q.Get("job_mid_cd") != "2" || r.Header.Get("Accept") != "application/json" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		if refuse.Load() {
			serveJSON(`{"code":"3","message":"Invalid Access Key `+key+`"}`)(w, r)
			return
		}
		serveJSON(string(readFixture(t, "saramin/page-0.json")))(w, r)
	})
	s, err := NewSaramin(site.url(), key, 0, nil, testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := s.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 2, Fetched: 1, Parsed: 2, Kept: 2}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	for id, pg := range sink.pages {
		if strings.Contains(pg.URL, key) {
			t.Errorf("%s: the stored list URL holds the key: %s", id, pg.URL)
		}
	}
	refuse.Store(true)
	stats, err = s.Scrape(t.Context(), sink)
	if err == nil || strings.Contains(err.Error(), key) || len(stats.Failures) == 0 {
		t.Fatalf("refused: err %v failures %+v", err, stats.Failures)
	}
	for _, fl := range stats.Failures {
		if strings.Contains(fl.Error(), key) {
			t.Errorf("a failure holds the key: %s", fl.Error())
		}
	}
	if _, err := NewSaramin(site.url(), " ", 2, nil, Config{}); err == nil {
		t.Error("an empty key was accepted")
	}
}
