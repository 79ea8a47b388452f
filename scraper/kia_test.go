package scraper

import (
	"net/http"
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

func TestKiaScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nAllow: /\n"
	noToken := 0
	api := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("X-Hkmc-Token") == "" || r.Header.Get("X-Hkmc-Service") != "KM" {
				noToken++
				http.Error(w, "bad request", http.StatusBadRequest)
				return
			}
			serveJSON(body)(w, r)
		}
	}
	site.handle(kiaListPath, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") != "1" {
			api(`{"status":200,"data":{"list":[],"listCnt":2}}`)(w, r)
			return
		}
		api(string(readFixture(t, "kia/list-p1.json")))(w, r)
	})
	detail := string(readFixture(t, "kia/detail-41.json"))
	site.handle(kiaSite.detailPath(), func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("hgrCd") != "2" {
			http.NotFound(w, r)
			return
		}
		id := r.URL.Query().Get("recuCls")
		api(strings.ReplaceAll(detail, `"recuCls":41`, `"recuCls":`+id))(w, r)
	})
	k, err := NewKia(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := k.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 2, Fetched: 3, Parsed: 2, Kept: 2}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if noToken > 0 {
		t.Errorf("%d requests went without Kia's headers", noToken)
	}
	p := sink.postings["2026_N2_42"]
	if p == nil || p.Source != "kia" || p.Company != "기아" || p.URL != site.url()+"/apply/applyView.kc?recuYy=2026&recuType=N2&recuCls=42" ||
		!strings.Contains(p.Sections.Requirements, "Kubernetes") || p.Career != nil {
		t.Errorf("posting %+v career %+v", p, p.Career)
	}
	// The list said 신입 for 42; its detail says 경력 and stands.
	items, err := parseHKMCList(readFixture(t, "kia/list-p1.json"), "https://k", kiaSite, "list")
	if err != nil || len(items) != 2 || items[1].stub.Career == nil || !items[1].stub.Career.Newbie {
		t.Errorf("list: %v %+v", err, items)
	}
}
