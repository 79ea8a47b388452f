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

	"golang.org/x/term"

	"github.com/jobs-cli/jobs"
	"github.com/jobs-cli/jobs/internal/tableprinter"
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

// newTable makes a table printed to the command's standard output, fitted to its terminal.
func newTable(io *IOStreams, headers ...string) *tableprinter.Table {
	return tableprinter.New(tableprinter.Output{W: io.Out, TTY: io.OutTTY, Width: io.Width, Color: io.Color}, headers...)
}

// paintBand colours a band's name on a terminal that allows colour (NO_COLOR unset).
func paintBand(io *IOStreams, band string) string {
	return paint(io, tableprinter.BandColor(band), band)
}

// paint colours text on a terminal that allows colour.
func paint(io *IOStreams, code, s string) string { return tableprinter.Paint(io.Color, code, s) }

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
