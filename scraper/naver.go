package scraper

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/jobs-cli/jobs"
)

// naverName is the source's name in the store.
const naverName = "naver"

// DefaultNaverURL is where NAVER's group career site lives.
const DefaultNaverURL = "https://recruit.navercorp.com"

// Naver collects the Tech postings of the NAVER group (NAVER, NAVER Cloud, NAVER WEBTOON,
// NAVER LABS, ...): the list GET {base}/rcrt/loadJobList.do?...&firstIndex=N, ten postings a
// page, then each new posting's page GET {base}/rcrt/view.do?annoId={id}, read from its HTML
// (div.detail_wrap), or through its schema.org JobPosting JSON-LD when it has no such text.
type Naver struct {
	siteSource
}

var _ jobs.Source = (*Naver)(nil)

// NewNaver makes the NAVER source. baseURL is where the site lives (DefaultNaverURL, or a
// local server in tests).
func NewNaver(baseURL string, cfg Config) (*Naver, error) {
	site, err := newSiteSource(naverName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &Naver{site}, nil
}

// Name is "naver".
func (n *Naver) Name() string { return naverName }

// Scrape reads the list and the new postings' pages into sink. A posting's SourceID is its
// annoId; its URL is its /rcrt/view.do?annoId={id} page. The list holds every job class;
// postings of a class other than Tech are left out (one that names no class is kept). The
// list gives no update time, so a stored posting's page is read again after Config.Refresh.
func (n *Naver) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, n.cfg, naverName, n.base, n)
}

func (n *Naver) listURL(offset int) string {
	return n.baseStr + "/rcrt/loadJobList.do?annoId=&sw=&subJobCdArr=&sysCompanyCdArr=&empTypeCdArr=" +
		"&entTypeCdArr=&workAreaCdArr=&firstIndex=" + strconv.Itoa(offset)
}

func (n *Naver) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readPaged(ctx, f, naverName, func(_, offset int) string { return n.listURL(offset) },
		func(body []byte) (listPage[listedPosting], error) { return parseNaverList(body, n.baseStr) })
}

func (n *Naver) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseNaverDetail(body, it)
}

// parseNaverList reads one page of the list, {"result": "Y", "totalSize": N, "list": [...]}.
// base is where the posting pages live: they are built from the annoId, never taken from
// the record's link, so that every request stays on the site.
func parseNaverList(body []byte, base string) (listPage[listedPosting], error) {
	pg := listPage[listedPosting]{total: -1}
	doc, err := jsonObject(body, ` with a "list"`)
	if err != nil {
		return pg, err
	}
	switch res := doc["result"].(type) {
	case nil:
	case bool:
		if !res {
			return pg, errors.New("the answer's result is false")
		}
	default:
		if r := strings.TrimSpace(asString(res)); r != "" && !strings.EqualFold(r, "Y") && !strings.EqualFold(r, "true") {
			return pg, fmt.Errorf("the answer's result is %q, not Y", truncate(cleanLine(r), 20))
		}
	}
	list, err := listField(doc, "list", "list")
	if err != nil {
		return pg, err
	}
	if n, ok := asInt(doc["totalSize"]); ok && n >= 0 {
		pg.total = n
	}
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			pg.ids = append(pg.ids, "")
			pg.items = append(pg.items, listedPosting{problem: "a list record is not a JSON object"})
			continue
		}
		id := idString(m["annoId"])
		pg.ids = append(pg.ids, id)
		if !naverTech(asString(m["classCdNm"])) {
			continue
		}
		it := listedPosting{id: id, raw: marshalOrNil(m)}
		if id == "" {
			it.problem = "a list record has no annoId"
			pg.items = append(pg.items, it)
			continue
		}
		it.detail = base + "/rcrt/view.do?annoId=" + id
		p := &jobs.Posting{
			Source:         naverName,
			SourceID:       id,
			URL:            it.detail,
			Title:          cleanLine(asString(m["annoSubject"])),
			Company:        cmp.Or(cleanLine(asString(m["sysCompanyCdNm"])), "NAVER"),
			Status:         jobs.StatusOpen,
			EmploymentType: employmentType(asString(m["empTypeCdNm"])),
			Location:       cleanLine(asString(m["workAreaNm"])),
		}
		if p.Title == "" {
			p.Title = cleanLine(asString(m["jobNm"]))
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("posting %s has no title (annoSubject)", id)
			pg.items = append(pg.items, it)
			continue
		}
		p.Due = naverDate(asString(m["endYmdTime"]), asString(m["endYmd"]))
		switch strings.TrimSpace(asString(m["entTypeCd"])) {
		case "0010", "0030": // 신입, 경력 무관
			p.Career = &jobs.Career{Newbie: true}
		}
		it.stub = p
		pg.items = append(pg.items, it)
	}
	return pg, nil
}

// naverTech is true for the Tech job class, or when the record names no class.
func naverTech(class string) bool {
	c := strings.ToLower(cleanLine(class))
	return c == "" || strings.Contains(c, "tech") || strings.Contains(c, "기술") || strings.Contains(c, "개발")
}

// naverDate reads a deadline given as "2026.07.31 18:00:00" or as "20260731" (the end of
// that day), Korean time; nil for none.
func naverDate(dateTime, ymd string) *time.Time {
	if s := strings.TrimSpace(dateTime); s != "" {
		d, rest, _ := strings.Cut(s, " ")
		d = strings.NewReplacer(".", "-", "/", "-").Replace(strings.TrimRight(d, "."))
		if t := parseDue(strings.TrimSpace(d + " " + rest)); t != nil {
			return farDue(t)
		}
	}
	if s := strings.TrimSpace(ymd); len(s) == 8 {
		if t, err := time.ParseInLocation("20060102", s, kst); err == nil {
			t = t.Add(24*time.Hour - time.Second)
			return farDue(&t)
		}
	}
	return nil
}

// parseNaverDetail reads a posting's page the way every public reader of it does, from its
// HTML: the text is in div.detail_wrap, one div.detail_box per part (h4.detail_title, then
// the part's text); the header's dl.card_info names the team, the experience asked and the
// like (dt, then dd.info_text). A page without that text is read through its JobPosting
// JSON-LD, if it has one. The list's title, company, employment type, deadline and
// experience stand; the page gives the text.
func parseNaverDetail(body []byte, it *listedPosting) (p *jobs.Posting, gone bool, err error) {
	page := readNaverPage(body)
	if page.annoID != "" && it.id != "" && page.annoID != it.id {
		return nil, false, fmt.Errorf("the page is of posting %s, not %s", truncate(cleanLine(page.annoID), 20), it.id)
	}
	if page.text != "" {
		p = it.posting()
		p.Sections.Description = page.text
		if page.info != "" {
			p.Sections.Intro = page.info
		}
		if p.Title == "" {
			p.Title = page.title
		}
		p.Remote = remoteLocation(p.Location)
		p.Raw = joinRaw(it.raw, marshalOrNil(map[string]any{"title": page.title, "info": page.info, "text": page.text}))
		return p, false, nil
	}
	ld, err := parseJobPostingPage(body, it.stub.URL)
	if err != nil {
		why := strings.TrimPrefix(err.Error(), "no JobPosting JSON-LD in page: ")
		return nil, false, fmt.Errorf("no posting text in page: no div.detail_wrap and no JobPosting JSON-LD (%s)", why)
	}
	if !hasText(&ld.Sections) {
		return nil, false, errors.New("the JobPosting has no description")
	}
	p = it.posting()
	p.Sections = ld.Sections
	if p.Location == "" {
		p.Location = ld.Location
	}
	if p.EmploymentType == "" {
		p.EmploymentType = ld.EmploymentType
	}
	if p.Due == nil {
		p.Due = farDue(ld.Due)
	}
	if p.Career == nil {
		p.Career = ld.Career
	}
	p.Remote = ld.Remote || remoteLocation(p.Location)
	p.Raw = joinRaw(it.raw, ld.Raw)
	return p, false, nil
}

// zeroWidth drops the zero-width characters editors leave in text.
var zeroWidth = strings.NewReplacer("\ufeff", "", "\u200b", "", "\u200c", "", "\u200d", "")

// naverPage is what a posting page's HTML says.
type naverPage struct {
	annoID string // input[name=annoId]
	title  string // h4.card_title
	info   string // dl.card_info: "term: value" lines
	text   string // div.detail_wrap: the posting's text
}

// readNaverPage reads a posting page's HTML. The page's markup is written by hand in an
// editor: elements nest wrongly (a <p> inside a <p>) and are left open, so parts are found
// by their classes and bounded by their own tag's depth, and the text stops at <footer>.
func readNaverPage(body []byte) naverPage {
	var pg naverPage
	z := html.NewTokenizer(bytes.NewReader(body))
	var (
		capture   *strings.Builder // the raw HTML of the part being read
		what      string           // "text", "title", "info"
		tag       string           // the part's element name
		depth     int              // open elements of that name inside the part
		infoTerms []string         // dt and dd texts of card_info, in order
		inTerm    int              // 1 in a dt, 2 in a dd
		term      strings.Builder
		text      strings.Builder // the HTML of div.detail_wrap, and of detail_box parts after it
		textSeen  bool
	)
	finish := func() {
		switch what {
		case "text":
			// A stray </div> in a part's markup ends detail_wrap early: the detail_box parts
			// after it are read too.
			text.WriteString(capture.String())
			text.WriteString("\n</div>")
		case "title":
			pg.title = cleanLine(htmlToText(capture.String()))
		}
		capture, what = nil, ""
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if capture != nil {
				finish()
			}
			break
		}
		name, hasAttr := z.TagName()
		el := string(name)
		var class, attrName, value string
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch string(k) {
			case "class":
				class = " " + strings.Join(strings.Fields(string(v)), " ") + " "
			case "name":
				attrName = string(v)
			case "value":
				value = string(v)
			}
		}
		if tt == html.StartTagToken && el == "footer" {
			if capture != nil {
				finish()
			}
			break
		}
		if capture != nil {
			switch {
			case tt == html.StartTagToken && el == tag:
				depth++
			case tt == html.EndTagToken && el == tag:
				depth--
			}
			if depth == 0 {
				finish()
				continue
			}
			capture.Write(z.Raw())
			if what == "info" {
				switch {
				case tt == html.StartTagToken && (el == "dt" || el == "dd"):
					flushTerm(&term, &infoTerms, inTerm)
					inTerm = map[string]int{"dt": 1, "dd": 2}[el]
				case tt == html.EndTagToken && (el == "dt" || el == "dd"):
					flushTerm(&term, &infoTerms, inTerm)
					inTerm = 0
				case tt == html.TextToken && inTerm > 0:
					term.Write(z.Text())
					term.WriteByte(' ')
				}
			}
			continue
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			if el == "input" && attrName == "annoId" && pg.annoID == "" {
				pg.annoID = strings.TrimSpace(value)
			}
		}
		if tt != html.StartTagToken {
			continue
		}
		switch {
		case !textSeen && strings.Contains(class, " detail_wrap "),
			textSeen && el == "div" && strings.Contains(class, " detail_box "):
			what, textSeen = "text", true
		case pg.title == "" && strings.Contains(class, " card_title "):
			what = "title"
		case pg.info == "" && el == "dl" && strings.Contains(class, " card_info "):
			what = "info"
		default:
			continue
		}
		capture, tag, depth = &strings.Builder{}, el, 1
	}
	pg.info = naverInfo(infoTerms)
	// The editor leaves zero-width characters (U+FEFF) at the start of lines.
	pg.text = plainText(zeroWidth.Replace(htmlToText(text.String())))
	return pg
}

// flushTerm ends a dt (kind 1) or dd (kind 2) of card_info: a dd's text is written "\x00"
// first, so that naverInfo can pair it with the term before it.
func flushTerm(b *strings.Builder, terms *[]string, kind int) {
	if kind == 0 {
		b.Reset()
		return
	}
	s := cleanLine(b.String())
	b.Reset()
	if s == "" {
		return
	}
	if kind == 2 {
		s = "\x00" + s
	}
	*terms = append(*terms, s)
}

// naverInfo writes card_info's terms as "term: value" lines.
func naverInfo(terms []string) string {
	var lines []string
	for i := 0; i < len(terms); i++ {
		t := terms[i]
		if strings.HasPrefix(t, "\x00") {
			lines = append(lines, t[1:])
			continue
		}
		if i+1 < len(terms) && strings.HasPrefix(terms[i+1], "\x00") {
			lines = append(lines, t+": "+terms[i+1][1:])
			i++
			continue
		}
		lines = append(lines, t)
	}
	return strings.Join(lines, "\n")
}
