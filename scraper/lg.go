package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs"
)

// lgName is the source's name in the store.
const lgName = "lg"

// DefaultLGURL is where LG's group career site keeps its API; its pages are at
// lgPagesURL. A base URL other than the default stands for both.
const (
	DefaultLGURL = "https://api.careers.lg.com"
	lgPagesURL   = "https://careers.lg.com"
)

// The API's list and detail, both a POST of a JSON document.
const (
	lgListPath   = "/rmk/job/retrieveJobNoticesList"
	lgDetailPath = "/rmk/job/retrieveJobNoticesDetail"
	lgListQuery  = `{"lnbSearch":"","hashTagText":"","recDate":"POST_START_DATE","order":"DESC",` +
		`"careerList":[],"companyCodeList":[],"desireLocList":[],"jobGroupList":[]}`
)

// LG collects the postings of every LG affiliate (LG전자, LG CNS, LG유플러스, ...) from the
// group's career site: one list of every open posting, then each new or changed posting's
// detail, whose sectors (recList) hold the text.
type LG struct {
	siteSource
	pages string // where the public posting pages live
}

var _ jobs.Source = (*LG)(nil)

// NewLG makes the LG source. baseURL is where the API lives (DefaultLGURL, or a local
// server in tests, which then serves the pages' paths too).
func NewLG(baseURL string, cfg Config) (*LG, error) {
	site, err := newSiteSource(lgName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &LG{siteSource: site, pages: pagesOf(site, DefaultLGURL, lgPagesURL)}, nil
}

// Name is "lg".
func (l *LG) Name() string { return lgName }

// Scrape reads the list and the new or changed postings into sink. A posting's SourceID is
// its jobNoticeId; its URL is the public /apply/detail?id= page.
func (l *LG) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, l.cfg, lgName, l.base, l)
}

func (l *LG) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readPostingList(ctx, f, lgName, l.baseStr+lgListPath, postJSON(lgListQuery),
		func(body []byte) ([]listedPosting, string, error) { return parseLGList(body, l.baseStr, l.pages) })
}

func (l *LG) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseLGDetail(body, it)
}

// lgData checks an answer, {"status": "S", "msg": "Success", "data": {...}}, and returns
// its data.
func lgData(body []byte) (map[string]any, error) {
	return dataEnvelope(body, func(doc map[string]any) error {
		if st := strings.TrimSpace(asString(doc["status"])); st != "" && st != "S" {
			return fmt.Errorf("the answer's status is %q (%s), not S", truncate(cleanLine(st), 20), truncate(cleanLine(asString(doc["msg"])), 80))
		}
		return nil
	})
}

// parseLGList reads the list, data.jobNoticeList. Postings not in noticeStatus POSTING are
// left out. api is where the detail is asked for; pages where the public posting pages live.
// incomplete says why the list is not whole (it holds fewer postings than data.listCount
// says): its postings are read, but a stored posting missing from it is not closed.
func parseLGList(body []byte, api, pages string) (items []listedPosting, incomplete string, err error) {
	data, err := lgData(body)
	if err != nil {
		return nil, "", err
	}
	list, err := listField(data, "jobNoticeList", "data.jobNoticeList")
	if err != nil {
		return nil, "", err
	}
	if n, ok := asInt(data["listCount"]); ok && n > len(list) {
		incomplete = shortList(len(list), n)
	}
	var out []listedPosting
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			out = append(out, listedPosting{problem: "a list record is not a JSON object"})
			continue
		}
		if st := strings.TrimSpace(asString(m["noticeStatus"])); st != "" && st != "POSTING" {
			continue
		}
		it := listedPosting{id: idString(m["jobNoticeId"]), raw: marshalOrNil(m)}
		if it.id == "" {
			it.problem = "a list record has no jobNoticeId"
			out = append(out, it)
			continue
		}
		it.detail = api + lgDetailPath
		it.req = postJSON(`{"jobNoticeId":` + it.id + `}`)
		p := &jobs.Posting{
			Source:   lgName,
			SourceID: it.id,
			URL:      pages + "/apply/detail?id=" + url.QueryEscape(it.id),
			Company:  cleanLine(asString(m["companyName"])),
			Title:    cleanLine(asString(m["jobNoticeName"])),
			Status:   jobs.StatusOpen,
		}
		if p.Company == "" {
			p.Company = "LG"
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("posting %s has no title (jobNoticeName)", it.id)
			out = append(out, it)
			continue
		}
		lgFields(m, p)
		p.Due = naverDate(asString(m["recEndDateTime"]), "")
		it.stub = p
		out = append(out, it)
	}
	return out, incomplete, nil
}

// lgFields reads a record's career type (신입, 경력, 신입/경력, 인턴) into p.
func lgFields(m map[string]any, p *jobs.Posting) {
	switch c := cleanLine(asString(m["careerTypeName"])); {
	case strings.Contains(c, "인턴"):
		p.EmploymentType = "intern"
		p.Career = &jobs.Career{Newbie: true}
	case strings.Contains(c, "신입"):
		p.Career = &jobs.Career{Newbie: true}
	}
}

// parseLGDetail reads a posting's detail: data.jobNoticesDetail holds the notice
// (jobNoticesDetail: its deadline and who may apply) and its sectors (recList), each with
// its work (detailContext, HTML), what it asks for (requiredItem) and what it prefers
// (preferredItem, which a public reader of the API takes; absent from the saved answer). A notice that
// is gone answers without jobNoticesDetail.
func parseLGDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	data, err := lgData(body)
	if err != nil {
		return nil, false, err
	}
	wrap, ok := data["jobNoticesDetail"].(map[string]any)
	if !ok {
		return nil, true, nil
	}
	notice, ok := wrap["jobNoticesDetail"].(map[string]any)
	if !ok {
		return nil, true, nil
	}
	if id := idString(notice["jobNoticeId"]); id != "" && id != it.id {
		return nil, false, fmt.Errorf("the detail answer is of posting %s, not %s", id, it.id)
	}
	p := it.posting()
	if t := cleanLine(asString(notice["jobNoticeName"])); t != "" {
		p.Title = t
	}
	lgFields(notice, p)
	if d := naverDate(asString(notice["recEndDate"]), ""); d != nil {
		p.Due = d
	}
	sectors, _ := wrap["recList"].([]any)
	var work, asks, prefs, places []string
	for i, e := range sectors {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		head := strings.TrimSpace(cleanLine(asString(m["orgName"])) + " " + cleanLine(asString(m["jobGroupName"])))
		if head == "" {
			head = "모집부문 " + strconv.Itoa(i+1)
		}
		if len(sectors) > 1 {
			head = "[" + head + "]\n"
		} else {
			head = ""
		}
		if t := markupText(asString(m["detailContext"])); t != "" {
			work = append(work, head+t)
		}
		if t := markupText(asString(m["requiredItem"])); t != "" {
			asks = append(asks, head+t)
		}
		if t := markupText(asString(m["preferredItem"])); t != "" {
			prefs = append(prefs, head+t)
		}
		if l := cleanLine(asString(m["locationName"])); l != "" && !containsString(places, l) {
			places = append(places, l)
		}
	}
	s := &p.Sections
	s.MainTasks = strings.Join(work, "\n\n")
	s.Requirements = strings.Join(asks, "\n\n")
	s.Preferred = strings.Join(prefs, "\n\n")
	s.Description = plainText(asString(notice["qualForAppInfo"]))
	s.HireRounds = plainText(asString(notice["recProcessInfo"]))
	if s.MainTasks == "" && s.Requirements == "" {
		return nil, false, errors.New("the posting has no text (no sector has detailContext or requiredItem)")
	}
	p.Location = truncate(strings.Join(places, ", "), 200)
	p.Raw = joinRaw(it.raw, marshalOrNil(wrap))
	return p, false, nil
}

func containsString(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
