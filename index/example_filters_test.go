package index_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"

	"thamluan/index"
)

// tokens makes a token stream of the words, with byte offsets as a tokenizer would give them.
func tokens(words ...string) analysis.TokenStream {
	var ts analysis.TokenStream
	at := 0
	for i, w := range words {
		ts = append(ts, &analysis.Token{Term: []byte(w), Start: at, End: at + len(w), Position: i + 1})
		at += len(w) + 1
	}
	return ts
}

func terms(ts analysis.TokenStream) []string {
	var out []string
	for _, t := range ts {
		out = append(out, fmt.Sprintf("%s@%d-%d", t.Term, t.Start, t.End))
	}
	return out
}

func ExampleToneFilter_Filter() {
	fmt.Println(terms(index.ToneFilter{}.Filter(tokens("hòa", "thủy", "khỏe"))))
	// Output: [hoà@0-4 thuỷ@5-11 khoẻ@12-18]
}

func ExampleFoldFilter_Filter() {
	// The terms lose their marks; the offsets still point at the accented words.
	fmt.Println(terms(index.FoldFilter{}.Filter(tokens("chuyển", "đổi", "số"))))
	// Output: [chuyen@0-8 doi@9-15 so@16-20]
}

func ExampleEnglishStemFilter_Filter() {
	fmt.Println(terms(index.EnglishStemFilter{}.Filter(tokens("developing", "parties"))))
	// Output: [develop@0-10 parti@11-18]
}

func ExampleEnglishDetectFilter_Filter() {
	en := index.EnglishDetectFilter{}.Filter(tokens("the", "party", "committee", "of", "the", "province", "is", "developing"))
	vi := index.EnglishDetectFilter{}.Filter(tokens("chi", "bộ", "đã", "đề", "xuất", "nhiều", "giải", "pháp"))
	fmt.Println(len(en) > 0, len(vi))
	// Output: true 0
}

func ExampleLooksEnglish() {
	fmt.Println(index.LooksEnglish(tokens("the", "workshop", "was", "held", "in", "the", "province")))
	fmt.Println(index.LooksEnglish(tokens("hội", "thảo", "được", "tổ", "chức", "tại", "tỉnh")))
	// Output:
	// true
	// false
}

func ExampleQueryError() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	_, err := ix.Search(index.Request{Query: `"chuyển đổi số`})
	var qe *index.QueryError
	fmt.Println(errors.Is(err, index.ErrQuery), errors.As(err, &qe))
	// Output: true true
}

func ExampleIndex_Close() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	ix.Add(exampleDoc(), time.Now())
	fmt.Println(ix.Close())
	ix, _ = index.Open(dir) // what was added before Close is there
	defer ix.Close()
	rec, _ := ix.Record("hoi-thao/tin.txt")
	fmt.Println(rec.Sections)
	// Output:
	// <nil>
	// 2
}

func ExampleBatch_Add() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	b := ix.NewBatch()
	if err := b.Add(exampleDoc(), time.Now()); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Paths(), b.Size(), b.Bytes() > 0)
	// Output: [hoi-thao/tin.txt] 3 true
}

func ExampleBatch_Flush() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	b := ix.NewBatch()
	b.Add(exampleDoc(), time.Now())
	fmt.Println(b.Flush(), b.Size(), len(b.Paths()))
	// Output: <nil> 0 0
}
