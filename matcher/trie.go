package matcher

import (
	"slices"
	"strings"
)

// trie holds the searchable forms of a dictionary, byte by byte, for anchored lookups: from a
// place in a text it walks the bytes that follow and meets every form that starts there.
//
// Node 0 is the root. Nodes are numbered breadth first, so the children of node i are the
// nodes first[i] to first[i+1]-1, in the order of the bytes that lead to them (label).
type trie struct {
	root  [256]int32 // the child of the root each byte leads to; 0 = none
	first []int32
	label []byte
	form  []int32 // per node: the form that ends there, or -1
}

// prefixMatch is a form that starts at the place looked up and ends at end.
type prefixMatch struct {
	form int
	end  int
}

// newTrie builds a trie of forms; a form's index is its number.
func newTrie(forms []string) *trie {
	// Sorted, the forms under each node lie together: a node is a run of them sharing its
	// first depth bytes, and its children split the run by the next byte.
	order := make([]int, len(forms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(forms[a], forms[b]) })
	nodes := 1 // each form adds the bytes it does not share with the one before
	for i, fi := range order {
		f, prev := forms[fi], ""
		if i > 0 {
			prev = forms[order[i-1]]
		}
		common := 0
		for common < len(f) && common < len(prev) && f[common] == prev[common] {
			common++
		}
		nodes += len(f) - common
	}
	type run struct{ lo, hi, depth int } // order[lo:hi]
	t := &trie{first: make([]int32, 0, nodes+1), label: make([]byte, 1, nodes), form: make([]int32, 0, nodes)}
	queue := make([]run, 1, nodes) // breadth first: a node's number is its place here
	queue[0] = run{0, len(order), 0}
	for k := 0; k < len(queue); k++ {
		q := queue[k]
		t.first = append(t.first, int32(len(queue)))
		form := -1
		for q.lo < q.hi && len(forms[order[q.lo]]) == q.depth {
			form = order[q.lo] // the form ending here (the last, if it is given twice)
			q.lo++
		}
		t.form = append(t.form, int32(form))
		for lo := q.lo; lo < q.hi; {
			b := forms[order[lo]][q.depth]
			hi := lo + 1
			for hi < q.hi && forms[order[hi]][q.depth] == b {
				hi++
			}
			queue = append(queue, run{lo, hi, q.depth + 1})
			t.label = append(t.label, b)
			lo = hi
		}
	}
	t.first = append(t.first, int32(len(queue)))
	for c := t.first[0]; c < t.first[1]; c++ {
		t.root[t.label[c]] = c
	}
	return t
}

// prefixes appends to dst every form that text[s:limit] starts with, shortest first.
func (t *trie) prefixes(dst []prefixMatch, text string, s, limit int) []prefixMatch {
	at := t.root[text[s]]
	for j := s + 1; at != 0; j++ {
		if f := t.form[at]; f >= 0 {
			dst = append(dst, prefixMatch{int(f), j})
		}
		if j >= limit {
			break
		}
		at = t.child(at, text[j])
	}
	return dst
}

// child returns the child of node at that byte c leads to, or 0.
func (t *trie) child(at int32, c byte) int32 {
	lo, hi := t.first[at], t.first[at+1]
	for k, l := range t.label[lo:hi] {
		if l >= c {
			if l == c {
				return lo + int32(k)
			}
			return 0
		}
	}
	return 0
}

// wordSet tells whether a text holds any of a set of words, in one pass over the text.
type wordSet struct {
	words []string
	t     *trie
}

// newWordSet makes a set of words; none may be empty.
func newWordSet(words ...string) wordSet { return wordSet{words, newTrie(words)} }

// in reports whether s holds one of the words.
func (w wordSet) in(s string) bool {
	t := w.t
	for i := 0; i < len(s); i++ {
		for at, j := t.root[s[i]], i+1; at != 0; j++ {
			if t.form[at] >= 0 {
				return true
			}
			if j >= len(s) {
				break
			}
			at = t.child(at, s[j])
		}
	}
	return false
}
