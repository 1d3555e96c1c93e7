package coding

import (
	"testing"

	"thamluan/corpus"
)

// oodFiles are the out-of-domain paragraph sets in testdata/tagging: general news and other
// non-workshop text (exam rules, manuals, ads, reviews, theses), written and labelled before the
// tagger was first run on them (the scripts that wrote them are in testdata/tagging/scripts).
var oodFiles = []string{"ood_news.json", "ood_other.json", "ood_blind.json"}

// TestOutOfDomainPrecision checks that themes and recommendations stay precise on text that is not
// a workshop document: per theme, precision must reach 0.85 on each set and on all sets together,
// and no rule, advice or demand of general news may become a recommendation.
func TestOutOfDomainPrecision(t *testing.T) {
	var all []labelled
	for _, name := range oodFiles {
		paras := readHeldout(t, name)
		t.Run(name, func(t *testing.T) {
			checkOODPrecision(t, name, evaluate(NewTagger(nil), paras))
		})
		all = append(all, paras...)
	}
	t.Logf("all %d out-of-domain paragraphs:", len(all))
	checkOODPrecision(t, "all", evaluate(NewTagger(nil), all))
}

func checkOODPrecision(t *testing.T, name string, res evalResult) {
	t.Helper()
	res.report(t)
	for _, th := range evalThemes {
		c := res.theme[th]
		if p, _, _ := prf(c[0], c[1], c[2]); c[0]+c[1] > 0 && p < 0.85 {
			t.Errorf("%s: %s precision %.3f (tp %d fp %d), want >= 0.85", name, th, p, c[0], c[1])
		}
	}
	if p, _, _ := prf(res.recTP, res.recFP, res.recFN); res.recTP+res.recFP > 0 && p < 0.85 {
		t.Errorf("%s: recommendation precision %.3f (tp %d fp %d), want >= 0.85", name, p, res.recTP, res.recFP)
	}
}

// TestTagDocumentDomain checks the domain gate of TagDocument: a document that names no term of
// the codebook's field gets no theme and no recommendation, however its sentences read; one that
// names the field anywhere is tagged as usual, and a codebook without a domain list tags all.
func TestTagDocumentDomain(t *testing.T) {
	general := []labelled{
		{Headings: []string{"Đánh giá máy hút bụi không dây"}, Text: "Hạn chế lớn nhất của máy là pin yếu, chỉ dùng được 20 phút."},
		{Headings: []string{"Đánh giá máy hút bụi không dây"}, Text: "Người mua nên chọn phiên bản có thêm đầu hút cho nệm và ứng dụng điều khiển trên điện thoại."},
	}
	field := []labelled{
		{Headings: []string{"Đảng ủy xã sơ kết công tác quý III"}, Text: "Hạn chế lớn nhất là nhiều đảng viên trẻ đi làm ăn xa nên sinh hoạt không đều."},
		{Headings: []string{"Đảng ủy xã sơ kết công tác quý III"}, Text: "Đảng ủy đề nghị các chi bộ lập nhóm trên điện thoại để gửi tài liệu cho đảng viên ở xa."},
	}
	// one passing mention of a public body does not make a match report a document of the field
	mention := []labelled{
		{Headings: []string{"Đội nhà thua trận mở màn"}, Text: "Chủ tịch UBND huyện đến sân cổ vũ, nhưng đội nhà vẫn gặp nhiều khó khăn vì thiếu hai trụ cột."},
		{Headings: []string{"Đội nhà thua trận mở màn"}, Text: "Ban huấn luyện cần thay đổi cách phòng ngự trước trận gặp đội khách tuần sau."},
	}
	// another country's parties are not the field
	world := []labelled{
		{Headings: []string{"Bầu cử giữa kỳ: đảng Cộng hòa mất ghế"}, Text: "Nhiều nghị sĩ đảng Cộng hòa cho rằng đảng Dân chủ gặp khó khăn vì thiếu ứng viên trẻ."},
		{Headings: []string{"Bầu cử giữa kỳ: đảng Cộng hòa mất ghế"}, Text: "Các nhà phân tích khuyên đảng Cộng hòa cần thay đổi chiến lược vận động."},
	}
	noDomain := *DefaultCodebook()
	noDomain.Domain = nil
	tests := []struct {
		name      string
		cb        *Codebook
		paras     []labelled
		wantTheme bool
		wantRec   bool
	}{
		{"general text", nil, general, false, false},
		{"a passing mention", nil, mention, false, false},
		{"world news", nil, world, false, false},
		{"the field", nil, field, true, true},
		// tagged without the gate; the buyer's advice is still no recommendation
		{"no domain list", &noDomain, general, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sec := buildSection(tt.paras)
			doc := &corpus.Document{Sections: []corpus.Section{sec}}
			NewTagger(tt.cb).TagDocument(doc)
			got := doc.Sections[0]
			themes, recs := len(got.Themes), 0
			for _, s := range got.Sentences {
				themes += len(s.Themes)
				if s.Recommendation {
					recs++
				}
			}
			if (themes > 0) != tt.wantTheme || (recs > 0) != tt.wantRec {
				t.Errorf("%d themes and %d recommendations, want themes %v, recommendations %v", themes, recs, tt.wantTheme, tt.wantRec)
			}
		})
	}
}
