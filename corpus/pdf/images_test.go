package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The fixtures are made by testdata/make_image_fixtures.sh: one 827×420 strip of lo-txt.pdf at
// 100 dpi, stored by img2pdf, tiff2pdf and Chromium in the forms a scan takes.

func openFixture(t testing.TB, name string) *ImageDoc {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := OpenImages(data)
	if err != nil {
		t.Fatalf("%s: OpenImages: %v", name, err)
	}
	return d
}

// greyOf returns the page image in grey, decoding a stored JPEG.
func greyOf(t *testing.T, pi *PageImage) *image.Gray {
	t.Helper()
	img := pi.Image
	if pi.JPEG != nil {
		var err error
		if img, err = jpeg.Decode(bytes.NewReader(pi.JPEG)); err != nil {
			t.Fatalf("the stored JPEG does not decode: %v", err)
		}
	}
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g.Set(x, y, img.At(x, y))
		}
	}
	return g
}

// meanDiff is the mean absolute difference of two grey images of one size.
func meanDiff(a, b *image.Gray) float64 {
	if a.Bounds() != b.Bounds() {
		return math.Inf(1)
	}
	s, w, h := 0, a.Bounds().Dx(), a.Bounds().Dy()
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

func mean(g *image.Gray) float64 {
	s := 0
	for _, v := range g.Pix {
		s += int(v)
	}
	return float64(s) / float64(len(g.Pix))
}

// TestPageImages reads the image of every single-image fixture and compares it with the lossless
// grey and bi-level versions: the same pixels (lossless forms) or close (JPEG, palette, colour).
func TestPageImages(t *testing.T) {
	ref := func(name string) *image.Gray {
		pi, err := openFixture(t, name).Image(1, ImageOptions{Gray: true})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return greyOf(t, pi)
	}
	grey, mono := ref("img-flate-grey.pdf"), ref("img-flate-1bit.pdf")
	if m := mean(grey); m < 200 {
		t.Fatalf("the grey strip has mean %.0f: a page of black text on white is light", m)
	}
	if m := mean(mono); m < 200 {
		t.Fatalf("the bi-level strip has mean %.0f: black and white are swapped", m)
	}
	tests := []struct {
		file, filter string
		page         int
		want         *image.Gray
		maxDiff      float64 // mean absolute grey difference allowed
		jpeg         bool
	}{
		{"img-zip-tiff2pdf.pdf", "FlateDecode", 1, grey, 0, false}, // TIFF predictor
		{"img-dct-grey.pdf", "DCTDecode", 1, grey, 6, true},
		{"img-ccitt-img2pdf.pdf", "CCITTFaxDecode", 1, mono, 0, false},
		{"img-ccitt-tiff2pdf.pdf", "CCITTFaxDecode", 1, mono, 0, false},
		{"united.pdf", "CCITTFaxDecode", 2, mono, 0, false},
		{"img-flate-palette.pdf", "FlateDecode", 1, grey, 25, false}, // 4 greys, 4 bits
		{"img-flate-rgb.pdf", "FlateDecode", 1, nil, 0, false},
		{"img-dct-rgb.pdf", "DCTDecode", 1, nil, 0, true},
		{"img-flate-palette-rgb.pdf", "FlateDecode", 1, nil, 0, false},
	}
	colour := ref("img-flate-rgb.pdf")
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d := openFixture(t, tc.file)
			info, err := d.Info(tc.page)
			if err != nil {
				t.Fatalf("Info: %v", err)
			}
			if info.Filter != tc.filter || info.Width != 827 || info.Height != 420 {
				t.Errorf("info %s %d×%d, want %s 827×420", info.Filter, info.Width, info.Height, tc.filter)
			}
			if math.Abs(info.XDPI-100) > 0.5 || math.Abs(info.YDPI-100) > 0.5 {
				t.Errorf("resolution %.2f×%.2f dpi, want 100", info.XDPI, info.YDPI)
			}
			pi, err := d.Decode(info, ImageOptions{Gray: true})
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if (pi.JPEG != nil) != tc.jpeg {
				t.Errorf("JPEG data returned: %t, want %t", pi.JPEG != nil, tc.jpeg)
			}
			want, maxDiff := tc.want, tc.maxDiff
			if want == nil { // colour fixtures: against the lossless colour one, in grey
				want, maxDiff = colour, 25
			}
			if diff := meanDiff(greyOf(t, pi), want); diff > maxDiff {
				t.Errorf("mean grey difference %.2f from the reference, want <= %.2f", diff, maxDiff)
			}
		})
	}
}

// TestPageImageColour keeps colour when grey is not asked for.
func TestPageImageColour(t *testing.T) {
	for _, name := range []string{"img-flate-rgb.pdf", "img-flate-palette-rgb.pdf"} {
		pi, err := openFixture(t, name).Image(1, ImageOptions{})
		if err != nil {
			t.Fatal(err)
		}
		rgba, ok := pi.Image.(*image.RGBA)
		if !ok {
			t.Fatalf("%s: %T, want *image.RGBA", name, pi.Image)
		}
		tinted := 0
		for i := 0; i < len(rgba.Pix); i += 4 {
			if rgba.Pix[i] > rgba.Pix[i+2]+20 {
				tinted++
			}
		}
		if tinted == 0 {
			t.Errorf("%s: no red-tinted pixel; the colour was lost", name)
		}
	}
}

// TestPageImagesRefused: pages that are not one stored image, or whose image is refused, give
// the reason; none panics.
func TestPageImagesRefused(t *testing.T) {
	tests := []struct {
		file    string
		page    int
		infoErr error  // from Info
		decErr  error  // from Decode, when Info succeeds
		reason  string // in the error
	}{
		{"img-jpx.pdf", 1, ErrNotSingleImage, nil, "JPXDecode"},
		{"img-text-and-image.pdf", 1, ErrNotSingleImage, nil, "text"},
		{"lo-txt.pdf", 1, ErrNotSingleImage, nil, "text"},
		{"united.pdf", 1, ErrNotSingleImage, nil, "text"},
		{"img-huge-ccitt.pdf", 1, nil, ErrImageTooLarge, "30000×30000"},
		{"img-damaged-flate.pdf", 1, nil, nil, "page 1: corrupt"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d := openFixture(t, tc.file)
			info, err := d.Info(tc.page)
			if tc.infoErr != nil {
				if !errors.Is(err, tc.infoErr) || !strings.Contains(err.Error(), tc.reason) {
					t.Fatalf("Info error %v, want %v with %q", err, tc.infoErr, tc.reason)
				}
				return
			}
			if err != nil {
				if tc.decErr == nil && strings.Contains(err.Error(), tc.reason) {
					return // a damaged file may already fail here, with its page named
				}
				t.Fatalf("Info: %v", err)
			}
			pi, err := d.Decode(info, ImageOptions{})
			if err == nil || !strings.Contains(err.Error(), tc.reason) || tc.decErr != nil && !errors.Is(err, tc.decErr) {
				t.Fatalf("Decode: %v (image %v), want an error with %q", err, pi != nil, tc.reason)
			}
		})
	}
}

// TestCorruptJPEG: a JPEG cut halfway comes back as stored (its header is sound); decoding it
// fails, and the caller renders the page instead.
func TestCorruptJPEG(t *testing.T) {
	pi, err := openFixture(t, "img-corrupt-jpeg.pdf").Image(1, ImageOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := jpeg.Decode(bytes.NewReader(pi.JPEG)); err == nil {
		t.Fatal("the cut JPEG decoded")
	}
}

// TestPdfuniteFile: poppler's pdfunite writes a trailer /Size smaller than the cross-reference
// table; the page tree is found and both pages are read.
func TestPdfuniteFile(t *testing.T) {
	data, err := os.ReadFile("testdata/united.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fixTrailerSize(data); !ok {
		t.Error("fixTrailerSize finds nothing to fix: the fixture no longer shows the pdfunite trailer")
	}
	d, err := Extract(data, Options{})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if len(d.Pages) != 2 {
		t.Fatalf("%d pages, want 2", len(d.Pages))
	}
	if text := bodyText(d); !strings.Contains(text, "sinh hoạt") {
		t.Errorf("page 1's text is missing: %.200q", text)
	}
	if len(d.Pages[1].Lines) != 0 {
		t.Errorf("the scanned page 2 has text: %v", d.Pages[1].Lines)
	}
	plain, err := os.ReadFile("testdata/lo-txt.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fixTrailerSize(plain); ok {
		t.Error("fixTrailerSize changes a file whose trailer is right")
	}
}

// handPDF assembles a PDF from the bodies of objects 1..n with a correct cross-reference table.
func handPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	start := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, start)
	return b.Bytes()
}

// TestCyclicPageTree: a /Pages node that is its own kid ends the page lookup (the parser's own
// lookup loops for ever) with an error for the page.
func TestCyclicPageTree(t *testing.T) {
	data := handPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>")
	done := make(chan error, 1)
	go func() {
		d, err := OpenImages(data)
		if err == nil {
			_, err = d.Info(1)
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "page 1") {
			t.Fatalf("Info: %v, want an error for page 1", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the page lookup loops on a cyclic page tree")
	}
	if _, err := Extract(data, Options{Timeout: 3 * time.Second}); err == nil || errors.Is(err, ErrTimeout) {
		t.Fatalf("Extract: %v, want an error that is not a timeout", err)
	}
}

// TestRotatedPages: a scan on a page with /Rotate is read as stored and turned as the page
// shows it: the same pixels as pdftoppm renders at the scan's resolution.
func TestRotatedPages(t *testing.T) {
	tests := []struct {
		file    string
		rotate  int
		maxDiff float64
	}{
		{"img-rotated.pdf", 90, 1},         // JPEG: two decoders' rounding
		{"img-ccitt-rot270.pdf", 270, 0.5}, // bi-level
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d := openFixture(t, tc.file)
			info, err := d.Info(1)
			if err != nil {
				t.Fatal(err)
			}
			if info.Rotate != tc.rotate || math.Abs(info.XDPI-100) > 0.5 || math.Abs(info.YDPI-100) > 0.5 {
				t.Fatalf("rotate %d at %.1f×%.1f dpi, want %d at 100", info.Rotate, info.XDPI, info.YDPI, tc.rotate)
			}
			pi, err := d.Decode(info, ImageOptions{Gray: true})
			if err != nil {
				t.Fatal(err)
			}
			g := Upright(greyOf(t, pi), info.Rotate)
			if b := g.Bounds(); b.Dx() != 420 || b.Dy() != 827 {
				t.Fatalf("upright image %v, want 420×827", b)
			}
			ref := pdftoppmGrey(t, tc.file)
			if ref == nil {
				return
			}
			diff := meanDiff(g, ref)
			t.Logf("mean difference %.3f from pdftoppm's rendering", diff)
			if diff > tc.maxDiff {
				t.Errorf("mean difference %.2f from pdftoppm's rendering, want <= %.1f", diff, tc.maxDiff)
			}
			if diff := meanDiff(Upright(g, 180), ref); diff <= tc.maxDiff {
				t.Errorf("the image turned the other way matches too (%.2f): the check cannot fail", diff)
			}
		})
	}
}

// pdftoppmGrey renders page 1 at 100 dpi in grey; nil when pdftoppm is not installed.
func pdftoppmGrey(t *testing.T, name string) *image.Gray {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Log("pdftoppm is not installed: no comparison with its rendering")
		return nil
	}
	out := filepath.Join(t.TempDir(), "page")
	if b, err := exec.Command("pdftoppm", "-r", "100", "-gray", "-singlefile", filepath.Join("testdata", name), out).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, b)
	}
	data, err := os.ReadFile(out + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	// pdftoppm writes "P5\nW H\n255\n" and the pixels.
	var w, h, maxv int
	head := bytes.SplitN(data, []byte("\n"), 4)
	if len(head) < 4 || string(head[0]) != "P5" {
		t.Fatal("pdftoppm wrote no PGM")
	}
	fmt.Sscanf(string(head[1])+" "+string(head[2]), "%d %d %d", &w, &h, &maxv)
	n := len(data) - len(head[3])
	if maxv != 255 || len(data) < n+w*h {
		t.Fatalf("pdftoppm wrote no 8-bit PGM of %d×%d", w, h)
	}
	return &image.Gray{Pix: data[n : n+w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}
}

// TestOrientation: the matrices an image is drawn with, upright, turned and mirrored.
func TestOrientation(t *testing.T) {
	tests := []struct {
		m    matrix
		deg  int
		okay bool
	}{
		{matrix{595, 0, 0, 842, 0, 0}, 0, true},
		{matrix{-595, 0, 0, -842, 595, 842}, 180, true},
		{matrix{0, -595, 842, 0, 0, 595}, 90, true},
		{matrix{0, 595, -842, 0, 842, 0}, 270, true},
		{matrix{-595, 0, 0, 842, 595, 0}, 0, false}, // mirrored
		{matrix{595, 30, -30, 842, 0, 0}, 0, false}, // skewed
	}
	for _, tc := range tests {
		deg, ok := orientation(tc.m)
		if deg != tc.deg || ok != tc.okay {
			t.Errorf("%v: %d %t, want %d %t", tc.m, deg, ok, tc.deg, tc.okay)
		}
	}
}
