// Package progress is a one-line counter of fetched pages, redrawn in place on a terminal.
package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Bar redraws one line on w with a source's pages done out of total. A nil *Bar does
// nothing, so a caller writing somewhere that is not a terminal (cron) passes nil. Its
// methods may be called from several goroutines.
type Bar struct {
	w    io.Writer
	mu   sync.Mutex
	last time.Time
	wide int
}

// New is a Bar drawing on w.
func New(w io.Writer) *Bar {
	return &Bar{w: w}
}

// Update draws "source: [====    ] done/total pages", at most every 100ms until the last
// page.
func (p *Bar) Update(source string, done, total int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last) < 100*time.Millisecond && done < total {
		return
	} else {
		p.last = now
	}
	bar := ""
	if total > 0 {
		const width = 24
		n := done * width / total
		bar = "[" + strings.Repeat("=", n) + strings.Repeat(" ", width-n) + "] "
	}
	s := fmt.Sprintf("%s: %s%d/%d pages", source, bar, done, total)
	p.wide = max(p.wide, len(s))
	fmt.Fprintf(p.w, "\r%-*s", p.wide, s)
}

// Clear blanks the line drawn, so that what is printed next starts on a clean line.
func (p *Bar) Clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.wide == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.wide))
	p.wide = 0
}
