package ocr

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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

// TestMeasureRepair gives the token F1 of each fixture with and without the Vietnamese repair
// (that reading comes from the cache, so both read the same words) and without the second
// reading of numbers either (numbers.go), beside plain
// `tesseract -l vie` (after `pdftoppm -r 300` for a PDF). With OCR_SCANDEV set to a folder made
// by testdata/scan_dev.sh, it also reads those scans and scores them against the shared dev
// texts they were printed from (../shared/corpus/dev). A measurement, run on request:
// OCR_MEASURE=1 [OCR_SCANDEV=/tmp/scandev] go test -run MeasureRepair -v ./corpus/ocr/
func TestMeasureRepair(t *testing.T) {
	if os.Getenv("OCR_MEASURE") == "" {
		t.Skip("measurement: set OCR_MEASURE=1 to run")
	}
	requireTools(t)
	type doc struct{ file, ref string }
	docs := []doc{
		{"testdata/scan-clean.pdf", "testdata/src/trang1.txt"},
		{"testdata/page-degraded.jpg", "testdata/src/trang1.txt"},
		{"testdata/page-harsh.jpg", "testdata/src/trang1.txt"},
		{"testdata/two-column.png", "testdata/src/cot.txt"},
		{"testdata/scan.tif", "testdata/scan.tif.txt"},
	}
	if dir := os.Getenv("OCR_SCANDEV"); dir != "" {
		dev := corpustest.Shared(t, "corpus/dev")
		scans, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		for _, s := range scans {
			docs = append(docs, doc{s, filepath.Join(dev, strings.TrimSuffix(filepath.Base(s), ".pdf")+".txt")})
		}
	}
	cache := os.Getenv("OCR_CACHE")
	if cache == "" {
		cache = t.TempDir()
	}
	tmp := t.TempDir()
	for _, d := range docs {
		data := readFile(t, d.file)
		ref := string(readFile(t, d.ref))
		read := func(noRepair, noNumbers bool) []Result {
			opt := Options{CacheDir: cache, NoRepair: noRepair, NoNumbers: noNumbers}
			var res []Result
			var err error
			if strings.HasSuffix(d.file, ".pdf") {
				res, err = PDF(context.Background(), data, "", pdfPages(t, d.file), opt)
			} else {
				res, err = Image(context.Background(), data, "", opt)
			}
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		all, noRepair, neither := read(false, false), read(true, false), read(true, true)
		t.Logf("%-22s F1 %.3f  without text repair %.3f  without it and the number pass %.3f  plain tesseract -l vie %.3f",
			filepath.Base(d.file), corpustest.TokenF1(pageText(all), ref), corpustest.TokenF1(pageText(noRepair), ref),
			corpustest.TokenF1(pageText(neither), ref), corpustest.TokenF1(plainTesseract(t, d.file, tmp), ref))
	}
}

// pdfPages lists the page numbers of a PDF, by pdfinfo.
func pdfPages(t *testing.T, file string) []int {
	out, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range strings.Split(string(out), "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
			n, _ = strconv.Atoi(f[1])
		}
	}
	pages := make([]int, n)
	for i := range pages {
		pages[i] = i + 1
	}
	return pages
}

// plainTesseract reads a fixture as a user would without thamluan: `pdftoppm -r 300` for a PDF,
// then `tesseract -l vie` on each page image.
func plainTesseract(t *testing.T, file, tmp string) string {
	imgs := []string{file}
	if strings.HasSuffix(file, ".pdf") {
		base := filepath.Join(tmp, strings.TrimSuffix(filepath.Base(file), ".pdf"))
		if out, err := exec.Command("pdftoppm", "-r", "300", "-gray", "-png", file, base).CombinedOutput(); err != nil {
			t.Fatal(err, string(out))
		}
		imgs, _ = filepath.Glob(base + "-*.png")
	}
	var b strings.Builder
	for _, img := range imgs {
		out, err := exec.Command("tesseract", img, "stdout", "-l", "vie").Output()
		if err != nil {
			t.Fatal(err)
		}
		b.Write(out)
	}
	return b.String()
}
