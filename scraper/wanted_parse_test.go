package scraper

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/safetext"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "wanted", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func intPtr(n int) *int { return &n }

func TestParseWantedPage(t *testing.T) {
	due := func(s string) *time.Time {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return &tm
	}
	tests := []struct {
		file string
		want jobs.Posting
		// rawKey is a key the Raw payload must hold; descContains lines of the description
		rawKey       string
		descContains []string
	}{
		{
			file: "normal.html",
			want: jobs.Posting{
				Source: "wanted", SourceID: "3200101", URL: "https://www.wanted.co.kr/wd/3200101",
				Company: "주식회사 한빛추천랩", Title: "머신러닝 엔지니어 (추천 시스템)", Status: jobs.StatusOpen,
				Sections: jobs.Sections{
					Intro:        "한빛추천랩은 쇼핑 추천 모델을 만듭니다.\n매일 5천만 건의 클릭 로그를 다룹니다.",
					MainTasks:    "• 추천 모델 학습 파이프라인 개발\n• PyTorch 모델 서빙",
					Requirements: "• Python 3년 이상 실무 경험\n• SQL 활용 능력\n• 머신러닝 기초 지식",
					Preferred:    "• Kubernetes 운영 경험\n• Airflow 사용 경험",
					Benefits:     "• 맥북 지급\n• Slack으로 소통",
					HireRounds:   "서류 → 과제 → 면접",
				},
				Categories:     []int{518, 1634, 899},
				EmploymentType: "regular",
				Location:       "서울 강남구 테헤란로 1",
				Due:            due("2026-12-31T23:59:59+09:00"),
				Career:         &jobs.Career{Min: 3, Max: intPtr(7)},
			},
			rawKey: "category_tag",
		},
		{
			file: "jsonld_only.html",
			want: jobs.Posting{
				Source: "wanted", SourceID: "3200102", URL: "https://www.wanted.co.kr/wd/3200102",
				Company: "Orbit Analytics Inc.", Title: "Data Scientist", Status: jobs.StatusOpen,
				EmploymentType: "contract", Location: "서울 강남구 테헤란로 1",
				Due: due("2026-11-30T23:59:59+09:00"),
			},
			rawKey: "hiringOrganization",
			descContains: []string{
				"한빛추천랩은 쇼핑 추천 모델을 만듭니다.", "주요업무", "• 추천 모델 학습", "자격요건",
				"• Python 3년 이상", "우대사항", "• Kubernetes 운영 경험", "문의: 채용팀",
			},
		},
		{
			file: "badnext_ld.html",
			want: jobs.Posting{
				Source: "wanted", SourceID: "3200103", URL: "https://www.wanted.co.kr/wd/3200103",
				Company: "주식회사 한빛추천랩", Title: "백엔드 엔지니어 (Go)", Status: jobs.StatusOpen,
				EmploymentType: "regular", Location: "서울 강남구 테헤란로 1",
			},
			rawKey:       "@type",
			descContains: []string{"자격요건", "• Go 2년 이상"},
		},
		{
			file: "script_noid.html",
			want: jobs.Posting{
				Source: "wanted", SourceID: "3200104", URL: "https://www.wanted.co.kr/wd/3200104",
				Company: "주식회사 한빛추천랩", Title: "데이터 엔지니어", Status: jobs.StatusOpen,
				Sections: jobs.Sections{
					Intro:        "한빛추천랩은 쇼핑 추천 모델을 만듭니다.\n매일 5천만 건의 클릭 로그를 다룹니다.",
					MainTasks:    "• 추천 모델 학습 파이프라인 개발\n• PyTorch 모델 서빙",
					Requirements: "• Python 3년 이상 실무 경험\n• SQL 활용 능력\n• 머신러닝 기초 지식",
					Preferred:    "• Kubernetes 운영 경험\n• Airflow 사용 경험",
					Benefits:     "• 맥북 지급\n• Slack으로 소통",
					HireRounds:   "서류 → 과제 → 면접",
				},
				Categories:     []int{518, 655, 1025},
				EmploymentType: "regular", Location: "경기 성남시", Remote: true,
				Due:    due("2026-11-20T18:00:00+09:00"),
				Career: &jobs.Career{Min: 2},
			},
			rawKey: "category_tags",
		},
		{
			file: "closed.html",
			want: jobs.Posting{
				Source: "wanted", SourceID: "3200105", URL: "https://www.wanted.co.kr/wd/3200105",
				Company: "주식회사 한빛추천랩", Title: "머신러닝 엔지니어 (추천 시스템)", Status: jobs.StatusClosed,
				Sections: jobs.Sections{
					Intro:        "한빛추천랩은 쇼핑 추천 모델을 만듭니다.\n매일 5천만 건의 클릭 로그를 다룹니다.",
					MainTasks:    "• 추천 모델 학습 파이프라인 개발\n• PyTorch 모델 서빙",
					Requirements: "• Python 3년 이상 실무 경험\n• SQL 활용 능력\n• 머신러닝 기초 지식",
					Preferred:    "• Kubernetes 운영 경험\n• Airflow 사용 경험",
					Benefits:     "• 맥북 지급\n• Slack으로 소통",
					HireRounds:   "서류 → 과제 → 면접",
				},
				Categories:     []int{518, 1634, 899},
				EmploymentType: "regular", Location: "서울 강남구 테헤란로 1",
				Due:    due("2026-09-30T23:59:59+09:00"),
				Career: &jobs.Career{Min: 3, Max: intPtr(7)},
			},
			rawKey: "status",
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			want := tc.want
			got, err := ParseWantedPage(readTestdata(t, tc.file), want.URL)
			if err != nil {
				t.Fatalf("ParseWantedPage: %v", err)
			}
			if got.Source != want.Source || got.SourceID != want.SourceID || got.URL != want.URL ||
				got.Company != want.Company || got.Title != want.Title || got.Status != want.Status ||
				got.EmploymentType != want.EmploymentType || got.Location != want.Location ||
				got.Remote != want.Remote {
				t.Errorf("scalars:\n got %+v\nwant %+v", got, want)
			}
			if tc.descContains == nil && got.Sections != want.Sections {
				t.Errorf("sections:\n got %#v\nwant %#v", got.Sections, want.Sections)
			}
			for _, line := range tc.descContains {
				if !slices.Contains(strings.Split(got.Sections.Description, "\n"), line) {
					t.Errorf("description has no line %q:\n%s", line, got.Sections.Description)
				}
			}
			if strings.Contains(got.Sections.Description, "alert") {
				t.Errorf("script content leaked into the description:\n%s", got.Sections.Description)
			}
			if !slices.Equal(got.Categories, want.Categories) {
				t.Errorf("categories = %v, want %v", got.Categories, want.Categories)
			}
			switch {
			case (got.Due == nil) != (want.Due == nil):
				t.Errorf("due = %v, want %v", got.Due, want.Due)
			case got.Due != nil && !got.Due.Equal(*want.Due):
				t.Errorf("due = %v, want %v", got.Due, want.Due)
			}
			if !careerEqual(got.Career, want.Career) {
				t.Errorf("career = %s, want %s", careerString(got.Career), careerString(want.Career))
			}
			var raw map[string]json.RawMessage
			if err := json.Unmarshal(got.Raw, &raw); err != nil {
				t.Fatalf("raw is not a JSON object: %v", err)
			}
			if _, ok := raw[tc.rawKey]; !ok {
				t.Errorf("raw has no %q: %s", tc.rawKey, got.Raw)
			}
			if strings.ContainsAny(string(got.Raw), "\n\t") {
				t.Errorf("raw is not compact")
			}
		})
	}
}

func careerEqual(a, b *jobs.Career) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Min != b.Min || a.Newbie != b.Newbie || (a.Max == nil) != (b.Max == nil) {
		return false
	}
	return a.Max == nil || *a.Max == *b.Max
}

func careerString(c *jobs.Career) string {
	b, _ := json.Marshal(c)
	return string(b)
}

func TestParseWantedPageSanitizesText(t *testing.T) {
	p, err := ParseWantedPage(readTestdata(t, "ansi.html"), "https://www.wanted.co.kr/wd/3200106")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		field, got, want string
	}{
		{"title", p.Title, "ML 엔지니어<script>alert(1)</script>"},
		{"requirements", p.Sections.Requirements, "• Python 경험\n• <script>alert(1)</script>SQL 능력"},
		{"company", p.Company, "주식회사 한빛추천랩"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s = %q, want %q", tc.field, tc.got, tc.want)
		}
	}
	for _, s := range postingTexts(p) {
		if bad := firstControl(s); bad >= 0 {
			t.Errorf("control character %U left in %q", bad, s)
		}
	}
}

// postingTexts lists every text field of a posting.
func postingTexts(p *jobs.Posting) []string {
	s := p.Sections
	return []string{p.SourceID, p.Title, p.Company, p.Location, p.EmploymentType, p.URL,
		s.Intro, s.MainTasks, s.Requirements, s.Preferred, s.Benefits, s.HireRounds, s.Description}
}

// firstControl is the first character safetext.Clean would drop, or -1.
func firstControl(s string) rune {
	for _, r := range s {
		if !safetext.IsPlain(string(r)) {
			return r
		}
	}
	return -1
}

func TestParseWantedPageNoData(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string // parts of the error
	}{
		{"next.js page without initialData", string(readTestdata(t, "nodata.html")),
			[]string{"no posting data in page", "no props.pageProps.initialData", "no JobPosting in JSON-LD"}},
		{"empty", "", []string{"no posting data in page", "no __NEXT_DATA__ script", "no JSON-LD JobPosting"}},
		{"invalid next data, no JSON-LD",
			`<html><script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"initialData":{"id":1,"posi</script></html>`,
			[]string{"no posting data in page: invalid __NEXT_DATA__ JSON"}},
		{"invalid JSON-LD",
			`<html><script type="application/ld+json">{"@type":"JobPosting","title":</script></html>`,
			[]string{"invalid JSON-LD"}},
		{"initialData that is not a posting",
			`<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"initialData":{"banner":"x"}}}}</script>`,
			[]string{"no position and no company"}},
		{"JobPosting without a title",
			`<script type="application/ld+json">{"@type":"JobPosting","description":"<p>x</p>"}</script>`,
			[]string{"JobPosting has no title"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseWantedPage([]byte(tc.body), "https://www.wanted.co.kr/wd/1")
			if err == nil {
				t.Fatalf("got posting %+v, want an error", p)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

// A Wanted page's JSON-LD is read as career pages' is: wrapped in an HTML comment, it is
// still read.
func TestParseWantedPageCommentedJSONLD(t *testing.T) {
	body := `<script type="application/ld+json"><!--
{"@type":"JobPosting","title":"Data Engineer","hiringOrganization":{"name":"원티드랩"},"identifier":{"value":"314"}}
--></script>`
	p, err := ParseWantedPage([]byte(body), "https://www.wanted.co.kr/wd/314")
	if err != nil || p.Title != "Data Engineer" || p.Company != "원티드랩" || p.SourceID != "314" {
		t.Fatalf("got %+v, %v", p, err)
	}
}

func TestParseWantedPageDefensive(t *testing.T) {
	wrap := func(initialData string) []byte {
		return []byte(`<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"initialData":` +
			initialData + `}}}</script>`)
	}
	tests := []struct {
		name  string
		data  string
		check func(t *testing.T, p *jobs.Posting)
	}{
		{"missing fields", `{"position":"Backend"}`, func(t *testing.T, p *jobs.Posting) {
			if p.SourceID != "77" || p.Status != jobs.StatusOpen || p.Career != nil || p.Due != nil || p.Categories != nil {
				t.Errorf("got %+v", p)
			}
		}},
		{"wrong types", `{"id":{"x":1},"position":"Backend","company":["a"],"career":"3년","category_tag":[1],"due_time":true,"address":7}`,
			func(t *testing.T, p *jobs.Posting) {
				if p.SourceID != "77" || p.Company != "" || p.Career != nil || p.Due != nil || p.Location != "" {
					t.Errorf("got %+v", p)
				}
			}},
		{"annual_to 100 is no max, newbie", `{"id":"77","position":"x","career":{"annual_from":0,"annual_to":100,"is_newbie":true}}`,
			func(t *testing.T, p *jobs.Posting) {
				if !careerEqual(p.Career, &jobs.Career{Min: 0, Newbie: true}) {
					t.Errorf("career = %s", careerString(p.Career))
				}
			}},
		{"float id and string years", `{"id":77.0,"position":"x","career":{"annual_from":"1","annual_to":"3"}}`,
			func(t *testing.T, p *jobs.Posting) {
				if p.SourceID != "77" || !careerEqual(p.Career, &jobs.Career{Min: 1, Max: intPtr(3)}) {
					t.Errorf("id %q career %s", p.SourceID, careerString(p.Career))
				}
			}},
		{"status close", `{"id":77,"position":"x","status":"close"}`, func(t *testing.T, p *jobs.Posting) {
			if p.Status != jobs.StatusClosed {
				t.Errorf("status = %s", p.Status)
			}
		}},
		{"location from parts", `{"id":77,"position":"x","address":{"location":"서울","district":"마포구","full_location":""}}`,
			func(t *testing.T, p *jobs.Posting) {
				if p.Location != "서울 마포구" {
					t.Errorf("location = %q", p.Location)
				}
			}},
		{"due date-time without seconds and zone", `{"id":77,"position":"x","due_time":"2026-12-01 18:00"}`,
			func(t *testing.T, p *jobs.Posting) {
				want := time.Date(2026, 12, 1, 18, 0, 0, 0, kst)
				if p.Due == nil || !p.Due.Equal(want) {
					t.Errorf("due = %v, want %v", p.Due, want)
				}
			}},
		{"duplicate categories", `{"id":77,"position":"x","category_tag":{"parent_tag":{"id":"518"},"child_tags":[{"id":518},{"id":"872"},{"id":-1}]}}`,
			func(t *testing.T, p *jobs.Posting) {
				if !slices.Equal(p.Categories, []int{518, 872}) {
					t.Errorf("categories = %v", p.Categories)
				}
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseWantedPage(wrap(tc.data), "https://www.wanted.co.kr/wd/77")
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, p)
		})
	}
}

func FuzzParseWantedPage(f *testing.F) {
	for _, name := range []string{"normal.html", "jsonld_only.html", "badnext_ld.html", "script_noid.html", "ansi.html", "nodata.html"} {
		f.Add(readTestdata(f, name))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := ParseWantedPage(body, "https://www.wanted.co.kr/wd/42")
		if err != nil {
			if p != nil {
				t.Fatal("a posting and an error")
			}
			if !strings.HasPrefix(err.Error(), "no posting data in page") {
				t.Fatalf("error %q", err)
			}
			return
		}
		if p.Title == "" || p.SourceID == "" || p.Source != "wanted" {
			t.Fatalf("incomplete posting %+v", p)
		}
		if p.Status != jobs.StatusOpen && p.Status != jobs.StatusClosed {
			t.Fatalf("status %q", p.Status)
		}
		for _, s := range postingTexts(p) {
			if r := firstControl(s); r >= 0 {
				t.Fatalf("control character %U in %q", r, s)
			}
		}
		if p.Career != nil && (p.Career.Min < 0 || (p.Career.Max != nil && *p.Career.Max < p.Career.Min)) {
			t.Fatalf("career %+v", p.Career)
		}
		if len(p.Raw) > 0 && !json.Valid(p.Raw) {
			t.Fatalf("raw is not JSON: %q", p.Raw)
		}
	})
}
