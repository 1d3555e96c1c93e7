package coding

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
	"thamluan/pipeline/structure"
)

// BenchmarkTagDocument tags the three shared dev documents, one section per paragraph run
// between headings, as the pipeline gives them to the tagger.
func BenchmarkTagDocument(b *testing.B) {
	dir := corpustest.Shared(b, "corpus/dev")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var docs []*corpus.Document
	sentences := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		doc := &corpus.Document{Path: f}
		for _, p := range strings.Split(string(data), "\n\n") {
			doc.Blocks = append(doc.Blocks, corpus.Block{Text: strings.TrimSpace(p)})
		}
		structure.Segment(doc, structure.SegmentOptions{})
		for _, s := range doc.Sections {
			sentences += len(s.Sentences)
		}
		docs = append(docs, doc)
	}
	tg := NewTagger(nil)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			tg.TagDocument(d)
		}
	}
	b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkGroupRecommendations groups 600 recommendations made of 200 proposals reported
// three times in slightly different words.
func BenchmarkGroupRecommendations(b *testing.B) {
	base := []string{"Đề nghị Ban Tổ chức Tỉnh ủy sớm ban hành hướng dẫn sinh hoạt chi bộ trực tuyến",
		"Cần tăng cường kết nạp đảng viên là công nhân trong doanh nghiệp tư nhân",
		"Các chi bộ nên gửi tài liệu sinh hoạt trước cho đảng viên qua Sổ tay đảng viên điện tử",
		"Kiến nghị Trung ương có chính sách hỗ trợ bí thư chi bộ ở thôn bản vùng cao"}
	var recs []corpus.Recommendation
	for i := range 200 {
		for v := range 3 {
			txt := base[i%len(base)] + " tại đơn vị số " + strings.Repeat("x", i%7+1) + " đợt " + string(rune('a'+v))
			recs = append(recs, corpus.Recommendation{Text: txt, Themes: []string{"solutions"}})
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		GroupRecommendations(recs)
	}
}
