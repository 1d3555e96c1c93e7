package ocr

import (
	"context"
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestDirectImages: the pages that are one stored image are found and read from the PDF as
// they are stored (no pdfimages, no rendering); the others are left to pdftoppm; a damaged JPEG
// fails to load, so that the page is rendered instead.
func TestDirectImages(t *testing.T) {
	tests := []struct {
		file  string
		pages map[int]pdfImage // the single-image pages expected
		load  bool             // the image loads
	}{
		{"scan-clean.pdf", map[int]pdfImage{1: {page: 1, width: 2481, height: 3508, enc: "image", xppi: 300}}, true},
		{"scan-degraded.pdf", map[int]pdfImage{1: {page: 1, width: 1715, height: 2383, enc: "jpeg", xppi: 200}}, true},
		// page 1 is text; page 2's picture overflows the page, clipped: both are rendered.
		{"mixed.pdf", map[int]pdfImage{}, false},
		{"corrupt-jpeg.pdf", map[int]pdfImage{1: {page: 1, width: 1715, height: 2383, enc: "jpeg", xppi: 200}}, false},
	}
	ctx := context.Background()
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			src := filepath.Join("testdata", tc.file)
			imgs, err := listImagesFile(ctx, src)
			if err != nil {
				t.Fatal(err)
			}
			if len(imgs) != len(tc.pages) {
				t.Fatalf("single-image pages %v, want %v", imgs, tc.pages)
			}
			for p, want := range tc.pages {
				got := imgs[p]
				if len(got) != 1 || got[0].width != want.width || got[0].height != want.height || got[0].enc != want.enc ||
					int(got[0].xppi+0.5) != int(want.xppi) {
					t.Errorf("page %d: %+v, want %+v", p, got, want)
				}
			}
			if len(tc.pages) == 0 {
				return
			}
			files, err := extractImages(ctx, src, t.TempDir(), 1, 1)
			if err != nil || len(files[1]) != 1 {
				t.Fatalf("extractImages: %v %v", files, err)
			}
			g, err := loadImage(files[1][0], DefaultMaxPixels)
			if !tc.load {
				if err == nil {
					t.Fatal("the damaged JPEG loaded")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b := g.Bounds(); b.Dx() != tc.pages[1].width || b.Dy() != tc.pages[1].height {
				t.Errorf("loaded %v", b)
			}
			// The same pixels as pdfimages gives (Flate: exactly; JPEG: one decoder's rounding).
			// pdfimages takes seconds to write a 300 dpi page as PNG: not under -short.
			if testing.Short() && tc.pages[1].enc != "jpeg" {
				return
			}
			if ref := pdfimagesPage(t, src); ref != nil {
				if d := grayDiff(g, ref); d > 0.5 {
					t.Errorf("mean difference %.3f from pdfimages' image", d)
				}
			}
		})
	}
}

// TestDirectImageTooLarge: a 30000×30000 stored image is listed with its size, so that the
// OCR refuses it before decoding, and loading it is refused too.
func TestDirectImageTooLarge(t *testing.T) {
	src := filepath.Join("..", "pdf", "testdata", "img-huge-ccitt.pdf")
	imgs, err := listImagesFile(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if im := imgs[1]; len(im) != 1 || im[0].width != 30000 || im[0].height != 30000 || im[0].enc != "ccitt" {
		t.Fatalf("listed %+v", imgs)
	}
	if err := checkSize(30000, 30000, DefaultMaxPixels); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("checkSize: %v", err)
	}
	files, err := extractImages(context.Background(), src, t.TempDir(), 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loadImage(files[1][0], DefaultMaxPixels); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "30000×30000") {
		t.Fatalf("loadImage: %v, want ErrTooLarge naming 30000×30000", err)
	}
}

// pdfimagesPage returns page 1's image as pdfimages extracts it, in grey; nil without pdfimages.
func pdfimagesPage(t *testing.T, src string) *image.Gray {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		return nil
	}
	dir := t.TempDir()
	if out, err := exec.Command("pdfimages", "-j", "-png", "-f", "1", "-l", "1", src, filepath.Join(dir, "img")).CombinedOutput(); err != nil {
		t.Fatalf("pdfimages: %v %s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "img-*"))
	if len(files) != 1 {
		t.Fatalf("pdfimages wrote %v", files)
	}
	g, err := loadImage(files[0], DefaultMaxPixels)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func grayDiff(a, b *image.Gray) float64 {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 255
	}
	w, h, s := a.Bounds().Dx(), a.Bounds().Dy(), 0
	for y := 0; y < h; y++ {
		ra, rb := a.Pix[y*a.Stride:y*a.Stride+w], b.Pix[y*b.Stride:y*b.Stride+w]
		for i := range ra {
			d := int(ra[i]) - int(rb[i])
			if d < 0 {
				d = -d
			}
			s += d
		}
	}
	return float64(s) / float64(w*h)
}

// BenchmarkRender times one page image made ready for preparation (decoded to grey), three
// ways: read from the PDF here (listImages, extractImages, loadImage), extracted by pdfimages
// (-list, then -j -png and loaded), and rendered by pdftoppm -r 300 -gray. Set
// THAMLUAN_RENDER_PDFS to a colon-separated list of PDFs to time them instead of the fixtures.
// Run: go test -run '^$' -bench Render -benchtime 3x ./corpus/ocr/
func BenchmarkRender(b *testing.B) {
	for _, p := range []string{"pdfimages", "pdftoppm"} {
		if _, err := exec.LookPath(p); err != nil {
			b.Skipf("%s is not installed", p)
		}
	}
	files := []string{"testdata/scan-clean.pdf", "testdata/scan-degraded.pdf", "testdata/mixed.pdf"}
	if env := os.Getenv("THAMLUAN_RENDER_PDFS"); env != "" {
		files = strings.Split(env, ":")
	}
	ctx := context.Background()
	for _, src := range files {
		imgs, err := listImagesFile(ctx, src)
		if err != nil {
			b.Fatal(err)
		}
		page := 1
		for p := range imgs {
			page = p
			break
		}
		name := fmt.Sprintf("%s-p%d", filepath.Base(src), page)
		load := func(b *testing.B, f string) {
			if _, err := loadImage(f, DefaultMaxPixels); err != nil && !strings.Contains(src, "corrupt") {
				b.Fatal(err)
			}
		}
		if len(imgs[page]) == 1 {
			b.Run(name+"/direct", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if _, err := listImagesFile(ctx, src); err != nil {
						b.Fatal(err)
					}
					fs, err := extractImages(ctx, src, b.TempDir(), page, page)
					if err != nil {
						b.Fatal(err)
					}
					load(b, fs[page][0])
				}
			})
			b.Run(name+"/pdfimages", func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					dir := b.TempDir()
					if err := exec.Command("pdfimages", "-list", src).Run(); err != nil {
						b.Fatal(err)
					}
					pg := strconv.Itoa(page)
					if out, err := exec.Command("pdfimages", "-j", "-png", "-f", pg, "-l", pg, src, filepath.Join(dir, "img")).CombinedOutput(); err != nil {
						b.Fatal(err, string(out))
					}
					fs, _ := filepath.Glob(filepath.Join(dir, "img-*"))
					load(b, fs[0])
				}
			})
		}
		b.Run(name+"/pdftoppm-r300", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				f, err := renderPage(ctx, src, b.TempDir(), page, 300)
				if err != nil {
					b.Fatal(err)
				}
				load(b, f)
			}
		})
	}
}

// TestPDFHugeImage: a PDF page that is a 30000×30000 image is refused from its dictionary,
// before any pixel is decoded or rendered, with the reason; the document's other work goes on.
func TestPDFHugeImage(t *testing.T) {
	requireTools(t)
	data := readFile(t, filepath.Join("..", "pdf", "testdata", "img-huge-ccitt.pdf"))
	start := time.Now()
	res, err := PDF(context.Background(), data, "", []int{1}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := res[0].Err; !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "30000×30000") {
		t.Fatalf("page error %v, want ErrTooLarge naming 30000×30000", err)
	}
	t.Logf("refused in %v: %v", time.Since(start), res[0].Err)
}

// TestDirectImageRotated: a scan on a page with /Rotate 90 is read from the PDF and turned as
// the page shows it, for Tesseract.
func TestDirectImageRotated(t *testing.T) {
	src := filepath.Join("..", "pdf", "testdata", "img-rotated.pdf")
	imgs, err := listImagesFile(context.Background(), src)
	if err != nil || len(imgs[1]) != 1 {
		t.Fatalf("listed %v, %v", imgs, err)
	}
	files, err := extractImages(context.Background(), src, t.TempDir(), 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	g, err := loadImage(files[1][0], DefaultMaxPixels)
	if err != nil {
		t.Fatal(err)
	}
	if b := g.Bounds(); b.Dx() != 420 || b.Dy() != 827 {
		t.Fatalf("loaded %v, want the 827×420 scan standing as 420×827", b)
	}
}

// listImagesFile is listImages on a PDF read from src.
func listImagesFile(ctx context.Context, src string) (map[int][]pdfImage, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return nil, err
	}
	return listImages(ctx, src, data)
}
