package db

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/fnv"
	"strings"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/parallel"
)

// ImportStats counts what an import did.
type ImportStats struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

// Import stores many postings in one transaction: new ones are created (keeping a FirstSeen
// the caller gives), changed ones are updated, and ones whose company, title, url, status and
// texts are unchanged are left alone, so importing the same lines twice changes nothing.
// Postings are set as UpsertPosting sets them, and the file ends as it would after
// UpsertPosting of each in turn.
//
// It is built for tens of thousands of postings: what each posting's rows hold is worked out
// on every core before the transaction, the batch's known postings and the groups its new
// ones may join are each read with one query, and new postings are written many rows to a
// statement, each posting row once (so its list row is written once).
func (d *DB) Import(ctx context.Context, ps []*jobs.Posting) (ImportStats, error) {
	rows, err := prepareImport(ps)
	if err != nil {
		return ImportStats{}, err
	}
	st, _, err := d.ImportPrepared(ctx, rows)
	return st, err
}

// PrepareImport checks a posting and works out what its rows will hold, for ImportPrepared:
// callers with postings coming from several goroutines prepare them there, so the one
// writer only writes.
func PrepareImport(p *jobs.Posting) (*ImportRow, error) {
	return prepareRow(p)
}

// ImportPrepared is Import of postings PrepareImport or a Snapshot has prepared. Postings a
// Snapshot called unchanged that are not unchanged by the time they are written (a line
// repeated with other text, a scrape in between) are not written: they are returned, to be
// analysed and imported after.
func (d *DB) ImportPrepared(ctx context.Context, rows []*ImportRow) (ImportStats, []*jobs.Posting, error) {
	var st ImportStats
	// Texts and requirement rows refer only to postings written or found just before.
	t, end, err := d.beginBulkWrite(ctx)
	if err != nil {
		return st, nil, err
	}
	defer end()
	known, err := knownPostings(ctx, t, rows)
	if err != nil {
		return st, nil, err
	}
	now := formatTime(t.now)
	w := &importWriter{t: t, now: now, stale: map[string]bool{}}
	if w.nextID, err = nextPostingID(ctx, t); err != nil {
		return st, nil, err
	}
	if w.groups, err = groupCandidates(ctx, t, rows, known); err != nil {
		return st, nil, err
	}
	type done struct {
		p *jobs.Posting
		s stored
	}
	var (
		written  []done
		deferred []*jobs.Posting
		// What this batch stored so far, by place: a repeated line meets it, not the file
		// as the batch found it.
		stored = map[sourceKey]*ImportRow{}
	)
	for _, r := range rows {
		p := r.p
		k := sourceKey{p.Source, p.SourceID}
		var was *ImportRow
		if prev := stored[k]; prev != nil {
			was = prev
		} else if kn, ok := known[k]; ok {
			was = &ImportRow{p: &jobs.Posting{Company: kn.company, Title: kn.title, URL: kn.url},
				status: jobs.Status(kn.status), hash: kn.hash, dedupKey: kn.dedupKey, id: kn.id}
		}
		switch {
		case was != nil && was.sameAs(r):
			st.Unchanged++
			p.ID = was.id
			continue
		case r.verify:
			deferred = append(deferred, p) // not analysed: it cannot be written
			continue
		case was != nil:
			s, err := w.update(ctx, p, r, was.dedupKey)
			if err != nil {
				return st, nil, err
			}
			r.id = s.id
			stored[k] = r
			st.Updated++
			written = append(written, done{p, s})
			continue
		}
		s, err := w.insert(ctx, r)
		if err != nil {
			return st, nil, err
		}
		stored[k] = r
		st.Created++
		written = append(written, done{p, s})
	}
	if err := w.flush(ctx); err != nil {
		return st, nil, err
	}
	if err := t.commit(); err != nil {
		return ImportStats{}, nil, err
	}
	for _, wr := range written {
		wr.s.applyTo(wr.p)
	}
	return st, deferred, nil
}

// Snapshot is what the store held, when it was taken, of the postings' places: enough to
// tell a posting of an import unchanged before analysing it.
type Snapshot struct {
	seen map[sourceKey]uint64 // fingerprint of what the unchanged test compares
}

// Snapshot reads the places of every stored posting.
func (d *DB) Snapshot(ctx context.Context) (*Snapshot, error) {
	t, err := d.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer t.Rollback()
	rows, err := t.QueryContext(ctx, `SELECT source, source_id, content_hash, company, title, url, status FROM postings`)
	if err != nil {
		return nil, d.wrap(err, "cannot read the stored postings")
	}
	defer rows.Close()
	s := &Snapshot{seen: map[sourceKey]uint64{}}
	for rows.Next() {
		var k sourceKey
		var hash, company, title, url, status string
		if err := rows.Scan(&k.source, &k.sourceID, &hash, &company, &title, &url, &status); err != nil {
			return nil, d.wrap(err, "cannot read the stored postings")
		}
		s.seen[k] = fingerprint(hash, company, title, url, status)
	}
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot read the stored postings")
	}
	return s, t.commit()
}

// Unchanged returns, for a posting the snapshot holds as it is (text, company, title, url
// and status), a row ImportPrepared counts as unchanged without its analysis; else nil.
func (s *Snapshot) Unchanged(p *jobs.Posting) *ImportRow {
	if p == nil {
		return nil
	}
	fp, ok := s.seen[sourceKey{p.Source, p.SourceID}]
	if !ok {
		return nil
	}
	status := jobs.StatusOpen
	if p.Status != "" {
		status = p.Status
	}
	hash := ContentHash(p.Sections)
	if fingerprint(hash, p.Company, p.Title, p.URL, string(status)) != fp {
		return nil
	}
	return &ImportRow{p: p, status: status, hash: hash, verify: true}
}

// fingerprint is a 64-bit hash of fields, each length-prefixed.
func fingerprint(fields ...string) uint64 {
	h := fnv.New64a()
	var n [binary.MaxVarintLen64]byte
	for _, f := range fields {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(f)))])
		h.Write([]byte(f))
	}
	return h.Sum64()
}

// sourceKey is a posting's place: its source and its id there.
type sourceKey struct{ source, sourceID string }

// ImportRow is one posting of an import with what its rows will hold.
type ImportRow struct {
	p          *jobs.Posting
	status     jobs.Status
	hash       string
	dedupKey   string
	categories string
	reqs       []reqRow
	evidence   []any // evidenceJSON of each of reqs
	skills     string
	id         int64 // once stored
	verify     bool  // from a Snapshot: not analysed, to be counted unchanged or handed back
}

// sameAs reports whether r changes nothing the unchanged test looks at in prev, the posting
// as stored at its place.
func (prev *ImportRow) sameAs(r *ImportRow) bool {
	a, b := prev.p, r.p
	return prev.hash == r.hash && a.Company == b.Company && a.Title == b.Title && a.URL == b.URL && prev.status == r.status
}

// prepareImport checks each posting and works out its rows' values, on every core.
func prepareImport(ps []*jobs.Posting) ([]*ImportRow, error) {
	rows := make([]*ImportRow, len(ps))
	err := parallel.Each(len(ps), func(i int) error {
		var err error
		rows[i], err = prepareRow(ps[i])
		return err
	})
	return rows, err
}

func prepareRow(p *jobs.Posting) (*ImportRow, error) {
	status := jobs.StatusOpen
	if p != nil && p.Status != "" {
		status = p.Status
	}
	if err := checkPosting(p, status); err != nil {
		return nil, err
	}
	reqs, err := requirementRows(p.Analysis)
	if err != nil {
		return nil, jobs.Errorf(jobs.KindInvalid, "posting %s %s: %w", p.Source, p.SourceID, err)
	}
	r := &ImportRow{
		p: p, status: status, hash: ContentHash(p.Sections), dedupKey: jobs.DedupKey(p.Company, p.Title),
		categories: categoriesJSON(p.Categories), reqs: reqs, skills: skillSummary(reqs, p.Analysis),
		evidence: make([]any, len(reqs)),
	}
	for i, q := range reqs {
		r.evidence[i] = evidenceJSON(q.evidence)
	}
	return r, nil
}

// knownRow is what the unchanged test compares of a stored posting.
type knownRow struct {
	id                                          int64
	hash, company, title, url, status, dedupKey string
}

// knownPostings reads the stored postings of a batch's places, in one query.
func knownPostings(ctx context.Context, t *tx, rows []*ImportRow) (map[sourceKey]knownRow, error) {
	keys := make([][2]string, len(rows))
	for i, r := range rows {
		keys[i] = [2]string{r.p.Source, r.p.SourceID}
	}
	encoded, err := json.Marshal(keys)
	if err != nil {
		return nil, jobs.Errorf(jobs.KindInternal, "import keys: %w", err)
	}
	q, err := t.QueryContext(ctx, `SELECT p.source, p.source_id, p.id, p.content_hash, p.company, p.title, p.url, p.status, p.dedup_key
		FROM json_each(?) k JOIN postings p ON p.source = k.value ->> 0 AND p.source_id = k.value ->> 1`, string(encoded))
	if err != nil {
		return nil, t.db.wrap(err, "cannot import postings")
	}
	defer q.Close()
	out := map[sourceKey]knownRow{}
	for q.Next() {
		var k sourceKey
		var r knownRow
		if err := q.Scan(&k.source, &k.sourceID, &r.id, &r.hash, &r.company, &r.title, &r.url, &r.status, &r.dedupKey); err != nil {
			return nil, t.db.wrap(err, "cannot import postings")
		}
		out[k] = r
	}
	if err := q.Err(); err != nil {
		return nil, t.db.wrap(err, "cannot import postings")
	}
	return out, nil
}

// nextPostingID is the id SQLite would give the next posting. The write transaction holds
// the file, so ids can be given in Go.
func nextPostingID(ctx context.Context, t *tx) (int64, error) {
	var last int64
	if err := t.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM postings`).Scan(&last); err != nil {
		return 0, t.db.wrap(err, "cannot import postings")
	}
	return last + 1, nil
}

// groupCandidate is the group a new posting with some dedup key joins: that of the first-seen
// posting with the key within jobs.DedupWindow (as group() finds it), and what its lead was.
type groupCandidate struct {
	group      int64
	leadSource string
	leadHash   string
}

// groupCandidateSQL selects, first seen first, the postings whose group a new posting may
// join (as group() does), with their keys and what their group's lead is.
const groupCandidateSQL = `SELECT p.dedup_key, p.group_id, lead.source, lead.content_hash
	FROM postings p JOIN postings lead ON lead.id = p.group_id
	WHERE p.last_seen >= ? AND p.group_id IS NOT NULL AND p.dedup_key != ''`

// groupCandidates reads, in one query, the group each new posting of the batch would join.
func groupCandidates(ctx context.Context, t *tx, rows []*ImportRow, known map[sourceKey]knownRow) (map[string]groupCandidate, error) {
	var keys []string
	for _, r := range rows {
		if _, ok := known[sourceKey{r.p.Source, r.p.SourceID}]; !ok && r.dedupKey != "" {
			keys = append(keys, r.dedupKey)
		}
	}
	out := map[string]groupCandidate{}
	if len(keys) == 0 {
		return out, nil
	}
	encoded, err := json.Marshal(keys)
	if err != nil {
		return nil, jobs.Errorf(jobs.KindInternal, "import keys: %w", err)
	}
	q, err := t.QueryContext(ctx, groupCandidateSQL+` AND p.dedup_key IN (SELECT value FROM json_each(?))
		ORDER BY p.first_seen, p.id`, formatTime(t.now.Add(-jobs.DedupWindow)), string(encoded))
	if err != nil {
		return nil, t.db.wrap(err, "cannot import postings")
	}
	defer q.Close()
	for q.Next() {
		var key string
		var c groupCandidate
		if err := q.Scan(&key, &c.group, &c.leadSource, &c.leadHash); err != nil {
			return nil, t.db.wrap(err, "cannot import postings")
		}
		if _, ok := out[key]; !ok {
			out[key] = c
		}
	}
	if err := q.Err(); err != nil {
		return nil, t.db.wrap(err, "cannot import postings")
	}
	return out, nil
}

// importWriter writes new postings many rows to a statement.
type importWriter struct {
	t      *tx
	now    string
	nextID int64
	groups map[string]groupCandidate
	stale  map[string]bool // keys whose candidate an update in the batch may have changed

	postings, texts, reqs []any // pending arguments
	nPostings, nTexts     int
	nReqs                 int
}

// Values per row of each table, and rows per statement (SQLite takes up to 32,766 values).
const (
	importPostingCols = 28
	importTextCols    = 9
	importReqCols     = 5
	importChunk       = 64
)

// update stores a known posting through the general path, after what is queued. Its old
// and new dedup keys may now lead to other groups, so their candidates are read afresh.
func (w *importWriter) update(ctx context.Context, p *jobs.Posting, r *ImportRow, oldKey string) (stored, error) {
	if err := w.flush(ctx); err != nil {
		return stored{}, err
	}
	s, err := upsertPosting(ctx, w.t, p, r.status)
	if err != nil {
		return stored{}, err
	}
	for _, k := range []string{oldKey, r.dedupKey} {
		if k != "" {
			w.stale[k] = true
		}
	}
	return s, nil
}

// candidate is the group a new posting with this key joins, if any.
func (w *importWriter) candidate(ctx context.Context, key string) (groupCandidate, bool, error) {
	if !w.stale[key] {
		c, ok := w.groups[key]
		return c, ok, nil
	}
	if err := w.flush(ctx); err != nil {
		return groupCandidate{}, false, err
	}
	delete(w.stale, key)
	delete(w.groups, key)
	var c groupCandidate
	err := w.t.QueryRowContext(ctx, groupCandidateSQL+` AND p.dedup_key = ? ORDER BY p.first_seen, p.id LIMIT 1`,
		formatTime(w.t.now.Add(-jobs.DedupWindow)), key).Scan(new(string), &c.group, &c.leadSource, &c.leadHash)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return c, false, nil
	case err != nil:
		return c, false, w.t.db.wrap(err, "cannot import postings")
	}
	w.groups[key] = c
	return c, true, nil
}

// insert gives r the next id and its group, and queues its rows.
func (w *importWriter) insert(ctx context.Context, r *ImportRow) (stored, error) {
	p := r.p
	id := w.nextID
	w.nextID++
	r.id = id
	firstSeen := firstSeenFor(p, w.now)
	var closedAt, updatedAt any
	if r.status == jobs.StatusClosed {
		closedAt = w.now
	}
	group := id
	if r.dedupKey != "" {
		c, ok, err := w.candidate(ctx, r.dedupKey)
		if err != nil {
			return stored{}, err
		}
		if ok {
			group = c.group
			// A repost on the same board with other text is an edit of the posting.
			if c.leadSource == p.Source && c.leadHash != r.hash {
				updatedAt = w.now
			}
		} else {
			w.groups[r.dedupKey] = groupCandidate{group: id, leadSource: p.Source, leadHash: r.hash}
		}
	}
	a := analysisOf(p)
	careerMin, careerMax, careerNewbie := careerArgs(p.Career)
	w.postings = append(w.postings,
		id, p.Source, p.SourceID, p.URL, p.Company, p.Title, string(r.status),
		r.categories, p.EmploymentType, p.Location, p.Remote, nullTime(p.Due),
		careerMin, careerMax, careerNewbie, r.hash,
		nullInt(a.MinYears), nullInt(a.MaxYears), string(a.Degree), a.Major, a.Newcomer,
		firstSeen, w.now, closedAt, r.dedupKey, group, r.skills, updatedAt)
	w.nPostings++
	var raw any
	if p.Raw != nil {
		raw = p.Raw
	}
	s := &p.Sections
	w.texts = append(w.texts, id, s.Intro, s.MainTasks, s.Requirements, s.Preferred, s.Benefits, s.HireRounds, s.Description, raw)
	w.nTexts++
	for i, q := range r.reqs {
		w.reqs = append(w.reqs, id, q.skill, string(q.section), i, r.evidence[i])
		w.nReqs++
	}
	if w.nPostings == importChunk {
		if err := w.write(ctx, false); err != nil {
			return stored{}, err
		}
	}
	out := stored{id: id, created: true, status: r.status}
	var err error
	if out.firstSeen, err = parseTime(firstSeen); err != nil {
		return stored{}, jobs.Errorf(jobs.KindInternal, "posting %d: %w", id, err)
	}
	if out.lastSeen, err = parseTime(w.now); err != nil {
		return stored{}, jobs.Errorf(jobs.KindInternal, "posting %d: %w", id, err)
	}
	if r.status == jobs.StatusClosed {
		c := out.lastSeen
		out.closedAt = &c
	}
	return out, nil
}

// flush writes every queued row: postings first, as texts and requirements refer to them.
// Requirements go in full statements; the few left over wait for the next flush unless all
// says to write everything.
func (w *importWriter) flush(ctx context.Context) error {
	return w.write(ctx, true)
}

func (w *importWriter) write(ctx context.Context, all bool) error {
	if w.nPostings > 0 {
		if err := w.exec(ctx, importPostingsSQL, w.nPostings, w.postings); err != nil {
			return err
		}
		w.postings, w.nPostings = w.postings[:0], 0
	}
	if w.nTexts > 0 {
		if err := w.exec(ctx, importTextsSQL, w.nTexts, w.texts); err != nil {
			return err
		}
		w.texts, w.nTexts = w.texts[:0], 0
	}
	done := 0
	for w.nReqs-done >= importChunk || all && w.nReqs > done {
		n := min(importChunk, w.nReqs-done)
		if err := w.exec(ctx, importReqsSQL, n, w.reqs[done*importReqCols:(done+n)*importReqCols]); err != nil {
			return err
		}
		done += n
	}
	w.nReqs -= done
	w.reqs = append(w.reqs[:0], w.reqs[done*importReqCols:]...)
	return nil
}

// exec runs the n-row statement of a family (prepared once for a full chunk).
func (w *importWriter) exec(ctx context.Context, family func(n int) string, n int, args []any) error {
	if _, err := w.t.ExecContext(ctx, family(n), args...); err != nil {
		return w.t.db.wrap(err, "cannot import postings")
	}
	return nil
}

// multiRow is "head VALUES (?, ...), ..." for n rows of cols values.
func multiRow(head string, cols, n int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	var b strings.Builder
	b.Grow(len(head) + 8 + n*(len(one)+2))
	b.WriteString(head)
	b.WriteString(" VALUES ")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(one)
	}
	return b.String()
}

// The statements of an import, by row count; a full chunk's is built once and prepared when
// the store opens.
var (
	importPostingsHead = `INSERT INTO postings (
		id, source, source_id, url, company, title, status,
		categories, employment_type, location, remote, due,
		career_min, career_max, career_newbie, content_hash,
		min_years, max_years, degree, major, newcomer,
		first_seen, last_seen, closed_at, dedup_key, group_id, skills, updated_at)`
	importTextsHead = `INSERT INTO posting_texts (
		posting_id, intro, main_tasks, requirements, preferred, benefits, hire_rounds, description, raw)`
	importReqsHead = `INSERT INTO requirements (posting_id, skill, section, ord, evidence)`

	importPostingsFull = multiRow(importPostingsHead, importPostingCols, importChunk)
	importTextsFull    = multiRow(importTextsHead, importTextCols, importChunk)
	importReqsFull     = multiRow(importReqsHead, importReqCols, importChunk)
)

func importPostingsSQL(n int) string {
	if n == importChunk {
		return importPostingsFull
	}
	return multiRow(importPostingsHead, importPostingCols, n)
}

func importTextsSQL(n int) string {
	if n == importChunk {
		return importTextsFull
	}
	return multiRow(importTextsHead, importTextCols, n)
}

func importReqsSQL(n int) string {
	if n == importChunk {
		return importReqsFull
	}
	return multiRow(importReqsHead, importReqCols, n)
}
