package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	nethtml "golang.org/x/net/html"

	"github.com/jobs-cli/jobs"
)

// samsungName is the source's name in the store.
const samsungName = "samsung"

// DefaultSamsungURL is where Samsung's group career site lives.
const DefaultSamsungURL = "https://www.samsungcareers.com"

// The list is an HTML fragment served in pages in answer to a POST of the search form; the
// site answers 500 when any of the form's fields is missing, so every one is sent, empty.
// A posting's detail is JSON.
const (
	samsungListPath   = "/hr/list.data"
	samsungDetailPath = "/recruit/detail.data"
)

func samsungListForm(page int) string {
	return "currentPageNo=" + strconv.Itoa(page) + "&intNo=0&strVal=&strTxt=&strKey=&strCompany=&strType=&strOrderBy=&strEntity="
}

// Samsung collects the postings of every Samsung affiliate (삼성전자 DX/DS부문, 삼성SDS,
// 삼성디스플레이, ...) from the group's career site: the list's pages, then each new or
// changed posting's detail, whose duties (items) hold the text.
type Samsung struct {
	siteSource
}

var _ jobs.Source = (*Samsung)(nil)

// NewSamsung makes the Samsung source. baseURL is where the site lives (DefaultSamsungURL,
// or a local server in tests).
func NewSamsung(baseURL string, cfg Config) (*Samsung, error) {
	site, err := newSiteSource(samsungName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &Samsung{site}, nil
}

// Name is "samsung".
func (s *Samsung) Name() string { return samsungName }

// Scrape reads the list and the new or changed postings into sink. A posting's SourceID is
// its number without the thousands comma the list writes ("22878"); its URL is the public
// /hr/?no= page.
func (s *Samsung) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, s.cfg, samsungName, s.base, s)
}

func (s *Samsung) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	u := s.baseStr + samsungListPath
	return readPagedRequests(ctx, f, samsungName, func(n, _ int) (string, *request) {
		req := postForm(samsungListForm(n + 1))
		req.header.Set("Referer", s.baseStr+"/hr/")
		return u, req
	}, func(body []byte) (listPage[listedPosting], error) { return parseSamsungList(body, s.baseStr) })
}

func (s *Samsung) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseSamsungDetail(body, it)
}

// parseSamsungList reads one page of the list: <input class="divCnt" data-value="16"
// data-max="2"> gives the postings and pages, and each <li> holds a posting: its number in
// an <a data-value="22,878">, p.company, h3.title, and p.info (신입 or 경력, the period).
func parseSamsungList(body []byte, base string) (listPage[listedPosting], error) {
	pg := listPage[listedPosting]{total: -1}
	trimmed := strings.TrimSpace(string(body))
	if strings.HasPrefix(trimmed, "{") {
		return pg, fmt.Errorf("expected the list's HTML, got JSON %q", truncate(cleanLine(trimmed), 40))
	}
	doc, err := parseHTMLTree(body)
	if err != nil {
		return pg, fmt.Errorf("unreadable HTML: %v", err)
	}
	cnt := findFirst(doc, byClass("input", "divCnt"))
	if cnt == nil {
		return pg, errors.New("the page has no posting count (input.divCnt): it is not the list")
	}
	if n, err := strconv.Atoi(digitsOnly(attr(cnt, "data-value"))); err == nil {
		pg.total = n
	}
	if n, err := strconv.Atoi(digitsOnly(attr(cnt, "data-max"))); err == nil && n > 0 {
		pg.pages = n
	}
	for _, li := range findAll(doc, func(n *nethtml.Node) bool { return n.Data == "li" }) {
		a := findFirst(li, func(n *nethtml.Node) bool { return n.Data == "a" && attr(n, "data-value") != "" })
		if a == nil {
			continue
		}
		id := digitsOnly(attr(a, "data-value"))
		pg.ids = append(pg.ids, id)
		it := listedPosting{id: id}
		if id == "" || len(id) > 12 {
			it.id = ""
			it.problem = "a list item has no posting number"
			pg.items = append(pg.items, it)
			continue
		}
		it.detail = base + samsungDetailPath + "?seqno=" + id + "&strCode="
		p := &jobs.Posting{
			Source:   samsungName,
			SourceID: id,
			URL:      base + "/hr/?no=" + url.QueryEscape(id),
			Company:  cleanLine(nodeText(findFirst(a, byClass("p", "company")))),
			Title:    cleanLine(nodeText(findFirst(a, byClass("", "title")))),
			Status:   jobs.StatusOpen,
		}
		if p.Company == "" {
			p.Company = "삼성"
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("posting %s has no title", id)
			pg.items = append(pg.items, it)
			continue
		}
		if info := findFirst(a, byClass("p", "info")); info != nil {
			if span := findFirst(info, func(n *nethtml.Node) bool { return n.Data == "span" }); span != nil &&
				strings.Contains(nodeText(span), "신입") {
				p.Career = &jobs.Career{Newbie: true}
			}
			if period := cleanLine(nodeText(findFirst(info, byClass("span", "period")))); period != "" {
				if _, end, ok := strings.Cut(period, "~"); ok {
					p.Due = naverDate(strings.TrimSpace(end), "")
				}
			}
		}
		it.raw = marshalOrNil(map[string]any{"no": id, "company": p.Company, "title": p.Title})
		it.stub = p
		pg.items = append(pg.items, it)
	}
	return pg, nil
}

// digitsOnly keeps the digits of s ("22,878" -> "22878").
func digitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// parseSamsungDetail reads a posting's detail, {"success": true, "data": {"result": {...},
// "items": [...]}}: the notice (title, company, dates, who may apply) and its duties, each
// with its tasks (taskKr), requirements (qlfctKr) and preferences (favorKr).
func parseSamsungDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	doc, err := jsonObject(body, "")
	if err != nil {
		return nil, false, err
	}
	if ok, given := asBool(doc["success"]); given && !ok {
		return nil, false, fmt.Errorf("the answer says it did not succeed (%s)", truncate(cleanLine(asString(doc["message"])), 80))
	}
	data, _ := doc["data"].(map[string]any)
	res, _ := data["result"].(map[string]any)
	if res == nil {
		return nil, true, nil
	}
	if id := idString(res["seq"]); id != "" && id != it.id {
		return nil, false, fmt.Errorf("the detail answer is of posting %s, not %s", id, it.id)
	}
	if open, ok := asInt(res["isOpened"]); ok && open == 0 {
		return nil, true, nil
	}
	p := it.posting()
	if t := cleanLine(asString(res["title"])); t != "" {
		p.Title = t
	}
	if c := cleanLine(asString(res["cmpNameKr"])); c != "" {
		p.Company = c
	}
	if d := samsungTime(asString(res["enddate"])); d != nil {
		p.Due = d
	}
	s := &p.Sections
	s.Intro = markupText(asString(res["introKr"]))
	s.HireRounds = markupText(asString(res["processKr"]))
	var tasks, reqs, prefs, places []string
	if q := markupText(asString(res["qlfctKr"])); q != "" {
		reqs = append(reqs, q)
	}
	items, _ := data["items"].([]any)
	for _, e := range items {
		m, ok := e.(map[string]any)
		if !ok {
			continue
		}
		head := cleanLine(asString(m["titleKr"]))
		if head != "" {
			head += "\n"
		}
		if t := markupText(asString(m["taskKr"])); t != "" {
			tasks = append(tasks, head+t)
		}
		if t := markupText(asString(m["qlfctKr"])); t != "" {
			reqs = append(reqs, head+t)
		}
		if t := markupText(asString(m["favorKr"])); t != "" {
			prefs = append(prefs, head+t)
		}
		if l := strings.TrimSpace(strings.TrimLeft(cleanLine(asString(m["workPlaceKr"])), "-• ")); l != "" && !containsString(places, l) {
			places = append(places, l)
		}
		if p.EmploymentType == "" {
			if _, kind, ok := strings.Cut(cleanLine(asString(m["memoKr"])), ":"); ok {
				p.EmploymentType = employmentType(kind)
			}
		}
	}
	s.MainTasks = strings.Join(tasks, "\n\n")
	s.Requirements = strings.Join(reqs, "\n\n")
	s.Preferred = strings.Join(prefs, "\n\n")
	if s.MainTasks == "" && s.Requirements == "" && s.Preferred == "" {
		return nil, false, errors.New("the posting has no text (no duty has taskKr, qlfctKr or favorKr)")
	}
	p.Location = truncate(strings.Join(places, ", "), 200)
	p.Raw = joinRaw(it.raw, marshalOrNil(data))
	return p, false, nil
}

// samsungTime reads "202609021700" (Korean time).
func samsungTime(s string) *time.Time {
	s = strings.TrimSpace(s)
	if len(s) != 12 {
		return nil
	}
	t, err := time.ParseInLocation("200601021504", s, kst)
	if err != nil {
		return nil
	}
	return farDue(&t)
}
