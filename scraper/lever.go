package scraper

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/jobs-cli/jobs"
)

// leverName is the source's name in the store.
const leverName = "lever"

// leverPageSize is how many postings one list request asks for; a longer list is read in
// pages with skip and limit.
const leverPageSize = 100

// maxLeverPages caps the list requests for one site (100 x 100 postings).
const maxLeverPages = 100

// Lever collects the postings of Lever sites through the public postings API:
// GET {base}/v0/postings/{site}?mode=json, in pages of leverPageSize.
type Lever struct {
	boardSource // boards are site names
}

var _ jobs.Source = (*Lever)(nil)

// NewLever makes the Lever source. baseURL is where the API lives (https://api.lever.co, or
// a local server in tests); sites are the site names to read (jobs.lever.co/{site}).
func NewLever(baseURL string, sites []string, cfg Config) (*Lever, error) {
	bs, err := newBoardSource(leverName, "site", baseURL, sites, cfg)
	if err != nil {
		return nil, err
	}
	return &Lever{bs}, nil
}

// Name is "lever".
func (l *Lever) Name() string { return leverName }

// Scrape reads every site's postings into sink. A posting's SourceID is its Lever id.
// Lever gives no update time, so every listed posting is saved on every run.
func (l *Lever) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeBoards(ctx, sink, l.cfg, leverName, l.base, l.boards, l)
}

func (l *Lever) listURL(site string) string {
	return l.baseStr + "/v0/postings/" + url.PathEscape(site) + "?mode=json"
}

func (l *Lever) pageURL(site string, skip int) string {
	return l.listURL(site) + "&skip=" + strconv.Itoa(skip) + "&limit=" + strconv.Itoa(leverPageSize)
}

func (l *Lever) readBoard(ctx context.Context, f *fetcher, site string) boardList {
	var bl boardList
	seen := map[string]bool{}
	for page := 0; ; page++ {
		u := l.pageURL(site, page*leverPageSize)
		if page >= maxLeverPages {
			bl.failures = append(bl.failures, jobs.Failure{URL: u,
				Reason: fmt.Sprintf("more than %d pages of postings; the rest were not read", maxLeverPages)})
			return bl
		}
		r, ok := getList(ctx, f, u, &bl.requests, &bl.failures, func(r *result) jobs.Failure { return listFailure(r, leverName, site) })
		if !ok {
			return bl
		}
		items, records, err := parseLeverPostings(r.body, site, l.cfg.MaxBodySize)
		if err != nil {
			bl.failures = append(bl.failures, jobs.Failure{URL: u, Status: r.status, Reason: err.Error()})
			return bl
		}
		added := 0
		for _, it := range items {
			if it.id != "" {
				if seen[it.id] {
					continue
				}
				seen[it.id] = true
			}
			added++
			bl.items = append(bl.items, it)
		}
		if records != leverPageSize {
			// A short page is the last; a longer one means the server ignored the limit
			// and sent the whole list.
			break
		}
		if added == 0 {
			bl.failures = append(bl.failures, jobs.Failure{URL: u, Status: r.status,
				Reason: "the page repeats postings already read: the site ignores skip, so the list is incomplete"})
			return bl
		}
	}
	bl.complete = true
	return bl
}

// parseLeverPostings reads one page of a Lever site's postings: a JSON array. records is
// the number of records in it. Lever answers an unknown site with {"ok": false, "error":
// ...}, read here as an error.
func parseLeverPostings(body []byte, site string, maxPosting int64) (items []boardItem, records int, err error) {
	b, err := jsonBody(body)
	if err != nil {
		return nil, 0, err
	}
	if b[0] == '{' {
		var e struct {
			OK    *bool  `json:"ok"`
			Error string `json:"error"`
		}
		if json.Unmarshal(b, &e) == nil && e.OK != nil && !*e.OK {
			return nil, 0, fmt.Errorf("Lever answered: %s", cleanLine(truncate(cmp.Or(e.Error, "not ok"), 120)))
		}
		return nil, 0, errors.New("expected a JSON list of postings, got an object")
	}
	var list []json.RawMessage
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, 0, fmt.Errorf("invalid JSON: %s", shortJSONError(err))
	}
	for _, raw := range list {
		items = append(items, leverItem(raw, site, maxPosting))
	}
	return items, len(list), nil
}

// leverItem reads one posting. Its lists are sections: a list whose heading clearly names
// requirements goes to Requirements, one that names preferred points to Preferred; any
// other stays in Description under its heading.
func leverItem(raw json.RawMessage, site string, maxPosting int64) boardItem {
	var it boardItem
	m, problem := jsonRecord(raw, "posting")
	if problem != "" {
		it.problem = problem
		return it
	}
	it.id = tokenID(m["id"])
	it.url = safeURL(asString(m["hostedUrl"]))
	it.lastMod = epochMillis(m["updatedAt"])
	if it.id == "" {
		it.problem = "a posting record has no id"
		return it
	}
	if it.problem = postingTooLarge(raw, maxPosting); it.problem != "" {
		return it
	}
	p := &jobs.Posting{
		Source:   leverName,
		SourceID: it.id,
		URL:      it.url,
		Title:    cleanLine(asString(m["text"])),
		Company:  site,
		Status:   jobs.StatusOpen,
		Raw:      compactJSON(raw),
	}
	if p.Title == "" {
		it.problem = fmt.Sprintf("posting %s has no title (text)", it.id)
		return it
	}
	if c, ok := m["categories"].(map[string]any); ok {
		p.Location = cleanLine(asString(c["location"]))
		if p.Location == "" {
			if all, ok := c["allLocations"].([]any); ok && len(all) > 0 {
				p.Location = cleanLine(asString(all[0]))
			}
		}
		p.EmploymentType = employmentType(asString(c["commitment"]))
	}
	p.Remote = strings.EqualFold(strings.TrimSpace(asString(m["workplaceType"])), "remote") || remoteLocation(p.Location)

	desc := plainText(asString(m["descriptionPlain"]))
	if desc == "" {
		desc = markupText(asString(m["description"]))
	}
	var description, required, preferred []string
	if desc != "" {
		description = append(description, desc)
	}
	lists, _ := m["lists"].([]any)
	for _, e := range lists {
		l, ok := e.(map[string]any)
		if !ok {
			continue
		}
		heading := cleanLine(asString(l["text"]))
		var body string
		switch c := l["content"].(type) {
		case string:
			body = markupText(c)
		case []any: // a list of items rather than HTML
			var lines []string
			for _, x := range c {
				if s := cleanLine(asString(x)); s != "" {
					lines = append(lines, "• "+s)
				}
			}
			body = strings.Join(lines, "\n")
		}
		if body == "" {
			continue
		}
		switch leverSection(heading) {
		case jobs.SectionRequired:
			required = append(required, body)
		case jobs.SectionPreferred:
			preferred = append(preferred, body)
		default:
			if heading != "" {
				body = heading + "\n" + body
			}
			description = append(description, body)
		}
	}
	p.Sections.Description = strings.Join(description, "\n")
	p.Sections.Requirements = strings.Join(required, "\n")
	p.Sections.Preferred = strings.Join(preferred, "\n")
	// additional is, on real boards, an "About us" or an equal-opportunity statement: the
	// company's own words about itself, not benefits.
	p.Sections.Intro = plainText(asString(m["additionalPlain"]))
	if p.Sections.Intro == "" {
		p.Sections.Intro = markupText(asString(m["additional"]))
	}
	it.posting = p
	return it
}

// leverSection is the section a Lever list heading clearly names: required for
// Requirements, Qualifications, 자격요건, Must have, and the headings boards write freely
// for the same list (Who you are, What you'll bring, You have, About you); preferred for Nice
// to have, Preferred, Bonus, 우대사항 (preferred wins: "Preferred qualifications"); "" for
// any other heading.
func leverSection(heading string) jobs.Section {
	h := strings.ToLower(strings.NewReplacer("’", "'", "‘", "'", "`", "'").Replace(heading))
	compact := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, h)
	words := " " + strings.Join(strings.FieldsFunc(h, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}), " ") + " "
	has := func(phrases ...string) bool {
		for _, ph := range phrases {
			if strings.Contains(words, " "+ph+" ") {
				return true
			}
		}
		return false
	}
	switch {
	case strings.Contains(compact, "우대") || has("nice to have", "nice to haves", "preferred", "bonus",
		"bonus points", "plus", "pluses", "good to have", "desirable", "desired", "optional"):
		return jobs.SectionPreferred
	case strings.Contains(compact, "자격") || strings.Contains(compact, "필수") || strings.Contains(compact, "요건") ||
		has("requirements", "requirement", "required", "qualifications", "qualification", "must have",
			"must haves", "minimum", "who you are", "what you'll bring", "what you will bring",
			"what you bring", "you have", "about you", "what we're looking for", "what we are looking for",
			"your profile", "your background", "skills and experience"):
		return jobs.SectionRequired
	}
	return ""
}
