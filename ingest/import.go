package ingest

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/db"
	"github.com/jobs-cli/jobs/matcher"
)

// BadLine is one line of an import that could not be read.
type BadLine struct {
	Line int
	Err  error
}

// Input is what an import reads: a reader, its name for messages, and its format.
type Input struct {
	R      *bufio.Reader
	Name   string // "standard input", or the file's name
	Format string // "jsonl" or "csv"
}

// ImportResult is what an import stored and what it could not read.
type ImportResult struct {
	db.ImportStats
	Bad          []BadLine // in the order of their lines
	Applications int       // the applications the lines carried
	Steps        int       // the application steps those added
}

// Stored is the number of postings the import stored, changed or not.
func (r ImportResult) Stored() int { return r.Created + r.Updated + r.Unchanged }

// DetectFormat names the format of a file: from its name, else from its first byte
// (JSON Lines start with '{'; anything else is read as CSV).
func DetectFormat(name string, br *bufio.Reader) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv":
		return "csv"
	case ".jsonl", ".json", ".ndjson":
		return "jsonl"
	}
	head, _ := br.Peek(64)
	if len(bytes.TrimSpace(head)) > 0 && bytes.TrimSpace(head)[0] == '{' {
		return "jsonl"
	}
	return "csv"
}

// Import reads postings from in, analyses the ones that changed and stores them; the
// applications export lines carry are restored after the postings. Lines that cannot be read
// are counted in the result; an error means the input or the store failed.
//
// Reading feeds workers, which decode JSON lines, analyse postings and prepare their rows;
// one writer stores batches in transactions. The writer is the slower side (at 50,000
// postings its work is about 5 s of one core, the workers' about 4 s), so the workers leave
// it a core of its own: with one worker per core they took turns with it, and an import on
// two cores took 9 s instead of 6.7 s. Batches are gathered in the file's order while the
// previous one is written, so analysis never waits on the database.
func Import(ctx context.Context, store *db.DB, an *matcher.Analyzer, in Input) (ImportResult, error) {
	// Postings stored as they are need no analysis: a nightly re-import of the same file is
	// mostly those.
	snap, err := store.Snapshot(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	run := &importRun{ctx: ctx, store: store, an: an, snap: snap}
	items := make(chan importItem, 512)
	batches := inFileOrder(run.prepareAll(items))
	written := run.writeAll(batches)
	readErr := run.read(in, items)
	close(items)
	if err := <-written; err != nil {
		return ImportResult{}, err
	}
	if run.prepErr != nil {
		return ImportResult{}, run.prepErr
	}
	sort.Slice(run.bad, func(i, j int) bool { return run.bad[i].Line < run.bad[j].Line })
	if readErr != nil {
		return ImportResult{}, jobs.Errorf(jobs.KindInvalid, "cannot read %s: %v", in.Name, readErr)
	}
	res := run.res
	res.Bad = run.bad
	if len(run.restores) > 0 {
		added, _, err := store.RestoreApplications(ctx, run.restores)
		if err != nil {
			return ImportResult{}, err
		}
		res.Applications, res.Steps = len(run.restores), added
	}
	return res, nil
}

// importItem is one posting read, or one JSON line to decode into one.
type importItem struct {
	seq  int // its place in the file, among the postings read
	p    *jobs.Posting
	n    int    // the line number of a JSON line
	line []byte // a JSON line to decode, or nil
}

// preparedRow is an item's row to store, with the item's place in the file.
type preparedRow struct {
	seq int
	row *db.ImportRow // nil: nothing to store (a bad line)
}

// importRun is what one import's reader, workers and writer share.
type importRun struct {
	ctx   context.Context
	store *db.DB
	an    *matcher.Analyzer
	snap  *db.Snapshot

	mu       sync.Mutex // guards bad, prepErr and restores
	bad      []BadLine
	prepErr  error        // the first posting the store cannot take
	restores []db.Restore // the applications of exported lines, read back after the postings

	res ImportResult // what the writer stored; read once it is done
}

// read reads in, in its format, and sends each posting or JSON line to items, numbered in
// the file's order. A CSV record that cannot be read is a bad line.
func (run *importRun) read(in Input, items chan<- importItem) error {
	seq := 0
	if in.Format == "jsonl" {
		return scanJSONL(in.R, func(n int, line []byte) { items <- importItem{seq: seq, n: n, line: line}; seq++ })
	}
	var csvBad []BadLine
	err := readJobSpyCSV(in.R, func(p *jobs.Posting) { items <- importItem{seq: seq, p: p}; seq++ }, &csvBad)
	run.mu.Lock()
	run.bad = append(run.bad, csvBad...)
	run.mu.Unlock()
	return err
}

// prepareAll prepares the items' rows on one worker per core but one, and closes the
// channel it returns when items is closed and every row is prepared.
func (run *importRun) prepareAll(items <-chan importItem) <-chan preparedRow {
	out := make(chan preparedRow, 512)
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)-1) {
		wg.Go(func() {
			for it := range items {
				out <- preparedRow{it.seq, run.prepare(it)}
			}
		})
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

// prepare decodes an item's JSON line, with the application it carries, and returns the
// row to store: the stored one when the posting is stored as it is, else the posting
// analysed. A line that cannot be read is a bad line, and a posting the store cannot take
// fails the import, as a write would; both give nil.
func (run *importRun) prepare(it importItem) *db.ImportRow {
	if it.line != nil {
		p, err := decodeJSONLine(it.line)
		var r *db.Restore
		if err == nil {
			r, err = decodeApplication(it.line)
		}
		if err != nil {
			run.mu.Lock()
			run.bad = append(run.bad, BadLine{it.n, err})
			run.mu.Unlock()
			return nil
		}
		if r != nil {
			run.mu.Lock()
			run.restores = append(run.restores, *r)
			run.mu.Unlock()
		}
		it.p = p
	}
	if row := run.snap.Unchanged(it.p); row != nil {
		return row
	}
	it.p.Analysis = run.an.AnalyzePosting(it.p)
	row, err := db.PrepareImport(it.p)
	if err != nil {
		run.mu.Lock()
		run.prepErr = cmp.Or(run.prepErr, err)
		run.mu.Unlock()
		return nil
	}
	return row
}

// inFileOrder gathers prepared rows into batches in the file's order, so that ids, groups
// and a line repeated later come out as the file has them, however the workers finish. Bad
// lines are left out. The channel it returns is closed after the last batch.
func inFileOrder(prepared <-chan preparedRow) <-chan []*db.ImportRow {
	const batchSize = 1000
	batches := make(chan []*db.ImportRow, 1)
	go func() {
		batch := make([]*db.ImportRow, 0, batchSize)
		pending := map[int]*db.ImportRow{} // finished ahead of their turn
		next := 0
		for d := range prepared {
			pending[d.seq] = d.row
			for {
				row, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if row == nil {
					continue
				}
				batch = append(batch, row)
				if len(batch) == batchSize {
					batches <- batch
					batch = make([]*db.ImportRow, 0, batchSize)
				}
			}
		}
		if len(batch) > 0 {
			batches <- batch
		}
		close(batches)
	}()
	return batches
}

// writeAll stores the batches, each in a transaction, and then the postings the snapshot
// called unchanged that had changed by the time they were written, analysed afresh. The
// channel it returns gives the first error, or nil, once every batch is drained.
func (run *importRun) writeAll(batches <-chan []*db.ImportRow) <-chan error {
	written := make(chan error, 1)
	go func() {
		var changedSinceSnapshot []*jobs.Posting
		var err error
		for batch := range batches {
			if err == nil { // else drain, so the pipeline ends
				changedSinceSnapshot, err = run.write(batch, changedSinceSnapshot)
			}
		}
		if err == nil && len(changedSinceSnapshot) > 0 {
			err = run.writeChanged(changedSinceSnapshot)
		}
		written <- err
	}()
	return written
}

// write stores one batch, counts it, and adds the postings found changed since the snapshot
// to changed.
func (run *importRun) write(batch []*db.ImportRow, changed []*jobs.Posting) ([]*jobs.Posting, error) {
	st, deferred, err := run.store.ImportPrepared(run.ctx, batch)
	run.res.Created += st.Created
	run.res.Updated += st.Updated
	run.res.Unchanged += st.Unchanged
	return append(changed, deferred...), err
}

// writeChanged analyses and stores the postings the snapshot called unchanged but that had
// changed when they were written.
func (run *importRun) writeChanged(changed []*jobs.Posting) error {
	rows := make([]*db.ImportRow, 0, len(changed))
	for _, p := range changed {
		p.Analysis = run.an.AnalyzePosting(p)
		row, err := db.PrepareImport(p)
		if err != nil {
			return err
		}
		rows = append(rows, row)
	}
	_, err := run.write(rows, nil)
	return err
}

// importLine is what import reads of an export line; unknown fields are ignored.
type importLine struct {
	Source         string        `json:"source"`
	SourceID       string        `json:"source_id"`
	Company        string        `json:"company"`
	Title          string        `json:"title"`
	URL            string        `json:"url"`
	Status         string        `json:"status"`
	EmploymentType string        `json:"employment_type"`
	Location       string        `json:"location"`
	Due            *string       `json:"due"`
	FirstSeen      string        `json:"first_seen"`
	Categories     []int         `json:"categories"`
	Sections       jobs.Sections `json:"sections"`
}

func readJSONL(r *bufio.Reader, emit func(*jobs.Posting), bad *[]BadLine) error {
	return scanJSONL(r, func(n int, line []byte) {
		if p, err := decodeJSONLine(line); err != nil {
			*bad = append(*bad, BadLine{n, err})
		} else {
			emit(p)
		}
	})
}

// scanJSONL hands each non-blank line to emit with its number; emit may keep the line.
func scanJSONL(r *bufio.Reader, emit func(n int, line []byte)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), maxRecord)
	n := 0
	for sc.Scan() {
		n++
		if b := bytes.TrimSpace(sc.Bytes()); len(b) > 0 {
			emit(n, bytes.Clone(b))
		}
	}
	if errors.Is(sc.Err(), bufio.ErrTooLong) {
		return fmt.Errorf("line %d is longer than 16 MiB", n+1)
	}
	return sc.Err()
}

// importApplication is what import reads of an export line's application: its steps, as
// 'jobs export' writes them (the stage they end at is derived again).
type importApplication struct {
	Steps []struct {
		Stage      string `json:"stage"`
		Date       string `json:"date"`
		Note       string `json:"note"`
		RecordedAt string `json:"recorded_at"`
	} `json:"steps"`
}

// decodeApplication reads the application an export line carries (its stage and steps, as
// 'jobs track' recorded them); nil when it has none.
func decodeApplication(b []byte) (*db.Restore, error) {
	if !bytes.Contains(b, []byte(`"application"`)) {
		return nil, nil
	}
	var l struct {
		Source      string             `json:"source"`
		SourceID    string             `json:"source_id"`
		Application *importApplication `json:"application"`
	}
	if err := json.Unmarshal(b, &l); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", shortErr(err))
	}
	if l.Application == nil || len(l.Application.Steps) == 0 {
		return nil, nil
	}
	r := &db.Restore{Source: l.Source, SourceID: l.SourceID}
	for i, st := range l.Application.Steps {
		stage, ok := db.ParseStage(st.Stage)
		if !ok {
			return nil, fmt.Errorf("application step %d: stage %q is not saved, applied, interview, offer or rejected", i+1, st.Stage)
		}
		at, err := time.Parse(time.RFC3339, st.Date)
		if err != nil {
			return nil, fmt.Errorf("application step %d: date %q is not an RFC 3339 time", i+1, st.Date)
		}
		step := db.Step{Stage: stage, At: at, Note: st.Note}
		if st.RecordedAt != "" {
			if step.RecordedAt, err = time.Parse(time.RFC3339, st.RecordedAt); err != nil {
				return nil, fmt.Errorf("application step %d: recorded_at %q is not an RFC 3339 time", i+1, st.RecordedAt)
			}
		}
		r.Steps = append(r.Steps, step)
	}
	return r, nil
}

// decodeJSONLine reads one line of 'jobs export --format jsonl'.
func decodeJSONLine(b []byte) (*jobs.Posting, error) {
	var l importLine
	if err := json.Unmarshal(b, &l); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", shortErr(err))
	}
	return l.posting()
}

func (l importLine) posting() (*jobs.Posting, error) {
	if strings.TrimSpace(l.Source) == "" || strings.TrimSpace(l.SourceID) == "" {
		return nil, errors.New("no source or source_id")
	}
	p := &jobs.Posting{
		Source: l.Source, SourceID: l.SourceID, Company: l.Company, Title: l.Title, URL: l.URL,
		Status: jobs.StatusOpen, EmploymentType: l.EmploymentType, Location: l.Location, Categories: l.Categories,
		Sections: l.Sections,
	}
	switch l.Status {
	case "", "open":
	case "closed":
		p.Status = jobs.StatusClosed
	default:
		return nil, fmt.Errorf("status %q is neither open nor closed", l.Status)
	}
	if l.Due != nil && *l.Due != "" {
		t, err := parseDate(*l.Due)
		if err != nil {
			return nil, fmt.Errorf("due %q is not a date", *l.Due)
		}
		p.Due = &t
	}
	if l.FirstSeen != "" {
		t, err := parseDate(l.FirstSeen)
		if err != nil {
			return nil, fmt.Errorf("first_seen %q is not a date", l.FirstSeen)
		}
		p.FirstSeen = t
	}
	return p, nil
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

// maxRecord is the longest line of JSON Lines, or record of CSV, import reads: an input
// without line ends (a device, a broken file) fails here instead of filling memory.
const maxRecord = 16 << 20

// readJobSpyCSV reads the CSV JobSpy writes: columns id, site, job_url, title, company,
// location, date_posted, job_type, is_remote, description, ... (by name, in any order).
//
// The CSV is read strictly (RFC 4180): a record with a stray quote, or with more or fewer
// fields than the header, is a bad line, named by its first line, and the rest is read.
// A quote left open would make the reader take every following line into one field, so
// the lines a failed record ran over are read again as records of their own.
func readJobSpyCSV(r io.Reader, emit func(*jobs.Posting), bad *[]BadLine) error {
	sp := &csvSplitter{br: bufio.NewReaderSize(r, 1<<16)}
	head, err := readCSVHeader(sp)
	if err != nil {
		return err
	}
	cols, err := newJobSpyColumns(head)
	if err != nil {
		return err
	}
	for {
		line, text, err := sp.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if blankRecord(text) {
			continue
		}
		rec, err := parseCSVRecord(text)
		if err == nil && len(rec) != len(head) {
			err = fmt.Errorf("%d fields where the header has %d", len(rec), len(head))
		}
		if err != nil {
			*bad = append(*bad, BadLine{line, err})
			if len(text) > 1 { // a quote left open: read what it swallowed again
				sp.unread(line+1, text[1:])
			}
			continue
		}
		p, err := cols.posting(rec)
		if err != nil {
			*bad = append(*bad, BadLine{line, err})
			continue
		}
		emit(p)
	}
}

// blankRecord is true for a record that is one blank line.
func blankRecord(lines [][]byte) bool {
	return len(lines) == 1 && len(bytes.TrimSpace(lines[0])) == 0
}

// readCSVHeader reads the first record that is not a blank line: the CSV's header.
func readCSVHeader(sp *csvSplitter) ([]string, error) {
	for {
		line, rec, err := sp.next()
		switch {
		case err == io.EOF:
			return nil, errors.New("no CSV header: the file is empty")
		case err != nil:
			return nil, err
		case blankRecord(rec):
			continue // blank lines before the header
		}
		head, err := parseCSVRecord(rec)
		if err != nil {
			return nil, fmt.Errorf("line %d: the CSV header cannot be read: %v", line, err)
		}
		return head, nil
	}
}

// jobSpyColumns is where each column of JobSpy's CSV stands, by its name in lower case.
type jobSpyColumns map[string]int

// newJobSpyColumns reads a header's column names (a byte order mark and spaces aside, in
// any case); the columns site, job_url, title and company are required.
func newJobSpyColumns(head []string) (jobSpyColumns, error) {
	col := jobSpyColumns{}
	for i, h := range head {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"site", "job_url", "title", "company"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("the CSV has no %q column; JobSpy's CSV has site, job_url, title, company, description", need)
		}
	}
	return col, nil
}

// get is a record's field in the named column, trimmed; "" when there is no such column.
func (col jobSpyColumns) get(rec []string, name string) string {
	if i, ok := col[name]; ok && i < len(rec) {
		return strings.TrimSpace(rec[i])
	}
	return ""
}

// posting is the posting a record describes: its source is "jobspy-" and the site, its id
// the record's id or else its job_url.
func (col jobSpyColumns) posting(rec []string) (*jobs.Posting, error) {
	site, url := col.get(rec, "site"), col.get(rec, "job_url")
	id := col.get(rec, "id")
	if id == "" {
		id = url
	}
	if site == "" || id == "" {
		return nil, errors.New("no site, or neither id nor job_url")
	}
	p := &jobs.Posting{
		Source: "jobspy-" + strings.ToLower(site), SourceID: id, URL: url,
		Title: col.get(rec, "title"), Company: col.get(rec, "company"), Location: col.get(rec, "location"),
		EmploymentType: col.get(rec, "job_type"), Status: jobs.StatusOpen,
		Remote:   strings.EqualFold(col.get(rec, "is_remote"), "true"),
		Sections: jobs.Sections{Description: markdownText(col.get(rec, "description"))},
	}
	if d := col.get(rec, "date_posted"); d != "" {
		if t, err := parseDate(d); err == nil {
			p.FirstSeen = t
		}
	}
	return p, nil
}

// parseCSVRecord reads the lines of one record strictly.
func parseCSVRecord(lines [][]byte) ([]string, error) {
	cr := csv.NewReader(bytes.NewReader(bytes.Join(lines, nil)))
	cr.FieldsPerRecord = -1 // compared with the header by the caller
	rec, err := cr.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if pe.Line > 1 {
				return nil, fmt.Errorf("%v (on its line %d)", pe.Err, pe.Line)
			}
			return nil, pe.Err
		}
		return nil, err
	}
	if _, err := cr.Read(); err != io.EOF { // more than one record: a quote out of place
		return nil, errors.New(`a quote (") out of place`)
	}
	return rec, nil
}

// csvSplitter cuts CSV text into records without parsing them: a record is the lines up to
// one that ends outside quotes (an even number of quote characters so far), which is exact
// for valid CSV. A record is at most maxRecord bytes, each line counted with what keeping
// it costs.
type csvSplitter struct {
	br      *bufio.Reader
	line    int      // the number of the last line read from br
	pending [][]byte // lines given back by unread, read before br
	pendAt  int      // the number of pending[0]
}

// lineCost is what a line costs beyond its bytes, so that a record of many empty lines
// is bounded too.
const lineCost = 32

// next returns the first line number and the lines (with their line ends) of the next
// record, or io.EOF.
func (s *csvSplitter) next() (int, [][]byte, error) {
	var lines [][]byte
	start, quotes, size := 0, 0, 0
	for {
		n, l, err := s.readLine()
		if err == io.EOF && len(lines) > 0 {
			return start, lines, nil // an open quote at the end: the parser says so
		}
		if err != nil {
			return 0, nil, err
		}
		if len(lines) == 0 {
			start = n
		}
		size += len(l) + lineCost
		if size > maxRecord {
			return 0, nil, fmt.Errorf("line %d: a record longer than %d MiB", start, maxRecord>>20)
		}
		lines = append(lines, l)
		quotes += bytes.Count(l, []byte{'"'})
		if quotes%2 == 0 {
			return start, lines, nil
		}
	}
}

func (s *csvSplitter) readLine() (int, []byte, error) {
	if len(s.pending) > 0 {
		l, n := s.pending[0], s.pendAt
		s.pending, s.pendAt = s.pending[1:], s.pendAt+1
		return n, l, nil
	}
	frag, err := s.br.ReadSlice('\n')
	if err == nil || (err == io.EOF && len(frag) > 0) {
		s.line++
		return s.line, bytes.Clone(frag), nil
	}
	line := bytes.Clone(frag)
	for err == bufio.ErrBufferFull {
		frag, err = s.br.ReadSlice('\n')
		if len(line)+len(frag) > maxRecord {
			return 0, nil, fmt.Errorf("line %d is longer than %d MiB", s.line+1, maxRecord>>20)
		}
		line = append(line, frag...)
	}
	if err != nil && (err != io.EOF || len(line) == 0) {
		return 0, nil, err
	}
	s.line++
	return s.line, line, nil
}

// unread gives back lines, the first numbered n, to be read again before the rest.
func (s *csvSplitter) unread(n int, lines [][]byte) {
	s.pending = append(slices.Clone(lines), s.pending...)
	s.pendAt = n
}

// markdownText turns JobSpy's Markdown descriptions into lines the matcher reads: emphasis
// and escapes go, headings and bullets stay on their own lines.
func markdownText(s string) string {
	s = strings.NewReplacer("**", "", "__", "", "\\-", "-", "\\*", "*", "\\_", "_", "\\.", ".", "\\+", "+", "\\#", "#").Replace(s)
	return s
}

func shortErr(err error) string {
	msg := err.Error()
	if len(msg) > 120 {
		msg = msg[:120] + "…"
	}
	return msg
}
