package pdf

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParseXMP(t *testing.T) {
	tests := []struct{ name, xmp, title, created string }{
		{"elements, language alternatives",
			`<x:xmpmeta><rdf:RDF><rdf:Description><dc:title><rdf:Alt><rdf:li xml:lang="vi">Báo cáo</rdf:li><rdf:li xml:lang="x-default">Báo cáo sơ kết &amp; kiến nghị</rdf:li></rdf:Alt></dc:title><xmp:CreateDate>2023-11-15T08:30:00+07:00</xmp:CreateDate></rdf:Description></rdf:RDF></x:xmpmeta>`,
			"Báo cáo sơ kết & kiến nghị", "2023-11-15T08:30:00+07:00"},
		{"attributes", `<rdf:Description xmp:CreateDate="2021-01-04T14:22:27+07:00" dc:title="Luận văn"/>`, "Luận văn", "2021-01-04T14:22:27+07:00"},
		{"empty", `<x:xmpmeta/>`, "", ""},
	}
	for _, tt := range tests {
		if title, created := parseXMP(tt.xmp); title != tt.title || created != tt.created {
			t.Errorf("%s: %q %q, want %q %q", tt.name, title, created, tt.title, tt.created)
		}
	}
}

func TestMetaString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\xFE\xFF\x00T\x00h\x00a\x00m\x00 \x00l\x00u\x1E\xAD\x00n", "Tham luận"},
		{"\xFF\xFET\x00a\x00m\x00", "Tam"},
		{"Tham lu\xe1\xba\xadn", "Tham luận"}, // UTF-8, as some producers write it
		{"Caf\xe9 \x8dx\x8e", "Café “x”"},     // PDFDocEncoding
		{"  a \x00 b ", "a b"},
	}
	for _, tt := range tests {
		if got := metaString(tt.in); got != tt.want {
			t.Errorf("metaString(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestExtractMeta reads the information dictionary and the XMP packet LibreOffice wrote into a
// PDF/A file (corpus/testdata/meta/make_fixtures.sh).
func TestExtractMeta(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "meta", "meta.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Extract(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := Meta{Title: "Tham luận về sinh hoạt chi bộ ở khu dân cư", Created: "D:20261207051233Z'",
		XMPTitle: "Tham luận về sinh hoạt chi bộ ở khu dân cư", XMPCreated: "2026-12-07T05:12:33Z"}
	if d.Meta != want {
		t.Errorf("meta %+v, want %+v", d.Meta, want)
	}
}
