package ocr

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"thamluan/corpus/corpustest"
)

// TestMeasurePrep compares image preparations and page segmentation modes by token F1 on the
// degraded and two-column fixtures. It is a measurement, run on request: OCR_MEASURE=1.
func TestMeasurePrep(t *testing.T) {
	if os.Getenv("OCR_MEASURE") == "" {
		t.Skip("measurement: set OCR_MEASURE=1 to run")
	}
	requireTools(t)
	cases := []struct{ file, ref string }{
		{"testdata/page-degraded.jpg", "testdata/src/trang1.txt"},
		{"testdata/page-harsh.jpg", "testdata/src/trang1.txt"},
		{"testdata/two-column.png", "testdata/src/cot.txt"},
	}
	preps := []struct {
		name string
		p    Prep
	}{
		{"none", Prep{}},
		{"deskew", Prep{Deskew: true}},
		{"deskew+upscale", Prep{Deskew: true, Upscale: true}},
		{"deskew+median", Prep{Deskew: true, Denoise: true}},
		{"deskew+otsu", Prep{Deskew: true, Binarize: BinOtsu}},
		{"deskew+median+sauvola", Prep{Deskew: true, Denoise: true, Binarize: BinSauvola}},
	}
	dir := t.TempDir()
	for _, c := range cases {
		data, _ := os.ReadFile(c.file)
		ref, _ := os.ReadFile(c.ref)
		for _, psm := range []int{3, 6} {
			for _, p := range preps {
				if os.Getenv("OCR_MEASURE") == "quick" && (psm != 3 || p.name != "deskew" && p.name != "deskew+upscale") {
					continue
				}
				p := p
				start := time.Now()
				res, err := Image(context.Background(), data, "", Options{PSM: psm, Prep: &p.p, Workers: 1, CacheDir: dir})
				if err != nil || res[0].Err != nil {
					t.Fatal(err, res)
				}
				t.Logf("%s psm %d %-22s F1 %.3f conf %.1f skew %.2f %v", filepath.Base(c.file), psm, p.name,
					corpustest.TokenF1(pageText(res), string(ref)), res[0].Conf, res[0].Skew, time.Since(start).Round(10*time.Millisecond))
			}
		}
	}
}

// pageText joins the lines of the pages read.
func pageText(res []Result) string {
	var b strings.Builder
	for _, r := range res {
		for _, l := range r.Page.Lines {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// requireOCR skips a test that runs Tesseract on whole pages under -short unless THAMLUAN_OCR
// is set, as `make test-ocr` does: the race-checked run of `make test` stays fast.
func requireOCR(t testing.TB) {
	t.Helper()
	if testing.Short() && os.Getenv("THAMLUAN_OCR") == "" {
		t.Skip("OCR of whole pages: run by make test-ocr (THAMLUAN_OCR=1)")
	}
	requireTools(t)
}

// requireTools skips a test when the OCR programs are not installed (make test-ocr installs them).
func requireTools(t testing.TB) {
	t.Helper()
	for _, p := range []string{"tesseract", "pdftoppm", "pdfimages", "convert"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s is not installed (make test-ocr installs it): %v", p, err)
		}
	}
}
