package scraper

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseGreenhouseJobs(t *testing.T) {
	list, err := parseGreenhouseJobs(readFixture(t, "greenhouse/board.json"), "coupang", DefaultMaxBodySize)
	if err != nil {
		t.Fatal(err)
	}
	if list.records != 3 || list.total != 3 || len(list.items) != 3 {
		t.Fatalf("records %d total %d items %d, want 3 3 3", list.records, list.total, len(list.items))
	}
	byID := map[string]boardItem{}
	for _, it := range list.items {
		if it.posting == nil {
			t.Fatalf("%s: no posting: %s", it.id, it.problem)
		}
		byID[it.id] = it
	}

	ko := byID["5512345"]
	p := ko.posting
	if p.Source != "greenhouse" || p.SourceID != "5512345" || p.Company != "Coupang" ||
		p.Title != "[Search & Discovery] 머신러닝 엔지니어 (신입)" || p.Location != "Seoul, South Korea" || p.Remote {
		t.Errorf("ko posting fields: %+v", p)
	}
	if p.URL != "https://www.coupang.jobs/kr/jobs/5512345?gh_jid=5512345" {
		t.Errorf("URL = %q", p.URL)
	}
	if want := time.Date(2026, 10, 28, 13, 15, 2, 0, time.UTC); !ko.lastMod.Equal(want) {
		t.Errorf("lastMod = %v, want %v", ko.lastMod, want)
	}
	wantLines := []string{
		`쿠팡은 고객이 "쿠팡 없이 어떻게 살았을까?"라고 말하는 세상을 만듭니다.`,
		"주요업무", "• 추천 모델 학습 파이프라인 개발", "• 대규모 데이터 처리 (Spark)",
		"자격요건", "• Python, SQL 능숙자", "• PyTorch 또는 TensorFlow 사용 경험 3년 이상",
		"우대사항", "• Kubernetes 환경에서 모델 서빙 경험", "• R&D 논문 게재 경험",
		"혜택 및 복지", "• 점심 제공",
	}
	if got := strings.Split(p.Sections.Description, "\n"); !slices.Equal(got, wantLines) {
		t.Errorf("description lines:\n%q\nwant\n%q", got, wantLines)
	}
	var raw map[string]any
	if err := json.Unmarshal(p.Raw, &raw); err != nil || raw["requisition_id"] != "R-101" {
		t.Errorf("Raw is not the job's JSON: %v %s", err, truncate(string(p.Raw), 80))
	}

	en := byID["5598765"].posting
	for _, line := range []string{"About the role", "Build the ranking & search backend.", "Requirements",
		"• 3+ years with Java or Kotlin", "• Experience with MySQL & Redis", "Nice to have", "• Go", "• Kafka"} {
		if !slices.Contains(strings.Split(en.Sections.Description, "\n"), line) {
			t.Errorf("en description lacks the line %q:\n%s", line, en.Sections.Description)
		}
	}
	if !en.Remote {
		t.Error("a location naming remote work is not remote")
	}

	tainted := byID["5600001"].posting
	if tainted.URL != "" {
		t.Errorf("a javascript: absolute_url was kept: %q", tainted.URL)
	}
	if tainted.Title != "Data Engineer" {
		t.Errorf("title = %q", tainted.Title)
	}
	for _, s := range postingTexts(tainted) {
		if r := firstControl(s); r >= 0 {
			t.Errorf("control character %U kept in %q", r, s)
		}
		if strings.Contains(s, "alert(1)") || strings.ContainsRune(s, '\u202e') {
			t.Errorf("script or bidi override kept in %q", s)
		}
	}
	if !strings.Contains(tainted.Sections.Description, "Requirements\n• Docker and AWS") {
		t.Errorf("tainted description = %q", tainted.Sections.Description)
	}
}

func TestParseGreenhouseToss(t *testing.T) {
	list, err := parseGreenhouseJobs(readFixture(t, "greenhouse/toss.json"), "toss", DefaultMaxBodySize)
	if err != nil {
		t.Fatal(err)
	}
	if list.records != 2 || list.total != -1 || len(list.items) != 1 {
		t.Fatalf("records %d total %d items %d, want 2 -1 1 (the hidden job left out)", list.records, list.total, len(list.items))
	}
	it := list.items[0]
	p := it.posting
	if p == nil {
		t.Fatal(it.problem)
	}
	if p.SourceID != "4071234003" || p.Company != "토스뱅크" || p.EmploymentType != "regular" || p.Location != "서울" {
		t.Errorf("fields: id %q company %q type %q location %q", p.SourceID, p.Company, p.EmploymentType, p.Location)
	}
	lines := strings.Split(p.Sections.Description, "\n")
	for _, want := range []string{"## 이런 분을 찾고 있어요", "- Python과 SQL로 데이터를 다룰 수 있는 분", "## 이런 분이면 더 좋아요"} {
		if !slices.Contains(lines, want) {
			t.Errorf("description lacks %q:\n%s", want, p.Sections.Description)
		}
	}
	if p.Due == nil || p.Due.Format("2006-01-02") != "2026-12-31" {
		t.Errorf("due = %v", p.Due)
	}
}

func TestParseGreenhouseJobsShapes(t *testing.T) {
	job := func(id any, extra string) string {
		b, _ := json.Marshal(id)
		return fmt.Sprintf(`{"id":%s,"title":"Engineer","updated_at":"2026-10-01T00:00:00Z","content":"&lt;p&gt;Go&lt;/p&gt;"%s}`, b, extra)
	}
	tests := []struct {
		name     string
		body     string
		err      string   // "" = no error
		ids      []string // items' ids
		problems int      // items without a posting
		total    int
	}{
		{name: "html", body: "<!DOCTYPE html><html><body>점검 중</body></html>", err: "expected JSON, got HTML"},
		{name: "empty", body: "  ", err: "expected JSON, got an empty answer"},
		{name: "text", body: "Service Unavailable", err: "expected JSON, got text"},
		{name: "array", body: `[]`, err: "got a JSON array"},
		{name: "no jobs key", body: `{"error":"board not found"}`, err: `no "jobs" list`},
		{name: "truncated", body: `{"jobs":[{"id":1,`, err: "invalid JSON"},
		{name: "empty board", body: `{"jobs":[],"meta":{"total":0}}`, total: 0},
		{name: "no meta", body: `{"jobs":[` + job(11, "") + `]}`, ids: []string{"11"}, total: -1},
		{name: "string id", body: `{"jobs":[` + job("0042", "") + `]}`, ids: []string{"42"}, total: -1},
		{name: "no id", body: `{"jobs":[{"title":"x"},` + job(12, "") + `]}`, ids: []string{"", "12"}, problems: 1, total: -1},
		{name: "no title", body: `{"jobs":[{"id":13,"content":"x"}]}`, ids: []string{"13"}, problems: 1, total: -1},
		{name: "not an object", body: `{"jobs":[7]}`, ids: []string{""}, problems: 1, total: -1},
		{name: "toss groups", body: `{"resultType":"SUCCESS","success":[{"name":"Dev","jobs":[` + job(21, "") + `,` + job(22, "") +
			`]},{"name":"Data","jobs":[` + job(21, "") + `]}]}`, ids: []string{"21", "22"}, total: -1},
		{name: "toss flat", body: `{"success":[` + job(31, `,"metadata":[{"name":"미노출","value":"t"}]`) + `,` + job(32, "") + `]}`,
			ids: []string{"32"}, total: -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := parseGreenhouseJobs([]byte(tt.body), "b", DefaultMaxBodySize)
			if !parsedAsWanted(t, err, tt.err) {
				return
			}
			var ids []string
			problems := 0
			for _, it := range list.items {
				ids = append(ids, it.id)
				if it.posting == nil {
					problems++
				}
			}
			if !slices.Equal(ids, tt.ids) || problems != tt.problems || list.total != tt.total {
				t.Errorf("ids %q problems %d total %d, want %q %d %d", ids, problems, list.total, tt.ids, tt.problems, tt.total)
			}
		})
	}
}

func TestParseGreenhouseTooLarge(t *testing.T) {
	big := strings.Repeat("&lt;p&gt;Kubernetes&lt;/p&gt;", 2000)
	body := `{"jobs":[{"id":1,"title":"Big","content":"` + big + `"},{"id":2,"title":"Small","content":"x"}]}`
	list, err := parseGreenhouseJobs([]byte(body), "b", 4096)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.items) != 2 || list.items[0].posting != nil || list.items[0].id != "1" ||
		list.items[0].problem != "posting too large (over 4 KiB)" || list.items[1].posting == nil {
		t.Fatalf("items: %+v", list.items)
	}
}

// boardSite is a test site serving board lists: robots.txt answers 404 unless set.
func boardSite(t *testing.T) *testSite {
	site := newTestSite(t)
	site.handle("/robots.txt", http.NotFound)
	return site
}

func serveJSON(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

func greenhouseJob(id int, updated, content string) map[string]any {
	return map[string]any{
		"id": id, "title": fmt.Sprintf("Engineer %d", id), "updated_at": updated,
		"absolute_url": fmt.Sprintf("https://boards.greenhouse.io/b/jobs/%d", id),
		"location":     map[string]any{"name": "Seoul"}, "content": content,
	}
}

func greenhouseBoard(jobsList ...map[string]any) string {
	b, err := json.Marshal(map[string]any{"jobs": jobsList, "meta": map[string]any{"total": len(jobsList)}})
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestGreenhouseScrape runs the real collector against boards with every fault a list can
// have, then again to check that unchanged postings are not saved and vanished ones close.
func TestGreenhouseScrape(t *testing.T) {
	site := boardSite(t)
	var mu sync.Mutex
	hits := 0
	board := readFixture(t, "greenhouse/board.json")
	site.handle("/v1/boards/coupang/jobs", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		first := hits == 1
		mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "7")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		if r.URL.Query().Get("content") != "true" {
			http.Error(w, "content=true expected", http.StatusBadRequest)
			return
		}
		w.Write(board)
	})
	site.handle("/v1/boards/nosuch/jobs", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"status":404,"error":"Job board not found"}`)
	})
	site.handle("/v1/boards/maintenance/jobs", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!DOCTYPE html><html><body><h1>서비스 점검 중입니다</h1></body></html>")
	})
	huge := "&lt;p&gt;" + strings.Repeat("Python ", 20000) + "&lt;/p&gt;" // 140 KB, over the 64 KiB limit
	otherBoard := greenhouseBoard(
		greenhouseJob(701, "2026-10-01T00:00:00Z", "&lt;h3&gt;Requirements&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;/ul&gt;"),
		greenhouseJob(702, "2026-10-01T00:00:00Z", huge))
	site.handle("/v1/boards/other/jobs", serveJSON(otherBoard))

	s, c := &sleeper{}, newClock()
	g, err := NewGreenhouse(site.url()+"/", []string{"coupang", "nosuch", "maintenance", "other", "coupang"}, testConfig(s, c))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := g.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatalf("Scrape: %v", err)
	}
	want := jobs.SourceStats{Source: "greenhouse", Listed: 5, Fetched: 4, Parsed: 4, Kept: 4, Failed: 3}
	if got := countsOf(stats); got != countsOf(want) {
		t.Errorf("stats %+v, want %+v", got, countsOf(want))
	}
	if got := s.sorted(); !slices.Equal(got, []time.Duration{7 * time.Second}) {
		t.Errorf("waits %v, want the 429's Retry-After of 7s", got)
	}
	if f := failureFor(stats, "/v1/boards/nosuch/jobs?content=true"); f == nil || f.Status != 404 ||
		!strings.Contains(f.Reason, `HTTP 404: greenhouse has no board named "nosuch"`) {
		t.Errorf("404 board failure: %+v", f)
	}
	if f := failureFor(stats, "/v1/boards/maintenance/jobs?content=true"); f == nil || f.Reason != "expected JSON, got HTML" {
		t.Errorf("HTML board failure: %+v", f)
	}
	if f := failureFor(stats, "/jobs/702"); f == nil || f.Reason != "posting too large (over 64 KiB)" {
		t.Errorf("huge posting failure: %+v (all: %+v)", f, stats.Failures)
	}
	if got, want := sink.savedIDs(), []string{"5512345", "5598765", "5600001", "701"}; !slices.Equal(got, want) {
		t.Errorf("saved %v, want %v", got, want)
	}
	page := sink.pages["5512345"]
	if page.URL != site.url()+"/v1/boards/coupang/jobs?content=true" || page.Outcome != jobs.OutcomeKept ||
		!page.LastMod.Equal(time.Date(2026, 10, 28, 13, 15, 2, 0, time.UTC)) || !page.FetchedAt.Equal(c.Now()) {
		t.Errorf("page %+v", page)
	}
	n, log := site.requests()
	if n["/v1/boards/coupang/jobs?content=true"] != 2 {
		t.Errorf("coupang's list was requested %d times, want 2 (the 429, then once)", n["/v1/boards/coupang/jobs?content=true"])
	}
	for _, r := range log {
		if r.ua != DefaultUserAgent {
			t.Errorf("%s sent User-Agent %q", r.path, r.ua)
		}
	}

	// Run 2: nothing changed, so nothing is saved again.
	sink.saves = nil
	stats, err = g.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Kept != 0 || stats.Parsed != 4 || len(sink.saves) != 0 || len(sink.gone) != 0 {
		t.Errorf("run 2: kept %d parsed %d saves %v gone %v", stats.Kept, stats.Parsed, sink.saves, sink.gone)
	}

	// Run 3: coupang drops one posting and edits another; "other" fails, so 701 stays open.
	var doc struct{ Jobs []map[string]any }
	if err := json.Unmarshal(board, &doc); err != nil {
		t.Fatal(err)
	}
	edited := doc.Jobs[0]
	edited["updated_at"] = "2026-11-01T00:00:00Z"
	site.handle("/v1/boards/coupang/jobs", serveJSON(greenhouseBoard(edited, doc.Jobs[2])))
	site.handle("/v1/boards/other/jobs", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusBadGateway)
	})
	sink.saves = nil
	stats, err = g.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sink.saves, []string{"5512345"}) {
		t.Errorf("run 3 saved %v, want only the edited 5512345", sink.saves)
	}
	if len(sink.gone) != 1 || !slices.Equal(sink.gone[0], []string{"5598765"}) || stats.Closed != 1 {
		t.Errorf("run 3 gone %v closed %d, want [[5598765]] 1", sink.gone, stats.Closed)
	}
	if f := failureFor(stats, "/v1/boards/other/jobs?content=true"); f == nil || f.Status != 502 ||
		f.Reason != "HTTP 502 after 3 retries" {
		t.Errorf("502 board failure: %+v", f)
	}

	// Run 4: coupang's list says it has 3 postings but holds one: what it holds is read,
	// and nothing missing from it is closed.
	cut, _ := json.Marshal(map[string]any{"jobs": []map[string]any{edited}, "meta": map[string]any{"total": 3}})
	site.handle("/v1/boards/coupang/jobs", serveJSON(string(cut)))
	sink.gone = nil
	stats, err = g.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if len(sink.gone) != 0 || stats.Closed != 0 || stats.Parsed < 1 {
		t.Errorf("run 4 gone %v closed %d parsed %d, want nothing closed from a cut list", sink.gone, stats.Closed, stats.Parsed)
	}
	if f := failureFor(stats, "/v1/boards/coupang/jobs?content=true"); f == nil ||
		f.Reason != "the list holds 1 postings but says it has 3" {
		t.Errorf("cut list failure: %+v", f)
	}
}

func countsOf(s jobs.SourceStats) [7]int {
	return [7]int{s.Listed, s.Fetched, s.Parsed, s.Kept, s.Failed, s.Closed, s.Queued}
}

// TestBoardRunErrors covers the runs that read no board at all, and robots.txt.
func TestBoardRunErrors(t *testing.T) {
	tests := []struct {
		name   string
		robots string // "" = robots.txt answers 404
		serve  http.HandlerFunc
		err    string
		failed bool
	}{
		{name: "every board fails", serve: serveJSON("<html>maintenance</html>"),
			err: "greenhouse: no board could be read: ", failed: true},
		{name: "robots.txt disallows the API", robots: "User-agent: *\nDisallow: /v1/\n", serve: serveJSON(`{"jobs":[]}`),
			err: "disallowed by robots.txt", failed: true},
		{name: "robots.txt for another agent", robots: "User-agent: BadBot\nDisallow: /\n", serve: serveJSON(`{"jobs":[]}`)},
		{name: "empty board", serve: serveJSON(`{"jobs":[],"meta":{"total":0}}`)},
		{name: "list over the list limit", serve: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(51<<20))
			fmt.Fprint(w, `{"jobs":[`)
		}, err: "page too large (over 50 MiB)", failed: true},
		{name: "total disagrees", serve: serveJSON(`{"jobs":[{"id":1,"title":"A","content":"x"}],"meta":{"total":2}}`),
			failed: true},
		{name: "records but none readable", serve: serveJSON(`{"jobs":[{"title":"no id"}]}`),
			failed: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := boardSite(t)
			if tt.robots != "" {
				site.handle("/robots.txt", serveJSON(tt.robots))
			}
			site.handle("/v1/boards/b/jobs", tt.serve)
			g, err := NewGreenhouse(site.url(), []string{"b"}, testConfig(&sleeper{}, newClock()))
			if err != nil {
				t.Fatal(err)
			}
			stats, err := g.Scrape(t.Context(), newFakeSink())
			if tt.err == "" && err != nil {
				t.Fatalf("error %v", err)
			}
			if tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || jobs.KindOf(err) != jobs.KindUnavailable) {
				t.Fatalf("error %v, want one containing %q", err, tt.err)
			}
			if (stats.Failed > 0) != tt.failed {
				t.Errorf("failed %d, failures %+v", stats.Failed, stats.Failures)
			}
			if tt.robots == "User-agent: *\nDisallow: /v1/\n" {
				if n, _ := site.requests(); n["/v1/boards/b/jobs?content=true"] != 0 {
					t.Error("a path robots.txt disallows was requested")
				}
			}
		})
	}
}

func TestNewBoardSourcesReject(t *testing.T) {
	tests := []struct {
		name   string
		make   func() error
		substr string
	}{
		{"greenhouse ftp", func() error { _, err := NewGreenhouse("ftp://x", []string{"a"}, Config{}); return err }, "not an http"},
		{"greenhouse query", func() error {
			_, err := NewGreenhouse("https://x/?a=1", []string{"a"}, Config{})
			return err
		}, "must not carry"},
		{"greenhouse no boards", func() error { _, err := NewGreenhouse("https://x", nil, Config{}); return err }, "no boards given"},
		{"greenhouse slash", func() error { _, err := NewGreenhouse("https://x", []string{"a/b"}, Config{}); return err }, `"a/b" is not a valid board name`},
		{"lever space", func() error { _, err := NewLever("https://x", []string{"a b"}, Config{}); return err }, "not a valid site name"},
		{"lever no sites", func() error { _, err := NewLever("https://x", []string{" "}, Config{}); return err }, "not a valid site name"},
		{"ashby query mark", func() error { _, err := NewAshby("https://x", []string{"a?b"}, Config{}); return err }, "not a valid board name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.make()
			if err == nil || !strings.Contains(err.Error(), tt.substr) || jobs.KindOf(err) != jobs.KindInvalid {
				t.Errorf("error %v, want an invalid-kind error containing %q", err, tt.substr)
			}
		})
	}
}

func TestTossScrape(t *testing.T) {
	site := boardSite(t)
	site.handle("/api/v3/ipd-eggnog/career/jobs", func(w http.ResponseWriter, r *http.Request) {
		w.Write(readFixture(t, "greenhouse/toss.json"))
	})
	s, err := NewToss(site.url(), testConfig(&sleeper{}, newClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := s.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 1, Fetched: 1, Parsed: 1, Kept: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v", countsOf(stats), countsOf(want))
	}
	p := sink.postings["4071234003"]
	if p == nil || p.Source != "toss" || p.Company != "토스뱅크" || !strings.Contains(p.Sections.Description, "이런 분을 찾고 있어요") {
		t.Fatalf("posting %+v", p)
	}
	if pg := sink.pages["4071234003"]; pg.Source != "toss" || pg.URL != site.url()+"/api/v3/ipd-eggnog/career/jobs" {
		t.Errorf("page %+v", pg)
	}

	// A failed answer closes nothing.
	site.handle("/api/v3/ipd-eggnog/career/jobs", serveJSON(`{"resultType":"FAIL","error":{"reason":"점검"}}`))
	_, err = s.Scrape(t.Context(), sink)
	if err == nil || !strings.Contains(err.Error(), `resultType is "FAIL"`) || len(sink.gone) != 0 {
		t.Errorf("failed answer: error %v gone %v", err, sink.gone)
	}

	// A job listed twice, and on two boards: stored once, and no failure.
	dup := `{"jobs":[{"id":1,"title":"A","content":"x"},{"id":1,"title":"A","content":"x"}]}`
	site.handle("/v1/boards/a/jobs", serveJSON(dup))
	site.handle("/v1/boards/b/jobs", serveJSON(dup))
	g, err := NewGreenhouse(site.url(), []string{"a", "b"}, testConfig(&sleeper{}, newClock()))
	if err != nil {
		t.Fatal(err)
	}
	stats, err = g.Scrape(t.Context(), newStoreSink())
	if err != nil || stats.Listed != 1 || stats.Kept != 1 || stats.Failed != 0 {
		t.Errorf("duplicates: error %v stats %v failures %+v", err, countsOf(stats), stats.Failures)
	}
}
