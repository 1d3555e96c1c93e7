package web

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"

	"thamluan/cmd/thamluan/export"
	"thamluan/corpus"
	"thamluan/corpus/vntext"
	"thamluan/pipeline"
)

// recFilter is what the recommendations page may be narrowed to.
type recFilter struct {
	Theme, Speaker, Workshop string
}

func (f recFilter) keep(r corpus.Recommendation) bool {
	if f.Theme != "" && !contains(r.Themes, f.Theme) {
		return false
	}
	return foldContains(r.Speaker, f.Speaker) && foldContains(r.Workshop, f.Workshop)
}

// foldContains reports whether s contains sub, ignoring case and diacritics.
func foldContains(s, sub string) bool {
	if sub == "" {
		return true
	}
	return strings.Contains(strings.ToLower(vntext.Fold(s)), strings.ToLower(vntext.Fold(strings.TrimSpace(sub))))
}

// groups returns the grouped recommendations that pass the filter.
func (s *Server) groups(r *http.Request) (recFilter, []pipeline.RecGroup, error) {
	v := r.URL.Query()
	f := recFilter{Theme: v.Get("theme"), Speaker: v.Get("speaker"), Workshop: v.Get("workshop")}
	for _, p := range []string{f.Theme, f.Speaker, f.Workshop} {
		if len([]rune(p)) > s.opt.MaxQuery {
			return f, nil, badRequest("bộ lọc quá dài")
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

type recGroupView struct {
	pipeline.RecGroup
	Chips []chip
	Copy  string
	Cites []citeView
}

type citeView struct {
	Text, URL string
}

type recsView struct {
	Title   string
	Nav     string
	Filter  recFilter
	Themes  []chip
	Total   int
	Groups  []recGroupView
	Exports []citeView
}

func (s *Server) recsPage(w http.ResponseWriter, r *http.Request) error {
	f, groups, err := s.groups(r)
	if err != nil {
		return err
	}
	view := &recsView{Title: "Kiến nghị", Nav: "recs", Filter: f}
	for _, t := range s.cb.Themes() {
		view.Themes = append(view.Themes, s.chips([]string{t.ID})...)
	}
	for _, g := range groups {
		gv := recGroupView{RecGroup: g, Chips: s.chips(g.Themes)}
		copyText := []string{g.Text}
		for _, m := range g.Members {
			c := export.Cite(m.Path, m.Ordinal, m.Page, m.Speaker)
			gv.Cites = append(gv.Cites, citeView{Text: c, URL: docURL(m.Path, m.Ordinal)})
			copyText = append(copyText, "— "+c)
		}
		gv.Copy = strings.Join(copyText, "\n")
		view.Total += len(g.Members)
		view.Groups = append(view.Groups, gv)
	}
	filter := url.Values{}
	for k, v := range map[string]string{"theme": f.Theme, "speaker": f.Speaker, "workshop": f.Workshop} {
		if v != "" {
			filter.Set(k, v)
		}
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

func (s *Server) apiRecs(w http.ResponseWriter, r *http.Request) error {
	_, groups, err := s.groups(r)
	if err != nil {
		return err
	}
	if groups == nil {
		groups = []pipeline.RecGroup{}
	}
	return writeJSON(w, groups)
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
	return notFound("không có tệp xuất %q", name)
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
