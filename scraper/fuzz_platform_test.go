package scraper

import (
	"net/url"
	"strings"
	"testing"
)

// The hiring platforms' parsers read untrusted bytes: whatever they are given, they return
// values or an error, never panic; every text they return is valid UTF-8 without escape
// characters, and every page they would fetch stays on the company's site or the API.

func FuzzParseGreeting(f *testing.F) {
	seedFiles(f, "greeting/*")
	f.Add([]byte(`<script id="__NEXT_DATA__">{"props":{"pageProps":{"dehydratedState":{"queries":[{"queryKey":["openings"],"state":{"data":[{"openingId":"1e3","title":"\u001b[2Jx","dueDate":"9999-12-31"}]}}]}}}}</script>`))
	site, _ := url.Parse("https://g.example/ko/main")
	f.Fuzz(func(t *testing.T, body []byte) {
		if pg, err := parseGreetingList(body, site, "g"); err == nil {
			checkListed(t, "greeting list", "https://g.example", pg)
		}
		if pg, err := parseGreetingAPIList(body, site, "g"); err == nil {
			checkListed(t, "greeting API list", "https://g.example", pg)
		}
		if p, gone, err := parseGreetingDetail(body, fuzzStub("greeting", "1")); err == nil && !gone {
			checkPosting(t, "greeting detail", p)
		}
	})
}

func FuzzParseNinehire(f *testing.F) {
	seedFiles(f, "ninehire/*")
	f.Add([]byte(`{"count":1,"results":[{"recruitmentId":"a","addressKey":"../x","title":"t"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if h, err := parseNinehireHome(body); err == nil && !uuidPattern.MatchString(h.companyID) {
			t.Errorf("company id %q", h.companyID)
		}
		if pg, err := parseNinehireList(body, "https://n.example", "", "n"); err == nil {
			checkListed(t, "ninehire list", "https://n.example", pg)
		}
		if p, gone, err := parseNinehireDetail(body, fuzzStub("ninehire", "1")); err == nil && !gone {
			checkPosting(t, "ninehire detail", p)
		}
	})
}

func FuzzParseJobflex(f *testing.F) {
	seedFiles(f, "jobflex/*")
	f.Add([]byte(`{"data":{"list":[{"positionSn":"07","title":"x","endDateTime":"2026-13-40T99:00:00","tagList":[{"tagName":"\u202e"}]}]}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		if pg, err := parseJobflexList(body, "https://api.example", "https://t.example", "t.example"); err == nil {
			for _, it := range pg.items {
				if it.stub != nil && (!strings.HasPrefix(it.detail, "https://api.example/position/v2/jobflex/") ||
					!strings.HasPrefix(it.stub.URL, "https://t.example/career/jobs/")) {
					t.Errorf("detail %q or page %q is off the site", it.detail, it.stub.URL)
				}
			}
			checkListedPostings(t, "jobflex list", pg)
		}
		if p, gone, err := parseJobflexDetail(body, fuzzStub("jobflex", "1")); err == nil && !gone {
			checkPosting(t, "jobflex detail", p)
		}
	})
}

// checkListedPostings is checkListed without the check of where the pages are.
func checkListedPostings(t *testing.T, what string, pg listPage[listedPosting]) {
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
		}
		checkText(t, what, it.problem)
	}
}
