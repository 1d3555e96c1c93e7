package web

import (
	"net/http"
	"strconv"
	"unicode/utf8"

	"thamluan/index"
)

// bar is one row of an inline SVG bar chart, laid out on the server.
type bar struct {
	Label, Full string
	Count       int
	Y, TextY, W int
	CountX      int
	Class       string
	URL         string
}

// chart is a horizontal bar chart: a label column, bars scaled to the largest count.
type chart struct {
	Title  string
	Height int
	Bars   []bar
}

const (
	chartRow    = 22
	chartBarX   = 250
	chartBarMax = 300
	chartLabel  = 38 // characters of a label before it is cut
)

// newChart lays out counts as bars; class colours them.
func newChart(title string, counts []index.FacetCount, class string, limit int) chart {
	if len(counts) > limit {
		counts = counts[:limit]
	}
	c := chart{Title: title, Height: len(counts)*chartRow + 4}
	top := 1
	for _, fc := range counts {
		top = max(top, fc.Count)
	}
	for i, fc := range counts {
		w := fc.Count * chartBarMax / top
		c.Bars = append(c.Bars, bar{Label: cut(fc.Value, chartLabel), Full: fc.Value, Count: fc.Count,
			Y: i*chartRow + 3, TextY: i*chartRow + 16, W: max(w, 1), CountX: chartBarX + max(w, 1) + 6, Class: class})
	}
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
	Chip       chip
	Percent    string
	ByWorkshop chart
	ByYear     chart
	Speakers   chart
	SearchURL  string
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
	view := &themesPageView{Title: "Chủ đề", Nav: "themes"}
	var counts []index.FacetCount
	for _, t := range sums {
		counts = append(counts, index.FacetCount{Value: t.Label, Count: t.Sections})
	}
	view.Overview = newChart("Số phần theo chủ đề", counts, "", 20)
	for i, t := range sums {
		ch := s.chips([]string{t.ID})[0]
		view.Overview.Bars[i].Class = ch.Class
		view.Overview.Bars[i].URL = "#" + t.ID
		view.Themes = append(view.Themes, themeView{ThemeSummary: t, Chip: ch,
			Percent:    strconv.FormatFloat(100*t.ShareSections, 'f', 0, 64) + "%",
			ByWorkshop: newChart("Theo hội thảo", t.ByWorkshop, ch.Class, 12),
			ByYear:     newChart("Theo năm", t.ByYear, ch.Class, 20),
			Speakers:   newChart("Tổ chức, người trình bày nổi bật", t.TopSpeakers, ch.Class, 10),
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
