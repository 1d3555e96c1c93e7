package ocr

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// BenchmarkOCR compares, on the same four scanned pages (an image-only PDF made by img2pdf from
// two fixtures), plain `pdftoppm -r 300` + `tesseract -l vie` page after page with this package
// reading the PDF (pages in parallel, one Tesseract thread each), and with an unchanged re-run
// served by the cache. Run: go test -run '^$' -bench OCR -benchtime 1x ./corpus/ocr/
func BenchmarkOCR(b *testing.B) {
	requireTools(b)
	if _, err := exec.LookPath("img2pdf"); err != nil {
		b.Skip("img2pdf is not installed")
	}
	dir := b.TempDir()
	src := filepath.Join(dir, "scan.pdf")
	// JPEG scans that state their resolution, so that the PDF pages have their true size and
	// pdftoppm -r 300 renders them at 300 dpi as a user would.
	pages := []string{"page-degraded.jpg", "page-harsh.jpg", "page-degraded.jpg", "page-harsh.jpg"}
	args := []string{"--output", src}
	for _, p := range pages {
		args = append(args, filepath.Join("testdata", p))
	}
	if out, err := exec.Command("img2pdf", args...).CombinedOutput(); err != nil {
		b.Fatal(err, string(out))
	}
	data := readFile(b, src)
	nums := []int{1, 2, 3, 4}
	plain := func(b *testing.B, env []string) {
		for i := 0; i < b.N; i++ {
			for _, p := range nums {
				img := filepath.Join(dir, fmt.Sprintf("plain-%d", p))
				if out, err := exec.Command("pdftoppm", "-r", "300", "-gray", "-f", fmt.Sprint(p), "-l", fmt.Sprint(p), "-singlefile", "-png", src, img).CombinedOutput(); err != nil {
					b.Fatal(err, string(out))
				}
				cmd := exec.Command("tesseract", img+".png", img, "-l", "vie")
				cmd.Env = append(os.Environ(), env...)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatal(err, string(out))
				}
			}
		}
	}
	// Tesseract's default OpenMP threads suffer badly on a loaded machine; one thread is the
	// fairer baseline there.
	b.Run("plain-pdftoppm-tesseract", func(b *testing.B) { plain(b, nil) })
	b.Run("plain-one-thread", func(b *testing.B) { plain(b, []string{"OMP_THREAD_LIMIT=1"}) })
	b.Run("thamluan", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			res, err := PDF(context.Background(), data, "", nums, Options{})
			if err != nil || res[0].Err != nil {
				b.Fatal(err, res)
			}
		}
	})
	cache := filepath.Join(dir, "cache")
	if _, err := PDF(context.Background(), data, "", nums, Options{CacheDir: cache}); err != nil {
		b.Fatal(err)
	}
	b.Run("thamluan-cached-rerun", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			res, err := PDF(context.Background(), data, "", nums, Options{CacheDir: cache})
			if err != nil || !res[3].Cached {
				b.Fatal(err, res)
			}
		}
	})
	_ = os.RemoveAll(cache)
}
