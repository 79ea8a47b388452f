package scraper

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/jobs-cli/jobs"
)

// jobflexName is the source's name in the store.
const jobflexName = "jobflex"

// DefaultJobflexAPI is where the API of JOBFLEX (recruiter.co.kr, by Midas IT) lives.
const DefaultJobflexAPI = "https://api-recruiter.recruiter.co.kr"

// jobflexPageSize is how many positions one list request asks for.
const jobflexPageSize = 100

// Jobflex collects the postings of companies whose career sites run on JOBFLEX
// ({tenant}.recruiter.co.kr: Hyundai Mobis, Hyundai Rotem, HD Hyundai, KAI, LS, Korean Air,
// ...). One API serves every tenant, named by the request's prefix header
// ({tenant}.recruiter.co.kr): the list POST {api}/position/v1/jobflex with a JSON body
// {"pageableRq": {"page": N, "size": 100, ...}, "filter": {...}}, then each new or changed
// position's GET {api}/position/v2/jobflex/{positionSn}, whose jobDescription is its text.
type Jobflex struct {
	siteSource
	tenants []platformCompany // page: the tenant's career home, whose host is the prefix
}

var _ jobs.Source = (*Jobflex)(nil)

// NewJobflex makes the JOBFLEX source. tenants are slugs ("hyundai-mobis", for
// hyundai-mobis.recruiter.co.kr) or career-site URLs, whose host names the tenant; baseURL is
// where the API lives (DefaultJobflexAPI, or a local server in tests).
func NewJobflex(baseURL string, tenants []string, cfg Config) (*Jobflex, error) {
	if strings.TrimSpace(baseURL) == "" {
		baseURL = DefaultJobflexAPI
	}
	site, err := newSiteSource(jobflexName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	ts, err := platformCompanies(jobflexName, "tenant", tenants,
		func(slug string) string { return "https://" + slug + ".recruiter.co.kr/career/home" })
	if err != nil {
		return nil, err
	}
	return &Jobflex{siteSource: site, tenants: ts}, nil
}

// Name is "jobflex".
func (j *Jobflex) Name() string { return jobflexName }

// Scrape reads every tenant's open positions and the new or changed ones' details into sink.
// A posting's SourceID is its positionSn; its URL is the tenant's /career/jobs/{sn} page.
// Positions not open, or not taking applications, are left out. The list gives no update
// time: a position whose listed record changed is read again, and every one after
// Config.Refresh.
func (j *Jobflex) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, j.cfg, jobflexName, j.base, j)
}

// jobflexHeader is the header that names a tenant to the API.
func jobflexHeader(tenant string) http.Header {
	h := http.Header{}
	h.Set("prefix", tenant)
	h.Set("Accept", "application/json")
	h.Set("Content-Type", "application/json")
	return h
}

// jobflexListBody is the list request's body for page n (from 1): open positions taking
// applications, oldest first.
func jobflexListBody(n int) []byte {
	b, _ := json.Marshal(map[string]any{
		"pageableRq": map[string]any{"page": n, "size": jobflexPageSize, "sort": []string{"CREATED_DATE_TIME"}},
		"filter": map[string]any{"keyword": "", "tagSnList": []int{}, "jobGroupSnList": []int{}, "careerTypeList": []string{},
			"regionSnList": []int{}, "submissionStatusList": []string{"IN_SUBMISSION"}, "openStatusList": []string{"OPEN"},
			"resumeLanguageTypeList": []string{}},
	})
	return b
}

func (j *Jobflex) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readCompanies(ctx, j.tenants, func(ctx context.Context, t platformCompany) pagedList[listedPosting] {
		u := j.baseStr + "/position/v1/jobflex"
		home := t.page.Scheme + "://" + t.page.Host
		tenant := t.page.Hostname()
		return readPagedRequests(ctx, f, jobflexName, func(n, _ int) (string, *request) {
			return u, &request{method: http.MethodPost, body: jobflexListBody(n + 1), header: jobflexHeader(tenant)}
		}, func(body []byte) (listPage[listedPosting], error) {
			pg, err := parseJobflexList(body, j.baseStr, home, tenant)
			if err != nil {
				err = fmt.Errorf("tenant %s: %w", tenant, err)
			}
			return pg, err
		})
	})
}

func (j *Jobflex) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseJobflexDetail(body, it)
}

// jobflexDoc decodes an answer of the API: a JSON object, sometimes wrapped as {"data": ...}.
// An error answer {"code": "NotFoundCompanyException", "message": ...} is an error.
func jobflexDoc(body []byte) (map[string]any, error) {
	doc, err := jsonObject(body, "")
	if err != nil {
		return nil, err
	}
	if code := strings.TrimSpace(asString(doc["code"])); strings.HasSuffix(code, "Exception") {
		return nil, fmt.Errorf("the API answered %s: %s", truncate(cleanLine(code), 60), truncate(cleanLine(asString(doc["message"])), 80))
	}
	if data, ok := doc["data"].(map[string]any); ok && doc["list"] == nil && doc["title"] == nil {
		return data, nil
	}
	return doc, nil
}

// parseJobflexList reads one page of a tenant's positions, {"pagination": {"totalCount",
// "totalPages"}, "list": [...]}. api is where the details are read; home is the tenant's
// career site, where the public posting pages are; tenant is the prefix the details need.
func parseJobflexList(body []byte, api, home, tenant string) (listPage[listedPosting], error) {
	pg := listPage[listedPosting]{total: -1}
	doc, err := jobflexDoc(body)
	if err != nil {
		return pg, err
	}
	list, ok := doc["list"].([]any)
	if !ok {
		if doc["list"] != nil {
			return pg, errors.New(`the answer's "list" is not a list`)
		}
		return pg, errors.New(`the answer has no "list" of positions`)
	}
	if n, ok := asInt(dig(doc, "pagination", "totalCount")); ok && n >= 0 {
		pg.total = n
	}
	if n, ok := asInt(dig(doc, "pagination", "totalPages")); ok && n >= 0 {
		pg.pages = n
	}
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			pg.ids = append(pg.ids, "")
			pg.items = append(pg.items, listedPosting{problem: "a position record is not a JSON object"})
			continue
		}
		id := idString(m["positionSn"])
		pg.ids = append(pg.ids, id)
		if !jobflexOpen(m) {
			continue
		}
		it := listedPosting{id: id, raw: rawJSON(m), req: &request{header: jobflexHeader(tenant)}}
		if id == "" {
			it.problem = "a position record has no positionSn"
			pg.items = append(pg.items, it)
			continue
		}
		it.detail = api + "/position/v2/jobflex/" + url.PathEscape(id)
		it.fingerprint = recordFingerprint(it.raw)
		p := &jobs.Posting{
			Source:   jobflexName,
			SourceID: id,
			URL:      home + "/career/jobs/" + url.PathEscape(id),
			Title:    cleanLine(asString(m["title"])),
			Company:  cmpOr(jobflexCompanyName(m), jobflexCompany(tenant)),
			Status:   jobs.StatusOpen,
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("position %s has no title", id)
			pg.items = append(pg.items, it)
			continue
		}
		jobflexFields(m, p)
		it.stub = p
		pg.items = append(pg.items, it)
	}
	return pg, nil
}

// jobflexOpen is false for a position closed (openStatus other than OPEN) or no longer taking
// applications (submissionStatus POST_SUBMISSION).
func jobflexOpen(m map[string]any) bool {
	if st := strings.ToUpper(strings.TrimSpace(asString(m["openStatus"]))); st != "" && st != "OPEN" {
		return false
	}
	return strings.ToUpper(strings.TrimSpace(asString(m["submissionStatus"]))) != "POST_SUBMISSION"
}

// jobflexCompany names a tenant's company until the posting names it: the tenant's label
// (hyundai-mobis for hyundai-mobis.recruiter.co.kr).
func jobflexCompany(tenant string) string {
	return strings.TrimSuffix(strings.ToLower(tenant), ".recruiter.co.kr")
}

// jobflexCompanyName is the company a record names, if any (the API's keys for it vary).
func jobflexCompanyName(m map[string]any) string {
	for _, k := range []string{"companyName", "companyNm", "corpName"} {
		if s := cleanLine(asString(m[k])); s != "" {
			return truncate(s, 120)
		}
	}
	return ""
}

// jobflexFields reads a position's career type, tags, classification and deadline (times
// without a zone are Korean time).
func jobflexFields(m map[string]any, p *jobs.Posting) {
	switch strings.ToUpper(strings.TrimSpace(asString(m["careerType"]))) {
	case "NEW", "NEWCOMER", "NEW_COMER", "IRRELEVANT", "ANY":
		p.Career = &jobs.Career{Newbie: true}
	case "INTERN", "INTERNSHIP":
		p.EmploymentType = "intern"
		p.Career = &jobs.Career{Newbie: true}
	case "CONTRACT":
		p.EmploymentType = "contract"
	case "PARTTIME", "PART_TIME":
		p.EmploymentType = "part_time"
	}
	if _, ok := m["endDateTime"]; ok {
		p.Due = farDue(parseDue(m["endDateTime"]))
	}
	var tags []string
	if list, ok := m["tagList"].([]any); ok {
		for _, t := range list {
			if s := cleanLine(asString(dig(t, "tagName"))); s != "" && len(tags) < 20 {
				tags = append(tags, truncate(s, 60))
			}
		}
	}
	if len(tags) > 0 {
		p.Sections.Intro = "태그: " + strings.Join(tags, ", ")
	}
}

// parseJobflexDetail reads a position's detail, {title, jobDescription, jobDescriptionType,
// careerType, startDateTime, endDateTime, tagList, ...}. gone is true when the position is no
// longer open.
func parseJobflexDetail(body []byte, it *listedPosting) (p *jobs.Posting, gone bool, err error) {
	m, err := jobflexDoc(body)
	if err != nil {
		return nil, false, err
	}
	if id := idString(m["positionSn"]); id != "" && id != it.id {
		return nil, false, fmt.Errorf("the detail is of position %s, not %s", id, it.id)
	}
	if !jobflexOpen(m) {
		return nil, true, nil
	}
	desc := asString(m["jobDescription"])
	var text string
	if t := strings.ToUpper(strings.TrimSpace(asString(m["jobDescriptionType"]))); t == "" || t == "HTML" {
		text = markupText(desc)
	} else {
		text = plainText(desc)
	}
	if text == "" {
		return nil, false, errors.New("the position has no text (jobDescription is empty)")
	}
	p = it.posting()
	if t := cleanLine(asString(m["title"])); t != "" {
		p.Title = t
	}
	jobflexFields(m, p)
	if c := jobflexCompanyName(m); c != "" {
		p.Company = c
	}
	p.Sections.Description = text
	p.Raw = joinRaw(it.raw, marshalOrNil(m))
	return p, false, nil
}
