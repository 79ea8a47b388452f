package scraper

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseJobPostingPage(t *testing.T) {
	type want struct {
		title, company, location, employment string
		remote                               bool
		due                                  string // "2006-01-02 15:04 MST", "" = none
		description, requirements, mainTasks string
		careerMin                            int // -1 = no career
	}
	tests := []struct {
		file string
		want want
	}{
		{"pages/job_graph.html", want{
			title: "머신러닝 엔지니어 & MLOps", company: "예시 주식회사", location: "경기도 성남시 분당구", employment: "regular",
			due:          "2099-01-05 23:59 KST",
			description:  "검색 랭킹 모델을 만듭니다.\n자격요건\n• Python, PyTorch\n• 컴퓨터공학 학사 이상\n우대사항\n• Kubernetes",
			requirements: "SQL 능숙", mainTasks: "Go\ngRPC", careerMin: 2,
		}},
		{"pages/job_array.html", want{
			title: "Data Scientist", company: "Example Corp", employment: "contract", remote: true,
			due:         "2099-12-01 18:00 KST",
			description: "About the role\nYou will run experiments.\n\nRequirements\n- SQL and Python\n- Statistics",
			careerMin:   -1,
		}},
		{"pages/job_closed.html", want{
			title: "2021 상반기 신입 공채", company: "Example Corp", due: "2021-02-08 23:59 KST",
			description: "마감된 공고입니다.", careerMin: -1,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, err := parseJobPostingPage(readFixture(t, tt.file), "https://careers.example.com/jobs/1")
			if err != nil {
				t.Fatal(err)
			}
			got := want{title: p.Title, company: p.Company, location: p.Location, employment: p.EmploymentType,
				remote: p.Remote, description: p.Sections.Description, requirements: p.Sections.Requirements,
				mainTasks: p.Sections.MainTasks, careerMin: -1}
			if p.Due != nil {
				got.due = p.Due.Format("2006-01-02 15:04 MST")
			}
			if p.Career != nil {
				got.careerMin = p.Career.Min
			}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
			if len(p.Raw) == 0 || !strings.Contains(string(p.Raw), `"JobPosting"`) {
				t.Errorf("Raw %q", truncate(string(p.Raw), 60))
			}
			for _, s := range postingTexts(p) {
				if r := firstControl(s); r >= 0 {
					t.Errorf("control character %U in %q", r, s)
				}
			}
		})
	}
	if _, err := parseJobPostingPage(readFixture(t, "pages/job_none.html"), "u"); err == nil ||
		!strings.Contains(err.Error(), "no JobPosting in JSON-LD") {
		t.Errorf("page without JobPosting: %v", err)
	}
	if _, err := parseJobPostingPage([]byte("<html><body>hi</body></html>"), "u"); err == nil ||
		!strings.Contains(err.Error(), "no application/ld+json script") {
		t.Errorf("page without JSON-LD: %v", err)
	}
	// Text that reads as markup once decoded is read as HTML only once.
	literal := `<script type="application/ld+json">{"@type":"JobPosting","title":"T",` +
		`"description":"<h3>자격요건</h3><ul><li>&lt;b&gt;Go&lt;/b&gt; and C++ &lt;3</li><li>SQL</li></ul>"}</script>`
	if p, err := parseJobPostingPage([]byte(literal), "u"); err != nil ||
		p.Sections.Description != "자격요건\n• <b>Go</b> and C++ <3\n• SQL" {
		t.Errorf("literal markup in text: %v %q", err, p.Sections.Description)
	}
	bad := `<script type="application/ld+json">{"@type":"JobPosting","title":</script>`
	if _, err := parseJobPostingPage([]byte(bad), "u"); err == nil || !strings.Contains(err.Error(), "invalid JSON-LD") {
		t.Errorf("truncated JSON-LD: %v", err)
	}
}

func TestFollowPattern(t *testing.T) {
	tests := []struct {
		pattern string
		url     string
		want    bool
	}{
		{"/jobs/*", "https://x.com/jobs/101", true},
		{"/jobs/*", "https://x.com/jobs/101?utm_source=a", true},
		{"/jobs/*", "https://x.com/jobs/101/apply", false},
		{"/jobs/*", "https://x.com/jobs", false},
		{"/jobs/**", "https://x.com/jobs/101/apply", true},
		{"/careers/*/view", "https://x.com/careers/ml-engineer/view", true},
		{"/rcrt/view.do?annoId=*", "https://x.com/rcrt/view.do?annoId=300", true},
		{"/rcrt/view.do?annoId=*", "https://x.com/rcrt/view.do?lang=ko", false},
		{"/a.b", "https://x.com/aXb", false},
		{"https://X.com/jobs/*", "https://x.com/jobs/7", true},
		{"https://x.com/jobs/*", "http://x.com/jobs/7", false},
		{`re:/jobs/[0-9]+$`, "https://x.com/jobs/77", true},
		{`re:/jobs/[0-9]+$`, "https://x.com/jobs/abc", false},
	}
	for _, tt := range tests {
		m, err := followPattern(tt.pattern)
		if err != nil {
			t.Fatalf("%q: %v", tt.pattern, err)
		}
		u, _ := url.Parse(tt.url)
		if got := m(u); got != tt.want {
			t.Errorf("%q on %s = %v, want %v", tt.pattern, tt.url, got, tt.want)
		}
	}
	for _, bad := range []string{"", "jobs/*", "re:(", "ftp://x/*"} {
		if _, err := followPattern(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestPageID(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.Example.com/jobs/1", "example.com/jobs/1"},
		{"https://example.com/jobs/1?utm_source=x&utm_medium=y", "example.com/jobs/1"},
		{"https://example.com/view.do?lang=ko&annoId=300&fbclid=z", "example.com/view.do?annoId=300&lang=ko"},
		{"http://127.0.0.1:8080", "127.0.0.1:8080/"},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.url)
		if got := pageID(u); got != tt.want {
			t.Errorf("pageID(%s) = %q, want %q", tt.url, got, tt.want)
		}
	}
}

func TestNewPagesRejects(t *testing.T) {
	tests := []struct {
		specs  []PageSpec
		substr string
	}{
		{nil, "no pages given"},
		{[]PageSpec{{URL: "careers.example.com", Follow: "/jobs/*"}}, "page 1: url"},
		{[]PageSpec{{URL: "https://u:p@x.com/", Follow: "/jobs/*"}}, "no credentials"},
		{[]PageSpec{{URL: "https://x.com/", Follow: "/jobs/*"}, {URL: "https://y.com/", Follow: ""}}, "page 2 (https://y.com/): follow"},
	}
	for _, tt := range tests {
		_, err := NewPages(tt.specs, Config{})
		if err == nil || !strings.Contains(err.Error(), tt.substr) || jobs.KindOf(err) != jobs.KindInvalid {
			t.Errorf("%+v: error %v, want %q", tt.specs, err, tt.substr)
		}
	}
}

func TestPagesScrape(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nDisallow: /jobs/106\n"
	page := func(name string) http.HandlerFunc {
		body := readFixture(t, "pages/"+name)
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(body)
		}
	}
	listing := string(readFixture(t, "pages/listing.html"))
	listing = strings.Replace(listing, "</ul>", `<li><a href="/jobs/105">공고</a></li><li><a href="/jobs/106">비공개</a></li></ul>`, 1)
	site.handle("/careers", serveHTML(listing))
	site.handle("/jobs/101", page("job_graph.html"))
	site.handle("/jobs/102", page("job_array.html"))
	site.handle("/jobs/103", page("job_closed.html"))
	// 104 is not served: 404
	site.handle("/jobs/105", page("job_none.html"))
	site.handle("/jobs/106", page("job_graph.html"))

	s, c := &sleeper{}, newClock()
	p, err := NewPages([]PageSpec{{URL: site.url() + "/careers", Follow: "/jobs/*"}}, testConfig(s, c))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := p.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	host := strings.TrimPrefix(site.url(), "http://")
	id := func(n int) string { return fmt.Sprintf("%s/jobs/%d", host, n) }
	// Listed: 101-106; fetched: the listing and 101-105 (106 is disallowed); closed: 103
	// (validThrough passed) and 104 (404); failed: 105 (no JobPosting).
	if want := (jobs.SourceStats{Listed: 6, Fetched: 6, Parsed: 3, Kept: 2, Failed: 1, Closed: 2}); countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v; failures %+v", countsOf(stats), countsOf(want), stats.Failures)
	}
	if f := failureFor(stats, "/jobs/105"); f == nil || !strings.Contains(f.Reason, "no JobPosting in JSON-LD") {
		t.Errorf("105 failure %+v", f)
	}
	if got, want := sink.savedIDs(), []string{id(101), id(102), id(103), id(104)}; !slices.Equal(got, want) {
		t.Errorf("saved %v, want %v", got, want)
	}
	for n, outcome := range map[int]jobs.Outcome{101: jobs.OutcomeKept, 102: jobs.OutcomeKept, 103: jobs.OutcomeClosed, 104: jobs.OutcomeClosed} {
		if got := sink.outcome(id(n)); got != outcome {
			t.Errorf("%d: outcome %q, want %q", n, got, outcome)
		}
	}
	p101 := sink.postings[id(101)]
	if p101.Source != "pages" || p101.SourceID != id(101) || p101.URL != site.url()+"/jobs/101" || p101.Company != "예시 주식회사" {
		t.Errorf("101: %+v", p101)
	}
	if p103 := sink.postings[id(103)]; p103 == nil || p103.Status != jobs.StatusClosed {
		t.Errorf("103 is not stored closed: %+v", p103)
	}
	n, _ := site.requests()
	if n["/jobs/106"] != 0 || n["/jobs/104/apply"] != 0 || n["/about"] != 0 {
		t.Errorf("pages outside the pattern or disallowed were requested: %v", n)
	}
	if n["/jobs/103?utm_source=newsletter"] != 1 {
		t.Errorf("/jobs/103 requested %d times, want once as linked", n["/jobs/103?utm_source=newsletter"])
	}

	// Run 2, an hour later: every page stored is fresh; only the listing and the page that
	// failed are read again.
	c.advance(time.Hour)
	site.resetLog()
	sink.saves = nil
	stats, err = p.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := site.requests(); stats.Fetched != 2 || n["/jobs/105"] != 1 || len(sink.saves) != 0 {
		t.Errorf("run 2 fetched %d (%v) saved %v", stats.Fetched, n, sink.saves)
	}

	// Run 3: the listing no longer links 101: it is gone.
	site.handle("/careers", serveHTML(strings.ReplaceAll(listing, `href="/jobs/101`, `href="/news/1`)))
	stats, err = p.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if len(sink.gone) != 1 || !slices.Equal(sink.gone[0], []string{id(101)}) || stats.Closed != 1 {
		t.Errorf("run 3 gone %v closed %d", sink.gone, stats.Closed)
	}

	// Run 4: the listing links no posting page: a failure, and nothing else closes.
	site.handle("/careers", serveHTML("<html><body><p>채용이 없습니다</p></body></html>"))
	sink.gone = nil
	stats, err = p.Scrape(t.Context(), sink)
	if err == nil || !strings.Contains(err.Error(), `no link on the listing page matches "/jobs/*"`) {
		t.Errorf("run 4 error %v", err)
	}
	if len(sink.gone) != 0 || stats.Failed != 1 {
		t.Errorf("run 4 gone %v failed %d", sink.gone, stats.Failed)
	}
}

func serveHTML(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

func TestPageLinks(t *testing.T) {
	body := `<html><head><base href="https://x.com/kr/"></head><body>
<a href="jobs/1">a</a><a href="/jobs/2#top">b</a><a href="mailto:hr@x.com">c</a><a href="jobs/1">dup</a>
<area href="https://y.com/jobs/3"><a>no href</a></body></html>`
	from, _ := url.Parse("https://x.com/careers")
	var got []string
	for _, u := range pageLinks([]byte(body), from) {
		got = append(got, u.String())
	}
	want := []string{"https://x.com/kr/jobs/1", "https://x.com/jobs/2", "https://y.com/jobs/3"}
	if !slices.Equal(got, want) {
		t.Errorf("links %v, want %v", got, want)
	}
}
