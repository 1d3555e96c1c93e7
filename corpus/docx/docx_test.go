package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"thamluan/corpus/corpustest"
	"thamluan/corpus/vntext"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// render writes a document as the golden files hold it: the title, then one line per paragraph.
func render(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\nencodings: %s\n", d.Title, strings.Join(d.Encodings, ","))
	for _, p := range d.Paras {
		fmt.Fprintf(&b, "[%s %d] %s\n", p.Kind, p.Level, p.Text)
	}
	return b.String()
}

func readFixture(t testing.TB, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(data, Options{})
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return d
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"paper", "localized"} {
		t.Run(name, func(t *testing.T) {
			got := render(readFixture(t, name+".docx"))
			golden := filepath.Join("testdata", name+".golden.txt")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", name, golden, got)
			}
		})
	}
}

// TestPaperStructure checks the properties the golden file shows, one by one.
func TestPaperStructure(t *testing.T) {
	d := readFixture(t, "paper.docx")
	find := func(prefix string) (Para, int) {
		n, first := 0, Para{}
		for _, p := range d.Paras {
			if strings.HasPrefix(p.Text, prefix) {
				if n == 0 {
					first = p
				}
				n++
			}
		}
		return first, n
	}
	tests := []struct {
		prefix string
		kind   Kind
		level  int
	}{
		{"NÂNG CAO CHẤT LƯỢNG", Title, 0},
		{"I. ĐẶT VẤN ĐỀ", Heading, 1},
		{"II. THỰC TRẠNG", Heading, 1},
		{"1. Những kết quả", Heading, 2},
		{"2. Hạn chế", Heading, 2},
		{"III. GIẢI PHÁP", Heading, 1},
		{"1. Đổi mới", ListItem, 1},
		{"a) Gửi dự thảo", ListItem, 2},
		{"b) Chọn một", ListItem, 2},
		{"3. Đề nghị Huyện ủy", ListItem, 1},
		{"• rà soát", ListItem, 1},
		{"Năm | Số chi bộ | Sinh hoạt đúng kỳ (%)", TableRow, 0},
		{"2023 | 45 | 95,6", TableRow, 0},
		{"Số liệu trong bài", Note, 0},
		{"Kiến nghị này", Note, 0},
		{"Ghi nhớ: họp chi bộ", Paragraph, 0},
	}
	for _, tt := range tests {
		p, n := find(tt.prefix)
		if n != 1 {
			t.Errorf("%q: found %d times, want once", tt.prefix, n)
			continue
		}
		if p.Kind != tt.kind || p.Level != tt.level {
			t.Errorf("%q: got %s/%d, want %s/%d", tt.prefix, p.Kind, p.Level, tt.kind, tt.level)
		}
	}
	if d.Title != "Nâng cao chất lượng sinh hoạt chi bộ ở cơ sở" {
		t.Errorf("core title = %q", d.Title)
	}
	if last := d.Paras[len(d.Paras)-1]; last.Kind != Note {
		t.Errorf("notes must come after the body; last paragraph is %s %q", last.Kind, last.Text)
	}
}

func TestTCVN3Runs(t *testing.T) {
	d := readFixture(t, "tcvn3.docx")
	if strings.Join(d.Encodings, ",") != vntext.TCVN3 || d.LegacyRuns != 3 {
		t.Fatalf("encodings %v, legacy runs %d; want [tcvn3] and 3", d.Encodings, d.LegacyRuns)
	}
	if got := d.Paras[len(d.Paras)-1].Text; got != "Unicode paragraph: hội thảo khoa học." {
		t.Errorf("a Unicode run was altered: %q", got)
	}
	if vntext.FromLegacyRunes("c¸c", vntext.TCVN3) == "c¸c" {
		t.Skip("vntext.FromLegacyRunes does not decode TCVN3 in this build: checked routing only")
	}
	want, err := os.ReadFile(filepath.Join("testdata", "tcvn3.want.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(want)), "\n")
	for i, w := range lines {
		if got := vntext.Clean(d.Paras[i].Text); got != w {
			t.Errorf("paragraph %d = %q, want %q", i, got, w)
		}
	}
}

// zipOf builds an archive from name/content pairs.
func zipOf(t testing.TB, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const wns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

func body(xml string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:document ` + wns + `><w:body>` + xml + `</w:body></w:document>`
}

func TestErrors(t *testing.T) {
	bomb := body(`<w:p><w:r><w:t>` + strings.Repeat("a", 1<<20) + `</w:t></w:r></w:p>`)
	tests := []struct {
		name string
		data []byte
		max  int64
		is   error
		msg  string
	}{
		{"not a zip", []byte("PK\x03\x04 this is not really a zip"), 0, ErrNotZip, "not a zip"},
		{"empty", nil, 0, ErrNotZip, "not a zip"},
		{"no document", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>"}), 0, ErrNoDocument, "word/document.xml"},
		{"bad xml", zipOf(t, map[string]string{"word/document.xml": body(`<w:p><w:r><w:t>x</w:r></w:p>`)}), 0, nil, "word/document.xml: XML syntax error"},
		{"bad styles", zipOf(t, map[string]string{"word/document.xml": body(""), "word/styles.xml": "<w:styles"}), 0, nil, "word/styles.xml"},
		{"bomb", zipOf(t, map[string]string{"word/document.xml": bomb}), 64 << 10, ErrTooLarge, "zip bomb"},
		{"legacy charset", zipOf(t, map[string]string{"word/document.xml": `<?xml version="1.0" encoding="windows-1252"?><w:document/>`}), 0, nil, "unsupported XML encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(tt.data, Options{MaxUncompressed: tt.max})
			if err == nil {
				t.Fatal("no error")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not mention %q", err, tt.msg)
			}
		})
	}
}

// TestConstructs covers markup the fixtures lack, each with a document made for it.
func TestConstructs(t *testing.T) {
	tests := []struct {
		name, xml, want string
	}{
		{"runs join without spaces", `<w:p><w:r><w:t>Đả</w:t></w:r><w:r><w:t>ng</w:t></w:r><w:r><w:t xml:space="preserve"> viên</w:t></w:r></w:p>`, "[paragraph 0] Đảng viên"},
		{"tab and break", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p>`, "[paragraph 0] a b c"},
		{"hyphens and symbols", `<w:p><w:r><w:t>Covid</w:t><w:noBreakHyphen/><w:t>19</w:t><w:softHyphen/><w:sym w:font="Symbol" w:char="F0AE"/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>`, "[paragraph 0] Covid-19\u00ad→"},
		{"alternate content once", `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>thân</w:t></w:r></w:p>`, "[paragraph 0] hộp\n[paragraph 0] thân"},
		{"deleted text and fields", `<w:p><w:del><w:r><w:delText>cũ</w:delText></w:r></w:del><w:ins><w:r><w:t>mới</w:t></w:r></w:ins><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>`, "[paragraph 0] mới"},
		{"outline level on paragraph", `<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Mục</w:t></w:r></w:p>`, "[heading 3] Mục"},
		{"nested table", `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`, "[table-row 0] A x | y | B"},
		{"empty paragraphs dropped", `<w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p><w:p><w:r><w:t>z</w:t></w:r></w:p>`, "[paragraph 0] z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(zipOf(t, map[string]string{"word/document.xml": body(tt.xml)}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.TrimSpace(strings.SplitN(render(d), "\n", 3)[2])
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestAltChunk reads a document that imports its text as HTML, as web exporters write it.
func TestAltChunk(t *testing.T) {
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="htmlChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="/word/afchunk.htm"/>` +
		`<Relationship Id="rtfChunk" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.rtf"/></Relationships>`
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>Báo cáo</h1><h2>Phần một</h2><p>Nội dung <b>chính</b>.</p><ul><li>ý một</li></ul></body></html>`
	data := zipOf(t, map[string]string{
		"word/document.xml":            body(`<w:p><w:r><w:t>Trước</w:t></w:r></w:p><w:altChunk r:id="htmlChunk" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/><w:altChunk r:id="rtfChunk"/><w:altChunk r:id="nothing"/>`),
		"word/_rels/document.xml.rels": rels,
		"word/afchunk.htm":             page,
		"word/chunk.rtf":               `{\rtf1 x}`,
	})
	d, err := Read(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.TrimSpace(strings.SplitN(render(d), "\n", 3)[2])
	want := "[paragraph 0] Trước\n[title 0] Báo cáo\n[heading 1] Phần một\n[paragraph 0] Nội dung chính.\n[list-item 0] ý một"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(d.Warnings) != 2 || !strings.Contains(d.Warnings[0], "word/chunk.rtf") || !strings.Contains(d.Warnings[1], `"nothing"`) {
		t.Errorf("warnings %q", d.Warnings)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		n    int
		f    string
		want string
	}{
		{1, "decimal", "1"}, {4, "upperRoman", "IV"}, {1994, "upperRoman", "MCMXCIV"},
		{9, "lowerRoman", "ix"}, {1, "lowerLetter", "a"}, {28, "lowerLetter", "bb"},
		{3, "upperLetter", "C"}, {7, "decimalZero", "07"}, {12, "decimalZero", "12"},
		{5, "cardinalText", "5"}, {0, "upperRoman", "0"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.n, tt.f); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.n, tt.f, got, tt.want)
		}
	}
}

func TestHeadingNames(t *testing.T) {
	tests := map[string]bool{
		"heading 1": true, "heading 9": true, "đầu đề 2": true, "überschrift 3": true,
		"heading": false, "heading 10": false, "toc 1": false, "body text": false,
	}
	for name, want := range tests {
		if got := headingName.MatchString(name); got != want {
			t.Errorf("%q: heading %v, want %v", name, got, want)
		}
	}
}

// scorerReference is the text the extraction scorer compares DOCX output with: the w:t texts of
// each w:p of word/document.xml.
func scorerReference(t testing.TB, data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		_, err = buf.ReadFrom(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range scorerParagraphs(buf.String()) {
			out = append(out, scorerText(p))
		}
		return strings.Join(out, "\n")
	}
	t.Fatal("no word/document.xml")
	return ""
}

// scorerParagraphs finds what the scorer's (?s)<w:p[ >].*?</w:p> finds, without regexp (which
// is slow on a 2 MB part).
func scorerParagraphs(xml string) []string {
	var out []string
	for i := 0; ; {
		j := strings.Index(xml[i:], "<w:p")
		if j < 0 {
			return out
		}
		j += i
		if j+4 >= len(xml) || (xml[j+4] != ' ' && xml[j+4] != '>') {
			i = j + 4
			continue
		}
		k := strings.Index(xml[j:], "</w:p>")
		if k < 0 {
			return out
		}
		out = append(out, xml[j:j+k+6])
		i = j + k + 6
	}
}

// scorerText joins what the scorer's <w:t[^>]*>([^<]*)</w:t> captures in a paragraph.
func scorerText(p string) string {
	var b strings.Builder
	for i := 0; ; {
		j := strings.Index(p[i:], "<w:t")
		if j < 0 {
			return b.String()
		}
		j += i
		i = j + 4
		gt := strings.IndexByte(p[j:], '>')
		if gt < 0 {
			return b.String()
		}
		start := j + gt + 1
		lt := strings.IndexByte(p[start:], '<')
		if lt < 0 {
			return b.String()
		}
		if strings.HasPrefix(p[start+lt:], "</w:t>") {
			b.WriteString(p[start : start+lt])
			i = start + lt + 6
		}
	}
}

func TestSharedTokenF1(t *testing.T) {
	dir := corpustest.Shared(t, "corpus/docx")
	files, _ := filepath.Glob(filepath.Join(dir, "*.docx"))
	if len(files) == 0 {
		t.Skip("no DOCX files in " + dir)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			for _, p := range d.Paras {
				got.WriteString(vntext.Clean(p.Text))
				got.WriteByte('\n')
				if !utf8.ValidString(p.Text) {
					t.Errorf("invalid UTF-8 in %q", p.Text)
				}
			}
			f1 := corpustest.TokenF1(got.String(), scorerReference(t, data))
			t.Logf("token F1 %.4f over %d paragraphs", f1, len(d.Paras))
			if f1 < 0.98 {
				t.Errorf("token F1 %.4f < 0.98", f1)
			}
		})
	}
}

func FuzzDOCX(f *testing.F) {
	for _, name := range []string{"paper.docx", "localized.docx", "tcvn3.docx"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(zipOf(f, map[string]string{
		"word/document.xml":            body(`<w:altChunk r:id="c"/><w:p><w:r><w:t>x</w:t></w:r></w:p>`),
		"word/_rels/document.xml.rels": `<Relationships><Relationship Id="c" Target="a.htm"/></Relationships>`,
		"word/a.htm":                   `<p>đoạn <b>văn</b></p>`,
	}))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data, Options{MaxUncompressed: 16 << 20})
		if err != nil {
			if d != nil {
				t.Fatal("a document returned with an error")
			}
			return
		}
		for _, p := range d.Paras {
			if p.Text != strings.TrimSpace(p.Text) || p.Text == "" {
				t.Fatalf("untrimmed or empty paragraph %q", p.Text)
			}
		}
	})
}

func benchRead(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadPaper(b *testing.B) { benchRead(b, filepath.Join("testdata", "paper.docx")) }

func BenchmarkReadSharedBook(b *testing.B) {
	benchRead(b, corpustest.Shared(b, "corpus/docx/ThanhAn-Tran_Mini_RAG_giao-trinh-tu-tuong-ho-chi-minh.docx"))
}

// TestBudgetExact reads a document whose parts fit the decompression budget exactly.
func TestBudgetExact(t *testing.T) {
	doc := body(`<w:p><w:r><w:t>vừa đủ</w:t></w:r></w:p>`)
	data := zipOf(t, map[string]string{"word/document.xml": doc})
	d, err := Read(data, Options{MaxUncompressed: int64(len(doc))})
	if err != nil || len(d.Paras) != 1 {
		t.Fatalf("exact budget: %v", err)
	}
	if _, err := Read(data, Options{MaxUncompressed: int64(len(doc)) - 1}); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("budget one byte short: %v", err)
	}
}
