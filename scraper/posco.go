package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/jobs-cli/jobs"
)

// poscoName is the source's name in the store.
const poscoName = "posco"

// DefaultPOSCOURL is where POSCO group's career site lives.
const DefaultPOSCOURL = "https://recruit.posco.com"

// poscoListPath is the JSON list the site's pages load (with the header AJAX: true, as they
// send it); 100 postings a page.
const (
	poscoListPath = "/h22a01-recruit/H22A1000/list"
	poscoPageSize = 100
)

// POSCO collects the postings of the POSCO group's affiliates (POSCO DX, 포스코이앤씨, ...)
// from its career site's list. The list gives each posting's title, affiliate, field, grade
// and end date; its text is on a page public readers do not read, so a POSCO posting carries
// the field and grade as its text, enough to watch the group's openings.
type POSCO struct {
	siteSource
}

var _ jobs.Source = (*POSCO)(nil)

// NewPOSCO makes the POSCO source. baseURL is where the site lives (DefaultPOSCOURL, or a
// local server in tests).
func NewPOSCO(baseURL string, cfg Config) (*POSCO, error) {
	site, err := newSiteSource(poscoName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &POSCO{site}, nil
}

// Name is "posco".
func (p *POSCO) Name() string { return poscoName }

// Scrape reads the list into sink. A posting's SourceID is its notice id; its URL the
// public H22A1001.html?id= page.
func (p *POSCO) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeBoards(ctx, sink, p.cfg, poscoName, p.base, []string{"POSCO"}, p)
}

func (p *POSCO) listURL(string) string { return p.baseStr + poscoListPath }

func (p *POSCO) readBoard(ctx context.Context, f *fetcher, _ string) boardList {
	pl := readPagedRequests(ctx, f, poscoName, func(n, _ int) (string, *request) {
		q := "?rowCount=" + strconv.Itoa(poscoPageSize) + "&pageSize=10&currPage=" + strconv.Itoa(n+1) +
			"&offset=" + strconv.Itoa(n*poscoPageSize) + "&SEARCH_TYPE=&SEARCH_ORDER=s1&SEARCH_KEYWORD="
		return p.baseStr + poscoListPath + q, &request{header: http.Header{"Ajax": {"true"}, "Accept": {"application/json"}}}
	}, func(body []byte) (listPage[boardItem], error) {
		return parsePOSCOList(body, p.baseStr, p.cfg.MaxBodySize)
	})
	return boardList{items: pl.items, complete: pl.complete, failures: pl.failures, requests: pl.requests}
}

// parsePOSCOList reads one page: {"summary": [{"TOT_CNT": N}], "recuList": [...]}, each record
// with HR_AFTC_MRG_ADOP_NTIC_ID (id), HR_AFTC_MRG_ADOP_NTIC_SUJX (title), COMPANY_NAME,
// RECU_FIELD, HR_ADOP_CDDT_ELCN_GRD_NM (grade) and END_ACTIVE_DATE.
func parsePOSCOList(body []byte, base string, maxPosting int64) (listPage[boardItem], error) {
	pg := listPage[boardItem]{total: -1}
	doc, err := jsonObject(body, ` with "recuList"`)
	if err != nil {
		return pg, err
	}
	list, ok := doc["recuList"].([]any)
	if !ok {
		return pg, errors.New("the answer has no \"recuList\" list")
	}
	if sum, ok := doc["summary"].([]any); ok && len(sum) > 0 {
		if m, ok := sum[0].(map[string]any); ok {
			if n, ok := asInt(m["TOT_CNT"]); ok && n >= 0 {
				pg.total = n
			}
		}
	}
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			pg.ids = append(pg.ids, "")
			pg.items = append(pg.items, boardItem{problem: "a list record is not a JSON object"})
			continue
		}
		id := tokenID(m["HR_AFTC_MRG_ADOP_NTIC_ID"])
		pg.ids = append(pg.ids, id)
		it := boardItem{id: id}
		if id == "" {
			it.problem = "a list record has no notice id"
			pg.items = append(pg.items, it)
			continue
		}
		it.url = base + "/h22a01-front/H22A1001.html?id=" + url.QueryEscape(id)
		raw := marshalOrNil(m)
		if it.problem = postingTooLarge(raw, maxPosting); it.problem != "" {
			pg.items = append(pg.items, it)
			continue
		}
		p := &jobs.Posting{
			Source:   poscoName,
			SourceID: id,
			URL:      it.url,
			Company:  cleanLine(asString(m["COMPANY_NAME"])),
			Title:    cleanLine(asString(m["HR_AFTC_MRG_ADOP_NTIC_SUJX"])),
			Status:   jobs.StatusOpen,
			Raw:      raw,
		}
		if p.Company == "" {
			p.Company = "포스코"
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("posting %s has no title", id)
			pg.items = append(pg.items, it)
			continue
		}
		p.Due = farDue(naverDate(asString(m["END_ACTIVE_DATE"]), strings.ReplaceAll(asString(m["END_ACTIVE_DATE"]), "-", "")))
		var lines []string
		if f := cleanLine(asString(m["RECU_FIELD"])); f != "" {
			lines = append(lines, "모집분야: "+f)
		}
		if g := cleanLine(asString(m["HR_ADOP_CDDT_ELCN_GRD_NM"])); g != "" {
			lines = append(lines, "구분: "+g)
			if strings.Contains(g, "신입") {
				p.Career = &jobs.Career{Newbie: true}
			}
		}
		p.Sections.Description = strings.Join(lines, "\n")
		if p.Sections.Description == "" {
			p.Sections.Description = p.Title
		}
		it.posting = p
		pg.items = append(pg.items, it)
	}
	return pg, nil
}
