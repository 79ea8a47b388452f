package matcher

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalized is a text in NFKC form with ASCII letters folded to lower case, and the way
// back from each of its bytes to the byte range of the input it came from.
type Normalized struct {
	NFKC   string // the input in NFKC
	Folded string // NFKC with ASCII letters in lower case (same length as NFKC)
	// from[i], to[i]: the input bytes that normalised byte i came from. nil when the input
	// was already NFKC: then offsets are the same on both sides.
	// The line last asked about by lineHasHangul, so that many hits on one long line cost
	// one scan of it, not one each.
	lineLo, lineHi int
	lineHangul     bool
	from, to       []int32
}

// Normalize normalises s. Most postings are NFKC already, and then this is one pass that
// lower-cases ASCII.
func Normalize(s string) Normalized {
	if quickNFKC(s) || norm.NFKC.IsNormalString(s) {
		return Normalized{NFKC: s, Folded: asciiLower(s)}
	}
	var it norm.Iter
	it.InitString(norm.NFKC, s)
	out := make([]byte, 0, len(s)+len(s)/8)
	from := make([]int32, 0, cap(out))
	to := make([]int32, 0, cap(out))
	// A rune may expand into several segments ("㏆" is "C∕kg") while the input position
	// moves only once: bytes written before it moves are pending, and all map to the input
	// range that the move covers.
	prev, pending := 0, 0
	for !it.Done() {
		seg := it.Next()
		pos := it.Pos()
		for range seg {
			from = append(from, int32(prev))
			to = append(to, int32(pos))
		}
		out = append(out, seg...)
		if pos > prev {
			for k := pending; k < len(out); k++ {
				from[k], to[k] = int32(prev), int32(pos)
			}
			pending = len(out)
			prev = pos
		}
	}
	n := string(out)
	return Normalized{NFKC: n, Folded: asciiLower(n), from: from, to: to}
}

// quickNFKC reports, faster than the norm package, that s is NFKC when it holds only ASCII,
// precomposed Hangul syllables and a few punctuation marks that have no decomposition. Such
// runes are starters that never combine, so any sequence of them is normal. false means "not
// known", not "not normal".
func quickNFKC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if syllableAt(s, i) {
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables
		case r == 0x00B7, r == 0x2022, r == 0x2013, r == 0x2014, r == 0x2018, r == 0x2019, r == 0x201C,
			r == 0x201D, r == 0x2192, r == 0x2190, r == 0x25A0, r == 0x25CF, r == 0x25CB, r == 0x3001, r == 0x3002:
		default:
			return false
		}
		i += n
	}
	return true
}

// syllableAt reports whether s[i:] starts with a Hangul syllable (U+AC00 to U+D7A3), as
// utf8.DecodeRuneInString would read it, without decoding. The syllables are the three-byte
// sequences from EA B0 80 to ED 9E A3 whose last two bytes are continuation bytes.
func syllableAt(s string, i int) bool {
	if i < 0 || i+2 >= len(s) {
		return false
	}
	b := uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])
	return b >= 0xEAB080 && b <= 0xED9EA3 && b&0xC0C0 == 0x8080
}

// Span maps the normalised byte range [start, end) back to the input.
func (n *Normalized) Span(start, end int) (int, int) {
	if n.from == nil {
		return start, end
	}
	if len(n.from) == 0 {
		return 0, 0
	}
	if start >= len(n.from) {
		last := int(n.to[len(n.to)-1])
		return last, last
	}
	if end <= start {
		// An empty range (an empty line) maps to where its first byte would come from.
		at := int(n.from[start])
		return at, at
	}
	return int(n.from[start]), int(n.to[end-1])
}

// lineHasHangul reports whether the line holding the bytes [s, e) of NFKC has Hangul.
func (n *Normalized) lineHasHangul(s, e int) bool {
	if n.lineHi > n.lineLo && s >= n.lineLo && e <= n.lineHi {
		return n.lineHangul
	}
	ls := strings.LastIndexByte(n.NFKC[:s], '\n') + 1
	le := strings.IndexByte(n.NFKC[e:], '\n')
	if le < 0 {
		le = len(n.NFKC)
	} else {
		le += e
	}
	n.lineLo, n.lineHi, n.lineHangul = ls, le, hasHangul(n.NFKC[ls:le])
	return n.lineHangul
}

func asciiLower(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	// One copy: the runs between upper-case letters as they are, each letter lowered.
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		b.WriteByte(s[i] + 'a' - 'A')
		j := i + 1
		for j < len(s) && !('A' <= s[j] && s[j] <= 'Z') {
			j++
		}
		b.WriteString(s[i+1 : j])
		i = j
	}
	return b.String()
}

// isHangul reports whether r is a Hangul syllable or jamo.
func isHangul(r rune) bool {
	return (r >= 0xAC00 && r <= 0xD7A3) || (r >= 0x1100 && r <= 0x11FF) || (r >= 0x3130 && r <= 0x318F)
}

// isWord reports whether r continues a Latin word: letters and digits of alphabetic scripts.
// Hangul and CJK are not: "Python을" ends the word Python.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if isHangul(r) || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func hasHangul(s string) bool {
	for _, r := range s {
		if isHangul(r) {
			return true
		}
	}
	return false
}
