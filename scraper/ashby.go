package scraper

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/jobs-cli/jobs"
)

// ashbyName is the source's name in the store.
const ashbyName = "ashby"

// Ashby collects the postings of Ashby job boards through the public posting API: one
// GET {base}/posting-api/job-board/{board}?includeCompensation=true per board.
type Ashby struct {
	boardSource
}

var _ jobs.Source = (*Ashby)(nil)

// NewAshby makes the Ashby source. baseURL is where the API lives (https://api.ashbyhq.com,
// or a local server in tests); boards are the job board names (jobs.ashbyhq.com/{board}).
func NewAshby(baseURL string, boards []string, cfg Config) (*Ashby, error) {
	bs, err := newBoardSource(ashbyName, "board", baseURL, boards, cfg)
	if err != nil {
		return nil, err
	}
	return &Ashby{bs}, nil
}

// Name is "ashby".
func (a *Ashby) Name() string { return ashbyName }

// Scrape reads every board into sink. A posting's SourceID is its Ashby id; unlisted
// postings (isListed false) are left out. Ashby gives no update time, so every listed
// posting is saved on every run.
func (a *Ashby) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeBoards(ctx, sink, a.cfg, ashbyName, a.base, a.boards, a)
}

func (a *Ashby) listURL(board string) string {
	return a.baseStr + "/posting-api/job-board/" + url.PathEscape(board) + "?includeCompensation=true"
}

func (a *Ashby) readBoard(ctx context.Context, f *fetcher, board string) boardList {
	return readOneList(ctx, f, a.listURL(board), func(r *result) jobs.Failure { return listFailure(r, ashbyName, board) },
		func(body []byte) ([]boardItem, string, error) {
			items, err := parseAshbyJobs(body, board, a.cfg.MaxBodySize)
			return items, "", err
		})
}

// parseAshbyJobs reads an Ashby job board, {"jobs": [...], "apiVersion": "1"}, leaving out
// the postings with isListed false.
func parseAshbyJobs(body []byte, board string, maxPosting int64) ([]boardItem, error) {
	b, err := jsonBody(body)
	if err != nil {
		return nil, err
	}
	if b[0] != '{' {
		return nil, errors.New("expected a JSON object with a \"jobs\" list, got a JSON array")
	}
	var doc struct {
		Jobs *[]json.RawMessage `json:"jobs"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("invalid JSON: %s", shortJSONError(err))
	}
	if doc.Jobs == nil {
		return nil, errors.New("the answer has no \"jobs\" list")
	}
	var items []boardItem
	for _, raw := range *doc.Jobs {
		if it, listed := ashbyItem(raw, board, maxPosting); listed {
			items = append(items, it)
		}
	}
	return items, nil
}

// ashbyItem reads one job; listed is false for a job its board does not list.
func ashbyItem(raw json.RawMessage, board string, maxPosting int64) (it boardItem, listed bool) {
	m, problem := jsonRecord(raw, "job")
	if problem != "" {
		it.problem = problem
		return it, true
	}
	if l, ok := asBool(m["isListed"]); ok && !l {
		return it, false
	}
	it.id = tokenID(m["id"])
	it.url = safeURL(asString(m["jobUrl"]))
	it.lastMod = boardTime(m["updatedAt"])
	if it.id == "" {
		it.problem = "a job record has no id"
		return it, true
	}
	if it.problem = postingTooLarge(raw, maxPosting); it.problem != "" {
		return it, true
	}
	p := &jobs.Posting{
		Source:         ashbyName,
		SourceID:       it.id,
		URL:            it.url,
		Title:          cleanLine(asString(m["title"])),
		Company:        board,
		Status:         jobs.StatusOpen,
		EmploymentType: employmentType(asString(m["employmentType"])),
		Raw:            compactJSON(raw),
	}
	if p.Title == "" {
		it.problem = fmt.Sprintf("job %s has no title", it.id)
		return it, true
	}
	switch loc := m["location"].(type) {
	case string:
		p.Location = cleanLine(loc)
	case map[string]any:
		p.Location = cleanLine(asString(loc["name"]))
	}
	remote, _ := asBool(m["isRemote"])
	p.Remote = remote || strings.EqualFold(strings.TrimSpace(asString(m["workplaceType"])), "remote")
	p.Sections.Description = markupText(asString(m["descriptionHtml"]))
	if p.Sections.Description == "" {
		p.Sections.Description = plainText(asString(m["descriptionPlain"]))
	}
	if c, ok := m["compensation"].(map[string]any); ok {
		summary := cleanLine(asString(c["compensationTierSummary"]))
		if summary == "" {
			summary = cleanLine(asString(c["scrapeableCompensationSalarySummary"]))
		}
		if summary != "" {
			p.Sections.Benefits = "Compensation: " + summary
		}
	}
	it.posting = p
	return it, true
}
