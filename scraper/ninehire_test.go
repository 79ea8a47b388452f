package scraper

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

func TestParseNinehireHomeReal(t *testing.T) {
	h, err := parseNinehireHome(readFixture(t, "ninehire/real_home_2026.html"))
	if err != nil || h.companyID != "4e1cfd70-6de0-11f0-9567-477c783608ca" || h.name != "라포랩스" {
		t.Fatalf("%+v %v", h, err)
	}
	for body, want := range map[string]string{
		"<html></html>": "the page has no __NEXT_DATA__ script",
		`<script id="__NEXT_DATA__">{"props":{"pageProps":{}}}</script>`:                                              "it is not a Ninehire career site",
		`<script id="__NEXT_DATA__">{"props":{"pageProps":{"homepageProps":{"info":{"companyId":"../x"}}}}}</script>`: "is not a Ninehire company id",
	} {
		if _, err := parseNinehireHome([]byte(body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", body, err, want)
		}
	}
}

func TestParseNinehireListReal(t *testing.T) {
	pg, err := parseNinehireList(readFixture(t, "ninehire/real_list_2026.json"), "https://rapportlabs.kr",
		"4e1cfd70-6de0-11f0-9567-477c783608ca", "라포랩스")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range pg.items {
		ids = append(ids, it.id)
	}
	if pg.total != 3 || !slices.Equal(ids, []string{"42ce53a0-714b-11f1-ac71-9fcfe3c4ed35", "07814a90-7142-11f1-8f37-1de6d841d2f9",
		"122517b0-6edb-11f1-9eac-0fc77cde0c78"}) {
		t.Fatalf("total %d ids %v", pg.total, ids)
	}
	it := pg.items[0]
	p := it.stub
	if it.detail != "https://rapportlabs.kr/job_posting/Iuq4YeKr" || p.URL != it.detail || p.Title != "Senior Recruiter" ||
		p.Company != "라포랩스" || p.EmploymentType != "regular" || p.Career == nil || p.Career.Min != 5 || p.Career.Max != nil ||
		p.Location != "대한민국 서울특별시 강남구 테헤란로98길 8" || p.Due != nil || it.fingerprint == "" {
		t.Errorf("first: %+v career %+v", p, p.Career)
	}
	p = pg.items[1].stub
	if due := time.Date(2026, 7, 5, 14, 59, 59, 0, time.UTC); p.EmploymentType != "intern" || p.Due == nil || !p.Due.Equal(due) {
		t.Errorf("intern: %+v", p)
	}
	// Another company's record, or one not in progress, is not read.
	other := strings.Replace(string(readFixture(t, "ninehire/real_list_2026.json")), `"status": "in_progress"`, `"status": "finished"`, 1)
	if pg, _ := parseNinehireList([]byte(other), "https://r", "4e1cfd70-6de0-11f0-9567-477c783608ca", ""); len(pg.items) != 2 || len(pg.ids) != 3 {
		t.Errorf("finished recruitment: %d items", len(pg.items))
	}
	if pg, _ := parseNinehireList(readFixture(t, "ninehire/real_list_2026.json"), "https://r", "00000000-0000-0000-0000-000000000000", ""); pg.items[0].problem == "" {
		t.Error("a recruitment of another company was read")
	}
}

func TestParseNinehireDetail(t *testing.T) {
	it := &listedPosting{id: "42ce53a0-714b-11f1-ac71-9fcfe3c4ed35", detail: "https://r/job_posting/Iuq4YeKr",
		stub: &jobs.Posting{Source: "ninehire", Title: "x", Company: "라포랩스", Status: jobs.StatusOpen}}
	body := string(readFixture(t, "ninehire/posting_Iuq4YeKr.html"))
	p, gone, err := parseNinehireDetail([]byte(body), it)
	if err != nil || gone {
		t.Fatalf("gone %v err %v", gone, err)
	}
	if p.Title != "Senior Recruiter" || p.Career == nil || p.Career.Min != 5 ||
		p.Sections.Description != "About the role\nWe hire a senior recruiter for our engineering teams.\n자격요건\n• 채용 실무 5년 이상\n"+
			"• ATS(Greenhouse, Ninehire) 운영 경험\n우대사항\n• SQL로 채용 데이터를 분석해 본 분" {
		t.Errorf("%q\n%s", p.Title, p.Sections.Description)
	}
	for change, want := range map[string]string{
		`"isActive": true`:         "gone",
		`"status": "in_progress"`:  "gone",
		`"content": "<h2>`:         "the posting has no text",
		`"recruitmentId": "42ce53`: "the page is of recruitment",
	} {
		to := map[string]string{`"isActive": true`: `"isActive": false`, `"status": "in_progress"`: `"status": "finished"`,
			`"content": "<h2>`: `"content": "", "x": "<h2>`, `"recruitmentId": "42ce53`: `"recruitmentId": "99ce53`}[change]
		p, gone, err := parseNinehireDetail([]byte(strings.Replace(body, change, to, 1)), it)
		switch {
		case want == "gone" && (!gone || err != nil):
			t.Errorf("%s: gone %v err %v", to, gone, err)
		case want != "gone" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: %v %v, want %q", to, p, err, want)
		}
	}
}

// A Ninehire run reads the company's page for its id, the API's list, then each posting's
// page, all on one local server standing for every host.
func TestNinehireScrape(t *testing.T) {
	site := boardSite(t)
	site.handle("/", serveHTML(string(readFixture(t, "ninehire/real_home_2026.html"))))
	site.handle(ninehireListPath, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("companyId") != "4e1cfd70-6de0-11f0-9567-477c783608ca" || r.URL.Query().Get("page") != "1" {
			http.Error(w, "bad query", 400)
			return
		}
		serveJSON(string(readFixture(t, "ninehire/real_list_2026.json")))(w, r)
	})
	site.handle("/job_posting/Iuq4YeKr", serveHTML(string(readFixture(t, "ninehire/posting_Iuq4YeKr.html"))))
	c := &clock{now: time.Date(2026, 7, 1, 3, 0, 0, 0, time.UTC)}
	n, err := NewNinehire(site.url(), []string{"rapportlabs"}, testConfig(&sleeper{}, c))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := n.Scrape(t.Context(), sink)
	// Two postings' pages answer 404 here: they are stored closed.
	if err != nil || stats.Listed != 3 || stats.Kept != 1 || stats.Closed != 2 || stats.Failed != 0 || stats.Fetched != 5 {
		t.Fatalf("%v %v %+v", err, countsOf(stats), stats.Failures)
	}
	p := sink.postings["42ce53a0-714b-11f1-ac71-9fcfe3c4ed35"]
	if p == nil || p.Source != "ninehire" || p.URL != site.url()+"/job_posting/Iuq4YeKr" || !strings.Contains(p.Sections.Description, "자격요건") {
		t.Fatalf("posting %+v", p)
	}
	if pg := sink.pages["42ce53a0-714b-11f1-ac71-9fcfe3c4ed35"]; pg.URL != site.url()+"/" {
		t.Errorf("page %+v", pg)
	}
}

func TestNewNinehireCompanies(t *testing.T) {
	n, err := NewNinehire("", []string{"tydtr0dj", "https://rapportlabs.kr/jobs"}, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if n.api != DefaultNinehireAPI || n.companies[0].page.String() != "https://tydtr0dj.ninehire.site/" ||
		n.companies[1].page.String() != "https://rapportlabs.kr/jobs" || n.listURL("id", 2) !=
		"https://api.ninehire.com/identity-access/homepage/recruitments?companyId=id&page=2&countPerPage=100" {
		t.Errorf("%+v", n)
	}
}
