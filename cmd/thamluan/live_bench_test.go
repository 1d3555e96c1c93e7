package main

import (
	"fmt"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// BenchmarkSearchDuringIndex measures /api/search latency on a server idle, then while a
// `thamluan index` run handed to it adds 200 documents, and reports both 99th percentiles and
// their ratio (the target: busy ≤ 5× idle). Run it alone: go test -run '^$' -bench
// SearchDuringIndex -benchtime 1x ./cmd/thamluan/
func BenchmarkSearchDuringIndex(b *testing.B) {
	bin := liveBinary(b)
	dir := b.TempDir()
	writeTestDocs(b, filepath.Join(dir, "seed"), 200)
	if out, err := runIn(dir, bin, "index", "--quiet", "--index", "ix", "seed"); err != nil {
		b.Fatalf("seed: %v\n%s", err, out)
	}
	s := startServe(b, bin, dir, "ix")
	queries := []string{"chi bộ", "chuyen doi so", `"sinh hoạt"`, "đảng viên trẻ", "dồn điền đổi thửa"}
	measure := func(n int, until <-chan struct{}) []time.Duration {
		var lat []time.Duration
		for i := 0; n == 0 || i < n; i++ {
			if until != nil {
				select {
				case <-until:
					return lat
				default:
				}
			}
			start := time.Now()
			resp, err := http.Get(s.base + "/api/search?q=" + url.QueryEscape(queries[i%len(queries)]))
			if err != nil {
				b.Fatal(err)
			}
			resp.Body.Close()
			lat = append(lat, time.Since(start))
			time.Sleep(5 * time.Millisecond)
		}
		return lat
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		idleLat := measure(400, nil)
		idle := p99(idleLat)
		b.ReportMetric(float64(idleLat[len(idleLat)/2].Microseconds())/1000, "idle-p50-ms")
		docs := filepath.Join(dir, fmt.Sprintf("run-%d", i))
		writeTestDocs(b, docs, 200)
		done := make(chan struct{})
		var runErr error
		go func() {
			cmd := exec.Command(bin, "index", "--quiet", "--index", "ix", "--batch", "20", docs)
			cmd.Dir = dir
			_, runErr = cmd.CombinedOutput()
			close(done)
		}()
		busyLat := measure(0, done)
		if runErr != nil {
			b.Fatal(runErr)
		}
		busy := p99(busyLat)
		b.ReportMetric(float64(busyLat[len(busyLat)/2].Microseconds())/1000, "busy-p50-ms")
		b.ReportMetric(float64(idle.Microseconds())/1000, "idle-p99-ms")
		b.ReportMetric(float64(busy.Microseconds())/1000, "busy-p99-ms")
		b.ReportMetric(float64(busy)/float64(idle), "p99-ratio")
		b.ReportMetric(float64(len(busyLat)), "busy-requests")
	}
}

func p99(lat []time.Duration) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return lat[(len(lat)*99)/100]
}
