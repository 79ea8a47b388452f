package scraper

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/jobs-cli/jobs"
)

// What the shared hiring platforms (Greeting, Ninehire, JOBFLEX) have in common: one source
// reads many companies, each named by a slug or by its career site's URL. Each company's list
// is read on its own; a posting is stored with its company's scope as its page URL, so that a
// company whose list was read completely closes its own vanished postings and no other's.

// platformCompany is one configured company of a platform source.
type platformCompany struct {
	name  string   // as configured: a slug, or the host of a URL
	page  *url.URL // the company's career page (or its tenant's home), as fetched or named
	scope string   // the URL stored as the page URL of its postings
}

// slugPattern is what a platform slug may be: a host label.
var slugPattern = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$`)

// platformCompanies reads a platform source's configured companies: each a slug, which page
// turns into the company's URL, or an http(s) URL, used as given. Repeats are dropped.
func platformCompanies(source, what string, entries []string, page func(slug string) string) ([]platformCompany, error) {
	var out []platformCompany
	seen := map[string]bool{}
	for _, e := range entries {
		e = strings.TrimSpace(e)
		var c platformCompany
		switch {
		case strings.Contains(e, "://"):
			u, err := url.Parse(e)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.User != nil {
				return nil, jobs.Errorf(jobs.KindInvalid, "%s: %q is not an http or https URL with a host", source, e)
			}
			u.Fragment, u.RawFragment = "", ""
			c = platformCompany{name: strings.ToLower(u.Hostname()), page: u}
		case slugPattern.MatchString(e):
			u, err := url.Parse(page(strings.ToLower(e)))
			if err != nil {
				return nil, jobs.Errorf(jobs.KindInvalid, "%s: %q makes no valid URL", source, e)
			}
			c = platformCompany{name: strings.ToLower(e), page: u}
		default:
			return nil, jobs.Errorf(jobs.KindInvalid,
				"%s: %q is neither a %s slug (letters, digits, - and _) nor an http or https URL", source, e, what)
		}
		c.scope = c.page.String()
		if !seen[c.scope] {
			seen[c.scope] = true
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return nil, jobs.Errorf(jobs.KindInvalid, "%s: no %ss given", source, what)
	}
	return out, nil
}

// companyHosts are the hosts of the companies' pages.
func companyHosts(cs []platformCompany) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.page.Hostname())
	}
	return out
}

// readCompanies reads each company's list with read and joins them into one list whose
// closable scopes are the companies read completely. A company whose list holds a record
// without an id closes nothing: the record could be any stored posting.
func readCompanies(ctx context.Context, cs []platformCompany,
	read func(ctx context.Context, c platformCompany) pagedList[listedPosting]) pagedList[listedPosting] {
	all := pagedList[listedPosting]{closable: map[string]bool{}}
	for i, c := range cs {
		pl := read(ctx, c)
		if i == 0 {
			all.url = pl.url
		}
		all.requests += pl.requests
		all.failures = append(all.failures, pl.failures...)
		whole := pl.complete
		for j := range pl.items {
			pl.items[j].scope = c.scope
			if pl.items[j].id == "" {
				whole = false
			}
		}
		all.items = append(all.items, pl.items...)
		if whole {
			all.closable[c.scope] = true
		}
		if ctx.Err() != nil {
			break
		}
	}
	return all
}

// nextData returns the JSON of a Next.js page's <script id="__NEXT_DATA__">.
func nextData(body []byte) (map[string]any, error) {
	for _, s := range pageScripts(body) {
		if s.id != "__NEXT_DATA__" {
			continue
		}
		var doc map[string]any
		if err := decodeJSON([]byte(strings.TrimSpace(s.text)), &doc); err != nil {
			return nil, fmt.Errorf("the page's __NEXT_DATA__ is invalid JSON: %s", shortJSONError(err))
		}
		return doc, nil
	}
	b, err := jsonBody(body)
	if err == nil && b[0] == '{' {
		// A Next.js data route (/_next/data/...json) answers the same document's props.
		var doc map[string]any
		if decodeJSON(b, &doc) == nil {
			if _, ok := doc["pageProps"]; ok {
				return map[string]any{"props": doc}, nil
			}
		}
	}
	return nil, errors.New("the page has no __NEXT_DATA__ script")
}

// pageProps returns props.pageProps of a Next.js page's data.
func pageProps(doc map[string]any) map[string]any {
	props, _ := doc["props"].(map[string]any)
	pp, _ := props["pageProps"].(map[string]any)
	return pp
}

// dig follows keys through nested JSON objects; nil when one is missing.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// rawJSON is v as compact JSON, for a record's raw payload and fingerprint.
func rawJSON(v any) []byte { return marshalOrNil(v) }

// platformListFailure is the failure of a company's list request; a 404 names the company.
func platformListFailure(r *result, source, what, company string) jobs.Failure {
	fl := requestFailure(r, source)
	if r.status == 404 {
		fl.Reason = fmt.Sprintf("HTTP 404: %s has no %s named %q", source, what, company)
	}
	return fl
}
