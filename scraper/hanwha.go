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

// hanwhaName is the source's name in the store.
const hanwhaName = "hanwha"

// DefaultHanwhaURL is where Hanwha's group career site (한화인) keeps its API; its pages are
// at hanwhaPagesURL. A base URL other than the default stands for both.
const (
	DefaultHanwhaURL = "https://hwadm.hanwhain.com"
	hanwhaPagesURL   = "https://www.hanwhain.com"
)

// The API's list (20 a page, a page number in the body) and detail, both a POST of JSON.
const (
	hanwhaListPath   = "/new-backend/portal/api/rcRecruit/search-rcrt"
	hanwhaDetailPath = "/new-backend/portal/api/rcRecruit/get-rcrt"
)

// Hanwha collects the postings of every Hanwha affiliate (한화에어로스페이스, 한화시스템/ICT,
// 한화오션, 한화생명, ...) from the group's career site: the list's pages, then each new or
// changed posting's detail, whose qualifications (rtExmQlf) and units' duties (unitDt) are
// its text.
type Hanwha struct {
	siteSource
	pages string
}

var _ jobs.Source = (*Hanwha)(nil)

// NewHanwha makes the Hanwha source. baseURL is where the API lives (DefaultHanwhaURL, or a
// local server in tests, which then stands for the pages too).
func NewHanwha(baseURL string, cfg Config) (*Hanwha, error) {
	site, err := newSiteSource(hanwhaName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &Hanwha{siteSource: site, pages: pagesOf(site, DefaultHanwhaURL, hanwhaPagesURL)}, nil
}

// Name is "hanwha".
func (h *Hanwha) Name() string { return hanwhaName }

// Scrape reads the list and the new or changed postings into sink. A posting's SourceID is
// its rtSeq; its URL is the public /apply/recruit/detail?rtSeq= page.
func (h *Hanwha) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, h.cfg, hanwhaName, h.base, h)
}

func (h *Hanwha) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	u := h.baseStr + hanwhaListPath
	return readPagedRequests(ctx, f, hanwhaName, func(n, _ int) (string, *request) {
		return u, postJSON(`{"langCd":"ko","searchText":"","sdSeqList":null,"rtNrcrtYn":"","rtCarrYn":"","page":` + strconv.Itoa(n) + `}`)
	}, func(body []byte) (listPage[listedPosting], error) { return parseHanwhaList(body, h.baseStr, h.pages) })
}

func (h *Hanwha) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseHanwhaDetail(body, it)
}

// hanwhaData checks an answer, {"success": true, "code": "SUCCESS", "data": {...}}.
func hanwhaData(body []byte) (map[string]any, error) {
	return dataEnvelope(body, func(doc map[string]any) error {
		if ok, given := asBool(doc["success"]); given && !ok {
			return fmt.Errorf("the answer says it did not succeed (%s)", truncate(cleanLine(asString(doc["message"])), 80))
		}
		return nil
	})
}

// parseHanwhaList reads one page: data.list, data.hasNext (false on the last page), data.page,
// and data.totalCount (on the first page only).
func parseHanwhaList(body []byte, api, pages string) (listPage[listedPosting], error) {
	pg := listPage[listedPosting]{total: -1}
	data, err := hanwhaData(body)
	if err != nil {
		return pg, err
	}
	list, ok := data["list"].([]any)
	if !ok && data["list"] != nil {
		return pg, errors.New("the answer's \"data.list\" is not a list")
	}
	if n, ok := asInt(data["totalCount"]); ok && n >= 0 {
		pg.total = n
	}
	if more, given := asBool(data["hasNext"]); given && !more {
		page, _ := asInt(data["page"])
		pg.pages = max(page, 0) + 1
	}
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			pg.ids = append(pg.ids, "")
			pg.items = append(pg.items, listedPosting{problem: "a list record is not a JSON object"})
			continue
		}
		id := idString(m["rtSeq"])
		pg.ids = append(pg.ids, id)
		it := listedPosting{id: id, raw: marshalOrNil(m)}
		if id == "" {
			it.problem = "a list record has no rtSeq"
			pg.items = append(pg.items, it)
			continue
		}
		it.detail = api + hanwhaDetailPath
		it.req = postJSON(`{"rtSeq":` + id + `}`)
		p := &jobs.Posting{
			Source:   hanwhaName,
			SourceID: id,
			URL:      pages + "/apply/recruit/detail?rtSeq=" + url.QueryEscape(id),
			Company:  cleanLine(asString(m["sdNm"])),
			Title:    cleanLine(asString(m["rtNm"])),
			Status:   jobs.StatusOpen,
			Due:      naverDate(asString(m["rtAcptEndDttm"]), ""),
		}
		if p.Company == "" {
			p.Company = "한화"
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("posting %s has no title (rtNm)", id)
			pg.items = append(pg.items, it)
			continue
		}
		it.stub = p
		pg.items = append(pg.items, it)
	}
	return pg, nil
}

// parseHanwhaDetail reads a posting's detail, data.item: rtExmQlf (자격요건), the units
// (unitDt: ruNm, ruDtlJob, ruWorkpl), rtExmProc (전형), the flags of who may apply
// (rtNrcrtYn 신입, rtCarrYn 경력, rtIntnYn 인턴) and rtHidnYn (hidden).
func parseHanwhaDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	data, err := hanwhaData(body)
	if err != nil {
		return nil, false, err
	}
	item, ok := data["item"].(map[string]any)
	if !ok || strings.EqualFold(asString(item["rtHidnYn"]), "Y") {
		return nil, true, nil
	}
	if id := idString(item["rtSeq"]); id != "" && id != it.id {
		return nil, false, fmt.Errorf("the detail answer is of posting %s, not %s", id, it.id)
	}
	p := it.posting()
	if t := cleanLine(asString(item["rtNm"])); t != "" {
		p.Title = t
	}
	if c := cleanLine(asString(item["sdNm"])); c != "" {
		p.Company = c
	}
	if d := naverDate(asString(item["rtAcptEndDttm"]), ""); d != nil {
		p.Due = d
	}
	switch {
	case strings.EqualFold(asString(item["rtIntnYn"]), "Y"):
		p.EmploymentType = "intern"
		p.Career = &jobs.Career{Newbie: true}
	case strings.EqualFold(asString(item["rtNrcrtYn"]), "Y"):
		p.Career = &jobs.Career{Newbie: true}
	}
	var tasks, places []string
	units, _ := item["unitDt"].([]any)
	for _, e := range units {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		text := plainText(asString(m["ruDtlJob"]))
		if text == "" {
			continue
		}
		if name := cleanLine(asString(m["ruNm"])); name != "" && len(units) > 1 {
			text = "[" + name + "]\n" + text
		}
		tasks = append(tasks, text)
		if l := cleanLine(asString(m["ruWorkpl"])); l != "" && !containsString(places, l) {
			places = append(places, l)
		}
	}
	s := &p.Sections
	s.MainTasks = strings.Join(tasks, "\n\n")
	s.Requirements = plainText(asString(item["rtExmQlf"]))
	s.HireRounds = plainText(asString(item["rtExmProc"]))
	if s.MainTasks == "" && s.Requirements == "" {
		return nil, false, errors.New("the posting has no text (rtExmQlf and every unit's ruDtlJob are empty)")
	}
	p.Location = truncate(strings.Join(places, ", "), 200)
	p.Raw = joinRaw(it.raw, marshalOrNil(item))
	return p, false, nil
}
