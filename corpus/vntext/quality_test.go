package vntext

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"thamluan/corpus/corpustest"
)

func TestIsSyllable(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"đảng", true}, {"Đảng", true}, {"ĐẢNG", true}, {"hoà", true}, {"hòa", true},
		{"thuỷ", true}, {"thủy", true}, {"quý", true}, {"gìn", true}, {"giữa", true},
		{"người", true}, {"nghiêng", true}, {"khuỷu", true}, {"kỹ", true}, {"yêu", true},
		{"cơng", false}, {"tât", false}, {"nghiêp", false}, {"email", false}, {"ngh", false},
		{"Céng", false}, {"ViÖt", false}, {"", false}, {"kinh", true}, {"cinh", false},
	}
	for _, tt := range tests {
		if got := IsSyllable(tt.w); got != tt.want {
			t.Errorf("IsSyllable(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestSyllablesMatchReference compares the generated inventory with the shared reference's
// syllables_generated_vi.tsv (both tone styles), and the tone placement with its two columns.
func TestSyllablesMatchReference(t *testing.T) {
	f, err := os.Open(corpustest.Shared(t, "vietnamese/data/syllables_generated_vi.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]bool{}
	sc := bufio.NewScanner(f)
	rows := 0
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if strings.HasPrefix(c[0], "#") || c[0] == "syllable_new_style" || len(c) < 2 {
			continue
		}
		rows++
		want[c[0]], want[c[1]] = true, true
		if got := PlaceTone(c[1]); got != c[0] {
			t.Errorf("PlaceTone(%q) = %q, want %q", c[1], got, c[0])
		}
		if got := PlaceToneTraditional(c[0]); got != c[1] {
			t.Errorf("PlaceToneTraditional(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	if rows != 15936 {
		t.Errorf("reference has %d rows, want 15936", rows)
	}
	got := syllables()
	for w := range want {
		if _, ok := got[w]; !ok {
			t.Errorf("reference syllable %q not generated", w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("generated %d forms, reference has %d", len(got), len(want))
	}
}

func TestQuality(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		min, max float64
	}{
		{"clean Vietnamese", "Đảng bộ tỉnh đã lãnh đạo thực hiện thắng lợi nghị quyết đại hội.", 1, 1},
		{"Vietnamese with English and numbers", "Hệ thống Sổ tay đảng viên điện tử (version 2.0) chạy trên Android.", 1, 1},
		{"no words", "12/2023 - 15.300 ...", 1, 1},
		{"TCVN3 mojibake", "§¶ng Céng s¶n ViÖt Nam l·nh ®¹o", 0, 0.3},
		{"UTF-8 mojibake", "Äáº£ng Cá»™ng sáº£n Viá»‡t Nam", 0, 0.4},
		{"VNI mojibake", "Ñaûng Coäng saûn Vieät Nam laõnh ñaïo", 0, 0.3},
		{"broken marks", "cơng tác đàng viên tât cả", 0.5, 0.7},
	}
	for _, tt := range tests {
		if q := Quality(tt.text); q < tt.min || q > tt.max {
			t.Errorf("%s: Quality(%q) = %.2f, want %.2f-%.2f", tt.name, tt.text, q, tt.min, tt.max)
		}
	}
	if LowQualityThreshold <= 0.3 || LowQualityThreshold >= 1 {
		t.Errorf("LowQualityThreshold %v does not separate the cases above", LowQualityThreshold)
	}
}

// TestQualitySharedCorpus checks that the real plain-text documents of the shared corpus score
// above the threshold.
func TestQualitySharedCorpus(t *testing.T) {
	for _, name := range []string{"d1_kyyeu.txt", "d2_tinbai.txt", "d3_thamluan.txt"} {
		data, err := os.ReadFile(corpustest.Shared(t, "corpus/dev/"+name))
		if err != nil {
			t.Fatal(err)
		}
		text, _, err := Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		q := Quality(text)
		t.Logf("%s: quality %.3f", name, q)
		if q < LowQualityThreshold {
			t.Errorf("%s: quality %.3f below %.2f", name, q, LowQualityThreshold)
		}
	}
}

func BenchmarkQuality(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(toneBenchText)))
	_ = Quality(toneBenchText) // build the syllable set outside the measurement
	for b.Loop() {
		_ = Quality(toneBenchText)
	}
}

func BenchmarkIsSyllable(b *testing.B) {
	b.ReportAllocs()
	_ = IsSyllable("người")
	for b.Loop() {
		_ = IsSyllable("người")
	}
}
