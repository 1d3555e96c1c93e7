package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"thamluan/cmd/thamluan/export"
	"thamluan/cmd/thamluan/msg"
	"thamluan/corpus"
	"thamluan/corpus/vntext"
	"thamluan/pipeline"
)

// recFilter is what the recommendations may be narrowed to: a theme, a speaker, a workshop, a
// year or range of years, and words of the proposal (accents and case ignored).
type recFilter struct {
	Theme, Speaker, Workshop, Year, Text string
	yearLo, yearHi                       int
}

func (f recFilter) keep(r corpus.Recommendation) bool {
	if f.Theme != "" && !contains(r.Themes, f.Theme) {
		return false
	}
	if f.yearLo > 0 && (r.Year < f.yearLo || r.Year > f.yearHi) {
		return false
	}
	return foldContains(r.Speaker, f.Speaker) && foldContains(r.Workshop, f.Workshop) && foldContains(r.Text, f.Text)
}

// values returns the filter as URL parameters.
func (f recFilter) values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"theme": f.Theme, "speaker": f.Speaker, "workshop": f.Workshop, "year": f.Year, "q": f.Text} {
		if x != "" {
			v.Set(k, x)
		}
	}
	return v
}

// foldContains reports whether s contains sub, ignoring case and diacritics.
func foldContains(s, sub string) bool {
	if sub == "" {
		return true
	}
	return strings.Contains(strings.ToLower(vntext.Fold(s)), strings.ToLower(vntext.Fold(strings.TrimSpace(sub))))
}

// parseYears reads "2023" or "2019-2023".
func parseYears(s string) (lo, hi int, ok bool) {
	a, b, isRange := strings.Cut(strings.TrimSpace(s), "-")
	lo, err := strconv.Atoi(strings.TrimSpace(a))
	if err != nil || lo < 1900 || lo > 2100 {
		return 0, 0, false
	}
	hi = lo
	if isRange {
		if hi, err = strconv.Atoi(strings.TrimSpace(b)); err != nil || hi < lo || hi > 2100 {
			return 0, 0, false
		}
	}
	return lo, hi, true
}

// recsPage is one page of the grouped recommendations that pass a filter.
type recsPage struct {
	Filter recFilter
	Total  int // groups that pass the filter
	Said   int // recommendations in them
	From   int
	Size   int
	Groups []pipeline.RecGroup
}

// groups returns the grouped recommendations that pass the request's filter, all of them.
func (s *Server) groups(r *http.Request) (recFilter, []pipeline.RecGroup, error) {
	v := r.URL.Query()
	f := recFilter{Theme: strings.TrimSpace(v.Get("theme")), Speaker: v.Get("speaker"), Workshop: v.Get("workshop"),
		Year: strings.TrimSpace(v.Get("year")), Text: v.Get("q")}
	for _, p := range []string{f.Theme, f.Speaker, f.Workshop, f.Year, f.Text} {
		if len([]rune(p)) > s.opt.MaxQuery {
			return f, nil, badRequest(msg.WebFilterTooLong, s.opt.MaxQuery)
		}
	}
	if f.Theme != "" {
		if err := s.checkThemes("", []string{f.Theme}); err != nil {
			return f, nil, err
		}
	}
	if f.Year != "" {
		var ok bool
		if f.yearLo, f.yearHi, ok = parseYears(f.Year); !ok {
			return f, nil, badRequest(msg.WebBadYear, f.Year)
		}
	}
	all, err := withDeadline(r.Context(), s.store.recommendations)
	if err != nil {
		return f, nil, err
	}
	var kept []corpus.Recommendation
	for _, x := range all {
		if f.keep(x) {
			kept = append(kept, x)
		}
	}
	return f, pipeline.GroupRecommendations(kept), nil
}

// recsDefaultSize is how many proposals a page of recommendations shows unless size= says.
const recsDefaultSize = 20

// recsPaged returns the page of grouped recommendations the request asks for (size, from).
func (s *Server) recsPaged(r *http.Request) (*recsPage, error) {
	v := r.URL.Query()
	size, err := intParam(v, "size", recsDefaultSize, 1, s.opt.MaxSize)
	if err != nil {
		return nil, err
	}
	from, err := intParam(v, "from", 0, 0, s.opt.MaxFrom)
	if err != nil {
		return nil, err
	}
	f, groups, err := s.groups(r)
	if err != nil {
		return nil, err
	}
	p := &recsPage{Filter: f, Total: len(groups), From: from, Size: size, Groups: []pipeline.RecGroup{}}
	for _, g := range groups {
		p.Said += len(g.Members)
	}
	if from < len(groups) {
		p.Groups = groups[from:min(from+size, len(groups))]
	}
	return p, nil
}

type recGroupView struct {
	pipeline.RecGroup
	N     int
	Chips []chip
	Copy  string
	Cites []citeView
}

type citeView struct {
	Text, URL, Note string
}

type recsView struct {
	Active     int // filters in force
	Title      string
	Nav        string
	Filter     recFilter
	Themes     []chip
	Page       *recsPage
	First      int // number of the first proposal shown
	Last       int
	Groups     []recGroupView
	Prev, Next string
	Exports    []citeView
}

func (s *Server) recsPage(w http.ResponseWriter, r *http.Request) error {
	page, err := s.recsPaged(r)
	if err != nil {
		return err
	}
	f := page.Filter
	view := &recsView{Title: msg.TitleRecs, Nav: "recs", Filter: f, Page: page, First: page.From + 1, Last: page.From + len(page.Groups),
		Active: len(f.values())}
	for _, t := range s.cb.Themes() {
		view.Themes = append(view.Themes, s.chips([]string{t.ID})...)
	}
	for i, g := range page.Groups {
		gv := recGroupView{RecGroup: g, N: page.From + i + 1, Chips: s.chips(g.Themes)}
		copyText := []string{g.Text}
		for _, m := range g.Members {
			src := export.SourceOf(m)
			if m.Text != g.Text { // a citation shows its own document's sentence
				src.Quote = m.Text
			}
			gv.Cites = append(gv.Cites, citeView{Text: src.Cite(), URL: docURL(m.Path, m.Ordinal), Note: src.Footnote()})
			copyText = append(copyText, "— "+src.Cite()+" ("+src.Footnote()+")")
		}
		gv.Copy = strings.Join(copyText, "\n")
		view.Groups = append(view.Groups, gv)
	}
	filter := f.values()
	at := func(from int) string {
		u := f.values()
		if page.Size != recsDefaultSize {
			u.Set("size", strconv.Itoa(page.Size))
		}
		if from > 0 {
			u.Set("from", strconv.Itoa(from))
		}
		return "/recs?" + u.Encode()
	}
	if page.From > 0 {
		view.Prev = at(max(page.From-page.Size, 0))
	}
	if page.From+page.Size < page.Total {
		view.Next = at(page.From + page.Size)
	}
	for _, e := range exportFiles {
		u := "/export/" + e.name
		if strings.HasPrefix(e.name, "kien-nghi.") && len(filter) > 0 {
			u += "?" + filter.Encode() // the report follows the page's filter
		}
		view.Exports = append(view.Exports, citeView{Text: e.label, URL: u})
	}
	return s.render(w, "recs", view)
}

// apiRecs answers one page of the grouped recommendations: {total, said, from, size, groups}.
func (s *Server) apiRecs(w http.ResponseWriter, r *http.Request) error {
	page, err := s.recsPaged(r)
	if err != nil {
		return err
	}
	return writeJSON(w, map[string]any{"total": page.Total, "said": page.Said, "from": page.From, "size": page.Size, "groups": page.Groups})
}

// exportFiles are the downloads the interface offers, written by package export.
var exportFiles = []struct{ name, label, ctype string }{
	{"kien-nghi.md", "Báo cáo kiến nghị (Markdown)", "text/markdown; charset=utf-8"},
	{"kien-nghi.docx", "Báo cáo kiến nghị (Word)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	{"doan-ma-hoa.csv", "Đoạn đã mã hóa (Excel CSV)", "text/csv; charset=utf-8"},
	{"ma-tran.csv", "Ma trận chủ đề × tổ chức (Excel CSV)", "text/csv; charset=utf-8"},
	{"du-an.qdpx", "Dự án REFI-QDA (ATLAS.ti, NVivo, MAXQDA)", "application/zip"},
}

func (s *Server) exportFile(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	for _, e := range exportFiles {
		if e.name != name {
			continue
		}
		var buf bytes.Buffer
		if err := s.writeExport(r, name, &buf); err != nil {
			return err
		}
		w.Header().Set("Content-Type", e.ctype)
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		_, err := w.Write(buf.Bytes())
		return err
	}
	return notFound(msg.WebNoExport, name)
}

func (s *Server) writeExport(r *http.Request, name string, buf *bytes.Buffer) error {
	switch name {
	case "kien-nghi.md", "kien-nghi.docx":
		_, groups, err := s.groups(r)
		if err != nil {
			return err
		}
		rep := export.NewReport(s.cb, groups)
		if name == "kien-nghi.md" {
			return export.WriteMarkdown(buf, rep)
		}
		return export.WriteDOCX(buf, rep)
	}
	set, err := withDeadline(r.Context(), s.store.sections)
	if err != nil {
		return err
	}
	switch name {
	case "doan-ma-hoa.csv":
		return export.WriteSegmentsCSV(buf, s.cb, set.all)
	case "ma-tran.csv":
		return export.WriteMatrixCSV(buf, s.cb, set.all)
	}
	return export.WriteQDPX(buf, s.cb, set.all, export.QDPXOptions{Name: "thamluan"})
}
