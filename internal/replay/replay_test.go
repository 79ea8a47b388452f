package replay

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

func loadT(t *testing.T) []Posting {
	t.Helper()
	ps, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return ps
}

func get(t *testing.T, client *http.Client, u string) (int, http.Header, string) {
	t.Helper()
	resp, err := client.Get(u)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", u, err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

func newSite(t *testing.T, ps []Posting, opts Options) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(Handler(ps, opts))
	t.Cleanup(srv.Close)
	return srv
}

type urlset struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"url"`
}

type sitemapindex struct {
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

func TestLoadEmbeddedPostings(t *testing.T) {
	ps := loadT(t)
	if len(ps) != 18 {
		t.Fatalf("got %d postings, want 18", len(ps))
	}
	count := func(keep func(Posting) bool) int {
		n := 0
		for _, p := range ps {
			if keep(p) {
				n++
			}
		}
		return n
	}
	hasChild := func(id int) func(Posting) bool {
		return func(p Posting) bool { return slices.Contains(p.Category.Children, id) }
	}
	tests := []struct {
		name string
		got  int
		min  int
		max  int
	}{
		{"closed postings", count(func(p Posting) bool { return !p.Open() }), 1, 1},
		{"신입 postings (is_newbie, annual_from 0)", count(func(p Posting) bool { return p.IsNewbie && p.AnnualFrom == 0 }), 2, 2},
		{"postings with a deadline", count(func(p Posting) bool { return p.DueTime != nil }), 3, 17},
		{"rolling postings", count(func(p Posting) bool { return p.DueTime == nil }), 3, 17},
		{"non-development postings (507, no children)", count(func(p Posting) bool {
			return p.Category.Parent == 507 && len(p.Category.Children) == 0
		}), 1, 1},
		{"development postings (518)", count(func(p Posting) bool { return p.Category.Parent == 518 }), 17, 17},
		{"machine learning engineer postings (1634)", count(hasChild(1634)), 5, 8},
		{"data scientist postings (1024)", count(hasChild(1024)), 4, 6},
		{"server postings (872)", count(hasChild(872)), 5, 5},
		{"data engineer postings (655)", count(hasChild(655)), 1, 1},
		{"DevOps postings (674)", count(hasChild(674)), 1, 1},
		{"frontend postings (669)", count(hasChild(669)), 1, 1},
		{"postings with every text section", count(func(p Posting) bool {
			return p.Intro != "" && p.MainTasks != "" && p.Requirements != "" && p.PreferredPoints != "" &&
				p.Benefits != "" && p.HireRounds != ""
		}), 18, 18},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got < tt.min || tt.got > tt.max {
				t.Errorf("got %d, want %d..%d", tt.got, tt.min, tt.max)
			}
		})
	}
}

func TestParsePostingsRejects(t *testing.T) {
	valid := `{"id": 1, "company": "주식회사 가나", "position": "서버 개발자", "requirements": "• Go",
		"status": "active", "annual_from": 0, "annual_to": 100, "category": {"parent": 518, "children": [872]},
		"due_time": null, "location": "서울 강남구", "employment_type": "regular"}`
	with := func(field, value string) string {
		re := regexp.MustCompile(`"` + field + `": ("[^"]*"|[^,}"]+)`)
		if !re.MatchString(valid) {
			t.Fatalf("test setup: no field %s", field)
		}
		return "[" + re.ReplaceAllLiteralString(valid, `"`+field+`": `+value) + "]"
	}
	if _, err := parsePostings([]byte("[" + valid + "]")); err != nil {
		t.Fatalf("valid posting rejected: %v", err)
	}
	tests := []struct {
		name string
		data string
		want string
	}{
		{"not JSON", `{`, "not a JSON array"},
		{"empty array", `[]`, "no postings"},
		{"unknown field", "[" + strings.Replace(valid, `"id": 1,`, `"id": 1, "gold": {},`, 1) + "]", "unknown field"},
		{"duplicate id", "[" + valid + "," + valid + "]", "used twice"},
		{"zero id", with("id", "0"), "positive"},
		{"bad status", with("status", `"open"`), "status"},
		{"unknown category", with("parent", "99999"), "category parent 99999"},
		{"bad employment type", with("employment_type", `"parttime"`), "employment_type"},
		{"inverted years", with("annual_to", "-1"), "annual_from"},
		{"bad due time", with("due_time", `"next week"`), "due_time"},
		{"empty company", with("company", `" "`), "company"},
		{"trailing text", "[" + valid + "] []", "after the JSON array"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parsePostings([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestRobotsAndSitemapIndex(t *testing.T) {
	srv := newSite(t, loadT(t), Options{})
	tests := []struct {
		path  string
		ctype string
		check func(t *testing.T, body string)
	}{
		{"/robots.txt", "text/plain", func(t *testing.T, body string) {
			lines := strings.Split(body, "\n")
			for _, want := range []string{"User-agent: *", "Disallow: /api/", "Disallow: /my/", "Sitemap: " + srv.URL + "/sitemap.xml"} {
				if !slices.Contains(lines, want) {
					t.Errorf("robots.txt has no line %q:\n%s", want, body)
				}
			}
		}},
		{"/sitemap.xml", "application/xml", func(t *testing.T, body string) {
			var idx sitemapindex
			if err := xml.Unmarshal([]byte(body), &idx); err != nil {
				t.Fatalf("sitemap index: %v", err)
			}
			var locs []string
			for _, s := range idx.Sitemaps {
				locs = append(locs, s.Loc)
			}
			want := []string{srv.URL + "/sitemap_kr_job_1.xml", srv.URL + "/sitemap_kr_job_2.xml"}
			if !slices.Equal(locs, want) {
				t.Errorf("sitemap index names %v, want %v", locs, want)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, h, body := get(t, srv.Client(), srv.URL+tt.path)
			if status != http.StatusOK {
				t.Fatalf("status %d", status)
			}
			if !strings.HasPrefix(h.Get("Content-Type"), tt.ctype) {
				t.Errorf("Content-Type %q, want %s", h.Get("Content-Type"), tt.ctype)
			}
			tt.check(t, body)
		})
	}
}

func TestJobSitemapsListOpenPostingsOnly(t *testing.T) {
	ps := loadT(t)
	srv := newSite(t, ps, Options{})
	var want []string
	closed := map[string]bool{}
	for _, p := range ps {
		u := fmt.Sprintf("%s/wd/%d", srv.URL, p.ID)
		if p.Open() {
			want = append(want, u)
		} else {
			closed[u] = true
		}
	}
	var got []string
	for _, f := range []string{"/sitemap_kr_job_1.xml", "/sitemap_kr_job_2.xml"} {
		status, h, body := get(t, srv.Client(), srv.URL+f)
		if status != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "application/xml") {
			t.Fatalf("%s: status %d, Content-Type %q", f, status, h.Get("Content-Type"))
		}
		var set urlset
		if err := xml.Unmarshal([]byte(body), &set); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if len(set.URLs) == 0 {
			t.Errorf("%s lists no postings", f)
		}
		for _, u := range set.URLs {
			if closed[u.Loc] {
				t.Errorf("%s lists the closed posting %s", f, u.Loc)
			}
			if _, err := time.Parse(time.RFC3339, u.LastMod); err != nil {
				t.Errorf("%s: lastmod %q of %s is not RFC 3339", f, u.LastMod, u.Loc)
			}
			got = append(got, u.Loc)
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("sitemaps list\n%v\nwant every open posting once\n%v", got, want)
	}
	if status, _, _ := get(t, srv.Client(), srv.URL+"/sitemap_kr_job_3.xml"); status != http.StatusNotFound {
		t.Errorf("a third job sitemap answered %d, want 404", status)
	}
}

var scriptRE = regexp.MustCompile(`(?s)<script([^>]*)>(.*?)</script>`)

// pageScripts returns the text of a page's scripts by their attributes.
func pageScripts(t *testing.T, body string) (next, ld string) {
	t.Helper()
	for _, m := range scriptRE.FindAllStringSubmatch(body, -1) {
		switch {
		case strings.Contains(m[1], `id="__NEXT_DATA__"`) && strings.Contains(m[1], `type="application/json"`):
			next = m[2]
		case strings.Contains(m[1], `type="application/ld+json"`):
			ld = m[2]
		default:
			t.Errorf("unexpected script %q", m[0])
		}
	}
	if next == "" || ld == "" {
		t.Fatalf("page lacks __NEXT_DATA__ or JSON-LD:\n%s", body)
	}
	return next, ld
}

func TestPostingPagesEmbedThePosting(t *testing.T) {
	ps := loadT(t)
	srv := newSite(t, ps, Options{})
	for _, p := range ps {
		if !p.Open() {
			continue
		}
		t.Run(fmt.Sprint(p.ID), func(t *testing.T) {
			pageURL := fmt.Sprintf("%s/wd/%d", srv.URL, p.ID)
			status, h, body := get(t, srv.Client(), pageURL)
			if status != http.StatusOK || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
				t.Fatalf("status %d, Content-Type %q", status, h.Get("Content-Type"))
			}
			next, ld := pageScripts(t, body)

			// Every field SOURCES.md lists is present under props.pageProps.initialData.
			var generic map[string]any
			if err := json.Unmarshal([]byte(next), &generic); err != nil {
				t.Fatalf("__NEXT_DATA__ does not decode: %v", err)
			}
			data, _ := generic["props"].(map[string]any)["pageProps"].(map[string]any)["initialData"].(map[string]any)
			if data == nil {
				t.Fatal("no props.pageProps.initialData")
			}
			for _, key := range []string{"id", "position", "intro", "main_tasks", "requirements",
				"preferred_points", "benefits", "hire_rounds", "due_time", "confirm_time", "status",
				"employment_type", "is_remote_work", "company", "career", "category_tag", "address"} {
				if _, ok := data[key]; !ok {
					t.Errorf("initialData has no %q", key)
				}
			}
			nested := map[string][]string{
				"company":      {"company_name", "company_id", "industry_name"},
				"career":       {"annual_from", "annual_to", "is_newbie", "is_expert"},
				"category_tag": {"parent_tag", "child_tags"},
				"address":      {"country", "location", "district", "full_location"},
			}
			for obj, keys := range nested {
				m, _ := data[obj].(map[string]any)
				for _, key := range keys {
					if _, ok := m[key]; !ok {
						t.Errorf("initialData.%s has no %q", obj, key)
					}
				}
			}

			// And the values are the posting's.
			var doc nextData
			if err := json.Unmarshal([]byte(next), &doc); err != nil {
				t.Fatal(err)
			}
			d := doc.Props.PageProps.InitialData
			gotText := []string{d.Position, d.Intro, d.MainTasks, d.Requirements, d.PreferredPoints, d.Benefits, d.HireRounds}
			wantText := []string{p.Position, p.Intro, p.MainTasks, p.Requirements, p.PreferredPoints, p.Benefits, p.HireRounds}
			if !slices.Equal(gotText, wantText) {
				t.Errorf("text fields differ:\n got %q\nwant %q", gotText, wantText)
			}
			if d.ID != p.ID || d.Status != StatusActive || d.EmploymentType != p.EmploymentType ||
				d.Company.CompanyName != p.Company || d.Company.CompanyID <= 0 || d.Company.IndustryName == "" {
				t.Errorf("id/status/company differ: %+v", d)
			}
			if (d.DueTime == nil) != (p.DueTime == nil) || (d.DueTime != nil && *d.DueTime != *p.DueTime) {
				t.Errorf("due_time %v, want %v", d.DueTime, p.DueTime)
			}
			if d.Career.AnnualFrom != p.AnnualFrom || d.Career.AnnualTo != p.AnnualTo || d.Career.IsNewbie != p.IsNewbie {
				t.Errorf("career %+v, want %d..%d newbie %v", d.Career, p.AnnualFrom, p.AnnualTo, p.IsNewbie)
			}
			if d.CategoryTag.ParentTag.ID != p.Category.Parent || d.CategoryTag.ParentTag.Text != categoryNames[p.Category.Parent] {
				t.Errorf("parent tag %+v, want %d", d.CategoryTag.ParentTag, p.Category.Parent)
			}
			var children []int
			for _, c := range d.CategoryTag.ChildTags {
				if c.Text != categoryNames[c.ID] {
					t.Errorf("child tag %+v has the wrong name", c)
				}
				children = append(children, c.ID)
			}
			if !slices.Equal(children, p.Category.Children) && !(len(children) == 0 && len(p.Category.Children) == 0) {
				t.Errorf("child tags %v, want %v", children, p.Category.Children)
			}
			if d.Address.FullLocation != p.Location || !strings.HasPrefix(p.Location, d.Address.Location+" ") {
				t.Errorf("address %+v, want one built from %q", d.Address, p.Location)
			}

			var jp jobPosting
			if err := json.Unmarshal([]byte(ld), &jp); err != nil {
				t.Fatalf("JSON-LD does not decode: %v", err)
			}
			if jp.Type != "JobPosting" || jp.Title != p.Position || jp.HiringOrganization.Name != p.Company ||
				jp.URL != pageURL || jp.DatePosted == "" || !strings.Contains(jp.Description, "<h3>자격요건</h3>") {
				t.Errorf("JSON-LD %+v does not describe the posting", jp)
			}
			if (jp.ValidThrough != "") != (p.DueTime != nil) {
				t.Errorf("validThrough %q for due_time %v", jp.ValidThrough, p.DueTime)
			}
		})
	}
}

func TestPageJSONIsSafeInsideScript(t *testing.T) {
	hostile := "• </script><script>alert(1)</script> & <!-- \u2028 \"따옴표\"\n• Python"
	p := Posting{ID: 7, Company: "주식회사 <b>굵게</b>", Position: "개발자 </title>", Intro: "소개 & 인사",
		Requirements: hostile, Status: StatusActive, Category: Category{Parent: 518, Children: []int{872}},
		Location: "서울 강남구", EmploymentType: "regular", AnnualTo: 100}
	srv := newSite(t, []Posting{p}, Options{})
	status, _, body := get(t, srv.Client(), srv.URL+"/wd/7")
	if status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	if n := strings.Count(body, "<script"); n != 2 {
		t.Errorf("page has %d <script tags, want 2 (the text must be escaped):\n%s", n, body)
	}
	if strings.Contains(body, "<b>") {
		t.Errorf("company name is not escaped in the HTML")
	}
	next, ld := pageScripts(t, body)
	for name, js := range map[string]string{"__NEXT_DATA__": next, "JSON-LD": ld} {
		if strings.ContainsAny(js, "<>&\u2028") {
			t.Errorf("%s carries a raw <, >, & or U+2028", name)
		}
	}
	var doc nextData
	if err := json.Unmarshal([]byte(next), &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Props.PageProps.InitialData.Requirements; got != hostile {
		t.Errorf("requirements decoded as %q, want %q", got, hostile)
	}
}

func TestNotFoundForbiddenAndMethods(t *testing.T) {
	ps := loadT(t)
	var closedID, openID int64
	for _, p := range ps {
		if p.Open() && openID == 0 {
			openID = p.ID
		}
		if !p.Open() {
			closedID = p.ID
		}
	}
	srv := newSite(t, ps, Options{})
	tests := []struct {
		method string
		path   string
		want   int
	}{
		{"GET", fmt.Sprintf("/wd/%d", closedID), http.StatusNotFound},
		{"GET", fmt.Sprintf("/wd/%d/", closedID), http.StatusNotFound},
		{"GET", "/wd/1", http.StatusNotFound},
		{"GET", "/wd/abc", http.StatusNotFound},
		{"GET", "/wd/", http.StatusNotFound},
		{"GET", "/", http.StatusNotFound},
		{"GET", "/api/v4/jobs?tag_type_ids=518&limit=20", http.StatusForbidden},
		{"GET", fmt.Sprintf("/api/v4/jobs/%d", openID), http.StatusForbidden},
		{"POST", "/api/v4/jobs", http.StatusForbidden},
		{"GET", "/api", http.StatusForbidden},
		{"GET", fmt.Sprintf("/wd/%d/", openID), http.StatusOK},
		{"HEAD", fmt.Sprintf("/wd/%d", openID), http.StatusOK},
		{"POST", fmt.Sprintf("/wd/%d", openID), http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.want)
			}
		})
	}
}

func TestOnRequestSeesEveryPath(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	srv := newSite(t, loadT(t), Options{OnRequest: func(path string) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, path)
	}})
	paths := []string{"/robots.txt", "/sitemap.xml", "/api/v4/jobs", "/wd/1"}
	for _, p := range paths {
		get(t, srv.Client(), srv.URL+p+"?x=1")
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(seen, paths) {
		t.Errorf("OnRequest saw %v, want %v", seen, paths)
	}
}

func TestReopened(t *testing.T) {
	ps := loadT(t)
	re := Reopened(ps)
	srv := newSite(t, re, Options{})
	for i, p := range re {
		if !p.Open() {
			t.Errorf("posting %d is still closed", p.ID)
		}
		if ps[i].ID != p.ID || ps[i].Requirements != p.Requirements {
			t.Errorf("posting %d changed beyond its status", p.ID)
		}
		if !ps[i].Open() {
			if status, _, _ := get(t, srv.Client(), fmt.Sprintf("%s/wd/%d", srv.URL, p.ID)); status != http.StatusOK {
				t.Errorf("reopened posting %d answers %d", p.ID, status)
			}
		}
	}
	if got := Reopened(nil); len(got) != 0 {
		t.Errorf("Reopened(nil) = %v, want none", got)
	}
	closed := 0
	for _, p := range ps {
		if !p.Open() {
			closed++
		}
	}
	if closed == 0 {
		t.Errorf("Reopened changed the postings it was given")
	}
}

func TestStartServesEmbeddedPostingsOnLoopback(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, stop, err := Start(ctx)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	defer stop()
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "http" || u.Path != "" {
		t.Fatalf("base URL %q is not http://host:port", base)
	}
	if ip := net.ParseIP(u.Hostname()); ip == nil || !ip.IsLoopback() || ip.To4() == nil {
		t.Errorf("base URL host %q is not 127.0.0.1", u.Hostname())
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if status, _, body := get(t, client, base+"/robots.txt"); status != http.StatusOK ||
		!strings.Contains(body, "Sitemap: "+base+"/sitemap.xml") {
		t.Errorf("robots.txt: status %d, body %q", status, body)
	}
	open := 0
	for _, f := range sitemapFiles {
		_, _, body := get(t, client, base+f)
		var set urlset
		if err := xml.Unmarshal([]byte(body), &set); err != nil {
			t.Fatal(err)
		}
		open += len(set.URLs)
	}
	if open != 17 {
		t.Errorf("sitemaps list %d postings, want the 17 open ones", open)
	}

	stop()
	stop() // a second stop is harmless
	if resp, err := client.Get(base + "/robots.txt"); err == nil {
		resp.Body.Close()
		t.Errorf("the site still answers after stop")
	}
}

func TestServeStopsWhenContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := serve(ctx, loadT(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	if status, _, _ := get(t, client, srv.url+"/sitemap.xml"); status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	cancel()
	<-srv.done
	if resp, err := client.Get(srv.url + "/sitemap.xml"); err == nil {
		resp.Body.Close()
		t.Errorf("the site still answers after its context ended")
	}
	srv.stop()

	if _, _, err := Serve(ctx, nil, Options{}); err == nil {
		t.Errorf("Serve with a finished context started a site")
	}
}
