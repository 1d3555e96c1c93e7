package structure

import (
	"os"
	"path/filepath"
	"testing"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
)

// BenchmarkSegment segments every test case of testdata/sections (the three shapes and their
// noise) once per iteration.
func BenchmarkSegment(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "sections", "*.txtar"))
	var inputs [][]corpus.Block
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		in := parseTxtar(string(data)).files["input.txt"]
		size += len(in)
		inputs = append(inputs, blocksOf(in))
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, blocks := range inputs {
			doc := &corpus.Document{Blocks: blocks}
			Segment(doc, SegmentOptions{})
		}
	}
}

// BenchmarkSegmentLargeReport segments the shared 770 KB administrative prose as one document.
func BenchmarkSegmentLargeReport(b *testing.B) {
	path := corpustest.Shared(b, "corpus/scale/admin_report_prose.txt")
	doc0, err := corpus.Read(path, corpus.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(doc0.Size)
	b.ReportAllocs()
	for b.Loop() {
		doc := &corpus.Document{Blocks: doc0.Blocks}
		Segment(doc, SegmentOptions{})
	}
}
