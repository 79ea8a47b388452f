package scraper

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	nethtml "golang.org/x/net/html"

	"github.com/jobs-cli/jobs"
)

// cjName is the source's name in the store.
const cjName = "cj"

// DefaultCJURL is where CJ's group career site lives.
const DefaultCJURL = "https://recruit.cj.net"

// cjCompany is the affiliate whose postings the source reads: CJ올리브네트웍스 (E10, business
// unit E10BU), CJ's IT company, the one code public readers have verified.
const (
	cjCompany      = "E10"
	cjBusinessUnit = "E10BU"
	cjListPath     = "/recruit/ko/common/common/jobListInfo.fo"
	cjDetailPath   = "/recruit/ko/recruit/recruit/bestDetail.fo"
	cjPageSize     = 100
)

// CJ collects the postings of CJ올리브네트웍스 from CJ's group career site: the list its own
// pages load (a JSONP answer, list([...])), then each new or changed posting's page.
type CJ struct {
	siteSource
}

var _ jobs.Source = (*CJ)(nil)

// NewCJ makes the CJ source. baseURL is where the site lives (DefaultCJURL, or a local server
// in tests).
func NewCJ(baseURL string, cfg Config) (*CJ, error) {
	site, err := newSiteSource(cjName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &CJ{site}, nil
}

// Name is "cj".
func (c *CJ) Name() string { return cjName }

// Scrape reads the list and the new or changed postings into sink. A posting's SourceID is
// its ZZ_JO_NUM ("J20260616038263"); its URL its bestDetail.fo page.
func (c *CJ) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, c.cfg, cjName, c.base, c)
}

func (c *CJ) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readPaged(ctx, f, cjName, func(n, _ int) string {
		return c.baseStr + cjListPath + "?COMPANY=" + cjCompany + "&BUSINESS_UNIT=" + cjBusinessUnit +
			"&ZZ_TARGET_1=Z&ROWNO=" + strconv.Itoa(cjPageSize) + "&PAGENO=" + strconv.Itoa(n+1) +
			"&TOTAL_COUNT=1&ZZ_TITLE=&callback=list"
	}, func(body []byte) (listPage[listedPosting], error) { return parseCJList(body, c.baseStr) })
}

func (c *CJ) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseCJDetail(body, it)
}

// parseCJList reads one page of the JSONP list, list([...]): each record has ZZ_JO_NUM,
// ZZ_TITLE, ZZ_TARGET_1 (A 신입, B 경력, as public readers map it), ZZ_STR_DT, ZZ_END_DT, and
// RNUM, ACTIVE_CNT and TOTAL_COUNT; a record whose RNUM is past ACTIVE_CNT is closed.
func parseCJList(body []byte, base string) (listPage[listedPosting], error) {
	pg := listPage[listedPosting]{total: -1}
	b := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if i := bytes.IndexByte(b, '('); i >= 0 && i < 64 && bytes.HasSuffix(bytes.TrimRight(b, "; \n"), []byte(")")) {
		b = bytes.TrimRight(b, "; \n")
		b = b[i+1 : len(b)-1]
	}
	b, err := jsonBody(b)
	if err != nil {
		return pg, err
	}
	if b[0] != '[' {
		return pg, errors.New("expected a JSON list of postings (list([...]))")
	}
	var list []json.RawMessage
	if err := decodeJSON(b, &list); err != nil {
		return pg, fmt.Errorf("invalid JSON: %s", shortJSONError(err))
	}
	for _, raw := range list {
		m, problem := jsonRecord(raw, "posting")
		if problem != "" {
			pg.ids = append(pg.ids, "")
			pg.items = append(pg.items, listedPosting{problem: problem})
			continue
		}
		id := tokenID(m["ZZ_JO_NUM"])
		pg.ids = append(pg.ids, id)
		if n, ok := asInt(m["TOTAL_COUNT"]); ok && n >= 0 {
			pg.total = n
		}
		rnum, okR := asInt(m["RNUM"])
		active, okA := asInt(m["ACTIVE_CNT"])
		if okR && okA && rnum > active {
			continue // closed
		}
		it := listedPosting{id: id, raw: compactJSON(raw)}
		if id == "" {
			it.problem = "a posting has no ZZ_JO_NUM"
			pg.items = append(pg.items, it)
			continue
		}
		it.detail = base + cjDetailPath + "?zz_jo_num=" + url.QueryEscape(id)
		p := &jobs.Posting{
			Source:   cjName,
			SourceID: id,
			URL:      it.detail,
			Company:  "CJ올리브네트웍스",
			Title:    cleanLine(asString(m["ZZ_TITLE"])),
			Status:   jobs.StatusOpen,
			Due:      farDue(parseDue(m["ZZ_END_DT"])),
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("posting %s has no title (ZZ_TITLE)", id)
			pg.items = append(pg.items, it)
			continue
		}
		switch strings.TrimSpace(asString(m["ZZ_TARGET_1"])) {
		case "A":
			p.Career = &jobs.Career{Newbie: true}
		}
		if strings.Contains(p.Title, "[계약]") {
			p.EmploymentType = "contract"
		} else if strings.Contains(p.Title, "[인턴]") {
			p.EmploymentType = "intern"
		}
		it.stub = p
		pg.items = append(pg.items, it)
	}
	return pg, nil
}

// parseCJDetail reads a posting's page: the text of its detail content (the first element
// whose class names it a detail, without the page's header, navigation, footer and
// scripts). The page's markup was not saved by any public reader; the reader takes the text
// whole, with its headings, and the sections are found in it.
func parseCJDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	doc, err := parseHTMLTree(body)
	if err != nil {
		return nil, false, fmt.Errorf("unreadable HTML: %v", err)
	}
	for _, n := range findAll(doc, func(n *nethtml.Node) bool {
		switch n.Data {
		case "header", "footer", "nav", "script", "style", "noscript":
			return true
		}
		return false
	}) {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	content := findFirst(doc, func(n *nethtml.Node) bool {
		for _, c := range strings.Fields(attr(n, "class")) {
			if strings.Contains(strings.ToLower(c), "detail") {
				return true
			}
		}
		return false
	})
	if content == nil {
		content = findFirst(doc, func(n *nethtml.Node) bool { return n.Data == "main" })
	}
	text := nodeText(content)
	if len([]rune(text)) < 40 {
		return nil, false, errors.New("the page has no posting text (no detail content)")
	}
	p := it.posting()
	p.Sections.Description = text
	p.Raw = it.raw
	return p, false, nil
}
