package index_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"thamluan/corpus"
	"thamluan/index"
)

// exampleDoc is a small analysed document, as the pipeline would produce it.
func exampleDoc() *corpus.Document {
	return &corpus.Document{
		Path: "hoi-thao/tin.txt", Format: corpus.FormatText, Title: "Hội thảo về chuyển đổi số", Hash: "h1", Size: 120,
		Workshop: &corpus.Workshop{Title: "Hội thảo khoa học 2023", Date: "2023-11-15", Year: 2023},
		Sections: []corpus.Section{
			{Ordinal: 1, Heading: "Giới thiệu", Text: "Hội thảo bàn về công tác xây dựng Đảng.",
				Sentences: []corpus.Sentence{{Text: "Hội thảo bàn về công tác xây dựng Đảng.", Themes: []string{}}}},
			{Ordinal: 2, Speaker: "Đảng ủy Công ty cổ phần Hợp Lực", Text: "Đảng ủy đề xuất đẩy mạnh chuyển đổi số trong sinh hoạt chi bộ.",
				Themes: []corpus.ThemeTag{{ID: "digital-transformation", Label: "Chuyển đổi số", Score: 1, Evidence: []string{"chuyển đổi số"}}},
				Sentences: []corpus.Sentence{{Text: "Đảng ủy đề xuất đẩy mạnh chuyển đổi số trong sinh hoạt chi bộ.",
					Themes: []string{"digital-transformation", "solutions"}, Scores: map[string]float64{"digital-transformation": 1}, Recommendation: true}}},
		},
	}
}

func tempIndex() (string, func()) {
	dir, err := os.MkdirTemp("", "thamluan-example-")
	if err != nil {
		log.Fatal(err)
	}
	return filepath.Join(dir, "index"), func() { os.RemoveAll(dir) }
}

func ExampleCreate() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, err := index.Create(dir)
	if err != nil {
		log.Fatal(err)
	}
	defer ix.Close()
	st, _ := ix.Stats()
	fmt.Println(st.Documents, st.Sections)
	// Output: 0 0
}

func ExampleOpen() {
	dir, cleanup := tempIndex()
	defer cleanup()
	_, err := index.Open(dir)
	fmt.Println(err != nil)
	ix, _ := index.OpenOrCreate(dir)
	ix.Close()
	ix, err = index.Open(dir)
	fmt.Println(err)
	ix.Close()
	// Output:
	// true
	// <nil>
}

func ExampleIndex_Add() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	if err := ix.Add(exampleDoc(), time.Date(2023, 11, 16, 0, 0, 0, 0, time.UTC)); err != nil {
		log.Fatal(err)
	}
	rec, _ := ix.Record("hoi-thao/tin.txt")
	fmt.Println(rec.Title, rec.Sections)
	// Output: Hội thảo về chuyển đổi số 2
}

func ExampleIndex_Search() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	// Typed without diacritics, the query finds and highlights the accented words.
	res, err := ix.Search(index.Request{Query: "chuyen doi so"})
	if err != nil {
		log.Fatal(err)
	}
	h := res.Hits[0]
	fmt.Println(res.Total, h.Ordinal, h.Speaker)
	fmt.Println(h.Snippet)
	// Output:
	// 1 2 Đảng ủy Công ty cổ phần Hợp Lực
	// Đảng ủy đề xuất đẩy mạnh <mark>chuyển đổi số</mark> trong sinh hoạt chi bộ.
}

func ExampleIndex_Remove() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	ix.Remove("hoi-thao/tin.txt")
	st, _ := ix.Stats()
	fmt.Println(st.Documents, st.Sections)
	// Output: 0 0
}

func ExampleIndex_Records() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	recs, _ := ix.Records()
	for _, r := range recs {
		fmt.Println(r.Path, r.Format, r.Workshop.Year)
	}
	// Output: hoi-thao/tin.txt txt 2023
}

func ExampleIndex_NewBatch() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	b := ix.NewBatch()
	b.Add(exampleDoc(), time.Now())
	fmt.Println(len(b.Paths()))
	if err := b.Flush(); err != nil {
		log.Fatal(err)
	}
	st, _ := ix.Stats()
	fmt.Println(st.Documents, st.Sections)
	// Output:
	// 1
	// 1 2
}

func ExampleIndex_Stats() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	st, _ := ix.Stats()
	fmt.Println(st.Documents, st.Sections, st.Formats["txt"], st.Themes["digital-transformation"])
	// Output: 1 2 1 1
}

func ExampleIndex_Recommendations() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	recs, _ := ix.Recommendations([]string{"digital-transformation"})
	for _, r := range recs {
		fmt.Printf("%s (%s, phần %d)\n", r.Text, r.Speaker, r.Ordinal)
	}
	// Output: Đảng ủy đề xuất đẩy mạnh chuyển đổi số trong sinh hoạt chi bộ. (Đảng ủy Công ty cổ phần Hợp Lực, phần 2)
}

func ExampleIndex_ThemeSummaries() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	sums, _ := ix.ThemeSummaries([]index.ThemeInfo{{ID: "digital-transformation", Label: "Chuyển đổi số"}})
	s := sums[0]
	fmt.Println(s.Label, s.Sections, s.Documents, s.TopSpeakers[0].Value)
	// Output: Chuyển đổi số 1 1 Đảng ủy Công ty cổ phần Hợp Lực
}

func ExampleIndex_Sections() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	ix.Sections(nil, func(s *index.SectionRecord) error {
		fmt.Println(s.Ordinal, s.Heading, len(s.Sentences))
		return nil
	})
	// Output:
	// 1 Giới thiệu 1
	// 2  1
}

func ExampleSnippet() {
	text := "Các chi bộ cần đẩy mạnh chuyển đổi số."
	i := strings.Index(text, "chuyển đổi số")
	snip, spans := index.Snippet(text, []index.Span{{Start: i, End: i + len("chuyển đổi số")}}, 240)
	fmt.Println(index.MarkHTML(snip, spans))
	// Output: Các chi bộ cần đẩy mạnh <mark>chuyển đổi số</mark>.
}

func ExampleMarkANSI() {
	fmt.Printf("%q\n", index.MarkANSI("đổi mới", []index.Span{{Start: 0, End: len("đổi")}}))
	// Output: "\x1b[1;33mđổi\x1b[0m mới"
}

func ExampleIndex_ThemeMatrix() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	m, _ := ix.ThemeMatrix([]index.ThemeInfo{{ID: "digital-transformation", Label: "Chuyển đổi số"}})
	for _, r := range m.Rows {
		fmt.Println(r.Organisation, r.Sections, r.Counts)
	}
	fmt.Println(m.Cooccurrence)
	// Output:
	// Đảng ủy Công ty cổ phần Hợp Lực 1 [1]
	// [[1]]
}

func ExampleMatrix_WriteCSV() {
	m := &index.Matrix{
		Themes: []index.ThemeInfo{{ID: "solutions", Label: "Giải pháp"}, {ID: "shortcomings", Label: "Hạn chế"}},
		Rows:   []index.MatrixRow{{Organisation: "Đảng ủy xã Xuân Hòa", Sections: 2, Counts: []int{2, 1}}},
	}
	m.WriteCSV(os.Stdout)
	// Output:
	// Tổ chức,Số phần,Giải pháp,Hạn chế
	// Đảng ủy xã Xuân Hòa,2,2,1
}

func ExampleMatrix_WriteCooccurrenceCSV() {
	m := &index.Matrix{
		Themes:       []index.ThemeInfo{{ID: "solutions", Label: "Giải pháp"}, {ID: "shortcomings", Label: "Hạn chế"}},
		Cooccurrence: [][]int{{5, 2}, {2, 3}},
	}
	m.WriteCooccurrenceCSV(os.Stdout)
	// Output:
	// Chủ đề,Giải pháp,Hạn chế
	// Giải pháp,5,2
	// Hạn chế,2,3
}

func ExampleSectionRecord_Organisation() {
	s := index.SectionRecord{Speaker: "ThS. Lê Thị Hương", SpeakerKind: "person", Affiliation: "Trường Chính trị tỉnh Nghệ An"}
	fmt.Println(s.Organisation())
	// Output: Trường Chính trị tỉnh Nghệ An
}

func ExampleSectionID() {
	fmt.Println(index.SectionID("ky-yeu.pdf", 3))
	// Output: ky-yeu.pdf#3
}

func ExampleSectionRecord_SpeakerLabel() {
	s := index.SectionRecord{Speaker: "Trần Văn Hải", SpeakerKind: "person", SpeakerRole: "Bí thư Đảng ủy Khối"}
	fmt.Println(s.SpeakerLabel())
	// Output: Trần Văn Hải, Bí thư Đảng ủy Khối
}

func ExampleIndex_Compact() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	defer ix.Close()
	ix.Add(exampleDoc(), time.Now())
	err := ix.Compact(context.Background())
	st, _ := ix.Stats()
	fmt.Println(err, st.Sections)
	// Output: <nil> 2
}

func ExampleSizeOnDisk() {
	dir, cleanup := tempIndex()
	defer cleanup()
	ix, _ := index.Create(dir)
	ix.Add(exampleDoc(), time.Now())
	ix.Close()
	fmt.Println(index.SizeOnDisk(dir) > 0, index.SizeOnDisk(filepath.Join(dir, "missing")))
	// Output: true 0
}
