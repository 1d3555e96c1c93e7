package index_test

import (
	"fmt"
	"strings"
	"time"

	"thamluan/index"
)

func ExampleOpenOrCreate() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, err := index.OpenOrCreate(dir) // creates the index
	if err != nil {
		fmt.Println(err)
		return
	}
	ix.Add(exampleDoc(), time.Now())
	ix.Close()
	ix, _ = index.OpenOrCreate(dir) // opens it again, documents kept
	defer ix.Close()
	st, _ := ix.Stats()
	fmt.Println(st.Documents)
	// Output: 1
}

func ExampleIndex_Record() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	rec, _ := ix.Record("hoi-thao/tin.txt")
	fmt.Println(rec == nil)
	ix.Add(exampleDoc(), time.Date(2023, 11, 16, 8, 0, 0, 0, time.UTC))
	rec, _ = ix.Record("hoi-thao/tin.txt")
	fmt.Println(rec.Hash, rec.Size, rec.Sections, rec.ModTime.Format(time.DateOnly))
	// Output:
	// true
	// h1 120 2 2023-11-16
}

func ExampleIndex_EachRecord() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	ix.EachRecord(func(r *index.DocRecord) error {
		fmt.Println(r.Path, r.Title)
		return nil
	})
	// Output: hoi-thao/tin.txt Hội thảo về chuyển đổi số
}

func ExampleIndex_Dir() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	fmt.Println(ix.Dir() == dir, ix.Close())
	// Output: true <nil>
}

func ExampleBatch_Replace() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	// The file changed: it now has one section instead of two.
	doc := exampleDoc()
	doc.Hash, doc.Sections = "h2", doc.Sections[:1]
	old, _ := ix.Record(doc.Path)
	b := ix.NewBatch()
	b.Replace(doc, time.Now(), old)
	fmt.Println(b.Size() > 0, b.Bytes() > 0)
	b.Flush()
	st, _ := ix.Stats()
	fmt.Println(st.Documents, st.Sections)
	// Output:
	// true true
	// 1 1
}

func ExampleBatch_Touch() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC))
	// The file was touched but its content hash is the same: only its identity is refreshed.
	rec, _ := ix.Record("hoi-thao/tin.txt")
	b := ix.NewBatch()
	b.Touch(rec, rec.Size, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	b.Flush()
	rec, _ = ix.Record("hoi-thao/tin.txt")
	fmt.Println(rec.ModTime.Year(), rec.Sections)
	// Output: 2024 2
}

func ExampleBatch_Remove() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	b := ix.NewBatch()
	b.Remove("hoi-thao/tin.txt")
	b.Flush()
	rec, _ := ix.Record("hoi-thao/tin.txt")
	fmt.Println(rec == nil)
	// Output: true
}

func ExampleNewMapping() {
	m, err := index.NewMapping()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.TypeField, m.DefaultAnalyzer)
	// Output: type vi_exact
}

func ExampleOpenSearchMapping() {
	m := index.OpenSearchMapping()
	_, hasSettings := m["settings"]
	_, hasMappings := m["mappings"]
	fmt.Println(hasSettings, hasMappings)
	// Output: true true
}

func ExampleMarkHTML() {
	text := "a <b> đổi mới"
	i := strings.Index(text, "đổi")
	fmt.Println(index.MarkHTML(text, []index.Span{{Start: i, End: i + len("đổi")}}))
	// Output: a &lt;b&gt; <mark>đổi</mark> mới
}
