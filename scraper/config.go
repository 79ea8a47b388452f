// Package scraper collects job postings from Wanted (wanted.co.kr) the way its robots.txt
// allows: robots.txt, then the sitemaps it names, then each /wd/{id} posting page and the
// posting data embedded in it. It is the only package of the module that imports colly.
package scraper

import (
	"context"
	"time"
)

// Version is the version of jobs named in the default User-Agent.
const Version = "0.1.0"

// UserAgentFor is the User-Agent jobs sends: honest about what it is and where it lives.
func UserAgentFor(version string) string {
	return "jobs/" + version + " (+https://github.com/jobs-cli/jobs)"
}

// DefaultUserAgent is the User-Agent used when Config.UserAgent is empty.
var DefaultUserAgent = UserAgentFor(Version)

// Defaults of Config.
const (
	DefaultDelay       = time.Second
	DefaultTimeout     = 20 * time.Second
	DefaultParallelism = 2
	DefaultRetries     = 3
	DefaultMaxBodySize = 5 << 20 // 5 MiB, for one posting page
	DefaultRefresh     = 7 * 24 * time.Hour

	// sitemapMaxBodySize is the size a sitemap may have: the sitemaps.org protocol allows
	// 50 MiB uncompressed, more than a posting page ever needs.
	sitemapMaxBodySize = 50 << 20

	// maxRetryAfter is the longest a Retry-After header makes a run wait: a site asking for
	// longer is not asked again this run, and its source stops (RunSource). maxBackoff caps
	// the exponential backoff used when no Retry-After is given.
	maxRetryAfter = 60 * time.Second
	firstBackoff  = time.Second
	maxBackoff    = 30 * time.Second
)

// Config is the policy of one scraper. A zero field takes its default (see withDefaults).
type Config struct {
	// UserAgent is sent with every request; "" = DefaultUserAgent.
	UserAgent string
	// Delay is the pause after each request to one host; 0 = DefaultDelay, negative = none.
	Delay time.Duration
	// Timeout limits one request, connect to last byte; 0 or negative = DefaultTimeout.
	Timeout time.Duration
	// Parallelism is how many requests may be in flight at once; 0 or negative = 2.
	Parallelism int
	// Retries is how many times a request that answered 429 or 5xx, or timed out, is tried
	// again; 0 = DefaultRetries, negative = never.
	Retries int
	// MaxBodySize is the largest posting page read, in bytes; 0 or negative = 5 MiB.
	MaxBodySize int64
	// Refresh is how long a page the sitemap gives no lastmod for is trusted before it is
	// fetched again; 0 = DefaultRefresh, negative = always fetched.
	Refresh time.Duration
	// Limit caps how many pages one run fetches; 0 = no cap.
	Limit int
	// Sleep waits before a retry; nil = a timer that stops early when ctx is done.
	Sleep func(context.Context, time.Duration) error
	// Now is the clock; nil = time.Now.
	Now func() time.Time
	// Progress, when set, is called after each posting page with the pages done so far and
	// the pages this run will fetch.
	Progress func(done, total int)

	// sitemapLimit is the largest sitemap read; 0 = sitemapMaxBodySize. Tests lower it, so
	// that a body past the limit is small whatever the machine's speed.
	sitemapLimit int64
}

// withDefaults returns c with every unset field given its default.
func (c Config) withDefaults() Config {
	if c.UserAgent == "" {
		c.UserAgent = DefaultUserAgent
	}
	switch {
	case c.Delay == 0:
		c.Delay = DefaultDelay
	case c.Delay < 0:
		c.Delay = 0
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.Parallelism <= 0 {
		c.Parallelism = DefaultParallelism
	}
	switch {
	case c.Retries == 0:
		c.Retries = DefaultRetries
	case c.Retries < 0:
		c.Retries = 0
	}
	if c.MaxBodySize <= 0 {
		c.MaxBodySize = DefaultMaxBodySize
	}
	switch {
	case c.Refresh == 0:
		c.Refresh = DefaultRefresh
	case c.Refresh < 0:
		c.Refresh = 0
	}
	if c.Limit < 0 {
		c.Limit = 0
	}
	if c.Sleep == nil {
		c.Sleep = sleepContext
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// sleepContext waits d, or less when ctx is done first (then it returns ctx's error).
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
