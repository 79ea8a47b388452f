// Package jsonout prints the commands' JSON: one document, indented for a person at a
// terminal and compact for a program, or an array made element by element, which values that
// append their own JSON write on every core. The Append functions write JSON values byte for
// byte as encoding/json does with HTML escaping off.
package jsonout

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"runtime"
	"strconv"
	"unicode/utf8"

	"golang.org/x/term"
)

// Write prints one JSON document and nothing else: indented for a person at a terminal,
// compact for a program (indenting 50,000 postings costs more than reading them).
func Write(w io.Writer, v any) error {
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

// Appender is a value that writes its own compact JSON, as encoding/json would with HTML
// escaping off: AppendJSON appends it to b and returns the extended slice.
type Appender interface {
	AppendJSON(b []byte) []byte
}

// WriteArray prints a JSON array of n elements, each made when it is written, so a list
// of 50,000 postings is never held twice in memory (once as values, once as text). Elements
// that are Appenders (all or none) write themselves, on every core, unless the array is
// indented for a terminal.
func WriteArray(w io.Writer, n int, elem func(i int) any) error {
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
	if _, ok := first.(Appender); ok && !indent {
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
					c.buf = elem(i).(Appender).AppendJSON(c.buf)
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

// AppendStrings writes ss as a JSON array of strings, null when ss is nil.
func AppendStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendString(b, s)
	}
	return append(b, ']')
}

// AppendStringPtr writes *s as a JSON string, null when s is nil.
func AppendStringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return AppendString(b, *s)
}

// AppendIntPtr writes *n as a JSON number, null when n is nil.
func AppendIntPtr(b []byte, n *int) []byte {
	if n == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, int64(*n), 10)
}

// AppendFloat writes f as encoding/json does: plain decimals, exponents only for the
// very small and very large.
func AppendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// 1e-07 is written 1e-7.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// AppendString writes s quoted as encoding/json does without HTML escaping: control
// characters escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func AppendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
