// Package replay serves an offline copy of Wanted's public posting pages, built from postings
// written for this project, so that `jobs demo` and tests run the real scraper with no
// network. It serves what Wanted's robots.txt allows a crawler to read, in the same shapes:
//
//	GET /robots.txt               User-agent: *, Disallow: /api/ and /my/, Sitemap: {origin}/sitemap.xml
//	GET /sitemap.xml              a sitemap index naming /sitemap_kr_job_1.xml and /sitemap_kr_job_2.xml
//	GET /sitemap_kr_job_{1,2}.xml <url><loc>{origin}/wd/{id}</loc><lastmod>..</lastmod></url> per open posting
//	GET /wd/{id}                  the posting page: __NEXT_DATA__ (props.pageProps.initialData) and JSON-LD
//	    /api/...                  403: robots.txt disallows it, and a polite crawler never asks
//
// Closed postings and unknown ids answer 404 and are listed nowhere.
package replay

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options tune a replay site.
type Options struct {
	// OnRequest, when set, is called with the path of every request before it is answered,
	// from the request's goroutine.
	OnRequest func(path string)
}

// Job sitemap files, as Wanted names them; the index lists both.
var sitemapFiles = []string{"/sitemap_kr_job_1.xml", "/sitemap_kr_job_2.xml"}

// wdPath matches a posting page's path.
var wdPath = regexp.MustCompile(`^/wd/([0-9]{1,18})/?$`)

// site is the handler of one replay site.
type site struct {
	opts Options
	byID map[int64]Posting // every posting, open or closed
	open []Posting         // open postings by id
}

// Handler returns the replay site serving postings. The origin in robots.txt, the sitemaps
// and the pages is the one the request was made to, so the site works on any address.
func Handler(postings []Posting, opts Options) http.Handler {
	s := &site{opts: opts, byID: make(map[int64]Posting, len(postings))}
	for _, p := range postings {
		s.byID[p.ID] = p
	}
	for _, p := range s.byID {
		if p.Open() {
			s.open = append(s.open, p)
		}
	}
	slices.SortFunc(s.open, func(a, b Posting) int { return compareInt64(a.ID, b.ID) })
	return s
}

func compareInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	if s.opts.OnRequest != nil {
		s.opts.OnRequest(path)
	}
	if path == "/api" || strings.HasPrefix(path, "/api/") {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintln(w, `{"error":"forbidden","message":"/api/ is disallowed by /robots.txt"}`)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	origin := originOf(r)
	switch path {
	case "/robots.txt":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "User-agent: *\nDisallow: /api/\nDisallow: /my/\n\nSitemap: %s/sitemap.xml\n", origin)
		return
	case "/sitemap.xml":
		s.sitemapIndex(w, origin)
		return
	}
	if n := slices.Index(sitemapFiles, path); n >= 0 {
		s.jobSitemap(w, origin, n)
		return
	}
	if m := wdPath.FindStringSubmatch(path); m != nil {
		id, err := strconv.ParseInt(m[1], 10, 64)
		if p, ok := s.byID[id]; err == nil && ok && p.Open() {
			s.page(w, p, origin)
			return
		}
	}
	notFound(w)
}

// originOf is the scheme and host the request was made to.
func originOf(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func notFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprint(w, "<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\"><title>원티드</title></head>"+
		"<body><h1>페이지를 찾을 수 없습니다</h1><p>채용이 마감되었거나 없는 페이지입니다.</p></body></html>\n")
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func (s *site) sitemapIndex(w http.ResponseWriter, origin string) {
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, f := range sitemapFiles {
		fmt.Fprintf(&b, "<sitemap><loc>%s</loc></sitemap>\n", xmlText(origin+f))
	}
	b.WriteString("</sitemapindex>\n")
	fmt.Fprint(w, b.String())
}

// jobSitemap writes job sitemap n (0-based): odd ids go to the first, even ids to the second.
func (s *site) jobSitemap(w http.ResponseWriter, origin string, n int) {
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range s.open {
		if int(p.ID%2) == n {
			continue
		}
		fmt.Fprintf(&b, "<url><loc>%s</loc>", xmlText(fmt.Sprintf("%s/wd/%d", origin, p.ID)))
		if t, err := parseTime(p.ConfirmTime); err == nil {
			fmt.Fprintf(&b, "<lastmod>%s</lastmod>", t.In(kst).Format(time.RFC3339))
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	fmt.Fprint(w, b.String())
}

func (s *site) page(w http.ResponseWriter, p Posting, origin string) {
	body, err := renderPage(p, origin)
	if err != nil {
		http.Error(w, "cannot render the posting page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// Serve starts a replay site of postings on a free port of 127.0.0.1 (loopback only) and
// returns its base URL ("http://127.0.0.1:PORT"). The site stops when ctx is done or stop is
// called; stop waits until the server has stopped and may be called more than once.
func Serve(ctx context.Context, postings []Posting, opts Options) (baseURL string, stop func(), err error) {
	srv, err := serve(ctx, postings, opts)
	if err != nil {
		return "", nil, err
	}
	return srv.url, srv.stop, nil
}

// Start serves the embedded postings (see Load) as Serve does.
func Start(ctx context.Context) (baseURL string, stop func(), err error) {
	postings, err := Load()
	if err != nil {
		return "", nil, err
	}
	return Serve(ctx, postings, Options{})
}

// server is one running replay site.
type server struct {
	url  string
	done chan struct{} // closed once the server has stopped serving
	stop func()
}

func serve(ctx context.Context, postings []Posting, opts Options) (*server, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("replay site not started: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("cannot listen on 127.0.0.1: %w", err)
	}
	return serveOn(ctx, ln, Handler(postings, opts)), nil
}

// serveOn serves h on ln until ctx is done or the server's stop is called.
func serveOn(ctx context.Context, ln net.Listener, h http.Handler) *server {
	hs := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	srv := &server{url: "http://" + ln.Addr().String(), done: make(chan struct{})}
	go func() {
		defer close(srv.done)
		if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			ln.Close()
		}
	}()
	var once sync.Once
	shutdown := func() {
		once.Do(func() {
			sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if hs.Shutdown(sctx) != nil {
				hs.Close()
			}
		})
		<-srv.done
	}
	unwatch := context.AfterFunc(ctx, shutdown)
	srv.stop = func() {
		unwatch()
		shutdown()
	}
	return srv
}

// A posting page, rendered.

// nextData is the __NEXT_DATA__ document of a posting page.
type nextData struct {
	Props struct {
		PageProps struct {
			InitialData initialData `json:"initialData"`
			ID          string      `json:"id"`
		} `json:"pageProps"`
		NSSP bool `json:"__N_SSP"`
	} `json:"props"`
	Page       string            `json:"page"`
	Query      map[string]string `json:"query"`
	BuildID    string            `json:"buildId"`
	IsFallback bool              `json:"isFallback"`
	GSSP       bool              `json:"gssp"`
	Locale     string            `json:"locale"`
}

// initialData is a posting as Wanted's page embeds it (the fields of SOURCES.md).
type initialData struct {
	ID              int64   `json:"id"`
	Position        string  `json:"position"`
	Intro           string  `json:"intro"`
	MainTasks       string  `json:"main_tasks"`
	Requirements    string  `json:"requirements"`
	PreferredPoints string  `json:"preferred_points"`
	Benefits        string  `json:"benefits"`
	HireRounds      string  `json:"hire_rounds"`
	DueTime         *string `json:"due_time"`
	ConfirmTime     *string `json:"confirm_time"`
	Status          string  `json:"status"`
	EmploymentType  string  `json:"employment_type"`
	IsRemoteWork    bool    `json:"is_remote_work"`
	Company         struct {
		CompanyName  string `json:"company_name"`
		CompanyID    int64  `json:"company_id"`
		IndustryName string `json:"industry_name"`
	} `json:"company"`
	Career struct {
		AnnualFrom int  `json:"annual_from"`
		AnnualTo   int  `json:"annual_to"`
		IsNewbie   bool `json:"is_newbie"`
		IsExpert   bool `json:"is_expert"`
	} `json:"career"`
	CategoryTag struct {
		ParentTag tag   `json:"parent_tag"`
		ChildTags []tag `json:"child_tags"`
	} `json:"category_tag"`
	Address struct {
		Country      string `json:"country"`
		Location     string `json:"location"`
		District     string `json:"district"`
		FullLocation string `json:"full_location"`
	} `json:"address"`
}

type tag struct {
	ID   int    `json:"id"`
	Text string `json:"text"`
}

func initialDataOf(p Posting) initialData {
	d := initialData{
		ID: p.ID, Position: p.Position, Intro: p.Intro, MainTasks: p.MainTasks,
		Requirements: p.Requirements, PreferredPoints: p.PreferredPoints, Benefits: p.Benefits,
		HireRounds: p.HireRounds, DueTime: p.DueTime, Status: p.Status,
		EmploymentType: p.EmploymentType, IsRemoteWork: p.IsRemoteWork,
	}
	if p.ConfirmTime != "" {
		ct := p.ConfirmTime
		d.ConfirmTime = &ct
	}
	d.Company.CompanyName = p.Company
	d.Company.CompanyID = p.companyID()
	d.Company.IndustryName = p.industry()
	d.Career.AnnualFrom = p.AnnualFrom
	d.Career.AnnualTo = p.AnnualTo
	d.Career.IsNewbie = p.IsNewbie
	d.Career.IsExpert = p.IsExpert
	d.CategoryTag.ParentTag = tag{p.Category.Parent, categoryName(p.Category.Parent)}
	d.CategoryTag.ChildTags = []tag{}
	for _, c := range p.Category.Children {
		d.CategoryTag.ChildTags = append(d.CategoryTag.ChildTags, tag{c, categoryName(c)})
	}
	d.Address.Country = "한국"
	d.Address.Location, d.Address.District, d.Address.FullLocation = p.address()
	return d
}

// jobPosting is the schema.org JobPosting block of a posting page.
type jobPosting struct {
	Context            string        `json:"@context"`
	Type               string        `json:"@type"`
	Title              string        `json:"title"`
	Description        string        `json:"description"`
	DatePosted         string        `json:"datePosted,omitempty"`
	ValidThrough       string        `json:"validThrough,omitempty"`
	HiringOrganization ldOrg         `json:"hiringOrganization"`
	JobLocation        ldPlace       `json:"jobLocation"`
	EmploymentType     string        `json:"employmentType"`
	Identifier         ldIdentifier  `json:"identifier"`
	URL                string        `json:"url"`
	JobLocationType    string        `json:"jobLocationType,omitempty"`
	Experience         *ldExperience `json:"experienceRequirements,omitempty"`
}

type ldOrg struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldPlace struct {
	Type    string    `json:"@type"`
	Address ldAddress `json:"address"`
}

type ldAddress struct {
	Type     string `json:"@type"`
	Country  string `json:"addressCountry"`
	Region   string `json:"addressRegion"`
	Locality string `json:"addressLocality,omitempty"`
	Street   string `json:"streetAddress"`
}

type ldIdentifier struct {
	Type  string `json:"@type"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

type ldExperience struct {
	Type   string `json:"@type"`
	Months int    `json:"monthsOfExperience"`
}

// ldEmployment maps Wanted's employment types to schema.org's.
var ldEmployment = map[string]string{
	"regular": "FULL_TIME", "contract": "CONTRACTOR", "intern": "INTERN", "freelance": "CONTRACTOR",
}

// pageSections are a posting's text fields with the headings its page shows them under.
func pageSections(p Posting) [][2]string {
	return [][2]string{
		{"주요업무", p.MainTasks}, {"자격요건", p.Requirements}, {"우대사항", p.PreferredPoints},
		{"혜택 및 복지", p.Benefits}, {"채용 전형", p.HireRounds},
	}
}

func jobPostingOf(p Posting, url string) jobPosting {
	loc, district, full := p.address()
	jp := jobPosting{
		Context: "https://schema.org", Type: "JobPosting", Title: p.Position,
		Description:        descriptionHTML(p),
		HiringOrganization: ldOrg{"Organization", p.Company},
		JobLocation:        ldPlace{"Place", ldAddress{"PostalAddress", "KR", loc, district, full}},
		EmploymentType:     ldEmployment[p.EmploymentType],
		Identifier:         ldIdentifier{"PropertyValue", p.Company, strconv.FormatInt(p.ID, 10)},
		URL:                url,
	}
	if jp.EmploymentType == "" {
		jp.EmploymentType = "OTHER"
	}
	if t, err := parseTime(p.ConfirmTime); err == nil {
		jp.DatePosted = t.Format("2006-01-02")
	}
	if p.DueTime != nil {
		jp.ValidThrough = *p.DueTime
	}
	if p.IsRemoteWork {
		jp.JobLocationType = "TELECOMMUTE"
	}
	if p.AnnualFrom > 0 {
		jp.Experience = &ldExperience{"OccupationalExperienceRequirements", 12 * p.AnnualFrom}
	}
	return jp
}

// descriptionHTML is the posting's text as the HTML of a JSON-LD description: the intro as a
// paragraph, then each section under its heading, one list item a line.
func descriptionHTML(p Posting) string {
	var b strings.Builder
	if strings.TrimSpace(p.Intro) != "" {
		b.WriteString("<p>" + paragraph(p.Intro) + "</p>")
	}
	for _, sec := range pageSections(p) {
		if strings.TrimSpace(sec[1]) == "" {
			continue
		}
		b.WriteString("<h3>" + sec[0] + "</h3><ul>")
		for _, line := range strings.Split(sec[1], "\n") {
			if line = strings.TrimSpace(line); line != "" {
				b.WriteString("<li>" + html.EscapeString(trimBullet(line)) + "</li>")
			}
		}
		b.WriteString("</ul>")
	}
	return b.String()
}

// trimBullet drops a leading bullet ("•", "-", "·", "*") from a line.
func trimBullet(line string) string {
	for _, b := range []string{"•", "-", "·", "*"} {
		if rest, ok := strings.CutPrefix(line, b); ok {
			return strings.TrimSpace(rest)
		}
	}
	return line
}

// paragraph escapes text for HTML, a <br> for each line break.
func paragraph(text string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = html.EscapeString(l)
	}
	return strings.Join(lines, "<br>")
}

// scriptJSON encodes v as JSON that is safe inside a <script> element: encoding/json escapes
// <, > and & as \u003c, \u003e and \u0026 (and U+2028, U+2029), so no "</script>" or "<!--"
// can appear in it.
func scriptJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// careerText is the experience line of a page header, as Wanted words it.
func careerText(p Posting) string {
	switch {
	case p.IsNewbie && p.AnnualFrom == 0 && p.AnnualTo >= 100:
		return "신입 이상"
	case p.IsNewbie && p.AnnualFrom == 0:
		return fmt.Sprintf("신입-%d년", p.AnnualTo)
	case p.AnnualTo >= 100:
		return fmt.Sprintf("경력 %d년 이상", p.AnnualFrom)
	}
	return fmt.Sprintf("경력 %d-%d년", p.AnnualFrom, p.AnnualTo)
}

// renderPage renders a posting page: a Next.js page whose visible HTML shows the posting and
// whose scripts carry it as JSON-LD and as __NEXT_DATA__.
func renderPage(p Posting, origin string) ([]byte, error) {
	url := fmt.Sprintf("%s/wd/%d", origin, p.ID)
	ld, err := scriptJSON(jobPostingOf(p, url))
	if err != nil {
		return nil, err
	}
	var nd nextData
	nd.Props.PageProps.InitialData = initialDataOf(p)
	nd.Props.PageProps.ID = strconv.FormatInt(p.ID, 10)
	nd.Props.NSSP = true
	nd.Page = "/wd/[id]"
	nd.Query = map[string]string{"id": nd.Props.PageProps.ID}
	nd.BuildID = "replay"
	nd.GSSP = true
	nd.Locale = "ko"
	next, err := scriptJSON(nd)
	if err != nil {
		return nil, err
	}

	e := html.EscapeString
	title := e(fmt.Sprintf("[%s] %s 채용 | 원티드", p.Company, p.Position))
	due := "상시채용"
	if p.DueTime != nil {
		if t, err := parseTime(*p.DueTime); err == nil {
			due = t.Format("2006.01.02")
		}
	}
	loc, _, full := p.address()
	var tags strings.Builder
	for _, c := range p.Category.Children {
		fmt.Fprintf(&tags, `<li class="CategoryTag"><a href="/wdlist/%d/%d">%s</a></li>`,
			p.Category.Parent, c, e(categoryName(c)))
	}
	var secs strings.Builder
	if strings.TrimSpace(p.Intro) != "" {
		secs.WriteString(`<p class="JobDescription_intro">` + paragraph(p.Intro) + "</p>\n")
	}
	for _, sec := range pageSections(p) {
		if strings.TrimSpace(sec[1]) != "" {
			fmt.Fprintf(&secs, "<h3>%s</h3><p><span>%s</span></p>\n", sec[0], paragraph(sec[1]))
		}
	}

	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString(`<meta name="viewport" content="width=device-width,initial-scale=1">` + "\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", title)
	fmt.Fprintf(&b, `<meta name="description" content="%s에서 %s을(를) 채용합니다.">`+"\n", e(p.Company), e(p.Position))
	fmt.Fprintf(&b, `<meta property="og:title" content="%s">`+"\n", title)
	fmt.Fprintf(&b, `<link rel="canonical" href="%s">`+"\n", e(url))
	fmt.Fprintf(&b, `<script type="application/ld+json">%s</script>`+"\n", ld)
	b.WriteString("</head>\n<body>\n<div id=\"__next\">\n")
	b.WriteString(`<header class="MainBar"><nav><a href="/" class="Logo">원티드</a> <a href="/wdlist/518">채용</a> <a href="/my/">MY</a></nav></header>` + "\n")
	b.WriteString(`<main class="JobDetail">` + "\n")
	fmt.Fprintf(&b, `<section class="JobHeader"><h1>%s</h1>`+"\n", e(p.Position))
	fmt.Fprintf(&b, `<div class="JobHeader_company"><a href="/company/%d">%s</a> · <span>%s</span> · <span>%s</span></div>`+"\n",
		p.companyID(), e(p.Company), e(loc), e(careerText(p)))
	fmt.Fprintf(&b, `<ul class="CategoryTags">%s</ul></section>`+"\n", tags.String())
	fmt.Fprintf(&b, `<section class="JobDescription">`+"\n%s</section>\n", secs.String())
	fmt.Fprintf(&b, `<section class="JobWorkPlace"><dl><dt>마감일</dt><dd>%s</dd><dt>근무지역</dt><dd>%s</dd></dl></section>`+"\n",
		e(due), e(full))
	b.WriteString(`<button type="button" class="ApplyButton">지원하기</button>` + "\n</main>\n")
	b.WriteString(`<footer class="Footer">원티드 채용 페이지 재현 (jobs demo)</footer>` + "\n</div>\n")
	fmt.Fprintf(&b, `<script id="__NEXT_DATA__" type="application/json">%s</script>`+"\n", next)
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String()), nil
}
