package ingest

import (
	"cmp"
	"errors"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/config"
	"github.com/jobs-cli/jobs/scraper"
)

// SourceOptions are what making the sources takes beyond the config.
type SourceOptions struct {
	// UserAgent is the User-Agent header every request sends.
	UserAgent string
	// Limit caps the posting pages fetched in a run: -1 takes the config's scrape.limit,
	// 0 is no cap.
	Limit int
	// Progress, when set, hears each source's fetched pages as a run goes.
	Progress func(source string, done, total int)
}

// Sources makes the sources the config turns on, in the order a run reads them: Wanted, the
// job boards, the companies' own career sites, the hiring platforms and Saramin, then the
// pages. An invalid setting is an error naming its key (every one of them, joined); a config
// that turns nothing on is an error too.
func Sources(cfg *config.Config, opts SourceOptions) ([]jobs.Source, error) {
	b := &sourceBuilder{base: scraperConfig(cfg.Scrape, opts), progress: opts.Progress}
	if w := cfg.Wanted(); w != nil {
		s, err := scraper.NewWanted(w.BaseURL, w.Categories, b.config("wanted"))
		if err != nil {
			return nil, jobs.Errorf(jobs.KindInvalid, "sources.wanted: %v", err)
		}
		b.out = append(b.out, s)
	}
	if s := cfg.Sources; s != nil {
		b.boards(s)
		b.sites(s)
		b.platforms(s)
		b.pages(s)
		if b.err != nil {
			return nil, b.err
		}
	}
	if len(b.out) == 0 {
		return nil, jobs.Errorf(jobs.KindInvalid, "no sources are configured: add sources.wanted to %s", cmp.Or(cfg.File, "config.yaml"))
	}
	return b.out, nil
}

// scraperConfig is the fetching every source shares, from the config's scrape section: a
// delay of 0 means no pause, retries: 0 means none, and opts.Limit, when not -1, overrides
// scrape.limit.
func scraperConfig(sc config.ScrapeConfig, opts SourceOptions) scraper.Config {
	limit := sc.Limit
	if opts.Limit >= 0 {
		limit = opts.Limit
	}
	c := scraper.Config{
		UserAgent:   opts.UserAgent,
		Delay:       time.Duration(sc.Delay),
		Timeout:     time.Duration(sc.Timeout),
		Refresh:     time.Duration(sc.Refresh),
		Parallelism: sc.Parallelism,
		MaxBodySize: int64(sc.MaxPageSize),
		Limit:       limit,
	}
	if sc.Delay == 0 {
		c.Delay = -1 // "delay: 0s" means no pause
	}
	if sc.Retries != nil {
		c.Retries = *sc.Retries
		if c.Retries == 0 {
			c.Retries = -1
		}
	}
	return c
}

// sourceBuilder collects the sources made so far and the errors of the settings that could
// not make one.
type sourceBuilder struct {
	base     scraper.Config
	progress func(source string, done, total int)
	out      []jobs.Source
	err      error
}

// config is the shared scraper.Config with the progress of the source named name.
func (b *sourceBuilder) config(name string) scraper.Config {
	c := b.base
	if b.progress != nil {
		c.Progress = func(done, total int) { b.progress(name, done, total) }
	}
	return c
}

// add keeps src, or the error of the setting under key.
func (b *sourceBuilder) add(key string, src jobs.Source, err error) {
	if err != nil {
		b.err = errors.Join(b.err, jobs.Errorf(jobs.KindInvalid, "%s: %v", key, err))
		return
	}
	b.out = append(b.out, src)
}

// boards makes the job boards' sources: Greenhouse, Lever and Ashby boards, and Toss's
// Greenhouse-shaped API.
func (b *sourceBuilder) boards(s *config.SourcesConfig) {
	if g := s.Greenhouse; g != nil && len(g.Boards) > 0 {
		src, err := scraper.NewGreenhouse(g.BaseURL, g.Boards, b.config("greenhouse"))
		b.add("sources.greenhouse", src, err)
	}
	if l := s.Lever; l != nil && len(l.Sites) > 0 {
		src, err := scraper.NewLever(l.BaseURL, l.Sites, b.config("lever"))
		b.add("sources.lever", src, err)
	}
	if a := s.Ashby; a != nil && len(a.Boards) > 0 {
		src, err := scraper.NewAshby(a.BaseURL, a.Boards, b.config("ashby"))
		b.add("sources.ashby", src, err)
	}
	if t := s.Toss; t != nil {
		src, err := scraper.NewToss(cmp.Or(t.BaseURL, config.DefaultBaseURL("toss")), b.config("toss"))
		b.add("sources.toss", src, err)
	}
}

// siteReaders are the companies' own career sites, each read from its base URL (the real
// site unless the config names another).
var siteReaders = []struct {
	kind string
	make func(string, scraper.Config) (jobs.Source, error)
}{
	{"kakao", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewKakao(u, c) }},
	{"woowa", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewWoowa(u, c) }},
	{"line", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewLine(u, c) }},
	{"naver", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewNaver(u, c) }},
	{"samsung", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewSamsung(u, c) }},
	{"lg", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewLG(u, c) }},
	{"sk", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewSK(u, c) }},
	{"hyundai", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewHyundai(u, c) }},
	{"kia", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewKia(u, c) }},
	{"hanwha", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewHanwha(u, c) }},
	{"jumpit", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewJumpit(u, c) }},
	{"cj", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewCJ(u, c) }},
	{"posco", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewPOSCO(u, c) }},
	{"remember", func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewRemember(u, c) }},
}

// sites makes a source for each company career site the config turns on.
func (b *sourceBuilder) sites(s *config.SourcesConfig) {
	for _, site := range siteReaders {
		conf := s.Site(site.kind)
		if conf == nil {
			continue
		}
		src, err := site.make(cmp.Or(conf.BaseURL, config.DefaultBaseURL(site.kind)), b.config(site.kind))
		b.add("sources."+site.kind, src, err)
	}
}

// platforms makes the hiring platforms' sources (Greeting, Ninehire, JOBFLEX), each reading
// the companies named on it, and Saramin's API.
func (b *sourceBuilder) platforms(s *config.SourcesConfig) {
	if g := s.Greeting; g != nil && len(g.Companies) > 0 {
		src, err := scraper.NewGreeting(g.BaseURL, g.Companies, b.config("greeting"))
		b.add("sources.greeting.companies", src, err)
	}
	if n := s.Ninehire; n != nil && len(n.Companies) > 0 {
		src, err := scraper.NewNinehire(n.BaseURL, n.Companies, b.config("ninehire"))
		b.add("sources.ninehire.companies", src, err)
	}
	if j := s.Jobflex; j != nil && len(j.Tenants) > 0 {
		src, err := scraper.NewJobflex(j.BaseURL, j.Tenants, b.config("jobflex"))
		b.add("sources.jobflex.tenants", src, err)
	}
	if sa := s.Saramin; sa != nil {
		src, err := scraper.NewSaramin(sa.BaseURL, sa.AccessKey, sa.JobMidCode, sa.Keywords, b.config("saramin"))
		b.add("sources.saramin", src, err)
	}
}

// pages makes one source of every career page the config lists.
func (b *sourceBuilder) pages(s *config.SourcesConfig) {
	if len(s.Pages) == 0 {
		return
	}
	specs := make([]scraper.PageSpec, len(s.Pages))
	for i, p := range s.Pages {
		specs[i] = scraper.PageSpec{URL: p.URL, Follow: p.Follow}
	}
	src, err := scraper.NewPages(specs, b.config("pages"))
	b.add("sources.pages", src, err)
}
