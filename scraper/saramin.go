package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// saraminName is the source's name in the store.
const saraminName = "saramin"

// DefaultSaraminURL is where Saramin's official Open API lives. Saramin's terms forbid
// scraping its site, so jobs reads Saramin through this API only, with the user's own key.
const DefaultSaraminURL = "https://oapi.saramin.co.kr"

const (
	saraminSearchPath = "/job-search"
	// saraminPageSize is the most postings one call returns (count <= 110).
	saraminPageSize = 110
)

// Saramin collects postings from Saramin's Open API (/job-search) with the user's access
// key: one job category (job_mid_cd, 2 = IT개발·데이터) and optional keywords, 110 postings a
// call and at most 50 calls a run (maxListPages), well within the key's 500 calls a day.
// The API gives
// no posting text, only the title, the job codes and keywords, the experience asked and the
// deadline, so the skills come from those.
type Saramin struct {
	siteSource
	key      string
	category int
	keywords string
}

var _ jobs.Source = (*Saramin)(nil)

// NewSaramin makes the Saramin source. baseURL is where the API lives (DefaultSaraminURL, or
// a local server in tests); key is the user's access key; category a job_mid_cd.
func NewSaramin(baseURL, key string, category int, keywords []string, cfg Config) (*Saramin, error) {
	site, err := newSiteSource(saraminName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	key = strings.TrimSpace(key)
	if key == "" || strings.ContainsAny(key, " &?#/\n") {
		return nil, jobs.Errorf(jobs.KindInvalid, "saramin: the access key is empty or not a key")
	}
	if category <= 0 {
		category = 2
	}
	return &Saramin{siteSource: site, key: key, category: category, keywords: strings.Join(keywords, " ")}, nil
}

// Name is "saramin".
func (s *Saramin) Name() string { return saraminName }

// Scrape reads the API's pages into sink. A posting's SourceID is Saramin's id; its URL the
// posting's page on saramin.co.kr (given by the API).
func (s *Saramin) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeBoards(ctx, sink, s.cfg, saraminName, s.base, []string{"search"}, s)
}

// listURL is the search without the access key: it names the list in the store and in
// failures, where a key must never be written.
func (s *Saramin) listURL(string) string {
	q := url.Values{}
	q.Set("job_mid_cd", strconv.Itoa(s.category))
	if s.keywords != "" {
		q.Set("keywords", s.keywords)
	}
	q.Set("count", strconv.Itoa(saraminPageSize))
	q.Set("sort", "pd")
	return s.baseStr + saraminSearchPath + "?" + q.Encode()
}

func (s *Saramin) readBoard(ctx context.Context, f *fetcher, _ string) boardList {
	plain := s.listURL("")
	pl := readPagedRequests(ctx, f, saraminName, func(n, _ int) (string, *request) {
		u := plain + "&start=" + strconv.Itoa(n) + "&access-key=" + url.QueryEscape(s.key)
		return u, &request{header: http.Header{"Accept": {"application/json"}}}
	}, func(body []byte) (listPage[boardItem], error) { return parseSaraminJobs(body, s.cfg.MaxBodySize) })
	for i := range pl.failures {
		pl.failures[i].URL = s.redact(pl.failures[i].URL)
		pl.failures[i].Reason = strings.ReplaceAll(pl.failures[i].Reason, s.key, "***")
	}
	return boardList{items: pl.items, complete: pl.complete, failures: pl.failures, requests: pl.requests}
}

// redact drops the access key from a URL.
func (s *Saramin) redact(u string) string {
	if u == "" {
		return u
	}
	return strings.ReplaceAll(strings.ReplaceAll(u, "&access-key="+url.QueryEscape(s.key), ""), s.key, "***")
}

// parseSaraminJobs reads one page of /job-search, {"jobs": {"count", "start", "total",
// "job": [...]}} (Saramin writes its keys in kebab case). An error answer is {"code": N,
// "message": ...}. Inactive postings are left out.
func parseSaraminJobs(body []byte, maxPosting int64) (listPage[boardItem], error) {
	pg := listPage[boardItem]{total: -1}
	doc, err := jsonObject(body, ` with "jobs"`)
	if err != nil {
		return pg, err
	}
	jobsObj, ok := doc["jobs"].(map[string]any)
	if !ok {
		if msg := cleanLine(asString(doc["message"])); msg != "" {
			return pg, fmt.Errorf("the API refused the request: %s (code %s)", truncate(msg, 120), truncate(cleanLine(asString(doc["code"])), 10))
		}
		return pg, errors.New("the answer has no \"jobs\" object")
	}
	if n, ok := asInt(jobsObj["total"]); ok && n >= 0 {
		pg.total = n
	}
	list, _ := jobsObj["job"].([]any)
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			pg.ids = append(pg.ids, "")
			pg.items = append(pg.items, boardItem{problem: "a job record is not a JSON object"})
			continue
		}
		id := tokenID(m["id"])
		pg.ids = append(pg.ids, id)
		if n, ok := asInt(m["active"]); ok && n == 0 {
			continue
		}
		pg.items = append(pg.items, saraminItem(m, id, maxPosting))
	}
	return pg, nil
}

// saraminItem reads one job record.
func saraminItem(m map[string]any, id string, maxPosting int64) boardItem {
	it := boardItem{id: id}
	if id == "" {
		it.problem = "a job record has no id"
		return it
	}
	raw := marshalOrNil(m)
	if it.problem = postingTooLarge(raw, maxPosting); it.problem != "" {
		return it
	}
	pos, _ := m["position"].(map[string]any)
	company := ""
	if c, ok := m["company"].(map[string]any); ok {
		if d, ok := c["detail"].(map[string]any); ok {
			company = cleanLine(asString(d["name"]))
		}
	}
	it.url = safeURL(asString(m["url"]))
	p := &jobs.Posting{
		Source:   saraminName,
		SourceID: id,
		URL:      it.url,
		Company:  company,
		Title:    cleanLine(asString(pos["title"])),
		Status:   jobs.StatusOpen,
		Raw:      raw,
	}
	if p.Title == "" || p.Company == "" || p.URL == "" {
		it.problem = fmt.Sprintf("job %s lacks a title, a company or a page", id)
		return it
	}
	p.Location = strings.ReplaceAll(cleanLine(codeName(pos["location"])), "&gt;", ">")
	p.EmploymentType = employmentType(codeName(pos["job-type"]))
	if exp, ok := pos["experience-level"].(map[string]any); ok {
		code, _ := asInt(exp["code"])
		lo, _ := asInt(exp["min"])
		switch {
		case code == 1 || code == 3:
			p.Career = &jobs.Career{Newbie: true}
		case code == 2 && lo > 0 && lo < 50:
			p.Career = &jobs.Career{Min: lo}
		}
	}
	switch code := cleanLine(codeNameCode(m["close-type"])); code {
	case "3", "4": // 상시, 수시: no deadline
	default:
		if n, err := strconv.ParseInt(strings.TrimSpace(asString(m["expiration-timestamp"])), 10, 64); err == nil && n > 0 {
			t := time.Unix(n, 0).In(kst)
			p.Due = farDue(&t)
		}
	}
	if n, err := strconv.ParseInt(strings.TrimSpace(asString(m["modification-timestamp"])), 10, 64); err == nil && n > 0 {
		it.lastMod = time.Unix(n, 0).UTC()
	}
	var lines []string
	if jc := cleanLine(codeName(pos["job-code"])); jc != "" {
		lines = append(lines, "직무: "+jc)
	}
	if kw := cleanLine(asString(m["keyword"])); kw != "" {
		lines = append(lines, "키워드: "+kw)
	}
	if ed := cleanLine(codeName(pos["required-education-level"])); ed != "" {
		lines = append(lines, "학력: "+ed)
	}
	p.Sections.Description = strings.Join(lines, "\n")
	it.posting = p
	return it
}

// codeName is the name of a {"code", "name"} object; codeNameCode its code.
func codeName(v any) string {
	m, _ := v.(map[string]any)
	return asString(m["name"])
}

func codeNameCode(v any) string {
	m, _ := v.(map[string]any)
	return asString(m["code"])
}
