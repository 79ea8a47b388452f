package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/report"
	"github.com/jobs-cli/jobs/target"
)

var digestKST = time.FixedZone("KST", 9*60*60)

// Titles that carry markup and terminal escapes, as a hostile page might.
const (
	evilTitle   = "<script>alert(1)</script>\x1b[31m레드팀 엔지니어"
	evilCompany = "악성\x1b]0;pwned\x07회사"
	evilSkill   = "<img src=x onerror=alert(2)>"
)

// digestFixture is a database with two runs a day apart, and a config whose profile has
// Python and SQL, hides postings scoring under 0.3 and watches (주)관심회사.
type digestFixture struct {
	cfg, db    string
	now        time.Time
	run1, run2 int64
	run2Start  time.Time
}

func fixturePosting(id, company, title string, required, preferred []string) *jobs.Posting {
	a := &jobs.Analysis{}
	for _, s := range required {
		a.Skills = append(a.Skills, jobs.Requirement{Skill: s, Section: jobs.SectionRequired})
	}
	for _, s := range preferred {
		a.Skills = append(a.Skills, jobs.Requirement{Skill: s, Section: jobs.SectionPreferred})
	}
	return &jobs.Posting{Source: "wanted", SourceID: id, URL: "https://www.wanted.co.kr/wd/" + id,
		Company: company, Title: title, Analysis: a}
}

// newDigestFixture stores, on night 1: A (matches), B (misses Kubernetes, due in 3 days),
// C (closes on night 2), D (closes on night 1), I (watched, scores 0), J (misses a hostile
// skill); on night 2: E (matches), F (watched, scores 0), G (hostile title), H (scores 0).
// Night 1's gaps report is saved as Spark 5, Kubernetes 3; night 2 saved none.
func newDigestFixture(t *testing.T) *digestFixture {
	t.Helper()
	ctx := context.Background()
	dir := isolate(t)
	fx := &digestFixture{
		cfg: writeFile(t, filepath.Join(dir, "config.yaml"), `
profile:
  skills: [Python, SQL]
filters:
  min_score: 0.3
watch:
  companies: ["(주)관심회사"]
`),
		db: filepath.Join(dir, "jobs.db"),
	}
	clock := time.Date(2026, 11, 18, 18, 0, 0, 0, time.UTC) // 03:00 KST, 11-19
	now := func() time.Time { return clock }
	store, err := db.Open(ctx, fx.db, db.WithClock(now))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	fx.now = clock.Add(30 * time.Hour).In(digestKST) // 09:00 KST, 11-20
	put := func(p *jobs.Posting) {
		t.Helper()
		clock = clock.Add(time.Minute)
		if _, _, err := store.UpsertPosting(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	if fx.run1, err = store.StartRun(ctx); err != nil {
		t.Fatal(err)
	}
	a := fixturePosting("A", "한빛랩", "데이터 엔지니어 A", []string{"Python", "SQL"}, nil)
	aDue := fx.now.Add(20 * 24 * time.Hour)
	a.Due = &aDue
	put(a)
	b := fixturePosting("B", "한빛랩", "플랫폼 엔지니어 B", []string{"Python", "Kubernetes"}, nil)
	bDue := fx.now.Add(3 * 24 * time.Hour)
	b.Due = &bDue
	put(b)
	put(fixturePosting("C", "두리", "백엔드 엔지니어 C", []string{"Python"}, nil))
	put(fixturePosting("D", "두리", "분석가 D", []string{"Python"}, nil))
	put(fixturePosting("I", "관심회사 주식회사", "스파크 엔지니어 I", []string{"Spark"}, nil))
	put(fixturePosting("J", "세모", "ML 엔지니어 J", []string{"Python", "SQL", evilSkill}, nil))
	clock = clock.Add(10 * time.Minute)
	must(store.FinishRun(ctx, fx.run1, []jobs.SourceStats{{Source: "wanted", Kept: 6}}))
	must(store.SaveGapSnapshot(ctx, fx.run1, []db.GapCount{{Skill: "Spark", Required: 5}, {Skill: "Kubernetes", Required: 3}}))
	clock = clock.Add(2 * time.Hour)
	must(store.Gone(ctx, "wanted", []string{"D"}))

	clock = time.Date(2026, 11, 19, 18, 0, 0, 0, time.UTC)
	fx.run2Start = clock
	if fx.run2, err = store.StartRun(ctx); err != nil {
		t.Fatal(err)
	}
	put(fixturePosting("E", "네모", "ML 엔지니어 E", []string{"Python", "SQL"}, []string{"Docker"}))
	put(fixturePosting("F", "(주)관심회사", "쿠버네티스 엔지니어 F", []string{"Kubernetes", "Spark"}, nil))
	g := fixturePosting("G", evilCompany, evilTitle, []string{"Python"}, nil)
	g.URL = "javascript:alert(3)"
	put(g)
	put(fixturePosting("H", "세모", "하둡 엔지니어 H", []string{"Spark", "Airflow"}, nil))
	must(store.Gone(ctx, "wanted", []string{"C"}))
	clock = clock.Add(10 * time.Minute)
	must(store.FinishRun(ctx, fx.run2, []jobs.SourceStats{{Source: "wanted", Kept: 4, Closed: 1}}))
	return fx
}

// factory is a Factory on the fixture at its fixed clock.
func (fx *digestFixture) factory(t *testing.T) (*Factory, *bytes.Buffer, *bytes.Buffer) {
	var out, errb bytes.Buffer
	f := newFactory(&IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errb})
	f.Now = func() time.Time { return fx.now }
	f.ConfigFlag, f.DBFlag = fx.cfg, fx.db
	t.Cleanup(f.closeStore)
	return f, &out, &errb
}

func digestTitles(l report.List) []string {
	var out []string
	for _, e := range l.Items {
		out = append(out, e.Title)
	}
	sort.Strings(out)
	return out
}

func TestBuildDigestSections(t *testing.T) {
	clean := safetext.OneLine(evilTitle)
	for _, tc := range []struct {
		name                        string
		since                       string
		newT, watched, closed, dueT []string
		window                      string
		baseline                    bool
	}{
		{
			name: "last run", since: "last-run",
			newT:    []string{"ML 엔지니어 E", clean},
			watched: []string{"쿠버네티스 엔지니어 F"},
			closed:  []string{"백엔드 엔지니어 C"},
			dueT:    []string{"플랫폼 엔지니어 B"},
			window:  "since the last run (started 2026-11-20 03:00)", baseline: true,
		},
		{
			name: "three days", since: "3d",
			newT:    []string{"ML 엔지니어 E", "ML 엔지니어 J", "데이터 엔지니어 A", "플랫폼 엔지니어 B", clean},
			watched: []string{"스파크 엔지니어 I", "쿠버네티스 엔지니어 F"},
			closed:  []string{"백엔드 엔지니어 C", "분석가 D"},
			dueT:    []string{"플랫폼 엔지니어 B"},
			window:  "over the last 3 days",
		},
		{
			name: "an hour", since: "1h",
			dueT:   []string{"플랫폼 엔지니어 B"},
			window: "over the last 1 hour", baseline: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fx := newDigestFixture(t)
			f, _, _ := fx.factory(t)
			dg, err := buildDigest(context.Background(), f, tc.since, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				what string
				got  report.List
				want []string
			}{{"new", dg.New, tc.newT}, {"watched", dg.Watched, tc.watched}, {"closed", dg.Closed, tc.closed}, {"due", dg.Due, tc.dueT}} {
				sort.Strings(c.want)
				if got := digestTitles(c.got); !reflect.DeepEqual(got, c.want) || c.got.Total != len(c.want) {
					t.Errorf("%s: %q (total %d), want %q", c.what, got, c.got.Total, c.want)
				}
			}
			if dg.Window != tc.window {
				t.Errorf("window %q, want %q", dg.Window, tc.window)
			}
			if (dg.Baseline != nil) != tc.baseline {
				t.Errorf("baseline %v, want one: %v", dg.Baseline, tc.baseline)
			}
			// A, B, E, G and J are open and pass min_score.
			if dg.Open != 5 {
				t.Errorf("open %d, want 5", dg.Open)
			}
			if dg.Due.Total == 1 && dg.DueLabel(*dg.Due.Items[0].Due) != "D-3" {
				t.Errorf("B's deadline is %s, want D-3", dg.DueLabel(*dg.Due.Items[0].Due))
			}
		})
	}
}

func TestDigestGapMoves(t *testing.T) {
	fx := newDigestFixture(t)
	f, _, _ := fx.factory(t)
	dg, err := buildDigest(context.Background(), f, "last-run", 0)
	if err != nil {
		t.Fatal(err)
	}
	// Now: the hostile skill and Kubernetes each complete one posting (J, B); Docker is
	// preferred by E. Night 1 said Spark 5, Kubernetes 3.
	type move struct {
		Skill             string
		Rank, Prev, Req   int
		Move, Delta       string
		Unlocks, Preferre int
	}
	var got []move
	for _, g := range dg.Gaps {
		got = append(got, move{g.Skill, g.Rank, g.PrevRank, g.Required, g.Move(), g.Delta(), g.Unlocks, g.Preferred})
	}
	want := []move{
		{evilSkill, 1, 0, 1, "new", "", 1, 0},
		{"Kubernetes", 2, 2, 1, "=", "-2", 1, 0},
		{"Docker", 3, 0, 0, "new", "", 0, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gap moves\n%+v\nwant\n%+v", got, want)
	}
	if len(dg.Dropped) != 1 || dg.Dropped[0].Skill != "Spark" || dg.Dropped[0].Rank != 0 || dg.Dropped[0].DropNote() != "Spark (no longer missing)" {
		t.Errorf("dropped %+v, want Spark no longer missing", dg.Dropped)
	}

	// Night 2 had no report: the digest, a read command, does not write one ('jobs scrape'
	// does, for its own run).
	store, err := f.Store(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	snap, err := store.GapSnapshot(context.Background(), fx.run2)
	if err != nil || snap != nil {
		t.Errorf("night 2's report after a digest: %+v, %v; want none", snap, err)
	}
}

func TestDigestEscapesScrapedText(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   []string // must appear
		never  []string // must not appear
	}{
		{"text",
			[]string{"<script>alert(1)</script>레드팀 엔지니어", "악성회사", evilSkill, "NEW FOR YOU (2)", "CLOSED (1)", "WATCHED COMPANIES (1)"},
			[]string{"\x1b", "\x07", "javascript:", "pwned"}},
		{"markdown",
			[]string{"&lt;script&gt;alert\\(1\\)&lt;/script&gt;레드팀 엔지니어", "악성회사", "&lt;img src=x onerror=alert\\(2\\)&gt;",
				"## New for you (2)", "[ML 엔지니어 E](https://www.wanted.co.kr/wd/E)"},
			[]string{"\x1b", "\x07", "javascript:", "<script", "<img", "pwned"}},
		{"html",
			[]string{"&lt;script&gt;alert(1)&lt;/script&gt;레드팀 엔지니어", "악성회사", "&lt;img src=x onerror=alert(2)&gt;",
				`<a href="https://www.wanted.co.kr/wd/E"`, "<svg", "Content-Security-Policy"},
			[]string{"\x1b", "\x07", "javascript:", "<script", "<img", "pwned", "http://", "src=\"", "url("}},
	} {
		t.Run(tc.format, func(t *testing.T) {
			fx := newDigestFixture(t)
			r := runAt(t, fx.now, false, "--config", fx.cfg, "--db", fx.db, "digest", "--format", tc.format)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.err)
			}
			for _, s := range tc.want {
				if !strings.Contains(r.out, s) {
					t.Errorf("output lacks %q", s)
				}
			}
			for _, s := range tc.never {
				if strings.Contains(r.out, s) {
					t.Errorf("output holds %q", s)
				}
			}
			if r.err != "" {
				t.Errorf("stderr: %q", r.err)
			}
		})
	}
}

func TestDigestCommandLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"bad format", []string{"digest", "--format", "pdf"}, 2, "--format must be text, markdown or html"},
		{"bad window", []string{"digest", "--since", "yesterday-ish"}, 2, "--since"},
		{"negative limit", []string{"digest", "--limit", "-1"}, 2, "--limit"},
		{"an argument", []string{"digest", "now"}, 2, "no arguments"},
		{"unwritable out", []string{"digest", "--out", "/nonexistent-dir/d.txt"}, 1, "cannot write /nonexistent-dir/d.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fx := newDigestFixture(t)
			r := runAt(t, fx.now, false, append([]string{"--config", fx.cfg, "--db", fx.db}, tc.args...)...)
			if r.code != tc.code || !strings.Contains(r.err, tc.err) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.err, tc.code, tc.err)
			}
		})
	}
}

func TestDigestWithoutRuns(t *testing.T) {
	dir := isolate(t)
	at := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	// A mistyped --db is named, never created.
	missing := filepath.Join(dir, "empty.db")
	r := runAt(t, at, false, "--db", missing, "digest")
	if r.code != 1 || !strings.Contains(r.err, "no jobs database at "+missing) {
		t.Errorf("exit %d, %q", r.code, r.err)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("digest created %s", missing)
	}
	// The default database, started by init (the digest only reads) and never scraped into.
	if r := runAt(t, at, false, "init"); r.code != 0 {
		t.Fatalf("init: %d %s", r.code, r.err)
	}
	r = runAt(t, at, false, "digest")
	if r.code != 1 || !strings.Contains(r.err, "no scrape is recorded") || !strings.Contains(r.err, "--since 7d") {
		t.Errorf("exit %d, %q", r.code, r.err)
	}
	r = runAt(t, at, false, "digest", "--since", "7d")
	if r.code != 0 || !strings.Contains(r.out, "Over the last 7 days: 0 new postings for you, 0 closed, 0 deadlines within 7 days") ||
		!strings.Contains(r.out, "No scrape has run yet") {
		t.Errorf("exit %d, %q %q", r.code, r.out, r.err)
	}
}

func TestDigestOutFile(t *testing.T) {
	for _, tc := range []struct {
		file, format string
		starts       string
	}{
		{"d.html", "", "<!DOCTYPE html>"},
		{"d.md", "", "# jobs digest"},
		{"d.txt", "", "jobs digest"},
		{"d.html", "markdown", "# jobs digest"}, // --format wins over the extension
	} {
		fx := newDigestFixture(t)
		out := filepath.Join(t.TempDir(), tc.file)
		args := []string{"--config", fx.cfg, "--db", fx.db, "digest", "--out", out}
		if tc.format != "" {
			args = append(args, "--format", tc.format)
		}
		r := runAt(t, fx.now, false, args...)
		if r.code != 0 || r.out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.out, r.err)
			continue
		}
		data, err := os.ReadFile(out)
		if err != nil || !strings.HasPrefix(string(data), tc.starts) {
			t.Errorf("%s (%s): starts %.40q, %v; want %q", tc.file, tc.format, data, err, tc.starts)
		}
		left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*.tmp"))
		if len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	}
}

func TestDigestPerDayAndScores(t *testing.T) {
	fx := newDigestFixture(t)
	f, _, _ := fx.factory(t)
	dg, err := buildDigest(context.Background(), f, "last-run", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(dg.PerDay) != report.ChartDays {
		t.Fatalf("%d days charted, want %d", len(dg.PerDay), report.ChartDays)
	}
	// Night 1 found six postings on 11-19 (KST), night 2 four on 11-20, the last day.
	last, prev := dg.PerDay[len(dg.PerDay)-1], dg.PerDay[len(dg.PerDay)-2]
	if last.Day.Format("01-02") != "11-20" || last.Count != 4 || prev.Day.Format("01-02") != "11-19" || prev.Count != 6 {
		t.Errorf("last two days %+v %+v", prev, last)
	}
	// Scores: A, E, G 1.0 or 0.8+; B 0.5; J 0.667.
	want := [10]int{5: 1, 6: 1, 8: 1, 9: 2}
	if dg.Scores != want {
		t.Errorf("score bins %v, want %v", dg.Scores, want)
	}
	// The trends chart's data: weekly counts over the chart's weeks, some skill asked for
	// this week (report's tests draw it).
	asked := 0
	if dg.Trends != nil {
		for _, s := range dg.Trends.Skills {
			if s.Now > 0 && len(s.Counts) == report.TrendWeeks {
				asked++
			}
		}
	}
	if dg.Trends == nil || len(dg.Trends.Weeks) != report.TrendWeeks || asked == 0 {
		t.Errorf("trends for the chart: %+v", dg.Trends)
	}
}

// TestDigestHTMLInChromium opens the HTML digest in headless Chromium with every request
// routed to a proxy that records it: the page must render its sections and charts and ask
// the network for nothing. A control page with one remote image shows the proxy sees fetches.
func TestDigestHTMLInChromium(t *testing.T) {
	const chromium = "/usr/bin/chromium"
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("headless Chromium is not at /usr/bin/chromium; install it to run this test (Debian, Ubuntu: apt-get install chromium)")
	}
	var (
		mu       sync.Mutex
		requests []string
	)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.URL.Hostname()
		if host == "" {
			host, _, _ = strings.Cut(r.Host, ":")
		}
		if !chromiumServiceHosts[host] {
			mu.Lock()
			requests = append(requests, r.Method+" "+r.URL.String()+" "+r.Host)
			mu.Unlock()
		}
		http.Error(w, "no network in this test", http.StatusForbidden)
	}))
	defer proxy.Close()

	fx := newDigestFixture(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "digest.html")
	if r := runAt(t, fx.now, false, "--config", fx.cfg, "--db", fx.db, "digest", "--format", "html", "--out", page); r.code != 0 {
		t.Fatalf("digest: exit %d: %s", r.code, r.err)
	}
	control := writeFile(t, filepath.Join(dir, "control.html"),
		`<!DOCTYPE html><html><head><title>control</title></head><body><h1>control</h1><img src="http://digest-control.invalid/pixel.png"></body></html>`)

	for _, tc := range []struct {
		name    string
		file    string
		fetches bool
		want    []string
	}{
		{"control page", control, true, []string{"<h1>control</h1>"}},
		{"digest", page, false, []string{
			"<h1>jobs digest, 2026-11-20 09:00</h1>", ">New for you <", ">Watched companies <", ">Closed <",
			">Deadlines within 7 days <", ">How your top gaps moved<", ">Demand for your top missing skills<",
			">Score distribution<", ">New postings per day<", ">Skills in demand, week by week<", "<svg", "<rect",
			"&lt;script&gt;alert(1)&lt;/script&gt;레드팀 엔지니어", "ML 엔지니어 E",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mu.Lock()
			requests = nil
			mu.Unlock()
			dom := chromiumDOM(t, chromium, proxy.Listener.Addr().String(), tc.file)
			for _, s := range tc.want {
				if !strings.Contains(dom, s) {
					t.Errorf("rendered page lacks %q", s)
				}
			}
			if strings.Contains(dom, "<script") {
				t.Errorf("rendered page holds a script element")
			}
			mu.Lock()
			got := append([]string(nil), requests...)
			mu.Unlock()
			if tc.fetches && len(got) == 0 {
				t.Errorf("the proxy saw no request from a page with a remote image: the check is blind")
			}
			if !tc.fetches && len(got) > 0 {
				t.Errorf("the page made network requests: %v", got)
			}
		})
	}
}

// chromiumServiceHosts are the browser's own services, which it calls whatever page it
// shows (component updates, sign-in, network time) even with background networking off. A
// page's fetch goes anywhere else: fonts.googleapis.com, for one, is not listed.
var chromiumServiceHosts = map[string]bool{
	"update.googleapis.com":                   true,
	"accounts.google.com":                     true,
	"clients2.google.com":                     true,
	"clientservices.googleapis.com":           true,
	"content-autofill.googleapis.com":         true,
	"optimizationguide-pa.googleapis.com":     true,
	"safebrowsingohttpgateway.googleapis.com": true,
	"redirector.gvt1.com":                     true,
}

// chromiumDOM loads file in headless Chromium behind proxy and returns the DOM once loaded.
func chromiumDOM(t *testing.T, chromium, proxy, file string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, chromium,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--disable-default-apps", "--disable-client-side-phishing-detection",
		"--disable-domain-reliability", "--no-pings", "--safebrowsing-disable-auto-update",
		"--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,AutofillServerCommunication",
		"--user-data-dir="+t.TempDir(), "--proxy-server=http://"+proxy, "--proxy-bypass-list=<-loopback>",
		"--dump-dom", "file://"+file)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, errb.String())
	}
	return out.String()
}

// The digest reads and scores the postings once, with targets (whose trends count postings
// closed since) or without.
func TestDigestReadsThePostingsOnce(t *testing.T) {
	for _, targets := range []string{"", "targets:\n  roles: [엔지니어]\n"} {
		fx := newDigestFixture(t)
		if targets != "" {
			data, err := os.ReadFile(fx.cfg)
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, fx.cfg, string(data)+targets)
		}
		reads := 0
		f, _, _ := fx.factory(t)
		f.wrapPostings = func(s target.Store) target.Store { return countingStore{s, &reads} }
		dg, err := buildDigest(context.Background(), f, "last-run", 0)
		if err != nil {
			t.Fatal(err)
		}
		if reads != 1 || dg.Open == 0 || dg.Trends == nil || len(dg.Trends.Skills) == 0 {
			t.Errorf("targets %q: %d reads of the postings (want 1), %d open, trends %+v", targets, reads, dg.Open, dg.Trends)
		}
	}
}

// countingStore counts the reads of the postings made through it.
type countingStore struct {
	target.Store
	reads *int
}

func (s countingStore) ListPostingsEach(ctx context.Context, f jobs.Filter, each func(*jobs.Posting)) ([]*jobs.Posting, error) {
	*s.reads++
	return s.Store.ListPostingsEach(ctx, f, each)
}
