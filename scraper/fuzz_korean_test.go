package scraper

import (
	"strings"
	"testing"

	"github.com/jobs-cli/jobs"
)

// The Korean company sources' parsers read untrusted bytes: whatever they are given, they
// return values or an error, never panic; every text they return is valid UTF-8 without
// escape characters, and every page they would fetch stays on the site.

// fuzzStub is a listed posting for the detail parsers to complete.
func fuzzStub(source, id string) *listedPosting {
	return &listedPosting{id: id, detail: "https://site/detail/" + id, raw: []byte(`{"id":1}`),
		stub: &jobs.Posting{Source: source, SourceID: id, URL: "https://site/jobs/" + id, Title: "Engineer", Status: jobs.StatusOpen}}
}

func checkPosting(t *testing.T, what string, p *jobs.Posting) {
	t.Helper()
	checkText(t, what, postingTexts(p)...)
}

// checkListed checks the listed postings of a list page: each has a posting or a problem,
// and its detail page lies under base.
func checkListed(t *testing.T, what, base string, pg listPage[listedPosting]) {
	t.Helper()
	if len(pg.items) > len(pg.ids) {
		t.Errorf("%s: %d items from %d records", what, len(pg.items), len(pg.ids))
	}
	for _, it := range pg.items {
		if (it.stub == nil) == (it.problem == "") {
			t.Errorf("%s: item %+v has both or neither a posting and a problem", what, it)
		}
		if it.stub != nil {
			checkPosting(t, what, it.stub)
			if !strings.HasPrefix(it.detail, base+"/") || !strings.HasPrefix(it.stub.URL, base+"/") {
				t.Errorf("%s: detail %q or page %q is off the site", what, it.detail, it.stub.URL)
			}
		}
		checkText(t, what, it.problem)
	}
}

func FuzzParseKakaoJobs(f *testing.F) {
	seedFiles(f, "kakao/*.json")
	f.Add([]byte(`{"jobList":[{"realId":"P-1","jobOfferTitle":"\u001b[2Jx","qualification":"&lt;p&gt;Go&lt;/p&gt;","closeFlag":"N"}],"totalPage":"1"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		pg, err := parseKakaoJobs(body, "https://k", 1<<16)
		if err != nil {
			return
		}
		if len(pg.items) > len(pg.ids) {
			t.Errorf("%d items from %d records", len(pg.items), len(pg.ids))
		}
		for _, it := range pg.items {
			if (it.posting == nil) == (it.problem == "") {
				t.Errorf("item %+v has both or neither a posting and a problem", it)
			}
			if it.posting != nil {
				checkPosting(t, "kakao", it.posting)
				if !strings.HasPrefix(it.posting.URL, "https://k/jobs/") {
					t.Errorf("posting page %q is off the site", it.posting.URL)
				}
			}
		}
	})
}

func FuzzParseWoowa(f *testing.F) {
	seedFiles(f, "woowa/*.json")
	f.Add([]byte(`{"code":2000,"data":{"list":[{"recruitNumber":"R1","recruitName":"x","careerRestrictionMinYears":"1e9"}],"totalSize":"1"}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if pg, err := parseWoowaList(body, "https://w"); err == nil {
			checkListed(t, "woowa list", "https://w", pg)
			for _, it := range pg.items {
				if c := it.stub; c != nil && c.Career != nil && (c.Career.Min < 0 || c.Career.Max != nil && *c.Career.Max < c.Career.Min) {
					t.Errorf("career %+v", c.Career)
				}
			}
		}
		if p, gone, err := parseWoowaDetail(body, fuzzStub("woowa", "R1")); err == nil && !gone {
			checkPosting(t, "woowa detail", p)
		}
	})
}

func FuzzParseLine(f *testing.F) {
	seedFiles(f, "line/*.json")
	f.Add([]byte(`{"result":{"data":{"x":{"nodes":[{"strapiId":1,"title":"A","cities":[{"name":"Seoul"}]}]}}}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if pg, err := parseLineList(body, "https://l"); err == nil {
			checkListed(t, "line list", "https://l", pg)
		}
		if p, gone, err := parseLineDetail(body, fuzzStub("line", "1")); err == nil && !gone {
			checkPosting(t, "line detail", p)
		}
	})
}

func FuzzParseNaver(f *testing.F) {
	seedFiles(f, "naver/*")
	f.Add([]byte(`{"result":"Y","totalSize":1,"list":[{"annoId":"1","annoSubject":"A","endYmdTime":"2026.13.40 99:00:00","endYmd":"20261340"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if pg, err := parseNaverList(body, "https://n"); err == nil {
			checkListed(t, "naver list", "https://n", pg)
		}
		if p, gone, err := parseNaverDetail(body, fuzzStub("naver", "1")); err == nil && !gone {
			checkPosting(t, "naver detail", p)
		}
	})
}
