package config

import (
	"time"

	"github.com/jobs-cli/jobs/scraper"
)

// defaultBaseURLs is where each source is read when its base_url is not written: every
// source's default in one place. Greeting, Ninehire and JOBFLEX have none: each company is
// read at its own host. Wanted, Greenhouse, Lever, Ashby and Saramin get theirs when the
// config is read (jobs config shows it); a company's own site gets its own when its source
// is built.
var defaultBaseURLs = map[string]string{
	"wanted":     "https://www.wanted.co.kr",
	"greenhouse": "https://boards-api.greenhouse.io",
	"lever":      "https://api.lever.co",
	"ashby":      "https://api.ashbyhq.com",
	"saramin":    scraper.DefaultSaraminURL,
	"toss":       scraper.DefaultTossURL,
	"kakao":      scraper.DefaultKakaoURL,
	"woowa":      scraper.DefaultWoowaURL,
	"line":       scraper.DefaultLineURL,
	"naver":      scraper.DefaultNaverURL,
	"samsung":    scraper.DefaultSamsungURL,
	"lg":         scraper.DefaultLGURL,
	"sk":         scraper.DefaultSKURL,
	"hyundai":    scraper.DefaultHyundaiURL,
	"kia":        scraper.DefaultKiaURL,
	"hanwha":     scraper.DefaultHanwhaURL,
	"jumpit":     scraper.DefaultJumpitURL,
	"cj":         scraper.DefaultCJURL,
	"posco":      scraper.DefaultPOSCOURL,
	"remember":   scraper.DefaultRememberURL,
}

// DefaultBaseURL is where a source (a key under sources) is read when its base_url is not
// written; "" for a source read at each company's own host.
func DefaultBaseURL(source string) string { return defaultBaseURLs[source] }

var (
	defaultWantedURL     = DefaultBaseURL("wanted")
	defaultGreenhouseURL = DefaultBaseURL("greenhouse")
	defaultLeverURL      = DefaultBaseURL("lever")
	defaultAshbyURL      = DefaultBaseURL("ashby")
	defaultSaraminURL    = DefaultBaseURL("saramin")
)

// defaultConfig is what a missing file, or a missing key, means.
func Default() *Config {
	return &Config{
		Scrape: ScrapeConfig{
			Delay:       Duration(time.Second),
			Timeout:     Duration(20 * time.Second),
			Refresh:     Duration(7 * 24 * time.Hour),
			Parallelism: 2,
			MaxPageSize: 5 << 20,
			LockWait:    Duration(10 * time.Minute),
			Budget:      Duration(scraper.DefaultBudget),
		},
	}
}
