package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// skName is the source's name in the store.
const skName = "sk"

// DefaultSKURL is where SK's group career site lives.
const DefaultSKURL = "https://www.skcareers.com"

// skListPath lists every affiliate's open postings in answer to a POST of the search form
// (the same form the site's Jobs page sends, nothing filtered); a JSON body gets no answer.
const (
	skListPath = "/Recruit/GetRecruitList"
	skListForm = "sort=2&searchText=&corpCode=&jobRole=0&recruitType=&workingType=&workingRegion="
)

// SK collects the postings of every SK affiliate (SK hynix, SK telecom, ...) from the
// group's career site: one list of every open posting, then each new or changed posting's
// page, /Recruit/Detail/{noticeID}, which the server renders whole.
type SK struct {
	siteSource
}

var _ jobs.Source = (*SK)(nil)

// NewSK makes the SK source. baseURL is where the site lives (DefaultSKURL, or a local
// server in tests).
func NewSK(baseURL string, cfg Config) (*SK, error) {
	site, err := newSiteSource(skName, baseURL, cfg)
	if err != nil {
		return nil, err
	}
	return &SK{site}, nil
}

// Name is "sk".
func (s *SK) Name() string { return skName }

// Scrape reads the list and the new or changed postings into sink. A posting's SourceID is
// its noticeID ("R261752"), its URL its page.
func (s *SK) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeDetails(ctx, sink, s.cfg, skName, s.base, s)
}

func (s *SK) readList(ctx context.Context, f *fetcher) pagedList[listedPosting] {
	return readPostingList(ctx, f, skName, s.baseStr+skListPath, postForm(skListForm),
		func(body []byte) ([]listedPosting, string, error) { return parseSKList(body, s.baseStr) })
}

func (s *SK) readDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	return parseSKDetail(body, it)
}

// parseSKList reads the list, {"success": true, "totalCount": N, "list": [...]}. base is
// where the posting pages live. incomplete says why the list is not whole (it holds fewer
// postings than totalCount says): a stored posting missing from it is then not closed.
func parseSKList(body []byte, base string) (items []listedPosting, incomplete string, err error) {
	doc, err := jsonObject(body, ` with a "list"`)
	if err != nil {
		return nil, "", err
	}
	if ok, given := asBool(doc["success"]); given && !ok {
		return nil, "", errors.New("the answer says it did not succeed (success: false)")
	}
	list, err := listField(doc, "list", "list")
	if err != nil {
		return nil, "", err
	}
	if n, ok := asInt(doc["totalCount"]); ok && n > len(list) {
		incomplete = shortList(len(list), n)
	}
	var out []listedPosting
	for _, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			out = append(out, listedPosting{problem: "a list record is not a JSON object"})
			continue
		}
		it := listedPosting{id: tokenID(m["noticeID"]), raw: marshalOrNil(m)}
		if it.id == "" {
			it.problem = "a list record has no noticeID"
			out = append(out, it)
			continue
		}
		it.detail = base + "/Recruit/Detail/" + url.PathEscape(it.id)
		p := &jobs.Posting{
			Source:   skName,
			SourceID: it.id,
			URL:      it.detail,
			Company:  cleanLine(asString(m["corpName"])),
			Title:    cleanLine(asString(m["title"])),
			Status:   jobs.StatusOpen,
			Location: cleanLine(asString(m["workingArea"])),
		}
		if p.Company == "" {
			p.Company = "SK"
		}
		if p.Title == "" {
			it.problem = fmt.Sprintf("posting %s has no title", it.id)
			out = append(out, it)
			continue
		}
		switch strings.ToLower(cleanLine(asString(m["recruitType"]))) {
		case "new":
			p.Career = &jobs.Career{Newbie: true}
		case "intern":
			p.Career = &jobs.Career{Newbie: true}
			p.EmploymentType = "intern"
		}
		if et := employmentType(asString(m["workingType"])); et != "" && p.EmploymentType == "" {
			p.EmploymentType = et
		}
		p.Due = skDate(asString(m["end"]))
		it.stub = p
		out = append(out, it)
	}
	return out, incomplete, nil
}

// skWeekday is the "(Tue)" after a date; skDate reads "August 25, 2026(Tue)" as the end of
// that day in Korea.
var skWeekday = regexp.MustCompile(`\s*\([^)]*\)\s*$`)

func skDate(s string) *time.Time {
	s = skWeekday.ReplaceAllString(strings.TrimSpace(s), "")
	for _, layout := range []string{"January 2, 2006", "Jan 2, 2006", "2006.01.02", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, kst); err == nil {
			t = t.Add(24*time.Hour - time.Second)
			return farDue(&t)
		}
	}
	return nil
}

// parseSKDetail reads a posting's page: its sections are the labelled columns
// (div.item-column: strong.item-label and div.item-field) of the detail content; the
// floating box names the title, the company and the application period. A page without the
// title box is not a posting's page (the site shows its list when a posting is gone).
func parseSKDetail(body []byte, it *listedPosting) (*jobs.Posting, bool, error) {
	doc, err := parseHTMLTree(body)
	if err != nil {
		return nil, false, fmt.Errorf("unreadable HTML: %v", err)
	}
	box := findFirst(doc, byClass("", "floating-box"))
	title := cleanLine(nodeText(findFirst(box, byClass("h2", "box-title"))))
	columns := findAll(doc, byClass("div", "item-column"))
	if title == "" && len(columns) == 0 {
		return nil, true, nil
	}
	p := it.posting()
	if title != "" {
		p.Title = title
	}
	for _, item := range findAll(doc, byClass("div", "box-detail-item")) {
		label := cleanLine(nodeText(findFirst(item, byClass("div", "label"))))
		value := cleanLine(nodeText(findFirst(item, byClass("div", "value"))))
		switch {
		case value == "":
		case label == "회사" || strings.EqualFold(label, "company"):
			p.Company = value
		case strings.Contains(label, "기간") || strings.EqualFold(label, "period"):
			if _, end, ok := strings.Cut(value, "~"); ok {
				if d := skDate(end); d != nil {
					p.Due = d
				}
			}
		}
	}
	s := &p.Sections
	var other []string
	for _, col := range columns {
		label := cleanLine(nodeText(findFirst(col, byClass("strong", "item-label"))))
		text := nodeText(findFirst(col, byClass("div", "item-field")))
		if text == "" {
			continue
		}
		switch {
		case strings.Contains(label, "우대"):
			s.Preferred = joinText(s.Preferred, text)
		case strings.Contains(label, "자격") || strings.Contains(label, "요건"):
			s.Requirements = joinText(s.Requirements, text)
		case strings.Contains(label, "업무") || strings.Contains(label, "직무") || strings.Contains(label, "역할"):
			s.MainTasks = joinText(s.MainTasks, text)
		case strings.Contains(label, "전형"):
			s.HireRounds = joinText(s.HireRounds, text)
		case strings.Contains(label, "근무지"):
			p.Location = truncate(cleanLine(strings.TrimPrefix(text, "• ")), 200)
		default:
			other = append(other, strings.TrimSpace(label+"\n"+text))
		}
	}
	s.Description = strings.Join(other, "\n\n")
	if s.MainTasks == "" && s.Requirements == "" && s.Preferred == "" {
		return nil, false, errors.New("the page has no posting text (no 업무, 자격 or 우대 column)")
	}
	p.Raw = it.raw
	return p, false, nil
}

// joinText adds a block of text after another, a blank line between.
func joinText(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n\n" + b
}
