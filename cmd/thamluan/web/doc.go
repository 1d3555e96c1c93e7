package web

import (
	"context"
	"errors"
	"html/template"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"thamluan/cmd/thamluan/msg"
	"thamluan/corpus"
	"thamluan/index"
)

func isDeadline(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// chip is a theme shown as a coloured label.
type chip struct {
	ID, Label, Class string
}

// chips labels theme ids with the codebook; each codebook theme has its own colour class.
func (s *Server) chips(ids []string) []chip {
	out := make([]chip, 0, len(ids))
	for _, id := range ids {
		c := chip{ID: id, Label: s.cb.Label(id), Class: "t-other"}
		for i, t := range s.cb.Themes() {
			if t.ID == id {
				c.Class = "t" + string(rune('0'+i%8))
			}
		}
		out = append(out, c)
	}
	return out
}

type sentenceView struct {
	HTML  template.HTML
	Rec   bool
	Chips []chip
}

type sectionView struct {
	*index.SectionRecord
	Chips      []chip
	Paragraphs [][]sentenceView
	OCR        bool // the section starts on a page read by OCR
}

type docView struct {
	Title    string
	Nav      string
	Record   index.DocRecord
	FileURL  string
	Sections []sectionView
}

// docSections returns the sections of an indexed document, or a 404.
func (s *Server) docSections(r *http.Request) (index.DocRecord, []*index.SectionRecord, error) {
	path := r.URL.Query().Get("path")
	if path == "" {
		return index.DocRecord{}, nil, badRequest(msg.WebNoPath)
	}
	rec, ok := s.store.record(path)
	if !ok {
		return rec, nil, notFound(msg.WebDocNotIndexed, path)
	}
	set, err := withDeadline(r.Context(), s.store.sections)
	if err != nil {
		return rec, nil, err
	}
	return rec, set.byDoc[path], nil
}

func (s *Server) docPage(w http.ResponseWriter, r *http.Request) error {
	rec, secs, err := s.docSections(r)
	if err != nil {
		return err
	}
	view := &docView{Title: nonEmpty(rec.Title, filepath.Base(rec.Path)), Nav: "doc", Record: rec,
		FileURL: "/file?path=" + url.QueryEscape(rec.Path)}
	for _, sec := range secs {
		sv := sectionView{SectionRecord: sec, OCR: slices.Contains(rec.OCRPages, sec.PageStart)}
		for _, t := range sec.Themes {
			sv.Chips = append(sv.Chips, s.chips([]string{t.ID})...)
		}
		para := -1
		for _, x := range sec.Sentences {
			if x.Paragraph != para || len(sv.Paragraphs) == 0 {
				sv.Paragraphs = append(sv.Paragraphs, nil)
				para = x.Paragraph
			}
			n := len(sv.Paragraphs) - 1
			sv.Paragraphs[n] = append(sv.Paragraphs[n], sentenceView{
				HTML: template.HTML(index.MarkHTML(x.Text, evidenceSpans(x, sec.Themes))), // MarkHTML escapes
				Rec:  x.Recommendation, Chips: s.chips(x.Themes)})
		}
		view.Sections = append(view.Sections, sv)
	}
	return s.render(w, "doc", view)
}

func (s *Server) apiDoc(w http.ResponseWriter, r *http.Request) error {
	rec, secs, err := s.docSections(r)
	if err != nil {
		return err
	}
	if secs == nil {
		secs = []*index.SectionRecord{}
	}
	return writeJSON(w, map[string]any{"record": rec, "sections": secs})
}

// evidenceSpans returns the byte spans of a sentence's evidence, sorted and without overlaps.
// Sentences tagged without character offsets fall back to finding the section's cue texts.
func evidenceSpans(x corpus.Sentence, tags []corpus.ThemeTag) []index.Span {
	var spans []index.Span
	for _, e := range x.Evidence {
		if b, c, ok := runeToByte(x.Text, e.Start, e.End); ok {
			spans = append(spans, index.Span{Start: b, End: c})
		}
	}
	if len(spans) == 0 && len(x.Themes) > 0 {
		low := strings.ToLower(x.Text)
		if len(low) == len(x.Text) {
			for _, t := range tags {
				for _, cue := range t.Evidence {
					if i := strings.Index(low, strings.ToLower(cue)); i >= 0 && cue != "" {
						spans = append(spans, index.Span{Start: i, End: i + len(cue)})
					}
				}
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []index.Span
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// runeToByte converts a character range of s into a byte range.
func runeToByte(s string, start, end int) (int, int, bool) {
	if start < 0 || end <= start {
		return 0, 0, false
	}
	b, c, n := -1, -1, 0
	for i := range s {
		if n == start {
			b = i
		}
		if n == end {
			c = i
			break
		}
		n++
	}
	if c < 0 && n == end {
		c = len(s)
	}
	if b < 0 || c < 0 || !utf8.ValidString(s[b:c]) {
		return 0, 0, false
	}
	return b, c, true
}

// filePage serves the original file of an indexed document. The path must be the path of a
// document record, exactly: no other file of the machine can be reached. The file is sandboxed,
// so an HTML original cannot run script in the interface's origin.
func (s *Server) filePage(w http.ResponseWriter, r *http.Request) error {
	path := r.URL.Query().Get("path")
	rec, ok := s.store.record(path)
	if path == "" || !ok {
		return notFound(msg.WebFileNotIdx, path)
	}
	f, err := os.Open(rec.Path)
	if errors.Is(err, os.ErrNotExist) {
		return notFound(msg.WebFileGone, rec.Path)
	}
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return notFound(msg.WebNotAFile, rec.Path)
	}
	ctype := mime.TypeByExtension(strings.ToLower(filepath.Ext(rec.Path)))
	if ctype == "" || strings.HasPrefix(ctype, "text/") {
		ctype = "text/plain; charset=utf-8"
	}
	if strings.Contains(ctype, "html") {
		ctype = "text/plain; charset=utf-8"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": filepath.Base(rec.Path)}))
	http.ServeContent(w, r, "", st.ModTime(), f)
	return nil
}

func nonEmpty(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
