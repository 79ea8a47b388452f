package scraper

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs"
)

// kakaoName is the source's name in the store.
const kakaoName = "kakao"

// DefaultKakaoURL is where Kakao's career site (and its public API) lives.
const DefaultKakaoURL = "https://careers.kakao.com"

// kakaoListPath and kakaoListQuery select Kakao's own technology postings.
const (
	kakaoListPath  = "/public/api/job-list"
	kakaoListQuery = "part=TECHNOLOGY&company=KAKAO"
)

// Kakao collects the technology postings of Kakao from the public list its career site
// reads, GET {base}/public/api/job-list?part=TECHNOLOGY&company=KAKAO&page=N: every page
// carries the postings' text, so a run makes one request per page and none per posting.
type Kakao struct {
	siteSource
}

var _ jobs.Source = (*Kakao)(nil)

// NewKakao makes the Kakao source. baseURL is where the site lives (DefaultKakaoURL, or a
// local server in tests).
func NewKakao(baseURL string, cfg Config) (*Kakao, error) {
	site, err := newSiteSource(kakaoName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &Kakao{site}, nil
}

// Name is "kakao".
func (k *Kakao) Name() string { return kakaoName }

// Scrape reads every page of the list into sink. A posting's SourceID is its realId
// ("P-14476"); its URL is the public /jobs/{realId} page. Closed postings (closeFlag) are
// left out, so a stored posting that closed is closed when the whole list was read.
func (k *Kakao) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeBoards(ctx, sink, k.cfg, kakaoName, k.base, []string{"KAKAO"}, k)
}

func (k *Kakao) listURL(string) string { return k.baseStr + kakaoListPath + "?" + kakaoListQuery }

func (k *Kakao) readBoard(ctx context.Context, f *fetcher, _ string) boardList {
	pl := readPaged(ctx, f, kakaoName, func(n, _ int) string { return k.listURL("") + "&page=" + strconv.Itoa(n+1) },
		func(body []byte) (listPage[boardItem], error) {
			return parseKakaoJobs(body, k.baseStr, k.cfg.MaxBodySize)
		})
	return boardList{items: pl.items, complete: pl.complete, failures: pl.failures, requests: pl.requests}
}

// parseKakaoJobs reads one page of Kakao's list, {"jobList": [...], "totalPage": N}. base is
// where the public posting pages live. A record larger than maxPosting bytes is listed but
// gives no posting.
func parseKakaoJobs(body []byte, base string, maxPosting int64) (listPage[boardItem], error) {
	pg := listPage[boardItem]{total: -1}
	b, err := jsonBody(body)
	if err != nil {
		return pg, err
	}
	if b[0] != '{' {
		return pg, errors.New("expected a JSON object with a \"jobList\" list, got a JSON array")
	}
	var doc struct {
		JobList   *[]json.RawMessage `json:"jobList"`
		TotalPage any                `json:"totalPage"`
	}
	if err := decodeJSON(b, &doc); err != nil {
		return pg, fmt.Errorf("invalid JSON: %s", shortJSONError(err))
	}
	if doc.JobList == nil {
		return pg, errors.New("the answer has no \"jobList\" list")
	}
	if n, ok := asInt(doc.TotalPage); ok && n >= 0 {
		pg.pages = n
	}
	for _, raw := range *doc.JobList {
		it, closed := kakaoItem(raw, base, maxPosting)
		pg.ids = append(pg.ids, it.id)
		if !closed {
			pg.items = append(pg.items, it)
		}
	}
	return pg, nil
}

// kakaoItem reads one record of the list; closed is true for a posting that no longer
// takes applications (closeFlag, or a status that says it ended).
func kakaoItem(raw json.RawMessage, base string, maxPosting int64) (it boardItem, closed bool) {
	m, problem := jsonRecord(raw, "job")
	if problem != "" {
		it.problem = problem
		return it, false
	}
	it.id = tokenID(m["realId"])
	if it.id == "" {
		it.id = tokenID(m["jobOfferId"])
	}
	if yes, _ := asBool(m["closeFlag"]); yes {
		return it, true
	}
	switch strings.ToUpper(strings.TrimSpace(asString(m["statusCode"]))) {
	case "END", "CLOSE", "CLOSED":
		return it, true
	}
	if it.id == "" {
		it.problem = "a job record has no id (realId)"
		return it, false
	}
	it.url = base + "/jobs/" + url.PathEscape(it.id)
	for _, k := range []string{"uptDate", "updateDate", "updDate", "modDate"} {
		if t := koreanTime(m[k]); !t.IsZero() {
			it.lastMod = t
			break
		}
	}
	if it.problem = postingTooLarge(raw, maxPosting); it.problem != "" {
		return it, false
	}
	p := &jobs.Posting{
		Source:         kakaoName,
		SourceID:       it.id,
		URL:            it.url,
		Title:          cleanLine(asString(m["jobOfferTitle"])),
		Company:        kakaoCompany(asString(m["companyName"])),
		Status:         jobs.StatusOpen,
		Location:       cleanLine(asString(m["locationName"])),
		EmploymentType: employmentType(asString(m["employeeTypeName"])),
		Raw:            compactJSON(raw),
	}
	if p.Title == "" {
		p.Title = cleanLine(asString(m["title"]))
	}
	if p.Title == "" {
		it.problem = fmt.Sprintf("job %s has no title (jobOfferTitle)", it.id)
		return it, false
	}
	p.Remote = remoteLocation(p.Location)
	p.Due = farDue(parseDue(m["endDate"]))
	s := &p.Sections
	s.Intro = markupText(asString(m["introduction"]))
	s.MainTasks = markupText(asString(m["workContentDesc"]))
	s.Requirements = markupText(asString(m["qualification"]))
	s.HireRounds = markupText(asString(m["jobOfferProcessDesc"]))
	if skills := kakaoSkills(m["skillSetList"]); skills != "" {
		s.Description = "기술 스택: " + skills
	}
	it.posting = p
	return it, false
}

// kakaoCompany is the company a record names: Kakao's own code KAKAO is 카카오.
func kakaoCompany(s string) string {
	s = cleanLine(s)
	if s == "" || strings.EqualFold(s, "KAKAO") || strings.EqualFold(s, "kakao corp") {
		return "카카오"
	}
	return s
}

// kakaoSkills joins a record's skill tags, given as strings or as {"skillSetName": ...}.
func kakaoSkills(v any) string {
	list, _ := v.([]any)
	var out []string
	seen := map[string]bool{}
	for _, e := range list {
		var s string
		switch d := e.(type) {
		case string:
			s = d
		case map[string]any:
			s = cmp.Or(asString(d["skillSetName"]), cmp.Or(asString(d["name"]), asString(d["skillSet"])))
		}
		s = cleanLine(s)
		if s != "" && len(s) <= 60 && !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}
