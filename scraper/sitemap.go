package scraper

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"time"

	"golang.org/x/text/encoding/htmlindex"
)

// sitemapEntry is one <url> of a urlset or one <sitemap> of a sitemap index.
type sitemapEntry struct {
	Loc     string
	LastMod time.Time // zero when absent or unreadable
}

// sitemap is a parsed sitemap file: an index of further sitemaps, or a urlset of pages.
type sitemap struct {
	Index   bool
	Entries []sitemapEntry
}

type xmlSitemap struct {
	XMLName  xml.Name
	URLs     []xmlSitemapLoc `xml:"url"`
	Sitemaps []xmlSitemapLoc `xml:"sitemap"`
}

type xmlSitemapLoc struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

// parseSitemap reads a sitemap index or a urlset (any namespace). A lastmod that cannot be
// read is dropped (the entry stays, with a zero LastMod); a lastmod without a zone is read in
// loc.
func parseSitemap(body []byte, loc *time.Location) (*sitemap, error) {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charsetReader
	var doc xmlSitemap
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("empty sitemap")
		}
		return nil, fmt.Errorf("invalid sitemap XML: %s", cleanText(err.Error()))
	}
	var raw []xmlSitemapLoc
	sm := &sitemap{}
	switch doc.XMLName.Local {
	case "sitemapindex":
		sm.Index, raw = true, doc.Sitemaps
	case "urlset":
		raw = doc.URLs
	default:
		return nil, fmt.Errorf("not a sitemap: the document is <%s>", cleanText(doc.XMLName.Local))
	}
	for _, e := range raw {
		l := strings.TrimSpace(e.Loc)
		if l == "" {
			continue
		}
		var lm time.Time
		if s := strings.TrimSpace(e.LastMod); s != "" {
			if t, _, err := parseTimeFlexible(s, loc); err == nil {
				lm = t
			}
		}
		sm.Entries = append(sm.Entries, sitemapEntry{Loc: l, LastMod: lm})
	}
	return sm, nil
}

// charsetReader lets a sitemap declare a character set other than UTF-8 (EUC-KR, ...).
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unknown character set %q", label)
	}
	return enc.NewDecoder().Reader(input), nil
}

// jobSitemaps picks, from a sitemap index, the sitemaps of job postings: those whose file
// name contains "job" (Wanted's sitemap_kr_job_1.xml, ...). When none does, it keeps all.
func jobSitemaps(entries []sitemapEntry) []sitemapEntry {
	var jobs []sitemapEntry
	for _, e := range entries {
		name := e.Loc
		if u, err := url.Parse(e.Loc); err == nil {
			name = path.Base(u.Path)
		}
		if strings.Contains(strings.ToLower(name), "job") {
			jobs = append(jobs, e)
		}
	}
	if len(jobs) == 0 {
		return entries
	}
	return jobs
}

// robotsSitemaps returns the Sitemap: lines of a robots.txt (the field name in any case),
// resolved against the robots.txt's own URL, without duplicates, in order.
func robotsSitemaps(body []byte, robotsURL *url.URL) []string {
	var out []string
	seen := map[string]bool{}
	for _, line := range strings.Split(string(body), "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "\uFEFF")
		name, value, ok := strings.Cut(line, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(name), "sitemap") {
			continue
		}
		fields := strings.Fields(value)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		u, err := robotsURL.Parse(fields[0])
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		u.Fragment = ""
		s := u.String()
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Layouts of the dates and times seen in sitemaps and posting data. A layout with a numeric
// month and day ("1", "2") also reads zero-padded values.
var (
	zonedLayouts = []string{
		"2006-1-2T15:04:05Z07:00", // RFC 3339, fractional seconds accepted
		"2006-1-2T15:04Z07:00",    // W3C datetime without seconds
		"2006-1-2T15:04:05Z0700",
		"2006-1-2T15:04Z0700",
		"2006-1-2 15:04:05Z07:00",
		"2006-1-2 15:04:05 Z07:00",
		"2006-1-2 15:04:05Z0700",
		"2006-1-2 15:04:05 -0700",
	}
	localLayouts = []string{
		"2006-1-2T15:04:05",
		"2006-1-2T15:04",
		"2006-1-2 15:04:05",
		"2006-1-2 15:04",
	}
	dateLayouts = []string{
		"2006-1-2",
		"2006.1.2",
		"2006/1/2",
	}
)

// parseTimeFlexible reads a date or a date-time, with or without seconds and zone. A value
// without a zone is read in loc; dateOnly reports a value that had no time of day.
func parseTimeFlexible(s string, loc *time.Location) (t time.Time, dateOnly bool, err error) {
	s = strings.TrimSpace(s)
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, false, nil
		}
	}
	for _, l := range localLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, false, nil
		}
	}
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, true, nil
		}
	}
	return time.Time{}, false, fmt.Errorf("unreadable date %q", cleanText(truncate(s, 40)))
}
