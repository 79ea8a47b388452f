package scraper

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
)

// platformSite serves one platform source's real-shaped answers on a local server and makes
// the source; big pads every posting page past 16 KiB.
type platformSite struct {
	name  string
	serve func(t *testing.T, site *testSite, big bool)
	make  func(base string, cfg Config) (jobs.Source, error)
	pages int // posting pages one run fetches
}

func platformSites() []platformSite {
	pad := strings.Repeat("<p>Kubernetes</p>", 2000)
	return []platformSite{
		{name: "greeting", pages: 3, serve: func(t *testing.T, site *testSite, big bool) {
			site.handle("/ko/main", serveHTML(string(readFixture(t, "greeting/real_page_2026.html"))))
			for _, id := range []int{226419, 226260, 226192} {
				body := "<p>Go</p>"
				if big {
					body += pad
				}
				site.handle(fmt.Sprintf("/ko/o/%d", id), serveHTML(greetingOpeningPage(id, "x", body)))
			}
		}, make: func(base string, cfg Config) (jobs.Source, error) {
			return NewGreeting(base, []string{"oliveyoung"}, cfg)
		}},
		{name: "ninehire", pages: 3, serve: func(t *testing.T, site *testSite, big bool) {
			site.handle("/", serveHTML(string(readFixture(t, "ninehire/real_home_2026.html"))))
			site.handle(ninehireListPath, serveJSON(string(readFixture(t, "ninehire/real_list_2026.json"))))
			page := string(readFixture(t, "ninehire/posting_Iuq4YeKr.html"))
			if big {
				page = strings.Replace(page, "<h2>About the role</h2>", "<h2>About the role</h2>"+strings.ReplaceAll(pad, "/", `\/`), 1)
			}
			site.handle("/job_posting/Iuq4YeKr", serveHTML(page))
		}, make: func(base string, cfg Config) (jobs.Source, error) {
			return NewNinehire(base, []string{"rapportlabs"}, cfg)
		}},
		{name: "jobflex", pages: 2, serve: func(t *testing.T, site *testSite, big bool) {
			api := &jobflexSite{
				lists: map[string]string{"hyundai-mobis.recruiter.co.kr": string(readFixture(t, "jobflex/list_hyundai-mobis.json"))},
				details: map[string]map[string]string{"hyundai-mobis.recruiter.co.kr": {
					"107659": string(readFixture(t, "jobflex/detail_107659.json")), "107702": string(readFixture(t, "jobflex/detail_107702.json"))}},
			}
			if big {
				for id, d := range api.details["hyundai-mobis.recruiter.co.kr"] {
					api.details["hyundai-mobis.recruiter.co.kr"][id] = strings.Replace(d, `"title"`, `"pad":"`+pad+`","title"`, 1)
				}
			}
			api.serve(t, site)
		}, make: func(base string, cfg Config) (jobs.Source, error) {
			return NewJobflex(base, []string{"hyundai-mobis"}, cfg)
		}},
	}
}

// Every platform source honours robots.txt, the page size limit and the delay, as the other
// sources do (they share one fetcher).
func TestPlatformsArePolite(t *testing.T) {
	clock := &clock{now: time.Date(2026, 7, 1, 3, 0, 0, 0, time.UTC)}
	for _, ps := range platformSites() {
		t.Run(ps.name+"/robots.txt disallows everything", func(t *testing.T) {
			site := boardSite(t)
			site.handle("/robots.txt", serveJSON("User-agent: *\nDisallow: /\n"))
			ps.serve(t, site, false)
			src, err := ps.make(site.url(), testConfig(&sleeper{}, clock))
			if err != nil {
				t.Fatal(err)
			}
			_, err = src.Scrape(t.Context(), newStoreSink())
			if req, _ := site.requests(); err == nil || len(req) != 1 || req["/robots.txt"] != 1 {
				t.Errorf("error %v; requests %v", err, req)
			}
		})
		t.Run(ps.name+"/posting pages over the size limit", func(t *testing.T) {
			site := boardSite(t)
			ps.serve(t, site, true)
			cfg := testConfig(&sleeper{}, clock)
			cfg.MaxBodySize = 16 << 10
			src, _ := ps.make(site.url(), cfg)
			stats, err := src.Scrape(t.Context(), newStoreSink())
			if err != nil || stats.Kept != 0 || !hasFailure(stats, "too large (over 16 KiB)") {
				t.Errorf("%v %v %+v", err, countsOf(stats), stats.Failures)
			}
		})
		t.Run(ps.name+"/the delay paces requests", func(t *testing.T) {
			site := boardSite(t)
			ps.serve(t, site, false)
			cfg := testConfig(&sleeper{}, clock)
			cfg.Delay, cfg.Parallelism = 30*time.Millisecond, 1
			src, _ := ps.make(site.url(), cfg)
			start := time.Now()
			if _, err := src.Scrape(t.Context(), newStoreSink()); err != nil {
				t.Fatal(err)
			}
			// robots.txt, the lists and the posting pages, each after a pause.
			req, _ := site.requests()
			n := 0
			for _, c := range req {
				n += c
			}
			if el := time.Since(start); n < ps.pages+2 || el < time.Duration(n-1)*30*time.Millisecond {
				t.Errorf("%d requests took %v with a 30ms delay", n, el)
			}
		})
	}
}
