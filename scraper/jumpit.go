package scraper

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"regexp"
	"strings"

	nethtml "golang.org/x/net/html"

	"github.com/jobs-cli/jobs"
)

// jumpitName is the source's name in the store.
const jumpitName = "jumpit"

// DefaultJumpitURL is where Jumpit (점핏, Saramin's developer job board) lives.
const DefaultJumpitURL = "https://jumpit.saramin.co.kr"

// jumpitPage is the path of a posting's public page.
var jumpitPage = regexp.MustCompile(`^/position/([0-9]{1,12})/?$`)

// Jumpit collects Jumpit's postings the way its robots.txt offers them: its sitemaps
// (sitemap_position_view_*.xml) list the posting pages, and each page carries the posting:
// its sections (주요업무, 자격요건, 우대사항, ...) and its tech-stack tags, kept beside the text.
type Jumpit struct {
	siteSource
}

var _ jobs.Source = (*Jumpit)(nil)

// NewJumpit makes the Jumpit source. baseURL is where the site lives (DefaultJumpitURL, or a
// local server in tests). Without scrape.limit, a run fetches at most 300 pages, the most
// recently changed first.
func NewJumpit(baseURL string, cfg Config) (*Jumpit, error) {
	site, err := newSiteSource(jumpitName, baseURL, portalConfig(cfg))
	if err != nil {
		return nil, err
	}
	return &Jumpit{site}, nil
}

// Name is "jumpit".
func (j *Jumpit) Name() string { return jumpitName }

// Scrape reads the sitemaps and the new or changed posting pages into sink. A posting's
// SourceID is its number on Jumpit; its URL its /position/{id} page.
func (j *Jumpit) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, j.cfg, jumpitName, j.base, j)
}

func (j *Jumpit) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readPortalSitemaps(ctx, f, jumpitName, j.base, portalSitemaps{
		index: "/sitemap.xml",
		pick:  func(name string) bool { return strings.Contains(name, "position") },
		page: func(u *url.URL) string {
			if m := jumpitPage.FindStringSubmatch(u.Path); m != nil {
				return m[1]
			}
			return ""
		},
	}, func(id, page string) *jobs.Posting {
		return &jobs.Posting{Source: jumpitName, SourceID: id, URL: page, Status: jobs.StatusOpen}
	})
}

func (j *Jumpit) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseJumpitPage(body, it)
}

// parseJumpitPage reads a posting page: the posting object its embedded data holds (the keys
// of Jumpit's own position data: title, companyName, responsibility, qualifications,
// preferredRequirements, serviceInfo, welfares, recruitProcess, techStacks, closedAt,
// alwaysOpen, newcomer, minCareer, maxCareer), else the page's own dl/dt/dd sections.
// A page without either is not a posting (a closed one shows Jumpit's notice).
func parseJumpitPage(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	p := it.posting()
	if m := jumpitData(body); m != nil {
		if yes, _ := asBool(m["closed"]); yes {
			return nil, true, nil
		}
		jumpitFromData(m, p)
	} else if !jumpitFromHTML(body, p) {
		return nil, true, nil
	}
	if p.Title == "" {
		return nil, false, errors.New("the page names no title")
	}
	if p.Company == "" {
		p.Company = "(점핏)"
	}
	if !hasText(&p.Sections) {
		return nil, false, errors.New("the page has no posting text (주요업무, 자격요건, 우대사항)")
	}
	return p, false, nil
}

// jumpitData finds the posting object in the page's JSON scripts (__NEXT_DATA__ and the
// like): the first object holding "qualifications" or "responsibility".
func jumpitData(body []byte) map[string]any {
	for _, s := range pageScripts(body) {
		if s.typ != "application/json" && s.id != "__NEXT_DATA__" {
			continue
		}
		var v any
		dec := json.NewDecoder(strings.NewReader(s.text))
		dec.UseNumber()
		if dec.Decode(&v) != nil {
			continue
		}
		if m := findObjectWith(v, 0, "qualifications", "responsibility"); m != nil {
			return m
		}
	}
	return nil
}

// findObjectWith finds, depth first, an object having any of the keys.
func findObjectWith(v any, depth int, keys ...string) map[string]any {
	if depth > maxJSONDepth {
		return nil
	}
	switch d := v.(type) {
	case map[string]any:
		for _, k := range keys {
			if _, ok := d[k]; ok {
				return d
			}
		}
		for _, e := range d {
			if m := findObjectWith(e, depth+1, keys...); m != nil {
				return m
			}
		}
	case []any:
		for _, e := range d {
			if m := findObjectWith(e, depth+1, keys...); m != nil {
				return m
			}
		}
	}
	return nil
}

// jumpitFromData reads the posting object into p.
func jumpitFromData(m map[string]any, p *jobs.Posting) {
	p.Title = cleanLine(asString(m["title"]))
	p.Company = cleanLine(asString(m["companyName"]))
	if c, ok := m["company"].(map[string]any); ok && p.Company == "" {
		p.Company = cleanLine(asString(c["name"]))
	}
	s := &p.Sections
	s.Intro = markupText(asString(m["serviceInfo"]))
	s.MainTasks = markupText(asString(m["responsibility"]))
	s.Requirements = markupText(asString(m["qualifications"]))
	s.Preferred = markupText(asString(m["preferredRequirements"]))
	s.Benefits = markupText(asString(m["welfares"]))
	s.HireRounds = markupText(asString(m["recruitProcess"]))
	if stacks := jumpitStacks(m["techStacks"]); stacks != "" {
		s.Description = "기술 스택: " + stacks
	}
	if yes, _ := asBool(m["alwaysOpen"]); !yes {
		p.Due = farDue(parseDue(m["closedAt"]))
	}
	if yes, _ := asBool(m["newcomer"]); yes {
		p.Career = &jobs.Career{Newbie: true}
	} else if lo, ok := asInt(m["minCareer"]); ok && lo > 0 && lo < 50 {
		c := &jobs.Career{Min: lo}
		if hi, ok := asInt(m["maxCareer"]); ok && hi >= lo && hi < 50 {
			c.Max = &hi
		}
		p.Career = c
	}
	if places, ok := m["workingPlaces"].([]any); ok && len(places) > 0 {
		if w, ok := places[0].(map[string]any); ok {
			p.Location = truncate(cleanLine(asString(w["address"])), 200)
		}
	}
}

// jumpitStacks joins the tech-stack tags, given as {"stack": ...} objects or strings.
func jumpitStacks(v any) string {
	list, _ := v.([]any)
	var out []string
	for _, e := range list {
		var s string
		switch d := e.(type) {
		case string:
			s = d
		case map[string]any:
			s = asString(d["stack"])
		}
		if s = cleanLine(s); s != "" && len(s) <= 60 && !containsString(out, s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// jumpitFromHTML reads the page's sections as its own markup shows them: each dt a heading,
// the dd after it the text (as public readers of the page read it), and the title from the
// page's h1 or og:title. It reports whether the page held any section.
func jumpitFromHTML(body []byte, p *jobs.Posting) bool {
	doc, err := parseHTMLTree(body)
	if err != nil {
		return false
	}
	found := false
	for _, dt := range findAll(doc, func(n *nethtml.Node) bool { return n.Data == "dt" }) {
		dd := dt.NextSibling
		for dd != nil && dd.Type != nethtml.ElementNode {
			dd = dd.NextSibling
		}
		if dd == nil || dd.Data != "dd" {
			continue
		}
		label, text := cleanLine(nodeText(dt)), nodeText(dd)
		if text == "" {
			continue
		}
		s := &p.Sections
		switch {
		case strings.Contains(label, "기술스택") || strings.Contains(label, "기술 스택"):
			s.Description = "기술 스택: " + strings.Join(strings.Fields(strings.ReplaceAll(text, "\n", " ")), ", ")
		case strings.Contains(label, "주요업무"):
			s.MainTasks, found = text, true
		case strings.Contains(label, "자격요건"):
			s.Requirements, found = text, true
		case strings.Contains(label, "우대"):
			s.Preferred, found = text, true
		case strings.Contains(label, "복지"):
			s.Benefits = text
		case strings.Contains(label, "채용절차"):
			s.HireRounds = text
		case strings.Contains(label, "마감"):
			p.Due = farDue(parseDue(strings.ReplaceAll(cleanLine(text), ".", "-")))
		case strings.Contains(label, "근무지"):
			p.Location = truncate(cleanLine(text), 200)
		}
	}
	if h1 := findFirst(doc, func(n *nethtml.Node) bool { return n.Data == "h1" }); h1 != nil {
		p.Title = cleanLine(nodeText(h1))
	}
	if p.Title == "" {
		if og := findFirst(doc, func(n *nethtml.Node) bool { return n.Data == "meta" && attr(n, "property") == "og:title" }); og != nil {
			p.Title = cleanLine(attr(og, "content"))
		}
	}
	return found
}
