package config

import (
	"reflect"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/jobs-cli/jobs/matcher"
)

// A misspelt config key (profle) or skill (Pyhton) should be answered with the word meant.

// DidYouMean returns the candidate closest to word, ignoring case, when it is close enough to
// be a slip (a transposed pair counts as one edit): at most one edit for words of up to four
// letters, two beyond. "" when none is.
func DidYouMean(word string, candidates []string) string {
	w := strings.ToLower(word)
	limit := 2
	if utf8.RuneCountInString(w) <= 4 {
		limit = 1
	}
	best, bestD := "", limit+1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if lc == w {
			return ""
		}
		if d := editDistance(w, lc); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance counts insertions, deletions, substitutions and swaps of neighbours that
// turn a into b (optimal string alignment), over runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > 2 || d < -2 {
		return 3 // far enough that the exact count does not matter
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// configKeys lists the keys config.yaml takes under a dotted path ("" for the top, "scrape"),
// read from the Config type's yaml tags.
func configKeys(path string) []string {
	t := reflect.TypeOf(Config{})
	if path != "" {
		for _, part := range strings.Split(path, ".") {
			if i := strings.IndexByte(part, '['); i >= 0 {
				part = part[:i]
			}
			f, ok := fieldByTag(t, part)
			if !ok {
				return nil
			}
			t = f.Type
			for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
				t = t.Elem()
			}
		}
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return keys
}

func fieldByTag(t reflect.Type, tag string) (reflect.StructField, bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return reflect.StructField{}, false
	}
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name == tag {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// tabIndented is the first line indented with a tab, 0 when none is: YAML forbids tabs in
// indentation, and its own message ("found character that cannot start any token") does
// not say so.
func tabIndented(data []byte) int {
	for i, line := range strings.Split(string(data), "\n") {
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		if strings.Contains(indent, "\t") && strings.TrimSpace(line) != "" {
			return i + 1
		}
	}
	return 0
}

// valueAtLine is the whole scalar on a line that the YAML library quoted cut short ("머신\xeb...",
// cut inside a character): the node's own value, else the quote with its broken end removed.
func valueAtLine(root *yaml.Node, line int, quoted string) string {
	prefix := strings.ToValidUTF8(strings.TrimSuffix(quoted, "..."), "")
	for len(prefix) > 0 {
		r, size := utf8.DecodeLastRuneInString(prefix)
		if r != utf8.RuneError || size > 1 {
			break
		}
		prefix = prefix[:len(prefix)-size]
	}
	var found string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || found != "" {
			return
		}
		if n.Kind == yaml.ScalarNode && n.Line == line && strings.HasPrefix(n.Value, prefix) {
			found = n.Value
			return
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(root)
	if found != "" {
		return found
	}
	if prefix != quoted {
		return prefix + "…"
	}
	return quoted
}

// SuggestSkill is the dictionary's name for a skill misspelt by a slip (Pyhton: Python), ""
// when no name or alias is that close.
func SuggestSkill(d *matcher.Dictionary, skill string) string {
	var words []string
	canonical := map[string]string{}
	for _, c := range d.Concepts() {
		for _, w := range append([]string{c.Name}, c.Aliases...) {
			words = append(words, w)
			canonical[w] = c.Name
		}
	}
	return canonical[DidYouMean(skill, words)]
}
