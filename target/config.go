// Package target decides which postings count: the rules of config.yaml's targets section,
// and the selection of postings from the store, each scored as it is read, grouped by
// sighting, checked against the rules and ordered best first.
package target

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/jobs-cli/jobs"
)

// Config is the set of postings the user aims at (config.yaml's targets section). list,
// gaps, gaps --plan, digest and trends all work on it; with nothing set, every open posting
// is a target. The rules are applied locally, after collection, in this order; --verbose on
// list and gaps names each posting a rule leaves out. A posting that does not state what a
// rule looks at (no location, no employment type, no years) passes that rule.
type Config struct {
	// Roles: a posting is a target when its title holds a word of some role, or it carries
	// one of the role's Wanted category ids.
	Roles []Role `yaml:"roles"`
	// Companies: only these companies, names compared as watch.companies compares them.
	Companies []string `yaml:"companies"`
	// Locations: the posting's location contains one of these; "remote" (원격, 재택) takes
	// postings that allow remote work.
	Locations []string `yaml:"locations"`
	// EmploymentTypes: regular, contract, intern, part_time, freelance (or 정규직, 계약직,
	// 인턴, 파트타임, 프리랜서).
	EmploymentTypes []string `yaml:"employment_types"`
	// MinScore: postings scoring below it are left out.
	MinScore *float64 `yaml:"min_score"`
	// Years: the least experience a posting may ask for, within [min, max].
	Years Years `yaml:"years"`
	// ExcludeCompanies: companies whose name contains one of these are left out.
	ExcludeCompanies []string `yaml:"exclude_companies"`
	// ExcludeTitleWords: titles holding one of these words are left out.
	ExcludeTitleWords []string `yaml:"exclude_title_words"`
	// TalentPool: talent-pool postings (인재풀, a standing call rather than an opening) are
	// targets too; left out by default.
	TalentPool bool `yaml:"talent_pool"`
}

// Role is one role the user aims at.
type Role struct {
	Name       string   `yaml:"name"`
	Titles     []string `yaml:"titles"`
	Categories []int    `yaml:"categories"`
	// Plain is set for a role written as a plain word: the role dictionary (matcher/roles.yaml)
	// gives it its spellings in both languages and its categories.
	Plain bool `yaml:"-"`
}

// UnmarshalYAML reads a role: a mapping of name, titles and categories, or a plain word that
// a title must hold. Unknown keys are refused, as everywhere in the config.
func (r *Role) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		w := strings.TrimSpace(n.Value)
		*r = Role{Name: w, Titles: []string{w}, Plain: true}
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: a role is a word or a mapping of name, titles and categories", n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		switch k := n.Content[i]; k.Value {
		case "name", "titles", "categories":
		default:
			return fmt.Errorf("line %d: unknown key %q in a role (use name, titles, categories)", k.Line, k.Value)
		}
	}
	type plain Role
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*r = Role(p)
	return nil
}

// Years bounds the years of experience a posting may ask for; nil = no bound.
type Years struct {
	Min *int `yaml:"min"`
	Max *int `yaml:"max"`
}

// employmentTypes maps what a config may say to the words the sources are read into.
var employmentTypes = map[string]string{
	"regular": "regular", "fulltime": "regular", "정규직": "regular", "정규": "regular",
	"contract": "contract", "계약직": "contract", "계약": "contract",
	"intern": "intern", "internship": "intern", "인턴": "intern",
	"parttime": "part_time", "파트타임": "part_time", "아르바이트": "part_time",
	"freelance": "freelance", "프리랜서": "freelance",
}

func employmentKey(s string) string {
	return strings.NewReplacer(" ", "", "-", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s)))
}

// remoteWords name remote work in targets.locations.
var remoteWords = map[string]bool{"remote": true, "원격": true, "재택": true, "원격근무": true, "재택근무": true}

// InvalidError is a targets key whose value is refused: Key is its full config key
// ("targets.years.min"), Msg what is wrong, in words that follow the key.
type InvalidError struct {
	Key string
	Msg string
}

func (e *InvalidError) Error() string { return e.Key + " " + e.Msg }

func invalid(key, format string, args ...any) error {
	return &InvalidError{Key: key, Msg: fmt.Sprintf(format, args...)}
}

// Validate checks the section; the error it returns is an *InvalidError.
func (t *Config) Validate() error {
	if m := t.MinScore; m != nil && !(*m >= 0 && *m <= 1) {
		return invalid("targets.min_score", "must be between 0 and 1")
	}
	for i, r := range t.Roles {
		if len(r.Titles) == 0 && len(r.Categories) == 0 {
			return invalid("targets.roles", "[%d] names no title words and no categories", i)
		}
		for _, w := range r.Titles {
			if strings.TrimSpace(w) == "" {
				return invalid("targets.roles", "[%d].titles has an empty word", i)
			}
		}
		for _, id := range r.Categories {
			if id <= 0 {
				return invalid("targets.roles", "[%d].categories must hold Wanted category ids such as 1634, not %d", i, id)
			}
		}
	}
	for _, list := range []struct {
		key   string
		words []string
	}{
		{"targets.companies", t.Companies}, {"targets.locations", t.Locations},
		{"targets.exclude_companies", t.ExcludeCompanies}, {"targets.exclude_title_words", t.ExcludeTitleWords},
	} {
		for _, w := range list.words {
			if strings.TrimSpace(w) == "" {
				return invalid(list.key, "has an empty entry")
			}
		}
	}
	for _, c := range t.Companies {
		if jobs.NormalizeCompany(c) == "" {
			return invalid("targets.companies", "%q names no company (it has no letters or digits besides (주), Inc. and the like)", c)
		}
	}
	for _, e := range t.EmploymentTypes {
		if _, ok := employmentTypes[employmentKey(e)]; !ok {
			return invalid("targets.employment_types", "%q is not one of regular, contract, intern, part_time, freelance", e)
		}
	}
	y := t.Years
	switch {
	case y.Min != nil && (*y.Min < 0 || *y.Min > 60):
		return invalid("targets.years.min", "must be between 0 and 60, not %d", *y.Min)
	case y.Max != nil && (*y.Max < 0 || *y.Max > 60):
		return invalid("targets.years.max", "must be between 0 and 60, not %d", *y.Max)
	case y.Min != nil && y.Max != nil && *y.Min > *y.Max:
		return invalid("targets.years", "min %d is more than max %d", *y.Min, *y.Max)
	}
	return nil
}
