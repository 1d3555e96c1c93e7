package pipeline

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
)

// benchNewsArticles is how many articles of the shared news corpus BenchmarkAnalyzeNews analyses.
const benchNewsArticles = 500

// newsDocs reads the first n articles of the shared news corpus as plain-text documents: the
// title, the lead and the body as three paragraphs, as a .txt file of them would read.
func newsDocs(b *testing.B, n int) []*corpus.Document {
	f, err := os.Open(corpustest.Shared(b, "corpus/scale/news.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var docs []*corpus.Document
	for len(docs) < n && sc.Scan() {
		var a struct{ Title, Lead, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		doc, err := corpus.ReadBytes("news.txt", []byte(a.Title+"\n\n"+a.Lead+"\n\n"+a.Body+"\n"), corpus.ReadOptions{})
		if err != nil {
			continue
		}
		docs = append(docs, doc)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return docs
}

// BenchmarkAnalyzeNews segments and tags the first benchNewsArticles articles of the shared news
// corpus, the input of batch indexing, once per iteration.
func BenchmarkAnalyzeNews(b *testing.B) {
	docs := newsDocs(b, benchNewsArticles)
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
