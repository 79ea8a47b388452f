package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/jobs-cli/jobs"
)

// greetingName is the source's name in the store.
const greetingName = "greeting"

// greetingListPath is where a Greeting career site lists its openings.
const greetingListPath = "/ko/main"

// Greeting collects the postings of companies whose career sites run on Greeting (그리팅,
// greetinghr.com: Kakao Pay, Kakao Mobility, Kurly, Rebellions, ...). A company is its slug
// ({slug}.career.greetinghr.com) or its career site's URL (a custom domain). Its page
// GET {site}/ko/main embeds every opening in its __NEXT_DATA__ (the react-query "openings"
// query); each new or changed opening's page GET {site}/ko/o/{openingId} embeds its text (the
// getOpeningById query's openingsInfo.detail, HTML). A site that renders its list in the
// browser (its page holds no opening) is read from the public API the page's workspace id
// names, GET {api}/ats/public/employee-referral/v1.1/workspaces/{id}/openings.
type Greeting struct {
	siteSource
	api       string // the public API's origin, for sites that render their list in the browser
	companies []platformCompany
}

var _ jobs.Source = (*Greeting)(nil)

// NewGreeting makes the Greeting source. companies are slugs or career-site URLs; baseURL,
// when not "", is the origin every slug's site is read from instead of its own host (tests).
// A URL in companies is used as given.
func NewGreeting(baseURL string, companies []string, cfg Config) (*Greeting, error) {
	page := func(slug string) string { return "https://" + slug + ".career.greetinghr.com" + greetingListPath }
	var base *url.URL
	if strings.TrimSpace(baseURL) != "" {
		u, err := parseBaseURL(greetingName, baseURL)
		if err != nil {
			return nil, err
		}
		base = u
		page = func(string) string { return u.String() + greetingListPath }
	}
	cs, err := platformCompanies(greetingName, "company", companies, page)
	if err != nil {
		return nil, err
	}
	if base == nil {
		base = cs[0].page
	}
	site, err := newSiteSource(greetingName, base.Scheme+"://"+base.Host, cfg)
	if err != nil {
		return nil, err
	}
	api := DefaultGreetingAPI
	if strings.TrimSpace(baseURL) != "" {
		api = site.baseStr
	}
	return &Greeting{siteSource: site, api: api, companies: cs}, nil
}

// Name is "greeting".
func (g *Greeting) Name() string { return greetingName }

// Scrape reads every company's openings and the new or changed ones' pages into sink. A
// posting's SourceID is its openingId; its URL is its /ko/o/{id} page on the company's site.
// The list gives no update time: an opening whose listed record changed is read again, and
// every one after Config.Refresh. Openings not deployed (deploy false) are left out.
func (g *Greeting) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, g.cfg, greetingName, g.base, g)
}

func (g *Greeting) hosts() []string {
	u, _ := url.Parse(g.api)
	return append(companyHosts(g.companies), u.Hostname())
}

func (g *Greeting) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readCompanies(ctx, g.companies, func(ctx context.Context, c platformCompany) pagedList[listedPosting] {
		u := c.page.String()
		pl := pagedList[listedPosting]{url: u}
		r, ok := getList(ctx, f, u, &pl.requests, &pl.failures, func(r *result) jobs.Failure {
			return platformListFailure(r, greetingName, "career site", c.name)
		})
		if !ok {
			return pl
		}
		pg, workspace, err := parseGreetingPage(r.body, c.page, c.name)
		if err == nil && workspace != "" {
			// The page renders its list in the browser: read it from the public API.
			u = g.api + greetingOpeningsPath + workspace + "/openings"
			if r, ok = getList(ctx, f, u, &pl.requests, &pl.failures, func(r *result) jobs.Failure { return requestFailure(r, greetingName) }); !ok {
				return pl
			}
			pg, err = parseGreetingAPIList(r.body, c.page, c.name)
		}
		if err != nil {
			pl.failures = append(pl.failures, jobs.Failure{Source: greetingName, URL: u, Status: r.status, Reason: err.Error()})
			return pl
		}
		pl.items = pg.items
		if len(pg.ids) > 0 && len(pg.items) == 0 {
			pl.failures = append(pl.failures, jobs.Failure{Source: greetingName, URL: u, Status: r.status,
				Reason: fmt.Sprintf("the site lists %d openings but none is deployed", len(pg.ids))})
			return pl
		}
		pl.complete = true
		return pl
	})
}

func (g *Greeting) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseGreetingDetail(body, it)
}

// greetingQueries returns the react-query queries a Greeting page dehydrated into its
// __NEXT_DATA__ (props.pageProps.dehydratedState.queries).
func greetingQueries(body []byte) ([]map[string]any, error) {
	doc, err := nextData(body)
	if err != nil {
		return nil, err
	}
	list, ok := dig(pageProps(doc), "dehydratedState", "queries").([]any)
	if !ok {
		return nil, errors.New("the page's __NEXT_DATA__ has no props.pageProps.dehydratedState.queries")
	}
	var out []map[string]any
	for _, q := range list {
		if m, ok := q.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out, nil
}

// queryKeyHas is true when a query's key holds word among its strings.
func queryKeyHas(q map[string]any, word string) bool {
	key, _ := q["queryKey"].([]any)
	for _, k := range key {
		if s, ok := k.(string); ok && strings.Contains(strings.ToLower(s), strings.ToLower(word)) {
			return true
		}
	}
	return false
}

// parseGreetingList reads a Greeting career page: the data of the query whose key names
// "openings", a list of openings (or an object holding it as "openings" or "data"). site is
// the page's URL: posting pages are on its origin. company names the company when an opening
// names no group.
func parseGreetingList(body []byte, site *url.URL, company string) (listPage[listedPosting], error) {
	pg, _, err := parseGreetingPage(body, site, company)
	return pg, err
}

// parseGreetingPage is parseGreetingList that also returns the site's workspace id, named in
// its queries' keys, when the page holds no opening: newer Greeting sites render their list
// in the browser, from the public API the id names.
func parseGreetingPage(body []byte, site *url.URL, company string) (pg listPage[listedPosting], workspace string, err error) {
	pg = listPage[listedPosting]{total: -1}
	queries, err := greetingQueries(body)
	if err != nil {
		return pg, "", err
	}
	var openings []any
	found := false
	for _, q := range queries {
		key, _ := q["queryKey"].([]any)
		for _, k := range key {
			if id := idString(dig(k, "workspaceId")); id != "" && workspace == "" {
				workspace = id
			}
		}
	}
	for _, q := range queries {
		if !queryKeyHas(q, "openings") || queryKeyHas(q, "getOpeningById") {
			continue
		}
		data := dig(q, "state", "data")
		for _, v := range []any{data, dig(data, "openings"), dig(data, "data")} {
			if list, ok := v.([]any); ok {
				openings, found = list, true
				break
			}
		}
		if found {
			break
		}
	}
	if !found || len(openings) == 0 {
		if workspace != "" {
			return pg, workspace, nil
		}
		if !found {
			return pg, "", errors.New(`the page's __NEXT_DATA__ holds no "openings" query with a list of openings`)
		}
	}
	return greetingOpenings(openings, site, company), "", nil
}

// greetingOpeningsPath is the public API path of a workspace's openings, as the career site
// calls it from the browser (api.greetinghr.com).
const greetingOpeningsPath = "/ats/public/employee-referral/v1.1/workspaces/"

// DefaultGreetingAPI is where Greeting's public API lives.
const DefaultGreetingAPI = "https://api.greetinghr.com"

// parseGreetingAPIList reads the public API's openings of a workspace, {"success": true,
// "data": [openings]}.
func parseGreetingAPIList(body []byte, site *url.URL, company string) (listPage[listedPosting], error) {
	b, err := jsonBody(body)
	if err != nil {
		return listPage[listedPosting]{total: -1}, err
	}
	var doc map[string]any
	if b[0] != '{' || decodeJSON(b, &doc) != nil {
		return listPage[listedPosting]{total: -1}, errors.New(`expected a JSON object {"success": true, "data": [...]}`)
	}
	if ok, given := asBool(doc["success"]); given && !ok {
		return listPage[listedPosting]{total: -1}, errors.New("the API answered success: false")
	}
	list, ok := doc["data"].([]any)
	if !ok {
		return listPage[listedPosting]{total: -1}, errors.New(`the answer has no "data" list of openings`)
	}
	return greetingOpenings(list, site, company), nil
}

// greetingOpenings reads a list of opening records; their pages are on site's origin.
func greetingOpenings(openings []any, site *url.URL, company string) listPage[listedPosting] {
	pg := listPage[listedPosting]{total: -1}
	origin := site.Scheme + "://" + site.Host
	for _, e := range openings {
		m, ok := e.(map[string]any)
		if !ok {
			pg.ids = append(pg.ids, "")
			pg.items = append(pg.items, listedPosting{problem: "an opening record is not a JSON object"})
			continue
		}
		id := idString(m["openingId"])
		pg.ids = append(pg.ids, id)
		if v, ok := asBool(m["deploy"]); ok && !v {
			continue
		}
		it := listedPosting{id: id, raw: rawJSON(m)}
		if id == "" {
			it.problem = "an opening record has no openingId"
			pg.items = append(pg.items, it)
			continue
		}
		it.detail = origin + "/ko/o/" + id
		it.fingerprint = recordFingerprint(it.raw)
		p := &jobs.Posting{
			Source:   greetingName,
			SourceID: id,
			URL:      it.detail,
			Title:    cleanLine(asString(m["title"])),
			Company:  cleanLine(asString(dig(m, "group", "name"))),
			Status:   jobs.StatusOpen,
		}
		if p.Company == "" {
			p.Company = company
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("opening %s has no title", id)
			pg.items = append(pg.items, it)
			continue
		}
		greetingPositions(m, p)
		p.Due = farDue(parseDue(m["dueDate"]))
		it.stub = p
		pg.items = append(pg.items, it)
	}
	return pg
}

// greetingPositions reads an opening's positions (openingJobPosition.openingJobPositions):
// the place, whether work is remote, the employment type and the experience asked.
func greetingPositions(m map[string]any, p *jobs.Posting) {
	list, _ := dig(m, "openingJobPosition", "openingJobPositions").([]any)
	var places []string
	for _, e := range list {
		pos, ok := e.(map[string]any)
		if !ok {
			continue
		}
		place, _ := pos["workspacePlace"].(map[string]any)
		if s := cleanLine(asString(place["place"])); s != "" {
			places = append(places, s)
		} else if s := cleanLine(asString(place["location"])); s != "" {
			places = append(places, s)
		}
		if v, _ := asBool(place["workFromHome"]); v {
			p.Remote = true
		}
		if p.EmploymentType == "" {
			p.EmploymentType = greetingEmployment(asString(dig(pos, "jobPositionEmployment", "employmentType")))
		}
		if p.Career == nil {
			p.Career = greetingCareer(pos["jobPositionCareer"])
		}
	}
	if len(places) > 0 {
		p.Location = truncate(places[0], 120)
	}
	p.Remote = p.Remote || remoteLocation(p.Location)
}

// greetingEmployment maps Greeting's employment types (FULL_TIME_WORKER, CONTRACT_WORKER,
// INTERN, ...) to Wanted's words.
func greetingEmployment(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(s, "FULL_TIME"):
		return "regular"
	case strings.HasPrefix(s, "CONTRACT"), strings.HasPrefix(s, "DISPATCH"):
		return "contract"
	case strings.HasPrefix(s, "INTERN"):
		return "intern"
	case strings.HasPrefix(s, "PART_TIME"):
		return "part_time"
	case strings.HasPrefix(s, "FREELANC"):
		return "freelance"
	}
	return employmentType(s)
}

// greetingCareer reads jobPositionCareer {careerType NEW_COMER | EXPERIENCED | ..., careerFrom,
// careerTo}.
func greetingCareer(v any) *jobs.Career {
	c, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	typ := strings.ToUpper(asString(c["careerType"]))
	from, okFrom := asInt(c["careerFrom"])
	to, okTo := asInt(c["careerTo"])
	var out *jobs.Career
	switch {
	case strings.Contains(typ, "NEW") || strings.Contains(typ, "IRRELEVANT") || strings.Contains(typ, "NOT_MATTER"):
		out = &jobs.Career{Newbie: true}
	case okFrom && from >= 0 && from < 50:
		out = &jobs.Career{Min: from}
	default:
		return nil
	}
	if okTo && to > 0 && to >= out.Min && to < 50 {
		out.Max = &to
	}
	return out
}

// parseGreetingDetail reads an opening's page: the data of its getOpeningById query,
// {"data": {"openingsInfo": {openingId, status, title, detail (HTML), dueDate}}}. gone is true
// when the page says the opening is no longer open.
func parseGreetingDetail(body []byte, it *listedPosting) (p *jobs.Posting, gone bool, err error) {
	queries, err := greetingQueries(body)
	if err != nil {
		return nil, false, err
	}
	var info map[string]any
	for _, q := range queries {
		if !queryKeyHas(q, "getOpeningById") {
			continue
		}
		data := dig(q, "state", "data")
		for _, v := range []any{dig(data, "data", "openingsInfo"), dig(data, "openingsInfo")} {
			if m, ok := v.(map[string]any); ok {
				info = m
				break
			}
		}
		if info != nil {
			break
		}
		if dig(data, "data") == nil && data != nil {
			if ok, _ := asBool(dig(data, "success")); !ok {
				return nil, true, nil // {"success": false}: no such opening
			}
		}
	}
	if info == nil {
		return nil, false, errors.New("the page's __NEXT_DATA__ holds no getOpeningById query with openingsInfo")
	}
	if id := idString(info["openingId"]); id != "" && id != it.id {
		return nil, false, fmt.Errorf("the page is of opening %s, not %s", id, it.id)
	}
	if st := strings.ToUpper(strings.TrimSpace(asString(info["status"]))); st != "" && st != "OPEN" {
		return nil, true, nil
	}
	text := markupText(asString(info["detail"]))
	if text == "" {
		return nil, false, errors.New("the opening has no text (openingsInfo.detail is empty)")
	}
	p = it.posting()
	if t := cleanLine(asString(info["title"])); t != "" {
		p.Title = t
	}
	if _, ok := info["dueDate"]; ok {
		p.Due = farDue(parseDue(info["dueDate"]))
	}
	p.Sections.Description = text
	p.Raw = joinRaw(it.raw, marshalOrNil(info))
	return p, false, nil
}
