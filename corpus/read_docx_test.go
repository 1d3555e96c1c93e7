package corpus

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestReadDOCXBlocks(t *testing.T) {
	doc, err := Read(filepath.Join("docx", "testdata", "paper.docx"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatDOCX || doc.Title != "NÂNG CAO CHẤT LƯỢNG SINH HOẠT CHI BỘ Ở CƠ SỞ TRONG GIAI ĐOẠN HIỆN NAY" {
		t.Errorf("format %q title %q", doc.Format, doc.Title)
	}
	tests := []struct {
		prefix string
		kind   BlockKind
		level  int
	}{
		{"NÂNG CAO CHẤT LƯỢNG", BlockTitle, 0},
		{"I. ĐẶT VẤN ĐỀ", BlockHeading, 1},
		{"1. Những kết quả đạt được", BlockHeading, 2},
		{"a) Gửi dự thảo", BlockListItem, 2},
		{"2021 | 42 | 88,1", BlockTable, 0},
		{"Số liệu trong bài", BlockNote, 0},
		{"Ghi nhớ:", BlockParagraph, 0},
	}
	for _, tt := range tests {
		found := 0
		for _, b := range doc.Blocks {
			if strings.HasPrefix(b.Text, tt.prefix) {
				found++
				if b.Kind != tt.kind || b.Level != tt.level {
					t.Errorf("%q: %s/%d, want %s/%d", tt.prefix, b.Kind, b.Level, tt.kind, tt.level)
				}
			}
		}
		if found != 1 {
			t.Errorf("%q found %d times, want once", tt.prefix, found)
		}
	}
	for _, b := range doc.Blocks {
		if !norm.NFC.IsNormalString(b.Text) || strings.ContainsRune(b.Text, '\u00ad') {
			t.Errorf("block not clean NFC: %q", b.Text)
		}
	}
	if doc.Quality < 0.9 {
		t.Errorf("quality %.2f", doc.Quality)
	}
}

func TestDOCXTitle(t *testing.T) {
	tests := []struct {
		blocks []Block
		core   string
		want   string
	}{
		{[]Block{{Text: "Mở đầu"}, {Text: "TIÊU ĐỀ", Kind: BlockTitle}}, "Khác", "TIÊU ĐỀ"},
		{[]Block{{Text: "Phần I"}}, "Tham luận về công tác dân vận", "Tham luận về công tác dân vận"},
		{nil, "Microsoft Word - bao cao.doc", "x"},
		{nil, "bao-cao.docx", "x"},
		{nil, "", "x"},
	}
	for _, tt := range tests {
		if got := chooseTitle(tt.blocks, tt.core, "x.docx"); got != tt.want {
			t.Errorf("chooseTitle(%v, %q) = %q, want %q", tt.blocks, tt.core, got, tt.want)
		}
	}
	doc, err := Read(filepath.Join("docx", "testdata", "localized.docx"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Tham luận về công tác dân vận" {
		t.Errorf("localized.docx title %q, want its core title", doc.Title)
	}
}

func TestReadDOCXLegacy(t *testing.T) {
	doc, err := Read(filepath.Join("docx", "testdata", "tcvn3.docx"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != "tcvn3" || len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "legacy fonts") {
		t.Errorf("encoding %q warnings %q", doc.Encoding, doc.Warnings)
	}
}

func TestReadDOCXErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		msg  string
	}{
		{"broken zip", "PK\x03\x04word/ [Content_Types].xml broken", "read x.docx: docx: not a zip archive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBytes("x.docx", []byte(tt.data), ReadOptions{})
			if err == nil || !strings.HasPrefix(err.Error(), tt.msg) {
				t.Errorf("error %v, want prefix %q", err, tt.msg)
			}
		})
	}
}
