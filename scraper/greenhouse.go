package scraper

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// greenhouseName is the source's name in the store.
const greenhouseName = "greenhouse"

// Greenhouse collects the postings of Greenhouse job boards through the public job board
// API: one GET {base}/v1/boards/{token}/jobs?content=true per board, which lists every
// published posting with its text.
type Greenhouse struct {
	boardSource
}

var _ jobs.Source = (*Greenhouse)(nil)

// NewGreenhouse makes the Greenhouse source. baseURL is where the API lives
// (https://boards-api.greenhouse.io, or a local server in tests); boards are the board
// tokens to read (Coupang's is "coupang").
func NewGreenhouse(baseURL string, boards []string, cfg Config) (*Greenhouse, error) {
	bs, err := newBoardSource(greenhouseName, "board", baseURL, boards, cfg)
	if err != nil {
		return nil, err
	}
	return &Greenhouse{bs}, nil
}

// Name is "greenhouse".
func (g *Greenhouse) Name() string { return greenhouseName }

// Scrape reads every board's list into sink. A posting's SourceID is its Greenhouse job id.
func (g *Greenhouse) Scrape(ctx context.Context, sink jobs.Sink) (jobs.SourceStats, error) {
	return scrapeBoards(ctx, sink, g.cfg, greenhouseName, g.base, g.boards, g)
}

func (g *Greenhouse) listURL(board string) string {
	return g.baseStr + "/v1/boards/" + url.PathEscape(board) + "/jobs?content=true"
}

func (g *Greenhouse) readBoard(ctx context.Context, f *fetcher, board string) boardList {
	return readOneList(ctx, f, g.listURL(board), func(r *result) jobs.Failure { return listFailure(r, greenhouseName, board) },
		func(body []byte) ([]boardItem, string, error) {
			list, err := parseGreenhouseJobs(body, board, g.cfg.MaxBodySize)
			if err != nil {
				return nil, "", err
			}
			if list.total >= 0 && list.total != list.records {
				return list.items, shortList(list.records, list.total), nil
			}
			return list.items, "", nil
		})
}

// greenhouseList is a parsed Greenhouse board list.
type greenhouseList struct {
	items   []boardItem // the listed postings; hidden ones are left out
	records int         // job records in the list, hidden ones included
	total   int         // meta.total; -1 = not given
}

// parseGreenhouseJobs reads a Greenhouse board list, {"jobs": [...], "meta": {"total": N}}.
// It also reads the Greenhouse-shaped records Toss serves from its own API, as
// {"resultType": "SUCCESS", "success": [...]} or grouped as {"success": [{"jobs": [...]}]}. A record larger than
// maxPosting bytes is listed but gives no posting.
func parseGreenhouseJobs(body []byte, board string, maxPosting int64) (*greenhouseList, error) {
	b, err := jsonBody(body)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Jobs       *[]json.RawMessage            `json:"jobs"`
		Meta       *struct{ Total *json.Number } `json:"meta"`
		Success    json.RawMessage               `json:"success"`
		ResultType string                        `json:"resultType"`
	}
	if b[0] != '{' {
		return nil, errors.New("expected a JSON object with a \"jobs\" list, got a JSON array")
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("invalid JSON: %s", shortJSONError(err))
	}
	if rt := cleanLine(doc.ResultType); rt != "" && rt != "SUCCESS" {
		return nil, fmt.Errorf("the answer's resultType is %q, not SUCCESS", truncate(rt, 40))
	}
	var records []json.RawMessage
	switch {
	case doc.Jobs != nil:
		records = *doc.Jobs
	case len(doc.Success) > 0:
		records, err = tossRecords(doc.Success)
		if err != nil {
			return nil, err
		}
	default:
		return nil, errors.New("the answer has no \"jobs\" list")
	}
	list := &greenhouseList{records: len(records), total: -1}
	if doc.Meta != nil && doc.Meta.Total != nil {
		if n, err := doc.Meta.Total.Int64(); err == nil && n >= 0 {
			list.total = int(n)
		}
	}
	for _, raw := range records {
		it, hidden := greenhouseItem(raw, board, maxPosting)
		if !hidden {
			list.items = append(list.items, it)
		}
	}
	return list, nil
}

// tossRecords reads Toss's "success" value: a list of job records, or of groups each with
// a "jobs" list. A job listed in two groups is read once.
func tossRecords(raw json.RawMessage) ([]json.RawMessage, error) {
	var list []json.RawMessage
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, errors.New("the answer's \"success\" value is not a list")
	}
	var out []json.RawMessage
	seen := map[string]bool{}
	for _, e := range list {
		var group struct {
			Jobs *[]json.RawMessage `json:"jobs"`
		}
		if json.Unmarshal(e, &group) != nil || group.Jobs == nil {
			out = append(out, e)
			continue
		}
		for _, j := range *group.Jobs {
			var rec struct {
				ID json.Number `json:"id"`
			}
			if json.Unmarshal(j, &rec) == nil && rec.ID != "" {
				if seen[rec.ID.String()] {
					continue
				}
				seen[rec.ID.String()] = true
			}
			out = append(out, j)
		}
	}
	return out, nil
}

// greenhouseItem reads one job record. hidden is true for a record its board marks as not
// to be shown (Toss's "미노출" field).
func greenhouseItem(raw json.RawMessage, board string, maxPosting int64) (it boardItem, hidden bool) {
	m, problem := jsonRecord(raw, "job")
	if problem != "" {
		it.problem = problem
		return it, false
	}
	meta := greenhouseMetadata(m["metadata"])
	if meta.hidden {
		return it, true
	}
	it.id = tokenID(m["id"])
	it.url = safeURL(asString(m["absolute_url"]))
	it.lastMod = boardTime(m["updated_at"])
	if it.id == "" {
		it.problem = "a job record has no id"
		return it, false
	}
	if it.problem = postingTooLarge(raw, maxPosting); it.problem != "" {
		return it, false
	}
	p := &jobs.Posting{
		Source:   greenhouseName,
		SourceID: it.id,
		URL:      it.url,
		Title:    cleanLine(asString(m["title"])),
		Status:   jobs.StatusOpen,
		Raw:      compactJSON(raw),
	}
	if p.Title == "" {
		it.problem = fmt.Sprintf("job %s has no title", it.id)
		return it, false
	}
	p.Company = cleanLine(meta.company)
	if p.Company == "" {
		p.Company = cleanLine(asString(m["company_name"]))
	}
	if p.Company == "" {
		p.Company = board
	}
	content := asString(m["content"])
	if strings.TrimSpace(content) == "" {
		content = meta.description
	}
	p.Sections.Description = markupText(content)
	switch loc := m["location"].(type) {
	case map[string]any:
		p.Location = cleanLine(asString(loc["name"]))
	case string:
		p.Location = cleanLine(loc)
	}
	p.Remote = remoteLocation(p.Location)
	p.EmploymentType = employmentType(meta.employment)
	if meta.talentPool || talentPoolTitle(p.Title) {
		p.EmploymentType = jobs.EmploymentTalentPool
	}
	p.Due = meta.due
	it.posting = p
	return it, false
}

// greenhouseMeta is what a job's metadata (custom fields) adds. Toss keeps a posting's
// description, its subsidiary, its closing date, a "not to be shown" flag and a "talent pool"
// flag there.
type greenhouseMeta struct {
	description string
	company     string
	employment  string
	due         *time.Time
	hidden      bool
	talentPool  bool // Toss's "인재풀 공고 인가요?" (is this a talent-pool posting?) answered yes
}

// greenhouseMetadata reads metadata: [{"id", "name", "value", "value_type"}, ...].
func greenhouseMetadata(v any) greenhouseMeta {
	var out greenhouseMeta
	list, _ := v.([]any)
	longest := ""
	for _, e := range list {
		f, ok := e.(map[string]any)
		if !ok {
			continue
		}
		name := strings.ToLower(asString(f["name"]))
		value := f["value"]
		s := asString(value)
		switch {
		case strings.Contains(name, "미노출") || strings.Contains(name, "hidden") || strings.Contains(name, "do not show"):
			out.hidden = out.hidden || truthy(value)
		case strings.Contains(name, "인재풀") || strings.Contains(name, "talent pool"):
			out.talentPool = out.talentPool || truthy(value)
		case strings.Contains(name, "description") || strings.Contains(name, "직무 설명") ||
			strings.Contains(name, "직무설명") || strings.Contains(name, "본문"):
			if len(s) > len(out.description) {
				out.description = s
			}
		case strings.Contains(name, "자회사") || strings.Contains(name, "subsidiary") || strings.Contains(name, "계열사"):
			if out.company == "" {
				out.company = s
			}
		case strings.Contains(name, "employment") || strings.Contains(name, "고용 형태") || strings.Contains(name, "고용형태"):
			if out.employment == "" {
				out.employment = s
			}
		case strings.Contains(name, "마감") || strings.Contains(name, "클로징") || strings.Contains(name, "closing") ||
			strings.Contains(name, "deadline"):
			if out.due == nil && strings.TrimSpace(s) != "" {
				out.due = parseDue(s)
			}
		default:
			// A description under a field name not recognised: the longest text that
			// reads like one (several lines, or long).
			if (strings.Contains(s, "\n") || len(s) >= 280) && len(s) > len(longest) {
				longest = s
			}
		}
	}
	if out.description == "" {
		out.description = longest
	}
	return out
}

// talentPoolTitle is true for a title that names a talent pool: "[인재풀] Server Developer",
// "Talent Pool - Engineering".
func talentPoolTitle(title string) bool {
	t := strings.ToLower(title)
	return strings.Contains(t, "인재풀") || strings.Contains(t, "인재 풀") || strings.Contains(t, "talent pool") ||
		strings.Contains(t, "talent-pool")
}
