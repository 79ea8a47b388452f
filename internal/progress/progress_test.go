package progress

import (
	"bytes"
	"testing"
)

func TestBarDrawsAndClearsOneLine(t *testing.T) {
	var b bytes.Buffer
	p := New(&b)
	p.Update("wanted", 12, 12)
	want := "\rwanted: [========================] 12/12 pages"
	if b.String() != want {
		t.Errorf("drew %q, want %q", b.String(), want)
	}
	b.Reset()
	p.Clear()
	if want := "\r" + string(bytes.Repeat([]byte(" "), len("wanted: [========================] 12/12 pages"))) + "\r"; b.String() != want {
		t.Errorf("cleared with %q, want %q", b.String(), want)
	}
	b.Reset()
	p.Clear()
	if b.Len() != 0 {
		t.Errorf("a second clear wrote %q", b.String())
	}
}

func TestNilBarDoesNothing(t *testing.T) {
	var p *Bar
	p.Update("wanted", 1, 2)
	p.Clear()
}
