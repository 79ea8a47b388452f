// Package tableprinter prints what the commands show on a terminal: tables fitted to its
// width (tab-separated lines when piped), prose wrapped to it, and colours, measuring text in
// display cells so that Korean text lines up.
package tableprinter

import (
	"bufio"
	"io"
	"slices"

	"github.com/mattn/go-runewidth"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/jobs-cli/jobs/internal/safetext"
)

// Output is where a table is printed and what is known of it.
type Output struct {
	W     io.Writer
	TTY   bool // W is a terminal: an aligned table; otherwise tab-separated lines
	Width int  // the terminal's width in cells
	Color bool // colours allowed
}

// Table prints rows: on a terminal as an aligned table fitted to its width (Korean text
// measured by display width, long cells truncated), piped as tab-separated lines with no
// header and nothing cut. Every cell is cleaned of control characters and made one line.
type Table struct {
	out     Output
	headers []string
	flex    []bool                      // columns that shrink to fit the terminal
	stage   []int                       // the round in which a flexible column gives up width (1 first)
	floor   []int                       // and the width it keeps at least
	paint   map[int]func(string) string // colours a column's cells, after they are cleaned and fitted
	rows    [][]string
	bw      *bufio.Writer // piped: where rows go as they come
}

// New makes a table printed to out with these column headers (none when piped).
func New(out Output, headers ...string) *Table {
	return &Table{out: out, headers: headers, flex: make([]bool, len(headers)),
		stage: make([]int, len(headers)), floor: make([]int, len(headers))}
}

// Flex marks columns that give up width when the table is wider than the terminal.
func (t *Table) Flex(cols ...int) *Table {
	return t.Yield(1, 8, cols...)
}

// Paint colours a column's cells on a terminal that allows colour: fn gets each cell as it
// will be shown (cleaned, fitted) and returns it with colour escapes.
func (t *Table) Paint(col int, fn func(cell string) string) *Table {
	if t.out.Color {
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
func (t *Table) Yield(stage, floor int, cols ...int) *Table {
	for _, c := range cols {
		if c >= 0 && c < len(t.flex) { // a column the table has not: nothing to narrow
			t.flex[c], t.stage[c], t.floor[c] = true, stage, floor
		}
	}
	return t
}

// Row adds a row: piped, it is written at once; on a terminal, kept until Render.
func (t *Table) Row(cells ...string) {
	if !t.out.TTY {
		// Piped: each row is written as it comes, tab-separated (OneLine leaves no tabs).
		if t.bw == nil {
			t.bw = bufio.NewWriterSize(t.out.W, 1<<16)
		}
		for i, c := range cells {
			if i > 0 {
				t.bw.WriteByte('\t')
			}
			t.bw.WriteString(safetext.OneLine(c))
		}
		t.bw.WriteByte('\n')
		return
	}
	for i, c := range cells {
		cells[i] = safetext.OneLine(c)
	}
	t.rows = append(t.rows, cells)
}

// Render prints the table on a terminal, fitted to its width; piped, it flushes the rows.
func (t *Table) Render() error {
	w := t.out.W
	if !t.out.TTY {
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
func (t *Table) fit() {
	n := len(t.headers)
	widths := make([]int, n)
	for i, h := range t.headers {
		widths[i] = runewidth.StringWidth(h)
	}
	for _, r := range t.rows {
		for i := 0; i < n && i < len(r); i++ {
			if w := VisibleWidth(r[i]); w > widths[i] { // a coloured cell counts its letters only
				widths[i] = w
			}
		}
	}
	const pad = 2 // the renderer's padding around each cell
	total := 0
	for _, w := range widths {
		total += w + pad
	}
	over := total - t.out.Width
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
				r[i] = Truncate(r[i], widths[i], "…")
			}
		}
	}
}
