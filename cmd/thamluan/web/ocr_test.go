package web

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"thamluan/corpus"
)

// TestDocMarksOCRPages checks that a document read partly by OCR shows the reader's notes and
// marks the sections that start on a scanned page, and only those.
func TestDocMarksOCRPages(t *testing.T) {
	dir := t.TempDir()
	doc := &corpus.Document{Path: filepath.Join(dir, "ky-yeu-scan.pdf"), Format: "pdf", Title: "Kỷ yếu hội thảo bản quét", Pages: 3,
		OCRPages: []int{2, 3}, Warnings: []string{"2 trang đọc bằng OCR (Tesseract), độ tin cậy trung bình 91%: trang 2, 3"}}
	for i, p := range []int{1, 2} {
		s := corpus.Sentence{Text: "Chi bộ duy trì sinh hoạt định kỳ hằng tháng.", Themes: []string{}}
		doc.Sections = append(doc.Sections, corpus.Section{Ordinal: i + 1, Heading: "Phần " + string(rune('A'+i)), PageStart: p, PageEnd: p,
			Text: s.Text, Sentences: []corpus.Sentence{s}, Themes: []corpus.ThemeTag{}})
	}
	f := serveDocs(t, dir, Options{}, doc)
	res, body := f.do(t, "GET", "/doc?path="+url.QueryEscape(doc.Path))
	if res.StatusCode != 200 {
		t.Fatalf("/doc: %d", res.StatusCode)
	}
	if !strings.Contains(body, "độ tin cậy trung bình 91%") {
		t.Errorf("the OCR note is not shown")
	}
	if n := strings.Count(body, "(đọc bằng OCR)"); n != 1 {
		t.Errorf("%d sections marked as read by OCR, want 1 (the one starting on page 2)", n)
	}
}
