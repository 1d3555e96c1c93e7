package corpus

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestReadHTMLBlocks(t *testing.T) {
	tests := []struct {
		file, encoding string
	}{
		{"news.html", ""},
		{"news-cp1258.html", "windows-1258"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := Read(filepath.Join("htmldoc", "testdata", tt.file), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != FormatHTML || doc.Encoding != tt.encoding {
				t.Errorf("format %q encoding %q", doc.Format, doc.Encoding)
			}
			if doc.Title != "Hội thảo về nâng cao năng lực lãnh đạo của tổ chức cơ sở đảng" {
				t.Errorf("title %q", doc.Title)
			}
			kinds := map[BlockKind]int{}
			for _, b := range doc.Blocks {
				kinds[b.Kind]++
				if !norm.NFC.IsNormalString(b.Text) {
					t.Errorf("not NFC: %q", b.Text)
				}
			}
			want := map[BlockKind]int{BlockTitle: 1, BlockCaption: 2, BlockHeading: 2, BlockListItem: 3, BlockTable: 3, BlockParagraph: 8}
			for k, n := range want {
				if kinds[k] != n {
					t.Errorf("%d %s blocks, want %d", kinds[k], k, n)
				}
			}
			if doc.Quality < 0.9 {
				t.Errorf("quality %.2f", doc.Quality)
			}
		})
	}
}

func TestReadHTMLLegacy(t *testing.T) {
	doc, err := Read(filepath.Join("htmldoc", "testdata", "tcvn3.html"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != "tcvn3" || len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "legacy fonts") {
		t.Errorf("encoding %q warnings %q", doc.Encoding, doc.Warnings)
	}
}

func TestReadHTMLError(t *testing.T) {
	_, err := ReadBytes("empty.html", []byte("<html><body><script>x()</script></body></html>"), ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "read empty.html: html: the page has no text") {
		t.Errorf("error %v", err)
	}
}
