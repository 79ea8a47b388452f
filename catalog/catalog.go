// Package catalog is the built-in catalogue of Korean companies: each company's names and
// spellings, and where it posts its openings (a Greenhouse board, a Greeting tenant, a group
// career site). It lets a user name a company rather than a source, and lets postings of one
// company seen under different names be joined. The catalogue is data, companies.yaml.
package catalog

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/jobs-cli/jobs"
)

//go:embed companies.yaml
var companiesYAML []byte

// Source kinds a company can post on.
const (
	Greenhouse = "greenhouse"
	Lever      = "lever"
	Ashby      = "ashby"
	Greeting   = "greeting"
	Ninehire   = "ninehire"
	Jobflex    = "jobflex"
)

// boardKinds take the company's id on them; siteKinds are one company's (or group's) own
// career site and take none.
var (
	boardKinds = []string{Greenhouse, Lever, Ashby, Greeting, Ninehire, Jobflex}
	siteKinds  = []string{"kakao", "naver", "woowa", "line", "toss", "samsung", "lg", "sk", "hyundai", "kia", "hanwha", "cj", "posco"}
)

// Kinds is every source kind a catalogue entry may name, boards first.
func Kinds() []string { return append(slices.Clone(boardKinds), siteKinds...) }

// IsBoardKind reports whether a kind takes an id (a board token, a tenant).
func IsBoardKind(kind string) bool { return slices.Contains(boardKinds, kind) }

// Source is one place a company posts: a kind, and its id there for a board or platform.
type Source struct {
	Kind string `yaml:"kind"`
	ID   string `yaml:"id"`
}

func (s Source) String() string {
	if s.ID == "" {
		return s.Kind
	}
	return s.Kind + " " + s.ID
}

// Company is one catalogue entry.
type Company struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Sources []Source `yaml:"sources"`
}

// Catalog is a parsed catalogue.
type Catalog struct {
	companies []Company
	byKey     map[string]int // a folded name or alias -> index in companies
}

// Parse reads a catalogue in the format of companies.yaml and checks it: every company has
// a name and a source of a known kind (with an id exactly for the kinds that take one), and
// no name or alias names two companies.
func Parse(data []byte) (*Catalog, error) {
	var doc struct {
		Companies []Company `yaml:"companies"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("company catalogue: %v", err)
	}
	c := &Catalog{byKey: map[string]int{}}
	for i, co := range doc.Companies {
		co.Name = strings.TrimSpace(co.Name)
		if jobs.FoldCompany(co.Name) == "" {
			return nil, fmt.Errorf("company catalogue: entry %d has no name", i+1)
		}
		if len(co.Sources) == 0 {
			return nil, fmt.Errorf("company catalogue: %s names no source", co.Name)
		}
		for _, s := range co.Sources {
			switch {
			case !slices.Contains(Kinds(), s.Kind):
				return nil, fmt.Errorf("company catalogue: %s: unknown source kind %q", co.Name, s.Kind)
			case IsBoardKind(s.Kind) && strings.TrimSpace(s.ID) == "":
				return nil, fmt.Errorf("company catalogue: %s: a %s source needs an id", co.Name, s.Kind)
			case !IsBoardKind(s.Kind) && s.ID != "":
				return nil, fmt.Errorf("company catalogue: %s: a %s source takes no id", co.Name, s.Kind)
			}
		}
		for _, n := range append([]string{co.Name}, co.Aliases...) {
			k := jobs.FoldCompany(n)
			if k == "" {
				return nil, fmt.Errorf("company catalogue: %s: alias %q is empty once folded", co.Name, n)
			}
			if j, ok := c.byKey[k]; ok && j != len(c.companies) {
				return nil, fmt.Errorf("company catalogue: %q names both %s and %s", n, c.companies[j].Name, co.Name)
			}
			c.byKey[k] = len(c.companies)
		}
		c.companies = append(c.companies, co)
	}
	return c, nil
}

var builtin = sync.OnceValues(func() (*Catalog, error) { return Parse(companiesYAML) })

// Builtin is the catalogue embedded in the binary. Its error is for a broken build only
// (catalog_test.go parses it).
func Builtin() (*Catalog, error) { return builtin() }

// Install makes the built-in catalogue's aliases the ones company names are folded with
// (jobs.SetCompanyAliases). A program calls it once as it starts, before any posting is
// stored or compared, so every command folds company names the same way.
func Install() {
	if c, err := builtin(); err == nil {
		jobs.SetCompanyAliases(c.Aliases())
	}
}

// Companies returns every company, in the catalogue's order.
func (c *Catalog) Companies() []Company { return slices.Clone(c.companies) }

// Lookup finds a company by its name or any alias, compared as company names are
// (jobs.FoldCompany: case, spacing, "(주)" and "Inc." do not matter).
func (c *Catalog) Lookup(name string) (Company, bool) {
	i, ok := c.byKey[jobs.FoldCompany(name)]
	if !ok {
		return Company{}, false
	}
	return c.companies[i], true
}

// Aliases maps every alias of every company to the company's name, for
// jobs.SetCompanyAliases.
func (c *Catalog) Aliases() map[string]string {
	m := map[string]string{}
	for _, co := range c.companies {
		for _, a := range co.Aliases {
			m[a] = co.Name
		}
	}
	return m
}

// Plan is what a list of named companies turns on: the ids to add to each board kind, and
// the company career sites to turn on.
type Plan struct {
	Boards map[string][]string // kind -> ids, in the order named, without repeats
	Sites  []string            // site kinds, sorted
}

// Resolve turns company names into the sources they need. Every name must be in the
// catalogue; the error names the ones that are not, with the closest names it knows.
func (c *Catalog) Resolve(names []string) (Plan, error) {
	p := Plan{Boards: map[string][]string{}}
	var unknown []string
	sites := map[string]bool{}
	for _, n := range names {
		co, ok := c.Lookup(n)
		if !ok {
			unknown = append(unknown, n)
			continue
		}
		for _, s := range co.Sources {
			if s.ID == "" {
				sites[s.Kind] = true
				continue
			}
			if !slices.Contains(p.Boards[s.Kind], s.ID) {
				p.Boards[s.Kind] = append(p.Boards[s.Kind], s.ID)
			}
		}
	}
	for k := range sites {
		p.Sites = append(p.Sites, k)
	}
	sort.Strings(p.Sites)
	if len(unknown) > 0 {
		msg := fmt.Sprintf("%q is not in the company catalogue", unknown[0])
		if len(unknown) > 1 {
			msg = fmt.Sprintf("%d names are not in the company catalogue (%s)", len(unknown), quoteAll(unknown))
		}
		if near := c.near(unknown[0]); len(near) > 0 {
			msg += "; did you mean " + strings.Join(near, " or ") + "?"
		}
		return p, fmt.Errorf("%s (jobs sources lists the companies it knows; configure an unlisted company's board under its source)", msg)
	}
	return p, nil
}

// near returns up to three catalogue names sharing a folded prefix of two runes or more with
// name.
func (c *Catalog) near(name string) []string {
	k := []rune(jobs.FoldCompany(name))
	if len(k) < 2 {
		return nil
	}
	prefix := string(k[:2])
	var out []string
	for _, co := range c.companies {
		for _, n := range append([]string{co.Name}, co.Aliases...) {
			if strings.HasPrefix(jobs.FoldCompany(n), prefix) {
				out = append(out, co.Name)
				break
			}
		}
		if len(out) == 3 {
			break
		}
	}
	return out
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}
