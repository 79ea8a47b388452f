package scraper

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// testSite is a Wanted-shaped site on an httptest server: robots.txt, a sitemap index, two
// job sitemaps built from listing at request time, and posting pages. handlers override
// or add paths; every request is logged.
type testSite struct {
	srv *httptest.Server

	mu       sync.Mutex
	robots   string // robots.txt; "{base}" is replaced by the server's URL
	listing  []listing
	handlers map[string]http.HandlerFunc
	log      []loggedRequest
}

type listing struct {
	id      int
	lastmod string // "" = no <lastmod>
	sitemap int    // 1 or 2
}

type loggedRequest struct {
	path, ua string
}

const defaultRobots = "User-agent: *\nDisallow: /api/\nDisallow: /my/\n\nSitemap: {base}/sitemap.xml\n"

func newTestSite(t *testing.T) *testSite {
	s := &testSite{robots: defaultRobots, handlers: map[string]http.HandlerFunc{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *testSite) url() string { return s.srv.URL }

func (s *testSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.log = append(s.log, loggedRequest{path: r.URL.RequestURI(), ua: r.UserAgent()})
	h := s.handlers[r.URL.Path]
	robots := s.robots
	list := slices.Clone(s.listing)
	s.mu.Unlock()
	if h != nil {
		h(w, r)
		return
	}
	switch r.URL.Path {
	case "/robots.txt":
		fmt.Fprint(w, strings.ReplaceAll(robots, "{base}", s.srv.URL))
	case "/sitemap.xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/sitemap_kr_job_1.xml</loc></sitemap>
<sitemap><loc>%[1]s/sitemap_kr_company_1.xml</loc></sitemap>
<sitemap><loc>%[1]s/sitemap_kr_job_2.xml</loc></sitemap>
</sitemapindex>`, s.srv.URL)
	case "/sitemap_kr_job_1.xml", "/sitemap_kr_job_2.xml":
		n := 1
		if r.URL.Path == "/sitemap_kr_job_2.xml" {
			n = 2
		}
		w.Header().Set("Content-Type", "application/xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for _, l := range list {
			if l.sitemap != n {
				continue
			}
			fmt.Fprintf(&b, "<url><loc>%s/wd/%d</loc>", s.srv.URL, l.id)
			if l.lastmod != "" {
				fmt.Fprintf(&b, "<lastmod>%s</lastmod>", l.lastmod)
			}
			b.WriteString("</url>\n")
		}
		b.WriteString("</urlset>\n")
		fmt.Fprint(w, b.String())
	default:
		http.NotFound(w, r)
	}
}

// handle sets the handler of one path.
func (s *testSite) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[path] = h
}

// page serves a posting page at /wd/{id}.
func (s *testSite) page(id int, body string) {
	s.handle(fmt.Sprintf("/wd/%d", id), func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	})
}

// list sets the sitemaps' listing: ids alternate between the two job sitemaps.
func (s *testSite) list(l ...listing) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listing = l
}

// requests returns how many requests each path got, and the log so far.
func (s *testSite) requests() (map[string]int, []loggedRequest) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := map[string]int{}
	for _, r := range s.log {
		n[r.path]++
	}
	return n, slices.Clone(s.log)
}

// resetLog forgets the requests so far.
func (s *testSite) resetLog() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
}

// pageRequests counts the requests of /wd/ pages.
func (s *testSite) pageRequests() int {
	n, _ := s.requests()
	total := 0
	for p, c := range n {
		if strings.HasPrefix(p, "/wd/") {
			total += c
		}
	}
	return total
}

// postingPage is a Wanted /wd/{id} page whose __NEXT_DATA__ holds a posting.
func postingPage(id int, status string, parent int, children ...int) string {
	var kids []map[string]any
	for _, c := range children {
		kids = append(kids, map[string]any{"id": c, "text": fmt.Sprint(c)})
	}
	initial := map[string]any{
		"id":               id,
		"position":         fmt.Sprintf("백엔드 엔지니어 %d", id),
		"intro":            "회사 소개",
		"main_tasks":       "• API 개발",
		"requirements":     "• Go 2년 이상\n• SQL",
		"preferred_points": "• Kubernetes",
		"benefits":         "• 점심 제공",
		"hire_rounds":      "서류 → 면접",
		"due_time":         nil,
		"status":           status,
		"employment_type":  "regular",
		"is_remote_work":   false,
		"company":          map[string]any{"company_name": fmt.Sprintf("회사%d", id)},
		"career":           map[string]any{"annual_from": 2, "annual_to": 100, "is_newbie": false},
		"category_tag":     map[string]any{"parent_tag": map[string]any{"id": parent}, "child_tags": kids},
		"address":          map[string]any{"full_location": "서울 강남구"},
	}
	next := map[string]any{"props": map[string]any{"pageProps": map[string]any{"initialData": initial}}}
	b, err := json.Marshal(next) // escapes <, > and & as a Next.js page does
	if err != nil {
		panic(err)
	}
	return `<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>원티드</title></head><body>` +
		`<div id="__next"><h1>posting</h1></div>` +
		`<script id="__NEXT_DATA__" type="application/json">` + string(b) + `</script></body></html>`
}
