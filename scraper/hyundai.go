package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// hyundaiName is the source's name in the store.
const hyundaiName = "hyundai"

// DefaultHyundaiURL is where Hyundai Motor's talent site (and its JSON API under /api/rec/)
// lives.
const DefaultHyundaiURL = "https://talent.hyundai.com"

// The talent site's API: the list of the career theme hall (one request per tab: 01 monthly
// hiring, 02 open all year) and a posting's detail. Both answer 400 without the header that
// names the service (X-HKMC-SERVICE: HM), which the site's own pages send.
const (
	hyundaiListPath = "/api/rec/AP-HM-FO-02730"
)

var hyundaiTabs = []string{"01", "02"}

// hkmcSite is one talent site of the Hyundai Motor group's recruiting system: Hyundai Motor's
// (talent.hyundai.com) and Kia's (career.kia.com) share its API, each under its own service
// code, group code and page extension.
type hkmcSite struct {
	name, company string
	svc, hgr, ext string
}

var (
	hyundaiSite = hkmcSite{name: hyundaiName, company: "현대자동차", svc: "HM", hgr: "1", ext: "hc"}
	kiaSite     = hkmcSite{name: kiaName, company: "기아", svc: "KM", hgr: "2", ext: "kc"}
)

func (k hkmcSite) detailPath() string { return "/api/rec/AP-" + k.svc + "-FO-02800" }

// Hyundai collects the postings of Hyundai Motor (현대자동차) from its talent site: the
// theme hall's lists, then each new or changed posting's detail, whose plain-text fields are
// its sections (privJdDtl 주요업무, privMustReq 자격요건, prefReq 우대사항).
type Hyundai struct {
	siteSource
}

var _ jobs.Source = (*Hyundai)(nil)

// NewHyundai makes the Hyundai Motor source. baseURL is where the site lives
// (DefaultHyundaiURL, or a local server in tests).
func NewHyundai(baseURL string, cfg Config) (*Hyundai, error) {
	site, err := newSiteSource(hyundaiName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &Hyundai{site}, nil
}

// Name is "hyundai".
func (h *Hyundai) Name() string { return hyundaiName }

// Scrape reads the lists and the new or changed postings into sink. A posting's SourceID is
// its year, type and number ("2026_N2_296"); its URL is the public applyView.hc page.
func (h *Hyundai) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, h.cfg, hyundaiName, h.base, h)
}

// hyundaiRequest is a GET with the headers the site's API wants.
func (h *Hyundai) hyundaiRequest(referer string) *request {
	return &request{header: http.Header{
		"Accept":         {"application/json, text/plain, */*"},
		"X-Hkmc-Service": {hyundaiSite.svc},
		"X-Hkmc-Token":   {"null"},
		"Referer":        {h.baseStr + referer},
	}}
}

func (h *Hyundai) listURL(tab string) string {
	return h.baseStr + hyundaiListPath + "?hgrCd=1&lang=ko&secCode=&jdRecuCate=" + tab + "&secLoad=Y"
}

func (h *Hyundai) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	var pl pagedList[listedPosting]
	pl.complete = true
	for _, tab := range hyundaiTabs {
		u := h.listURL(tab)
		if pl.url == "" {
			pl.url = u
		}
		r, ok := doList(ctx, f, u, h.hyundaiRequest("/theme/hall.hc"), &pl.requests, &pl.failures,
			func(r *result) jobs.Failure { return requestFailure(r, hyundaiName) })
		if !ok {
			pl.complete = false
			continue
		}
		items, err := parseHKMCList(r.body, h.baseStr, hyundaiSite, "applyList")
		if err != nil {
			pl.failures = append(pl.failures, jobs.Failure{Source: hyundaiName, URL: u, Status: r.status, Reason: err.Error()})
			pl.complete = false
			continue
		}
		for i := range items {
			items[i].req = h.hyundaiRequest("/apply/applyView.hc")
		}
		pl.items = append(pl.items, items...)
	}
	return pl
}

func (h *Hyundai) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseHyundaiDetail(body, it)
}

// hyundaiData checks an answer, {"status": 200, "message": "OK", "data": {...}}, and returns
// its data.
func hyundaiData(body []byte) (map[string]any, error) {
	return dataEnvelope(body, func(doc map[string]any) error {
		if st, ok := asInt(doc["status"]); ok && st != 200 {
			return fmt.Errorf("the answer's status is %d (%s), not 200", st, truncate(cleanLine(asString(doc["message"])), 80))
		}
		return nil
	})
}

// parseHyundaiList reads one tab of the theme hall: data.applyList, each record naming a
// posting by recuYy, recuType and recuCls. base is where the site lives.
func parseHyundaiList(body []byte, base string) ([]listedPosting, error) {
	return parseHKMCList(body, base, hyundaiSite, "applyList")
}

// parseHKMCList reads a list of one of the group's talent sites: data[key] holds the records.
func parseHKMCList(body []byte, base string, site hkmcSite, key string) ([]listedPosting, error) {
	data, err := hyundaiData(body)
	if err != nil {
		return nil, err
	}
	list, ok := data[key].([]any)
	if !ok {
		if data[key] == nil {
			return nil, nil // a list with no postings answers null
		}
		return nil, fmt.Errorf("the answer's \"data.%s\" is not a list", key)
	}
	var out []listedPosting
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			out = append(out, listedPosting{problem: "a list record is not a JSON object"})
			continue
		}
		it := listedPosting{raw: marshalOrNil(m)}
		q, id := hyundaiKey(m)
		if id == "" {
			it.problem = "a list record has no recuYy, recuType and recuCls"
			out = append(out, it)
			continue
		}
		it.id = id
		it.detail = base + site.detailPath() + "?hgrCd=" + site.hgr + "&lang=ko&" + q
		p := &jobs.Posting{
			Source:   site.name,
			SourceID: id,
			URL:      base + "/apply/applyView." + site.ext + "?" + q,
			Company:  site.company,
			Title:    cleanLine(asString(m["recuNoticeNm"])),
			Status:   jobs.StatusOpen,
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("posting %s has no title (recuNoticeNm)", id)
			out = append(out, it)
			continue
		}
		hyundaiFields(m, p)
		it.stub = p
		out = append(out, it)
	}
	return out, nil
}

// hyundaiKey is a record's query (recuYy=2026&recuType=N2&recuCls=296) and its id
// ("2026_N2_296"); "" when a part is missing or not a plain token.
func hyundaiKey(m map[string]any) (query, id string) {
	yy, typ, cls := tokenID(m["recuYy"]), tokenID(m["recuType"]), tokenID(m["recuCls"])
	if yy == "" || typ == "" || cls == "" || cls == "0" {
		return "", ""
	}
	return "recuYy=" + url.QueryEscape(yy) + "&recuType=" + url.QueryEscape(typ) + "&recuCls=" + url.QueryEscape(cls),
		yy + "_" + typ + "_" + cls
}

// hyundaiFields reads a list or detail record's deadline, place and career type into p.
func hyundaiFields(m map[string]any, p *jobs.Posting) {
	if d := hyundaiDue(asString(m["appDispEdDt"]), asString(m["appDispEdTm"])); d != nil {
		p.Due = d
	}
	if l := cleanLine(asString(m["workPlaceCodeNm"])); l != "" {
		p.Location = l
	}
	switch c := cleanLine(asString(m["channelCodeNm"])); {
	case c == "":
	case strings.Contains(c, "신입"):
		p.Career = &jobs.Career{Newbie: true}
	case strings.Contains(c, "인턴"):
		p.EmploymentType = "intern"
		p.Career = &jobs.Career{Newbie: true}
	default: // 경력: the years asked are in the text
		p.Career = nil
	}
}

// hyundaiDue reads a deadline given as "20260830" and "1700" (or "17:00"), Korean time; a
// date alone is the end of that day.
func hyundaiDue(ymd, hm string) *time.Time {
	ymd = strings.TrimSpace(ymd)
	if len(ymd) != 8 {
		return nil
	}
	hm = strings.ReplaceAll(strings.TrimSpace(hm), ":", "")
	if len(hm) == 4 {
		if t, err := time.ParseInLocation("200601021504", ymd+hm, kst); err == nil {
			return farDue(&t)
		}
	}
	return naverDate("", ymd)
}

// parseHyundaiDetail reads a posting's detail, {"data": {"applyInfo": {...}}}. A posting
// the site no longer shows answers without applyInfo, or marks it secret.
func parseHyundaiDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	data, err := hyundaiData(body)
	if err != nil {
		return nil, false, err
	}
	info, ok := data["applyInfo"].(map[string]any)
	if !ok {
		return nil, true, nil
	}
	if strings.EqualFold(asString(info["recuNoticeSecretYn"]), "Y") {
		return nil, true, nil
	}
	if _, id := hyundaiKey(info); id != "" && id != it.id {
		return nil, false, fmt.Errorf("the detail answer is of posting %s, not %s", id, it.id)
	}
	p := it.posting()
	if t := cleanLine(asString(info["recuNoticeNm"])); t != "" {
		p.Title = t
	}
	hyundaiFields(info, p)
	s := &p.Sections
	s.Intro = plainText(asString(info["aboutTeamNtc"]))
	s.MainTasks = plainText(asString(info["privJdDtl"]))
	s.Requirements = plainText(asString(info["privMustReq"]))
	s.Preferred = plainText(asString(info["prefReq"]))
	if !hasText(s) {
		return nil, false, errors.New("the posting has no text (privJdDtl, privMustReq and prefReq are empty)")
	}
	p.Raw = joinRaw(it.raw, marshalOrNil(info))
	return p, false, nil
}
