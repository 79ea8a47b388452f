package report

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"strconv"
	"strings"
)

//go:embed digest.html.tmpl
var digestHTMLSource string

// digestHTML escapes every value by its context: scraped text in elements and attributes,
// URLs in href (anything but http, https and mailto becomes "#ZgotmplZ").
var digestHTML = template.Must(template.New("digest").Funcs(template.FuncMap{
	"n": func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
}).Parse(digestHTMLSource))

type htmlDigest struct {
	Title       string
	Problems    []Problem
	Summary     string
	Sections    []htmlSection
	GapsNote    string
	HasBaseline bool
	Gaps        []htmlGap
	Dropped     string
	TopGaps     int
	Charts      []svgChart
	Footer      string
}

type htmlSection struct {
	ID, Title string
	Empty     string
	Total     int
	Entries   []htmlEntry
	More      int
}

type htmlEntry struct {
	Lead, LeadClass, Sub      string
	Company, Title, URL, Meta string
	Watched                   bool
}

type htmlGap struct {
	Rank, Required, Unlocks    int
	Skill, Delta, Move, MoveUp string
}

// svgChart is one chart as shapes, drawn by the template as inline SVG.
type svgChart struct {
	ID, Title, Desc string
	W, H            int
	Rects           []svgRect
	Texts           []svgText
	Lines           []svgLine
	Empty           string // said instead of the chart when there is nothing to draw
}

type svgRect struct {
	X, Y, W, H float64
	Class, Tip string
}

type svgText struct {
	X, Y                float64
	Text, Anchor, Class string
}

type svgLine struct {
	X1, Y1, X2, Y2 float64
}

// WriteHTML writes the HTML form: one page, its style and charts inline, nothing fetched
// (its Content-Security-Policy forbids it), every string escaped by html/template.
func (dg *Digest) WriteHTML(w *bytes.Buffer) error {
	v := htmlDigest{
		Title:       "jobs digest, " + dg.local(dg.Now).Format("2006-01-02 15:04"),
		Summary:     dg.summary(),
		Problems:    dg.Problems,
		GapsNote:    upperFirst(dg.baselineNote()) + ".",
		HasBaseline: dg.Baseline != nil,
		TopGaps:     TopGaps,
		Footer: fmt.Sprintf("Made by jobs at %s from the postings in its database; scores are measured against the profile in your config.",
			dg.local(dg.Now).Format("2006-01-02 15:04 MST")),
	}
	posting := func(e Entry) htmlEntry {
		return htmlEntry{Lead: fmt.Sprintf("%.2f", e.Score), LeadClass: strings.ToLower(e.Band), Sub: e.Band,
			Company: e.Company, Title: e.Title, URL: e.URL, Meta: dg.meta(e, false), Watched: e.Watched}
	}
	section := func(id, title string, l List, entry func(Entry) htmlEntry) {
		s := htmlSection{ID: id, Title: title, Total: l.Total, More: l.More(), Empty: dg.emptyNote(title)}
		for _, e := range l.Items {
			s.Entries = append(s.Entries, entry(e))
		}
		v.Sections = append(v.Sections, s)
	}
	section("new", "New for you", dg.New, posting)
	section("watched", "Watched companies", dg.Watched, posting)
	section("closed", "Closed", dg.Closed, func(e Entry) htmlEntry {
		return htmlEntry{Lead: "closed", LeadClass: "closed", Sub: e.Band, Company: e.Company, Title: e.Title,
			URL: e.URL, Meta: dg.meta(e, true), Watched: e.Watched}
	})
	section("deadlines", fmt.Sprintf("Deadlines within %d days", DueDays), dg.Due, func(e Entry) htmlEntry {
		return htmlEntry{Lead: dg.DueLabel(*e.Due), LeadClass: "due", Sub: dg.local(*e.Due).Format("01-02"),
			Company: e.Company, Title: e.Title, URL: e.URL,
			Meta: fmt.Sprintf("%.2f %s · %s", e.Score, e.Band, dg.meta(e, false))}
	})
	for _, g := range dg.Gaps {
		h := htmlGap{Rank: g.Rank, Required: g.Required, Unlocks: g.Unlocks, Skill: g.Skill, Delta: g.Delta(), Move: g.Move()}
		switch {
		case strings.HasPrefix(h.Move, "↑"):
			h.MoveUp = "up"
		case strings.HasPrefix(h.Move, "↓"):
			h.MoveUp = "down"
		}
		v.Gaps = append(v.Gaps, h)
	}
	var dropped []string
	for _, g := range dg.Dropped {
		dropped = append(dropped, g.DropNote())
	}
	v.Dropped = strings.Join(dropped, ", ")
	v.Charts = []svgChart{dg.demandChart(), dg.trendsChart(), dg.scoreChart(), dg.perDayChart()}
	return digestHTML.Execute(w, v)
}

const (
	chartW = 680.0
)

// demandChart is a bar per top missing skill: postings requiring it, then preferring it.
func (dg *Digest) demandChart() svgChart {
	c := svgChart{ID: "chart-demand", Title: "Demand for your top missing skills",
		Desc: "Open postings that require (dark) or prefer (light) each skill you lack."}
	if len(dg.Demand) == 0 {
		c.Empty = "You miss no skill these postings ask for."
		return c
	}
	const left, top, rowH, barH = 170.0, 30.0, 26.0, 18.0
	area := chartW - left - 70
	most := 1
	for _, g := range dg.Demand {
		most = max(most, g.Required+g.Preferred)
	}
	c.W, c.H = int(chartW), int(top+float64(len(dg.Demand))*rowH+8)
	c.Rects = append(c.Rects, svgRect{X: left, Y: 8, W: 12, H: 12, Class: "req", Tip: "required"},
		svgRect{X: left + 100, Y: 8, W: 12, H: 12, Class: "pref", Tip: "preferred"})
	c.Texts = append(c.Texts, svgText{X: left + 18, Y: 18, Text: "required", Anchor: "start", Class: "small"},
		svgText{X: left + 118, Y: 18, Text: "preferred", Anchor: "start", Class: "small"})
	for i, g := range dg.Demand {
		y := top + float64(i)*rowH
		wr := float64(g.Required) / float64(most) * area
		wp := float64(g.Preferred) / float64(most) * area
		tip := fmt.Sprintf("%s: required by %d, preferred by %d, unlocks %d", oneLine(g.Skill), g.Required, g.Preferred, g.Unlocks)
		c.Rects = append(c.Rects, svgRect{X: left, Y: y, W: wr, H: barH, Class: "req", Tip: tip},
			svgRect{X: left + wr, Y: y, W: wp, H: barH, Class: "pref", Tip: tip})
		c.Texts = append(c.Texts, svgText{X: left - 8, Y: y + 13, Text: TruncateRunes(oneLine(g.Skill), 22), Anchor: "end"},
			svgText{X: left + wr + wp + 6, Y: y + 13, Text: fmt.Sprintf("%d + %d", g.Required, g.Preferred), Anchor: "start", Class: "small"})
	}
	return c
}

// scoreChart is a histogram of the open matching postings' scores.
func (dg *Digest) scoreChart() svgChart {
	c := svgChart{ID: "chart-scores", Title: "Score distribution",
		Desc: fmt.Sprintf("How well your profile fits the %s that match your filters.", CountOf(dg.Open, "open posting", "open postings"))}
	most := 0
	for _, n := range dg.Scores {
		most = max(most, n)
	}
	if most == 0 {
		c.Empty = "No open posting matches your filters yet."
		return c
	}
	const left, top, bottom, height = 40.0, 20.0, 28.0, 240.0
	plotW, plotH := chartW-left-20, height-top-bottom
	bw := plotW / 10
	c.W, c.H = int(chartW), int(height)
	c.Lines = append(c.Lines, svgLine{X1: left, Y1: top + plotH, X2: left + plotW, Y2: top + plotH})
	for i, n := range dg.Scores {
		h := float64(n) / float64(most) * plotH
		x := left + float64(i)*bw
		class := "poor"
		switch {
		case i >= 8:
			class = "great"
		case i >= 6:
			class = "good"
		case i >= 4:
			class = "fair"
		}
		c.Rects = append(c.Rects, svgRect{X: x + 3, Y: top + plotH - h, W: bw - 6, H: h, Class: class,
			Tip: fmt.Sprintf("score %.1f-%.1f: %s", float64(i)/10, float64(i+1)/10, CountOf(n, "posting", "postings"))})
		if n > 0 {
			c.Texts = append(c.Texts, svgText{X: x + bw/2, Y: top + plotH - h - 4, Text: fmt.Sprint(n), Anchor: "middle", Class: "small"})
		}
	}
	for i := 0; i <= 10; i++ {
		c.Texts = append(c.Texts, svgText{X: left + float64(i)*bw, Y: height - 8, Text: fmt.Sprintf("%.1f", float64(i)/10), Anchor: "middle", Class: "small"})
	}
	return c
}

// perDayChart is a bar per day: postings first seen that day.
func (dg *Digest) perDayChart() svgChart {
	c := svgChart{ID: "chart-per-day", Title: "New postings per day",
		Desc: fmt.Sprintf("Postings first seen each day, over the last %d days.", len(dg.PerDay))}
	most := 0
	for _, d := range dg.PerDay {
		most = max(most, d.Count)
	}
	if most == 0 {
		c.Empty = "No posting was first seen in these days."
		return c
	}
	const left, top, bottom, height = 40.0, 20.0, 28.0, 220.0
	plotW, plotH := chartW-left-20, height-top-bottom
	n := len(dg.PerDay)
	bw := plotW / float64(n)
	every := (n + 7) / 8
	c.W, c.H = int(chartW), int(height)
	c.Lines = append(c.Lines, svgLine{X1: left, Y1: top + plotH, X2: left + plotW, Y2: top + plotH})
	c.Texts = append(c.Texts, svgText{X: left - 6, Y: top + 4, Text: fmt.Sprint(most), Anchor: "end", Class: "small"})
	for i, d := range dg.PerDay {
		h := float64(d.Count) / float64(most) * plotH
		x := left + float64(i)*bw
		c.Rects = append(c.Rects, svgRect{X: x + 1, Y: top + plotH - h, W: max(bw-2, 1), H: h, Class: "day",
			Tip: fmt.Sprintf("%s: %s", d.Day.Format("2006-01-02"), CountOf(d.Count, "new posting", "new postings"))})
		if (n-1-i)%every == 0 {
			c.Texts = append(c.Texts, svgText{X: x + bw/2, Y: height - 8, Text: d.Day.Format("01/02"), Anchor: "middle", Class: "small"})
		}
	}
	return c
}

// TrendWeeks and trendSkills size the trends chart.
const (
	TrendWeeks  = 12
	trendSkills = 8
)

// trendsChart draws, for the skills target postings ask for most this week, one row of
// weekly bars each: how many open target postings asked for the skill that week.
func (dg *Digest) trendsChart() svgChart {
	c := svgChart{ID: "chart-trends", Title: "Skills in demand, week by week",
		Desc: fmt.Sprintf("Open target postings asking for each skill, over the last %d weeks (this week on the right).", TrendWeeks)}
	var rows []SkillTrend
	if dg.Trends != nil {
		for _, s := range dg.Trends.Skills {
			if len(rows) == trendSkills {
				break
			}
			if s.Now > 0 {
				rows = append(rows, s)
			}
		}
	}
	if len(rows) == 0 {
		c.Empty = "No open target posting asks for a skill yet."
		return c
	}
	most := 0
	for _, s := range rows {
		for _, n := range s.Counts {
			most = max(most, n)
		}
	}
	const left, rowH, barMaxH, top = 150.0, 30.0, 22.0, 6.0
	plotW := chartW - left - 60
	c.W, c.H = int(chartW), int(top+float64(len(rows))*rowH+4)
	for i, s := range rows {
		y := top + float64(i)*rowH
		name := s.Skill
		if !s.Have {
			name += " *"
		}
		c.Texts = append(c.Texts, svgText{X: left - 8, Y: y + barMaxH - 6, Text: TruncateRunes(name, 22), Anchor: "end"})
		bw := plotW / float64(max(1, len(s.Counts)))
		for w, n := range s.Counts {
			h := max(float64(n)/float64(max(1, most))*barMaxH, 1)
			class := "pref"
			if w == len(s.Counts)-1 {
				class = "req"
			}
			tip := s.Skill
			if dg.Trends != nil && w < len(dg.Trends.Weeks) {
				tip = fmt.Sprintf("%s, week of %s: %s", s.Skill, dg.local(dg.Trends.Weeks[w].Start).Format("2006-01-02"),
					CountOf(n, "posting", "postings"))
			}
			c.Rects = append(c.Rects, svgRect{X: left + float64(w)*bw + 1, Y: y + barMaxH - h, W: max(bw-2, 1), H: h, Class: class, Tip: tip})
		}
		change := fmt.Sprintf("%d", s.Now)
		if s.Change > 0 {
			change += fmt.Sprintf(" (+%d)", s.Change)
		} else if s.Change < 0 {
			change += fmt.Sprintf(" (%d)", s.Change)
		}
		c.Texts = append(c.Texts, svgText{X: left + plotW + 6, Y: y + barMaxH - 6, Text: change, Anchor: "start", Class: "small"})
	}
	c.Desc += " * marks skills you do not have yet."
	return c
}

// TruncateRunes cuts s to n characters, marking the cut.
func TruncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
