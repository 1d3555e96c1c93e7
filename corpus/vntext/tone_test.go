package vntext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestPlaceTone(t *testing.T) {
	tests := []struct{ in, want, traditional string }{
		{"hòa", "hoà", "hòa"},
		{"hoà", "hoà", "hòa"},
		{"thủy", "thuỷ", "thủy"},
		{"thuỷ", "thuỷ", "thủy"},
		{"khỏe", "khoẻ", "khỏe"},
		{"khoẻ", "khoẻ", "khỏe"},
		{"quý", "quý", "quý"},
		{"qúy", "quý", "quý"}, // misplaced: qu is the onset
		{"giữa", "giữa", "giữa"},
		{"gìn", "gìn", "gìn"}, // gi without another vowel: the i is the vowel
		{"người", "người", "người"},
		{"ngừơi", "người", "người"}, // ươ takes the mark on ơ
		{"hoàn", "hoàn", "hoàn"},
		{"hòan", "hoàn", "hoàn"},
		{"ngoài", "ngoài", "ngoài"},
		{"ngòai", "ngoài", "ngoài"},
		{"khuỷu", "khuỷu", "khuỷu"},
		{"khủyu", "khuỷu", "khuỷu"},
		{"tóan", "toán", "toán"},
		{"mía", "mía", "mía"},
		{"gửi", "gửi", "gửi"},
		{"HÒA", "HOÀ", "HÒA"},
		{"Thủy", "Thuỷ", "Thủy"},
		{"ủy", "uỷ", "ủy"},
		{"ho\u0300a", "hoà", "hòa"}, // NFD input
		{"maníp", "maníp", "maníp"}, // loanword: not a syllable, left alone
		{"Đảng", "Đảng", "Đảng"},
		{"email", "email", "email"},
		{"hoa", "hoa", "hoa"},
	}
	for _, tt := range tests {
		if got := PlaceTone(tt.in); got != tt.want {
			t.Errorf("PlaceTone(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := PlaceToneTraditional(tt.in); got != tt.traditional {
			t.Errorf("PlaceToneTraditional(%q) = %q, want %q", tt.in, got, tt.traditional)
		}
	}
}

func TestNormalizeTones(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đảng ủy xã Hòa Bình", "Đảng uỷ xã Hoà Bình"},
		{"sức khỏe, thủy lợi; hòa bình.", "sức khoẻ, thuỷ lợi; hoà bình."},
		{"chính sách quản lý (2023)", "chính sách quản lý (2023)"},
		{"tóan học và qúy trọng", "toán học và quý trọng"},
		{"ho\u0300a thua\u0323\u0302n", "hoà thuận"},
		{"the maníp and café", "the maníp and café"},
		{"", ""},
		{"plain ASCII text", "plain ASCII text"},
	}
	for _, tt := range tests {
		if got := NormalizeTones(tt.in); got != tt.want {
			t.Errorf("NormalizeTones(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeTonesNoAllocWhenNormalised(t *testing.T) {
	s := strings.Repeat("Đảng uỷ xã hoà bình chăm lo sức khoẻ người dân, giữ gìn khuỷu tay. ", 20)
	if allocs := testing.AllocsPerRun(50, func() { _ = NormalizeTones(s) }); allocs != 0 {
		t.Errorf("NormalizeTones on normalised text: %v allocations, want 0", allocs)
	}
}

func TestFoldIY(t *testing.T) {
	tests := []struct{ in, want string }{
		{"kĩ thuật", "kỹ thuật"},
		{"kỹ thuật", "kỹ thuật"},
		{"lí luận", "lý luận"},
		{"nước Mĩ", "nước Mỹ"},
		{"quí báu", "quý báu"},
		{"tỉ lệ", "tỷ lệ"},
		{"hay thay quy", "hay thay quy"}, // ay, uy untouched
		{"mini bi ki", "mini bi ky"},     // only a lone i after h k l m t qu
		{"KĨ", "KỸ"},
	}
	for _, tt := range tests {
		if got := FoldIY(tt.in); got != tt.want {
			t.Errorf("FoldIY(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var toneBenchText = strings.Repeat("Hội thảo khoa học về công tác xây dựng Đảng trong doanh nghiệp ngoài khu vực nhà nước, "+
	"chăm lo sức khoẻ, giữ gìn sự hoà thuận và đoàn kết của cấp uỷ. ", 50)

func BenchmarkNormalizeTones(b *testing.B) {
	old := strings.NewReplacer("hoà", "hòa", "khoẻ", "khỏe", "uỷ", "ủy").Replace(toneBenchText)
	nfd := norm.NFD.String(toneBenchText)
	for _, bc := range []struct{ name, text string }{
		{"normalised", toneBenchText}, {"traditional", old}, {"nfd", nfd},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(bc.text)))
			_ = NormalizeTones(bc.text) // build the syllable set outside the measurement
			for b.Loop() {
				_ = NormalizeTones(bc.text)
			}
		})
	}
}

func BenchmarkPlaceTone(b *testing.B) {
	b.ReportAllocs()
	_ = PlaceTone("hòa")
	for b.Loop() {
		_ = PlaceTone("người")
		_ = PlaceTone("hòa")
	}
}

// FuzzNormalizeTones checks that normalising is idempotent and only moves tone marks: the text
// folded without diacritics is unchanged.
func FuzzNormalizeTones(f *testing.F) {
	for _, s := range []string{"Đảng ủy xã Hòa Bình", "ho\u0300a thua\u0323\u0302n", "qúy tóan khủyu", "maníp", "ÐẢNG", "a\u0301\u0300"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := NormalizeTones(s)
		if again := NormalizeTones(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
		if !utf8.ValidString(s) {
			return
		}
		if !norm.NFC.IsNormalString(out) {
			t.Fatalf("NormalizeTones(%q) = %q is not NFC", s, out)
		}
		if a, b := Fold(norm.NFC.String(s)), Fold(out); a != b {
			t.Fatalf("NormalizeTones(%q) = %q changed more than tone marks (%q vs %q)", s, out, a, b)
		}
	})
}
