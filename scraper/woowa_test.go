package scraper

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func mustUnmarshal(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatal(err)
	}
}

func TestParseWoowaList(t *testing.T) {
	pg, err := parseWoowaList(readFixture(t, "woowa/list_p0.json"), "https://career.woowahan.com")
	if err != nil {
		t.Fatal(err)
	}
	if pg.total != 4 || pg.pages != 2 || !slices.Equal(pg.ids, []string{"R2607001", "R2606023", "R2605000"}) {
		t.Fatalf("total %d pages %d ids %v", pg.total, pg.pages, pg.ids)
	}
	if len(pg.items) != 2 {
		t.Fatalf("%d items, want 2 (the hidden posting left out)", len(pg.items))
	}
	it := pg.items[0]
	p := it.stub
	if it.id != "R2607001" || it.detail != "https://career.woowahan.com/w1/recruits/R2607001" ||
		!it.lastMod.Equal(time.Date(2026, 10, 20, 11, 0, 0, 0, kst)) || p == nil {
		t.Fatalf("item %+v", it)
	}
	if p.URL != "https://career.woowahan.com/recruitment/R2607001/detail" || p.Title != "Server 개발자 (배차시스템)" ||
		p.Company != "우아한형제들" || p.EmploymentType != "regular" || p.Due != nil ||
		p.Career == nil || p.Career.Min != 3 || p.Career.Max != nil || p.Career.Newbie {
		t.Errorf("stub %+v career %+v", p, p.Career)
	}
	p = pg.items[1].stub
	if p.Career == nil || !p.Career.Newbie || p.Career.Min != 0 || p.Due == nil ||
		!p.Due.Equal(time.Date(2026, 12, 15, 23, 59, 59, 0, kst)) {
		t.Errorf("R2606023: career %+v due %v", p.Career, p.Due)
	}
	pg, err = parseWoowaList(readFixture(t, "woowa/list_p1.json"), "https://career.woowahan.com")
	if err != nil {
		t.Fatal(err)
	}
	if p := pg.items[0].stub; p.Title != "Data Scientist <광고>" || p.Career == nil || p.Career.Min != 5 ||
		p.Career.Max == nil || *p.Career.Max != 10 {
		t.Errorf("R2604100: %+v career %+v", p, p.Career)
	}
}

func TestParseWoowaShapes(t *testing.T) {
	tests := []struct {
		name  string
		body  string
		err   string
		items int
	}{
		{"html", "<html><head><title>우아한형제들</title></head></html>", "expected JSON, got HTML", 0},
		{"error code", `{"code":"5000","message":"Internal Error","data":null}`, `code is "5000" (Internal Error), not 2000`, 0},
		{"no data", `{"code":"2000","message":"OK"}`, `no "data" object`, 0},
		{"no list", `{"code":"2000","data":{"totalSize":3}}`, `no "data.list"`, 0},
		{"list not a list", `{"code":"2000","data":{"list":"x"}}`, `"data.list" is not a list`, 0},
		{"data not an object", `{"code":"2000","data":[1]}`, `"data" is not an object`, 0},
		{"empty", `{"code":"2000","data":{"list":[],"totalSize":0,"totalPageNumber":0}}`, "", 0},
		{"numeric code, deleted posting", `{"code":2000,"data":{"list":[{"recruitNumber":"R1","recruitName":"A","recruitDeleteYn":true},{"recruitNumber":"R2","recruitName":"B"}]}}`, "", 1},
		{"records without number or name", `{"code":"2000","data":{"list":[{"recruitName":"A"},{"recruitNumber":"R3"},7]}}`, "", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg, err := parseWoowaList([]byte(tt.body), "https://w")
			if !parsedAsWanted(t, err, tt.err) {
				return
			}
			if len(pg.items) != tt.items {
				t.Errorf("%d items, want %d", len(pg.items), tt.items)
			}
			for _, it := range pg.items {
				if (it.stub == nil) == (it.problem == "") {
					t.Errorf("item %+v: a stub or a problem, not both", it)
				}
			}
		})
	}
}

func TestParseWoowaDetail(t *testing.T) {
	base := "https://career.woowahan.com"
	list := func(name string) map[string]*listedPosting {
		pg, err := parseWoowaList(readFixture(t, name), base)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]*listedPosting{}
		for i := range pg.items {
			out[pg.items[i].id] = &pg.items[i]
		}
		return out
	}
	items := list("woowa/list_p0.json")
	for id, it := range list("woowa/list_p1.json") {
		items[id] = it
	}
	tests := []struct {
		id, file string
		desc     string
		gone     bool
		err      string
	}{
		{id: "R2607001", file: "woowa/detail_R2607001.json",
			desc: "[팀 소개]\n배달 배차를 책임지는 팀입니다.\n[지원자격]\n- Java와 Spring으로 3년 이상 개발한 분\n- MySQL, Redis 사용 경험\n" +
				"[우대사항]\n- Kafka 기반 이벤트 설계 경험\n- AWS 운영 경험\n[혜택 및 복지]\n- Slack으로 소통해요"},
		{id: "R2606023", file: "woowa/detail_R2606023.json", desc: "지원자격\n• Python, PyTorch 경험\n우대사항\n• MLOps & Kubeflow"},
		{id: "R2604100", file: "woowa/detail_R2604100.json", desc: "[지원자격]\n• SQL과 Python으로 분석해 본 분\n• 통계학 석사 이상\n[우대사항]\n• Spark"},
		{id: "R2604100", file: "woowa/detail_gone.json", gone: true},
		{id: "R2607001", file: "woowa/detail_R2606023.json", err: "the detail answer is of posting R2606023, not R2607001"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, gone, err := parseWoowaDetail(readFixture(t, tt.file), items[tt.id])
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || gone != tt.gone {
				t.Fatalf("gone %v error %v", gone, err)
			}
			if gone {
				return
			}
			if p.Sections.Description != tt.desc {
				t.Errorf("description\n got %q\nwant %q", p.Sections.Description, tt.desc)
			}
			var raw struct{ List, Detail map[string]any }
			if err := json.Unmarshal(p.Raw, &raw); err != nil || raw.List["recruitNumber"] != tt.id || raw.Detail["recruitNumber"] != tt.id {
				t.Errorf("raw %s (%v)", p.Raw, err)
			}
			if p == items[tt.id].stub {
				t.Error("the detail changed the listed posting instead of a copy")
			}
		})
	}
	for body, want := range map[string]string{
		`{"code":"2000","data":{"recruitNumber":"R2607001","recruitContents":"  "}}`: "the posting has no text (recruitContents is empty)",
		`{"code":"2000","data":{"recruitNumber":"R2607001"}}`:                        "the posting has no text (recruitContents is empty)",
		`<!doctype html><html></html>`:                                               "expected JSON, got HTML",
	} {
		if _, _, err := parseWoowaDetail([]byte(body), items["R2607001"]); err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", body, err, want)
		}
	}
	for _, body := range []string{`{"code":"2000","data":null}`, `{"code":"2000","data":{"recruitNumber":"R2607001","isHidden":true,"recruitContents":"x"}}`} {
		if _, gone, err := parseWoowaDetail([]byte(body), items["R2607001"]); !gone || err != nil {
			t.Errorf("%s: gone %v error %v, want gone", body, gone, err)
		}
	}
}

// woowaSite serves Woowa's list and detail answers, which a test can change between runs.
type woowaSite struct {
	mu      sync.Mutex
	pages   []string          // list pages by number
	details map[string]string // detail answers by recruitNumber; missing = 404
}

func (s *woowaSite) set(f func(*woowaSite)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

func (s *woowaSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if id, ok := strings.CutPrefix(r.URL.Path, "/w1/recruits/"); ok {
		body, found := s.details[id]
		if !found {
			http.Error(w, `{"status":404}`, http.StatusNotFound)
			return
		}
		fmt.Fprint(w, body)
		return
	}
	q := r.URL.Query()
	if q.Get("jobGroupCodes") != "BA005001" || q.Get("size") != "50" {
		http.Error(w, "unexpected query", http.StatusBadRequest)
		return
	}
	var n int
	fmt.Sscan(q.Get("page"), &n)
	if n < len(s.pages) {
		fmt.Fprint(w, s.pages[n])
		return
	}
	fmt.Fprint(w, `{"code":"2000","data":{"list":[]}}`)
}

// editJSON decodes s, lets edit change it and encodes it again.
func editJSON(t *testing.T, s string, edit func(map[string]any)) string {
	t.Helper()
	var m map[string]any
	mustUnmarshal(t, s, &m)
	edit(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// woowaRecords returns the list records of a list page.
func woowaRecords(m map[string]any) []any {
	return m["data"].(map[string]any)["list"].([]any)
}

func TestWoowaScrape(t *testing.T) {
	site := boardSite(t)
	ws := &woowaSite{
		pages: []string{string(readFixture(t, "woowa/list_p0.json")), string(readFixture(t, "woowa/list_p1.json"))},
		details: map[string]string{
			"R2607001": string(readFixture(t, "woowa/detail_R2607001.json")),
			"R2606023": string(readFixture(t, "woowa/detail_R2606023.json")),
			"R2604100": string(readFixture(t, "woowa/detail_R2604100.json")),
		},
	}
	site.handle("/w1/recruits", ws.serve)
	for _, id := range []string{"R2607001", "R2606023", "R2604100", "R2605000"} {
		site.handle("/w1/recruits/"+id, ws.serve)
	}
	c := newClock()
	cfg := testConfig(&sleeper{}, c)
	var progress [][2]int
	cfg.Progress = func(done, total int) { progress = append(progress, [2]int{done, total}) }
	w, err := NewWoowa(site.url(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := w.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 3, Fetched: 5, Parsed: 3, Kept: 3}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if len(progress) != 3 || progress[2] != [2]int{3, 3} {
		t.Errorf("progress %v", progress)
	}
	p := sink.postings["R2607001"]
	if p == nil || p.Source != "woowa" || p.URL != site.url()+"/recruitment/R2607001/detail" || p.Company != "우아한형제들" ||
		!strings.Contains(p.Sections.Description, "[지원자격]\n- Java와 Spring으로 3년 이상 개발한 분") {
		t.Fatalf("R2607001: %+v", p)
	}
	if pg := sink.pages["R2607001"]; pg.URL != site.url()+"/w1/recruits/R2607001" || pg.Outcome != jobs.OutcomeKept ||
		!pg.LastMod.Equal(time.Date(2026, 10, 20, 11, 0, 0, 0, kst)) || !pg.FetchedAt.Equal(c.Now()) {
		t.Errorf("page %+v", pg)
	}
	if _, ok := sink.pages["R2605000"]; ok {
		t.Error("the hidden posting was stored")
	}
	n, log := site.requests()
	if n["/w1/recruits/R2605000"] != 0 {
		t.Error("the hidden posting's detail was requested")
	}
	for _, r := range log {
		if r.ua != DefaultUserAgent {
			t.Errorf("%s sent User-Agent %q", r.path, r.ua)
		}
	}

	// Run 2: nothing changed, so no detail page is fetched and nothing is saved.
	site.resetLog()
	sink.saves = nil
	stats, err = w.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 3, Fetched: 2}); countsOf(stats) != countsOf(want) || len(sink.saves) != 0 {
		t.Errorf("run 2: stats %v saves %v", countsOf(stats), sink.saves)
	}

	// Run 3: R2607001 leaves the list; R2606023 changed and is gone on its page; R2604100
	// changed and its deadline has passed. Only the two changed postings are fetched.
	ws.set(func(s *woowaSite) {
		s.pages[0] = editJSON(t, s.pages[0], func(m map[string]any) {
			list := woowaRecords(m)
			list[1].(map[string]any)["updateDate"] = "2026-10-30 09:00:00"
			m["data"].(map[string]any)["list"] = list[1:]
			m["data"].(map[string]any)["totalSize"] = 3
		})
		s.pages[1] = editJSON(t, s.pages[1], func(m map[string]any) {
			woowaRecords(m)[0].(map[string]any)["updateDate"] = "2026-10-31 09:00:00"
			m["data"].(map[string]any)["totalSize"] = 3
		})
		s.details["R2606023"] = string(readFixture(t, "woowa/detail_gone.json"))
		s.details["R2604100"] = editJSON(t, s.details["R2604100"], func(m map[string]any) {
			m["data"].(map[string]any)["recruitEndDate"] = "2026-10-31 00:00:00"
		})
	})
	site.resetLog()
	sink.saves = nil
	stats, err = w.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 2, Fetched: 4, Parsed: 1, Closed: 3}); countsOf(stats) != countsOf(want) {
		t.Errorf("run 3: stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if len(sink.gone) != 1 || !slices.Equal(sink.gone[0], []string{"R2607001"}) {
		t.Errorf("run 3: gone %v", sink.gone)
	}
	if sink.outcome("R2606023") != jobs.OutcomeClosed || sink.outcome("R2604100") != jobs.OutcomeClosed {
		t.Errorf("outcomes %q %q", sink.outcome("R2606023"), sink.outcome("R2604100"))
	}
	if p := sink.postings["R2604100"]; p == nil || p.Status != jobs.StatusClosed {
		t.Errorf("R2604100 past its deadline: %+v", p)
	}
	if n, _ := site.requests(); n["/w1/recruits/R2607001"] != 0 {
		t.Error("a posting no longer listed was fetched")
	}
}

func TestWoowaScrapeLimitAndRetry(t *testing.T) {
	site := boardSite(t)
	ws := &woowaSite{
		pages: []string{string(readFixture(t, "woowa/list_p0.json")), string(readFixture(t, "woowa/list_p1.json"))},
		details: map[string]string{
			"R2607001": string(readFixture(t, "woowa/detail_R2607001.json")),
			"R2606023": `{"code":"5000","message":"DB error","data":null}`,
			"R2604100": string(readFixture(t, "woowa/detail_R2604100.json")),
		},
	}
	site.handle("/w1/recruits", ws.serve)
	var mu sync.Mutex
	hits := 0
	site.handle("/w1/recruits/R2607001", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		first := hits == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "3")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		ws.serve(w, r)
	})
	site.handle("/w1/recruits/R2606023", ws.serve)
	site.handle("/w1/recruits/R2604100", ws.serve)
	s := &sleeper{}
	cfg := testConfig(s, newClock())
	cfg.Limit = 2
	w, err := NewWoowa(site.url(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := w.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 3, Fetched: 4, Parsed: 1, Kept: 1, Failed: 1, Queued: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if got := s.sorted(); !slices.Equal(got, []time.Duration{3 * time.Second}) {
		t.Errorf("waits %v, want the 503's Retry-After", got)
	}
	if f := failureFor(stats, "/w1/recruits/R2606023"); f == nil || f.Reason != `the answer's code is "5000" (DB error), not 2000` {
		t.Errorf("failure %+v", f)
	}
	// The next run fetches the one left for later and the one that failed.
	stats, err = w.Scrape(t.Context(), sink)
	if err != nil || stats.Kept != 1 || stats.Queued != 0 || stats.Failed != 1 {
		t.Errorf("run 2: error %v stats %v", err, countsOf(stats))
	}
}

// koreanSource is one of the Korean company sources, for the tests they share.
type koreanSource struct {
	name     string
	make     func(base string, cfg Config) (jobs.Source, error)
	listPath string // the path of the list
	empty    string // an empty list
	shapes   string // a JSON answer without the list
	shapeErr string
}

var koreanSources = []koreanSource{
	{"kakao", func(b string, c Config) (jobs.Source, error) { return NewKakao(b, c) },
		"/public/api/job-list", `{"jobList":[],"totalPage":0}`, `{"message":"OK","list":[]}`, `no "jobList" list`},
	{"woowa", func(b string, c Config) (jobs.Source, error) { return NewWoowa(b, c) },
		"/w1/recruits", `{"code":"2000","message":"OK","data":{"list":[],"totalSize":0}}`, `{"code":"2000","data":{"items":[]}}`, `no "data.list"`},
	{"line", func(b string, c Config) (jobs.Source, error) { return NewLine(b, c) },
		"/page-data/ko/jobs/page-data.json", `{"result":{"data":{"allStrapiJobs":{"totalCount":0,"edges":[]}}}}`,
		`{"result":{"data":{"locales":{"lang":"ko"}}}}`, "no job list"},
	{"naver", func(b string, c Config) (jobs.Source, error) { return NewNaver(b, c) },
		"/rcrt/loadJobList.do", `{"result":"Y","totalSize":0,"list":[]}`, `{"result":"Y","rows":[]}`, `no "list"`},
}

// TestKoreanSourceFaults runs every Korean source against a list that robots.txt disallows,
// HTML served where JSON was expected, a JSON answer of another shape, and an empty list.
func TestKoreanSourceFaults(t *testing.T) {
	for _, src := range koreanSources {
		for _, tt := range []struct {
			name   string
			robots string
			status int
			body   string
			err    string // "" = the run succeeds with nothing listed
		}{
			{name: "robots.txt disallows the list", robots: "User-agent: *\nDisallow: " + src.listPath + "\n",
				status: 200, body: src.empty, err: "robots.txt of {host} disallows " + src.listPath},
			{name: "html instead of json", status: 200,
				body: "<!DOCTYPE html><html><body><h1>서비스 점검 중입니다</h1></body></html>", err: "expected JSON, got HTML"},
			{name: "another shape", status: 200, body: src.shapes, err: src.shapeErr},
			{name: "not found", status: 404, body: `{"error":"not found"}`, err: "HTTP 404"},
			{name: "empty list", status: 200, body: src.empty},
		} {
			t.Run(src.name+"/"+tt.name, func(t *testing.T) {
				site := boardSite(t)
				if tt.robots != "" {
					site.handle("/robots.txt", serveJSON(tt.robots))
				}
				site.handle(src.listPath, func(w http.ResponseWriter, r *http.Request) {
					w.WriteHeader(tt.status)
					fmt.Fprint(w, tt.body)
				})
				s, err := src.make(site.url(), testConfig(&sleeper{}, newClock()))
				if err != nil {
					t.Fatal(err)
				}
				if s.Name() != src.name {
					t.Errorf("name %q", s.Name())
				}
				sink := newStoreSink()
				sink.pages["1"] = jobs.Page{Source: src.name, SourceID: "1", Outcome: jobs.OutcomeKept, URL: site.url() + src.listPath}
				stats, err := s.Scrape(t.Context(), sink)
				if tt.err == "" {
					if err != nil || stats.Failed != 0 || stats.Listed != 0 {
						t.Fatalf("error %v stats %v failures %+v", err, countsOf(stats), stats.Failures)
					}
					return
				}
				want := strings.NewReplacer("{host}", strings.TrimPrefix(site.url(), "http://"), "{base}", site.url()).Replace(tt.err)
				if err == nil || !strings.Contains(err.Error(), want) || jobs.KindOf(err) != jobs.KindUnavailable {
					t.Fatalf("error %v, want one containing %q", err, want)
				}
				if !strings.HasPrefix(err.Error(), src.name+": ") || !strings.Contains(err.Error(), site.url()+src.listPath) {
					t.Errorf("error %q does not name the source and the list's URL", err)
				}
				if stats.Failed == 0 || len(sink.gone) != 0 || stats.Closed != 0 {
					t.Errorf("failed %d gone %v", stats.Failed, sink.gone)
				}
				n, _ := site.requests()
				for p, c := range n {
					if tt.robots != "" && strings.HasPrefix(p, src.listPath) {
						t.Errorf("%s requested %d times though robots.txt disallows it", p, c)
					}
				}
			})
		}
	}
}

func TestNewKoreanSourcesReject(t *testing.T) {
	for _, src := range koreanSources {
		for _, base := range []string{"ftp://x", "https://x/?q=1", "", "https://user:pw@x"} {
			if _, err := src.make(base, Config{}); err == nil || jobs.KindOf(err) != jobs.KindInvalid ||
				!strings.HasPrefix(err.Error(), src.name+" base URL") {
				t.Errorf("%s %q: error %v", src.name, base, err)
			}
		}
	}
	for name, u := range map[string]string{"kakao": DefaultKakaoURL, "woowa": DefaultWoowaURL, "line": DefaultLineURL, "naver": DefaultNaverURL} {
		for _, src := range koreanSources {
			if src.name == name {
				if _, err := src.make(u, Config{}); err != nil {
					t.Errorf("%s default URL: %v", name, err)
				}
			}
		}
	}
}

func TestJoinRaw(t *testing.T) {
	tests := []struct {
		list, detail, want string
	}{
		{`{"a":1}`, `{"b":"<p>"}`, `{"list":{"a":1},"detail":{"b":"<p>"}}`},
		{`{"a":1}`, `not json`, `{"list":{"a":1}}`},
		{``, `{"b":2}`, `{"detail":{"b":2}}`},
		{``, ``, `{}`},
	}
	for _, tt := range tests {
		if got := string(joinRaw([]byte(tt.list), []byte(tt.detail))); got != tt.want {
			t.Errorf("joinRaw(%q, %q) = %s, want %s", tt.list, tt.detail, got, tt.want)
		}
	}
}

func TestNeedsFetch(t *testing.T) {
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	mod := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	kept := jobs.Page{Outcome: jobs.OutcomeKept, LastMod: mod, FetchedAt: now.Add(-time.Hour)}
	tests := []struct {
		name    string
		page    jobs.Page
		lastMod time.Time
		want    bool
	}{
		{"unchanged", kept, mod, false},
		{"unchanged, fetched long ago", jobs.Page{Outcome: jobs.OutcomeKept, LastMod: mod, FetchedAt: now.Add(-30 * 24 * time.Hour)}, mod, false},
		{"changed", kept, mod.Add(time.Minute), true},
		{"closed before", jobs.Page{Outcome: jobs.OutcomeClosed, LastMod: mod, FetchedAt: now}, mod, true},
		{"no update time, fresh", kept, time.Time{}, false},
		{"no update time, stale", jobs.Page{Outcome: jobs.OutcomeKept, FetchedAt: now.Add(-7 * 24 * time.Hour)}, time.Time{}, true},
		{"never fetched", jobs.Page{Outcome: jobs.OutcomeKept}, time.Time{}, true},
	}
	for _, tt := range tests {
		if got := needsFetch(tt.page, tt.lastMod, now, 7*24*time.Hour); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestReadPaged reads lists of every paging shape through the real fetcher.
func TestReadPaged(t *testing.T) {
	record := func(id int, closed bool) string {
		return fmt.Sprintf(`{"realId":"P-%d","jobOfferTitle":"Engineer %d","qualification":"Go","closeFlag":%v}`, id, id, closed)
	}
	pageOf := func(ids ...int) string {
		var recs []string
		for _, id := range ids {
			recs = append(recs, record(id, false))
		}
		return `{"jobList":[` + strings.Join(recs, ",") + `]}`
	}
	tests := []struct {
		name     string
		page     func(n int) string // page n from 1
		items    int
		requests int
		complete bool
		failure  string
	}{
		{name: "no totals: an empty page ends the list", page: func(n int) string {
			if n <= 3 {
				return pageOf(n)
			}
			return `{"jobList":[]}`
		}, items: 3, requests: 4, complete: true},
		{name: "the last page named", page: func(n int) string {
			return strings.Replace(pageOf(n), `{"jobList"`, `{"totalPage":2,"jobList"`, 1)
		}, items: 2, requests: 2, complete: true},
		{name: "no end", page: func(n int) string { return pageOf(n) },
			items: maxListPages, requests: maxListPages, failure: fmt.Sprintf("more than %d pages of postings", maxListPages)},
		{name: "a page repeats", page: func(n int) string { return pageOf(1, 2) },
			items: 4, requests: 2, failure: "the page repeats postings already read"},
		{name: "every record closed", page: func(n int) string {
			if n == 1 {
				return `{"jobList":[` + record(1, true) + `,` + record(2, true) + `]}`
			}
			return `{"jobList":[]}`
		}, requests: 2, failure: "the list holds 2 postings but every one is closed"},
		{name: "a page fails", page: func(n int) string {
			if n == 2 {
				return "<html>busy</html>"
			}
			return pageOf(n)
		}, items: 1, requests: 2, failure: "expected JSON, got HTML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := boardSite(t)
			site.handle("/list", func(w http.ResponseWriter, r *http.Request) {
				var n int
				fmt.Sscan(r.URL.Query().Get("page"), &n)
				fmt.Fprint(w, tt.page(n))
			})
			base, err := parseBaseURL("test", site.url())
			if err != nil {
				t.Fatal(err)
			}
			f, err := newFetcher(t.Context(), testConfig(&sleeper{}, newClock()).withDefaults(), "test", base)
			if err != nil {
				t.Fatal(err)
			}
			pl := readPaged(t.Context(), f, "test", func(n, _ int) string { return fmt.Sprintf("%s/list?page=%d", site.url(), n+1) },
				func(b []byte) (listPage[boardItem], error) { return parseKakaoJobs(b, site.url(), DefaultMaxBodySize) })
			if len(pl.items) != tt.items || pl.requests != tt.requests || pl.complete != tt.complete {
				t.Errorf("items %d requests %d complete %v, want %d %d %v", len(pl.items), pl.requests, pl.complete,
					tt.items, tt.requests, tt.complete)
			}
			if pl.url != site.url()+"/list?page=1" {
				t.Errorf("url %q", pl.url)
			}
			switch {
			case tt.failure == "" && len(pl.failures) != 0:
				t.Errorf("failures %+v", pl.failures)
			case tt.failure != "" && (len(pl.failures) != 1 || !strings.Contains(pl.failures[0].Reason, tt.failure)):
				t.Errorf("failures %+v, want one containing %q", pl.failures, tt.failure)
			}
		})
	}
}
