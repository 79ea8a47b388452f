package scraper

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jobs-cli/jobs"
)

func TestParseLeverPostings(t *testing.T) {
	items, records, err := parseLeverPostings(readFixture(t, "lever/postings.json"), "leverdemo", DefaultMaxBodySize)
	if err != nil {
		t.Fatal(err)
	}
	if records != 3 || len(items) != 3 {
		t.Fatalf("records %d items %d", records, len(items))
	}
	type want struct {
		title, location, employment          string
		remote                               bool
		description, requirements, preferred string
		intro                                string // additional: "About us" or an equal-opportunity text
	}
	wants := map[string]want{
		"5f3c2a10-8d4e-4b1a-9c77-1e2f3a4b5c6d": {
			title: "Machine Learning Engineer", location: "Seoul", employment: "regular",
			description:  "We build the models behind search.\n\nYou will own training pipelines end to end.\nTech stack\n• Airflow, BigQuery",
			requirements: "• Python and PyTorch\n• 2+ years of ML in production",
			preferred:    "• Kubernetes\n• Triton or TorchServe",
			intro:        "Stock options\nSlack으로 소통해요",
		},
		"0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f": {
			title: "백엔드 개발자 (신입/경력)", location: "서울 강남구", employment: "regular",
			description:  "주요업무\n• 결제 API 개발",
			requirements: "• Java 또는 Kotlin 사용 경험\n• MySQL 이해",
			preferred:    "• Kafka 운영 경험",
		},
		"aa11bb22-cc33-4d44-8e55-ff6677889900": {
			title: "Data Scientist, Remote", location: "Remote - APAC", employment: "contract", remote: true,
			description:  "Help us measure what matters.",
			requirements: "• SQL\n• Statistics",
			preferred:    "• dbt",
		},
	}
	for _, it := range items {
		p := it.posting
		if p == nil {
			t.Fatalf("%s: %s", it.id, it.problem)
		}
		w, ok := wants[it.id]
		if !ok {
			t.Fatalf("unexpected id %q", it.id)
		}
		got := want{p.Title, p.Location, p.EmploymentType, p.Remote, p.Sections.Description,
			p.Sections.Requirements, p.Sections.Preferred, p.Sections.Intro}
		if got != w {
			t.Errorf("%s:\n got %+v\nwant %+v", it.id, got, w)
		}
		if p.Source != "lever" || p.SourceID != it.id || p.Company != "leverdemo" || p.URL != "https://jobs.lever.co/leverdemo/"+it.id {
			t.Errorf("%s: source %q id %q company %q url %q", it.id, p.Source, p.SourceID, p.Company, p.URL)
		}
		if !it.lastMod.IsZero() {
			t.Errorf("%s: lastMod %v from a record with no updatedAt", it.id, it.lastMod)
		}
	}
}

func TestLeverSection(t *testing.T) {
	tests := []struct {
		heading string
		want    jobs.Section
	}{
		{"Requirements", jobs.SectionRequired},
		{"Requirements:", jobs.SectionRequired},
		{"Minimum Qualifications", jobs.SectionRequired},
		{"Basic qualifications", jobs.SectionRequired},
		{"Must have", jobs.SectionRequired},
		{"자격요건", jobs.SectionRequired},
		{"[필수 자격]", jobs.SectionRequired},
		{"Nice to have", jobs.SectionPreferred},
		{"Nice-to-haves", jobs.SectionPreferred},
		{"Preferred Qualifications", jobs.SectionPreferred},
		{"Bonus points", jobs.SectionPreferred},
		{"우대사항", jobs.SectionPreferred},
		{"우대 요건", jobs.SectionPreferred},
		{"What you'll do", ""},
		{"Tech stack", ""},
		{"About you", jobs.SectionRequired},
		{"Who You Are", jobs.SectionRequired},
		{"What you’ll bring", jobs.SectionRequired},
		{"What You'll Bring to the Team", jobs.SectionRequired},
		{"You have", jobs.SectionRequired},
		{"What we're looking for", jobs.SectionRequired},
		{"What you'll get", ""},
		{"Who we are", ""},
		{"Benefits", ""},
		{"Required reading list for the team", jobs.SectionRequired},
		{"", ""},
	}
	for _, tt := range tests {
		if got := leverSection(tt.heading); got != tt.want {
			t.Errorf("leverSection(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

func TestParseLeverPostingsShapes(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		err      string
		records  int
		problems int
	}{
		{name: "unknown site", body: `{"ok":false,"error":"Document not found"}`, err: "Lever answered: Document not found"},
		{name: "object", body: `{"postings":[]}`, err: "expected a JSON list of postings, got an object"},
		{name: "html", body: "\ufeff <html><body>Lever</body></html>", err: "expected JSON, got HTML"},
		{name: "empty site", body: `[]`},
		{name: "lists as arrays", body: `[{"id":"a-1","text":"SRE","lists":[{"text":"Requirements","content":["Linux","Terraform"]}]}]`, records: 1},
		{name: "no id", body: `[{"text":"SRE"},{"id":"x y","text":"bad id"}]`, records: 2, problems: 2},
		{name: "no title", body: `[{"id":"a-2"}]`, records: 1, problems: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, records, err := parseLeverPostings([]byte(tt.body), "s", DefaultMaxBodySize)
			if !parsedAsWanted(t, err, tt.err) {
				return
			}
			problems := 0
			for _, it := range items {
				if it.posting == nil {
					problems++
				}
			}
			if records != tt.records || problems != tt.problems {
				t.Errorf("records %d problems %d, want %d %d", records, problems, tt.records, tt.problems)
			}
			if tt.name == "lists as arrays" && items[0].posting.Sections.Requirements != "• Linux\n• Terraform" {
				t.Errorf("requirements %q", items[0].posting.Sections.Requirements)
			}
		})
	}
}

// leverSite serves a Lever site of n postings, honouring skip and limit.
type leverSite struct {
	mu          sync.Mutex
	ids         []string
	ignoreSkip  bool
	ignoreLimit bool
}

func leverPosting(id string) map[string]any {
	return map[string]any{
		"id": id, "text": "Engineer " + id, "hostedUrl": "https://jobs.lever.co/s/" + id,
		"categories":       map[string]any{"location": "Seoul", "commitment": "Full-time"},
		"descriptionPlain": "Build things.",
		"lists":            []any{map[string]any{"text": "Requirements", "content": "<li>Go</li>"}},
	}
}

func (l *leverSite) set(ids []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ids = ids
}

func (l *leverSite) serve(w http.ResponseWriter, r *http.Request) {
	l.mu.Lock()
	ids := slices.Clone(l.ids)
	ignoreSkip, ignoreLimit := l.ignoreSkip, l.ignoreLimit
	l.mu.Unlock()
	q := r.URL.Query()
	if q.Get("mode") != "json" {
		http.Error(w, "mode=json expected", http.StatusBadRequest)
		return
	}
	skip, _ := strconv.Atoi(q.Get("skip"))
	limit, _ := strconv.Atoi(q.Get("limit"))
	if ignoreSkip {
		skip = 0
	}
	if ignoreLimit {
		limit = 0
	}
	ids = ids[min(skip, len(ids)):]
	if limit > 0 && limit < len(ids) {
		ids = ids[:limit]
	}
	out := []any{}
	for _, id := range ids {
		out = append(out, leverPosting(id))
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

func leverIDs(n int) []string {
	var ids []string
	for i := range n {
		ids = append(ids, fmt.Sprintf("00000000-0000-4000-8000-%012d", i))
	}
	return ids
}

func TestLeverScrapePaging(t *testing.T) {
	site := boardSite(t)
	demo := &leverSite{}
	demo.set(leverIDs(230))
	site.handle("/v0/postings/demo", demo.serve)
	site.handle("/v0/postings/nosuch", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"ok":false,"error":"Document not found"}`)
	})
	site.handle("/v0/postings/htmlsite", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "<html><body><div class=\"posting\">Engineer</div></body></html>")
	})

	l, err := NewLever(site.url(), []string{"demo", "nosuch", "htmlsite"}, testConfig(&sleeper{}, newClock()))
	if err != nil {
		t.Fatal(err)
	}
	sink := newStoreSink()
	stats, err := l.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	want := jobs.SourceStats{Listed: 230, Fetched: 5, Parsed: 230, Kept: 230, Failed: 2}
	if countsOf(stats) != countsOf(want) {
		t.Errorf("stats %v, want %v", countsOf(stats), countsOf(want))
	}
	n, _ := site.requests()
	for _, skip := range []int{0, 100, 200} {
		if u := fmt.Sprintf("/v0/postings/demo?mode=json&skip=%d&limit=100", skip); n[u] != 1 {
			t.Errorf("%s requested %d times", u, n[u])
		}
	}
	if f := failureFor(stats, "/v0/postings/nosuch?mode=json&skip=0&limit=100"); f == nil || f.Status != 404 ||
		f.Reason != `HTTP 404: lever has no board named "nosuch"` {
		t.Errorf("unknown site failure %+v", f)
	}
	if f := failureFor(stats, "/v0/postings/htmlsite?mode=json&skip=0&limit=100"); f == nil || f.Reason != "expected JSON, got HTML" {
		t.Errorf("HTML site failure %+v", f)
	}
	p := sink.postings["00000000-0000-4000-8000-000000000229"]
	if p == nil || p.Sections.Requirements != "• Go" || p.EmploymentType != "regular" {
		t.Errorf("posting %+v", p)
	}
	if pg := sink.pages["00000000-0000-4000-8000-000000000000"]; pg.URL != site.url()+"/v0/postings/demo?mode=json" {
		t.Errorf("page URL %q", pg.URL)
	}

	// Lever gives no update time: every posting is saved again. Ten postings are gone.
	demo.set(leverIDs(220))
	sink.saves = nil
	stats, err = l.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Kept != 220 || len(sink.saves) != 220 || stats.Closed != 10 || len(sink.gone) != 1 || len(sink.gone[0]) != 10 {
		t.Errorf("run 2: kept %d saves %d closed %d gone %v", stats.Kept, len(sink.saves), stats.Closed, sink.gone)
	}

	// A site that ignores skip repeats its first page: the list is incomplete, nothing closes.
	demo.mu.Lock()
	demo.ignoreSkip = true
	demo.mu.Unlock()
	demo.set(leverIDs(150))
	sink.gone = nil
	stats, err = l.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if f := failureFor(stats, "/v0/postings/demo?mode=json&skip=100&limit=100"); f == nil || !strings.Contains(f.Reason, "ignores skip") {
		t.Errorf("repeat failure %+v", f)
	}
	if len(sink.gone) != 0 || stats.Listed != 100 {
		t.Errorf("an incomplete list closed %v (listed %d)", sink.gone, stats.Listed)
	}

	// A site that ignores the limit sends everything at once: read as the whole list.
	demo.mu.Lock()
	demo.ignoreSkip, demo.ignoreLimit = false, true
	demo.mu.Unlock()
	stats, err = l.Scrape(t.Context(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Listed != 150 || stats.Closed != 70 {
		t.Errorf("unpaged site: listed %d closed %d, want 150 70", stats.Listed, stats.Closed)
	}
}

func TestParseLeverPostingsSanitizesAndLimits(t *testing.T) {
	body := `[{"id":"t-1","text":"\u001b[2J\u001b[31mML Engineer<script>alert(1)</script>","hostedUrl":"javascript:alert(1)",
"descriptionPlain":"Intro\u0007 line\r\nsecond\u202e line",
"lists":[{"text":"Requirements\u001b[0m","content":"<li>Python<script>alert(1)</script></li>"}],
"additionalPlain":"\u009b31mPerks"},
{"id":"t-2","text":"Huge","descriptionPlain":"` + strings.Repeat("Kubernetes ", 1000) + `"}]`
	items, _, err := parseLeverPostings([]byte(body), "s", 4096)
	if err != nil {
		t.Fatal(err)
	}
	p := items[0].posting
	if p == nil {
		t.Fatal(items[0].problem)
	}
	if p.Title != "ML Engineer<script>alert(1)</script>" || p.URL != "" {
		t.Errorf("title %q url %q", p.Title, p.URL)
	}
	if p.Sections.Description != "Intro line\nsecond line" || p.Sections.Requirements != "• Python" || p.Sections.Intro != "Perks" {
		t.Errorf("sections %+v", p.Sections)
	}
	for _, s := range postingTexts(p) {
		if r := firstControl(s); r >= 0 {
			t.Errorf("control character %U in %q", r, s)
		}
	}
	if items[1].posting != nil || items[1].id != "t-2" || items[1].problem != "posting too large (over 4 KiB)" {
		t.Errorf("huge posting: %+v", items[1])
	}
}
