package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzPageImages feeds arbitrary bytes to the page-image reader: it must return an image or an
// error, never panic, hang or allocate past its pixel limit. Seeds are the image fixtures (made
// by testdata/make_image_fixtures.sh). A runtime error recovered at the boundary is a bug in the
// decoder and fails the run. Run: go test -run '^$' -fuzz FuzzPageImages -fuzztime 2m
// -fuzzminimizetime 10s ./corpus/pdf/
func FuzzPageImages(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "img-*.pdf"))
	files = append(files, filepath.Join("testdata", "united.pdf"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		watchdog := time.AfterFunc(10*time.Second, func() { panic("page-image reader hung for 10 s") })
		defer watchdog.Stop()
		d, err := OpenImages(data)
		if err != nil {
			return
		}
		for p := 1; p <= min(d.NumPages(), 3); p++ {
			info, err := d.Info(p)
			if err != nil {
				continue
			}
			pi, err := d.Decode(info, ImageOptions{MaxPixels: 4_000_000, Gray: p%2 == 1})
			if err != nil {
				if strings.Contains(err.Error(), "runtime error") {
					t.Fatalf("page %d: %v", p, err)
				}
				continue
			}
			if pi.JPEG == nil && pi.Image == nil {
				t.Fatalf("page %d: no image and no error", p)
			}
			if pi.Image != nil {
				if b := pi.Image.Bounds(); b.Dx() != info.Width || b.Dy() != info.Height {
					t.Fatalf("page %d: %v for an image of %d×%d", p, b, info.Width, info.Height)
				}
			}
		}
	})
}
