// Package synth generates a reproducible corpus of job postings that look like the ones `jobs`
// collects: Korean Wanted postings (about 85%) and English Greenhouse and Lever postings, with
// role-specific requirements, Korean and Latin skill spellings with particles, years and degree
// lines, and the usual traps of real text ("100년 이상" in an intro, "Slack" in benefits). It
// is for benchmarks and load tests: every company is fictional and the same seed always gives
// the same postings.
package synth

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jobs-cli/jobs"
)

// Ref is the moment the corpus is generated "at": first-seen times fall in the 365 days
// before it. It is fixed so that output never depends on the clock.
var Ref = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// Source shares: Wanted below shareWanted, Greenhouse below shareGreenhouse, Lever above.
const (
	shareWanted     = 0.85
	shareGreenhouse = 0.94
)

// NewRand returns the generator Postings uses for seed: a PCG seeded from it.
func NewRand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
}

// Postings returns n postings generated from seed: Posting(r, i) for i = 0..n-1 with
// r = NewRand(seed). The same n and seed give the same postings.
func Postings(n int, seed int64) []*jobs.Posting {
	if n <= 0 {
		return nil
	}
	r := NewRand(seed)
	out := make([]*jobs.Posting, n)
	for i := range out {
		out[i] = Posting(r, i)
	}
	return out
}

// Posting generates the posting numbered i from r. Its source id is derived from i alone, so
// postings with distinct i never share a (source, source_id). It leaves Analysis, FirstSeen,
// LastSeen and ClosedAt unset: the matcher and the store set those.
func Posting(r *rand.Rand, i int) *jobs.Posting {
	g := &gen{r: r}
	switch u := r.Float64(); {
	case u < shareWanted:
		return g.korean(i)
	case u < shareGreenhouse:
		return g.english(i, "greenhouse")
	default:
		return g.english(i, "lever")
	}
}

// FirstSeen is when the corpus says p was first seen: p.FirstSeen when set, otherwise a time
// in the 365 days before Ref derived from p's source and source id.
func FirstSeen(p *jobs.Posting) time.Time {
	if !p.FirstSeen.IsZero() {
		return p.FirstSeen
	}
	return firstSeen(p.Source, p.SourceID)
}

func firstSeen(source, sourceID string) time.Time {
	h := fnv.New64a()
	h.Write([]byte(source))
	h.Write([]byte{0})
	h.Write([]byte(sourceID))
	const year = 365 * 24 * 60 * 60
	return Ref.Add(-time.Duration(h.Sum64()%year+1) * time.Second)
}

var (
	roleDraw       weighted
	roleSkillDraw  []weighted
	companyKoDraw  = newZipf(numCompaniesKo, 0.5)
	companyGHDraw  = newZipf(numCompaniesGreenhouse, 0.5)
	companyLvDraw  = newZipf(numCompaniesLever, 0.5)
	districtDraw   weighted
	locationEnDraw weighted
	minYearsDraw   = newWeighted([]float64{8, 14, 22, 8, 20, 0, 10, 5, 0, 5}) // 1..10 years
)

var minYearsValues = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}

func init() {
	ws := make([]float64, len(roles))
	for i, ro := range roles {
		ws[i] = ro.weight
		for _, k := range ro.pool {
			if skills[k] == nil {
				panic("synth: role names unknown skill " + k)
			}
		}
		roleSkillDraw = append(roleSkillDraw, newZipf(len(ro.pool), 1.0))
	}
	roleDraw = newWeighted(ws)
	ws = make([]float64, len(districts))
	for i, d := range districts {
		ws[i] = d.weight
	}
	districtDraw = newWeighted(ws)
	ws = make([]float64, len(locationsEn))
	for i, l := range locationsEn {
		ws[i] = l.weight
	}
	locationEnDraw = newWeighted(ws)
}

// gen builds one posting.
type gen struct {
	r      *rand.Rand
	ko     bool // Korean text
	role   *role
	roleIx int
	used   []string // skill keys already asked for in requirements or preferred
	bullet string
	s      slots
	b      strings.Builder
}

// experience is what a posting says about years: at least min, at most max (-1 = no upper
// bound), open to new graduates, and whether a years line says so at all.
type experience struct {
	min, max int
	newbie   bool
	stated   bool
}

func (g *gen) korean(i int) *jobs.Posting {
	r := g.r
	g.ko = true
	g.roleIx = roleDraw.draw(r)
	g.role = &roles[g.roleIx]
	g.bullet = "• "
	if r.IntN(100) < 15 {
		g.bullet = "- "
	}
	co := companiesKo[companyKoDraw.draw(r)]
	dom := pick(r, domains)
	g.s.K, g.s.D, g.s.P, g.s.R = co.name, dom.ko, dom.product, g.role.field

	emp := "regular"
	switch u := r.IntN(100); {
	case u < 8:
		emp = "contract"
	case u < 13:
		emp = "intern"
	case u < 15:
		emp = "freelance"
	}
	exp := g.experienceKo(emp == "intern")
	remote := r.IntN(100) < 5

	id := strconv.Itoa(100000 + i)
	p := &jobs.Posting{
		Source:         "wanted",
		SourceID:       id,
		URL:            "https://www.wanted.co.kr/wd/" + id,
		Company:        co.name,
		Title:          g.titleKo(exp, emp, remote),
		Status:         g.status(),
		EmploymentType: emp,
		Location:       g.locationKo(),
		Remote:         remote,
	}
	p.Categories = append([]int{518}, g.role.cats...)
	if g.role.pool[0] == "python" && !slices.Contains(p.Categories, 899) && r.IntN(100) < 30 {
		p.Categories = append(p.Categories, 899)
	}
	p.Sections = jobs.Sections{
		Intro:        g.intro(introLeadKo, introMoreKo),
		MainTasks:    g.mainTasks(g.role.tasks, g.role.objs, genericTasksKo),
		Requirements: g.requirementsKo(exp),
		Preferred:    g.preferred(prefKo, prefPlainKo),
		Benefits:     g.list(benefitsKo, 3+r.IntN(3)),
		HireRounds:   g.hireRounds(),
	}
	career := &jobs.Career{Min: exp.min, Newbie: exp.newbie}
	if exp.max >= 0 {
		m := exp.max
		career.Max = &m
	}
	p.Career = career
	p.Due = g.due(p)
	return p
}

func (g *gen) english(i int, source string) *jobs.Posting {
	r := g.r
	g.roleIx = roleDraw.draw(r)
	g.role = &roles[g.roleIx]
	g.bullet = "- "
	if r.IntN(100) < 40 {
		g.bullet = "• "
	}
	var co company
	var id, url string
	if source == "greenhouse" {
		co = companiesGreenhouse[companyGHDraw.draw(r)]
		id = strconv.FormatInt(4000000000+int64(i), 10)
		url = "https://job-boards.greenhouse.io/" + co.slug + "/jobs/" + id
	} else {
		co = companiesLever[companyLvDraw.draw(r)]
		id = leverID(i)
		url = "https://jobs.lever.co/" + co.slug + "/" + id
	}
	dom := pick(r, domains)
	g.s.K, g.s.D, g.s.P, g.s.R = co.name, dom.en, dom.productEn, g.role.fieldEn

	emp := "regular"
	switch u := r.IntN(100); {
	case u < 5:
		emp = "contract"
	case u < 8:
		emp = "intern"
	}
	exp := g.experienceEn(emp == "intern")
	loc := locationsEn[locationEnDraw.draw(r)].name
	remote := strings.HasPrefix(loc, "Remote") || r.IntN(100) < 10

	p := &jobs.Posting{
		Source:         source,
		SourceID:       id,
		URL:            url,
		Company:        co.name,
		Title:          g.titleEn(exp, emp),
		Status:         g.status(),
		EmploymentType: emp,
		Location:       loc,
		Remote:         remote,
	}
	p.Sections = jobs.Sections{
		Intro:        g.intro(introLeadEn, introMoreEn),
		MainTasks:    g.mainTasks(g.role.tasksEn, g.role.objsEn, genericTasksEn),
		Requirements: g.requirementsEn(exp),
		Preferred:    g.preferred(prefEn, prefPlainEn),
		Benefits:     g.list(benefitsEn, 3+r.IntN(3)),
	}
	p.Due = g.due(p)
	return p
}

// leverID is a UUID-shaped id for posting i; distinct i give distinct ids.
func leverID(i int) string {
	a := mix(uint64(i))
	b := mix(a ^ 0x5851f42d4c957f2d)
	var buf [16]byte
	binary.BigEndian.PutUint64(buf[:8], a)
	binary.BigEndian.PutUint64(buf[8:], b)
	buf[6] = buf[6]&0x0f | 0x40
	buf[8] = buf[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", buf[0:4], buf[4:6], buf[6:8], buf[8:10], buf[10:16])
}

// mix is splitmix64's finaliser, a bijection on uint64.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

func (g *gen) status() jobs.Status {
	if g.r.IntN(100) < 10 {
		return jobs.StatusClosed
	}
	return jobs.StatusOpen
}

// due is a deadline 2 to 17 weeks after the posting was first seen, for about 40% of postings;
// nil (rolling, 상시) for the rest.
func (g *gen) due(p *jobs.Posting) *time.Time {
	if g.r.IntN(100) >= 40 {
		return nil
	}
	fs := firstSeen(p.Source, p.SourceID)
	d := time.Date(fs.Year(), fs.Month(), fs.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 14+g.r.IntN(107))
	return &d
}

func (g *gen) experienceKo(intern bool) experience {
	r := g.r
	u := r.IntN(100)
	if intern && u >= 5 {
		u = 5 + r.IntN(20) // a years line that admits new graduates
	}
	switch {
	case u < 5:
		return experience{min: 0, max: -1, newbie: true}
	case u < 25:
		if r.IntN(10) < 3 {
			return experience{min: 0, max: 1 + r.IntN(3), newbie: true, stated: true}
		}
		return experience{min: 0, max: -1, newbie: true, stated: true}
	case u < 80:
		return experience{min: minYearsValues[minYearsDraw.draw(r)], max: -1, stated: true}
	default:
		n := 1 + r.IntN(5)
		return experience{min: n, max: n + 2 + r.IntN(4), stated: true}
	}
}

func (g *gen) experienceEn(intern bool) experience {
	r := g.r
	u := r.IntN(100)
	if intern {
		u = 0
	}
	switch {
	case u < 15:
		if r.IntN(10) < 4 {
			return experience{min: 0, max: 1 + r.IntN(2), newbie: true, stated: true}
		}
		return experience{min: 0, max: -1, newbie: true, stated: true}
	case u < 85:
		return experience{min: minYearsValues[minYearsDraw.draw(r)], max: -1, stated: true}
	default:
		n := 1 + r.IntN(5)
		return experience{min: n, max: n + 2 + r.IntN(3), stated: true}
	}
}

func (g *gen) titleKo(exp experience, emp string, remote bool) string {
	r := g.r
	base := pick(r, g.role.ko)
	var pre, suf string
	if r.IntN(100) < 35 {
		var opts []string
		switch {
		case exp.newbie:
			opts = []string{"[신입] ", "주니어 ", "[신입/경력] "}
		case exp.min <= 2:
			opts = []string{"주니어 ", "[경력] "}
		case exp.min <= 4:
			opts = []string{"[경력] ", "[{N}년 이상] "}
		case exp.min <= 6:
			opts = []string{"시니어 ", "[경력] ", "[{N}년 이상] "}
		default:
			opts = []string{"시니어 ", "리드 ", "[{N}년 이상] "}
		}
		pre = strings.ReplaceAll(pick(r, opts), "{N}", strconv.Itoa(exp.min))
	}
	if r.IntN(100) < 85 {
		a := pick(r, areasKo)
		forms := []string{"[%s] ", " - %s", " - %s팀"}
		if !strings.Contains(base, "(") {
			forms = append(forms, " (%s)", " (%s팀)", " (%s 파트)")
		}
		f := pick(r, forms)
		if strings.HasPrefix(f, "[") {
			pre = fmt.Sprintf(f, a) + pre
		} else {
			suf = fmt.Sprintf(f, a)
		}
	}
	switch emp {
	case "intern":
		suf += pick(r, []string{" 인턴", " 인턴 (6개월)", " 체험형 인턴"})
	case "contract":
		suf += pick(r, []string{" (계약직)", " (계약직 1년)", " (계약직 6개월)"})
	case "freelance":
		suf += " (프리랜서)"
	}
	switch {
	case remote:
		suf += " (재택 가능)"
	case exp.newbie && emp != "intern" && r.IntN(100) < 15:
		suf += " (신입 가능)"
	case r.IntN(100) < 3:
		suf += " (전문연구요원 가능)"
	}
	return pre + base + suf
}

func (g *gen) titleEn(exp experience, emp string) string {
	r := g.r
	base := pick(r, g.role.en)
	var pre, suf string
	if r.IntN(100) < 50 {
		switch {
		case exp.newbie:
			pre = pick(r, []string{"Junior ", "Associate ", "New Grad "})
		case exp.min >= 8:
			pre = pick(r, []string{"Staff ", "Principal ", "Lead "})
		case exp.min >= 5:
			pre = "Senior "
		}
	}
	if r.IntN(100) < 85 {
		a := pick(r, areasEn)
		forms := []string{" - %s"}
		if !strings.ContainsAny(base, "(,") {
			forms = append(forms, ", %s", " (%s)")
		}
		suf = fmt.Sprintf(pick(r, forms), a)
	}
	switch emp {
	case "intern":
		suf += " Intern"
	case "contract":
		suf += " (Contract)"
	}
	return pre + base + suf
}

func (g *gen) locationKo() string {
	r := g.r
	d := districts[districtDraw.draw(r)]
	if r.IntN(100) < 55 {
		return d.name + " " + pick(r, d.streets) + " " + strconv.Itoa(1+r.IntN(520))
	}
	return d.name
}

var (
	numbers = []int{20, 30, 50, 80, 100, 120, 150, 200, 300, 500, 800, 1200}
	series  = []string{"A", "B", "C", "D"}
)

// intro is a lead of two sentences about the company and one or two more sentences.
func (g *gen) intro(lead, more []string) string {
	r := g.r
	g.b.Reset()
	g.fillNumbers()
	if g.ko {
		g.s.Y = pick(r, areasKo)
	} else {
		g.s.Y = pick(r, areasEn)
	}
	expand(&g.b, pick(r, lead), &g.s)
	for _, t := range pickDistinct(r, more, 1+r.IntN(2)) {
		g.fillNumbers()
		g.b.WriteByte(' ')
		expand(&g.b, t, &g.s)
	}
	return g.b.String()
}

func (g *gen) fillNumbers() {
	g.s.N = strconv.Itoa(pick(g.r, numbers))
	g.s.M = strconv.Itoa(2 + g.r.IntN(8))
	g.s.S = pick(g.r, series)
}

// mainTasks is three to six bullets from the role's tasks, topped up with generic ones. A
// task naming a skill names one of the role's, any popular one, asked for elsewhere or not.
func (g *gen) mainTasks(tasks []tmpl, objs, generic []string) string {
	r := g.r
	k := 3 + r.IntN(4)
	picked := pickDistinct(r, tasks, k)
	var tails []string
	if !g.ko {
		tails = pickDistinct(r, taskTailsEn, len(taskTailsEn))
	}
	g.b.Reset()
	n := 0
	for _, t := range picked {
		if t.fits != 0 {
			key, ok := g.drawSkill(t.fits)
			if !ok {
				continue
			}
			g.s.A = g.spell(key)
		}
		g.s.T = pick(r, objs)
		g.newline(n)
		expand(&g.b, t.text, &g.s)
		if !g.ko && len(tails) > 0 && r.IntN(2) == 0 {
			g.b.WriteString(tails[0])
			tails = tails[1:]
		}
		n++
	}
	for _, t := range pickDistinct(r, generic, k-n) {
		g.newline(n)
		g.b.WriteString(t)
		n++
	}
	return g.b.String()
}

// newline starts bullet number n.
func (g *gen) newline(n int) {
	if n > 0 {
		g.b.WriteByte('\n')
	}
	g.b.WriteString(g.bullet)
}

// drawSkill draws a skill of the role whose kind is in fits, the popular ones more often,
// used or not; false when the role has none of those kinds.
func (g *gen) drawSkill(fits kind) (string, bool) {
	pool := g.role.pool
	for range 12 {
		if k := pool[roleSkillDraw[g.roleIx].draw(g.r)]; skills[k].kind&fits != 0 {
			return k, true
		}
	}
	for _, k := range pool {
		if skills[k].kind&fits != 0 {
			return k, true
		}
	}
	return "", false
}

// Requirement lines without a skill, for when a role's pool runs out.
var (
	reqPlainKo = []string{
		"자료구조와 알고리즘에 대한 기본적인 이해",
		"문제 해결 능력과 원활한 커뮤니케이션 능력",
		"테스트 코드 작성과 코드 리뷰에 익숙한 분",
	}
	reqPlainEn = []string{
		"Strong fundamentals in data structures and algorithms",
		"Clear written and verbal communication",
		"Comfort writing tests and reviewing code",
	}
)

func (g *gen) requirementsKo(exp experience) string {
	r := g.r
	k := 4 + r.IntN(4)
	var years, degree string
	if exp.stated {
		g.s.N, g.s.M = strconv.Itoa(exp.min), strconv.Itoa(exp.max)
		var t string
		switch {
		case exp.newbie && exp.max >= 0:
			t = pick(r, yearsNewMaxKo)
		case exp.newbie:
			t = pick(r, yearsNewKo)
		case exp.max >= 0:
			t = pick(r, yearsRangeKo)
		default:
			t = pick(r, yearsMinKo)
		}
		g.b.Reset()
		expand(&g.b, t, &g.s)
		years = g.b.String()
	}
	if r.Float64() < 0.3+g.role.advanced*0.5 {
		switch u := r.Float64(); {
		case u < g.role.advanced:
			degree = pick(r, degreeAdvancedKo)
		case u < 0.95:
			degree = pick(r, degreeBachelorKo)
		default:
			degree = pick(r, degreeNoneKo)
		}
	}
	return g.requirements(k, years, degree, reqKo, reqPrefKo, reqPlainKo)
}

func (g *gen) requirementsEn(exp experience) string {
	r := g.r
	k := 4 + r.IntN(4)
	var years, degree string
	g.s.N, g.s.M = strconv.Itoa(exp.min), strconv.Itoa(exp.max)
	var t string
	switch {
	case exp.newbie && exp.max >= 0:
		t = yearsNewEn[1]
	case exp.newbie:
		t = yearsNewEn[0]
	case exp.max >= 0:
		t = pick(r, yearsRangeEn)
	default:
		t = pick(r, yearsMinEn)
	}
	g.b.Reset()
	expand(&g.b, t, &g.s)
	years = g.b.String()
	if r.Float64() < 0.25+g.role.advanced*0.5 {
		if r.Float64() < g.role.advanced {
			degree = pick(r, degreeAdvancedEn)
		} else {
			degree = pick(r, degreeBachelorEn)
		}
	}
	return g.requirements(k, years, degree, reqEn, reqPrefEn, reqPlainEn)
}

// requirements is k bullets: the years line (first, or second after a skill line), skill
// lines (at least two, a few saying "우대" / "is a plus"), and the degree line last.
func (g *gen) requirements(k int, years, degree string, lines, prefLines []tmpl, plain []string) string {
	r := g.r
	n := k
	if years != "" {
		n--
	}
	if degree != "" {
		n--
	}
	n = max(n, 2)
	out := make([]string, 0, n+2)
	for i := range n {
		list := lines
		if i > 0 && r.IntN(100) < 8 {
			list = prefLines
		}
		line := g.skillLine(list)
		if line == "" {
			line = plain[i%len(plain)]
		}
		out = append(out, line)
	}
	if years != "" {
		at := 0
		if r.IntN(100) < 30 {
			at = 1
		}
		out = append(out[:at], append([]string{years}, out[at:]...)...)
	}
	if degree != "" {
		out = append(out, degree)
	}
	return g.bullets(out)
}

// preferred is two to five bullets, most naming skills the requirements did not.
func (g *gen) preferred(lines []tmpl, plain []string) string {
	r := g.r
	k := 2 + r.IntN(4)
	out := make([]string, 0, k)
	plainLeft := pickDistinct(r, plain, len(plain))
	for range k {
		var line string
		if r.IntN(100) < 65 {
			line = g.skillLine(lines)
		}
		if line == "" && len(plainLeft) > 0 {
			g.b.Reset()
			expand(&g.b, plainLeft[0], &g.s)
			line = g.b.String()
			plainLeft = plainLeft[1:]
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return g.bullets(out)
}

// list is k distinct bullets of xs.
func (g *gen) list(xs []string, k int) string {
	return g.bullets(pickDistinct(g.r, xs, k))
}

func (g *gen) bullets(lines []string) string {
	g.b.Reset()
	for i, l := range lines {
		if i > 0 {
			g.b.WriteByte('\n')
		}
		g.b.WriteString(g.bullet)
		g.b.WriteString(l)
	}
	return g.b.String()
}

func (g *gen) hireRounds() string {
	s := pick(g.r, hireRoundsKo)
	if g.r.IntN(100) < 40 {
		s += "\n" + hireNoteKo
	}
	return s
}

// skillLine is one sentence from list naming one or two skills of the role not used yet, or
// "" when the role has none left.
func (g *gen) skillLine(list []tmpl) string {
	r := g.r
	a, ok := g.nextSkill(kindAny)
	if !ok {
		return ""
	}
	ka := skills[a].kind
	var t tmpl
	for range 16 {
		if c := pick(r, list); c.fits&ka != 0 {
			t = c
			break
		}
	}
	if t.text == "" {
		t = firstFitting(list, ka, false)
	}
	g.used = append(g.used, a)
	g.s.A = g.spell(a)
	if strings.Contains(t.text, "{B") {
		if b, ok := g.nextSkill(t.fits); ok {
			g.used = append(g.used, b)
			g.s.B = g.spell(b)
		} else {
			t = firstFitting(list, ka, true)
		}
	}
	g.s.T = pick(r, g.objs())
	g.b.Reset()
	expand(&g.b, t.text, &g.s)
	return g.b.String()
}

func (g *gen) objs() []string {
	if g.ko {
		return g.role.objs
	}
	return g.role.objsEn
}

// firstFitting is the first template of list fitting kind k, without a second skill when
// single is set. Every list has a one-skill template for every kind.
func firstFitting(list []tmpl, k kind, single bool) tmpl {
	for _, t := range list {
		if t.fits&k != 0 && (!single || !strings.Contains(t.text, "{B")) {
			return t
		}
	}
	return list[0]
}

// nextSkill draws an unused skill of the role whose kind is in fits, the popular ones more
// often; false when none is left.
func (g *gen) nextSkill(fits kind) (string, bool) {
	pool := g.role.pool
	for range 12 {
		k := pool[roleSkillDraw[g.roleIx].draw(g.r)]
		if skills[k].kind&fits != 0 && !g.isUsed(k) {
			return k, true
		}
	}
	for _, k := range pool {
		if skills[k].kind&fits != 0 && !g.isUsed(k) {
			return k, true
		}
	}
	return "", false
}

func (g *gen) isUsed(k string) bool {
	for _, u := range g.used {
		if u == k {
			return true
		}
	}
	return false
}

// spell picks how this mention of a skill is written: mostly its common name; in Korean
// postings a Korean spelling about a fifth of the time; now and then another Latin spelling
// or the common name in lower case.
func (g *gen) spell(key string) spelling {
	s := skills[key]
	u := g.r.IntN(100)
	if g.ko {
		switch {
		case len(s.ko) > 0 && u < 22:
			return s.ko[g.r.IntN(len(s.ko))]
		case len(s.en) > 1 && u < 30:
			return s.en[1+g.r.IntN(len(s.en)-1)]
		case u >= 97:
			return spelling{text: strings.ToLower(s.en[0].text), fin: s.en[0].fin}
		}
		return s.en[0]
	}
	if len(s.en) > 1 && u < 10 {
		return s.en[1+g.r.IntN(len(s.en)-1)]
	}
	return s.en[0]
}
