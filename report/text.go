package report

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
)

// Text is how the text form is laid out on its way out.
type Text struct {
	// Paint colours s by an SGR code; nil paints nothing.
	Paint func(code, s string) string
	// Wrap breaks s into lines, starting every further line with indent; nil wraps nothing
	// (cron, a file).
	Wrap func(s, indent string) string
	// Cells is s's width in display cells (a Hangul syllable takes two); nil counts runes.
	Cells func(s string) int
}

func (t Text) paint(code, s string) string {
	if t.Paint == nil {
		return s
	}
	return t.Paint(code, s)
}

func (t Text) wrap(s, indent string) string {
	if t.Wrap == nil {
		return s
	}
	return t.Wrap(s, indent)
}

func (t Text) cells(s string) int {
	if t.Cells == nil {
		return len([]rune(s))
	}
	return t.Cells(s)
}

// WriteText writes the plain form: no colour unless t paints, every scraped string cleaned
// of escape sequences.
func (dg *Digest) WriteText(w *bytes.Buffer, t Text) {
	paint := t.paint
	fmt.Fprintf(w, "%s\n", paint("1", "jobs digest, "+dg.local(dg.Now).Format("2006-01-02 15:04")))
	writeProblemsText(w, dg.Problems, t)
	fmt.Fprintf(w, "%s\n", t.wrap(dg.summary(), ""))

	list := func(title string, l List, line func(e Entry) (string, string, bool)) {
		if l.Total == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", paint("1", fmt.Sprintf("%s (%d)", title, l.Total)))
		for _, e := range l.Items {
			head, detail, url := line(e)
			fmt.Fprintf(w, "%s\n%s\n", t.wrap("  "+head, "    "), t.wrap("      "+detail, "      "))
			if url && e.URL != "" {
				fmt.Fprintf(w, "      %s\n", e.URL)
			}
		}
		if m := l.More(); m > 0 {
			fmt.Fprintf(w, "  ... and %d more (--limit 0 shows all)\n", m)
		}
	}
	posting := func(e Entry) (string, string, bool) {
		return fmt.Sprintf("%.2f %-5s  %s · %s", e.Score, e.Band, e.Company, e.Title), dg.meta(e, false), true
	}
	list("NEW FOR YOU", dg.New, posting)
	list("WATCHED COMPANIES", dg.Watched, posting)
	list("CLOSED", dg.Closed, func(e Entry) (string, string, bool) {
		return e.Company + " · " + e.Title, dg.meta(e, true), false
	})
	list(fmt.Sprintf("DEADLINES WITHIN %d DAYS", DueDays), dg.Due, func(e Entry) (string, string, bool) {
		return fmt.Sprintf("%-5s  %s · %s", dg.DueLabel(*e.Due), e.Company, e.Title),
			fmt.Sprintf("%.2f %s · %s", e.Score, e.Band, dg.meta(e, false)), true
	})

	if len(dg.Gaps) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s\n", paint("1", "TOP GAPS")+", "+dg.baselineNote())
	width := 0
	for _, g := range dg.Gaps {
		width = max(width, t.cells(g.Skill))
	}
	for _, g := range dg.Gaps {
		req := fmt.Sprintf("required by %d", g.Required)
		if d := g.Delta(); d != "" {
			req += " (" + d + ")"
		}
		move := ""
		if dg.Baseline != nil {
			move = "  " + g.Move()
		}
		fmt.Fprintf(w, "  %2d. %s%s  %-20s  unlocks %d%s\n", g.Rank, g.Skill,
			strings.Repeat(" ", width-t.cells(g.Skill)), req, g.Unlocks, move)
	}
	if len(dg.Dropped) > 0 {
		var names []string
		for _, g := range dg.Dropped {
			names = append(names, g.DropNote())
		}
		fmt.Fprintf(w, "  Left the top %d: %s\n", TopGaps, strings.Join(names, ", "))
	}
}

// mdEscaper makes scraped text inert in Markdown: HTML is written as entities, and every
// character Markdown gives a meaning inside a line is escaped.
var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "(", `\(`, ")", `\)`,
	"#", `\#`, "|", `\|`, "~", `\~`, "!", `\!`,
)

// md is s, on one line, inert in Markdown.
func md(s string) string { return mdEscaper.Replace(oneLine(s)) }

// mdURL is u fit for a Markdown link destination; "" when it is not an http(s) URL.
func mdURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E", " ", "%20", "|", "%7C").Replace(p.String())
}

// mdLink is a link to u when it is a web address, else the text alone.
func mdLink(text, u string) string {
	if dest := mdURL(u); dest != "" {
		return "[" + md(text) + "](" + dest + ")"
	}
	return md(text)
}

// WriteMarkdown writes the Markdown form: a table per section.
func (dg *Digest) WriteMarkdown(w *bytes.Buffer) {
	fmt.Fprintf(w, "# jobs digest, %s\n", dg.local(dg.Now).Format("2006-01-02 15:04"))
	writeProblemsMarkdown(w, dg.Problems)
	fmt.Fprintf(w, "\n%s\n", md(dg.summary()))

	table := func(title string, l List, header string, row func(e Entry) string) {
		fmt.Fprintf(w, "\n## %s (%d)\n\n", title, l.Total)
		if l.Total == 0 {
			fmt.Fprintln(w, md(dg.emptyNote(title)))
			return
		}
		fmt.Fprintln(w, header)
		for _, e := range l.Items {
			fmt.Fprintln(w, row(e))
		}
		if m := l.More(); m > 0 {
			fmt.Fprintf(w, "\n… and %d more (`--limit 0` shows all).\n", m)
		}
	}
	postingRow := func(e Entry) string {
		missing := "—"
		if len(e.Missing) > 0 {
			missing = md(strings.Join(e.Missing, ", "))
		}
		due := "—"
		if e.Due != nil {
			due = dg.date(*e.Due)
		}
		return fmt.Sprintf("| %.2f %s | %s | %s | %s | %s |", e.Score, e.Band, md(e.Company), mdLink(e.Title, e.URL), missing, due)
	}
	postingHeader := "| Score | Company | Posting | Missing | Due |\n| ---: | --- | --- | --- | --- |"
	table("New for you", dg.New, postingHeader, postingRow)
	table("Watched companies", dg.Watched, postingHeader, postingRow)
	table("Closed", dg.Closed, "| Company | Posting | Open |\n| --- | --- | --- |", func(e Entry) string {
		open := dg.date(e.FirstSeen)
		if e.ClosedAt != nil {
			open += " to " + dg.date(*e.ClosedAt)
		}
		return fmt.Sprintf("| %s | %s | %s |", md(e.Company), mdLink(e.Title, e.URL), open)
	})
	table(fmt.Sprintf("Deadlines within %d days", DueDays), dg.Due,
		"| Due | Score | Company | Posting |\n| --- | ---: | --- | --- |", func(e Entry) string {
			return fmt.Sprintf("| %s %s | %.2f %s | %s | %s |", dg.DueLabel(*e.Due), dg.date(*e.Due), e.Score, e.Band,
				md(e.Company), mdLink(e.Title, e.URL))
		})

	fmt.Fprintf(w, "\n## How your top gaps moved\n\n%s.\n\n", upperFirst(dg.baselineNote()))
	if len(dg.Gaps) == 0 {
		fmt.Fprintln(w, "You miss no skill these postings ask for.")
		return
	}
	fmt.Fprintln(w, "| # | Skill | Required by | Change | Unlocks | Move |\n| ---: | --- | ---: | ---: | ---: | --- |")
	for _, g := range dg.Gaps {
		move, delta := "—", "—"
		if dg.Baseline != nil {
			move = g.Move()
			if d := g.Delta(); d != "" {
				delta = d
			}
		}
		fmt.Fprintf(w, "| %d | %s | %d | %s | %d | %s |\n", g.Rank, md(g.Skill), g.Required, delta, g.Unlocks, move)
	}
	if len(dg.Dropped) > 0 {
		var names []string
		for _, g := range dg.Dropped {
			names = append(names, md(g.DropNote()))
		}
		fmt.Fprintf(w, "\nLeft the top %d: %s.\n", TopGaps, strings.Join(names, ", "))
	}
}
