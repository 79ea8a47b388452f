package scraper

import (
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/jobs-cli/jobs"
)

// rememberName is the source's name in the store.
const rememberName = "remember"

// DefaultRememberURL is where Remember's career site (리멤버 커리어) lives.
const DefaultRememberURL = "https://career.rememberapp.co.kr"

// rememberPage is the path of a posting's public page.
var rememberPage = regexp.MustCompile(`^/job/posting/([0-9]{1,12})/?$`)

// Remember collects Remember's postings the way its robots.txt allows (it allows its
// sitemaps and /job/, and disallows the list API /job_postings/): the job sitemap
// (sitemap-jobs.xml) lists the posting pages, and each page embeds its posting in
// __NEXT_DATA__, under the query keyed /job_postings/{id}.
type Remember struct {
	siteSource
}

var _ jobs.Source = (*Remember)(nil)

// NewRemember makes the Remember source. baseURL is where the site lives
// (DefaultRememberURL, or a local server in tests). Without scrape.limit, a run fetches at
// most 300 pages, the most recently changed first.
func NewRemember(baseURL string, cfg Config) (*Remember, error) {
	site, err := newSiteSource(rememberName, baseURL, portalConfig(cfg))
	if err != nil {
		return nil, err
	}
	return &Remember{site}, nil
}

// Name is "remember".
func (r *Remember) Name() string { return rememberName }

// Scrape reads the job sitemap and the new or changed posting pages into sink. A posting's
// SourceID is its number on Remember; its URL its /job/posting/{id} page.
func (r *Remember) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, r.cfg, rememberName, r.base, r)
}

func (r *Remember) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readPortalSitemaps(ctx, f, rememberName, r.base, portalSitemaps{
		index: "/sitemap-jobs.xml",
		pick:  func(name string) bool { return strings.Contains(name, "job") },
		page: func(u *url.URL) string {
			if m := rememberPage.FindStringSubmatch(u.Path); m != nil {
				return m[1]
			}
			return ""
		},
	}, func(id, page string) *jobs.Posting {
		return &jobs.Posting{Source: rememberName, SourceID: id, URL: page, Status: jobs.StatusOpen}
	})
}

func (r *Remember) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseRememberPage(body, it)
}

// rememberTextKeys are the posting's text fields, in the order they are joined.
var rememberTextKeys = []string{"introduction", "description", "content", "responsibilities", "qualifications",
	"preferredQualifications", "benefits", "hiringProcess"}

// parseRememberPage reads a posting page's embedded posting: id, title, status ("published";
// anything else is closed), organization.name, minExperience, maxExperience, endsAt,
// normalizedAddress{level1, level2}, jobCategories[{level1, level2}], and its text. A page
// without the posting is an error: Remember shows every posting it has this way.
func parseRememberPage(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	m := rememberData(body, it.id)
	if m == nil {
		return nil, false, errors.New("the page holds no posting data (__NEXT_DATA__ has no /job_postings/ query)")
	}
	if st := strings.ToLower(strings.TrimSpace(asString(m["status"]))); st != "" && st != "published" {
		return nil, true, nil
	}
	p := it.posting()
	p.Title = cleanLine(asString(m["title"]))
	if org, ok := m["organization"].(map[string]any); ok {
		p.Company = cleanLine(asString(org["name"]))
	}
	if p.Title == "" || p.Company == "" {
		return nil, false, errors.New("the posting names no title or no company")
	}
	if addr, ok := m["normalizedAddress"].(map[string]any); ok {
		p.Location = truncate(strings.TrimSpace(cleanLine(asString(addr["level1"]))+" "+cleanLine(asString(addr["level2"]))), 200)
	}
	p.Due = farDue(parseDue(m["endsAt"]))
	lo, okLo := asInt(m["minExperience"])
	hi, okHi := asInt(m["maxExperience"])
	switch {
	case okLo && lo > 0 && lo < 50:
		c := &jobs.Career{Min: lo}
		if okHi && hi >= lo && hi < 50 {
			c.Max = &hi
		}
		p.Career = c
	case okLo && lo == 0 && okHi && hi == 0:
		p.Career = &jobs.Career{Newbie: true}
	}
	var parts []string
	for _, k := range rememberTextKeys {
		if t := markupText(asString(m[k])); t != "" {
			parts = append(parts, t)
		}
	}
	if len(parts) == 0 {
		parts = rememberLongTexts(m)
	}
	var cats []string
	if list, ok := m["jobCategories"].([]any); ok {
		for _, e := range list {
			if c, ok := e.(map[string]any); ok {
				if name := cleanLine(asString(c["level2"])); name != "" && !slices.Contains(cats, name) {
					cats = append(cats, name)
				}
			}
		}
	}
	if len(cats) > 0 {
		parts = append(parts, "직무: "+strings.Join(cats, ", "))
	}
	p.Sections.Description = strings.Join(parts, "\n\n")
	if len(parts) == 0 {
		return nil, false, errors.New("the posting has no text")
	}
	p.Raw = marshalOrNil(m)
	return p, false, nil
}

// rememberLongTexts is every string field of the posting longer than a line, by key, for a
// posting whose text sits under a key not in rememberTextKeys.
func rememberLongTexts(m map[string]any) []string {
	var keys []string
	for k, v := range m {
		if s, ok := v.(string); ok && len(s) > 80 && k != "title" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []string
	for _, k := range keys {
		if t := markupText(asString(m[k])); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// rememberData finds the posting in __NEXT_DATA__: the dehydrated query whose key names
// /job_postings/{id}, its state.data.data.
func rememberData(body []byte, id string) map[string]any {
	for _, s := range pageScripts(body) {
		if s.id != "__NEXT_DATA__" {
			continue
		}
		var doc struct {
			Props struct {
				PageProps struct {
					DehydratedState struct {
						Queries []struct {
							QueryKey []any `json:"queryKey"`
							State    struct {
								Data struct {
									Data map[string]any `json:"data"`
								} `json:"data"`
							} `json:"state"`
						} `json:"queries"`
					} `json:"dehydratedState"`
				} `json:"pageProps"`
			} `json:"props"`
		}
		dec := json.NewDecoder(strings.NewReader(s.text))
		dec.UseNumber()
		if dec.Decode(&doc) != nil {
			continue
		}
		for _, q := range doc.Props.PageProps.DehydratedState.Queries {
			if len(q.QueryKey) == 0 {
				continue
			}
			key, _ := q.QueryKey[0].(string)
			if !strings.HasPrefix(key, "/job_postings/") || q.State.Data.Data == nil {
				continue
			}
			if got := idString(q.State.Data.Data["id"]); id != "" && got != "" && got != id {
				continue
			}
			return q.State.Data.Data
		}
	}
	return nil
}
