package scraper

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jobs-cli/jobs"
)

// lineName is the source's name in the store.
const lineName = "line"

// DefaultLineURL is where LINE's career site lives.
const DefaultLineURL = "https://careers.linecorp.com"

// lineListPath is the Gatsby page data of the Korean job list.
const lineListPath = "/page-data/ko/jobs/page-data.json"

// Line collects the engineering postings of LINE's Korean companies (LINE Plus, IPX, LINE
// Pay Plus, ...) from the page data its career site is built from: the list
// GET {base}/page-data/ko/jobs/page-data.json, then each new or changed posting's
// GET {base}/page-data/ko/jobs/{id}/page-data.json, whose content is its text. The list's
// nodes carry no update time (saved 2021 answers): a posting's detail is fetched again when
// the hash of its listed node changes.
type Line struct {
	siteSource
}

var _ jobs.Source = (*Line)(nil)

// NewLine makes the LINE source. baseURL is where the site lives (DefaultLineURL, or a local
// server in tests).
func NewLine(baseURL string, cfg Config) (*Line, error) {
	site, err := newSiteSource(lineName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &Line{site}, nil
}

// Name is "line".
func (l *Line) Name() string { return lineName }

// Scrape reads the list and the new or changed postings into sink. A posting's SourceID is
// its strapiId; its URL is the public /ko/jobs/{id} page. The list holds every LINE
// company's postings worldwide: unpublished ones, ones whose cities are all outside Korea
// and ones whose job units are all outside engineering are left out (a posting that names
// no city or no unit is kept).
func (l *Line) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, l.cfg, lineName, l.base, l)
}

func (l *Line) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	u := l.baseStr + lineListPath
	pl := pagedList[listedPosting]{url: u}
	r, ok := getList(ctx, f, u, &pl.requests, &pl.failures, func(r *result) jobs.Failure { return requestFailure(r, lineName) })
	if !ok {
		return pl
	}
	pg, err := parseLineList(r.body, l.baseStr)
	if err != nil {
		pl.failures = append(pl.failures, jobs.Failure{Source: lineName, URL: u, Status: r.status, Reason: err.Error()})
		return pl
	}
	pl.items = pg.items
	switch {
	case pg.total >= 0 && pg.total != len(pg.ids):
		pl.failures = append(pl.failures, jobs.Failure{Source: lineName, URL: u, Status: r.status,
			Reason: shortList(len(pg.ids), pg.total)})
	case len(pg.ids) > 0 && len(pg.items) == 0:
		pl.failures = append(pl.failures, jobs.Failure{Source: lineName, URL: u, Status: r.status,
			Reason: fmt.Sprintf("the list holds %d postings but none is published in Korea in engineering", len(pg.ids))})
	default:
		pl.complete = true
	}
	return pl
}

func (l *Line) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseLineDetail(body, it)
}

// lineData returns result.data of a Gatsby page-data document.
func lineData(body []byte) (map[string]any, error) {
	doc, err := jsonObject(body, "")
	if err != nil {
		return nil, err
	}
	res, _ := doc["result"].(map[string]any)
	data, _ := res["data"].(map[string]any)
	if data == nil {
		return nil, errors.New("the page data has no \"result.data\" object")
	}
	return data, nil
}

// parseLineList reads the list's page data: result.data.allStrapiJobs, as {"edges": [{"node":
// {...}}]} or {"nodes": [...]}, with "totalCount". base is where the site lives.
func parseLineList(body []byte, base string) (listPage[listedPosting], error) {
	pg := listPage[listedPosting]{total: -1}
	data, err := lineData(body)
	if err != nil {
		return pg, err
	}
	jobsObj, _ := data["allStrapiJobs"].(map[string]any)
	if jobsObj == nil {
		// Another name for the same collection: the first object of data that holds a
		// list of job nodes.
		for _, v := range data {
			if m, ok := v.(map[string]any); ok && (m["edges"] != nil || m["nodes"] != nil) {
				jobsObj = m
				break
			}
		}
	}
	if jobsObj == nil {
		return pg, errors.New("the page data has no job list (result.data.allStrapiJobs)")
	}
	var nodes []any
	switch {
	case jobsObj["edges"] != nil:
		edges, ok := jobsObj["edges"].([]any)
		if !ok {
			return pg, errors.New("the job list's \"edges\" is not a list")
		}
		for _, e := range edges {
			if em, ok := e.(map[string]any); ok && em["node"] != nil {
				nodes = append(nodes, em["node"])
			} else {
				nodes = append(nodes, e)
			}
		}
	default:
		list, ok := jobsObj["nodes"].([]any)
		if !ok {
			return pg, errors.New("the job list's \"nodes\" is not a list")
		}
		nodes = list
	}
	if n, ok := asInt(jobsObj["totalCount"]); ok && n >= 0 {
		pg.total = n
	}
	for _, e := range nodes {
		m, ok := e.(map[string]any)
		if !ok {
			pg.ids = append(pg.ids, "")
			pg.items = append(pg.items, listedPosting{problem: "a job record is not a JSON object"})
			continue
		}
		id := idString(m["strapiId"])
		if id == "" {
			id = idString(m["id"])
		}
		pg.ids = append(pg.ids, id)
		if !lineWanted(m) {
			continue
		}
		it := listedPosting{id: id, raw: marshalOrNil(m)}
		if id == "" {
			it.problem = "a job record has no id (strapiId)"
			pg.items = append(pg.items, it)
			continue
		}
		it.detail = base + "/page-data/ko/jobs/" + id + "/page-data.json"
		it.lastMod = boardTime(m["updated_at"])
		if it.lastMod.IsZero() {
			it.lastMod = boardTime(m["updatedAt"])
		}
		if it.lastMod.IsZero() {
			// The real list's nodes carry no update time: a node that changed (a new title,
			// deadline or city) is told by its hash.
			it.fingerprint = recordFingerprint(it.raw)
		}
		p := &jobs.Posting{
			Source:   lineName,
			SourceID: id,
			URL:      base + "/ko/jobs/" + id,
			Status:   jobs.StatusOpen,
		}
		lineFields(m, p)
		if p.Title == "" {
			it.problem = fmt.Sprintf("job %s has no title", id)
			pg.items = append(pg.items, it)
			continue
		}
		it.stub = p
		pg.items = append(pg.items, it)
	}
	return pg, nil
}

// lineWanted is false for a posting not published, or whose cities all lie outside Korea,
// or whose job units all lie outside engineering.
func lineWanted(m map[string]any) bool {
	if v, ok := asBool(m["publish"]); ok && !v {
		return false
	}
	if v, ok := asBool(m["is_public"]); ok && !v {
		return false
	}
	places := append(lineNames(m["cities"]), lineNames(m["regions"])...)
	if len(places) > 0 && !anyContains(places, "korea", "한국", "seoul", "서울", "bundang", "분당", "seongnam",
		"성남", "pangyo", "판교", "gwacheon", "과천", "gyeonggi", "경기") {
		return false
	}
	units := lineNames(m["job_unit"])
	if len(units) > 0 && !anyContains(units, "engineer", "tech", "data", "develop", "개발", "엔지니어", "기술", "데이터") {
		return false
	}
	return true
}

// lineNames reads the names of a list of {"name": ...} objects (or of strings), lower case.
func lineNames(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, e := range list {
		var s string
		switch d := e.(type) {
		case string:
			s = d
		case map[string]any:
			s = asString(d["name"])
		}
		if s = strings.ToLower(cleanLine(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// anyContains is true when one of names contains one of words.
func anyContains(names []string, words ...string) bool {
	for _, n := range names {
		for _, w := range words {
			if strings.Contains(n, w) {
				return true
			}
		}
	}
	return false
}

// lineFields reads the fields a list or detail record shares into p; a field missing from
// m leaves p as it is.
func lineFields(m map[string]any, p *jobs.Posting) {
	if t := cleanLine(asString(m["title"])); t != "" {
		p.Title = t
	}
	if names := lineDisplayNames(m["companies"]); len(names) > 0 {
		p.Company = names[0]
	} else if p.Company == "" {
		p.Company = "LINE"
	}
	if names := lineDisplayNames(m["cities"]); len(names) > 0 {
		p.Location = strings.Join(names, ", ")
	}
	if names := lineDisplayNames(m["employment_type"]); len(names) > 0 {
		p.EmploymentType = employmentType(names[0])
		if strings.Contains(strings.ToLower(names[0]), "entry") || strings.Contains(names[0], "신입") {
			p.Career = &jobs.Career{Newbie: true}
		}
	}
	p.Remote = remoteLocation(p.Location)
	if until, ok := asBool(m["until_filled"]); ok && until {
		p.Due = nil
	} else if _, ok := m["end_date"]; ok {
		p.Due = farDue(parseDue(m["end_date"]))
	}
}

// lineDisplayNames reads the names of a list of {"name": ...} objects, as written.
func lineDisplayNames(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			if s := cleanLine(asString(m["name"])); s != "" {
				out = append(out, truncate(s, 120))
			}
		}
	}
	return out
}

// parseLineDetail reads a posting's page data: result.data.strapiJobs with its content (HTML).
// gone is true when the page data holds no posting or an unpublished one.
func parseLineDetail(body []byte, it *listedPosting) (p *jobs.Posting, gone bool, err error) {
	data, err := lineData(body)
	if err != nil {
		return nil, false, err
	}
	job, present := data["strapiJobs"]
	if !present {
		for _, v := range data {
			if m, ok := v.(map[string]any); ok && m["content"] != nil {
				job, present = m, true
				break
			}
		}
	}
	if !present {
		return nil, false, errors.New("the page data has no posting (result.data.strapiJobs)")
	}
	m, ok := job.(map[string]any)
	if !ok {
		return nil, true, nil // null: the posting was taken down
	}
	if v, ok := asBool(m["publish"]); ok && !v {
		return nil, true, nil
	}
	if id := idString(m["strapiId"]); id != "" && id != it.id {
		return nil, false, fmt.Errorf("the page data is of posting %s, not %s", id, it.id)
	}
	text := markupText(asString(m["content"]))
	if text == "" {
		return nil, false, errors.New("the posting has no text (content is empty)")
	}
	p = it.posting()
	lineFields(m, p)
	p.Sections.Description = text
	p.Raw = joinRaw(it.raw, marshalOrNil(m))
	return p, false, nil
}
