package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"thamluan/corpus"
	"thamluan/index"
	"thamluan/pipeline"
)

// sections are two documents' sections written for these tests.
func sections() []*index.SectionRecord {
	return []*index.SectionRecord{
		{Path: "docs/tham-luan.docx", Title: "Tham luận của Đảng ủy Cảng", Ordinal: 1, Heading: "1. Thực trạng", Speaker: "Đảng ủy Cảng Quy Nhơn",
			Workshop: "Hội thảo xây dựng Đảng 2024", Year: 2024, PageStart: 3,
			Themes: []corpus.ThemeTag{{ID: "digital-transformation"}, {ID: "shortcomings"}},
			Sentences: []corpus.Sentence{
				{Text: "Chi bộ đã dùng Sổ tay đảng viên điện tử.", Paragraph: 0, Themes: []string{"digital-transformation"}},
				{Text: "Việc cập nhật dữ liệu còn chậm, nhiều hạn chế.", Paragraph: 0, Themes: []string{"shortcomings"}},
				{Text: "Đây là đoạn mở đầu của phần hai.", Paragraph: 1, Themes: []string{}},
			}},
		{Path: "docs/tin-bai.html", Title: "", Ordinal: 2, Heading: "Ý kiến <doanh nghiệp>", Speaker: "=HYPERLINK(\"x\")",
			Themes:    []corpus.ThemeTag{{ID: "private-enterprise"}},
			Sentences: []corpus.Sentence{{Text: "Doanh nghiệp tư nhân & hộ kinh doanh cần được hỗ trợ.", Themes: []string{"private-enterprise", "solutions"}}}},
	}
}

func groups() []pipeline.RecGroup {
	return []pipeline.RecGroup{
		{Text: "Đề nghị hỗ trợ *kinh phí* cho chi bộ <vùng xa>.", Themes: []string{"solutions"}, Members: []corpus.Recommendation{
			{Path: "docs/a.pdf", Ordinal: 2, Page: 5, Speaker: "Chi bộ Cảng"}, {Path: "docs/b.docx", Ordinal: 1}}},
		{Text: "Kiến nghị đẩy mạnh chuyển đổi số trong sinh hoạt chi bộ.", Themes: []string{"solutions", "digital-transformation"},
			Members: []corpus.Recommendation{{Path: "docs/a.pdf", Ordinal: 3}}},
		{Text: "Một đề xuất chưa gắn chủ đề.", Members: []corpus.Recommendation{{Path: "docs/c.txt", Ordinal: 1}}},
	}
}

func TestNewReport(t *testing.T) {
	rep := NewReport(pipeline.DefaultCodebook(), groups())
	var got []string
	for _, th := range rep.Themes {
		got = append(got, th.Label+":"+itoa(len(th.Items)))
	}
	want := "Giải pháp, kiến nghị:1|Chuyển đổi số:1|Khác:1"
	if strings.Join(got, "|") != want {
		t.Errorf("themes %q, want %q (topical theme before the generic one, untagged last)", strings.Join(got, "|"), want)
	}
	if c := rep.Themes[0].Items[0].Sources; len(c) != 2 || c[0].Cite() != "Chi bộ Cảng, “a.pdf”, tr. 5" || c[0].Footnote() != "Tệp: docs/a.pdf, phần 2" {
		t.Errorf("citations %+v", c)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestWriteMarkdown(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, NewReport(pipeline.DefaultCodebook(), groups())); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{"# Tổng hợp kiến nghị, đề xuất\n", "\n## Chuyển đổi số\n", "1. Đề nghị hỗ trợ \\*kinh phí\\* cho chi bộ \\<vùng xa\\>.\n",
		"   - *Chi bộ Cảng, “a.pdf”, tr. 5*[^1]\n", "[^1]: Tệp: docs/a.pdf, phần 2\n", "3. Một đề xuất chưa gắn chủ đề.\n", "\n## Khác\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	b.Reset()
	WriteMarkdown(&b, NewReport(pipeline.DefaultCodebook(), nil))
	if !strings.Contains(b.String(), "Chưa có kiến nghị") {
		t.Errorf("empty report: %s", b.String())
	}
}

// readZip returns the parts of a zip archive by name.
func readZip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return parts
}

// wellFormed parses data as XML to the end.
func wellFormed(t *testing.T, name string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", name, err)
			return
		}
	}
}

func TestWriteDOCX(t *testing.T) {
	var b bytes.Buffer
	if err := WriteDOCX(&b, NewReport(pipeline.DefaultCodebook(), groups())); err != nil {
		t.Fatal(err)
	}
	parts := readZip(t, b.Bytes())
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "docProps/core.xml"} {
		data, ok := parts[name]
		if !ok {
			t.Errorf("docx lacks %s", name)
			continue
		}
		wellFormed(t, name, data)
	}
	doc := string(parts["word/document.xml"])
	for _, want := range []string{`<w:pStyle w:val="Heading1"/>`, `<w:pStyle w:val="Title"/>`, "Chuyển đổi số",
		"Đề nghị hỗ trợ *kinh phí* cho chi bộ &lt;vùng xa&gt;.", `<w:numId w:val="1"/>`, "Chi bộ Cảng, “a.pdf”, tr. 5", `<w:footnoteReference w:id="1"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %q", want)
		}
	}
	if strings.Contains(doc, "docs/a.pdf") {
		t.Errorf("document.xml cites by path; the path belongs in a footnote")
	}
	if notes := string(parts["word/footnotes.xml"]); !strings.Contains(notes, `<w:footnote w:id="1">`) || !strings.Contains(notes, "Tệp: docs/a.pdf, phần 2") {
		t.Errorf("footnotes.xml lacks the first citation's file:\n%s", notes)
	}
	if !strings.Contains(string(parts["word/styles.xml"]), `w:styleId="Heading1"`) {
		t.Errorf("styles.xml has no Heading1 style")
	}
}

func TestWriteSegmentsCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteSegmentsCSV(&b, pipeline.DefaultCodebook(), sections()); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "\ufeff") {
		t.Fatalf("no UTF-8 byte order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"tệp", "phần", "tiêu đề phần", "người trình bày", "hội thảo", "năm", "trang", "văn bản", "Hạn chế, yếu kém", "Giải pháp, kiến nghị", "Chuyển đổi số", "Kinh tế tư nhân, doanh nghiệp ngoài nhà nước"},
		{"docs/tham-luan.docx", "1", "1. Thực trạng", "Đảng ủy Cảng Quy Nhơn", "Hội thảo xây dựng Đảng 2024", "2024", "3",
			"Chi bộ đã dùng Sổ tay đảng viên điện tử. Việc cập nhật dữ liệu còn chậm, nhiều hạn chế.\n\nĐây là đoạn mở đầu của phần hai.", "1", "0", "1", "0"},
		{"docs/tin-bai.html", "2", "Ý kiến <doanh nghiệp>", "'=HYPERLINK(\"x\")", "", "", "", "Doanh nghiệp tư nhân & hộ kinh doanh cần được hỗ trợ.", "0", "0", "0", "1"},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d:\n got %q\nwant %q", i, rows[i], want[i])
		}
	}
}

func TestWriteMatrixCSV(t *testing.T) {
	secs := append(sections(), &index.SectionRecord{Path: "docs/x.txt", Ordinal: 1, Speaker: "Đảng ủy Cảng Quy Nhơn",
		Themes: []corpus.ThemeTag{{ID: "digital-transformation"}}}, &index.SectionRecord{Path: "docs/y.txt", Ordinal: 1})
	var b bytes.Buffer
	if err := WriteMatrixCSV(&b, pipeline.DefaultCodebook(), secs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, r := range rows {
		got = append(got, strings.Join(r, "|"))
	}
	want := []string{
		"tổ chức / người trình bày|Hạn chế, yếu kém|Giải pháp, kiến nghị|Chuyển đổi số|Kinh tế tư nhân, doanh nghiệp ngoài nhà nước|tổng số phần",
		"Đảng ủy Cảng Quy Nhơn|1|0|2|0|2",
		"'=HYPERLINK(\"x\")|0|0|0|1|1",
		"(không rõ)|0|0|0|0|1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("matrix:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBuildText(t *testing.T) {
	st := BuildText(sections()[0])
	if want := "Chi bộ đã dùng Sổ tay đảng viên điện tử. Việc cập nhật dữ liệu còn chậm, nhiều hạn chế.\n\nĐây là đoạn mở đầu của phần hai."; st.Text != want {
		t.Fatalf("text %q, want %q", st.Text, want)
	}
	rs := []rune(st.Text)
	for i, r := range st.Ranges {
		if got := string(rs[r.Start:r.End]); got != sections()[0].Sentences[i].Text {
			t.Errorf("range %d is %q", i, got)
		}
	}
	if utf8.RuneCountInString(st.Text) != st.Ranges[2].End {
		t.Errorf("last range ends at %d, text has %d characters", st.Ranges[2].End, utf8.RuneCountInString(st.Text))
	}
}
