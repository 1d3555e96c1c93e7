package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteArticles writes articles from a small gzip JSON Lines file made here.
func TestWriteArticles(t *testing.T) {
	dir := t.TempDir()
	news := filepath.Join(dir, "news.jsonl.gz")
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for _, l := range []string{
		`{"id":"1","title":"Hội thảo khoa học","lead":"Chi bộ họp.","body":"Đảng viên đề xuất giải pháp."}`,
		`{"id":"2","title":"Chuyển đổi số","lead":"Sổ tay đảng viên điện tử.","body":"Cần tập huấn."}`,
		`{"id":"3","title":"Doanh nghiệp","lead":"","body":"Kinh tế tư nhân."}`,
	} {
		zw.Write([]byte(l + "\n"))
	}
	zw.Close()
	os.WriteFile(news, buf.Bytes(), 0o644)
	tests := []struct {
		n, want int
	}{{2, 2}, {-1, 3}, {10, 3}}
	for _, tt := range tests {
		out := filepath.Join(dir, "out", strings.ReplaceAll(t.Name(), "/", "_"), string(rune('a'+tt.want+tt.n+1)))
		n, size, err := writeArticles(news, out, tt.n)
		if err != nil {
			t.Fatal(err)
		}
		if n != tt.want || size == 0 {
			t.Errorf("writeArticles(n=%d) = %d articles, %d bytes; want %d", tt.n, n, size, tt.want)
		}
		data, err := os.ReadFile(filepath.Join(out, "000", "tin-00000.txt"))
		if err != nil || !strings.HasPrefix(string(data), "Hội thảo khoa học\n\nChi bộ họp.") {
			t.Errorf("first article: %q, %v", data, err)
		}
	}
	if _, _, err := writeArticles(filepath.Join(dir, "missing.gz"), dir, 1); err == nil {
		t.Error("a missing file gave no error")
	}
}
