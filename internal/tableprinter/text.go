package tableprinter

import (
	"strings"

	"github.com/mattn/go-runewidth"
)

// Prose on a terminal (a posting's lines, the gaps' and the plan's sentences) is wrapped at
// word boundaries to the terminal's width, measured in display cells: a Hangul syllable takes
// two, a colour escape none. A word wider than a whole line is broken between characters.

// Wrap breaks s into lines at most width cells wide, at spaces. The first line keeps s's own
// leading spaces; every further line starts with indent. width <= 0 (not a terminal) leaves s
// as it is, and so does a line that fits or a text of several lines.
func Wrap(s string, width int, indent string) string {
	if width <= 0 || VisibleWidth(s) <= width || strings.Contains(s, "\n") {
		return s
	}
	lead := s[:len(s)-len(strings.TrimLeft(s, " "))]
	words, gaps := splitWords(s[len(lead):])
	room := func(first bool) int {
		if first {
			return width - VisibleWidth(lead)
		}
		return width - VisibleWidth(indent)
	}
	var b strings.Builder
	b.WriteString(lead)
	first, used := true, 0
	newLine := func() {
		b.WriteString("\n")
		b.WriteString(indent)
		first, used = false, 0
	}
	for i, w := range words {
		ww := VisibleWidth(w)
		if used > 0 {
			if gap := gaps[i]; used+len(gap)+ww <= room(first) {
				b.WriteString(gap)
				used += len(gap)
			} else {
				newLine()
			}
		}
		for used == 0 && ww > room(first) && room(first) > 0 {
			// Wider than a whole line: as much as fits here, the rest on the next.
			head := Truncate(w, room(first), "")
			if head == "" {
				break
			}
			b.WriteString(head)
			w = w[len(head):]
			ww = VisibleWidth(w)
			newLine()
		}
		b.WriteString(w)
		used += ww
	}
	return b.String()
}

// splitWords splits s at runs of spaces: the words, and before each the spaces that
// preceded it ("" for the first).
func splitWords(s string) (words, gaps []string) {
	gap := ""
	for s != "" {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			words, gaps = append(words, s), append(gaps, gap)
			break
		}
		if i > 0 {
			words, gaps = append(words, s[:i]), append(gaps, gap)
			gap = ""
		}
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		gap += s[i:j]
		s = s[j:]
	}
	return words, gaps
}

// DisplayWidth is the number of terminal cells s takes: two for a Hangul syllable or another
// wide character, one for most others.
func DisplayWidth(s string) int { return runewidth.StringWidth(s) }

// VisibleWidth is the display width of s without its colour escapes (ESC [ ... m).
func VisibleWidth(s string) int {
	if !strings.Contains(s, "\x1b[") {
		return runewidth.StringWidth(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] == ';' || s[j] >= '0' && s[j] <= '9') {
				j++
			}
			if j < len(s) && s[j] == 'm' {
				i = j
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return runewidth.StringWidth(b.String())
}

// Truncate cuts s to at most width display cells, ending with tail when it cuts. (The
// library's Truncate can return a cell more than asked when a wide character meets the tail.)
func Truncate(s string, width int, tail string) string {
	if runewidth.StringWidth(s) <= width {
		return s
	}
	room := width - runewidth.StringWidth(tail)
	if room < 0 {
		return ""
	}
	used := 0
	for i, r := range s {
		w := runewidth.RuneWidth(r)
		if used+w > room {
			return s[:i] + tail
		}
		used += w
	}
	return s + tail
}

// Paint colours s with the SGR code (such as "32" for green, "1;4" for bold underlined) when
// color is true, and returns s as it is otherwise.
func Paint(color bool, code, s string) string {
	if !color {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

// BandColor is the colour of a score band on a terminal: Great green, Good cyan, Fair
// yellow, Poor dim.
func BandColor(band string) string {
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

// OrDash is s, or "-" when s is empty: a value that is not known shows as a dash.
func OrDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
