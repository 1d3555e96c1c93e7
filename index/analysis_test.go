package index

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
)

func analyze(t *testing.T, m *mapping.IndexMappingImpl, analyzer, text string) analysis.TokenStream {
	t.Helper()
	a := m.AnalyzerNamed(analyzer)
	if a == nil {
		t.Fatalf("no analyzer %s", analyzer)
	}
	return a.Analyze([]byte(text))
}

func terms(ts analysis.TokenStream) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = string(t.Term)
	}
	return strings.Join(out, "|")
}

func TestAnalyzers(t *testing.T) {
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		analyzer, text, want string
	}{
		{ExactAnalyzerName, "Hòa bình, THỦY lợi", "hoà|bình|thuỷ|lợi"},
		{ExactAnalyzerName, "hoà bình", "hoà|bình"},
		{ExactAnalyzerName, "Hoa\u0300 bi\u0300nh", "hoà|bình"}, // decomposed (NFD) input
		{FoldedAnalyzerName, "Đảng ủy Sở Giáo dục", "dang|uy|so|giao|duc"},
		{FoldedAnalyzerName, "chuyển đổi số 2023", "chuyen|doi|so|2023"},
		{GramsAnalyzer, "Chuyển đổi số", "chuyen doi|doi so"},
		{GramsAnalyzer, "Đảng viên của khu phố Bắc Sơn Lữ", "dang vien|vien cua|cua khu|khu pho|pho bac|bac son"}, // son, lu: rarer
		{EnglishAnalyzer, "The members are developing the party", "the|member|are|develop|the|parti"},
		{EnglishAnalyzer, "Đảng viên phát triển trong doanh nghiệp", ""},
		{EnglishAnalyzer, "chuyen doi so trong doanh nghiep", ""}, // Vietnamese without accents
		{EnglishQueryAnalyzer, "developing members", "develop|member"},
	}
	for _, tt := range tests {
		if got := terms(analyze(t, m, tt.analyzer, tt.text)); got != tt.want {
			t.Errorf("%s(%q) = %q, want %q", tt.analyzer, tt.text, got, tt.want)
		}
	}
}

// TestFoldedOffsets checks that folded and exact tokens point at the original, accented words, so
// highlights land on the text as written.
func TestFoldedOffsets(t *testing.T) {
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	text := "Đảng ủy đề xuất: chuyển đổi số, hòa nhập."
	for _, analyzer := range []string{ExactAnalyzerName, FoldedAnalyzerName, EnglishQueryAnalyzer} {
		var words []string
		for _, tok := range analyze(t, m, analyzer, text) {
			words = append(words, text[tok.Start:tok.End])
		}
		if got, want := strings.Join(words, "|"), "Đảng|ủy|đề|xuất|chuyển|đổi|số|hòa|nhập"; got != want {
			t.Errorf("%s: words at offsets %q, want %q", analyzer, got, want)
		}
	}
}

func TestLooksEnglish(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"The party committee has proposed solutions for the enterprises.", true},
		{"Đảng ủy đề xuất giải pháp cho doanh nghiệp.", false},
		{"Dang uy de xuat giai phap cho doanh nghiep", false},
		{"FDI", false},
		{"Hội thảo có sự tham gia của the Friedrich Ebert Foundation và các chuyên gia.", false},
	}
	m, _ := NewMapping()
	for _, tt := range tests {
		ts := analyze(t, m, ExactAnalyzerName, tt.text)
		if got := LooksEnglish(ts); got != tt.want {
			t.Errorf("LooksEnglish(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestStreamsMatchAnalyzers checks that the one-pass streams of a section's text (what the
// index holds) equal what the mapping's analyzers (what queries use) make of the same text.
func TestStreamsMatchAnalyzers(t *testing.T) {
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Đảng ủy Khối đề xuất: đẩy mạnh CHUYỂN ĐỔI SỐ, hòa nhập và thủy lợi ở xã Thuỷ Nguyên năm 2023.",
		"Hoa\u0300 bi\u0300nh (NFD) và tọa đàm, toạ đàm về kinh tế tư nhân; doanh nghiệp có vốn 1.000 tỷ đồng.",
		"The members are developing the party committee's plan for digital transformation.",
		"",
	}
	for _, text := range texts {
		ts := &textStreams{text: []byte(text), english: true}
		for kind, analyzer := range map[int]string{streamExact: ExactAnalyzerName, streamFolded: FoldedAnalyzerName, streamGrams: GramsAnalyzer, streamEnglish: EnglishAnalyzer} {
			got := streamAnalyzer{ts, kind}.Analyze(nil)
			want := analyze(t, m, analyzer, text)
			if terms(got) != terms(want) {
				t.Errorf("%s stream of %q:\n got %q\nwant %q", analyzer, text, terms(got), terms(want))
				continue
			}
			for i := range got {
				if got[i].Start != want[i].Start || got[i].End != want[i].End || got[i].Position != want[i].Position {
					t.Errorf("%s stream of %q: token %d at %d-%d/%d, want %d-%d/%d", analyzer, text, i,
						got[i].Start, got[i].End, got[i].Position, want[i].Start, want[i].End, want[i].Position)
				}
			}
		}
	}
}
