package pdf

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"thamluan/corpus/corpustest"
)

// TestSharedProducers checks the text of the PDFs that real producers made from one Vietnamese
// text against that text (../shared/corpus/made; the references exclude headers and footers).
func TestSharedProducers(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 30 shared PDFs")
	}
	dir := corpustest.Shared(t, "corpus/made")
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	for _, f := range files {
		name := filepath.Base(f)
		if strings.HasPrefix(name, "groff-") || strings.HasPrefix(name, "ps2pdf-") {
			continue // broken text layers: the corpus reader flags them
		}
		t.Run(name, func(t *testing.T) {
			ref, err := os.ReadFile(strings.TrimSuffix(f, ".pdf") + ".pdftotext.txt")
			if err != nil {
				t.Skip(err)
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Extract(data, Options{})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if f1 := corpustest.TokenF1(bodyText(d), string(ref)); f1 < 0.98 {
				t.Errorf("token F1 %.3f against the source text, want >= 0.98", f1)
			}
		})
	}
}

// TestSharedDamaged reads the damaged and encrypted files of ../shared/corpus/made: each gives
// text or a clear error, never a panic or a hang.
func TestSharedDamaged(t *testing.T) {
	dir := corpustest.Shared(t, "corpus/made")
	tests := []struct {
		file    string
		wantErr error // nil: text must come out
	}{
		{"bad/empty.pdf", ErrNotPDF},
		{"bad/notapdf.pdf", ErrNotPDF},
		{"bad/pdf20-header-lo-odt-dejavu-short.pdf", nil},
		{"bad/bad-startxref-lo-docx-tnr-short.pdf", nil},
		{"bad/garbage-middle-lo-odt-dejavu-long.pdf", nil},
		{"bad/truncated-tail2000-chromium-tnr-short.pdf", nil},
		{"bad/truncated-50pct-lo-docx-tnr-long.pdf", errDamaged},
		{"enc/aes128-ownerpwonly-lo-docx-tnr-short.pdf", nil},
		{"enc/rc4-128-ownerpwonly-lo-docx-tnr-short.pdf", nil},
		{"enc/rc4-40-ownerpwonly-lo-docx-tnr-short.pdf", nil}, // the parser keys it wrongly: rc4Fix
		{"enc/aes256-ownerpwonly-lo-docx-tnr-short.pdf", nil}, // AES-256 is not in the parser: decryptAES256
		{"enc/aes256-userpw-lo-docx-tnr-short.pdf", ErrEncrypted},
		{"enc/rc4-128-userpw-lo-docx-tnr-short.pdf", ErrEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Skip(err)
			}
			d, err := Extract(data, Options{Timeout: 20 * time.Second})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Errorf("got error %v, want %v", err, tt.wantErr)
				}
				if tt.wantErr == ErrEncrypted && !strings.Contains(err.Error(), "encrypted") {
					t.Errorf("error %q does not say encrypted", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if !strings.Contains(bodyText(d), "Thanh Hóa") {
				t.Errorf("text not recovered: %.300s", bodyText(d))
			}
		})
	}
}
