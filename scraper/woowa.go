package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// This file holds the Woowa Brothers source and what the Korean company sources share:
//
//   - readPaged reads a list served in pages (Kakao, Woowa, Naver): it stops on an empty
//     page, on the page the list says is its last, or at a cap, and tells a list read whole
//     from one cut short.
//   - scrapeDetails is the loop of the sources whose list names the postings and whose text
//     is on one detail page per posting (Woowa, LINE, Naver): the list is read whole, only
//     the postings that are new or changed since the last run are fetched, and a stored
//     posting missing from a completely read list is closed.

// woowaName is the source's name in the store.
const woowaName = "woowa"

// DefaultWoowaURL is where Woowa Brothers' career site (and its JSON API under /w1/) lives.
const DefaultWoowaURL = "https://career.woowahan.com"

// woowaPageSize is how many postings one list request asks for.
const woowaPageSize = 50

// maxListPages caps the list requests of one Korean source in one run.
const maxListPages = 50

// Woowa collects the postings of Woowa Brothers (배달의민족) in its Tech job group: the list
// GET {base}/w1/recruits?...&jobGroupCodes=BA005001&page=N, then each new or changed
// posting's GET {base}/w1/recruits/{recruitNumber}, whose recruitContents is its text.
type Woowa struct {
	siteSource
}

var _ jobs.Source = (*Woowa)(nil)

// NewWoowa makes the Woowa Brothers source. baseURL is where the site lives (DefaultWoowaURL,
// or a local server in tests).
func NewWoowa(baseURL string, cfg Config) (*Woowa, error) {
	site, err := newSiteSource(woowaName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &Woowa{site}, nil
}

// Name is "woowa".
func (w *Woowa) Name() string { return woowaName }

// Scrape reads the list and the new or changed postings into sink. A posting's SourceID is
// its recruitNumber ("R2007104"); its URL is the public /recruitment/{id}/detail page.
// Hidden and deleted postings are left out; a posting whose page says it no longer exists
// is closed.
func (w *Woowa) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, w.cfg, woowaName, w.base, w)
}

func (w *Woowa) listURL(page int) string {
	return w.baseStr + "/w1/recruits?category=jobGroupCodes%3ABA005001&recruitCampaignSeq=0&jobGroupCodes=BA005001" +
		"&page=" + strconv.Itoa(page) + "&size=" + strconv.Itoa(woowaPageSize) + "&sort=updateDate%2Cdesc"
}

func (w *Woowa) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readPaged(ctx, f, woowaName, func(n, _ int) string { return w.listURL(n) },
		func(body []byte) (listPage[listedPosting], error) { return parseWoowaList(body, w.baseStr) })
}

func (w *Woowa) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseWoowaDetail(body, it)
}

// parseWoowaList reads one page of the list: {"code": "2000", "data": {"list": [...],
// "totalPageNumber": N, "totalSize": N}}. base is where the public posting pages live.
func parseWoowaList(body []byte, base string) (listPage[listedPosting], error) {
	pg := listPage[listedPosting]{total: -1}
	data, err := woowaData(body)
	if err != nil {
		return pg, err
	}
	if data == nil {
		return pg, errors.New("the answer has no \"data\" object")
	}
	list, err := listField(data, "list", "data.list")
	if err != nil {
		return pg, err
	}
	if n, ok := asInt(data["totalSize"]); ok && n >= 0 {
		pg.total = n
	}
	if n, ok := asInt(data["totalPageNumber"]); ok && n >= 0 {
		pg.pages = n
	}
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			pg.ids = append(pg.ids, "")
			pg.items = append(pg.items, listedPosting{problem: "a list record is not a JSON object"})
			continue
		}
		id := tokenID(m["recruitNumber"])
		pg.ids = append(pg.ids, id)
		if yes, _ := asBool(m["isHidden"]); yes {
			continue
		}
		if yes, _ := asBool(m["recruitDeleteYn"]); yes {
			continue
		}
		if yes, _ := asBool(m["isTemporaryStatus"]); yes {
			continue
		}
		it := listedPosting{id: id, raw: marshalOrNil(m)}
		if id == "" {
			it.problem = "a list record has no recruitNumber"
			pg.items = append(pg.items, it)
			continue
		}
		it.detail = base + "/w1/recruits/" + url.PathEscape(id)
		it.lastMod = koreanTime(m["updateDate"])
		p := &jobs.Posting{
			Source:   woowaName,
			SourceID: id,
			URL:      base + "/recruitment/" + url.PathEscape(id) + "/detail",
			Company:  "우아한형제들",
			Title:    cleanLine(asString(m["recruitName"])),
			Status:   jobs.StatusOpen,
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("posting %s has no title (recruitName)", id)
			pg.items = append(pg.items, it)
			continue
		}
		woowaFields(m, p)
		it.stub = p
		pg.items = append(pg.items, it)
	}
	return pg, nil
}

// woowaData checks a Woowa answer and returns its "data" object (nil when it is null).
// Woowa answers {"code": "2000", "message": "OK", "data": ...}; another code is an error,
// except 9002 (no such posting), which is returned as errWoowaGone.
func woowaData(body []byte) (map[string]any, error) {
	doc, err := jsonObject(body, "")
	if err != nil {
		return nil, err
	}
	code := strings.TrimSpace(asString(doc["code"]))
	switch code {
	case "", "2000":
	case "9002":
		return nil, errWoowaGone
	default:
		msg := cleanLine(asString(doc["message"]))
		return nil, fmt.Errorf("the answer's code is %q (%s), not 2000", truncate(cleanLine(code), 20), truncate(msg, 80))
	}
	if doc["data"] == nil {
		return nil, nil
	}
	data, ok := doc["data"].(map[string]any)
	if !ok {
		return nil, errors.New("the answer's \"data\" is not an object")
	}
	return data, nil
}

// errWoowaGone is a detail answer saying the posting does not exist (code 9002).
var errWoowaGone = errors.New("no such posting")

// woowaFields reads the structured fields of a list or detail record into p: employment
// type, experience and deadline. A field missing from m leaves p as it is.
func woowaFields(m map[string]any, p *jobs.Posting) {
	if et, ok := m["employmentType"].(map[string]any); ok {
		switch code := asString(et["recruitItemCode"]); {
		case code == "BA002001":
			p.EmploymentType = "regular"
		case employmentType(asString(et["recruitItemName"])) != "":
			p.EmploymentType = employmentType(asString(et["recruitItemName"]))
		}
	}
	careerCode := ""
	if ct, ok := m["careerType"].(map[string]any); ok {
		careerCode = asString(ct["recruitItemCode"])
	}
	lo, okLo := asInt(m["careerRestrictionMinYears"])
	hi, okHi := asInt(m["careerRestrictionMaxYears"])
	var c *jobs.Career
	switch {
	case careerCode == "BA003001" || careerCode == "BA003004": // 신입, 신입/경력
		c = &jobs.Career{Newbie: true}
	case okLo && lo > 0 && lo < 50: // -1 = no restriction
		c = &jobs.Career{Min: lo}
	}
	if c != nil {
		if okHi && hi > 0 && hi >= c.Min && hi < 50 {
			c.Max = &hi
		}
		p.Career = c
	}
	if _, ok := m["recruitEndDate"]; ok {
		p.Due = farDue(parseDue(m["recruitEndDate"]))
	}
}

// farDue is nil for a deadline that stands for "until filled" (9999-12-31, 2999-...).
func farDue(t *time.Time) *time.Time {
	if t == nil || t.Year() >= 2900 {
		return nil
	}
	return t
}

// parseWoowaDetail reads a posting's detail answer, {"code": "2000", "data": {...,
// "recruitContents": HTML}}. gone is true when Woowa says the posting does not exist.
func parseWoowaDetail(body []byte, it *listedPosting) (p *jobs.Posting, gone bool, err error) {
	data, err := woowaData(body)
	if errors.Is(err, errWoowaGone) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	if data == nil {
		return nil, true, nil // the posting was taken down
	}
	if yes, _ := asBool(data["isHidden"]); yes {
		return nil, true, nil
	}
	if yes, _ := asBool(data["recruitDeleteYn"]); yes {
		return nil, true, nil
	}
	if n := tokenID(data["recruitNumber"]); n != "" && n != it.id {
		return nil, false, fmt.Errorf("the detail answer is of posting %s, not %s", n, it.id)
	}
	text := markupText(asString(data["recruitContents"]))
	if text == "" {
		return nil, false, errors.New("the posting has no text (recruitContents is empty)")
	}
	p = it.posting()
	if t := cleanLine(asString(data["recruitName"])); t != "" {
		p.Title = t
	}
	woowaFields(data, p)
	p.Sections.Description = text
	p.Raw = joinRaw(it.raw, marshalOrNil(data))
	return p, false, nil
}
