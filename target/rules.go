package target

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/safetext"
	"github.com/jobs-cli/jobs/matcher"
)

// Reason is a rule that leaves a posting out: the config key or flag that holds the rule,
// and a sentence for people that may quote the posting's text.
type Reason struct {
	Key  string
	Text string
}

// Exclusion is a posting left out of the targets, and why.
type Exclusion struct {
	Posting *jobs.Posting
	Reasons []Reason
}

// Rules is Config prepared for matching.
type Rules struct {
	roles      []preparedRole
	companies  map[string]bool
	locations  []string
	remoteOK   bool
	employment map[string]bool
	years      Years
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

// New prepares the targets for matching. known is the role dictionary that spells out a
// role written as a plain word; with none, plain words match as written.
func New(t Config, known *matcher.Roles) *Rules {
	r := &Rules{years: t.Years, minScore: t.MinScore, talentPool: t.TalentPool}
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
	return r
}

// Any reports whether some rule is set: with none, every open posting is a target.
func (r *Rules) Any() bool { return r.any }

// Excluded reports whether the rules leave a posting out, its score aside.
func (r *Rules) Excluded(p *jobs.Posting) bool {
	return len(r.Check([]*jobs.Posting{p})) > 0
}

// Check returns the rules that leave out a posting, given as its sightings (the first names
// it); none when it is a target. A rule on what a posting offers (role, location, employment
// type, years) passes when any sighting passes it; a blocklist leaves the posting out when any
// sighting is on it. The score is checked apart (CheckScore).
func (r *Rules) Check(g []*jobs.Posting) []Reason {
	var out []Reason
	for _, p := range g {
		if r.blockedCompany(p.Company) {
			out = append(out, Reason{"targets.exclude_companies", fmt.Sprintf("company %q is on targets.exclude_companies", safetext.OneLine(p.Company))})
			break
		}
	}
	for _, p := range g {
		if w := r.blockedWord(p.Title); w != "" {
			out = append(out, Reason{"targets.exclude_title_words", fmt.Sprintf("title has %q (targets.exclude_title_words)", w)})
			break
		}
	}
	if r.companies != nil && !anyOf(g, func(p *jobs.Posting) bool { return r.companies[jobs.NormalizeCompany(p.Company)] }) {
		out = append(out, Reason{"targets.companies", fmt.Sprintf("company %q is not in targets.companies", safetext.OneLine(g[0].Company))})
	}
	// With no targets configured every open posting is one (docs/cli.md); with targets, a
	// talent pool is one only when asked for.
	if r.any && !r.talentPool && !anyOf(g, func(p *jobs.Posting) bool { return p.EmploymentType != jobs.EmploymentTalentPool }) {
		out = append(out, Reason{"targets.talent_pool", "a talent-pool posting (인재풀), not an opening (targets.talent_pool)"})
	}
	if len(r.roles) > 0 && !anyOf(g, r.roleOf) {
		out = append(out, Reason{"targets.roles", "title holds no role word and the posting has no role category (targets.roles)"})
	}
	if (len(r.locations) > 0 || r.remoteOK) && !anyOf(g, r.locationOK) {
		where := safetext.OneLine(g[0].Location)
		for _, p := range g {
			if p.Location != "" {
				where = safetext.OneLine(p.Location)
				break
			}
		}
		out = append(out, Reason{"targets.locations", fmt.Sprintf("location %q is not in targets.locations", where)})
	}
	if r.employment != nil && !anyOf(g, r.employmentOK) {
		out = append(out, Reason{"targets.employment_types", fmt.Sprintf("employment type %q is not in targets.employment_types", safetext.OneLine(g[0].EmploymentType))})
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
				out = append(out, Reason{"targets.years.max", fmt.Sprintf("asks for %d+ years, more than targets.years.max (%d)", asked, *y.Max)})
			} else {
				out = append(out, Reason{"targets.years.min", fmt.Sprintf("asks for %d+ years, fewer than targets.years.min (%d)", asked, *y.Min)})
			}
		}
	}
	return out
}

// CheckScore returns the rule a score fails: --min-score when the command line set one, else
// targets.min_score.
func (r *Rules) CheckScore(score float64, flag *float64) (Reason, bool) {
	switch {
	case flag != nil && score < *flag:
		return Reason{"--min-score", fmt.Sprintf("score %.2f is below --min-score %.2f", score, *flag)}, true
	case flag == nil && r.minScore != nil && score < *r.minScore:
		return Reason{"targets.min_score", fmt.Sprintf("score %.2f is below targets.min_score (%.2f)", score, *r.minScore)}, true
	}
	return Reason{}, false
}

func anyOf(g []*jobs.Posting, ok func(*jobs.Posting) bool) bool {
	for _, p := range g {
		if ok(p) {
			return true
		}
	}
	return false
}

func (r *Rules) roleOf(p *jobs.Posting) bool {
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

func (r *Rules) blockedCompany(name string) bool {
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

func (r *Rules) blockedWord(title string) string {
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

func (r *Rules) locationOK(p *jobs.Posting) bool {
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

func (r *Rules) employmentOK(p *jobs.Posting) bool {
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
	return strings.Join(strings.Fields(strings.ToLower(safetext.Clean(s))), " ")
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
