package scraper

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseLineList(t *testing.T) {
	pg, err := parseLineList(readFixture(t, "line/list.json"), "https://careers.linecorp.com")
	if err != nil {
		t.Fatal(err)
	}
	if pg.total != 6 || len(pg.ids) != 6 {
		t.Fatalf("total %d ids %v", pg.total, pg.ids)
	}
	var got []string
	for _, it := range pg.items {
		got = append(got, it.id)
	}
	// 2303 is in Bangkok, 2304 in Business & Sales, 2305 unpublished.
	if !slices.Equal(got, []string{"2301", "2302", "2306"}) {
		t.Fatalf("items %v", got)
	}
	it := pg.items[1]
	p := it.stub
	due := time.Date(2026, 12, 1, 8, 59, 59, 0, time.UTC)
	if it.detail != "https://careers.linecorp.com/page-data/ko/jobs/2302/page-data.json" ||
		!it.lastMod.Equal(time.Date(2026, 10, 10, 2, 0, 0, 0, time.UTC)) {
		t.Errorf("item %+v", it)
	}
	if p.URL != "https://careers.linecorp.com/ko/jobs/2302" || p.Title != "ML Engineer – 신입 <Recommendation>" ||
		p.Company != "LINE Plus" || p.Location != "Gwacheon" || p.EmploymentType != "regular" ||
		p.Career == nil || !p.Career.Newbie || p.Due == nil || !p.Due.Equal(due) {
		t.Errorf("2302: %+v career %+v", p, p.Career)
	}
	if p := pg.items[0].stub; p.Due != nil || p.Career != nil || p.Location != "Bundang" {
		t.Errorf("2301 (until filled): %+v", p)
	}
	if p := pg.items[2].stub; p.Company != "IPX" || p.Location != "" || !pg.items[2].lastMod.IsZero() {
		t.Errorf("2306: %+v", p)
	}
}

func TestParseLineShapes(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		err   string
		items []string
	}{
		{name: "no result", body: `{"path":"/ko/jobs"}`, err: `no "result.data" object`},
		{name: "array", body: `[]`, err: "got a JSON array"},
		{name: "nodes instead of edges, renamed collection",
			body:  `{"result":{"data":{"allStrapiJob":{"nodes":[{"strapiId":"7","title":"SRE","cities":[{"name":"Seoul"}]}]}}}}`,
			items: []string{"7"}},
		{name: "edges not a list", body: `{"result":{"data":{"allStrapiJobs":{"edges":{}}}}}`, err: `"edges" is not a list`},
		{name: "korean city names and units",
			body: `{"result":{"data":{"allStrapiJobs":{"edges":[` +
				`{"node":{"strapiId":1,"title":"A","cities":[{"name":"성남시 분당구"}],"job_unit":[{"name":"개발"}]}},` +
				`{"node":{"strapiId":2,"title":"B","cities":[{"name":"Tokyo"},{"name":"Seoul"}]}},` +
				`{"node":{"strapiId":3,"title":"C","cities":[{"name":"Taipei"}]}},` +
				`{"node":{"strapiId":4,"title":"D","job_unit":[{"name":"Design"}]}},` +
				`{"node":{"strapiId":5,"title":"E","is_public":false}}]}}}}`,
			items: []string{"1", "2"}},
		{name: "records without id or title",
			body:  `{"result":{"data":{"allStrapiJobs":{"edges":[{"node":{"title":"A"}},{"node":{"strapiId":9}},3]}}}}`,
			items: []string{"", "9", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg, err := parseLineList([]byte(tt.body), "https://l")
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

func TestParseLineDetail(t *testing.T) {
	pg, err := parseLineList(readFixture(t, "line/list.json"), "https://careers.linecorp.com")
	if err != nil {
		t.Fatal(err)
	}
	items := map[string]*listedPosting{}
	for i := range pg.items {
		items[pg.items[i].id] = &pg.items[i]
	}
	tests := []struct {
		id, body string
		desc     string
		gone     bool
		err      string
	}{
		{id: "2301", body: string(readFixture(t, "line/detail_2301.json")),
			desc: "Responsibilities\n• LINE 메신저 서버 개발\nQualifications\n• Java, Kotlin 3년 이상\n• Redis & MySQL\nPreferred Qualifications\n• Armeria 사용 경험"},
		{id: "2302", body: string(readFixture(t, "line/detail_2302.json")),
			desc: "[자격요건]\n- Python 및 PyTorch\n[우대사항]\n- 추천 시스템 논문 <KDD> 게재"},
		{id: "2306", body: string(readFixture(t, "line/detail_2306.json")), desc: "자격요건\n- Swift, SwiftUI\n우대사항\n- Objective-C"},
		{id: "2306", body: `{"result":{"data":{"strapiJobs":null}}}`, gone: true},
		{id: "2306", body: `{"result":{"data":{"strapiJobs":{"strapiId":2306,"publish":false,"content":"x"}}}}`, gone: true},
		{id: "2306", body: `{"result":{"data":{"strapiJobs":{"strapiId":2306,"content":""}}}}`, err: "the posting has no text (content is empty)"},
		{id: "2306", body: `{"result":{"data":{"strapiJobs":{"strapiId":2301,"content":"x"}}}}`, err: "the page data is of posting 2301, not 2306"},
		{id: "2306", body: `{"result":{"data":{"site":{"title":"LINE"}}}}`, err: "the page data has no posting (result.data.strapiJobs)"},
	}
	for _, tt := range tests {
		p, gone, err := parseLineDetail([]byte(tt.body), items[tt.id])
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%s: error %v, want %q", tt.body, err, tt.err)
			}
			continue
		}
		if err != nil || gone != tt.gone {
			t.Errorf("%s: gone %v error %v", tt.body, gone, err)
			continue
		}
		if !gone && (p.Sections.Description != tt.desc || p.Title != items[tt.id].stub.Title) {
			t.Errorf("%s: title %q description\n got %q\nwant %q", tt.id, p.Title, p.Sections.Description, tt.desc)
		}
	}
}

// lineSite serves LINE's page data; a test can change it between runs.
type lineSite struct {
	mu      sync.Mutex
	list    string
	details map[string]string // by id; missing = 404
}

func (s *lineSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if r.URL.Path == "/page-data/ko/jobs/page-data.json" {
		fmt.Fprint(w, s.list)
		return
	}
	id := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/page-data/ko/jobs/"), "/page-data.json")
	body, ok := s.details[id]
	if !ok {
		http.NotFound(w, r)
		return
	}
	fmt.Fprint(w, body)
}

func TestLineScrape(t *testing.T) {
	site := boardSite(t)
	ls := &lineSite{list: string(readFixture(t, "line/list.json")), details: map[string]string{
		"2301": string(readFixture(t, "line/detail_2301.json")),
		"2302": string(readFixture(t, "line/detail_2302.json")),
		"2306": string(readFixture(t, "line/detail_2306.json")),
	}}
	site.handle("/page-data/ko/jobs/page-data.json", ls.serve)
	for _, id := range []string{"2301", "2302", "2303", "2304", "2305", "2306"} {
		site.handle("/page-data/ko/jobs/"+id+"/page-data.json", ls.serve)
	}
	c := newClock()
	l, err := NewLine(site.url(), testConfig(&sleeper{}, c))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := l.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 3, Fetched: 4, Parsed: 3, Kept: 3}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	p := sink.postings["2302"]
	if p == nil || p.Source != "line" || p.URL != site.url()+"/ko/jobs/2302" || p.Company != "LINE Plus" ||
		!strings.Contains(p.Sections.Description, "[자격요건]\n- Python 및 PyTorch") || !strings.Contains(string(p.Raw), `"detail":{`) {
		t.Fatalf("2302: %+v", p)
	}
	n, _ := site.requests()
	for _, id := range []string{"2303", "2304", "2305"} {
		if n["/page-data/ko/jobs/"+id+"/page-data.json"] != 0 {
			t.Errorf("the page of %s, which is left out, was requested", id)
		}
	}

	// Run 2, a day later: nothing changed; 2306 gives no update time but is still fresh.
	c.advance(24 * time.Hour)
	sink.saves = nil
	stats, err = l.Scrape(t.Context(), sink)
	if err != nil || stats.Fetched != 1 || len(sink.saves) != 0 {
		t.Errorf("run 2: error %v stats %v saves %v", err, countsOf(stats), sink.saves)
	}

	// Run 3, a week later: 2306 is read again; 2301 changed and its page is gone (404).
	c.advance(7 * 24 * time.Hour)
	ls.mu.Lock()
	ls.list = strings.Replace(ls.list, `"updated_at": "2026-10-21T02:00:00.000Z"`, `"updated_at": "2026-11-05T02:00:00.000Z"`, 1)
	delete(ls.details, "2301")
	ls.mu.Unlock()
	sink.saves = nil
	stats, err = l.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 3, Fetched: 3, Parsed: 1, Kept: 1, Closed: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("run 3: stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if sink.outcome("2301") != jobs.OutcomeClosed || !slices.Equal(sink.saves, []string{"2301", "2306"}) && !slices.Equal(sink.saves, []string{"2306", "2301"}) {
		t.Errorf("run 3: outcome %q saves %v", sink.outcome("2301"), sink.saves)
	}

	// Run 4: the list says it holds more postings than it does: nothing is closed.
	ls.mu.Lock()
	ls.list = strings.Replace(ls.list, `"totalCount": 6`, `"totalCount": 9`, 1)
	ls.list = strings.Replace(ls.list, `"strapiId": 2306`, `"strapiId": 2399`, 1)
	ls.mu.Unlock()
	sink.gone = nil
	stats, err = l.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if f := failureFor(stats, "/page-data/ko/jobs/page-data.json"); f == nil || f.Reason != "the list holds 6 postings but says it has 9" {
		t.Errorf("run 4: failure %+v", f)
	}
	if len(sink.gone) != 0 {
		t.Errorf("run 4: an incomplete list closed %v", sink.gone)
	}
}
