package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"golang.org/x/term"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/matcher"
)

// writeJSON prints one JSON document and nothing else: indented for a person at a terminal,
// compact for a program (indenting 50,000 postings costs more than reading them).
func writeJSON(w io.Writer, v any) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		enc.SetIndent("", "  ")
	}
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return bw.Flush()
}

// jsonAppender is a value that writes its own compact JSON, as encoding/json would.
type jsonAppender interface {
	appendJSON(b []byte) []byte
}

// writeJSONArray prints a JSON array of n elements, each made when it is written, so a list
// of 50,000 postings is never held twice in memory (once as values, once as text). Elements
// that are jsonAppenders (all or none) write themselves, on every core, unless the array is
// indented for a terminal.
func writeJSONArray(w io.Writer, n int, elem func(i int) any) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	indent := false
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		indent = true
	}
	if n == 0 {
		bw.WriteString("[]\n")
		return bw.Flush()
	}
	first := elem(0) // made once: elem may release what it has written
	if _, ok := first.(jsonAppender); ok && !indent {
		return writeAppenders(bw, n, func(i int) any {
			if i == 0 {
				return first
			}
			return elem(i)
		})
	}
	bw.WriteByte('[')
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("  ", "  ")
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			bw.WriteByte(',')
		}
		v := first
		if i > 0 {
			v = elem(i)
		}
		if indent {
			bw.WriteString("\n  ")
		}
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		bw.Write(bytes.TrimRight(buf.Bytes(), "\n"))
	}
	if indent {
		bw.WriteByte('\n')
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// writeAppenders writes the compact array of n elements that append themselves: blocks of
// elements are made and encoded on every core and written in order, a few blocks ahead.
func writeAppenders(bw *bufio.Writer, n int, elem func(i int) any) error {
	const block = 256
	type chunk struct {
		from, to int
		buf      []byte
		done     chan struct{}
	}
	workers := max(1, runtime.GOMAXPROCS(0))
	todo := make(chan *chunk, 2*workers)
	inOrder := make(chan *chunk, 2*workers)
	// Buffers go round: at most about 4*workers blocks are ever in flight, and a buffer
	// written is handed to the next block instead of becoming garbage.
	free := make(chan []byte, 4*workers+1)
	go func() {
		for from := 0; from < n; from += block {
			c := &chunk{from: from, to: min(from+block, n), done: make(chan struct{})}
			inOrder <- c
			todo <- c
		}
		close(todo)
		close(inOrder)
	}()
	for range workers {
		go func() {
			for c := range todo {
				select {
				case c.buf = <-free:
				default:
					c.buf = make([]byte, 0, 1<<18)
				}
				for i := c.from; i < c.to; i++ {
					if i > 0 {
						c.buf = append(c.buf, ',')
					}
					c.buf = elem(i).(jsonAppender).appendJSON(c.buf)
				}
				close(c.done)
			}
		}()
	}
	bw.WriteByte('[')
	for c := range inOrder {
		<-c.done
		bw.Write(c.buf)
		select {
		case free <- c.buf[:0]:
		default:
		}
		c.buf = nil
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// table prints rows: on a terminal as an aligned table fitted to its width (Korean text
// measured by display width, long cells truncated), piped as tab-separated lines with no
// header and nothing cut. Every cell is cleaned of control characters.
type table struct {
	io      *IOStreams
	headers []string
	flex    []bool                      // columns that shrink to fit the terminal
	stage   []int                       // the round in which a flexible column gives up width (1 first)
	floor   []int                       // and the width it keeps at least
	paint   map[int]func(string) string // colours a column's cells, after they are cleaned and fitted
	rows    [][]string
	bw      *bufio.Writer // piped: where rows go as they come
}

func newTable(io *IOStreams, headers ...string) *table {
	return &table{io: io, headers: headers, flex: make([]bool, len(headers)),
		stage: make([]int, len(headers)), floor: make([]int, len(headers))}
}

// Flex marks columns that give up width when the table is wider than the terminal.
func (t *table) Flex(cols ...int) *table {
	return t.Yield(1, 8, cols...)
}

// Paint colours a column's cells on a terminal that allows colour: fn gets each cell as it
// will be shown (cleaned, fitted) and returns it with colour escapes.
func (t *table) Paint(col int, fn func(cell string) string) *table {
	if t.io.Color {
		if t.paint == nil {
			t.paint = map[int]func(string) string{}
		}
		t.paint[col] = fn
	}
	return t
}

// Yield marks columns that give up width in round stage, keeping at least floor cells: every
// column of round 1 is narrowed (the widest first) before any of round 2, so a table keeps
// its most telling column (a title) wide and cuts the others first.
func (t *table) Yield(stage, floor int, cols ...int) *table {
	for _, c := range cols {
		if c >= 0 && c < len(t.flex) { // a column the table has not: nothing to narrow
			t.flex[c], t.stage[c], t.floor[c] = true, stage, floor
		}
	}
	return t
}

func (t *table) Row(cells ...string) {
	if !t.io.OutTTY {
		// Piped: each row is written as it comes, tab-separated (oneLine leaves no tabs).
		if t.bw == nil {
			t.bw = bufio.NewWriterSize(t.io.Out, 1<<16)
		}
		for i, c := range cells {
			if i > 0 {
				t.bw.WriteByte('\t')
			}
			t.bw.WriteString(oneLine(c))
		}
		t.bw.WriteByte('\n')
		return
	}
	for i, c := range cells {
		cells[i] = oneLine(c)
	}
	t.rows = append(t.rows, cells)
}

func (t *table) Render() error {
	w := t.io.Out
	if !t.io.OutTTY {
		if t.bw == nil {
			return nil
		}
		return t.bw.Flush()
	}
	t.fit()
	tb := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleNone),
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off, ShowHeader: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.Off},
			},
		})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
	)
	tb.Header(t.headers)
	for _, r := range t.rows {
		for col, fn := range t.paint {
			if col < len(r) {
				r[col] = fn(r[col])
			}
		}
		if err := tb.Append(r); err != nil {
			return err
		}
	}
	return tb.Render()
}

// fit truncates flexible columns until the table fits the terminal width.
func (t *table) fit() {
	n := len(t.headers)
	widths := make([]int, n)
	for i, h := range t.headers {
		widths[i] = runewidth.StringWidth(h)
	}
	for _, r := range t.rows {
		for i := 0; i < n && i < len(r); i++ {
			if w := visibleWidth(r[i]); w > widths[i] { // a coloured cell counts its letters only
				widths[i] = w
			}
		}
	}
	const pad = 2 // the renderer's padding around each cell
	total := 0
	for _, w := range widths {
		total += w + pad
	}
	over := total - t.io.Width
	last := slices.Max(t.stage)
	for stage := 1; stage <= last && over > 0; stage++ {
		for over > 0 {
			// Take from this round's widest flexible column, down to its floor.
			best := -1
			for i := range widths {
				if t.flex[i] && t.stage[i] == stage && widths[i] > t.floor[i] && (best < 0 || widths[i] > widths[best]) {
					best = i
				}
			}
			if best < 0 {
				break
			}
			// Narrow it to the next widest of its round at most, so the round shares the cut.
			next := t.floor[best]
			for i := range widths {
				if i != best && t.flex[i] && t.stage[i] == stage && widths[i] < widths[best] && widths[i] > next {
					next = widths[i]
				}
			}
			cut := min(over, widths[best]-next)
			if cut <= 0 {
				cut = min(over, 1)
			}
			widths[best] -= cut
			over -= cut
		}
	}
	// Still too wide with every column at its floor: the flexible ones give more, down to 6
	// or their header, the first round's first (the title keeps its floor longest).
	for over > 0 {
		best := -1
		for i := range widths {
			// A header is never cut, so its column is never narrower than it.
			if !t.flex[i] || widths[i] <= max(6, runewidth.StringWidth(t.headers[i])) {
				continue
			}
			if best < 0 || t.stage[i] < t.stage[best] || t.stage[i] == t.stage[best] && widths[i] > widths[best] {
				best = i
			}
		}
		if best < 0 {
			break
		}
		widths[best]--
		over--
	}
	for _, r := range t.rows {
		for i := 0; i < n && i < len(r); i++ {
			if runewidth.StringWidth(r[i]) > widths[i] {
				r[i] = truncateWidth(r[i], widths[i], "…")
			}
		}
	}
}

// bandColor is the colour of a score band on a terminal: Great green, Good cyan, Fair
// yellow, Poor dim.
func bandColor(band string) string {
	switch band {
	case "Great":
		return "32"
	case "Good":
		return "36"
	case "Fair":
		return "33"
	}
	return "2"
}

// paintBand colours a band's name on a terminal that allows colour (NO_COLOR unset).
func paintBand(io *IOStreams, band string) string { return paint(io, bandColor(band), band) }

// paint colours text on a terminal that allows colour.
func paint(io *IOStreams, code, s string) string {
	if !io.Color {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func displayWidth(s string) int { return runewidth.StringWidth(s) }

// groupMarks writes the requirements read from one line, each a group of alternatives: a met
// one with ✓ and the alternative the profile has ("[✓ Python]"), an unmet one with ✗ and its
// alternatives ("[✗ React or Vue.js]").
func groupMarks(io *IOStreams, prof *matcher.Profile, groups []jobs.Group) string {
	marks := make([]string, 0, len(groups))
	for _, g := range groups {
		if prof.GroupMet(g) {
			// The alternative the profile names itself, else one it has through a narrower skill.
			had := ""
			for _, s := range g.AnyOf {
				if slices.Contains(prof.Skills, s) {
					had = s
					break
				}
				if had == "" && prof.Has(s) {
					had = s
				}
			}
			marks = append(marks, paint(io, "32", "✓ "+had))
			continue
		}
		marks = append(marks, paint(io, "31", "✗ "+alternatives(g.AnyOf)))
	}
	return paint(io, "2", "[") + strings.Join(marks, paint(io, "2", " · ")) + paint(io, "2", "]")
}

// alternatives names a group's members for people: "R", "React or Vue.js", "AWS, GCP or Azure".
func alternatives(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// majorText is the field of study a posting asks for: as written, else the fields read.
func majorText(written string, majors []string) string {
	if written != "" {
		return oneLine(written)
	}
	return strings.Join(majors, ", ")
}

// majorNote says how the profile's major fits the fields a posting names.
func majorNote(io *IOStreams, prof *matcher.Profile, fit matcher.MajorFit) string {
	if prof.Major == "" {
		return paint(io, "2", " (set profile.major to compare yours)")
	}
	yours := oneLine(prof.Major)
	switch fit {
	case matcher.MajorListed:
		return " " + paint(io, "32", "(✓ yours, "+yours+", is listed)")
	case matcher.MajorClose:
		return " " + paint(io, "33", "(~ yours, "+yours+", may count as related)")
	case matcher.MajorUnlisted:
		return " " + paint(io, "31", "(✗ yours, "+yours+", is not listed)")
	}
	return ""
}
