package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"github.com/jobs-cli/jobs/config"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/ingest"
	"github.com/jobs-cli/jobs/internal/atomicfile"
	"github.com/jobs-cli/jobs/internal/runlock"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/scraper"
	"github.com/jobs-cli/jobs/target"
)

type scrapeOptions struct {
	f     *Factory
	Limit int
	JSON  bool
	Quiet bool

	// progress is set by the command when stderr is a terminal.
	progress func(source string, done, total int)
}

func newScrapeCmd(f *Factory, runF func(*scrapeOptions) error) *cobra.Command {
	opts := &scrapeOptions{f: f, Limit: -1}
	cmd := &cobra.Command{
		Use:   "scrape",
		Short: "Collect every configured source into the database",
		Long: `Collect postings from every configured source into the database. Wanted is read the way
its robots.txt allows: robots.txt, the sitemaps it names, then each changed /wd/{id} page.
Pages whose sitemap lastmod did not change are not fetched again; postings gone from the
sitemaps, or answering 404 or a closed status, become closed.

Each source prints one summary line on stderr. Exit status: 0 when every source succeeded,
3 when some pages or sources failed and everything that could be collected was stored,
1 when nothing could be collected.`,
		Example: `  jobs scrape
  jobs scrape --limit 200      # spread a first crawl over several nights
  jobs schedule                # the crontab line or systemd timer, with absolute paths`,
		Args: maxArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("limit") && opts.Limit < 0 {
				return &usageError{cmd: cmd, err: fmt.Errorf("--limit must be 0 (no cap) or more")}
			}
			if runF != nil {
				return runF(opts)
			}
			return scrapeRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().IntVar(&opts.Limit, "limit", -1, "fetch at most this many posting pages this run (default scrape.limit; 0 = no cap)")
	cmd.Flags().Lookup("limit").DefValue = "0" // -1 only means "not given": the usage says the default once
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the run's per-source counts as JSON")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing but errors")
	return cmd
}

// buildSources makes the configured sources.
func buildSources(cfg *config.Config, opts scrapeOptions) ([]jobs.Source, error) {
	sc := cfg.Scrape
	limit := sc.Limit
	if opts.Limit >= 0 {
		limit = opts.Limit
	}
	base := scraper.Config{
		UserAgent:   scraper.UserAgentFor(version), // the version the binary was built as
		Delay:       time.Duration(sc.Delay),
		Timeout:     time.Duration(sc.Timeout),
		Refresh:     time.Duration(sc.Refresh),
		Parallelism: sc.Parallelism,
		MaxBodySize: int64(sc.MaxPageSize),
		Limit:       limit,
	}
	if sc.Delay == 0 {
		base.Delay = -1 // "delay: 0s" means no pause
	}
	if sc.Retries != nil {
		base.Retries = *sc.Retries
		if base.Retries == 0 {
			base.Retries = -1
		}
	}
	var out []jobs.Source
	if w := cfg.Wanted(); w != nil {
		c := base
		if opts.progress != nil {
			c.Progress = func(done, total int) { opts.progress("wanted", done, total) }
		}
		s, err := scraper.NewWanted(w.BaseURL, w.Categories, c)
		if err != nil {
			return nil, jobs.Errorf(jobs.KindInvalid, "sources.wanted: %v", err)
		}
		out = append(out, s)
	}
	with := func(name string) scraper.Config {
		c := base
		if opts.progress != nil {
			c.Progress = func(done, total int) { opts.progress(name, done, total) }
		}
		return c
	}
	add := func(key string, src jobs.Source, err error) error {
		if err != nil {
			return jobs.Errorf(jobs.KindInvalid, "%s: %v", key, err)
		}
		out = append(out, src)
		return nil
	}
	if s := cfg.Sources; s != nil {
		var err error
		if g := s.Greenhouse; g != nil && len(g.Boards) > 0 {
			src, e := scraper.NewGreenhouse(g.BaseURL, g.Boards, with("greenhouse"))
			err = errors.Join(err, add("sources.greenhouse", src, e))
		}
		if l := s.Lever; l != nil && len(l.Sites) > 0 {
			src, e := scraper.NewLever(l.BaseURL, l.Sites, with("lever"))
			err = errors.Join(err, add("sources.lever", src, e))
		}
		if a := s.Ashby; a != nil && len(a.Boards) > 0 {
			src, e := scraper.NewAshby(a.BaseURL, a.Boards, with("ashby"))
			err = errors.Join(err, add("sources.ashby", src, e))
		}
		if t := s.Toss; t != nil {
			u := cmp.Or(t.BaseURL, config.DefaultBaseURL("toss"))
			src, e := scraper.NewToss(u, with("toss"))
			err = errors.Join(err, add("sources.toss", src, e))
		}
		for _, site := range []struct {
			key  string
			conf *config.SiteConfig
			make func(string, scraper.Config) (jobs.Source, error)
		}{
			{"kakao", s.Kakao, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewKakao(u, c) }},
			{"woowa", s.Woowa, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewWoowa(u, c) }},
			{"line", s.Line, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewLine(u, c) }},
			{"naver", s.Naver, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewNaver(u, c) }},
			{"samsung", s.Samsung, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewSamsung(u, c) }},
			{"lg", s.LG, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewLG(u, c) }},
			{"sk", s.SK, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewSK(u, c) }},
			{"hyundai", s.Hyundai, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewHyundai(u, c) }},
			{"kia", s.Kia, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewKia(u, c) }},
			{"hanwha", s.Hanwha, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewHanwha(u, c) }},
			{"jumpit", s.Jumpit, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewJumpit(u, c) }},
			{"cj", s.CJ, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewCJ(u, c) }},
			{"posco", s.POSCO, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewPOSCO(u, c) }},
			{"remember", s.Remember, func(u string, c scraper.Config) (jobs.Source, error) { return scraper.NewRemember(u, c) }},
		} {
			if site.conf == nil {
				continue
			}
			u := cmp.Or(site.conf.BaseURL, config.DefaultBaseURL(site.key))
			src, e := site.make(u, with(site.key))
			err = errors.Join(err, add("sources."+site.key, src, e))
		}
		if g := s.Greeting; g != nil && len(g.Companies) > 0 {
			src, e := scraper.NewGreeting(g.BaseURL, g.Companies, with("greeting"))
			err = errors.Join(err, add("sources.greeting.companies", src, e))
		}
		if n := s.Ninehire; n != nil && len(n.Companies) > 0 {
			src, e := scraper.NewNinehire(n.BaseURL, n.Companies, with("ninehire"))
			err = errors.Join(err, add("sources.ninehire.companies", src, e))
		}
		if j := s.Jobflex; j != nil && len(j.Tenants) > 0 {
			src, e := scraper.NewJobflex(j.BaseURL, j.Tenants, with("jobflex"))
			err = errors.Join(err, add("sources.jobflex.tenants", src, e))
		}
		if sa := s.Saramin; sa != nil {
			src, e := scraper.NewSaramin(sa.BaseURL, sa.AccessKey, sa.JobMidCode, sa.Keywords, with("saramin"))
			err = errors.Join(err, add("sources.saramin", src, e))
		}
		if len(s.Pages) > 0 {
			specs := make([]scraper.PageSpec, len(s.Pages))
			for i, p := range s.Pages {
				specs[i] = scraper.PageSpec{URL: p.URL, Follow: p.Follow}
			}
			src, e := scraper.NewPages(specs, with("pages"))
			err = errors.Join(err, add("sources.pages", src, e))
		}
		if err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, jobs.Errorf(jobs.KindInvalid, "no sources are configured: add sources.wanted to %s", cmp.Or(cfg.File, "config.yaml"))
	}
	return out, nil
}

func scrapeRun(ctx context.Context, opts *scrapeOptions) error {
	f := opts.f
	cfg, err := f.Config()
	if err != nil {
		return err
	}
	an, err := f.Analyzer()
	if err != nil {
		return err
	}
	prog := newProgress(f.IO)
	if prog != nil && !opts.Quiet && !opts.JSON {
		opts.progress = prog.update
		if dbPath, err := f.DBPath(); err == nil {
			fmt.Fprintln(f.IO.ErrOut, wrapText(fmt.Sprintf("scrape: config %s; database %s", config.Tilde(f.ConfigOrigin()), config.Tilde(dbPath)), f.IO.Width, "  "))
		}
	}
	sources, err := f.Sources(cfg, *opts)
	if err != nil {
		return err
	}
	dbPath, err := f.DBPath()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
		return jobs.Errorf(jobs.KindUnavailable, "cannot create %s: %v", filepath.Dir(dbPath), atomicfile.WithoutPath(err))
	}
	lock, err := runlock.Acquire(dbPath, time.Duration(cfg.Scrape.LockWait), f.Now)
	if err != nil {
		return err
	}
	defer lock.Release()
	store, err := f.WriteStore(ctx)
	if err != nil {
		return err
	}
	talk := !opts.Quiet && !opts.JSON
	out, err := ingest.Run(ctx, ingest.Scrape{
		Sources:  sources,
		Store:    store,
		Analyzer: an,
		Budget:   time.Duration(cfg.Scrape.Budget),
		Scored: func(ctx context.Context) ([]matcher.Scored, error) {
			return scoredPostings(ctx, f, target.Selection{})
		},
		Reread: func(read, changed int) {
			if talk {
				fmt.Fprintf(f.IO.ErrOut, "Re-read %d stored postings (requirements are now groups of alternatives): %d changed.\n", read, changed)
			}
		},
		SourceDone: func(r ingest.SourceResult) {
			prog.clear()
			if talk {
				printSourceSummary(f.IO, r)
			}
		},
		NotRun: func(source, why string) {
			if talk {
				fmt.Fprintf(f.IO.ErrOut, "%s: %s\n", source, oneLine(why))
			}
		},
	})
	if err != nil {
		return err
	}
	if out.Status() == ingest.StatusInterrupted {
		prog.clear()
		return &exitError{code: 130, msg: "scrape interrupted: what was collected is stored, and the next run resumes"}
	}
	if out.SnapshotErr != nil {
		warnf(f.IO, "the gaps report of run %d was not saved: %s", out.RunID, oneLine(out.SnapshotErr.Error()))
	}
	if opts.JSON {
		if err := writeJSON(f.IO.Out, out.Stats); err != nil {
			return err
		}
	}
	switch out.Status() {
	case ingest.StatusNothing:
		return &exitError{code: 1, msg: "nothing could be collected: every source failed (see above)"}
	case ingest.StatusPartial:
		return &exitError{code: 3}
	}
	return nil
}

// printSourceSummary writes a source's one summary line, then its failures (at most five on a
// terminal, every one under cron, where the mail is the only record).
func printSourceSummary(io *IOStreams, r ingest.SourceResult) {
	w, st, err := io.ErrOut, r.Stats, r.Err
	state := "ok"
	if err != nil {
		state = "FAILED"
	} else if st.Failed > 0 {
		state = "partial"
	}
	fmt.Fprintf(w, "%s: %s: %s", st.Source, state, r.Counts.Line(st))
	if st.Queued > 0 {
		fmt.Fprintf(w, ", %d left for the next run", st.Queued)
	}
	fmt.Fprintln(w)
	show := st.Failures
	if io.ErrTTY && len(show) > 5 {
		show = show[:5]
	}
	width := 0
	if io.ErrTTY {
		width = io.Width
	}
	for _, fl := range show {
		fmt.Fprintln(w, wrapText("  "+oneLine(fl.Error()), width, "    "))
	}
	if len(show) < len(st.Failures) {
		fmt.Fprintf(w, "  ... and %d more (jobs doctor lists them)\n", len(st.Failures)-len(show))
	}
}

// progress is a one-line counter on a terminal's stderr; nil elsewhere (cron stays quiet).
type progress struct {
	io   *IOStreams
	mu   sync.Mutex
	last time.Time
	wide int
}

func newProgress(io *IOStreams) *progress {
	if !io.ErrTTY {
		return nil
	}
	return &progress{io: io}
}

func (p *progress) update(source string, done, total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last) < 100*time.Millisecond && done < total {
		return
	} else {
		p.last = now
	}
	bar := ""
	if total > 0 {
		const width = 24
		n := done * width / total
		bar = "[" + strings.Repeat("=", n) + strings.Repeat(" ", width-n) + "] "
	}
	s := fmt.Sprintf("%s: %s%d/%d pages", source, bar, done, total)
	p.wide = max(p.wide, len(s))
	fmt.Fprintf(p.io.ErrOut, "\r%-*s", p.wide, s)
}

func (p *progress) clear() {
	if p == nil || p.wide == 0 {
		return
	}
	fmt.Fprintf(p.io.ErrOut, "\r%s\r", strings.Repeat(" ", p.wide))
	p.wide = 0
}
