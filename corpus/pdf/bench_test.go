package pdf

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"thamluan/corpus/corpustest"
)

// BenchmarkExtract extracts the real PDFs of ../shared/corpus/pdf and, in the same run, times
// poppler's pdftotext on them when it is installed. It reports our pages/s, poppler's pages/s and
// the median over files of our time divided by poppler's (target: at most 1.5).
func BenchmarkExtract(b *testing.B) {
	dir := corpustest.Shared(b, "corpus/pdf")
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) == 0 {
		b.Skip("no PDFs in " + dir)
	}
	datas := make([][]byte, len(files))
	for i, f := range files {
		var err error
		if datas[i], err = os.ReadFile(f); err != nil {
			b.Fatal(err)
		}
	}
	ours := make([]time.Duration, len(files))
	pages := make([]int, len(files))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, data := range datas {
			t0 := time.Now()
			d, err := Extract(data, Options{})
			ours[j] += time.Since(t0)
			if err != nil {
				b.Fatalf("%s: %v", files[j], err)
			}
			pages[j] = len(d.Pages)
		}
	}
	b.StopTimer()
	total, sum := 0, time.Duration(0)
	for j := range files {
		total += pages[j] * b.N
		sum += ours[j]
	}
	b.ReportMetric(float64(total)/sum.Seconds(), "pages/s")
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		b.Log("pdftotext not installed: no comparison with poppler")
		return
	}
	var ratios []float64
	popSum := time.Duration(0)
	for j, f := range files {
		t0 := time.Now()
		for i := 0; i < b.N; i++ {
			if err := exec.Command(tool, "-q", "-enc", "UTF-8", f, os.DevNull).Run(); err != nil {
				b.Fatalf("pdftotext %s: %v", f, err)
			}
		}
		pop := time.Since(t0)
		popSum += pop
		ratios = append(ratios, ours[j].Seconds()/pop.Seconds())
	}
	sort.Float64s(ratios)
	b.ReportMetric(float64(total)/popSum.Seconds(), "poppler-pages/s")
	b.ReportMetric(ratios[len(ratios)/2], "x-poppler-median")
}
