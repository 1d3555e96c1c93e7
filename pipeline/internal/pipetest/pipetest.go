// Package pipetest holds what the tests and benchmarks of the pipeline packages share: the
// articles of the shared news corpus read as plain-text documents, and the texts the fast paths
// are checked on.
package pipetest

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"testing"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
)

// NewsTexts returns the first n articles of the shared news corpus as the text of a .txt file of
// each would read: the title, the lead and the body as three paragraphs. It skips tb when
// ../shared is absent.
func NewsTexts(tb testing.TB, n int) []string {
	tb.Helper()
	f, err := os.Open(corpustest.Shared(tb, "corpus/scale/news.jsonl.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var texts []string
	for len(texts) < n && sc.Scan() {
		var a struct{ Title, Lead, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, a.Title+"\n\n"+a.Lead+"\n\n"+a.Body+"\n")
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return texts
}

// NewsDocs reads the first n articles of the shared news corpus (see NewsTexts) as documents of
// a file "news.txt"; an article the reader refuses is left out.
func NewsDocs(tb testing.TB, n int) []*corpus.Document {
	tb.Helper()
	var docs []*corpus.Document
	for _, text := range NewsTexts(tb, n) {
		doc, err := corpus.ReadBytes("news.txt", []byte(text), corpus.ReadOptions{})
		if err != nil {
			continue
		}
		docs = append(docs, doc)
	}
	return docs
}
