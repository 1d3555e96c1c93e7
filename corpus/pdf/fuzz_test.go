package pdf

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// FuzzExtract feeds arbitrary bytes to Extract: it must return text or an error, never panic or
// hang. Seeds are in testdata/fuzz/FuzzExtract (small real PDFs and hand-made edge cases) plus
// the fixtures. Run with a short -fuzzminimizetime (make fuzz): minimizing a 40 KB PDF for the
// default 60 s stalls the run.
func FuzzExtract(f *testing.F) {
	for _, name := range []string{"lo-txt.pdf", "chromium-twocol.pdf", "united.pdf"} {
		if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Extract(data, Options{Timeout: 5 * time.Second})
		if err == nil && d == nil {
			t.Fatal("nil document without an error")
		}
	})
}
