package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/atomicfile"
	"github.com/jobs-cli/jobs/matcher"
	"github.com/jobs-cli/jobs/target"
)

// Config is config.yaml. The documented example is config.yaml at the repository root; a
// missing file means these defaults.
type Config struct {
	Profile  ProfileConfig  `yaml:"profile"`
	Sources  *SourcesConfig `yaml:"sources"`
	Scrape   ScrapeConfig   `yaml:"scrape"`
	Targets  target.Config  `yaml:"targets"`
	Filters  FiltersConfig  `yaml:"filters"` // the older name of targets' min_score and blocklists
	Skills   SkillsConfig   `yaml:"skills"`
	Watch    WatchConfig    `yaml:"watch"`
	Database string         `yaml:"database"`

	// File is the file read, or what stands for it in messages; "" = built-in defaults.
	File string `yaml:"-"`

	rules *target.Rules // Targets prepared, on first use
}

// WatchConfig names companies whose new postings the digest always lists, whatever the score.
type WatchConfig struct {
	Companies []string `yaml:"companies"`
}

type ProfileConfig struct {
	Years  int      `yaml:"years"`
	Skills []string `yaml:"skills"`
	Major  string   `yaml:"major"`
}

type SourcesConfig struct {
	Wanted     *WantedConfig     `yaml:"wanted"`
	Greenhouse *GreenhouseConfig `yaml:"greenhouse"`
	Lever      *LeverConfig      `yaml:"lever"`
	Ashby      *AshbyConfig      `yaml:"ashby"`
	Toss       *TossConfig       `yaml:"toss"`
	Kakao      *SiteConfig       `yaml:"kakao"`
	Woowa      *SiteConfig       `yaml:"woowa"`
	Line       *SiteConfig       `yaml:"line"`
	Naver      *SiteConfig       `yaml:"naver"`
	Greeting   *PlatformConfig   `yaml:"greeting"`
	Ninehire   *PlatformConfig   `yaml:"ninehire"`
	Jobflex    *JobflexConfig    `yaml:"jobflex"`
	Pages      []PageConfig      `yaml:"pages"`
	Samsung    *SiteConfig       `yaml:"samsung"`
	LG         *SiteConfig       `yaml:"lg"`
	SK         *SiteConfig       `yaml:"sk"`
	Hyundai    *SiteConfig       `yaml:"hyundai"`
	Kia        *SiteConfig       `yaml:"kia"`
	Hanwha     *SiteConfig       `yaml:"hanwha"`
	Jumpit     *SiteConfig       `yaml:"jumpit"`
	Remember   *SiteConfig       `yaml:"remember"`
	CJ         *SiteConfig       `yaml:"cj"`
	POSCO      *SiteConfig       `yaml:"posco"`
	Saramin    *SaraminConfig    `yaml:"saramin"`
	// Companies names companies of the built-in catalogue; each turns on its sources (see
	// companies.go).
	Companies []string `yaml:"companies"`

	catalogue CatalogueTurnedOn // what Companies turned on
}

// PlatformConfig names the companies read on a shared hiring platform (Greeting, Ninehire):
// each a slug or its career site's URL, used as given. base_url, when set, stands for every
// host of the platform (tests).
type PlatformConfig struct {
	BaseURL   string   `yaml:"base_url"`
	Companies []string `yaml:"companies"`
}

// JobflexConfig names the JOBFLEX (recruiter.co.kr) tenants read: slugs or career-site URLs.
// base_url is where the API is (tests).
type JobflexConfig struct {
	BaseURL string   `yaml:"base_url"`
	Tenants []string `yaml:"tenants"`
}

// SiteConfig turns on a company's own careers site; base_url defaults to the real site.
type SiteConfig struct {
	BaseURL string `yaml:"base_url"`
}

type AshbyConfig struct {
	BaseURL string   `yaml:"base_url"`
	Boards  []string `yaml:"boards"`
}

// TossConfig turns on Toss's careers API (Greenhouse-shaped records).
type TossConfig struct {
	BaseURL string `yaml:"base_url"`
}

// PageConfig is a career page with schema.org JobPosting data on its posting pages.
type PageConfig struct {
	URL    string `yaml:"url"`
	Follow string `yaml:"follow"`
}

type WantedConfig struct {
	BaseURL    string `yaml:"base_url"`
	Categories []int  `yaml:"categories"`
}

type GreenhouseConfig struct {
	BaseURL string   `yaml:"base_url"`
	Boards  []string `yaml:"boards"`
}

type LeverConfig struct {
	BaseURL string   `yaml:"base_url"`
	Sites   []string `yaml:"sites"`
}

type ScrapeConfig struct {
	Delay       Duration `yaml:"delay"`
	Timeout     Duration `yaml:"timeout"`
	Refresh     Duration `yaml:"refresh"`
	Parallelism int      `yaml:"parallelism"`
	Retries     *int     `yaml:"retries"`
	MaxPageSize ByteSize `yaml:"max_page_size"`
	Limit       int      `yaml:"limit"`
	LockWait    Duration `yaml:"lock_wait"`
	Budget      Duration `yaml:"budget"` // how long one source may run; it then stops, keeping what it stored
}

// FiltersConfig is the older name of the targets keys min_score, exclude_companies and
// exclude_title_words; validateTargets folds it into Targets.
type FiltersConfig struct {
	MinScore          *float64 `yaml:"min_score"`
	ExcludeCompanies  []string `yaml:"exclude_companies"`
	ExcludeTitleWords []string `yaml:"exclude_title_words"`
}

type SkillsConfig struct {
	Aliases map[string][]string `yaml:"aliases"`
	Extra   []matcher.Concept   `yaml:"extra"`
}

// Wanted returns the Wanted settings; with no sources key at all, Wanted's 개발 group is
// collected.
func (c *Config) Wanted() *WantedConfig {
	if c.Sources == nil {
		return &WantedConfig{BaseURL: defaultWantedURL, Categories: []int{518}}
	}
	return c.Sources.Wanted
}

// Duration is a Go duration in YAML ("1s", "500ms"), also in days ("7d").
type Duration time.Duration

func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseDuration(n.Value)
	if err != nil || v < 0 {
		return fmt.Errorf("line %d: %q is not a duration (write 500ms, 1s, 2m, 7d)", n.Line, n.Value)
	}
	*d = Duration(v)
	return nil
}

func ParseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, "d") {
		n, err := strconv.ParseFloat(strings.TrimSuffix(s, "d"), 64)
		if err != nil {
			return 0, err
		}
		return time.Duration(n * float64(24*time.Hour)), nil
	}
	return time.ParseDuration(s)
}

// ByteSize is a size in bytes, also written 512KB, 5MB.
type ByteSize int64

func (b *ByteSize) UnmarshalYAML(n *yaml.Node) error {
	s := strings.ToUpper(strings.TrimSpace(n.Value))
	mult := int64(1)
	for _, u := range []struct {
		suf string
		m   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"K", 1 << 10}, {"M", 1 << 20}, {"B", 1}} {
		if strings.HasSuffix(s, u.suf) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suf)), u.m
			break
		}
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v <= 0 {
		return fmt.Errorf("line %d: %q is not a size (write 5MB, 512KB)", n.Line, n.Value)
	}
	*b = ByteSize(v * mult)
	return nil
}

// Load reads and checks a config file; path "" gives the defaults. Every error names
// the file, the line and the key.
func Load(path string) (*Config, error) {
	c := Default()
	if path == "" {
		return c, nil
	}
	data, err := readConfigFile(path)
	if err != nil {
		return nil, err
	}
	if err := Parse(data, c); err != nil {
		return nil, jobs.Errorf(jobs.KindInvalid, "invalid config %s: %v", path, err)
	}
	c.File = path
	return c, nil
}

// maxConfigSize is the largest config file read: a config is a few kilobytes, and a file
// or device without end must not fill memory.
const maxConfigSize = 4 << 20

// readConfigFile reads a config file: a regular file of at most maxConfigSize bytes.
func readConfigFile(path string) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, jobs.Errorf(jobs.KindInvalid, "config file %s does not exist", path)
		}
		return nil, jobs.Errorf(jobs.KindInvalid, "cannot read config file %s: %v", path, atomicfile.WithoutPath(err))
	}
	defer fh.Close()
	if fi, err := fh.Stat(); err != nil {
		return nil, jobs.Errorf(jobs.KindInvalid, "cannot read config file %s: %v", path, atomicfile.WithoutPath(err))
	} else if !fi.Mode().IsRegular() {
		return nil, jobs.Errorf(jobs.KindInvalid, "config file %s is not a regular file (a directory, device or pipe); name a YAML file", path)
	}
	data, err := io.ReadAll(io.LimitReader(fh, maxConfigSize+1))
	if err != nil {
		return nil, jobs.Errorf(jobs.KindInvalid, "cannot read config file %s: %v", path, atomicfile.WithoutPath(err))
	}
	if len(data) > maxConfigSize {
		return nil, jobs.Errorf(jobs.KindInvalid, "config file %s is larger than %d MiB; a config is a few kilobytes", path, maxConfigSize>>20)
	}
	return data, nil
}

var lineRe = regexp.MustCompile(`line (\d+): `)

func Parse(data []byte, c *Config) error {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		if line := tabIndented(data); line > 0 {
			return fmt.Errorf("line %d: a tab indents this line; YAML indents with spaces only", line)
		}
		return tidyYAMLError(err, nil)
	}
	if len(bytes.TrimSpace(data)) == 0 || root.Kind == 0 {
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil {
		return tidyYAMLError(err, &root)
	}
	return c.validate(&root)
}

// tidyYAMLError turns the YAML library's messages into one sentence naming the line and key.
func tidyYAMLError(err error, root *yaml.Node) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:\n")
	first := strings.TrimSpace(strings.SplitN(msg, "\n", 2)[0])
	if m := regexp.MustCompile(`line (\d+): field (\S+) not found in type \S+`).FindStringSubmatch(first); m != nil {
		line, _ := strconv.Atoi(m[1])
		where := keyAtLine(root, line)
		parent := ""
		if i := strings.LastIndex(where, "."); i >= 0 {
			parent = where[:i]
		}
		hint := ""
		if s := DidYouMean(m[2], configKeys(parent)); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		if parent != "" {
			return fmt.Errorf("line %d: unknown key %q under %s%s", line, m[2], parent, hint)
		}
		return fmt.Errorf("line %d: unknown key %q%s", line, m[2], hint)
	}
	if m := regexp.MustCompile("line (\\d+): cannot unmarshal !!(\\w+) `?([^`]*)`? into (\\S+)").FindStringSubmatch(first); m != nil {
		line, _ := strconv.Atoi(m[1])
		want := m[4]
		switch {
		case strings.Contains(want, "int"):
			want = "a whole number"
		case strings.Contains(want, "float"):
			want = "a number"
		case strings.HasPrefix(want, "[]"):
			want = "a list"
		case strings.Contains(want, "string"):
			want = "text"
		case strings.Contains(want, "map") || strings.Contains(want, "Config"):
			want = "a mapping of keys"
		}
		return fmt.Errorf("line %d: %s must be %s, not %q", line, keyAtLine(root, line), want, valueAtLine(root, line, m[3]))
	}
	if m := lineRe.FindStringSubmatch(first); m != nil {
		line, _ := strconv.Atoi(m[1])
		if k := keyAtLine(root, line); k != "" {
			return fmt.Errorf("line %d: %s: %s", line, k, lineRe.ReplaceAllString(first, ""))
		}
	}
	return errors.New(first)
}

// keyAtLine returns the dotted key whose key or value stands on a line ("scrape.delay").
func keyAtLine(root *yaml.Node, line int) string {
	if root == nil {
		return ""
	}
	var walk func(n *yaml.Node, path string) string
	walk = func(n *yaml.Node, path string) string {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				if p := walk(c, path); p != "" {
					return p
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := k.Value
				if path != "" {
					p = path + "." + k.Value
				}
				if v.Kind == yaml.ScalarNode || v.Kind == yaml.AliasNode {
					if k.Line == line || v.Line == line {
						return p
					}
					continue
				}
				if r := walk(v, p); r != "" {
					return r
				}
				if k.Line == line {
					return p
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if c.Line == line && c.Kind == yaml.ScalarNode {
					return fmt.Sprintf("%s[%d]", path, i)
				}
				if p := walk(c, fmt.Sprintf("%s[%d]", path, i)); p != "" {
					return p
				}
			}
		}
		return ""
	}
	return walk(root, "")
}

// lineOf returns the line of a dotted key, 0 when absent.
func lineOf(root *yaml.Node, key string) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := 0
	for _, part := range strings.Split(key, ".") {
		if n == nil || n.Kind != yaml.MappingNode {
			return line
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == part {
				line = n.Content[i].Line
				next = n.Content[i+1]
			}
		}
		n = next
	}
	return line
}

func (c *Config) validate(root *yaml.Node) error {
	bad := func(key, format string, args ...any) error {
		msg := fmt.Sprintf(format, args...)
		if l := lineOf(root, key); l > 0 {
			return fmt.Errorf("line %d: %s %s", l, key, msg)
		}
		return fmt.Errorf("%s %s", key, msg)
	}
	if c.Profile.Years < 0 || c.Profile.Years > 60 {
		return bad("profile.years", "must be between 0 and 60, not %d", c.Profile.Years)
	}
	if s := c.Sources; s != nil {
		if w := s.Wanted; w != nil {
			if w.BaseURL == "" {
				w.BaseURL = defaultWantedURL
			}
			if err := checkURL(w.BaseURL); err != nil {
				return bad("sources.wanted.base_url", "%v", err)
			}
			if w.Categories == nil { // not written: 개발 (518), as documented; [] keeps every category
				w.Categories = []int{518}
			}
			for _, id := range w.Categories {
				if id <= 0 {
					return bad("sources.wanted.categories", "must hold Wanted category ids such as 518, not %d", id)
				}
			}
		}
		if g := s.Greenhouse; g != nil {
			if g.BaseURL == "" {
				g.BaseURL = defaultGreenhouseURL
			}
			if err := checkURL(g.BaseURL); err != nil {
				return bad("sources.greenhouse.base_url", "%v", err)
			}
		}
		if l := s.Lever; l != nil {
			if l.BaseURL == "" {
				l.BaseURL = defaultLeverURL
			}
			if err := checkURL(l.BaseURL); err != nil {
				return bad("sources.lever.base_url", "%v", err)
			}
		}
		if a := s.Ashby; a != nil {
			if a.BaseURL == "" {
				a.BaseURL = defaultAshbyURL
			}
			if err := checkURL(a.BaseURL); err != nil {
				return bad("sources.ashby.base_url", "%v", err)
			}
		}
		if t := s.Toss; t != nil && t.BaseURL != "" {
			if err := checkURL(t.BaseURL); err != nil {
				return bad("sources.toss.base_url", "%v", err)
			}
		}
		for key, u := range map[string]string{"greeting": platformBase(s.Greeting), "ninehire": platformBase(s.Ninehire),
			"jobflex": jobflexBase(s.Jobflex)} {
			if u != "" {
				if err := checkURL(u); err != nil {
					return bad("sources."+key+".base_url", "%v", err)
				}
			}
		}
		for key, site := range map[string]*SiteConfig{"kakao": s.Kakao, "woowa": s.Woowa, "line": s.Line, "naver": s.Naver} {
			if site != nil && site.BaseURL != "" {
				if err := checkURL(site.BaseURL); err != nil {
					return bad("sources."+key+".base_url", "%v", err)
				}
			}
		}
		for key, site := range map[string]*SiteConfig{"samsung": s.Samsung, "lg": s.LG, "sk": s.SK, "hyundai": s.Hyundai, "kia": s.Kia, "hanwha": s.Hanwha, "jumpit": s.Jumpit, "remember": s.Remember, "cj": s.CJ, "posco": s.POSCO} {
			if site != nil && site.BaseURL != "" {
				if err := checkURL(site.BaseURL); err != nil {
					return bad("sources."+key+".base_url", "%v", err)
				}
			}
		}
		if err := s.validateSaramin(bad); err != nil {
			return err
		}
		if err := s.applyCompanies(bad); err != nil {
			return err
		}
		for i, pg := range s.Pages {
			if err := checkURL(pg.URL); err != nil {
				return bad("sources.pages", "[%d].url %v", i, err)
			}
		}
	}
	sc := &c.Scrape
	if sc.Timeout <= 0 {
		return bad("scrape.timeout", "must be more than 0")
	}
	if sc.Parallelism < 0 || sc.Parallelism > 16 {
		return bad("scrape.parallelism", "must be between 1 and 16")
	}
	if sc.Parallelism == 0 {
		sc.Parallelism = 2
	}
	if sc.Retries != nil && (*sc.Retries < 0 || *sc.Retries > 10) {
		return bad("scrape.retries", "must be between 0 and 10")
	}
	if sc.Limit < 0 {
		return bad("scrape.limit", "must be 0 (no limit) or more")
	}
	if sc.Budget <= 0 {
		return bad("scrape.budget", "must be more than 0 (30m by default)")
	}
	return c.validateTargets(bad)
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("must be an http or https URL, not %q", s)
	}
	return nil
}

func platformBase(p *PlatformConfig) string {
	if p == nil {
		return ""
	}
	return p.BaseURL
}

func jobflexBase(j *JobflexConfig) string {
	if j == nil {
		return ""
	}
	return j.BaseURL
}
