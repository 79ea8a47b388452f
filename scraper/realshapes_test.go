package scraper

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// Tests of the Korean company sources on answers the real sites gave, saved by other public
// projects (testdata/README.md names each file's origin).

// Kakao's uptDate carries no zone and is Korean time: "2024-04-03T14:39:10" is 05:39:10 UTC.
func TestKakaoRealUpdateTimeIsKorean(t *testing.T) {
	pg, err := parseKakaoJobs(readFixture(t, "kakao/real_2024.json"), "https://careers.kakao.com", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if len(pg.items) != 3 || pg.items[0].id != "P-13391" || pg.items[0].posting == nil {
		t.Fatalf("items %+v", pg.items)
	}
	want := time.Date(2024, 4, 3, 5, 39, 10, 0, time.UTC)
	if got := pg.items[0].lastMod; !got.Equal(want) {
		t.Errorf("lastMod %v, want %v", got.UTC(), want)
	}
	p := pg.items[0].posting
	if p.Title != "인프라 시스템 엔지니어 (경력)" || p.Company != "카카오" || p.Due != nil ||
		!strings.Contains(p.Sections.Requirements, "우대사항") {
		t.Errorf("posting %+v", p)
	}
}

// Woowa's updateDate carries no zone and is Korean time.
func TestWoowaRealUpdateTimeIsKorean(t *testing.T) {
	pg, err := parseWoowaList(readFixture(t, "woowa/real_2021_list.json"), "https://career.woowahan.com")
	if err != nil {
		t.Fatal(err)
	}
	if len(pg.items) != 3 || pg.total != 3 || pg.items[0].id != "R2007104" {
		t.Fatalf("total %d items %+v", pg.total, pg.items)
	}
	want := time.Date(2021, 6, 7, 6, 53, 51, 0, time.UTC)
	if got := pg.items[0].lastMod; !got.Equal(want) {
		t.Errorf("lastMod %v, want %v", got.UTC(), want)
	}
	if p := pg.items[0].stub; p.Title != "B마트 iOS 개발자 모집" || p.Due != nil {
		t.Errorf("stub %+v", p)
	}
}

// LINE's real list nodes carry no update time: each listed posting has a fingerprint of its
// node, the same for the same node and another for a changed one.
func TestLineRealListFingerprint(t *testing.T) {
	body := readFixture(t, "line/real_2021_list.json")
	pg, err := parseLineList(body, "https://careers.linecorp.com")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range pg.items {
		ids = append(ids, it.id)
		if !it.lastMod.IsZero() || !strings.HasPrefix(it.fingerprint, "record:") {
			t.Errorf("%s: lastMod %v fingerprint %q", it.id, it.lastMod, it.fingerprint)
		}
	}
	if strings.Join(ids, ",") != "724,723,722" || pg.total != 6 {
		t.Fatalf("items %v total %d", ids, pg.total)
	}
	again, _ := parseLineList(body, "https://careers.linecorp.com")
	changed, _ := parseLineList([]byte(strings.Replace(string(body), "LINE Wallet Server Engineer", "LINE Wallet Server Engineer (Go)", 1)),
		"https://careers.linecorp.com")
	if again.items[2].fingerprint != pg.items[2].fingerprint || changed.items[2].fingerprint == pg.items[2].fingerprint ||
		changed.items[0].fingerprint != pg.items[0].fingerprint {
		t.Errorf("fingerprints do not follow the records: %q %q %q", pg.items[2].fingerprint, again.items[2].fingerprint,
			changed.items[2].fingerprint)
	}
}

// A LINE run over the real list fetches a posting's page again only when its node changed.
func TestLineScrapeRefetchesChangedNodes(t *testing.T) {
	site := boardSite(t)
	var mu sync.Mutex
	list := string(readFixture(t, "line/real_2021_list.json"))
	site.handle(lineListPath, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		serveJSON(list)(w, r)
	})
	for _, id := range []string{"722", "723", "724"} {
		detail, _ := json.Marshal(map[string]any{"result": map[string]any{"data": map[string]any{"strapiJobs": map[string]any{
			"strapiId": json.Number(id), "content": "<h3>Qualifications</h3><ul><li>Java 3년 이상</li></ul>"}}}})
		site.handle("/page-data/ko/jobs/"+id+"/page-data.json", serveJSON(string(detail)))
	}
	c := &clock{now: time.Date(2021, 8, 1, 3, 0, 0, 0, time.UTC)}
	l, err := NewLine(site.url(), testConfig(&sleeper{}, c))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := l.Scrape(t.Context(), sink)
	if err != nil || stats.Kept != 3 || stats.Failed != 0 {
		t.Fatalf("first run: %v %v %+v", err, countsOf(stats), stats.Failures)
	}
	if p := sink.pages["722"]; !strings.HasPrefix(p.Filter, "record:") || !p.LastMod.IsZero() {
		t.Errorf("stored page %+v", p)
	}
	site.resetLog()
	if stats, err = l.Scrape(t.Context(), sink); err != nil || stats.Fetched != 1 || stats.Kept != 0 {
		t.Errorf("unchanged run: %v %v", err, countsOf(stats))
	}
	mu.Lock()
	list = strings.Replace(list, "LINE Wallet Server Engineer", "LINE Wallet Server Engineer (Go)", 1)
	mu.Unlock()
	site.resetLog()
	stats, err = l.Scrape(t.Context(), sink)
	if req, _ := site.requests(); err != nil || stats.Kept != 1 || req["/page-data/ko/jobs/722/page-data.json"] != 1 ||
		req["/page-data/ko/jobs/723/page-data.json"] != 0 {
		t.Errorf("changed run: %v %v requests %v", err, countsOf(stats), req)
	}
	if p := sink.postings["722"]; p == nil || p.Title != "LINE Wallet Server Engineer (Go)" {
		t.Errorf("722: %+v", p)
	}
}

// Lever boards head their lists freely ("Who You Are", "What you’ll bring", "You have"), and
// their additional text is an equal-opportunity statement or "About us", not benefits.
func TestLeverRealShapedSections(t *testing.T) {
	items, _, err := parseLeverPostings(readFixture(t, "lever/real_shaped.json"), "mistral", 1<<20)
	if err != nil || len(items) != 2 {
		t.Fatalf("%d items, %v", len(items), err)
	}
	s := items[0].posting.Sections
	if s.Requirements != "• 3+ years of backend engineering in Go or Python\n• You have operated Kubernetes in production\n• Experience with PostgreSQL" ||
		s.Preferred != "• CUDA" || s.Benefits != "" || !strings.HasPrefix(s.Intro, "Mistral AI is an equal opportunity employer") ||
		!strings.Contains(s.Description, "What You'll Do\n• Run GPU clusters on Kubernetes") {
		t.Errorf("sections %+v", s)
	}
	s = items[1].posting.Sections
	if s.Requirements != "• PyTorch\n• A degree in CS or a related field" || s.Preferred != "• Triton" ||
		s.Intro != "About us\nGauss Labs builds industrial AI." || s.Benefits != "" {
		t.Errorf("sections %+v", s)
	}
}

// Toss's 2021 answer is a bare list of Greenhouse-shaped records; a talent-pool record (인재풀
// 공고 인가요? true) is kept and marked, a hidden one (미노출) is left out.
func TestTossRealListTalentPool(t *testing.T) {
	site := boardSite(t)
	site.handle(tossJobsPath, serveJSON(string(readFixture(t, "greenhouse/toss_real_2021.json"))))
	s, err := NewToss(site.url(), testConfig(&sleeper{}, newClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := s.Scrape(t.Context(), sink)
	if err != nil || stats.Kept != 3 || stats.Failed != 0 {
		t.Fatalf("%v %v %+v", err, countsOf(stats), stats.Failures)
	}
	if p := sink.postings["4211394003"]; p == nil || p.EmploymentType != jobs.EmploymentTalentPool || p.Company != "토스코어" {
		t.Errorf("talent pool: %+v", p)
	}
	if p := sink.postings["4071133003"]; p == nil || p.EmploymentType != "regular" || p.Source != "toss" ||
		!strings.Contains(p.Sections.Description, "Android") {
		t.Errorf("android: %+v", p)
	}
	if _, ok := sink.postings["4206776003"]; ok {
		t.Error("a posting marked 미노출 was kept")
	}
}

// NAVER's real posting page holds no JSON-LD: its text is read from div.detail_wrap, whose
// boxes are headed by h4.detail_title and whose markup nests paragraphs inside paragraphs.
func TestNaverRealPages(t *testing.T) {
	site := boardSite(t)
	site.handle("/rcrt/loadJobList.do", serveJSON(string(readFixture(t, "naver/real_list_2026.json"))))
	view := string(readFixture(t, "naver/real_view_2026.html"))
	site.handle("/rcrt/view.do", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html;charset=UTF-8")
		w.Write([]byte(view))
	})
	n, err := NewNaver(site.url(), testConfig(&sleeper{}, &clock{now: time.Date(2026, 7, 10, 3, 0, 0, 0, time.UTC)}))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := n.Scrape(t.Context(), sink)
	if err != nil || stats.Listed != 3 || stats.Kept != 3 || stats.Failed != 0 {
		t.Fatalf("%v %v %+v", err, countsOf(stats), stats.Failures)
	}
	p := sink.postings["30005100"]
	if p == nil || p.Title != "[NAVER] Efficient World Model Research (체험형 인턴)" || p.EmploymentType != "intern" ||
		p.Due == nil || !p.Due.Equal(time.Date(2026, 7, 20, 10, 0, 0, 0, kst)) {
		t.Fatalf("30005100: %+v", p)
	}
	d := p.Sections.Description
	if !strings.HasPrefix(d, "Who We Are\n이미지 생성을 넘어") {
		t.Errorf("description starts %q", truncate(d, 30))
	}
	for _, want := range []string{"Who We Are\n", "What You'll Do\n", "NVIDIA Cosmos 3 기반의 최신 비디오 생성 모델",
		"Physical AI에 활용 가능한 차세대 월드모델 기술을 개발"} {
		if !strings.Contains(d, want) {
			t.Errorf("description lacks %q:\n%s", want, d)
		}
	}
	if strings.Contains(d, "NAVER Corp.") || strings.Contains(d, "홈 채용") || strings.Contains(d, "토글") {
		t.Errorf("description holds text outside div.detail_wrap:\n%s", d)
	}
	// The page of another posting: its annoId, where the page states one, must match.
	other := strings.Replace(view, `<div class="detail_wrap">`, `<input type="hidden" name="annoId" value="1"><div class="detail_wrap">`, 1)
	if _, _, err := parseNaverDetail([]byte(other), fuzzStub("naver", "30005100")); err == nil ||
		err.Error() != "the page is of posting 1, not 30005100" {
		t.Errorf("mismatched page: %v", err)
	}
}

// The real detail answers of LINE and Woowa read as their list records promise.
func TestLineAndWoowaRealDetails(t *testing.T) {
	line := &listedPosting{id: "308", detail: "https://l/page-data/ko/jobs/308/page-data.json",
		stub: &jobs.Posting{Source: "line", SourceID: "308", Title: "x", Status: jobs.StatusOpen}}
	p, gone, err := parseLineDetail(readFixture(t, "line/real_2021_detail_308.json"), line)
	if err != nil || gone {
		t.Fatalf("line: gone %v err %v", gone, err)
	}
	if p.Title != "Machine Learning Engineer (LINE TIMELINE)" || p.Company != "LINE Plus" || p.Location != "Bundang" ||
		p.EmploymentType != "regular" || p.Due != nil || !strings.Contains(p.Sections.Description, "담당업무\n• 사용자 별 취향에 맞는") {
		t.Errorf("line: %+v\n%s", p, truncate(p.Sections.Description, 400))
	}
	woowa := &listedPosting{id: "R2001105", detail: "https://w/w1/recruits/R2001105",
		stub: &jobs.Posting{Source: "woowa", SourceID: "R2001105", Title: "x", Status: jobs.StatusOpen}}
	p, gone, err = parseWoowaDetail(readFixture(t, "woowa/real_2021_detail_R2001105.json"), woowa)
	if err != nil || gone {
		t.Fatalf("woowa: gone %v err %v", gone, err)
	}
	if p.Title != "내부통제(ITGC) 담당자 모집" || p.Due != nil || p.EmploymentType != "regular" || len(p.Sections.Description) < 200 {
		t.Errorf("woowa: %+v\n%s", p, truncate(p.Sections.Description, 400))
	}
}

// A stray </div> inside a part of NAVER's page closes div.detail_wrap early: the parts after
// it are still read, and nothing outside them.
func TestNaverStrayCloseTag(t *testing.T) {
	page := `<html><body><h4 class="card_title">T</h4><div class="detail_wrap">
<div class="detail_box"><h4 class="detail_title">업무</h4><p class="detail_text">API 개발</div></p></div>
<div class="detail_box"><h4 class="detail_title">자격요건</h4><p class="detail_text">Go 3년</p></div>
<div class="apply_area"><a>지원하기</a></div>
<div class="detail_box"><h4 class="detail_title">우대사항</h4><p class="detail_text">Kafka</p></div>
</div><footer>NAVER Corp.</footer></body></html>`
	p, _, err := parseNaverDetail([]byte(page), fuzzStub("naver", "1"))
	if err != nil || p.Sections.Description != "업무\nAPI 개발\n자격요건\nGo 3년\n우대사항\nKafka" {
		t.Errorf("%v %q", err, p.Sections.Description)
	}
}

func TestTalentPoolTitle(t *testing.T) {
	for title, want := range map[string]bool{"[인재풀] Server Developer": true, "Talent Pool - Engineering": true,
		"토스뱅크 인재 풀 등록": true, "Server Developer": false, "Pool Engineer": false} {
		if got := talentPoolTitle(title); got != want {
			t.Errorf("talentPoolTitle(%q) = %v", title, got)
		}
	}
}
