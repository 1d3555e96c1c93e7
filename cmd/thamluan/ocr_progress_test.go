package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestOCRProgress: a bar per document, counting its pages, cleared when the document is done.
func TestOCRProgress(t *testing.T) {
	var buf bytes.Buffer
	p := ocrProgress(&buf)
	p("kho/a.pdf", 1, 2)
	p("kho/a.pdf", 2, 2)
	p("kho/b.tif", 1, 3)
	out := buf.String()
	for _, want := range []string{"OCR a.pdf", "(1/2)", "OCR b.tif", "(1/3)"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress output lacks %q:\n%q", want, out)
		}
	}
}
