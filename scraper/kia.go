package scraper

import (
	"context"
	"net/http"
	"strconv"

	"github.com/jobs-cli/jobs"
)

// kiaName is the source's name in the store.
const kiaName = "kia"

// DefaultKiaURL is where Kia's talent site (the Hyundai Motor group's recruiting system,
// under Kia's service code) lives.
const DefaultKiaURL = "https://career.kia.com"

// kiaListPath is the paged list of every open Kia posting (100 a page). Kia's API answers 400
// unless the request carries X-HKMC-TOKEN ("null" when nobody is logged in), as the site's
// pages send it.
const (
	kiaListPath     = "/api/rec/AP-KM-FO-02700"
	kiaListPageSize = 100
)

// Kia collects the postings of Kia (기아) from its talent site: the paged list, then each new
// or changed posting's detail, read as Hyundai Motor's are.
type Kia struct {
	siteSource
}

var _ jobs.Source = (*Kia)(nil)

// NewKia makes the Kia source. baseURL is where the site lives (DefaultKiaURL, or a local
// server in tests).
func NewKia(baseURL string, cfg Config) (*Kia, error) {
	site, err := newSiteSource(kiaName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &Kia{site}, nil
}

// Name is "kia".
func (k *Kia) Name() string { return kiaName }

// Scrape reads the list and the new or changed postings into sink. A posting's SourceID is
// its year, type and number ("2026_N2_41"); its URL is the public applyView.kc page.
func (k *Kia) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, k.cfg, kiaName, k.base, k)
}

func (k *Kia) request(referer string) *request {
	return &request{header: http.Header{
		"Accept":         {"application/json, text/plain, */*"},
		"X-Hkmc-Service": {kiaSite.svc},
		"X-Hkmc-Token":   {"null"},
		"Referer":        {k.baseStr + referer},
	}}
}

func (k *Kia) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readPagedRequests(ctx, f, kiaName, func(n, _ int) (string, *request) {
		return k.baseStr + kiaListPath + "?hgrCd=" + kiaSite.hgr + "&lang=ko&page=" + strconv.Itoa(n+1) +
			"&pageblock=" + strconv.Itoa(kiaListPageSize) +
			"&searchSectorList=&searchSecList=&searchFieldList=&searchOccupList=&searchPlaceList=&searchText=", k.request("/apply/applyList.kc")
	}, func(body []byte) (listPage[listedPosting], error) {
		pg := listPage[listedPosting]{total: -1}
		items, err := parseHKMCList(body, k.baseStr, kiaSite, "list")
		if err != nil {
			return pg, err
		}
		for i := range items {
			items[i].req = k.request("/apply/applyView.kc")
			pg.ids = append(pg.ids, items[i].id)
		}
		pg.items = items
		if data, err := hyundaiData(body); err == nil {
			if n, ok := asInt(data["listCnt"]); ok && n >= 0 {
				pg.total = n
			}
		}
		return pg, nil
	})
}

func (k *Kia) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseHyundaiDetail(body, it)
}
