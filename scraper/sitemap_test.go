package scraper

import (
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseTimeFlexible(t *testing.T) {
	utc := time.UTC
	tests := []struct {
		in       string
		want     time.Time
		dateOnly bool
	}{
		{"2026-11-01T09:00:00+09:00", time.Date(2026, 11, 1, 0, 0, 0, 0, utc), false},
		{"2026-11-01T09:00:00.123Z", time.Date(2026, 11, 1, 9, 0, 0, 123e6, utc), false},
		{"2026-11-01T09:00+09:00", time.Date(2026, 11, 1, 0, 0, 0, 0, utc), false},
		{"2026-11-01T09:00Z", time.Date(2026, 11, 1, 9, 0, 0, 0, utc), false},
		{"2026-11-01T09:00:00+0900", time.Date(2026, 11, 1, 0, 0, 0, 0, utc), false},
		{"2026-11-01T09:00:00", time.Date(2026, 11, 1, 0, 0, 0, 0, utc), false}, // no zone: KST
		{"2026-11-01T09:00", time.Date(2026, 11, 1, 0, 0, 0, 0, utc), false},
		{"2026-11-01 09:00:00", time.Date(2026, 11, 1, 0, 0, 0, 0, utc), false},
		{"2026-11-01", time.Date(2026, 10, 31, 15, 0, 0, 0, utc), true},
		{"2021-2-8", time.Date(2021, 2, 7, 15, 0, 0, 0, utc), true},
		{" 2026-11-01 ", time.Date(2026, 10, 31, 15, 0, 0, 0, utc), true},
	}
	for _, tc := range tests {
		got, dateOnly, err := parseTimeFlexible(tc.in, kst)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if !got.Equal(tc.want) || dateOnly != tc.dateOnly {
			t.Errorf("%q = %v (date only %v), want %v (%v)", tc.in, got.UTC(), dateOnly, tc.want, tc.dateOnly)
		}
	}
	for _, bad := range []string{"", "yesterday", "2026-13-01", "01/11/2026", "2026-11-01T25:00"} {
		if got, _, err := parseTimeFlexible(bad, kst); err == nil {
			t.Errorf("%q = %v, want an error", bad, got)
		}
	}
}

func TestParseSitemap(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		index   bool
		want    []sitemapEntry
		wantErr string
	}{
		{
			name: "index",
			body: `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://www.wanted.co.kr/sitemap_kr_job_1.xml</loc><lastmod>2026-11-01</lastmod></sitemap>
  <sitemap><loc> https://www.wanted.co.kr/sitemap_kr_company_1.xml </loc></sitemap>
</sitemapindex>`,
			index: true,
			want: []sitemapEntry{
				{Loc: "https://www.wanted.co.kr/sitemap_kr_job_1.xml", LastMod: time.Date(2026, 11, 1, 0, 0, 0, 0, kst)},
				{Loc: "https://www.wanted.co.kr/sitemap_kr_company_1.xml"},
			},
		},
		{
			name: "urlset with lastmod forms",
			body: `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<url><loc>https://www.wanted.co.kr/wd/1</loc><lastmod>2026-11-01T09:00+09:00</lastmod><changefreq>daily</changefreq></url>
<url><loc>https://www.wanted.co.kr/wd/2</loc><lastmod>2026-11-01T09:00:00Z</lastmod></url>
<url><loc>https://www.wanted.co.kr/wd/3</loc></url>
<url><loc>https://www.wanted.co.kr/wd/4</loc><lastmod>soon</lastmod></url>
<url><loc></loc></url>
</urlset>`,
			want: []sitemapEntry{
				{Loc: "https://www.wanted.co.kr/wd/1", LastMod: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
				{Loc: "https://www.wanted.co.kr/wd/2", LastMod: time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)},
				{Loc: "https://www.wanted.co.kr/wd/3"},
				{Loc: "https://www.wanted.co.kr/wd/4"},
			},
		},
		{
			name: "no namespace, EUC-KR declared",
			body: `<?xml version="1.0" encoding="EUC-KR"?><urlset><url><loc>https://www.wanted.co.kr/wd/5</loc></url></urlset>`,
			want: []sitemapEntry{{Loc: "https://www.wanted.co.kr/wd/5"}},
		},
		{name: "html error page", body: `<html><body>Service unavailable</body></html>`, wantErr: "not a sitemap: the document is <html>"},
		{name: "truncated", body: `<urlset><url><loc>https://www.wanted.co.kr/wd/1</loc>`, wantErr: "invalid sitemap XML"},
		{name: "empty", body: ``, wantErr: "empty sitemap"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sm, err := parseSitemap([]byte(tc.body), kst)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if sm.Index != tc.index {
				t.Errorf("index = %v", sm.Index)
			}
			if !slices.EqualFunc(sm.Entries, tc.want, func(a, b sitemapEntry) bool {
				return a.Loc == b.Loc && a.LastMod.Equal(b.LastMod)
			}) {
				t.Errorf("entries:\n got %v\nwant %v", sm.Entries, tc.want)
			}
		})
	}
}

func TestJobSitemaps(t *testing.T) {
	entries := func(locs ...string) []sitemapEntry {
		var out []sitemapEntry
		for _, l := range locs {
			out = append(out, sitemapEntry{Loc: l})
		}
		return out
	}
	locs := func(es []sitemapEntry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Loc)
		}
		return out
	}
	tests := []struct {
		name string
		in   []sitemapEntry
		want []string
	}{
		{"job sitemaps kept", entries("https://x/sitemap_kr_job_1.xml", "https://x/sitemap_kr_company_1.xml", "https://x/sitemap_kr_JOB_2.xml.gz", "https://x/jobs/sitemap_events.xml"),
			[]string{"https://x/sitemap_kr_job_1.xml", "https://x/sitemap_kr_JOB_2.xml.gz"}},
		{"none match: all", entries("https://x/a.xml", "https://x/b.xml"), []string{"https://x/a.xml", "https://x/b.xml"}},
	}
	for _, tc := range tests {
		if got := locs(jobSitemaps(tc.in)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestRobotsSitemaps(t *testing.T) {
	robotsURL, _ := url.Parse("https://www.wanted.co.kr/robots.txt")
	tests := []struct {
		name, body string
		want       []string
	}{
		{"wanted", "User-agent: *\nDisallow: /api/\nSitemap: https://www.wanted.co.kr/sitemap.xml\n",
			[]string{"https://www.wanted.co.kr/sitemap.xml"}},
		{"case, spaces, CRLF, comments, duplicates",
			"\uFEFFSITEMAP:https://www.wanted.co.kr/a.xml\r\n  sitemap :  /b.xml # second\r\nSitemap: https://www.wanted.co.kr/a.xml\r\nSitemap:\nSitemap: # none\nsitemap: ftp://x/c.xml\n",
			[]string{"https://www.wanted.co.kr/a.xml", "https://www.wanted.co.kr/b.xml"}},
		{"none", "User-agent: *\nAllow: /\n", nil},
	}
	for _, tc := range tests {
		if got := robotsSitemaps([]byte(tc.body), robotsURL); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
