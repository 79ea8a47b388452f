package scraper

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"
)

// The parsers read untrusted bytes: whatever they are given, they return values or an error,
// never panic, and every text they return is valid UTF-8 without escape characters.

func seedFiles(f *testing.F, pattern string) {
	files, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte{})
	f.Add([]byte("{}"))
	f.Add([]byte("<html><body>\x1b[31m</body></html>"))
}

func checkText(t *testing.T, what string, texts ...string) {
	for _, s := range texts {
		if !utf8.ValidString(s) {
			t.Errorf("%s: invalid UTF-8 %q", what, s)
		}
		for _, r := range s {
			if r == 0x1b || r == 0x9b {
				t.Errorf("%s: escape character in %q", what, s)
			}
		}
	}
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><urlset><url><loc>https://www.wanted.co.kr/wd/1</loc><lastmod>2026-11-01T09:00+09:00</lastmod></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>/sitemap_kr_job_1.xml</loc></sitemap></sitemapindex>`))
	f.Add([]byte("User-agent: *\nDisallow: /api/\nSitemap: https://x/sitemap.xml\n"))
	loc := time.FixedZone("KST", 9*3600)
	robots, _ := url.Parse("https://www.wanted.co.kr/robots.txt")
	f.Fuzz(func(t *testing.T, body []byte) {
		parseSitemap(body, loc)
		robotsSitemaps(body, robots)
	})
}

func FuzzParseGreenhouseJobs(f *testing.F) {
	seedFiles(f, "greenhouse/*.json")
	f.Fuzz(func(t *testing.T, body []byte) {
		list, err := parseGreenhouseJobs(body, "board", 1<<16)
		if err != nil || list == nil {
			return
		}
		for _, it := range list.items {
			if p := it.posting; p != nil {
				checkText(t, "greenhouse", p.Title, p.Company, p.Sections.Description)
			}
		}
	})
}

func FuzzParseLeverPostings(f *testing.F) {
	seedFiles(f, "lever/*.json")
	f.Fuzz(func(t *testing.T, body []byte) {
		items, _, err := parseLeverPostings(body, "site", 1<<16)
		if err != nil {
			return
		}
		for _, it := range items {
			if p := it.posting; p != nil {
				checkText(t, "lever", p.Title, p.Sections.Requirements, p.Sections.Preferred, p.Sections.Description)
			}
		}
	})
}

func FuzzParseAshbyJobs(f *testing.F) {
	seedFiles(f, "ashby/*.json")
	f.Fuzz(func(t *testing.T, body []byte) {
		items, err := parseAshbyJobs(body, "board", 1<<16)
		if err != nil {
			return
		}
		for _, it := range items {
			if p := it.posting; p != nil {
				checkText(t, "ashby", p.Title, p.Sections.Description)
			}
		}
	})
}

func FuzzParseJobPostingPage(f *testing.F) {
	seedFiles(f, "pages/*.html")
	base, _ := url.Parse("https://careers.example.com/jobs")
	f.Fuzz(func(t *testing.T, body []byte) {
		pageLinks(body, base)
		p, err := parseJobPostingPage(body, "https://careers.example.com/jobs/1")
		if err != nil || p == nil {
			return
		}
		checkText(t, "pages", p.Title, p.Company, p.Sections.Description, p.Sections.Requirements)
	})
}
