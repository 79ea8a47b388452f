package replay

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"strings"
	"time"
)

// postingsJSON is the replay site's content: Wanted-shaped postings written for this project
// (every company is fictional).
//
//go:embed postings.json
var postingsJSON []byte

// Category is a posting's Wanted category tags by id: the job group (518 개발, 507
// 경영·비즈니스, ...) and the job kinds under it (872 서버 개발자, 1634 머신러닝 엔지니어, ...).
type Category struct {
	Parent   int   `json:"parent"`
	Children []int `json:"children"`
}

// Posting is one posting of the replay site, in the shape of the project's Wanted fixtures
// (shared/fixtures/wanted/postings.json) plus the few fields a posting page also shows.
type Posting struct {
	ID              int64    `json:"id"`
	Company         string   `json:"company"`
	CompanyID       int64    `json:"company_id,omitempty"`    // 0 = derived from the company name
	IndustryName    string   `json:"industry_name,omitempty"` // "" = "IT, 컨텐츠"
	Position        string   `json:"position"`
	Intro           string   `json:"intro"`
	MainTasks       string   `json:"main_tasks"`
	Requirements    string   `json:"requirements"`
	PreferredPoints string   `json:"preferred_points"`
	Benefits        string   `json:"benefits"`
	HireRounds      string   `json:"hire_rounds"`
	DueTime         *string  `json:"due_time"`               // nil = 상시 (rolling); else a date or date-time
	ConfirmTime     string   `json:"confirm_time,omitempty"` // when the posting was published; "" = unknown
	Status          string   `json:"status"`                 // "active" or "close"
	AnnualFrom      int      `json:"annual_from"`            // years of experience asked, at least
	AnnualTo        int      `json:"annual_to"`              // at most; 100 = no upper bound
	IsNewbie        bool     `json:"is_newbie"`
	IsExpert        bool     `json:"is_expert,omitempty"`
	Category        Category `json:"category"`
	Location        string   `json:"location"` // "서울 강남구 테헤란로 427": city, district, street
	EmploymentType  string   `json:"employment_type"`
	IsRemoteWork    bool     `json:"is_remote_work,omitempty"`
}

// Status values of a posting.
const (
	StatusActive = "active"
	StatusClose  = "close"
)

// Open reports whether the posting is taking applications: only open postings are listed in
// the sitemaps and have a page.
func (p Posting) Open() bool { return p.Status == StatusActive }

// categoryNames names the Wanted category tags the replay site knows (job groups and the job
// kinds of 개발).
var categoryNames = map[int]string{
	518: "개발", 507: "경영·비즈니스", 511: "디자인", 523: "마케팅·광고", 959: "게임 제작",
	872: "서버 개발자", 669: "프론트엔드 개발자", 873: "웹 개발자", 660: "자바 개발자",
	899: "파이썬 개발자", 1634: "머신러닝 엔지니어", 1024: "데이터 사이언티스트",
	655: "데이터 엔지니어", 1025: "빅데이터 엔지니어", 674: "DevOps / 시스템 관리자",
	677: "안드로이드 개발자", 678: "iOS 개발자", 10110: "소프트웨어 엔지니어",
}

// categoryName returns the name of a category tag, or a neutral one for an unknown id.
func categoryName(id int) string {
	if name, ok := categoryNames[id]; ok {
		return name
	}
	return fmt.Sprintf("카테고리 %d", id)
}

// employmentTypes are the employment types Wanted uses.
var employmentTypes = map[string]bool{"regular": true, "contract": true, "intern": true, "freelance": true}

// Load returns the replay site's embedded postings, checked.
func Load() ([]Posting, error) {
	ps, err := parsePostings(postingsJSON)
	if err != nil {
		return nil, fmt.Errorf("the embedded replay postings (internal/replay/postings.json) are invalid: %w", err)
	}
	return ps, nil
}

// Reopened returns copies of postings in which every closed posting is open again: the site
// as it stood before those postings closed. Serving it first and the postings themselves
// second shows a posting closing between two runs.
func Reopened(postings []Posting) []Posting {
	out := make([]Posting, len(postings))
	for i, p := range postings {
		p.Category.Children = append([]int(nil), p.Category.Children...)
		if !p.Open() {
			p.Status = StatusActive
		}
		out[i] = p
	}
	return out
}

// parsePostings decodes and checks a postings file: a JSON array of postings with known
// fields, unique positive ids, known statuses, categories and employment types, and dates
// that parse.
func parsePostings(data []byte) ([]Posting, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var ps []Posting
	if err := dec.Decode(&ps); err != nil {
		return nil, fmt.Errorf("not a JSON array of postings: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("text after the JSON array")
	}
	if len(ps) == 0 {
		return nil, errors.New("no postings")
	}
	seen := make(map[int64]bool, len(ps))
	for i, p := range ps {
		if err := checkPosting(p); err != nil {
			return nil, fmt.Errorf("posting %d (id %d): %v", i+1, p.ID, err)
		}
		if seen[p.ID] {
			return nil, fmt.Errorf("posting %d: id %d is used twice", i+1, p.ID)
		}
		seen[p.ID] = true
	}
	return ps, nil
}

func checkPosting(p Posting) error {
	switch {
	case p.ID <= 0:
		return errors.New("id must be a positive number")
	case strings.TrimSpace(p.Company) == "":
		return errors.New("company is empty")
	case strings.TrimSpace(p.Position) == "":
		return errors.New("position is empty")
	case strings.TrimSpace(p.Requirements) == "":
		return errors.New("requirements is empty")
	case p.Status != StatusActive && p.Status != StatusClose:
		return fmt.Errorf("status %q is neither %q nor %q", p.Status, StatusActive, StatusClose)
	case !employmentTypes[p.EmploymentType]:
		return fmt.Errorf("employment_type %q is not regular, contract, intern or freelance", p.EmploymentType)
	case p.AnnualFrom < 0 || p.AnnualTo < p.AnnualFrom || p.AnnualTo > 100:
		return fmt.Errorf("annual_from %d and annual_to %d are not a range within 0..100", p.AnnualFrom, p.AnnualTo)
	case p.IsNewbie && p.AnnualFrom != 0:
		return fmt.Errorf("is_newbie with annual_from %d (a 신입 posting starts at 0)", p.AnnualFrom)
	case len(strings.Fields(p.Location)) == 0:
		return errors.New("location is empty")
	}
	if _, ok := categoryNames[p.Category.Parent]; !ok {
		return fmt.Errorf("category parent %d is not a known Wanted category", p.Category.Parent)
	}
	for _, c := range p.Category.Children {
		if _, ok := categoryNames[c]; !ok {
			return fmt.Errorf("category child %d is not a known Wanted category", c)
		}
	}
	if p.DueTime != nil {
		if _, err := parseTime(*p.DueTime); err != nil {
			return fmt.Errorf("due_time: %v", err)
		}
	}
	if p.ConfirmTime != "" {
		if _, err := parseTime(p.ConfirmTime); err != nil {
			return fmt.Errorf("confirm_time: %v", err)
		}
	}
	return nil
}

// kst is Korea Standard Time, the zone of Wanted's dates that carry none.
var kst = time.FixedZone("KST", 9*60*60)

// parseTime reads a date or date-time as Wanted writes it; one without a zone is in KST.
func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, kst); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (2006-01-02) or a date-time (2006-01-02T15:04:05)", s)
}

// companyID is the posting's company id, derived from the company name when the file gives
// none, so that one company keeps one id.
func (p Posting) companyID() int64 {
	if p.CompanyID > 0 {
		return p.CompanyID
	}
	h := fnv.New32a()
	h.Write([]byte(p.Company))
	return 10000 + int64(h.Sum32()%90000)
}

// industry is the posting's industry name, with Wanted's most common one as the default.
func (p Posting) industry() string {
	if p.IndustryName != "" {
		return p.IndustryName
	}
	return "IT, 컨텐츠"
}

// address splits the location into Wanted's address fields: the first word is the city or
// province, the second the district, the whole the full location.
func (p Posting) address() (location, district, full string) {
	words := strings.Fields(p.Location)
	if len(words) > 0 {
		location = words[0]
	}
	if len(words) > 1 {
		district = words[1]
	}
	return location, district, strings.Join(words, " ")
}
