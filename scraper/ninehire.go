package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs"
)

// ninehireName is the source's name in the store.
const ninehireName = "ninehire"

// DefaultNinehireAPI is where Ninehire's public API lives.
const DefaultNinehireAPI = "https://api.ninehire.com"

// ninehireListPath lists a company's recruitments; ninehirePageSize is how many one page asks.
const (
	ninehireListPath = "/identity-access/homepage/recruitments"
	ninehirePageSize = 100
)

// Ninehire collects the postings of companies whose career sites run on Ninehire (나인하이어).
// A company is its slug ({slug}.ninehire.site) or its career site's URL (a custom domain such
// as https://rapportlabs.kr/jobs). Its page's __NEXT_DATA__ names the company's id
// (homepageProps.info.companyId); the API lists its recruitments,
// GET {api}/identity-access/homepage/recruitments?companyId=...&page=N&countPerPage=100; each
// new or changed posting's page GET {site}/job_posting/{addressKey} embeds its text
// (pageProps.jobPosting.content, HTML).
type Ninehire struct {
	siteSource
	api       string // the API's origin
	companies []platformCompany
}

var _ jobs.Source = (*Ninehire)(nil)

// NewNinehire makes the Ninehire source. companies are slugs or career-site URLs; baseURL,
// when not "", is the origin that stands for every host, the API's and each slug's site
// (tests). A URL in companies is used as given.
func NewNinehire(baseURL string, companies []string, cfg Config) (*Ninehire, error) {
	page := func(slug string) string { return "https://" + slug + ".ninehire.site/" }
	api := DefaultNinehireAPI
	if strings.TrimSpace(baseURL) != "" {
		u, err := parseBaseURL(ninehireName, baseURL)
		if err != nil {
			return nil, err
		}
		api = u.String()
		page = func(string) string { return u.String() + "/" }
	}
	cs, err := platformCompanies(ninehireName, "company", companies, page)
	if err != nil {
		return nil, err
	}
	site, err := newSiteSource(ninehireName, api, cfg)
	if err != nil {
		return nil, err
	}
	return &Ninehire{siteSource: site, api: site.baseStr, companies: cs}, nil
}

// Name is "ninehire".
func (n *Ninehire) Name() string { return ninehireName }

// Scrape reads every company's recruitments and the new or changed ones' pages into sink. A
// posting's SourceID is its recruitmentId; its URL is its /job_posting/{addressKey} page.
// Recruitments not in progress, and private ones, are left out. The list gives no update
// time: a posting whose listed record changed is read again, and every one after
// Config.Refresh.
func (n *Ninehire) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, n.cfg, ninehireName, n.base, n)
}

func (n *Ninehire) hosts() []string { return companyHosts(n.companies) }

func (n *Ninehire) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readCompanies(ctx, n.companies, func(ctx context.Context, c platformCompany) pagedList[listedPosting] {
		home := c.page.String()
		pl := pagedList[listedPosting]{url: home}
		r, ok := getList(ctx, f, home, &pl.requests, &pl.failures, func(r *result) jobs.Failure {
			return platformListFailure(r, ninehireName, "career site", c.name)
		})
		if !ok {
			return pl
		}
		info, err := parseNinehireHome(r.body)
		if err != nil {
			pl.failures = append(pl.failures, jobs.Failure{Source: ninehireName, URL: home, Status: r.status, Reason: err.Error()})
			return pl
		}
		origin := c.page.Scheme + "://" + c.page.Host
		company := cmpOr(info.name, c.name)
		list := readPaged(ctx, f, ninehireName, func(page, _ int) string { return n.listURL(info.companyID, page+1) },
			func(body []byte) (listPage[listedPosting], error) {
				return parseNinehireList(body, origin, info.companyID, company)
			})
		list.requests += pl.requests
		list.failures = append(pl.failures, list.failures...)
		return list
	})
}

func (n *Ninehire) listURL(companyID string, page int) string {
	return n.api + ninehireListPath + "?companyId=" + url.QueryEscape(companyID) + "&page=" + strconv.Itoa(page) +
		"&countPerPage=" + strconv.Itoa(ninehirePageSize)
}

func (n *Ninehire) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseNinehireDetail(body, it)
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// ninehireHome is what a company's Ninehire page names.
type ninehireHome struct {
	companyID string
	name      string
}

// uuidPattern is a Ninehire company id.
var uuidPattern = regexp.MustCompile(`^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$`)

// parseNinehireHome reads a company's Ninehire page: props.pageProps.homepageProps.info
// {companyId, companyName} of its __NEXT_DATA__.
func parseNinehireHome(body []byte) (ninehireHome, error) {
	doc, err := nextData(body)
	if err != nil {
		return ninehireHome{}, err
	}
	info, _ := dig(pageProps(doc), "homepageProps", "info").(map[string]any)
	if info == nil {
		return ninehireHome{}, errors.New("the page's __NEXT_DATA__ has no homepageProps.info: it is not a Ninehire career site")
	}
	id := strings.TrimSpace(asString(info["companyId"]))
	if !uuidPattern.MatchString(id) {
		return ninehireHome{}, fmt.Errorf("the page's companyId %q is not a Ninehire company id", truncate(cleanLine(id), 40))
	}
	return ninehireHome{companyID: strings.ToLower(id), name: truncate(cleanLine(asString(info["companyName"])), 120)}, nil
}

// addressKeyPattern is what a posting's addressKey may be: one path segment.
var addressKeyPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// parseNinehireList reads one page of a company's recruitments, {"count": N, "results": [...]}.
// origin is the company's site, where the posting pages are; companyID is the company the
// page was asked for (a record of another is refused).
func parseNinehireList(body []byte, origin, companyID, company string) (listPage[listedPosting], error) {
	pg := listPage[listedPosting]{total: -1}
	doc, err := jsonObject(body, ` with "results"`)
	if err != nil {
		return pg, err
	}
	list, ok := doc["results"].([]any)
	if !ok {
		if doc["results"] != nil {
			return pg, errors.New(`the answer's "results" is not a list`)
		}
		return pg, errors.New(`the answer has no "results" list`)
	}
	if n, ok := asInt(doc["count"]); ok && n >= 0 {
		pg.total = n
	}
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			pg.ids = append(pg.ids, "")
			pg.items = append(pg.items, listedPosting{problem: "a recruitment record is not a JSON object"})
			continue
		}
		id := tokenID(m["recruitmentId"])
		pg.ids = append(pg.ids, id)
		if c := strings.ToLower(strings.TrimSpace(asString(m["companyId"]))); c != "" && companyID != "" && c != companyID {
			pg.items = append(pg.items, listedPosting{id: id, problem: "a recruitment of another company is listed"})
			continue
		}
		if st := strings.TrimSpace(asString(m["status"])); st != "" && st != "in_progress" {
			continue
		}
		if v, _ := asBool(m["isPrivate"]); v {
			continue
		}
		it := listedPosting{id: id, raw: rawJSON(m)}
		key := strings.TrimSpace(asString(m["addressKey"]))
		switch {
		case id == "":
			it.problem = "a recruitment record has no recruitmentId"
		case !addressKeyPattern.MatchString(key):
			it.problem = fmt.Sprintf("recruitment %s has no valid addressKey", id)
		}
		if it.problem != "" {
			pg.items = append(pg.items, it)
			continue
		}
		it.detail = origin + "/job_posting/" + key
		it.fingerprint = recordFingerprint(it.raw)
		p := &jobs.Posting{
			Source:   ninehireName,
			SourceID: id,
			URL:      it.detail,
			Title:    cleanLine(cmpOr(asString(m["externalTitle"]), asString(m["title"]))),
			Company:  cmpOr(cleanLine(asString(dig(m, "affiliation", "title"))), company),
			Status:   jobs.StatusOpen,
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("recruitment %s has no title", id)
			pg.items = append(pg.items, it)
			continue
		}
		ninehireFields(m, p)
		it.stub = p
		pg.items = append(pg.items, it)
	}
	return pg, nil
}

// ninehireFields reads a recruitment's employment type, experience, places and deadline.
func ninehireFields(m map[string]any, p *jobs.Posting) {
	if list, ok := m["employmentType"].([]any); ok && len(list) > 0 {
		p.EmploymentType = employmentType(strings.ReplaceAll(asString(list[0]), "contractor", "contract"))
	}
	if c, ok := m["career"].(map[string]any); ok {
		typ := strings.ToLower(asString(c["type"]))
		over, okOver := asInt(dig(c, "range", "over"))
		below, okBelow := asInt(dig(c, "range", "below"))
		switch {
		case strings.Contains(typ, "new") || strings.Contains(typ, "irrelevant"):
			p.Career = &jobs.Career{Newbie: true}
		case okOver && over > 0 && over < 50:
			p.Career = &jobs.Career{Min: over}
		}
		if p.Career != nil && okBelow && below > 0 && below >= p.Career.Min && below < 50 {
			p.Career.Max = &below
		}
	}
	if locs, ok := m["jobLocations"].([]any); ok {
		for _, l := range locs {
			if s := cleanLine(cmpOr(asString(dig(l, "addressName")), asString(dig(l, "placeName")))); s != "" {
				p.Location = truncate(s, 120)
				break
			}
		}
	}
	p.Remote = remoteLocation(p.Location)
	switch _, given := m["deadlineValue"]; {
	case strings.TrimSpace(asString(m["deadlineType"])) == "until_filled":
		p.Due = nil
	case given:
		p.Due = farDue(parseDue(m["deadlineValue"]))
	}
}

// parseNinehireDetail reads a posting's page: props.pageProps {recruitment, jobPosting
// {content (HTML), isActive}} of its __NEXT_DATA__. gone is true when the page says the
// posting is no longer open.
func parseNinehireDetail(body []byte, it *listedPosting) (p *jobs.Posting, gone bool, err error) {
	doc, err := nextData(body)
	if err != nil {
		return nil, false, err
	}
	pp := pageProps(doc)
	rec, _ := pp["recruitment"].(map[string]any)
	post, _ := pp["jobPosting"].(map[string]any)
	if post == nil {
		if pp != nil && pp["jobPosting"] == nil && rec == nil && (pp["statusCode"] != nil || pp["notFound"] != nil) {
			return nil, true, nil
		}
		return nil, false, errors.New("the page's __NEXT_DATA__ has no pageProps.jobPosting")
	}
	if rec != nil {
		if id := tokenID(rec["recruitmentId"]); id != "" && id != it.id {
			return nil, false, fmt.Errorf("the page is of recruitment %s, not %s", id, it.id)
		}
		if st := strings.TrimSpace(asString(rec["status"])); st != "" && st != "in_progress" {
			return nil, true, nil
		}
	}
	if v, ok := asBool(post["isActive"]); ok && !v {
		return nil, true, nil
	}
	text := markupText(asString(post["content"]))
	if text == "" {
		return nil, false, errors.New("the posting has no text (jobPosting.content is empty)")
	}
	p = it.posting()
	if rec != nil {
		if t := cleanLine(cmpOr(asString(rec["externalTitle"]), asString(rec["title"]))); t != "" {
			p.Title = t
		}
		ninehireFields(rec, p)
	}
	p.Sections.Description = text
	p.Raw = joinRaw(it.raw, marshalOrNil(map[string]any{"recruitment": rec, "jobPosting": post}))
	return p, false, nil
}
