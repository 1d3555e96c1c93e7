package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"thamluan/corpus/vntext"
)

// TestReadTextEncodings reads the same original paragraph saved in every supported encoding
// (testdata/text, made by make_fixtures.sh) and expects the original text back.
func TestReadTextEncodings(t *testing.T) {
	orig, err := os.ReadFile(filepath.Join("testdata", "text", "original.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := TextBlocks(string(orig), 0)
	if len(want) != 2 {
		t.Fatalf("original.txt has %d paragraphs, want 2", len(want))
	}
	tests := []struct{ file, enc string }{
		{"utf8.txt", ""},
		{"utf8_bom.txt", ""},
		{"utf16le.txt", vntext.UTF16LE},
		{"cp1258.txt", vntext.CP1258},
		{"tcvn3.txt", vntext.TCVN3},
		{"vni.txt", vntext.VNI},
		{"viscii.txt", vntext.VISCII},
		{"viqr.txt", vntext.VIQR},
		{"tcvn3_as_cp1252.txt", vntext.UTF8 + "+" + vntext.TCVN3},
		{"utf8_as_latin1.txt", vntext.UTF8 + "+" + vntext.MisreadUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "text", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := readText(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Encoding != tt.enc {
				t.Errorf("Encoding = %q, want %q", doc.Encoding, tt.enc)
			}
			if len(doc.Blocks) != len(want) {
				t.Fatalf("%d blocks, want %d", len(doc.Blocks), len(want))
			}
			for i := range want {
				if doc.Blocks[i].Text != want[i].Text {
					t.Errorf("block %d = %q, want %q", i, doc.Blocks[i].Text, want[i].Text)
				}
			}
			if doc.Quality < 0.99 || len(doc.Warnings) != 0 {
				t.Errorf("Quality = %.3f, warnings %q; want clean text", doc.Quality, doc.Warnings)
			}
		})
	}
}

func TestReadTextLowQuality(t *testing.T) {
	// Marks lost or swapped by a broken font map (REFERENCE.md section 3): nothing to decode.
	garbled := "Cơng tác xât dựng đảng trong doanh nghiêp cịn nhiều hạn chê, cân tâp trung khăc phuc."
	doc, err := readText("garbled.txt", []byte(garbled))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Quality >= vntext.LowQualityThreshold {
		t.Errorf("Quality = %.2f, want below %.2f", doc.Quality, vntext.LowQualityThreshold)
	}
	if len(doc.Warnings) != 1 || !strings.HasPrefix(doc.Warnings[0], "low text quality (") {
		t.Errorf("warnings = %q, want one low-quality warning", doc.Warnings)
	}
}

func TestReadTextWindows1252(t *testing.T) {
	doc, err := readText("fr.txt", []byte("Caf\xe9 cr\xe8me \xe0 la fran\xe7aise, d\xe9j\xe0 vu."))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Encoding != vntext.Windows1252 || len(doc.Blocks) != 1 || doc.Blocks[0].Text != "Café crème à la française, déjà vu." {
		t.Errorf("got encoding %q, blocks %+v", doc.Encoding, doc.Blocks)
	}
	if len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[0], "windows-1252") {
		t.Errorf("warnings = %q, want the windows-1252 fallback named", doc.Warnings)
	}
}

func TestReadTextBinary(t *testing.T) {
	if _, err := readText("x.txt", []byte("\x00\x01binary\x00")); err == nil {
		t.Error("readText accepted binary data")
	}
}
