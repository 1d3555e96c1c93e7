package export

import (
	"thamluan/pipeline/recurring"

	"fmt"
	"path/filepath"
	"strings"

	"thamluan/corpus"
)

// Source is where a passage comes from, with what a reader needs to cite it: who said it, the
// document's title, the workshop and its year, the page (or the section when pages are not
// known). The file's path is kept apart, for a footnote.
type Source struct {
	Path     string
	Title    string
	Heading  string
	Speaker  string
	Workshop string
	Year     int
	Ordinal  int
	Page     int
	// Quote is the sentence as this source words it, when a report lists several wordings of one
	// proposal (a recurring proposal across years); Cite then opens with it.
	Quote string
}

// SourceOf returns the source of a recommendation.
func SourceOf(r corpus.Recommendation) Source {
	return Source{Path: r.Path, Title: r.Title, Heading: r.Heading, Speaker: r.Speaker, Workshop: r.Workshop,
		Year: r.Year, Ordinal: r.Ordinal, Page: r.Page}
}

// Cite formats the source as a reader writes a citation: speaker, “title”, workshop (year),
// page — «Đảng ủy Khối Doanh nghiệp, “Tham luận về chuyển đổi số”, Hội thảo xây dựng Đảng
// (2024), tr. 12». A document without a title is named by its file name; without a page, the
// section is given. The path is not part of it: see Path.
func (s Source) Cite() string {
	var parts []string
	if q := oneLine(s.Quote); q != "" {
		parts = append(parts, "«"+q+"» —")
	}
	if sp := strings.TrimSpace(s.Speaker); sp != "" {
		parts = append(parts, sp)
	}
	title := oneLine(s.Title)
	if title == "" {
		title = filepath.Base(s.Path)
	}
	parts = append(parts, "“"+title+"”")
	if w := oneLine(s.Workshop); w != "" {
		if s.Year > 0 && !strings.Contains(w, fmt.Sprint(s.Year)) {
			w += fmt.Sprintf(" (%d)", s.Year)
		}
		parts = append(parts, w)
	} else if s.Year > 0 {
		parts = append(parts, fmt.Sprint(s.Year))
	}
	switch {
	case s.Page > 0:
		parts = append(parts, fmt.Sprintf("tr. %d", s.Page))
	case s.Ordinal > 0:
		parts = append(parts, fmt.Sprintf("phần %d", s.Ordinal))
	}
	if len(parts) > 1 && strings.HasSuffix(parts[0], "» —") {
		return parts[0] + " " + strings.Join(parts[1:], ", ")
	}
	return strings.Join(parts, ", ")
}

// MemberSource returns the source of one wording of a recurring proposal; set Quote to m.Text
// where the citation itself must show the wording.
func MemberSource(m recurring.Member) Source {
	return Source{Path: m.Path, Title: m.Title, Speaker: m.Speaker, Workshop: m.Workshop, Year: m.Year,
		Ordinal: m.Ordinal, Page: m.Page}
}

// Footnote is the line a citation's footnote holds: the file and the section in it.
func (s Source) Footnote() string {
	if s.Ordinal > 0 {
		return fmt.Sprintf("Tệp: %s, phần %d", s.Path, s.Ordinal)
	}
	return "Tệp: " + s.Path
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
