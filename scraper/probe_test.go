package scraper

import (
	"net/http"
	"strings"
	"testing"
)

// A check asks for the list once (the second page and the details are never requested) and
// says what it read and which fields were empty.
func TestProbeDetailSource(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nAllow: /\n"
	site.handle(samsungListPath, func(w http.ResponseWriter, r *http.Request) {
		w.Write(readFixture(t, "samsung/list-p1.html"))
	})
	s, err := NewSamsung(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	res := Probe(t.Context(), s)
	if !res.OK() || res.Read != 2 || res.Requests != 1 || res.URL != site.url()+samsungListPath ||
		res.Empty["location"] != 2 || res.Empty["title"] != 0 || res.Note == "" {
		t.Fatalf("result %+v", res)
	}
	n, _ := site.requests()
	if n[samsungListPath] != 1 || n[samsungDetailPath] != 0 {
		t.Errorf("requests %v, want the list once and no detail", n)
	}
}

func TestProbeBoardSourceAndFailures(t *testing.T) {
	site := boardSite(t)
	site.handle("/v1/boards/acme/jobs", serveJSON(`{"jobs":[{"id":1,"title":"Go Engineer","absolute_url":"https://x/1","content":"&lt;p&gt;Go&lt;/p&gt;"},{"id":2,"title":"SRE","absolute_url":"https://x/2"}]}`))
	g, err := NewGreenhouse(site.url(), []string{"acme", "other"}, testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	res := Probe(t.Context(), g)
	if !res.OK() || res.Read != 2 || res.Empty["text"] != 1 || res.Empty["location"] != 2 {
		t.Fatalf("result %+v", res)
	}
	n, _ := site.requests()
	if n["/v1/boards/other/jobs?content=true"] != 0 {
		t.Errorf("the second board was asked for: %v", n)
	}

	site.handle("/v1/boards/acme/jobs", serveJSON(`<html>maintenance</html>`))
	if res := Probe(t.Context(), g); res.OK() || !strings.Contains(res.Failure, "expected JSON, got HTML") {
		t.Errorf("HTML answer: %+v", res)
	}
	robots := newTestSite(t)
	robots.robots = "User-agent: *\nDisallow: /\n"
	h, err := NewHyundai(robots.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	if res := Probe(t.Context(), h); res.OK() || !strings.Contains(res.Failure, "robots.txt") || res.Requests != 0 {
		t.Errorf("disallowed: %+v", res)
	}
	w, err := NewWanted(site.url(), []int{518}, testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	if res := Probe(t.Context(), w); res.OK() || !strings.Contains(res.Failure, "cannot be checked") {
		t.Errorf("wanted: %+v", res)
	}
}

// A portal's check reads its sitemap index and the first sitemap of postings, and no page.
func TestProbePortal(t *testing.T) {
	site := newTestSite(t)
	site.robots = "User-agent: *\nAllow: /\n"
	rebased := func(name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(strings.ReplaceAll(string(readFixture(t, name)), "https://jumpit.saramin.co.kr", site.url())))
		}
	}
	site.handle("/sitemap.xml", rebased("jumpit/sitemap.xml"))
	site.handle("/sitemap_position_view_1.xml", rebased("jumpit/sitemap_position_view_1.xml"))
	j, err := NewJumpit(site.url(), testConfig(&sleeper{}, augustClock()))
	if err != nil {
		t.Fatal(err)
	}
	res := Probe(t.Context(), j)
	if !res.OK() || res.Read != 3 || res.Requests != 2 || res.Empty != nil || res.Note == "" {
		t.Fatalf("result %+v", res)
	}
	n, _ := site.requests()
	for path, count := range n {
		if strings.HasPrefix(path, "/position/") && count > 0 {
			t.Errorf("%s was fetched", path)
		}
	}
}
