package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"thamluan/index"
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

// TestRunFloor indexes three small files in each floor mode and checks what the index holds.
func TestRunFloor(t *testing.T) {
	docs := filepath.Join(t.TempDir(), "docs")
	os.MkdirAll(docs, 0o755)
	texts := []string{"Hội thảo khoa học về chuyển đổi số.", "Chi bộ họp định kỳ.", "Kinh tế tư nhân phát triển."}
	for i, s := range texts {
		os.WriteFile(filepath.Join(docs, string(rune('a'+i))+".txt"), []byte(s), 0o644)
	}
	os.WriteFile(filepath.Join(docs, "skip.md"), []byte("not a .txt file"), 0o644)
	for _, mode := range floorModes {
		idx := filepath.Join(t.TempDir(), mode)
		if err := runFloor(mode, docs, idx); err != nil {
			t.Fatalf("runFloor(%s): %v", mode, err)
		}
		var n uint64
		switch mode {
		case floorBleve, floorPositions:
			ix, err := bleve.Open(idx)
			if err != nil {
				t.Fatal(err)
			}
			n, _ = ix.DocCount()
			ix.Close()
		case floorFields:
			ix, err := index.Open(idx)
			if err != nil {
				t.Fatal(err)
			}
			st, err := ix.Stats()
			if err != nil {
				t.Fatal(err)
			}
			n = uint64(st.Sections)
			ix.Close()
		}
		if n != uint64(len(texts)) {
			t.Errorf("floor %s: %d documents indexed, want %d", mode, n, len(texts))
		}
	}
	if err := runFloor("nope", docs, filepath.Join(t.TempDir(), "x")); err == nil {
		t.Error("an unknown floor mode gave no error")
	}
}
