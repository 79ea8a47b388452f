package scraper

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseKakaoJobs(t *testing.T) {
	pg, err := parseKakaoJobs(readFixture(t, "kakao/page1.json"), "https://careers.kakao.com", DefaultMaxBodySize)
	if err != nil {
		t.Fatal(err)
	}
	if pg.pages != 2 || pg.total != -1 || !slices.Equal(pg.ids, []string{"P-14476", "P-14480", "P-14001"}) {
		t.Fatalf("pages %d total %d ids %v", pg.pages, pg.total, pg.ids)
	}
	if len(pg.items) != 2 {
		t.Fatalf("%d items, want 2 (the closed posting left out)", len(pg.items))
	}
	due := time.Date(2026, 12, 31, 23, 59, 0, 0, kst)
	tests := []struct {
		id      string
		want    jobs.Posting
		lastMod time.Time
	}{
		{"P-14476", jobs.Posting{
			URL: "https://careers.kakao.com/jobs/P-14476", Title: "[카카오] 백엔드 엔지니어 (Spring)", Company: "카카오",
			Location: "경기 성남", EmploymentType: "regular", Due: &due,
			Sections: jobs.Sections{
				Intro:     "카카오톡 플랫폼의 서버를 만드는 팀입니다.",
				MainTasks: "- 대규모 트래픽을 처리하는 API 개발\n- 메시지 전송 파이프라인 운영",
				Requirements: "[자격요건]\n• Java 또는 Kotlin으로 3년 이상 개발한 경험\n• Spring Boot & JPA 경험\n" +
					"[우대사항]\n• Kubernetes 운영 경험\n• Kafka 사용 경험",
				HireRounds:  "서류전형 > 코딩테스트 > 1차 인터뷰 > 2차 인터뷰",
				Description: "기술 스택: Java, Spring, Kubernetes",
			},
		}, time.Date(2026, 10, 20, 14, 30, 0, 0, kst)},
		{"P-14480", jobs.Posting{
			URL: "https://careers.kakao.com/jobs/P-14480", Title: "머신러닝 엔지니어 <추천>", Company: "카카오",
			Location: "경기 성남", EmploymentType: "regular",
			Sections: jobs.Sections{
				MainTasks:    "• 추천 모델 학습과 서빙",
				Requirements: "자격요건\n• Python, PyTorch\n• 통계학 또는 컴퓨터공학 석사 이상\n\n우대사항\n• Triton 서빙 경험",
				Description:  "기술 스택: Python, PyTorch",
			},
		}, time.Date(2026, 10, 5, 10, 0, 0, 0, kst)},
	}
	for i, tt := range tests {
		it := pg.items[i]
		p := it.posting
		if p == nil || it.id != tt.id {
			t.Fatalf("item %d: id %q problem %q", i, it.id, it.problem)
		}
		w := tt.want
		if p.Source != "kakao" || p.SourceID != tt.id || p.URL != w.URL || p.Title != w.Title || p.Company != w.Company ||
			p.Location != w.Location || p.EmploymentType != w.EmploymentType || p.Status != jobs.StatusOpen {
			t.Errorf("%s: %+v", tt.id, p)
		}
		if p.Sections != w.Sections {
			t.Errorf("%s sections:\n got %#v\nwant %#v", tt.id, p.Sections, w.Sections)
		}
		if (p.Due == nil) != (w.Due == nil) || (p.Due != nil && !p.Due.Equal(*w.Due)) {
			t.Errorf("%s: due %v, want %v", tt.id, p.Due, w.Due)
		}
		if !it.lastMod.Equal(tt.lastMod) || it.url != w.URL {
			t.Errorf("%s: lastMod %v url %q", tt.id, it.lastMod, it.url)
		}
		if !strings.Contains(string(p.Raw), `"realId":"`+tt.id+`"`) {
			t.Errorf("%s: raw record not kept: %s", tt.id, p.Raw)
		}
	}
}

func TestParseKakaoJobsShapes(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		err      string
		items    int
		problems int
		pages    int
	}{
		{name: "html", body: "<!DOCTYPE html><html><body>점검 중</body></html>", err: "expected JSON, got HTML"},
		{name: "array", body: `[{"realId":"P-1"}]`, err: "got a JSON array"},
		{name: "no jobList", body: `{"message":"OK","data":[]}`, err: `no "jobList" list`},
		{name: "jobList not a list", body: `{"jobList":{"realId":"P-1"}}`, err: "invalid JSON"},
		{name: "empty", body: `{"jobList":[],"totalPage":0}`},
		{name: "numeric id, numbers as strings", body: `{"jobList":[{"jobOfferId":"77","jobOfferTitle":"SRE","closeFlag":"N"}],"totalPage":"1"}`,
			items: 1, pages: 1},
		{name: "status says ended", body: `{"jobList":[{"realId":"P-2","jobOfferTitle":"A","statusCode":"end"}]}`},
		{name: "records without id or title", body: `{"jobList":[{"jobOfferTitle":"A"},{"realId":"P-3"},"x",{"realId":"bad id"}]}`,
			items: 4, problems: 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg, err := parseKakaoJobs([]byte(tt.body), "https://k", DefaultMaxBodySize)
			if !parsedAsWanted(t, err, tt.err) {
				return
			}
			problems := 0
			for _, it := range pg.items {
				if it.posting == nil {
					problems++
				}
			}
			if len(pg.items) != tt.items || problems != tt.problems || pg.pages != tt.pages {
				t.Errorf("items %d problems %d pages %d, want %d %d %d", len(pg.items), problems, pg.pages,
					tt.items, tt.problems, tt.pages)
			}
		})
	}
}

// kakaoServer serves Kakao's list from pages set by the test; requests of other parts or
// companies are refused.
func kakaoServer(t *testing.T, site *testSite, pages func(page string) (int, string)) {
	t.Helper()
	site.handle("/public/api/job-list", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("part") != "TECHNOLOGY" || q.Get("company") != "KAKAO" {
			http.Error(w, "unexpected filter", http.StatusBadRequest)
			return
		}
		status, body := pages(q.Get("page"))
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
	})
}

func TestKakaoScrape(t *testing.T) {
	site := boardSite(t)
	page1, page2 := string(readFixture(t, "kakao/page1.json")), string(readFixture(t, "kakao/page2.json"))
	serve := func(page string) (int, string) {
		switch page {
		case "1":
			return 200, page1
		case "2":
			return 200, page2
		}
		return 200, `{"jobList":[],"totalPage":2}`
	}
	kakaoServer(t, site, func(p string) (int, string) { return serve(p) })

	c := newClock()
	k, err := NewKakao(site.url(), testConfig(&sleeper{}, c))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := k.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if want := (jobs.SourceStats{Listed: 4, Fetched: 2, Parsed: 3, Kept: 3, Failed: 1}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v (failures %+v)", countsOf(stats), countsOf(want), stats.Failures)
	}
	if f := failureFor(stats, "/jobs/P-15000"); f == nil || f.Reason != "job P-15000 has no title (jobOfferTitle)" {
		t.Errorf("untitled posting failure %+v", f)
	}
	if got := sink.savedIDs(); !slices.Equal(got, []string{"P-14476", "P-14480", "S-4752"}) {
		t.Errorf("saved %v", got)
	}
	if p := sink.postings["S-4752"]; p == nil || p.Company != "카카오페이" || p.EmploymentType != "contract" || p.Due != nil ||
		p.URL != site.url()+"/jobs/S-4752" || p.Sections.Requirements != "- SQL과 Spark\n- Airflow" {
		t.Errorf("S-4752: %+v", p)
	}
	if pg := sink.pages["P-14476"]; pg.URL != site.url()+"/public/api/job-list?part=TECHNOLOGY&company=KAKAO" ||
		!pg.LastMod.Equal(time.Date(2026, 10, 20, 14, 30, 0, 0, kst)) {
		t.Errorf("page %+v", pg)
	}
	n, _ := site.requests()
	for _, p := range []string{"1", "2"} {
		if u := "/public/api/job-list?part=TECHNOLOGY&company=KAKAO&page=" + p; n[u] != 1 {
			t.Errorf("%s requested %d times", u, n[u])
		}
	}
	if n["/public/api/job-list?part=TECHNOLOGY&company=KAKAO&page=3"] != 0 {
		t.Error("a page past totalPage was requested")
	}

	// Run 2: postings with an unchanged update time are not saved again; S-4752 gives none.
	sink.saves = nil
	stats, err = k.Scrape(t.Context(), sink)
	if err != nil || stats.Kept != 1 || !slices.Equal(sink.saves, []string{"S-4752"}) {
		t.Errorf("run 2: error %v kept %d saves %v", err, stats.Kept, sink.saves)
	}

	// Run 3: page 2 fails, so the list is incomplete and nothing is closed.
	serve = func(page string) (int, string) {
		if page == "2" {
			return 500, `{"error":"internal"}`
		}
		return 200, page1
	}
	stats, err = k.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if f := failureFor(stats, "&page=2"); f == nil || f.Status != 500 || f.Reason != "HTTP 500 after 3 retries" {
		t.Errorf("page 2 failure %+v", f)
	}
	if len(sink.gone) != 0 {
		t.Errorf("an incomplete list closed %v", sink.gone)
	}

	// Run 4: one page holds everything now; the postings missing from it close.
	serve = func(page string) (int, string) {
		if page == "1" {
			return 200, `{"jobList":[` + kakaoRecord(t, page1, 0) + `],"totalPage":1}`
		}
		return 200, `{"jobList":[]}`
	}
	stats, err = k.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if len(sink.gone) != 1 || !slices.Equal(sink.gone[0], []string{"P-14480", "S-4752"}) || stats.Closed != 2 {
		t.Errorf("run 4: gone %v closed %d", sink.gone, stats.Closed)
	}
	if n, _ := site.requests(); n["/public/api/job-list?part=TECHNOLOGY&company=KAKAO&page=2"] != 6 {
		t.Errorf("page 2 requested %d times over the runs, want 6 (once, once, then the 500 and its 3 retries)",
			n["/public/api/job-list?part=TECHNOLOGY&company=KAKAO&page=2"])
	}
}

// kakaoRecord is record i of a Kakao list page, as JSON.
func kakaoRecord(t *testing.T, page string, i int) string {
	t.Helper()
	var doc struct {
		JobList []json.RawMessage `json:"jobList"`
	}
	mustUnmarshal(t, page, &doc)
	return string(doc.JobList[i])
}

func TestKakaoScrapeFaults(t *testing.T) {
	tests := []struct {
		name   string
		pages  func(string) (int, string)
		err    string
		failed string // a failure's reason
	}{
		{name: "a page repeats the first", pages: func(string) (int, string) {
			return 200, `{"jobList":[{"realId":"P-1","jobOfferTitle":"A","qualification":"Go"}]}`
		}, failed: "the site ignores the page asked for"},
		{name: "every posting closed", pages: func(p string) (int, string) {
			if p != "1" {
				return 200, `{"jobList":[]}`
			}
			return 200, `{"jobList":[{"realId":"P-1","jobOfferTitle":"A","closeFlag":true}]}`
		}, err: "every one is closed"},
		{name: "records but no text", pages: func(p string) (int, string) {
			return 200, `{"jobList":[{"realId":"P-1","jobOfferTitle":"A"}],"totalPage":1}`
		}, failed: "the list gave 1 postings but no text for any of them"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := boardSite(t)
			kakaoServer(t, site, tt.pages)
			k, err := NewKakao(site.url(), testConfig(&sleeper{}, newClock()))
			if err != nil {
				t.Fatal(err)
			}
			sink := newStoreSink()
			sink.pages["P-9"] = jobs.Page{Source: "kakao", SourceID: "P-9", Outcome: jobs.OutcomeKept,
				URL: site.url() + "/public/api/job-list?part=TECHNOLOGY&company=KAKAO"}
			stats, err := k.Scrape(t.Context(), sink)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || jobs.KindOf(err) != jobs.KindUnavailable {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if tt.failed != "" && !hasFailure(stats, tt.failed) {
				t.Errorf("failures %+v, want one containing %q", stats.Failures, tt.failed)
			}
			if tt.failed == "the site ignores the page asked for" && len(sink.gone) != 0 {
				t.Errorf("an incomplete list closed %v", sink.gone)
			}
		})
	}
}

func hasFailure(stats jobs.SourceStats, reason string) bool {
	for _, f := range stats.Failures {
		if strings.Contains(f.Reason, reason) {
			return true
		}
	}
	return false
}
