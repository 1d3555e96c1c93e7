package corpus

import (
	"errors"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

const ocrFixtures = "ocr/testdata/"

// TestReadImageWithoutOCR: images and empty TIFFs fail with a reason, without running Tesseract.
func TestReadImageWithoutOCR(t *testing.T) {
	if _, err := Read(ocrFixtures+"empty.tif", ReadOptions{OCR: OCROptions{Mode: OCRAuto}}); !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), "empty.tif") {
		t.Errorf("0-byte TIFF: got %v, want ErrEmpty naming the file", err)
	}
	_, err := Read(ocrFixtures+"page-degraded.jpg", ReadOptions{})
	if err == nil || !strings.Contains(err.Error(), "OCR") || !strings.Contains(err.Error(), "page-degraded.jpg") {
		t.Errorf("image with OCR off: got %v, want an error naming the file and OCR", err)
	}
	if f := Sniff("x.tif", []byte("II*\x00\x08\x00\x00\x00")); f != FormatImage {
		t.Errorf("TIFF sniffed as %q", f)
	}
}

// TestReadScanned reads the mixed PDF (a text page and a scanned page) and the two-frame TIFF.
func TestReadScanned(t *testing.T) {
	if testing.Short() && os.Getenv("THAMLUAN_OCR") == "" {
		t.Skip("OCR of whole pages: run by make test-ocr (THAMLUAN_OCR=1)")
	}
	for _, p := range []string{"tesseract", "pdftoppm", "pdfimages", "convert"} {
		if _, err := exec.LookPath(p); err != nil {
			t.Skipf("%s is not installed (make test-ocr installs it)", p)
		}
	}
	opt := ReadOptions{OCR: OCROptions{Mode: OCRAuto, CacheDir: t.TempDir()}}
	doc, err := Read(ocrFixtures+"mixed.pdf", opt)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc.OCRPages, []int{2}) {
		t.Errorf("OCRPages = %v, want [2]: only the scanned page", doc.OCRPages)
	}
	var heads []string
	for _, b := range doc.Blocks {
		if b.Kind == BlockHeading {
			heads = append(heads, b.Text)
		}
		// The scan on page 2 is wider than the page and clipped by it (LibreOffice placed it at
		// 96 dpi), so the page shows the title only up to "… TƯ NHÂN T"; what is not drawn is not
		// read. Its body lines, printed larger than the text page's, must stay paragraphs.
		if b.Page == 2 && b.Kind == BlockHeading && !strings.HasPrefix(b.Text, "KINH TẾ TƯ NHÂN T") {
			t.Errorf("unexpected heading on the scanned page: %q", b.Text)
		}
	}
	if len(heads) < 3 || !strings.Contains(strings.Join(doc.Warnings, " "), "OCR") {
		t.Errorf("headings %q, warnings %q", heads, doc.Warnings)
	}
	if _, err := Read(ocrFixtures+"mixed.pdf", ReadOptions{OCR: OCROptions{Mode: OCROff}}); err != nil {
		t.Errorf("OCR off: the text page should still be read: %v", err)
	}

	tif, err := Read(ocrFixtures+"scan.tif", opt)
	if err != nil {
		t.Fatal(err)
	}
	if tif.Format != FormatImage || tif.Pages != 2 || !reflect.DeepEqual(tif.OCRPages, []int{1, 2}) {
		t.Errorf("scan.tif: format %s, %d pages, OCR pages %v", tif.Format, tif.Pages, tif.OCRPages)
	}
	if tif.Blocks[len(tif.Blocks)-1].Page != 2 || tif.Quality < 0.8 {
		t.Errorf("scan.tif: last block on page %d, quality %.2f", tif.Blocks[len(tif.Blocks)-1].Page, tif.Quality)
	}
}

// TestDiscoverImages: real page images are documents, a file merely named .png is not.
func TestDiscoverImages(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{"scan.tif": ocrFixtures + "scan.tif", "trang.jpg": ocrFixtures + "page-degraded.jpg"} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(dir+"/"+name, data, 0o644)
	}
	os.WriteFile(dir+"/fake.png", []byte("\x89PNG"), 0o644)
	got, err := Discover([]string{dir}, DiscoverOptions{})
	if err != nil || len(got) != 2 || !strings.HasSuffix(got[0], "scan.tif") || !strings.HasSuffix(got[1], "trang.jpg") {
		t.Errorf("got %v %v, want scan.tif and trang.jpg", got, err)
	}
}

// TestOCRToolsMissing: with no tesseract on PATH, a mixed PDF keeps its text page with a warning
// naming the packages, and an image fails with that message.
func TestOCRToolsMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	opt := ReadOptions{OCR: OCROptions{Mode: OCRAuto}}
	doc, err := Read(ocrFixtures+"mixed.pdf", opt)
	if err != nil {
		t.Fatalf("mixed.pdf: %v", err)
	}
	if len(doc.OCRPages) != 0 || !strings.Contains(strings.Join(doc.Warnings, " "), "tesseract-ocr-vie") {
		t.Errorf("mixed.pdf: OCR pages %v, warnings %q", doc.OCRPages, doc.Warnings)
	}
	_, err = Read(ocrFixtures+"page-degraded.jpg", opt)
	if err == nil || !strings.Contains(err.Error(), "apt-get install tesseract-ocr") || !strings.Contains(err.Error(), "page-degraded.jpg") {
		t.Errorf("image: got %v, want the file and the package to install", err)
	}
}
