package db

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jobs-cli/jobs"
)

// A list row (migration 0008) is the columns of listColumns after id, then skills, packed
// into one value by SQLite: each as "<byte length>:<text>", or "~" for NULL. Decoding one
// value per posting in Go costs a fraction of asking SQLite for 26, which is what a list of
// tens of thousands of postings spends its time on.

// packedRow is one list row being decoded.
type packedRow struct {
	id  int64
	row string
}

// next splits the first value off r.row: its text, and whether it is NULL.
func (r *packedRow) next() (string, bool, error) {
	if strings.HasPrefix(r.row, "~") {
		r.row = r.row[1:]
		return "", true, nil
	}
	colon := strings.IndexByte(r.row, ':')
	if colon < 0 {
		return "", false, fmt.Errorf("posting %d: list row ends early", r.id)
	}
	n, err := strconv.Atoi(r.row[:colon])
	if err != nil || n < 0 || n > len(r.row)-colon-1 {
		return "", false, fmt.Errorf("posting %d: list row has a bad length %q", r.id, r.row[:colon])
	}
	v := r.row[colon+1 : colon+1+n]
	r.row = r.row[colon+1+n:]
	return v, false, nil
}

// decode reads the row into r and skills, in the order of rawPosting.dest and then skills.
func (pr *packedRow) decode(r *rawPosting, skills *string) error {
	p, a := r.p, r.a
	p.ID = pr.id
	var err error
	str := func(dst *string) {
		if err == nil {
			var null bool
			*dst, null, err = pr.next()
			if null && err == nil {
				err = fmt.Errorf("posting %d: NULL in a list row where text belongs", pr.id)
			}
		}
	}
	nullStr := func(dst *sql.NullString) {
		if err == nil {
			var null bool
			dst.String, null, err = pr.next()
			dst.Valid = !null
		}
	}
	nullInt := func(dst *sql.NullInt64) {
		if err == nil {
			v, null, e := pr.next()
			*dst = sql.NullInt64{}
			if err = e; err == nil && !null {
				dst.Int64, err = pr.integer(v)
				dst.Valid = err == nil
			}
		}
	}
	boolean := func(dst *bool) {
		var n sql.NullInt64
		if nullInt(&n); err == nil && !n.Valid {
			err = fmt.Errorf("posting %d: NULL in a list row where a flag belongs", pr.id)
		}
		*dst = n.Int64 != 0
	}
	str(&p.Source)
	str(&p.SourceID)
	str(&p.URL)
	str(&p.Company)
	str(&p.Title)
	str(&r.status)
	str(&r.categories)
	str(&p.EmploymentType)
	str(&p.Location)
	boolean(&p.Remote)
	nullStr(&r.due)
	nullInt(&r.careerMin)
	nullInt(&r.careerMax)
	nullInt(&r.careerNewbie)
	nullInt(&r.minYears)
	nullInt(&r.maxYears)
	str(&r.degree)
	str(&a.Major)
	boolean(&a.Newcomer)
	str(&r.firstSeen)
	str(&r.lastSeen)
	nullStr(&r.closedAt)
	nullInt(&r.groupID)
	nullStr(&r.updatedAt)
	str(skills)
	if err == nil && pr.row != "" {
		err = fmt.Errorf("posting %d: list row has %d bytes left over", pr.id, len(pr.row))
	}
	return err
}

func (pr *packedRow) integer(v string) (int64, error) {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("posting %d: %q in a list row where an integer belongs", pr.id, v)
	}
	return n, nil
}

// scanCacheKiB is the page cache of a connection reading list rows.
const scanCacheKiB = 1024

// readRows decodes every list row, split by id into one range per core, each read on its
// own connection, and returns the postings f selects (f.Limit aside) in id order.
func (d *DB) readRows(ctx context.Context, f jobs.Filter, each func(*jobs.Posting)) ([]*jobs.Posting, error) {
	keep, err := rowFilter(f)
	if err != nil {
		return nil, err
	}
	// Apart, so each is one step down the tree: together they would scan the table.
	var lo, hi sql.NullInt64
	if err := d.read.QueryRowContext(ctx, `SELECT (SELECT min(posting_id) FROM posting_rows), (SELECT max(posting_id) FROM posting_rows)`).Scan(&lo, &hi); err != nil {
		return nil, d.wrap(err, "cannot list postings")
	}
	if !lo.Valid {
		return nil, nil
	}
	ranges := idRanges(lo.Int64, hi.Int64, min(runtime.GOMAXPROCS(0), readConns))
	out := make([][]*jobs.Posting, len(ranges))
	errs := make([]error, len(ranges))
	var wg sync.WaitGroup
	for i, r := range ranges {
		wg.Go(func() {
			out[i], errs[i] = d.readRowRange(ctx, r[0], r[1], keep, each)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return slices.Concat(out...), nil
}

// idRanges splits the ids lo..hi into up to parts half-open ranges [from, to) of about the
// same width, in order; a span under 2,048 ids is read in one.
func idRanges(lo, hi int64, parts int) [][2]int64 {
	if parts < 1 || hi-lo < 2048 {
		parts = 1
	}
	span := (hi - lo + int64(parts)) / int64(parts)
	out := make([][2]int64, parts)
	for i := range out {
		from := lo + int64(i)*span
		out[i] = [2]int64{from, min(from+span, hi+1)}
	}
	return out
}

// readRowRange decodes the list rows of ids in [from, to) that keep accepts, calling each (if
// given) with every one, its groups read into storage the next posting reuses.
func (d *DB) readRowRange(ctx context.Context, from, to int64, keep func(*jobs.Posting) bool, each func(*jobs.Posting)) ([]*jobs.Posting, error) {
	conn, err := d.read.Conn(ctx)
	if err != nil {
		return nil, d.wrap(err, "cannot read the database")
	}
	defer conn.Close()
	// A scan reads each page once: a small cache serves it as well as a big one, and every
	// page a connection caches stays in the process's memory. (Mapping the file instead
	// reads faster but maps the pages around each one read too, which in a file written by
	// nightly scrapes is most of it: 110 MB more resident at 50,000 postings.)
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -`+strconv.Itoa(scanCacheKiB)); err != nil {
		return nil, d.wrap(err, "cannot read the database")
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA cache_size = -`+strconv.Itoa(cacheKiB))
	sqlTx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, d.wrap(err, "cannot read the database")
	}
	t := &tx{Tx: sqlTx, db: d, now: d.now().UTC()}
	defer t.Rollback()
	rows, err := t.QueryContext(ctx, `SELECT posting_id, row FROM posting_rows WHERE posting_id >= ? AND posting_id < ?`, from, to)
	if err != nil {
		return nil, d.wrap(err, "cannot list postings")
	}
	defer rows.Close()
	var (
		out    []*jobs.Posting
		skills string
		pr     packedRow
		r      rawPosting
		slab   []postingPair // postings are allocated many at a time
		in     = interner{}
		reqs   []jobs.Requirement // and their skills too
		groups groupBuf           // with each: one posting's groups at a time
	)
	for rows.Next() {
		if err := rows.Scan(&pr.id, &pr.row); err != nil {
			return nil, d.wrap(err, "cannot list postings")
		}
		if len(slab) == 0 {
			slab = make([]postingPair, 256)
		}
		r.reset(&slab[0])
		slab = slab[1:]
		if err := pr.decode(&r, &skills); err != nil {
			return nil, jobs.Errorf(jobs.KindInternal, "cannot list postings: %w", err)
		}
		p, err := r.posting()
		if err != nil {
			return nil, jobs.Errorf(jobs.KindInternal, "cannot list postings: %w", err)
		}
		if !keep(p) {
			continue
		}
		p.Analysis.Skills = parseSkillSummaryFrom(skills, &reqs)
		if each == nil {
			p.Analysis.Groups = parseGroups(skills, in.of)
		} else {
			p.Analysis.Groups = parseGroupsInto(skills, in.of, &groups)
		}
		in.detach(p)
		if each != nil {
			each(p)
			p.Analysis.Groups = nil
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, d.wrap(err, "cannot list postings")
	}
	return out, t.commit()
}

// rowFilter is f as a test of a decoded posting. Company matches case-insensitively in ASCII
// only, as SQLite's lower() would.
func rowFilter(f jobs.Filter) (func(*jobs.Posting) bool, error) {
	if f.Status != nil && *f.Status != jobs.StatusOpen && *f.Status != jobs.StatusClosed {
		return nil, jobs.Errorf(jobs.KindInvalid, "unknown posting status %q", *f.Status)
	}
	var company string
	if f.Company != nil {
		company = asciiLower(*f.Company)
	}
	return func(p *jobs.Posting) bool {
		switch {
		case f.Status != nil && p.Status != *f.Status,
			f.Company != nil && !strings.Contains(asciiLower(p.Company), company),
			f.Since != nil && p.FirstSeen.Before(*f.Since),
			f.Newcomer != nil && p.Analysis.Newcomer != *f.Newcomer,
			f.Source != nil && p.Source != *f.Source:
			return false
		}
		return true
	}, nil
}

// asciiLower folds ASCII letters only, as SQLite's lower() does.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// interner keeps one copy of each short string that repeats across postings: sources,
// statuses, sections, skill names.
type interner map[string]string

func (in interner) of(s string) string {
	if v, ok := in[s]; ok {
		return v
	}
	v := strings.Clone(s)
	in[v] = v
	return v
}

// detach makes p share nothing with the row it was decoded from, so the row (its dates,
// categories and skill summary as text) can be collected while p is kept: the strings that
// repeat are interned, the rest copied into one new string.
func (in interner) detach(p *jobs.Posting) {
	p.Source = in.of(p.Source)
	p.EmploymentType = in.of(p.EmploymentType)
	p.Status = jobs.Status(in.of(string(p.Status)))
	a := p.Analysis
	a.Degree = jobs.Degree(in.of(string(a.Degree)))
	for i := range a.Skills {
		a.Skills[i].Skill = in.of(a.Skills[i].Skill)
		a.Skills[i].Section = jobs.Section(in.of(string(a.Skills[i].Section)))
	}
	fields := [...]*string{&p.SourceID, &p.URL, &p.Company, &p.Title, &p.Location, &a.Major}
	n := 0
	for _, f := range fields {
		n += len(*f)
	}
	var b strings.Builder
	b.Grow(n)
	for _, f := range fields {
		b.WriteString(*f)
	}
	all := b.String()
	for _, f := range fields {
		*f, all = all[:len(*f)], all[len(*f):]
	}
}
