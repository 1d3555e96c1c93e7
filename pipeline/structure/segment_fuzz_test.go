package structure

import (
	"os"
	"path/filepath"
	"testing"

	"thamluan/corpus"
)

// FuzzSegment segments arbitrary text under each shape and checks that it neither panics nor
// breaks the invariants of the sections (sentences at their offsets, no noise inside a section).
func FuzzSegment(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "sections", "*.txtar"))
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(parseTxtar(string(data)).files["input.txt"])
	}
	f.Add("I.\n\n1.\n\n“\n\nĐại diện Đảng ủy , cho rằng\n\nKết luận hội thảo, đồng chí A B, ghi nhận")
	f.Fuzz(func(t *testing.T, text string) {
		for _, shape := range []string{"", corpus.ShapeProceedings, corpus.ShapePaper, corpus.ShapeNews} {
			doc := &corpus.Document{Blocks: corpus.TextBlocks(text, 1)}
			Segment(doc, SegmentOptions{Shape: shape})
			checkInvariants(t, doc)
		}
	})
}
