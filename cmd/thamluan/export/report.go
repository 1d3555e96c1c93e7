// Package export writes what an index holds in the formats researchers take elsewhere: the
// recommendations report as Markdown and Word, the coded segments and the theme × organisation
// matrix as CSV for Excel, and a REFI-QDA project for ATLAS.ti, NVivo and MAXQDA. Writers take
// data already read from the index and print nothing.
package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"thamluan/pipeline"
)

// Report is the recommendations report: proposals grouped under the theme they belong to.
type Report struct {
	Title  string
	Intro  string
	Themes []ReportTheme
}

// ReportTheme is one theme's part of the report.
type ReportTheme struct {
	ID, Label string
	Items     []ReportItem
}

// ReportItem is one proposal and where it was made.
type ReportItem struct {
	Text    string
	Sources []Source
}

// other is the heading of recommendations without a theme.
const other = "Khác"

// NewReport groups recommendation groups by their primary theme, themes in codebook order.
func NewReport(cb *pipeline.Codebook, groups []pipeline.RecGroup) *Report {
	rep := &Report{Title: "Tổng hợp kiến nghị, đề xuất"}
	byTheme := map[string][]ReportItem{}
	n := 0
	for _, g := range groups {
		id := ""
		if len(g.Themes) > 0 {
			id = PrimaryTheme(cb, g.Themes)
		}
		it := ReportItem{Text: g.Text}
		for _, m := range g.Members {
			src := SourceOf(m)
			if m.Text != g.Text { // a citation shows its own document's sentence
				src.Quote = m.Text
			}
			it.Sources = append(it.Sources, src)
		}
		byTheme[id] = append(byTheme[id], it)
		n++
	}
	rep.Intro = fmt.Sprintf("%d kiến nghị sau khi gộp các đề xuất trùng nhau; mỗi kiến nghị kèm nguồn (người trình bày, tài liệu, hội thảo, trang); đường dẫn tệp ở chú thích.", n)
	for _, t := range cb.Themes() {
		if items := byTheme[t.ID]; len(items) > 0 {
			rep.Themes = append(rep.Themes, ReportTheme{ID: t.ID, Label: t.Label, Items: items})
			delete(byTheme, t.ID)
		}
	}
	var rest []ReportItem
	for _, t := range sortedKeys(byTheme) {
		rest = append(rest, byTheme[t]...)
	}
	if len(rest) > 0 {
		rep.Themes = append(rep.Themes, ReportTheme{ID: "", Label: other, Items: rest})
	}
	return rep
}

// PrimaryTheme picks the theme a recommendation is listed under: the first in codebook order,
// preferring a topical theme over the generic "solutions" and "shortcomings".
func PrimaryTheme(cb *pipeline.Codebook, themes []string) string {
	has := map[string]bool{}
	for _, t := range themes {
		has[t] = true
	}
	for _, t := range cb.Themes() {
		if has[t.ID] && t.ID != "solutions" && t.ID != "shortcomings" {
			return t.ID
		}
	}
	for _, t := range cb.Themes() {
		if has[t.ID] {
			return t.ID
		}
	}
	return themes[0]
}

// Cite formats a short location: file, section, page and speaker, for tools that look a passage
// up by its file (a QDA source's description). A reader's citation is Source.Cite.
func Cite(path string, ordinal, page int, speaker string) string {
	s := fmt.Sprintf("%s, phần %d", path, ordinal)
	if page > 0 {
		s += fmt.Sprintf(", trang %d", page)
	}
	if speaker != "" {
		s += ", " + speaker
	}
	return s
}

// WriteMarkdown writes the report as Markdown, ready to paste into a draft: each citation as a
// reader writes it, with the file in a footnote.
func WriteMarkdown(w io.Writer, rep *Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n%s\n", mdEscape(rep.Title), mdEscape(rep.Intro))
	n := 0
	var notes []string
	for _, t := range rep.Themes {
		fmt.Fprintf(bw, "\n## %s\n\n", mdEscape(t.Label))
		for _, it := range t.Items {
			n++
			fmt.Fprintf(bw, "%d. %s\n", n, mdEscape(it.Text))
			for _, s := range it.Sources {
				notes = append(notes, s.Footnote())
				fmt.Fprintf(bw, "   - *%s*[^%d]\n", mdEscape(s.Cite()), len(notes))
			}
		}
	}
	if n == 0 {
		fmt.Fprintf(bw, "\nChưa có kiến nghị nào trong chỉ mục.\n")
	}
	if len(notes) > 0 {
		bw.WriteString("\n")
		for i, note := range notes {
			fmt.Fprintf(bw, "[^%d]: %s\n", i+1, mdEscape(note))
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export markdown: %w", err)
	}
	return nil
}

// mdEscape keeps document text from being read as Markdown markup.
func mdEscape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>#|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
