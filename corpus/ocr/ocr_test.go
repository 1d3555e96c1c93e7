package ocr

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"thamluan/corpus/corpustest"
)

// TestFixtureF1 reads the fixtures made by testdata/make_fixtures.sh and checks the token F1
// against the text they were printed from: clean 300 dpi scans ≥ 0.98, degraded ones ≥ 0.95.
func TestFixtureF1(t *testing.T) {
	requireOCR(t)
	cases := []struct {
		file, ref string
		min       float64
	}{
		{"scan-clean.pdf", "src/trang1.txt", 0.98},
		{"page-degraded.jpg", "src/trang1.txt", 0.95},
		{"page-harsh.jpg", "src/trang1.txt", 0.95},
		{"two-column.png", "src/cot.txt", 0.98},
		{"scan.tif", "scan.tif.txt", 0.95},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			ref := string(readFile(t, filepath.Join("testdata", c.ref)))
			res := readFixture(t, c.file)
			f1 := corpustest.TokenF1(pageText(res), ref)
			t.Logf("%s: %d pages, token F1 %.3f, confidence %.1f", c.file, len(res), f1, MeanConf(res))
			if f1 < c.min {
				t.Errorf("token F1 %.3f < %.2f", f1, c.min)
			}
		})
	}
}

// TestPreparationBeatsPlain: on the harsh page (3°, heavy noise, JPEG 50), plain `tesseract -l
// vie` loses lines while deskewing first keeps them.
func TestPreparationBeatsPlain(t *testing.T) {
	requireOCR(t)
	out, err := exec.Command("tesseract", "testdata/page-harsh.jpg", "stdout", "-l", "vie").Output()
	if err != nil {
		t.Fatal(err)
	}
	ref := string(readFile(t, "testdata/src/trang1.txt"))
	plain := corpustest.TokenF1(string(out), ref)
	res := readFixture(t, "page-harsh.jpg")
	ours := corpustest.TokenF1(pageText(res), ref)
	t.Logf("harsh page: plain tesseract -l vie F1 %.3f, thamluan (deskew %.2f°) F1 %.3f", plain, res[0].Skew, ours)
	if ours < plain+0.1 {
		t.Errorf("preparation should gain at least 0.1 F1 over plain Tesseract: %.3f vs %.3f", ours, plain)
	}
}

// TestTwoColumnOrder: the left column is read to its end before the right one starts.
func TestTwoColumnOrder(t *testing.T) {
	requireOCR(t)
	res := readFixture(t, "two-column.png")
	text := strings.Join(strings.Fields(pageText(res)), " ")
	order := []string{"KINH TẾ TƯ NHÂN", "Những năm gần đây", "vượt khó", "Tuy nhiên", "chưa thấy hết lợi ích", "Để khắc phục", "thương mại điện tử"}
	at := -1
	for _, s := range order {
		i := strings.Index(text, s)
		if i <= at {
			t.Fatalf("%q out of reading order (at %d, previous at %d):\n%s", s, i, at, text)
		}
		at = i
	}
	cols := map[int]int{}
	for _, l := range res[0].Page.Lines {
		cols[l.Column]++
	}
	if cols[1] < 5 || cols[2] < 5 {
		t.Errorf("columns not found: %v", cols)
	}
}

// TestCache: a second read of the same file comes from the cache without running Tesseract,
// and a change of settings misses it.
func TestCache(t *testing.T) {
	requireOCR(t)
	dir := t.TempDir()
	data := readFile(t, "testdata/page-degraded.jpg")
	first, err := Image(context.Background(), data, "h1", Options{CacheDir: dir})
	if err != nil || first[0].Err != nil || first[0].Cached {
		t.Fatal(err, first)
	}
	start := time.Now()
	again, err := Image(context.Background(), data, "h1", Options{CacheDir: dir, Tesseract: "tesseract"})
	if err != nil || !again[0].Cached {
		t.Fatalf("second read not from the cache: %v %+v", err, again)
	}
	t.Logf("cached read in %v", time.Since(start))
	if pageText(again) != pageText(first) || again[0].Conf != first[0].Conf {
		t.Error("cached page differs from the page read")
	}
	other, err := Image(context.Background(), data, "h1", Options{CacheDir: dir, Langs: "vie+eng"})
	if err != nil || other[0].Cached {
		t.Errorf("other languages should miss the cache: %v %+v", err, other[0].Cached)
	}
}

// TestBadInput: damaged and hostile files give a clear error or warning, never a panic.
func TestBadInput(t *testing.T) {
	requireTools(t)
	ctx := context.Background()
	t.Run("corrupt JPEG in a PDF", func(t *testing.T) {
		requireOCR(t)
		res, err := PDF(ctx, readFile(t, "testdata/corrupt-jpeg.pdf"), "", []int{1}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, warnings := Summary(res)
		t.Logf("warnings: %q", warnings)
		if res[0].Err == nil && res[0].Note == "" {
			t.Error("a damaged JPEG should give a warning or a page error")
		}
	})
	t.Run("30000x30000 image", func(t *testing.T) {
		start := time.Now()
		_, err := Image(ctx, hugePNG(t, 30000, 30000), "", Options{})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "30000×30000") {
			t.Fatalf("got %v, want ErrTooLarge naming the size", err)
		}
		t.Logf("refused in %v: %v", time.Since(start), err)
	})
	t.Run("tesseract killed", func(t *testing.T) {
		fake := filepath.Join(t.TempDir(), "tesseract")
		real, _ := exec.LookPath("tesseract")
		script := "#!/bin/sh\ncase \"$1\" in --version|--list-langs) exec " + real + " \"$@\";; esac\nkill -9 $$\n"
		if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		res, err := Image(ctx, readFile(t, "testdata/page-degraded.jpg"), "", Options{Tesseract: fake})
		if err != nil {
			t.Fatal(err)
		}
		if res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "Tesseract thất bại") {
			t.Errorf("got %v, want a page error saying Tesseract failed", res[0].Err)
		}
	})
	t.Run("tesseract missing", func(t *testing.T) {
		_, err := Image(ctx, readFile(t, "testdata/page-degraded.jpg"), "", Options{Tesseract: "tesseract-not-installed"})
		if !errors.Is(err, ErrToolMissing) || !strings.Contains(err.Error(), "apt-get install") {
			t.Errorf("got %v, want ErrToolMissing naming the package", err)
		}
	})
	t.Run("500 blank pages", func(t *testing.T) {
		requireOCR(t)
		if _, err := exec.LookPath("img2pdf"); err != nil {
			t.Skip("img2pdf is not installed (make test-ocr installs it)")
		}
		dir := t.TempDir()
		png := filepath.Join(dir, "blank.png")
		if out, err := exec.Command("convert", "-size", "850x1100", "xc:white", png).CombinedOutput(); err != nil {
			t.Fatal(err, string(out))
		}
		args := []string{"--output", filepath.Join(dir, "blank.pdf")}
		pages := make([]int, 500)
		for i := range pages {
			args = append(args, png)
			pages[i] = i + 1
		}
		if out, err := exec.Command("img2pdf", args...).CombinedOutput(); err != nil {
			t.Fatal(err, string(out))
		}
		start := time.Now()
		res, err := PDF(ctx, readFile(t, filepath.Join(dir, "blank.pdf")), "", pages, Options{})
		if err != nil {
			t.Fatal(err)
		}
		read, warnings := Summary(res)
		t.Logf("500 blank pages in %v: %q", time.Since(start), warnings)
		if len(read) != 0 || len(warnings) != 1 || !strings.Contains(warnings[0], "500 trang trắng") {
			t.Errorf("want 500 blank pages reported, got pages %v, warnings %q", read, warnings)
		}
	})
}

// TestTIFFSizes reads frame sizes from TIFF directories and refuses damaged files.
func TestTIFFSizes(t *testing.T) {
	sizes, err := tiffSizes(readFile(t, "testdata/scan.tif"))
	if err != nil || len(sizes) != 2 || sizes[0][0] < 1000 {
		t.Errorf("scan.tif: %v %v, want two frames", sizes, err)
	}
	for name, data := range map[string][]byte{"empty": {}, "header only": []byte("II*\x00"), "offset outside": []byte("II*\x00\xff\xff\x00\x00")} {
		if _, err := tiffSizes(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzLayout feeds arbitrary TSV to the parser and the layout: no panic, every word kept.
func FuzzLayout(f *testing.F) {
	f.Add([]byte("level\tpage_num\n5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t96.5\tĐảng\n5\t1\t1\t1\t1\t2\t50\t20\t30\t40\t90\tviên\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		words, err := parseTSV(data)
		if err != nil {
			return
		}
		p := layoutPage(words, 2480, 3508, 300)
		n := 0
		for _, l := range p.Lines {
			n += len(strings.Fields(l.Text))
		}
		if n < len(words) {
			t.Errorf("layout lost words: %d of %d", n, len(words))
		}
	})
}

// FuzzTIFFSizes: arbitrary bytes never panic the TIFF directory walk.
func FuzzTIFFSizes(f *testing.F) {
	f.Add(readFile(f, "testdata/scan.tif")[:512])
	f.Fuzz(func(t *testing.T, data []byte) { _, _ = tiffSizes(data) })
}

var (
	fixtureMu   sync.Mutex
	fixtureRead = map[string][]Result{}
)

// readFixture reads a fixture by OCR once per test run (its first page for a PDF) and fails the
// test on any page error.
func readFixture(t *testing.T, name string) []Result {
	t.Helper()
	fixtureMu.Lock()
	defer fixtureMu.Unlock()
	if res, ok := fixtureRead[name]; ok {
		return res
	}
	data := readFile(t, filepath.Join("testdata", name))
	var res []Result
	var err error
	if strings.HasSuffix(name, ".pdf") {
		res, err = PDF(context.Background(), data, "", []int{1}, Options{})
	} else {
		res, err = Image(context.Background(), data, "", Options{})
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("%s page %d: %v", name, r.Page.Number, r.Err)
		}
	}
	fixtureRead[name] = res
	return res
}

func readFile(tb testing.TB, p string) []byte {
	tb.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// hugePNG writes a valid all-black 1-bit PNG of w×h pixels: small on disk, huge once decoded.
func hugePNG(tb testing.TB, w, h int) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&buf, binary.BigEndian, uint32(len(data)))
		c := crc32.NewIEEE()
		c.Write([]byte(typ))
		c.Write(data)
		buf.WriteString(typ)
		buf.Write(data)
		binary.Write(&buf, binary.BigEndian, c.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 1, 0 // 1-bit grey
	chunk("IHDR", ihdr)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	row := make([]byte, 1+(w+7)/8)
	for y := 0; y < h; y++ {
		zw.Write(row)
	}
	zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return buf.Bytes()
}

// FuzzLoadImage: arbitrary bytes as a PGM, PNG or JPEG page image give an error or an image
// within the size limit, never a panic.
func FuzzLoadImage(f *testing.F) {
	f.Add([]byte("P5\n4 2\n255\n\x00\x10\x20\x30\x40\x50\x60\x70"))
	f.Add([]byte("P5\n30000 30000\n255\n"))
	f.Add(readFile(f, "testdata/two-column.png")[:2048])
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "page")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		g, err := loadImage(p, 1_000_000)
		if err == nil && g.Bounds().Dx()*g.Bounds().Dy() > 1_000_000 {
			t.Errorf("image of %v passed the size limit", g.Bounds())
		}
	})
}
