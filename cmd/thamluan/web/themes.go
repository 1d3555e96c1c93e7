package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"thamluan/cmd/thamluan/export"
	"thamluan/cmd/thamluan/msg"
	"thamluan/index"
)

// bar is one row of an inline SVG bar chart, laid out on the server: the label on its own line,
// the bar under it, the count just after the bar's end. Widths are percentages of the chart's
// width, so the chart fits any screen without scaling its text down.
type bar struct {
	Label, Full string
	Count       int
	LabelY      int
	Y           int
	CountY      int
	Pct         string // width of the bar, in % of the chart
	CountX      string // start of the count, in %
	Class       string
	URL         string
}

// chart is a horizontal bar chart, bars scaled to the largest count.
type chart struct {
	Title   string
	Summary string // the values in words, for screen readers
	Height  int
	Bars    []bar
}

const (
	chartRow    = 40 // pixels per bar: label line, bar, gap
	chartBarMax = 84 // % of the width the longest bar takes; the rest keeps its count visible
	chartLabel  = 40 // characters of a label before it is cut (the full label is the bar's title)
)

// newChart lays out counts as bars; class colours them.
func newChart(title string, counts []index.FacetCount, class string, limit int) chart {
	if len(counts) > limit {
		counts = counts[:limit]
	}
	c := chart{Title: title, Height: len(counts)*chartRow + 2}
	top := 1
	for _, fc := range counts {
		top = max(top, fc.Count)
	}
	var words []string
	for i, fc := range counts {
		pct := max(float64(fc.Count*chartBarMax)/float64(top), 0.5)
		y := i * chartRow
		c.Bars = append(c.Bars, bar{Label: cut(fc.Value, chartLabel), Full: fc.Value, Count: fc.Count,
			LabelY: y + 14, Y: y + 20, CountY: y + 32, Pct: strconv.FormatFloat(pct, 'f', 2, 64),
			CountX: strconv.FormatFloat(pct+1.5, 'f', 2, 64), Class: class})
		words = append(words, fmt.Sprintf("%s: %d", fc.Value, fc.Count))
	}
	c.Summary = title + ". " + strings.Join(words, "; ")
	return c
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

type themeView struct {
	index.ThemeSummary
	Quotes     []quoteView
	Chip       chip
	Percent    string
	ByWorkshop chart
	ByYear     chart
	Speakers   chart
	SearchURL  string
}

// quoteView is a representative sentence with its citation as a reader writes it.
type quoteView struct {
	Quote string
	citeView
}

type themesPageView struct {
	Title    string
	Nav      string
	Overview chart
	Themes   []themeView
}

func (s *Server) infos() []index.ThemeInfo {
	var out []index.ThemeInfo
	for _, t := range s.cb.Themes() {
		out = append(out, index.ThemeInfo{ID: t.ID, Label: t.Label})
	}
	return out
}

func (s *Server) themesPage(w http.ResponseWriter, r *http.Request) error {
	sums, err := withDeadline(r.Context(), func() ([]index.ThemeSummary, error) { return s.store.summaries(s.infos()) })
	if err != nil {
		return err
	}
	view := &themesPageView{Title: msg.TitleThemes, Nav: "themes"}
	var counts []index.FacetCount
	for _, t := range sums {
		counts = append(counts, index.FacetCount{Value: t.Label, Count: t.Sections})
	}
	view.Overview = newChart(msg.ChartThemes, counts, "", 20)
	for i, t := range sums {
		ch := s.chips([]string{t.ID})[0]
		view.Overview.Bars[i].Class = ch.Class
		view.Overview.Bars[i].URL = "#" + t.ID
		var quotes []quoteView
		for _, c := range t.Representative {
			src := export.Source{Path: c.Path, Heading: c.Heading, Speaker: c.Speaker, Ordinal: c.Ordinal, Page: c.Page}
			if rec, ok := s.store.record(c.Path); ok {
				src.Title = rec.Title
				if rec.Workshop != nil {
					src.Workshop, src.Year = rec.Workshop.Title, rec.Workshop.Year
				}
			}
			quotes = append(quotes, quoteView{Quote: c.Text, citeView: citeView{Text: src.Cite(), URL: docURL(c.Path, c.Ordinal), Note: src.Footnote()}})
		}
		view.Themes = append(view.Themes, themeView{ThemeSummary: t, Chip: ch, Quotes: quotes,
			Percent:    strconv.FormatFloat(100*t.ShareSections, 'f', 0, 64) + "%",
			ByWorkshop: newChart(msg.ChartByWorkshop, t.ByWorkshop, ch.Class, 12),
			ByYear:     newChart(msg.ChartByYear, msg.YearsInOrder(t.ByYear), ch.Class, 20),
			Speakers:   newChart(msg.ChartSpeakers, t.TopSpeakers, ch.Class, 10),
			SearchURL:  "/search?q=theme%3A" + t.ID})
	}
	return s.render(w, "themes", view)
}

func (s *Server) apiThemes(w http.ResponseWriter, r *http.Request) error {
	sums, err := withDeadline(r.Context(), func() ([]index.ThemeSummary, error) { return s.store.summaries(s.infos()) })
	if err != nil {
		return err
	}
	if sums == nil {
		sums = []index.ThemeSummary{}
	}
	return writeJSON(w, sums)
}
