package db

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/parallel"
)

var _ jobs.Sink = (*DB)(nil)

// AnalysisUpdate is a stored posting's new analysis, for UpdateAnalyses.
type AnalysisUpdate struct {
	ID       int64
	Analysis *jobs.Analysis // nil = no skills, nothing stated
}

// listColumns are what a list needs: no section texts, no raw payload.
const listColumns = `id, source, source_id, url, company, title, status, categories,
	employment_type, location, remote, due, career_min, career_max, career_newbie,
	min_years, max_years, degree, major, newcomer, first_seen, last_seen, closed_at, group_id, updated_at`

// fullColumns are every column a Posting holds, from fullFrom.
const fullColumns = listColumns + `,
	intro, main_tasks, requirements, preferred, benefits, hire_rounds, description, raw`

// fullFrom joins each posting to its texts.
const fullFrom = ` FROM postings JOIN posting_texts ON posting_texts.posting_id = postings.id`

// The statements every stored page runs; prepared once on the write connection (hotQueries).
const (
	findIDSQL = `SELECT id FROM postings WHERE source = ? AND source_id = ?`

	upsertPostingSQL = `INSERT INTO postings (
		source, source_id, url, company, title, status,
		categories, employment_type, location, remote, due,
		career_min, career_max, career_newbie, content_hash,
		min_years, max_years, degree, major, newcomer,
		first_seen, last_seen, closed_at
	) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (source, source_id) DO UPDATE SET
		url = excluded.url,
		company = excluded.company,
		title = excluded.title,
		status = excluded.status,
		categories = excluded.categories,
		employment_type = excluded.employment_type,
		location = excluded.location,
		remote = excluded.remote,
		due = excluded.due,
		career_min = excluded.career_min,
		career_max = excluded.career_max,
		career_newbie = excluded.career_newbie,
		content_hash = excluded.content_hash,
		min_years = excluded.min_years,
		max_years = excluded.max_years,
		degree = excluded.degree,
		major = excluded.major,
		newcomer = excluded.newcomer,
		last_seen = excluded.last_seen,
		updated_at = CASE WHEN postings.content_hash != '' AND postings.content_hash != excluded.content_hash
			THEN excluded.last_seen ELSE postings.updated_at END,
		closed_at = CASE WHEN excluded.status = 'closed'
			THEN COALESCE(postings.closed_at, excluded.closed_at) END
	RETURNING id, first_seen, last_seen, closed_at`

	saveTextsSQL = `INSERT INTO posting_texts (
		posting_id, intro, main_tasks, requirements, preferred, benefits, hire_rounds, description, raw
	) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (posting_id) DO UPDATE SET
		intro = excluded.intro,
		main_tasks = excluded.main_tasks,
		requirements = excluded.requirements,
		preferred = excluded.preferred,
		benefits = excluded.benefits,
		hire_rounds = excluded.hire_rounds,
		description = excluded.description,
		raw = excluded.raw`

	deleteRequirementsSQL = `DELETE FROM requirements WHERE posting_id = ?`

	saveSkillSummarySQL = `UPDATE postings SET skills = ? WHERE id = ?`

	savePageSQL = `INSERT INTO pages (source, source_id, url, lastmod, fetched_at, outcome, filter)
	VALUES (?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (source, source_id) DO UPDATE SET
		url = excluded.url,
		lastmod = excluded.lastmod,
		fetched_at = excluded.fetched_at,
		outcome = excluded.outcome,
		filter = excluded.filter`
)

// insertRequirementsSQL[n] inserts n requirement rows.
var insertRequirementsSQL = func() []string {
	out := make([]string, reqChunk+1)
	for n := 1; n <= reqChunk; n++ {
		var q strings.Builder
		q.WriteString(`INSERT INTO requirements (posting_id, skill, section, ord, evidence) VALUES `)
		for i := range n {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("(?, ?, ?, ?, ?)")
		}
		out[n] = q.String()
	}
	return out
}()

// hotQueries are prepared when the store opens.
func hotQueries() []string {
	qs := []string{findIDSQL, upsertPostingSQL, saveTextsSQL, deleteRequirementsSQL, savePageSQL, saveSkillSummarySQL,
		importPostingsFull, importTextsFull, importReqsFull, updateAnalysisSQL}
	return append(qs, insertRequirementsSQL[1:]...)
}

// stored is what the store decided for one posting, copied into the caller's Posting only
// once the transaction has committed.
type stored struct {
	id        int64
	created   bool
	status    jobs.Status
	firstSeen time.Time
	lastSeen  time.Time
	closedAt  *time.Time
}

func (s stored) applyTo(p *jobs.Posting) {
	p.ID = s.id
	p.Status = s.status
	p.FirstSeen = s.firstSeen
	p.LastSeen = s.lastSeen
	p.ClosedAt = s.closedAt
}

// UpsertPosting stores p under its (Source, SourceID): a new posting is created, a known one
// has every field replaced except its first_seen, and its requirement rows replaced from
// p.Analysis. An empty Status is open. It sets p.ID, p.Status, p.FirstSeen, p.LastSeen and
// p.ClosedAt.
func (d *DB) UpsertPosting(ctx context.Context, p *jobs.Posting) (id int64, created bool, err error) {
	t, err := d.beginWrite(ctx)
	if err != nil {
		return 0, false, err
	}
	defer t.Rollback()

	status := jobs.StatusOpen
	if p != nil && p.Status != "" {
		status = p.Status
	}
	s, err := upsertPosting(ctx, t, p, status)
	if err != nil {
		return 0, false, err
	}
	if err := t.commit(); err != nil {
		return 0, false, err
	}
	s.applyTo(p)
	return s.id, s.created, nil
}

// upsertPosting writes p with the given status, and its requirement rows.
func upsertPosting(ctx context.Context, t *tx, p *jobs.Posting, status jobs.Status) (stored, error) {
	if err := checkPosting(p, status); err != nil {
		return stored{}, err
	}
	reqs, err := requirementRows(p.Analysis)
	if err != nil {
		return stored{}, jobs.Errorf(jobs.KindInvalid, "posting %s %s: %w", p.Source, p.SourceID, err)
	}

	var existing int64
	err = t.QueryRowContext(ctx, findIDSQL, p.Source, p.SourceID).Scan(&existing)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return stored{}, t.db.wrap(err, "cannot store posting %s %s", p.Source, p.SourceID)
	}

	now := formatTime(t.now)
	var closedAt any
	if status == jobs.StatusClosed {
		closedAt = now
	}
	a := analysisOf(p)
	careerMin, careerMax, careerNewbie := careerArgs(p.Career)
	var (
		out       = stored{created: existing == 0, status: status}
		firstSeen string
		lastSeen  string
		closed    sql.NullString
	)
	err = t.QueryRowContext(ctx, upsertPostingSQL,
		p.Source, p.SourceID, p.URL, p.Company, p.Title, string(status),
		categoriesJSON(p.Categories), p.EmploymentType, p.Location, p.Remote, nullTime(p.Due),
		careerMin, careerMax, careerNewbie, ContentHash(p.Sections),
		nullInt(a.MinYears), nullInt(a.MaxYears), string(a.Degree), a.Major, a.Newcomer,
		firstSeenFor(p, now), now, closedAt,
	).Scan(&out.id, &firstSeen, &lastSeen, &closed)
	if err != nil {
		return stored{}, t.db.wrap(err, "cannot store posting %s %s", p.Source, p.SourceID)
	}
	if out.firstSeen, err = parseTime(firstSeen); err != nil {
		return stored{}, jobs.Errorf(jobs.KindInternal, "posting %d: %w", out.id, err)
	}
	if out.closedAt, err = parseNullTime(closed); err != nil {
		return stored{}, jobs.Errorf(jobs.KindInternal, "posting %d: %w", out.id, err)
	}
	if out.lastSeen, err = parseTime(lastSeen); err != nil {
		return stored{}, jobs.Errorf(jobs.KindInternal, "posting %d: %w", out.id, err)
	}

	if err := group(ctx, t, out, p); err != nil {
		return stored{}, err
	}
	if err := saveTexts(ctx, t, out.id, p); err != nil {
		return stored{}, err
	}
	if err := replaceRequirements(ctx, t, out.id, reqs, skillSummary(reqs, p.Analysis), !out.created); err != nil {
		return stored{}, err
	}
	return out, nil
}

// analysisOf is p's analysis, or an empty one.
func analysisOf(p *jobs.Posting) *jobs.Analysis {
	if p.Analysis == nil {
		return &jobs.Analysis{}
	}
	return p.Analysis
}

// careerArgs are the career columns' values: NULL when the source gave no career range.
func careerArgs(c *jobs.Career) (careerMin, careerMax, careerNewbie any) {
	if c == nil {
		return nil, nil, nil
	}
	careerMin, careerNewbie = c.Min, c.Newbie
	if c.Max != nil {
		careerMax = *c.Max
	}
	return careerMin, careerMax, careerNewbie
}

// firstSeenFor is when a new posting was first seen: now, or the time an import gives.
func firstSeenFor(p *jobs.Posting, now string) string {
	if !p.FirstSeen.IsZero() {
		if fs := formatTime(p.FirstSeen); fs < now {
			return fs
		}
	}
	return now
}

// group files a posting under its dedup key: a new posting joins the group of the first
// posting with the same company and title seen within jobs.DedupWindow, on any board, or
// starts its own. A known posting keeps its group; its key follows an edited title.
func group(ctx context.Context, t *tx, s stored, p *jobs.Posting) error {
	key := jobs.DedupKey(p.Company, p.Title)
	if !s.created {
		if _, err := t.ExecContext(ctx, `UPDATE postings SET dedup_key = ?, group_id = COALESCE(group_id, id) WHERE id = ?`, key, s.id); err != nil {
			return t.db.wrap(err, "cannot store posting %s %s", p.Source, p.SourceID)
		}
		return nil
	}
	g := s.id
	if key != "" {
		err := t.QueryRowContext(ctx, `SELECT group_id FROM postings
			WHERE dedup_key = ? AND dedup_key != '' AND id != ? AND last_seen >= ? AND group_id IS NOT NULL
			ORDER BY first_seen, id LIMIT 1`, key, s.id, formatTime(t.now.Add(-jobs.DedupWindow))).Scan(&g)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return t.db.wrap(err, "cannot store posting %s %s", p.Source, p.SourceID)
		}
	}
	if _, err := t.ExecContext(ctx, `UPDATE postings SET dedup_key = ?, group_id = ? WHERE id = ?`, key, g, s.id); err != nil {
		return t.db.wrap(err, "cannot store posting %s %s", p.Source, p.SourceID)
	}
	if g != s.id {
		// A repost on the same board with other text is an edit of the posting. (Boards
		// format one posting differently, so sightings on other boards are not compared.)
		if _, err := t.ExecContext(ctx, `UPDATE postings SET updated_at = ? WHERE id = ? AND EXISTS (
				SELECT 1 FROM postings lead WHERE lead.id = ? AND lead.source = ? AND lead.content_hash != ?)`,
			formatTime(t.now), s.id, g, p.Source, ContentHash(p.Sections)); err != nil {
			return t.db.wrap(err, "cannot store posting %s %s", p.Source, p.SourceID)
		}
	}
	return nil
}

// saveTexts writes the section texts and raw payload of posting id.
func saveTexts(ctx context.Context, t *tx, id int64, p *jobs.Posting) error {
	var raw any
	if p.Raw != nil {
		raw = p.Raw
	}
	s := &p.Sections
	_, err := t.ExecContext(ctx, saveTextsSQL,
		id, s.Intro, s.MainTasks, s.Requirements, s.Preferred, s.Benefits, s.HireRounds, s.Description, raw)
	if err != nil {
		return t.db.wrap(err, "cannot store the text of posting %s %s", p.Source, p.SourceID)
	}
	return nil
}

// checkPosting rejects a posting the store cannot key or whose status it does not know.
func checkPosting(p *jobs.Posting, status jobs.Status) error {
	if p == nil {
		return jobs.Errorf(jobs.KindInvalid, "no posting to store")
	}
	if p.Source == "" || p.SourceID == "" {
		return jobs.Errorf(jobs.KindInvalid, "posting %q has no source or source id", p.URL)
	}
	if status != jobs.StatusOpen && status != jobs.StatusClosed {
		return jobs.Errorf(jobs.KindInvalid, "posting %s %s: unknown status %q", p.Source, p.SourceID, status)
	}
	return nil
}

// reqRow is one requirement row to write.
type reqRow struct {
	skill    string
	section  jobs.Section
	evidence []jobs.Span
}

// requirementRows turns an analysis into rows: one per skill, in order of first mention, in
// the strongest section named, with every span of evidence. Empty names are dropped.
func requirementRows(a *jobs.Analysis) ([]reqRow, error) {
	if a == nil {
		return nil, nil
	}
	rows := make([]reqRow, 0, len(a.Skills))
	at := make(map[string]int, len(a.Skills))
	for _, r := range a.Skills {
		if r.Skill == "" {
			continue
		}
		if r.Section.Rank() == 0 {
			return nil, fmt.Errorf("skill %q has unknown section %q", r.Skill, r.Section)
		}
		if i, ok := at[r.Skill]; ok {
			if r.Section.Rank() > rows[i].section.Rank() {
				rows[i].section = r.Section
			}
			rows[i].evidence = append(rows[i].evidence, r.Evidence...)
			continue
		}
		at[r.Skill] = len(rows)
		rows = append(rows, reqRow{skill: r.Skill, section: r.Section, evidence: r.Evidence})
	}
	return rows, nil
}

// reqChunk is the most rows one INSERT of requirements writes; a statement for each count up
// to it is prepared once.
const reqChunk = 16

// replaceRequirements makes rows the requirement rows of posting id, and summary its skill
// summary; clear deletes the old rows first.
func replaceRequirements(ctx context.Context, t *tx, id int64, rows []reqRow, summary string, clear bool) error {
	if clear {
		if _, err := t.ExecContext(ctx, deleteRequirementsSQL, id); err != nil {
			return t.db.wrap(err, "cannot store the requirements of posting %d", id)
		}
	}
	for start := 0; start < len(rows); start += reqChunk {
		end := min(start+reqChunk, len(rows))
		args := make([]any, 0, 5*(end-start))
		for i := start; i < end; i++ {
			r := rows[i]
			args = append(args, id, r.skill, string(r.section), i, evidenceJSON(r.evidence))
		}
		if _, err := t.ExecContext(ctx, insertRequirementsSQL[end-start], args...); err != nil {
			return t.db.wrap(err, "cannot store the requirements of posting %d", id)
		}
	}
	if _, err := t.ExecContext(ctx, saveSkillSummarySQL, summary, id); err != nil {
		return t.db.wrap(err, "cannot store the requirements of posting %d", id)
	}
	return nil
}

// skillSep separates the entries of postings.skills.
const skillSep = "\x1f"

// memberSep separates the alternatives of a group entry.
const memberSep = "\x1e"

// skillSummary is postings.skills for rows and the groups of a: "section:skill" in order,
// then a group entry per requirement, "=section:start-end:" and its alternatives joined by
// memberSep (or a lone "=" for an analysis that found skills but no requirement), all joined
// by skillSep. A summary with skills and no group entry was written before requirements were
// read as groups: each required or preferred skill is then its own group (jobs.PlainGroups).
func skillSummary(rows []reqRow, a *jobs.Analysis) string {
	var b strings.Builder
	for i, r := range rows {
		if i > 0 {
			b.WriteString(skillSep)
		}
		b.WriteString(string(r.section))
		b.WriteByte(':')
		b.WriteString(r.skill)
	}
	if a != nil && a.Groups != nil && len(a.Groups) == 0 && b.Len() > 0 {
		// Read as groups, and none found: a lone marker says so.
		b.WriteString(skillSep)
		b.WriteByte('=')
	}
	if a != nil {
		for _, g := range a.Groups {
			if b.Len() > 0 {
				b.WriteString(skillSep)
			}
			b.WriteByte('=')
			b.WriteString(string(g.Section))
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(g.Span.Start))
			b.WriteByte('-')
			b.WriteString(strconv.Itoa(g.Span.End))
			b.WriteByte(':')
			b.WriteString(strings.Join(g.AnyOf, memberSep))
		}
	}
	return b.String()
}

// parseGroups reads the group entries of postings.skills: nil when it has none (written before
// groups were read), empty for the lone marker. Names are interned by of (the identity keeps
// them as they are).
func parseGroups(s string, of func(string) string) []jobs.Group {
	return parseGroupsInto(s, of, nil)
}

// groupBuf is storage parseGroupsInto reuses from one posting to the next.
type groupBuf struct {
	groups  []jobs.Group
	members []string
}

// parseGroupsInto is parseGroups storing the groups in buf, which the next call reuses; with
// buf nil it allocates them (one allocation for the groups and one for their members: a list
// reads tens of thousands of postings).
func parseGroupsInto(s string, of func(string) string, buf *groupBuf) []jobs.Group {
	if !strings.HasPrefix(s, "=") && !strings.Contains(s, skillSep+"=") {
		return nil
	}
	var out []jobs.Group
	var members []string
	if buf != nil {
		out, members = buf.groups[:0], buf.members[:0]
	} else {
		out = make([]jobs.Group, 0, strings.Count(s, skillSep+"=")+1)
		members = make([]string, 0, strings.Count(s, memberSep)+cap(out))
	}
	for entry := range strings.SplitSeq(s, skillSep) {
		rest, ok := strings.CutPrefix(entry, "=")
		if !ok || rest == "" {
			continue
		}
		sec, rest, ok1 := strings.Cut(rest, ":")
		span, names, ok2 := strings.Cut(rest, ":")
		from, to, ok3 := strings.Cut(span, "-")
		start, err1 := strconv.Atoi(from)
		end, err2 := strconv.Atoi(to)
		if !ok1 || !ok2 || !ok3 || err1 != nil || err2 != nil || names == "" {
			continue
		}
		first := len(members)
		for m := range strings.SplitSeq(names, memberSep) {
			members = append(members, of(m))
		}
		out = append(out, jobs.Group{Section: jobs.Section(of(sec)), Span: jobs.Span{Start: start, End: end},
			AnyOf: members[first:len(members):len(members)]})
	}
	if buf != nil {
		buf.groups, buf.members = out, members
	}
	if out == nil {
		out = []jobs.Group{}
	}
	return out
}

// parseSkillSummary reads postings.skills back into requirements, without evidence.
func parseSkillSummary(s string) []jobs.Requirement {
	slab := make([]jobs.Requirement, strings.Count(s, skillSep)+1)
	return parseSkillSummaryFrom(s, &slab)
}

// parseSkillSummaryFrom is parseSkillSummary taking its slice from the front of *slab, which
// it refills many postings at a time.
func parseSkillSummaryFrom(s string, slab *[]jobs.Requirement) []jobs.Requirement {
	if s == "" {
		return nil
	}
	// Skill entries only: group entries ("=...") are read by parseGroups.
	n := strings.Count(s, skillSep) + 1 - strings.Count(s, skillSep+"=")
	if strings.HasPrefix(s, "=") {
		n--
	}
	if n <= 0 {
		return nil
	}
	if len(*slab) < n {
		*slab = make([]jobs.Requirement, max(n, 4096))
	}
	out := (*slab)[:0:n]
	*slab = (*slab)[n:]
	for s != "" {
		entry := s
		if i := strings.Index(s, skillSep); i >= 0 {
			entry, s = s[:i], s[i+len(skillSep):]
		} else {
			s = ""
		}
		if strings.HasPrefix(entry, "=") {
			continue // a group entry
		}
		sec, skill, ok := strings.Cut(entry, ":")
		if ok && skill != "" {
			out = append(out, jobs.Requirement{Skill: skill, Section: jobs.Section(sec)})
		}
	}
	return out
}

// evidenceJSON is spans as stored: [[start,end],...], NULL for none.
func evidenceJSON(spans []jobs.Span) any {
	if len(spans) == 0 {
		return nil
	}
	b := make([]byte, 0, 2+len(spans)*12)
	b = append(b, '[')
	for i, s := range spans {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, ']')
	}
	return string(append(b, ']'))
}

func parseEvidence(s sql.NullString) ([]jobs.Span, error) {
	if !s.Valid || s.String == "" {
		return nil, nil
	}
	var pairs [][2]int
	if err := json.Unmarshal([]byte(s.String), &pairs); err != nil {
		return nil, fmt.Errorf("stored evidence %q: %w", s.String, err)
	}
	spans := make([]jobs.Span, len(pairs))
	for i, p := range pairs {
		spans[i] = jobs.Span{Start: p[0], End: p[1]}
	}
	return spans, nil
}

// idsJSON is ids as a JSON array, for json_each.
func idsJSON(ids []string) string {
	b, _ := json.Marshal(ids) // []string always marshals
	return string(b)
}

func categoriesJSON(c []int) string {
	if len(c) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(c) // []int always marshals
	return string(b)
}

func nullInt(v *int) any {
	if v == nil {
		return nil
	}
	return *v
}

func intPtr(v sql.NullInt64) *int {
	if !v.Valid {
		return nil
	}
	n := int(v.Int64)
	return &n
}

// ContentHash is the hex sha256 of a posting's section texts after normalising them: line
// endings unified, spaces inside each line collapsed, blank lines and the spaces around lines
// dropped. Two fetches of one unedited posting hash the same; any edit to a word changes it.
func ContentHash(s jobs.Sections) string {
	h := sha256.New()
	var buf []byte
	for _, f := range [...]struct{ name, text string }{
		{"intro", s.Intro},
		{"main_tasks", s.MainTasks},
		{"requirements", s.Requirements},
		{"preferred", s.Preferred},
		{"benefits", s.Benefits},
		{"hire_rounds", s.HireRounds},
		{"description", s.Description},
	} {
		buf = append(buf[:0], f.name...)
		buf = append(buf, 0)
		buf = appendNormalised(buf, f.text)
		buf = append(buf, 0)
		h.Write(buf)
	}
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}

// appendNormalised appends text with lines split on any line ending, each line's runs of
// white space made one space and trimmed, and empty lines dropped.
func appendNormalised(b []byte, text string) []byte {
	var content, space, newline bool // the line so far has content; space or a line end is owed
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' || c == '\r' {
			newline = newline || content
			content, space = false, false
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if unicode.IsSpace(r) {
			space = content
			i += size
			continue
		}
		switch {
		case newline:
			b = append(b, '\n')
		case space:
			b = append(b, ' ')
		}
		newline, space, content = false, false, true
		b = append(b, text[i:i+size]...)
		i += size
	}
	return b
}

// Known returns the pages stored for a source, by source id.
func (d *DB) Known(ctx context.Context, source string) (map[string]jobs.Page, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()

	rows, err := t.QueryContext(ctx, `SELECT source_id, url, lastmod, fetched_at, outcome, filter
		FROM pages WHERE source = ?`, source)
	if err != nil {
		return nil, d.wrap(err, "cannot read the known pages of %s", source)
	}
	defer rows.Close()
	out := make(map[string]jobs.Page)
	for rows.Next() {
		pg := jobs.Page{Source: source}
		var lastmod sql.NullString
		var fetched, outcome string
		if err := rows.Scan(&pg.SourceID, &pg.URL, &lastmod, &fetched, &outcome, &pg.Filter); err != nil {
			return nil, d.wrap(err, "cannot read the known pages of %s", source)
		}
		if lm, err := parseNullTime(lastmod); err != nil {
			return nil, jobs.Errorf(jobs.KindInternal, "page %s %s: %w", source, pg.SourceID, err)
		} else if lm != nil {
			pg.LastMod = *lm
		}
		if pg.FetchedAt, err = parseTime(fetched); err != nil {
			return nil, jobs.Errorf(jobs.KindInternal, "page %s %s: %w", source, pg.SourceID, err)
		}
		pg.Outcome = jobs.Outcome(outcome)
		out[pg.SourceID] = pg
	}
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot read the known pages of %s", source)
	}
	return out, t.commit()
}

// Save records one fetched page in one transaction: the page row, and by its outcome the
// posting: OutcomeKept stores p as open (p is required); OutcomeClosed closes the stored
// posting of that page if it is open, or stores p as closed when there is none and p is
// given; OutcomeSkipped stores the page row only. A zero page.FetchedAt is now. When p is
// kept or stored, Save sets p's store fields as UpsertPosting does.
func (d *DB) Save(ctx context.Context, page jobs.Page, p *jobs.Posting) error {
	if page.Source == "" || page.SourceID == "" {
		return jobs.Errorf(jobs.KindInvalid, "page %q has no source or source id", page.URL)
	}
	if p != nil {
		if p.Source == "" {
			p.Source = page.Source
		}
		if p.SourceID == "" {
			p.SourceID = page.SourceID
		}
		if p.Source != page.Source || p.SourceID != page.SourceID {
			return jobs.Errorf(jobs.KindInvalid, "page %s %s was given posting %s %s",
				page.Source, page.SourceID, p.Source, p.SourceID)
		}
		if page.URL == "" {
			page.URL = p.URL
		}
	}
	switch page.Outcome {
	case jobs.OutcomeKept:
		if p == nil {
			return jobs.Errorf(jobs.KindInvalid, "page %s %s was kept without a posting", page.Source, page.SourceID)
		}
	case jobs.OutcomeClosed, jobs.OutcomeSkipped:
	default:
		return jobs.Errorf(jobs.KindInvalid, "page %s %s: unknown outcome %q",
			page.Source, page.SourceID, page.Outcome)
	}

	t, err := d.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()

	if err := savePage(ctx, t, page); err != nil {
		return err
	}
	var s *stored
	switch page.Outcome {
	case jobs.OutcomeKept:
		got, err := upsertPosting(ctx, t, p, jobs.StatusOpen)
		if err != nil {
			return err
		}
		s = &got
	case jobs.OutcomeClosed:
		n, err := closePostings(ctx, t, page.Source, []string{page.SourceID})
		if err != nil {
			return err
		}
		if n == 0 && p != nil {
			var exists int
			if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM postings WHERE source = ? AND source_id = ?`,
				page.Source, page.SourceID).Scan(&exists); err != nil {
				return d.wrap(err, "cannot store posting %s %s", page.Source, page.SourceID)
			}
			if exists == 0 {
				got, err := upsertPosting(ctx, t, p, jobs.StatusClosed)
				if err != nil {
					return err
				}
				s = &got
			}
		}
	}
	if err := t.commit(); err != nil {
		return err
	}
	if s != nil {
		s.applyTo(p)
	}
	return nil
}

func savePage(ctx context.Context, t *tx, page jobs.Page) error {
	fetched := t.now
	if !page.FetchedAt.IsZero() {
		fetched = page.FetchedAt
	}
	var lastmod any
	if !page.LastMod.IsZero() {
		lastmod = formatTime(page.LastMod)
	}
	_, err := t.ExecContext(ctx, savePageSQL,
		page.Source, page.SourceID, page.URL, lastmod, formatTime(fetched), string(page.Outcome), page.Filter)
	if err != nil {
		return t.db.wrap(err, "cannot store page %s", page.URL)
	}
	return nil
}

// closePostings closes the open postings of source with these ids and returns how many it
// closed.
func closePostings(ctx context.Context, t *tx, source string, ids []string) (int64, error) {
	res, err := t.ExecContext(ctx, `UPDATE postings SET status = 'closed', closed_at = ?
		WHERE source = ? AND status = 'open' AND source_id IN (SELECT value FROM json_each(?))`,
		formatTime(t.now), source, idsJSON(ids))
	if err != nil {
		return 0, t.db.wrap(err, "cannot close postings of %s", source)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, t.db.wrap(err, "cannot close postings of %s", source)
	}
	return n, nil
}

// Gone closes the source's open postings with these ids, which the source no longer lists,
// and marks their pages closed so that a source seeing one listed again fetches it anew.
func (d *DB) Gone(ctx context.Context, source string, sourceIDs []string) error {
	if len(sourceIDs) == 0 {
		return nil
	}
	t, err := d.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()

	if _, err := closePostings(ctx, t, source, sourceIDs); err != nil {
		return err
	}
	if _, err := t.ExecContext(ctx, `UPDATE pages SET outcome = 'closed'
		WHERE source = ? AND outcome = 'kept' AND source_id IN (SELECT value FROM json_each(?))`,
		source, idsJSON(sourceIDs)); err != nil {
		return d.wrap(err, "cannot close pages of %s", source)
	}
	return t.commit()
}

// ListPostings returns the postings f selects, newest first (first seen, then id), without
// their section texts and raw payloads but with their analysis (skills without evidence),
// career, categories and dates. f.MinScore is not applied: it needs a score. The postings
// come from their list rows (migration 0008), read on every core.
func (d *DB) ListPostings(ctx context.Context, f jobs.Filter) ([]*jobs.Posting, error) {
	return d.ListPostingsEach(ctx, f, nil)
}

// ListPostingsEach is ListPostings calling each with every posting as it is read, on the core
// that reads it (so each may be called from several goroutines at once). In the postings it
// returns, Analysis.Groups is nil: each sees them, and they are valid only during the call.
// A command that scores a list of tens of thousands of postings scores each as it is read and
// so never holds every posting's requirements at once. With each nil, the groups are kept.
func (d *DB) ListPostingsEach(ctx context.Context, f jobs.Filter, each func(*jobs.Posting)) ([]*jobs.Posting, error) {
	out, err := d.readRows(ctx, f, each)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b *jobs.Posting) int {
		if c := b.FirstSeen.Compare(a.FirstSeen); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit:f.Limit]
	}
	return out, nil
}

// placeSkill puts r at position ord of a's skills. Rows arrive in any order; ord, the order
// of first mention, is dense from 0 as written, so the slice is filled in place.
func placeSkill(a *jobs.Analysis, ord int, r jobs.Requirement) {
	if ord < 0 {
		ord = len(a.Skills)
	}
	if ord >= len(a.Skills) {
		if ord < cap(a.Skills) {
			a.Skills = a.Skills[:ord+1]
		} else {
			grown := make([]jobs.Requirement, ord+1, max(2*cap(a.Skills), ord+1, 8))
			copy(grown, a.Skills)
			a.Skills = grown
		}
	}
	a.Skills[ord] = r
}

// compactSkills drops the gaps placeSkill may leave.
func compactSkills(a *jobs.Analysis) {
	kept := a.Skills[:0]
	for _, r := range a.Skills {
		if r.Skill != "" {
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		kept = nil
	}
	a.Skills = kept
}

// scanner is a row to scan.
type scanner interface {
	Scan(dest ...any) error
}

// rawPosting is one row of listColumns as read, before conversion into p and a (which only
// it points to until posting returns them).
type rawPosting struct {
	p                                  *jobs.Posting
	a                                  *jobs.Analysis
	status, categories, degree         string
	firstSeen, lastSeen                string
	due, closedAt, updatedAt           sql.NullString
	groupID                            sql.NullInt64
	careerMin, careerMax, careerNewbie sql.NullInt64
	minYears, maxYears                 sql.NullInt64
}

// postingPair is a posting and its analysis, allocated together.
type postingPair struct {
	p jobs.Posting
	a jobs.Analysis
}

// reset makes r read into pair, forgetting the row before.
func (r *rawPosting) reset(pair *postingPair) {
	*r = rawPosting{p: &pair.p, a: &pair.a}
}

// dest is where Scan puts listColumns, in order.
func (r *rawPosting) dest() []any {
	p, a := r.p, r.a
	return []any{
		&p.ID, &p.Source, &p.SourceID, &p.URL, &p.Company, &p.Title, &r.status, &r.categories,
		&p.EmploymentType, &p.Location, &p.Remote, &r.due, &r.careerMin, &r.careerMax, &r.careerNewbie,
		&r.minYears, &r.maxYears, &r.degree, &a.Major, &a.Newcomer, &r.firstSeen, &r.lastSeen, &r.closedAt, &r.groupID, &r.updatedAt,
	}
}

// posting converts the values read into the posting, its Analysis set with no skills yet.
func (r *rawPosting) posting() (*jobs.Posting, error) {
	p, a := r.p, r.a
	p.Status = jobs.Status(r.status)
	p.GroupID = p.ID
	if r.groupID.Valid {
		p.GroupID = r.groupID.Int64
	}
	a.Degree = jobs.Degree(r.degree)
	a.MinYears, a.MaxYears = intPtr(r.minYears), intPtr(r.maxYears)
	p.Analysis = a
	if r.careerMin.Valid {
		p.Career = &jobs.Career{Min: int(r.careerMin.Int64), Max: intPtr(r.careerMax), Newbie: r.careerNewbie.Int64 != 0}
	}
	var err error
	if p.Categories, err = parseCategories(r.categories); err != nil {
		return nil, fmt.Errorf("posting %d: stored categories %q: %w", p.ID, r.categories, err)
	}
	if p.Due, err = parseNullTime(r.due); err != nil {
		return nil, fmt.Errorf("posting %d: %w", p.ID, err)
	}
	if p.ClosedAt, err = parseNullTime(r.closedAt); err != nil {
		return nil, fmt.Errorf("posting %d: %w", p.ID, err)
	}
	if p.UpdatedAt, err = parseNullTime(r.updatedAt); err != nil {
		return nil, fmt.Errorf("posting %d: %w", p.ID, err)
	}
	if p.FirstSeen, err = parseTime(r.firstSeen); err != nil {
		return nil, fmt.Errorf("posting %d: %w", p.ID, err)
	}
	if p.LastSeen, err = parseTime(r.lastSeen); err != nil {
		return nil, fmt.Errorf("posting %d: %w", p.ID, err)
	}
	return p, nil
}

// parseCategories reads the stored JSON array of category ids: "[518,872]".
func parseCategories(s string) ([]int, error) {
	if s == "" {
		return nil, nil
	}
	body, ok := strings.CutPrefix(s, "[")
	if !ok {
		return nil, fmt.Errorf("not a JSON array")
	}
	if body, ok = strings.CutSuffix(body, "]"); !ok {
		return nil, fmt.Errorf("not a JSON array")
	}
	if strings.TrimSpace(body) == "" {
		return nil, nil
	}
	out := make([]int, 0, strings.Count(body, ",")+1)
	for part := range strings.SplitSeq(body, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil {
			return nil, fmt.Errorf("not an array of integers")
		}
		out = append(out, n)
	}
	return out, nil
}

// scanPosting reads one row of listColumns, or of fullColumns when full, then extra. Its
// Analysis is set, with no skills yet.
func scanPosting(sc scanner, full bool, extra ...any) (*jobs.Posting, error) {
	var r rawPosting
	r.reset(new(postingPair))
	dest := r.dest()
	if full {
		s := &r.p.Sections
		dest = append(dest, &s.Intro, &s.MainTasks, &s.Requirements, &s.Preferred, &s.Benefits,
			&s.HireRounds, &s.Description, &r.p.Raw)
	}
	dest = append(dest, extra...)
	if err := sc.Scan(dest...); err != nil {
		return nil, err
	}
	return r.posting()
}

// FindPosting returns the posting with this id, complete: sections, raw payload, and skills
// with their evidence. An unknown id is a KindNotFound error.
func (d *DB) FindPosting(ctx context.Context, id int64) (*jobs.Posting, error) {
	return d.findOne(ctx, `id = ?`, []any{id}, func() error {
		return jobs.Errorf(jobs.KindNotFound, "no posting with id %d", id)
	})
}

// FindBySource returns the posting a source knows by this id, complete as FindPosting.
// An unknown one is a KindNotFound error.
func (d *DB) FindBySource(ctx context.Context, source, sourceID string) (*jobs.Posting, error) {
	return d.findOne(ctx, `source = ? AND source_id = ?`, []any{source, sourceID}, func() error {
		return jobs.Errorf(jobs.KindNotFound, "no posting %s from %s", sourceID, source)
	})
}

func (d *DB) findOne(ctx context.Context, cond string, args []any, notFound func() error) (*jobs.Posting, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()

	p, err := scanPosting(t.QueryRowContext(ctx, `SELECT `+fullColumns+fullFrom+` WHERE `+cond, args...), true)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound()
	}
	if err != nil {
		return nil, d.wrap(err, "cannot read a posting")
	}
	if err := loadRequirements(ctx, t, []*jobs.Posting{p}); err != nil {
		return nil, err
	}
	return p, t.commit()
}

// loadRequirements fills the skills, with evidence, of postings ps, given in ascending id
// order, with one query over their id range.
func loadRequirements(ctx context.Context, t *tx, ps []*jobs.Posting) error {
	if len(ps) == 0 {
		return nil
	}
	byID := make(map[int64]*jobs.Posting, len(ps))
	for _, p := range ps {
		byID[p.ID] = p
	}
	rows, err := t.QueryContext(ctx, `SELECT posting_id, ord, skill, section, evidence FROM requirements
		WHERE posting_id BETWEEN ? AND ?`, ps[0].ID, ps[len(ps)-1].ID)
	if err != nil {
		return t.db.wrap(err, "cannot read requirements")
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id       int64
			ord      int
			r        jobs.Requirement
			section  string
			evidence sql.NullString
		)
		if err := rows.Scan(&id, &ord, &r.Skill, &section, &evidence); err != nil {
			return t.db.wrap(err, "cannot read requirements")
		}
		p := byID[id]
		if p == nil {
			continue
		}
		r.Section = jobs.Section(section)
		if r.Evidence, err = parseEvidence(evidence); err != nil {
			return jobs.Errorf(jobs.KindInternal, "posting %d: %w", id, err)
		}
		placeSkill(p.Analysis, ord, r)
	}
	if err := rows.Err(); err != nil {
		return t.db.wrap(err, "cannot read requirements")
	}
	for _, p := range ps {
		compactSkills(p.Analysis)
	}
	return loadGroups(ctx, t, ps, byID)
}

// loadGroups fills the requirement groups of postings ps (in ascending id order, byID
// indexing them) from their skill summaries.
func loadGroups(ctx context.Context, t *tx, ps []*jobs.Posting, byID map[int64]*jobs.Posting) error {
	rows, err := t.QueryContext(ctx, `SELECT id, skills FROM postings WHERE id BETWEEN ? AND ?`, ps[0].ID, ps[len(ps)-1].ID)
	if err != nil {
		return t.db.wrap(err, "cannot read requirements")
	}
	defer rows.Close()
	same := func(s string) string { return s }
	for rows.Next() {
		var (
			id      int64
			summary string
		)
		if err := rows.Scan(&id, &summary); err != nil {
			return t.db.wrap(err, "cannot read requirements")
		}
		if p := byID[id]; p != nil {
			p.Analysis.Groups = parseGroups(summary, same)
		}
	}
	if err := rows.Err(); err != nil {
		return t.db.wrap(err, "cannot read requirements")
	}
	return nil
}

// eachBatch is how many postings EachPosting reads at a time.
const eachBatch = 200

// EachPosting calls fn with every stored posting, complete as FindPosting, in id order, from
// one snapshot of the database, reading a batch at a time. It stops at fn's first error and
// returns it. fn may write to the store.
func (d *DB) EachPosting(ctx context.Context, fn func(*jobs.Posting) error) error {
	t, err := d.beginRead(ctx)
	if err != nil {
		return err
	}
	defer t.Rollback()

	var after int64
	for {
		batch, err := readBatch(ctx, t, after)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			break
		}
		for _, p := range batch {
			if err := fn(p); err != nil {
				return err
			}
		}
		after = batch[len(batch)-1].ID
	}
	return t.commit()
}

// readBatch reads up to eachBatch complete postings with ids above after.
func readBatch(ctx context.Context, t *tx, after int64) ([]*jobs.Posting, error) {
	rows, err := t.QueryContext(ctx, `SELECT `+fullColumns+fullFrom+` WHERE id > ? ORDER BY id LIMIT ?`,
		after, eachBatch)
	if err != nil {
		return nil, t.db.wrap(err, "cannot read postings")
	}
	var batch []*jobs.Posting
	for rows.Next() {
		p, err := scanPosting(rows, true)
		if err != nil {
			rows.Close()
			return nil, t.db.wrap(err, "cannot read postings")
		}
		batch = append(batch, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, t.db.wrap(err, "cannot read postings")
	}
	if err := loadRequirements(ctx, t, batch); err != nil {
		return nil, err
	}
	return batch, nil
}

// UpdateAnalyses replaces, in one transaction, the derived columns (years, degree, major,
// newcomer, skill summary) and the requirement rows of many postings. An unknown id is a
// KindNotFound error and nothing is changed. The rows' values are worked out on every core
// first; each posting row is then written once, the old requirement rows deleted with one
// statement and the new ones written many to a statement.
func (d *DB) UpdateAnalyses(ctx context.Context, items []AnalysisUpdate) error {
	if len(items) == 0 {
		return nil
	}
	type prepared struct {
		reqs     []reqRow
		evidence []any
		skills   string
	}
	preps := make([]prepared, len(items))
	err := parallel.Each(len(items), func(i int) error {
		reqs, err := requirementRows(items[i].Analysis)
		if err != nil {
			return jobs.Errorf(jobs.KindInvalid, "posting %d: %w", items[i].ID, err)
		}
		p := prepared{reqs: reqs, skills: skillSummary(reqs, items[i].Analysis), evidence: make([]any, len(reqs))}
		for k, r := range reqs {
			p.evidence[k] = evidenceJSON(r.evidence)
		}
		preps[i] = p
		return nil
	})
	if err != nil {
		return err
	}
	// Every requirement row written refers to a posting the update just found.
	t, end, err := d.beginBulkWrite(ctx)
	if err != nil {
		return err
	}
	defer end()

	ids := make([]string, len(items))
	for i, it := range items {
		ids[i] = strconv.FormatInt(it.ID, 10)
	}
	if _, err := t.ExecContext(ctx, `DELETE FROM requirements WHERE posting_id IN (SELECT value FROM json_each(?))`,
		idsJSON(ids)); err != nil {
		return d.wrap(err, "cannot update analyses")
	}
	w := &importWriter{t: t}
	for i, it := range items {
		a := it.Analysis
		if a == nil {
			a = &jobs.Analysis{}
		}
		res, err := t.ExecContext(ctx, updateAnalysisSQL, nullInt(a.MinYears), nullInt(a.MaxYears), string(a.Degree),
			a.Major, a.Newcomer, preps[i].skills, it.ID)
		if err != nil {
			return d.wrap(err, "cannot update the analysis of posting %d", it.ID)
		}
		if n, err := res.RowsAffected(); err != nil {
			return d.wrap(err, "cannot update the analysis of posting %d", it.ID)
		} else if n == 0 {
			return jobs.Errorf(jobs.KindNotFound, "no posting with id %d", it.ID)
		}
		for k, r := range preps[i].reqs {
			w.reqs = append(w.reqs, it.ID, r.skill, string(r.section), k, preps[i].evidence[k])
			w.nReqs++
		}
		if w.nReqs >= 4*importChunk {
			if err := w.write(ctx, false); err != nil {
				return err
			}
		}
	}
	if err := w.flush(ctx); err != nil {
		return err
	}
	return t.commit()
}

// CountUngrouped counts the postings whose analysis was stored before requirements were read
// as groups of alternatives: a required or preferred skill in their summary and no group.
// A rematch re-reads them; until then each such skill is its own requirement.
func (d *DB) CountUngrouped(ctx context.Context) (int, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return 0, err
	}
	defer t.Rollback()
	var n int
	if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM postings
		WHERE (skills LIKE 'required:%' OR skills LIKE 'preferred:%'
			OR instr(skills, char(31) || 'required:') > 0 OR instr(skills, char(31) || 'preferred:') > 0)
		AND substr(skills, 1, 1) <> '=' AND instr(skills, char(31) || '=') = 0`).Scan(&n); err != nil {
		return 0, d.wrap(err, "cannot count postings to re-read")
	}
	return n, t.commit()
}

// updateAnalysisSQL writes a posting's derived columns.
const updateAnalysisSQL = `UPDATE postings
	SET min_years = ?, max_years = ?, degree = ?, major = ?, newcomer = ?, skills = ? WHERE id = ?`

// Counts returns how many stored postings are open and how many closed.
func (d *DB) Counts(ctx context.Context) (open, closed int, err error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return 0, 0, err
	}
	defer t.Rollback()
	if err := t.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM postings WHERE status = 'open'),
		(SELECT COUNT(*) FROM postings WHERE status = 'closed')`).Scan(&open, &closed); err != nil {
		return 0, 0, d.wrap(err, "cannot count postings")
	}
	return open, closed, t.commit()
}
