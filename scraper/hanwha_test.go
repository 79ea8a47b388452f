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

func TestParseHanwha(t *testing.T) {
	pg, err := parseHanwhaList(readFixture(t, "hanwha/list-p0.json"), DefaultHanwhaURL, hanwhaPagesURL)
	if err != nil {
		t.Fatal(err)
	}
	if pg.total != 4 || pg.pages != 0 || len(pg.items) != 2 {
		t.Fatalf("page 0: total %d pages %d items %d", pg.total, pg.pages, len(pg.items))
	}
	it := pg.items[0]
	if it.id != "18851" || it.detail != DefaultHanwhaURL+hanwhaDetailPath || string(it.req.body) != `{"rtSeq":18851}` ||
		it.stub.URL != "https://www.hanwhain.com/apply/recruit/detail?rtSeq=18851" || it.stub.Company != "한화엔진" ||
		it.stub.Title != "[한화엔진] 26년 경력사원 상시 채용" || !it.stub.Due.Equal(time.Date(2026, 12, 31, 23, 0, 0, 0, kst)) {
		t.Errorf("item %+v stub %+v", it, it.stub)
	}
	pg, err = parseHanwhaList(readFixture(t, "hanwha/list-p1.json"), "https://a", "https://p")
	if err != nil || pg.total != -1 || pg.pages != 2 || len(pg.items) != 2 {
		t.Fatalf("page 1: %+v %v", pg, err)
	}
	p, gone, err := parseHanwhaDetail(readFixture(t, "hanwha/detail-19463.json"), &pg.items[1])
	if err != nil || gone {
		t.Fatalf("detail: gone %v err %v", gone, err)
	}
	if !strings.Contains(p.Sections.Requirements, "브랜드 마케팅 경력 10년 이상 보유자") || !strings.Contains(p.Sections.MainTasks, "LIFEPLUS TV 마케팅 기획 및 운영") ||
		!strings.Contains(p.Sections.HireRounds, "1차면접") || p.Location != "본사(서울 63빌딩)" || p.Company != "한화생명" || p.Career != nil {
		t.Errorf("posting %+v", p)
	}
	for name, body := range map[string]string{
		"hidden": `{"success":true,"data":{"item":{"rtSeq":19463,"rtHidnYn":"Y"}}}`,
		"gone":   `{"success":true,"data":{"item":null}}`,
	} {
		if _, gone, err := parseHanwhaDetail([]byte(body), &pg.items[1]); !gone || err != nil {
			t.Errorf("%s: gone %v err %v", name, gone, err)
		}
	}
	if _, err := parseHanwhaList([]byte(`{"success":false,"message":"오류"}`), "https://a", "https://p"); err == nil {
		t.Error("a failed answer was read")
	}
}

func TestHanwhaScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "<!doctype html><html><body><div id=app></div></body></html>" // the site answers its SPA shell
	site.handle(hanwhaListPath, func(w http.ResponseWriter, r *http.Request) {
		var q struct{ Page int }
		b, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || json.Unmarshal(b, &q) != nil {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		name := map[int]string{0: "hanwha/list-p0.json", 1: "hanwha/list-p1.json"}[q.Page]
		if name == "" {
			serveJSON(`{"success":true,"data":{"hasNext":false,"page":9,"list":[]}}`)(w, r)
			return
		}
		serveJSON(string(readFixture(t, name)))(w, r)
	})
	detail := string(readFixture(t, "hanwha/detail-19463.json"))
	site.handle(hanwhaDetailPath, func(w http.ResponseWriter, r *http.Request) {
		var q struct{ RtSeq json.Number }
		b, _ := io.ReadAll(r.Body)
		if r.Method != http.MethodPost || json.Unmarshal(b, &q) != nil {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		serveJSON(strings.ReplaceAll(detail, `"rtSeq":19463`, `"rtSeq":`+q.RtSeq.String()))(w, r)
	})
	h, err := NewHanwha(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := h.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 4, Fetched: 6, Parsed: 4, Kept: 4}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if p := sink.postings["17596"]; p == nil || p.URL != site.url()+"/apply/recruit/detail?rtSeq=17596" {
		t.Errorf("posting %+v", p)
	}
}
