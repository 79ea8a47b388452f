package scraper

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/jobs-cli/jobs/internal/safetext"
)

// cleanText makes scraped text safe to store and print: invalid UTF-8 is replaced by
// U+FFFD, line breaks become "\n", and what safetext.Clean drops (escape sequences, control
// characters but "\n" and "\t", bidirectional controls) is dropped.
func cleanText(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return safetext.Clean(s)
}

// cleanLine is cleanText for one-line fields (titles, names): whitespace runs, line breaks
// included, become one space.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}

// cleanBlock is cleanText for multi-line fields, without leading or trailing blank space.
func cleanBlock(s string) string {
	return strings.TrimSpace(cleanText(s))
}

// truncate shortens s to at most n runes, marking a cut with "...".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "..."
}

// blockTags end a line of text before and after them.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true,
	"dd": true, "div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true,
	"figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "header": true, "hr": true, "li": true, "main": true, "nav": true,
	"ol": true, "p": true, "pre": true, "section": true, "table": true, "tr": true, "ul": true,
}

// hiddenTags hold no text for people.
var hiddenTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true,
	"title": true, "iframe": true, "object": true, "svg": true,
}

// htmlToText turns an HTML fragment into plain text lines: block elements (paragraphs,
// headings, list items, line breaks) start new lines, list items start with "• ", and
// whitespace inside a line collapses as a browser would. Script and style contents are
// dropped.
func htmlToText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var t textLines
	hidden, pre := 0, 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			t.flush()
			return cleanBlock(strings.Join(t.lines, "\n"))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if hiddenTags[tag] {
				if tt == html.StartTagToken {
					hidden++
				}
				continue
			}
			if tag == "li" {
				t.flush()
				t.cur.WriteString("• ")
			} else if blockTags[tag] && !t.onlyBullet() {
				t.flush() // a block inside a list item stays on the item's line
			}
			if tag == "pre" && tt == html.StartTagToken {
				pre++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if hiddenTags[tag] {
				hidden = max(hidden-1, 0)
				continue
			}
			if blockTags[tag] {
				t.flush()
			}
			if tag == "pre" {
				pre = max(pre-1, 0)
			}
		case html.TextToken:
			if hidden > 0 {
				continue
			}
			text := string(z.Text())
			if pre > 0 {
				for i, part := range strings.Split(text, "\n") {
					if i > 0 {
						t.flush()
					}
					t.cur.WriteString(part)
				}
				continue
			}
			t.write(text)
		}
	}
}

// textLines collects the lines of htmlToText.
type textLines struct {
	lines []string
	cur   strings.Builder
	space bool // a space is due before the next word of this line
}

// onlyBullet is true when the line so far is a list item's bullet and nothing else.
func (t *textLines) onlyBullet() bool { return strings.TrimSpace(t.cur.String()) == "•" }

func (t *textLines) flush() {
	line := strings.TrimSpace(t.cur.String())
	if line != "" && line != "•" {
		t.lines = append(t.lines, line)
	}
	t.cur.Reset()
	t.space = false
}

// write appends text with every whitespace run turned into one space.
func (t *textLines) write(text string) {
	if text == "" {
		return
	}
	if r, _ := utf8.DecodeRuneInString(text); unicode.IsSpace(r) {
		t.space = true
	}
	for _, f := range strings.Fields(text) {
		if t.space && t.cur.Len() > 0 && !strings.HasSuffix(t.cur.String(), " ") {
			t.cur.WriteByte(' ')
		}
		t.cur.WriteString(f)
		t.space = true
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	t.space = unicode.IsSpace(r)
}

// script is one <script> element of a page.
type script struct {
	id   string
	typ  string
	text string
}

// pageScripts returns the <script> elements of an HTML page, in order, with their raw text.
func pageScripts(body []byte) []script {
	z := html.NewTokenizer(bytes.NewReader(body))
	var out []script
	var open *script
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if open != nil {
				out = append(out, *open)
			}
			return out
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "script" {
				continue
			}
			s := script{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "id":
					s.id = strings.TrimSpace(string(v))
				case "type":
					s.typ = strings.ToLower(strings.TrimSpace(string(v)))
				}
			}
			if open != nil {
				out = append(out, *open)
			}
			open = &s
		case html.TextToken:
			if open != nil {
				open.text += string(z.Text())
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) == "script" && open != nil {
				out = append(out, *open)
				open = nil
			}
		}
	}
}
