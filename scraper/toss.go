package scraper

import (
	"bytes"
	"context"

	"github.com/jobs-cli/jobs"
)

// tossName is the source's name in the store.
const tossName = "toss"

// tossJobsPath is the path of Toss's public list of postings: Greenhouse-shaped records,
// {"resultType": "SUCCESS", "success": [...]}, each with its description in metadata.
const tossJobsPath = "/api/v3/ipd-eggnog/career/jobs"

// DefaultTossURL is where Toss's career API lives.
const DefaultTossURL = "https://api-public.toss.im"

// Toss collects the postings of Toss and its subsidiaries (토스뱅크, 토스증권, ...) from the
// list its career site reads: one request for every posting with its text.
type Toss struct {
	siteSource
}

var _ jobs.Source = (*Toss)(nil)

// NewToss makes the Toss source. baseURL is where the API lives (DefaultTossURL, or a local
// server in tests).
func NewToss(baseURL string, cfg Config) (*Toss, error) {
	site, err := newSiteSource(tossName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &Toss{site}, nil
}

// Name is "toss".
func (s *Toss) Name() string { return tossName }

// Scrape reads the list into sink. A posting's SourceID is its Greenhouse job id; its
// company is the subsidiary the posting names, else 토스. Postings marked not to be shown
// (미노출) are left out; talent-pool postings (인재풀 공고 인가요? yes) are kept with the
// employment type jobs.EmploymentTalentPool, which targets leave out unless asked.
func (s *Toss) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeBoards(ctx, sink, s.cfg, tossName, s.base, []string{"토스"}, s)
}

func (s *Toss) listURL(string) string { return s.baseStr + tossJobsPath }

func (s *Toss) readBoard(ctx context.Context, f *fetcher, company string) boardList {
	return readOneList(ctx, f, s.listURL(company), func(r *result) jobs.Failure { return r.failure(tossName) },
		func(body []byte) ([]boardItem, string, error) {
			list, err := parseGreenhouseJobs(tossEnvelope(body), company, s.cfg.MaxBodySize)
			if err != nil {
				return nil, "", err
			}
			for i := range list.items {
				if p := list.items[i].posting; p != nil {
					p.Source = tossName
				}
			}
			return list.items, "", nil
		})
}

// tossEnvelope puts a list answered as a bare JSON array (as the API answered in 2021) into
// the envelope it answers with now, {"success": [...]}.
func tossEnvelope(body []byte) []byte {
	b := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	if len(b) == 0 || b[0] != '[' {
		return body
	}
	out := make([]byte, 0, len(b)+len(`{"success":}`))
	out = append(out, `{"success":`...)
	out = append(out, b...)
	return append(out, '}')
}
