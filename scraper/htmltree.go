package scraper

import (
	"bytes"
	"strings"

	nethtml "golang.org/x/net/html"
)

// Helpers for the career sites whose list or detail is server-rendered HTML without
// structured data (Samsung's list, SK's posting pages): the page is parsed into a tree once
// and read by class names.

// parseHTMLTree parses a page or a fragment; the parser never fails on bad markup.
func parseHTMLTree(body []byte) (*nethtml.Node, error) {
	return nethtml.Parse(bytes.NewReader(body))
}

// hasClass reports whether an element carries a class.
func hasClass(n *nethtml.Node, class string) bool {
	if n == nil || n.Type != nethtml.ElementNode {
		return false
	}
	for _, a := range n.Attr {
		if a.Key == "class" {
			for _, c := range strings.Fields(a.Val) {
				if c == class {
					return true
				}
			}
		}
	}
	return false
}

// attr is an element's attribute; "" when absent.
func attr(n *nethtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// findAll returns the elements under n (n included) that match, in document order; it does
// not look inside a match.
func findAll(n *nethtml.Node, match func(*nethtml.Node) bool) []*nethtml.Node {
	var out []*nethtml.Node
	var walk func(*nethtml.Node, int)
	walk = func(n *nethtml.Node, depth int) {
		if depth > maxJSONDepth*4 {
			return
		}
		if n.Type == nethtml.ElementNode && match(n) {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return out
}

// findFirst is the first element under n that matches; nil for none.
func findFirst(n *nethtml.Node, match func(*nethtml.Node) bool) *nethtml.Node {
	if n == nil {
		return nil
	}
	if all := findAll(n, match); len(all) > 0 {
		return all[0]
	}
	return nil
}

// byClass matches elements of a tag ("" = any) carrying a class.
func byClass(tag, class string) func(*nethtml.Node) bool {
	return func(n *nethtml.Node) bool { return (tag == "" || n.Data == tag) && hasClass(n, class) }
}

// nodeText is an element's text as htmlToText writes it (list items on lines of their own).
func nodeText(n *nethtml.Node) string {
	if n == nil {
		return ""
	}
	var b bytes.Buffer
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := nethtml.Render(&b, c); err != nil {
			return ""
		}
	}
	return htmlToText(b.String())
}
