package pipeline

import (
	"testing"

	"thamluan/pipeline/internal/pipetest"
)

// benchNewsArticles is how many articles of the shared news corpus BenchmarkAnalyzeNews analyses.
const benchNewsArticles = 500

// BenchmarkAnalyzeNews segments and tags the first benchNewsArticles articles of the shared news
// corpus, the input of batch indexing, once per iteration.
func BenchmarkAnalyzeNews(b *testing.B) {
	docs := pipetest.NewsDocs(b, benchNewsArticles)
	size := int64(0)
	for _, d := range docs {
		size += d.Size
	}
	a := NewAnalyzer(nil, SegmentOptions{})
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d0 := range docs {
			d := *d0 // Analyze fills Sections, Noise, Shape and Workshop: start from the read state
			a.Analyze(&d)
		}
	}
}
