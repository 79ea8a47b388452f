package config

import (
	"os"
	"slices"
	"strings"

	"github.com/jobs-cli/jobs/catalog"
)

// This file connects the built-in company catalogue to the configuration: the names under
// sources.companies turn on the sources each company needs, and the catalogue's aliases make
// one company's spellings one company everywhere (dedup, watch.companies, targets).

// CatalogueTurnedOn records what sources.companies added to the configuration, so that
// `jobs sources` can say why a source is on.
type CatalogueTurnedOn struct {
	// Boards: kind -> the ids the catalogue added (ids already configured are not repeated).
	Boards map[string][]string
	// Sites the catalogue turned on that were not configured.
	Sites []string
}

// FromCatalogue is what sources.companies turned on.
func (s *SourcesConfig) FromCatalogue() CatalogueTurnedOn { return s.catalogue }

// applyCompanies resolves sources.companies against the catalogue and turns on what each
// company needs: its boards are added to sources.greenhouse.boards, sources.lever.sites,
// sources.ashby.boards, sources.greeting.companies, sources.ninehire.companies and
// sources.jobflex.tenants (a source not configured is created with its default base URL),
// and its company career sites are turned on as if written {}.
func (s *SourcesConfig) applyCompanies(bad func(key, format string, args ...any) error) error {
	if len(s.Companies) == 0 {
		return nil
	}
	cat, err := catalog.Builtin()
	if err != nil {
		return bad("sources.companies", "cannot be read: the built-in catalogue is broken: %v", err)
	}
	plan, err := cat.Resolve(s.Companies)
	if err != nil {
		return bad("sources.companies", "%v", err)
	}
	on := CatalogueTurnedOn{Boards: map[string][]string{}}
	addTo := func(kind string, list *[]string) {
		for _, id := range plan.Boards[kind] {
			if !slices.Contains(*list, id) {
				*list = append(*list, id)
				on.Boards[kind] = append(on.Boards[kind], id)
			}
		}
	}
	if len(plan.Boards[catalog.Greenhouse]) > 0 {
		if s.Greenhouse == nil {
			s.Greenhouse = &GreenhouseConfig{BaseURL: defaultGreenhouseURL}
		}
		addTo(catalog.Greenhouse, &s.Greenhouse.Boards)
	}
	if len(plan.Boards[catalog.Lever]) > 0 {
		if s.Lever == nil {
			s.Lever = &LeverConfig{BaseURL: defaultLeverURL}
		}
		addTo(catalog.Lever, &s.Lever.Sites)
	}
	if len(plan.Boards[catalog.Ashby]) > 0 {
		if s.Ashby == nil {
			s.Ashby = &AshbyConfig{BaseURL: defaultAshbyURL}
		}
		addTo(catalog.Ashby, &s.Ashby.Boards)
	}
	if len(plan.Boards[catalog.Greeting]) > 0 {
		if s.Greeting == nil {
			s.Greeting = &PlatformConfig{}
		}
		addTo(catalog.Greeting, &s.Greeting.Companies)
	}
	if len(plan.Boards[catalog.Ninehire]) > 0 {
		if s.Ninehire == nil {
			s.Ninehire = &PlatformConfig{}
		}
		addTo(catalog.Ninehire, &s.Ninehire.Companies)
	}
	if len(plan.Boards[catalog.Jobflex]) > 0 {
		if s.Jobflex == nil {
			s.Jobflex = &JobflexConfig{}
		}
		addTo(catalog.Jobflex, &s.Jobflex.Tenants)
	}
	for _, kind := range plan.Sites {
		if s.turnOnSite(kind) {
			on.Sites = append(on.Sites, kind)
		}
	}
	s.catalogue = on
	return nil
}

// turnOnSite turns on a company career site as if configured {}; false when it was on.
func (s *SourcesConfig) turnOnSite(kind string) bool {
	if kind == "toss" {
		if s.Toss != nil {
			return false
		}
		s.Toss = &TossConfig{}
		return true
	}
	p := s.siteField(kind)
	if p == nil || *p != nil {
		return false
	}
	*p = &SiteConfig{}
	return true
}

// Site is the settings of a company career site; nil when it is off or kind is another kind.
func (s *SourcesConfig) Site(kind string) *SiteConfig {
	if p := s.siteField(kind); p != nil {
		return *p
	}
	return nil
}

// siteField is the field of a company career site's settings; nil for another kind.
func (s *SourcesConfig) siteField(kind string) **SiteConfig {
	switch kind {
	case "kakao":
		return &s.Kakao
	case "naver":
		return &s.Naver
	case "woowa":
		return &s.Woowa
	case "line":
		return &s.Line
	case "samsung":
		return &s.Samsung
	case "lg":
		return &s.LG
	case "sk":
		return &s.SK
	case "hyundai":
		return &s.Hyundai
	case "kia":
		return &s.Kia
	case "hanwha":
		return &s.Hanwha
	case "jumpit":
		return &s.Jumpit
	case "remember":
		return &s.Remember
	case "cj":
		return &s.CJ
	case "posco":
		return &s.POSCO
	}
	return nil
}

// SaraminConfig is Saramin's official Open API, read with the user's own access key.
type SaraminConfig struct {
	BaseURL   string   `yaml:"base_url"`
	AccessKey string   `yaml:"access_key"`
	Keywords  []string `yaml:"keywords"`
	// JobMidCode is Saramin's job category (job_mid_cd); 2 = IT개발·데이터.
	JobMidCode int `yaml:"job_mid_cd"`
}

// SaraminKeyEnv names the environment variable that gives the Saramin access key when the
// config file does not (so that the key need not be written in a file).
const SaraminKeyEnv = "JOBS_SARAMIN_KEY"

// validateSaramin fills Saramin's defaults and checks that a key is given.
func (s *SourcesConfig) validateSaramin(bad func(key, format string, args ...any) error) error {
	sa := s.Saramin
	if sa == nil {
		return nil
	}
	if sa.BaseURL == "" {
		sa.BaseURL = defaultSaraminURL
	}
	if err := checkURL(sa.BaseURL); err != nil {
		return bad("sources.saramin.base_url", "%v", err)
	}
	if strings.TrimSpace(sa.AccessKey) == "" {
		sa.AccessKey = strings.TrimSpace(os.Getenv(SaraminKeyEnv))
	}
	if sa.AccessKey == "" {
		return bad("sources.saramin.access_key", "is empty: Saramin's Open API needs your own access key "+
			"(apply at oapi.saramin.co.kr), given here or in $%s", SaraminKeyEnv)
	}
	if sa.JobMidCode < 0 {
		return bad("sources.saramin.job_mid_cd", "must be a Saramin job category such as 2, not %d", sa.JobMidCode)
	}
	if sa.JobMidCode == 0 {
		sa.JobMidCode = 2
	}
	return nil
}
