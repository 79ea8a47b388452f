package main

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// TargetsConfig is the set of postings the user aims at. list, gaps, gaps --plan, digest and
// trends all work on it; with nothing set, every open posting is a target. The rules are
// applied locally, after collection, in this order; --verbose on list and gaps names each
// posting a rule leaves out. A posting that does not state what a rule looks at (no location,
// no employment type, no years) passes that rule.
type TargetsConfig struct {
	// Roles: a posting is a target when its title holds a word of some role, or it carries
	// one of the role's Wanted category ids.
	Roles []RoleTarget `yaml:"roles"`
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
	Years YearsWindow `yaml:"years"`
	// ExcludeCompanies: companies whose name contains one of these are left out.
	ExcludeCompanies []string `yaml:"exclude_companies"`
	// ExcludeTitleWords: titles holding one of these words are left out.
	ExcludeTitleWords []string `yaml:"exclude_title_words"`
	// TalentPool: talent-pool postings (인재풀, a standing call rather than an opening) are
	// targets too; left out by default.
	TalentPool bool `yaml:"talent_pool"`
}

// RoleTarget is one role the user aims at.
type RoleTarget struct {
	Name       string   `yaml:"name"`
	Titles     []string `yaml:"titles"`
	Categories []int    `yaml:"categories"`
	// Plain is set for a role written as a plain word: the role dictionary (matcher/roles.yaml)
	// gives it its spellings in both languages and its categories.
	Plain bool `yaml:"-"`
}

// UnmarshalYAML reads a role: a mapping of name, titles and categories, or a plain word that
// a title must hold. Unknown keys are refused, as everywhere in the config.
func (r *RoleTarget) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		w := strings.TrimSpace(n.Value)
		*r = RoleTarget{Name: w, Titles: []string{w}, Plain: true}
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
	type plain RoleTarget
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*r = RoleTarget(p)
	return nil
}

// YearsWindow bounds the years of experience a posting may ask for; nil = no bound.
type YearsWindow struct {
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

// validateTargets checks the targets block and folds the older filters block into it:
// filters.min_score, filters.exclude_companies and filters.exclude_title_words are the
// targets keys of the same names. bad formats an error naming a key and its line.
func (c *Config) validateTargets(bad func(key, format string, args ...any) error) error {
	t := &c.Targets
	if f := c.Filters.MinScore; f != nil {
		if !(*f >= 0 && *f <= 1) { // NaN too
			return bad("filters.min_score", "must be between 0 and 1")
		}
		if t.MinScore != nil && *t.MinScore != *f {
			return bad("filters.min_score", "is %g but targets.min_score is %g: keep one (filters is the older name of targets)", *f, *t.MinScore)
		}
		t.MinScore = f
	}
	t.ExcludeCompanies = append(t.ExcludeCompanies, c.Filters.ExcludeCompanies...)
	t.ExcludeTitleWords = append(t.ExcludeTitleWords, c.Filters.ExcludeTitleWords...)
	c.Filters = FiltersConfig{MinScore: t.MinScore, ExcludeCompanies: t.ExcludeCompanies, ExcludeTitleWords: t.ExcludeTitleWords}

	if m := t.MinScore; m != nil && !(*m >= 0 && *m <= 1) {
		return bad("targets.min_score", "must be between 0 and 1")
	}
	for i, r := range t.Roles {
		if len(r.Titles) == 0 && len(r.Categories) == 0 {
			return bad("targets.roles", "[%d] names no title words and no categories", i)
		}
		for _, w := range r.Titles {
			if strings.TrimSpace(w) == "" {
				return bad("targets.roles", "[%d].titles has an empty word", i)
			}
		}
		for _, id := range r.Categories {
			if id <= 0 {
				return bad("targets.roles", "[%d].categories must hold Wanted category ids such as 1634, not %d", i, id)
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
				return bad(list.key, "has an empty entry")
			}
		}
	}
	for _, c := range t.Companies {
		if jobs.NormalizeCompany(c) == "" {
			return bad("targets.companies", "%q names no company (it has no letters or digits besides (주), Inc. and the like)", c)
		}
	}
	for _, e := range t.EmploymentTypes {
		if _, ok := employmentTypes[employmentKey(e)]; !ok {
			return bad("targets.employment_types", "%q is not one of regular, contract, intern, part_time, freelance", e)
		}
	}
	y := t.Years
	switch {
	case y.Min != nil && (*y.Min < 0 || *y.Min > 60):
		return bad("targets.years.min", "must be between 0 and 60, not %d", *y.Min)
	case y.Max != nil && (*y.Max < 0 || *y.Max > 60):
		return bad("targets.years.max", "must be between 0 and 60, not %d", *y.Max)
	case y.Min != nil && y.Max != nil && *y.Min > *y.Max:
		return bad("targets.years", "min %d is more than max %d", *y.Min, *y.Max)
	}
	return nil
}

// targetRules is TargetsConfig prepared for matching.
type targetRules struct {
	roles      []preparedRole
	companies  map[string]bool
	locations  []string
	remoteOK   bool
	employment map[string]bool
	years      YearsWindow
	minScore   *float64
	exCompany  []string // folded company names
	exTitle    []string // folded words
	talentPool bool     // talent-pool postings are targets
	any        bool     // some rule is set
}

type preparedRole struct {
	words      []string
	categories map[int]bool
}

// targetRules returns the config's targets, prepared once.
func (c *Config) targetRules() *targetRules {
	if c.rules != nil {
		return c.rules
	}
	t := &c.Targets
	r := &targetRules{years: t.Years, minScore: t.MinScore, talentPool: t.TalentPool}
	// The role dictionary is embedded and tested; were it unreadable, plain words would
	// match as written.
	known, _ := matcher.BuiltinRoles()
	for _, role := range t.Roles {
		titles, categories := role.Titles, role.Categories
		if role.Plain && known != nil {
			if kr, ok := known.Lookup(role.Name); ok {
				titles = append(append([]string{}, titles...), kr.Titles...)
				categories = append(append([]int{}, categories...), kr.Categories...)
			}
		}
		pr := preparedRole{categories: map[int]bool{}}
		for _, w := range titles {
			pr.words = append(pr.words, foldWord(w))
		}
		for _, id := range categories {
			pr.categories[id] = true
		}
		r.roles = append(r.roles, pr)
	}
	if len(t.Companies) > 0 {
		r.companies = map[string]bool{}
		for _, name := range t.Companies {
			r.companies[jobs.NormalizeCompany(name)] = true
		}
	}
	for _, l := range t.Locations {
		l = foldWord(l)
		if remoteWords[strings.ReplaceAll(l, " ", "")] {
			r.remoteOK = true
			continue
		}
		r.locations = append(r.locations, l)
	}
	if len(t.EmploymentTypes) > 0 {
		r.employment = map[string]bool{}
		for _, e := range t.EmploymentTypes {
			r.employment[employmentTypes[employmentKey(e)]] = true
		}
	}
	for _, name := range t.ExcludeCompanies {
		if k := jobs.NormalizeCompany(name); k != "" {
			r.exCompany = append(r.exCompany, k)
		}
	}
	for _, w := range t.ExcludeTitleWords {
		r.exTitle = append(r.exTitle, foldWord(w))
	}
	r.any = len(r.roles) > 0 || r.companies != nil || len(r.locations) > 0 || r.remoteOK || r.employment != nil ||
		t.Years.Min != nil || t.Years.Max != nil || r.minScore != nil && *r.minScore > 0 || len(r.exCompany) > 0 || len(r.exTitle) > 0
	c.rules = r
	return r
}

// check returns the rules that leave out a posting, given as its sightings (the first names
// it); none when it is a target. A rule on what a posting offers (role, location, employment
// type, years) passes when any sighting passes it; a blocklist leaves the posting out when any
// sighting is on it. The score is checked apart (checkScore).
func (r *targetRules) check(g []*jobs.Posting) []reason {
	var out []reason
	for _, p := range g {
		if r.blockedCompany(p.Company) {
			out = append(out, reason{"targets.exclude_companies", fmt.Sprintf("company %q is on targets.exclude_companies", oneLine(p.Company))})
			break
		}
	}
	for _, p := range g {
		if w := r.blockedWord(p.Title); w != "" {
			out = append(out, reason{"targets.exclude_title_words", fmt.Sprintf("title has %q (targets.exclude_title_words)", w)})
			break
		}
	}
	if r.companies != nil && !anyOf(g, func(p *jobs.Posting) bool { return r.companies[jobs.NormalizeCompany(p.Company)] }) {
		out = append(out, reason{"targets.companies", fmt.Sprintf("company %q is not in targets.companies", oneLine(g[0].Company))})
	}
	// With no targets configured every open posting is one (docs/cli.md); with targets, a
	// talent pool is one only when asked for.
	if r.any && !r.talentPool && !anyOf(g, func(p *jobs.Posting) bool { return p.EmploymentType != jobs.EmploymentTalentPool }) {
		out = append(out, reason{"targets.talent_pool", "a talent-pool posting (인재풀), not an opening (targets.talent_pool)"})
	}
	if len(r.roles) > 0 && !anyOf(g, r.roleOf) {
		out = append(out, reason{"targets.roles", "title holds no role word and the posting has no role category (targets.roles)"})
	}
	if (len(r.locations) > 0 || r.remoteOK) && !anyOf(g, r.locationOK) {
		where := oneLine(g[0].Location)
		for _, p := range g {
			if p.Location != "" {
				where = oneLine(p.Location)
				break
			}
		}
		out = append(out, reason{"targets.locations", fmt.Sprintf("location %q is not in targets.locations", where)})
	}
	if r.employment != nil && !anyOf(g, r.employmentOK) {
		out = append(out, reason{"targets.employment_types", fmt.Sprintf("employment type %q is not in targets.employment_types", oneLine(g[0].EmploymentType))})
	}
	if y := r.years; y.Min != nil || y.Max != nil {
		ok := false
		var asked int
		for _, p := range g {
			n, stated := askedYears(p)
			if !stated || (y.Min == nil || n >= *y.Min) && (y.Max == nil || n <= *y.Max) {
				ok = true
				break
			}
			asked = n
		}
		if !ok {
			if y.Max != nil && asked > *y.Max {
				out = append(out, reason{"targets.years.max", fmt.Sprintf("asks for %d+ years, more than targets.years.max (%d)", asked, *y.Max)})
			} else {
				out = append(out, reason{"targets.years.min", fmt.Sprintf("asks for %d+ years, fewer than targets.years.min (%d)", asked, *y.Min)})
			}
		}
	}
	return out
}

// checkScore returns the rule a score fails: --min-score when the command line set one, else
// targets.min_score.
func (r *targetRules) checkScore(score float64, flag *float64) (reason, bool) {
	switch {
	case flag != nil && score < *flag:
		return reason{"--min-score", fmt.Sprintf("score %.2f is below --min-score %.2f", score, *flag)}, true
	case flag == nil && r.minScore != nil && score < *r.minScore:
		return reason{"targets.min_score", fmt.Sprintf("score %.2f is below targets.min_score (%.2f)", score, *r.minScore)}, true
	}
	return reason{}, false
}

func anyOf(g []*jobs.Posting, ok func(*jobs.Posting) bool) bool {
	for _, p := range g {
		if ok(p) {
			return true
		}
	}
	return false
}

func (r *targetRules) roleOf(p *jobs.Posting) bool {
	title := foldWord(p.Title)
	for _, role := range r.roles {
		for _, w := range role.words {
			if hasWord(title, w) {
				return true
			}
		}
		for _, c := range p.Categories {
			if role.categories[c] {
				return true
			}
		}
	}
	return false
}

func (r *targetRules) blockedCompany(name string) bool {
	if len(r.exCompany) == 0 {
		return false
	}
	key := jobs.NormalizeCompany(name)
	for _, c := range r.exCompany {
		if strings.Contains(key, c) {
			return true
		}
	}
	return false
}

func (r *targetRules) blockedWord(title string) string {
	if len(r.exTitle) == 0 {
		return ""
	}
	t := foldWord(title)
	for _, w := range r.exTitle {
		if hasWord(t, w) {
			return w
		}
	}
	return ""
}

func (r *targetRules) locationOK(p *jobs.Posting) bool {
	loc := foldWord(p.Location)
	if r.remoteOK && (p.Remote || containsAnyRemote(loc)) {
		return true
	}
	if loc == "" {
		return true // the posting states no location
	}
	for _, l := range r.locations {
		if strings.Contains(loc, l) {
			return true
		}
	}
	return false
}

func containsAnyRemote(loc string) bool {
	for w := range remoteWords {
		if strings.Contains(loc, w) {
			return true
		}
	}
	return false
}

func (r *targetRules) employmentOK(p *jobs.Posting) bool {
	if strings.TrimSpace(p.EmploymentType) == "" {
		return true
	}
	k := employmentKey(p.EmploymentType)
	if v, ok := employmentTypes[k]; ok {
		k = v
	}
	return r.employment[k]
}

// askedYears is the least experience a posting asks for: what its text says, else the
// source's career range; stated is false when neither says.
func askedYears(p *jobs.Posting) (n int, stated bool) {
	if p.Analysis != nil && p.Analysis.MinYears != nil {
		return *p.Analysis.MinYears, true
	}
	if p.Career != nil {
		return p.Career.Min, true
	}
	return 0, false
}

// foldWord is text compared by the target rules: lower case, runs of space made one space.
func foldWord(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(clean(s))), " ")
}

// hasWord reports whether folded text holds folded word w. A word that begins or ends with
// a Latin letter or digit must stand apart from other Latin letters and digits there, so
// "ML" is in "ML Engineer" and "ML엔지니어" but not in "HTML"; Korean words match inside
// longer words ("데이터" in "데이터분석가").
func hasWord(text, w string) bool {
	if w == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(w)
	last, _ := utf8.DecodeLastRuneInString(w)
	for from := 0; from <= len(text)-len(w); {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if (!latinWord(first) || !latinWord(before)) && (!latinWord(last) || !latinWord(after)) {
			return true
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		from = i + size
	}
	return false
}

func latinWord(r rune) bool {
	return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// reason is a rule that leaves a posting out: the config key or flag that holds the rule,
// and a sentence for people that may quote the posting's text.
type reason struct {
	Key  string
	Text string
}

// exclusion is a posting left out of the targets, and why.
type exclusion struct {
	Posting *jobs.Posting
	Rules   []reason
}

// printExclusions writes each excluded posting and its rules to stderr, then a count by rule.
func printExclusions(io *IOStreams, ex []exclusion, kept int) {
	byKey := map[string]int{}
	for _, e := range ex {
		texts := make([]string, len(e.Rules))
		for i, r := range e.Rules {
			texts[i] = r.Text
			byKey[r.Key]++
		}
		fmt.Fprintf(io.ErrOut, "excluded #%d %s · %s: %s\n", e.Posting.ID, oneLine(e.Posting.Company),
			oneLine(e.Posting.Title), strings.Join(texts, "; "))
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if byKey[keys[i]] != byKey[keys[j]] {
			return byKey[keys[i]] > byKey[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " " + strconv.Itoa(byKey[k])
	}
	msg := fmt.Sprintf("%s kept, %s excluded", countOf(kept, "posting", "postings"), strconv.Itoa(len(ex)))
	if len(parts) > 0 {
		msg += " (" + strings.Join(parts, ", ") + ")"
	}
	fmt.Fprintln(io.ErrOut, msg+".")
}
