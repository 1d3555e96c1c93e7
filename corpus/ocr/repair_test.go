package ocr

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// wordsOf makes the words of one paragraph per "|"-separated part, as Tesseract would give them.
func wordsOf(s string) []Word {
	var ws []Word
	for p, part := range strings.Split(s, "|") {
		for _, f := range strings.Fields(part) {
			ws = append(ws, Word{Text: f, Block: 1, Par: p + 1, Line: 1})
		}
	}
	return ws
}

func textOf(ws []Word) string {
	parts := map[int][]string{}
	last := 0
	for _, w := range ws {
		parts[w.Par] = append(parts[w.Par], w.Text)
		last = max(last, w.Par)
	}
	var out []string
	for p := 1; p <= last; p++ {
		out = append(out, strings.Join(parts[p], " "))
	}
	return strings.Join(out, "|")
}

// TestRepairWords: look-alike letters that make a word with their neighbours are put right; a
// right word, a name, a number that is not a year and a look-alike across a paragraph break are
// left alone. The sentences are our own.
func TestRepairWords(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"hook on i", "Hằng tháng các chỉ bộ trong xã họp đúng kỳ.", "Hằng tháng các chi bộ trong xã họp đúng kỳ."},
		{"hook on i, punctuation kept", "báo cáo với (chỉ bộ, đảng ủy)", "báo cáo với (chi bộ, đảng ủy)"},
		{"t for l after a word", "Huyện quyết định thành tập tổ đảng mới.", "Huyện quyết định thành lập tổ đảng mới."},
		{"t for l before a word", "Cần giữ vững kỷ tuật phát ngôn.", "Cần giữ vững kỷ luật phát ngôn."},
		{"t for l in a longer word", "nâng cao chất tượng sinh hoạt", "nâng cao chất lượng sinh hoạt"},
		{"two misreadings in a row", "nhiều người còn túng túng khi dùng", "nhiều người còn lúng túng khi dùng"},
		{"final i read as t, capitals", "BỒI DƯỠNG ĐỘT NGŨ CÁN BỘ", "BỒI DƯỠNG ĐỘI NGŨ CÁN BỘ"},
		{"a letter too many", "PHÁT TRIỂN NGÀNH DU LTỊCH BIỂN", "PHÁT TRIỂN NGÀNH DU LỊCH BIỂN"},
		{"digit one for l", "quan tâm chăm 1o đời sống hội viên", "quan tâm chăm lo đời sống hội viên"},
		{"digits inside a word", "Ông Ba, 6iám đốc, 1ưu ý", "Ông Ba, Giám đốc, lưu ý"},
		{"â for ê", "xây dựng nần tảng số", "xây dựng nền tảng số"},
		{"l for i", "trong gial đoạn tới", "trong giai đoạn tới"},
		{"not a syllable, vowel mark", "làm tốt cơng tác dân vận", "làm tốt công tác dân vận"},
		{"rare reading, common look-alike", "Anh ấy tà người trẻ nhất chi bộ.", "Anh ấy là người trẻ nhất chi bộ."},
		{"capital L mid-sentence", "nhiều đảng viên Là học sinh", "nhiều đảng viên là học sinh"},
		{"capital L of a word", "trong các Lĩnh vực khó", "trong các lĩnh vực khó"},
		{"capital L after a capital", "Cần Linh hoạt lịch họp", "Cần linh hoạt lịch họp"},
		{"capital L of a name after a capital", "chị Mỹ Linh phát biểu", "chị Mỹ Linh phát biểu"},
		{"capital L at a sentence start", "Họp xong. Lập tức báo cáo.", "Họp xong. Lập tức báo cáo."},
		{"year after năm", "Đến năm 2922, xã có thêm", "Đến năm 2022, xã có thêm"},
		{"range of years", "giai đoạn 2923-2925.", "giai đoạn 2023-2025."},
		{"year of a date", "Từ tháng 6/2923, ngày 09/05/2924", "Từ tháng 6/2023, ngày 09/05/2024"},
		{"numbered heading with a comma", "1, Kết quả bước đầu", "1. Kết quả bước đầu"},
		{"a count with a comma is no heading", "Có 12 chi bộ, 3, Tổ đảng", "Có 12 chi bộ, 3, Tổ đảng"},
		{"Roman numeral read as T", "Chương TT. PHƯƠNG HƯỚNG", "Chương II. PHƯƠNG HƯỚNG"},
		{"Roman numeral with a year", "trong quý II1/2024 tới", "trong quý III/2024 tới"},
		{"Roman numeral right", "Học viện Chính trị khu vực IV", "Học viện Chính trị khu vực IV"},
		{"fraction slash", "0:00 ⁄ 0:00", "0:00 / 0:00"},
		{"section sign for S in a title", "TS. Lê Hòa, Th§. Đỗ An", "TS. Lê Hòa, ThS. Đỗ An"},
		{"section sign alone kept", "theo § 3 của quy chế", "theo § 3 của quy chế"},
		{"decomposed letters", norm.NFD.String("Tổ chức đảng"), "Tổ chức đảng"},
		{"right word with a word", "Ban thường vụ chỉ đạo sát sao.", "Ban thường vụ chỉ đạo sát sao."},
		{"right word, common", "Lãnh đạo tỉnh đã đến dự.", "Lãnh đạo tỉnh đã đến dự."},
		{"name left alone", "Đồng chí Thạch Thị Sa Ly phát biểu.", "Đồng chí Thạch Thị Sa Ly phát biểu."},
		{"name with L left alone", "ông Lê Văn Long, bí thư", "ông Lê Văn Long, bí thư"},
		{"rare word in its word", "Nắng chiều tà trên sông.", "Nắng chiều tà trên sông."},
		{"number that is no year", "xã có 2922 hộ dân", "xã có 2922 hộ dân"},
		{"no context across a paragraph break", "mỗi tháng một lần chỉ|bộ phận văn phòng", "mỗi tháng một lần chỉ|bộ phận văn phòng"},
		{"no context across a full stop", "Họ đã làm điều đó chỉ. Bộ đội đến.", "Họ đã làm điều đó chỉ. Bộ đội đến."},
		{"loanword left alone", "Lập nhóm Zalo để trao đổi", "Lập nhóm Zalo để trao đổi"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := wordsOf(c.in)
			repairWords(ws, true)
			if got := textOf(ws); got != c.want {
				t.Errorf("repair(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// TestDash: a lone hyphen as wide as half a word's height is an en dash, as wide as a word's
// height an em dash; a hyphen inside a word stays.
func TestDash(t *testing.T) {
	cases := []struct {
		text     string
		width, h int
		want     string
	}{
		{"-", 12, 32, "-"},
		{"-", 18, 32, "–"},
		{"-", 30, 32, "—"},
		{"2023-2025", 120, 32, "2023-2025"},
		{"-", 18, 0, "-"},
	}
	for _, c := range cases {
		if got := dash(c.text, c.width, c.h); got != c.want {
			t.Errorf("dash(%q, %d, %d) = %q, want %q", c.text, c.width, c.h, got, c.want)
		}
	}
}

// TestRepairOff: without repair the words are only put in NFC.
func TestRepairOff(t *testing.T) {
	ws := wordsOf(norm.NFD.String("các chỉ bộ thành tập"))
	repairWords(ws, false)
	if got := textOf(ws); got != "các chỉ bộ thành tập" {
		t.Errorf("got %q", got)
	}
}

// TestLookAlikes: the candidates of a word are well-formed syllables one misreading away.
func TestLookAlikes(t *testing.T) {
	cases := []struct {
		in   string
		want []string // among the candidates
		not  []string // never a candidate
	}{
		{"chỉ", []string{"chi"}, []string{"chỉ"}},
		{"tập", []string{"lập"}, nil},
		{"đột", []string{"đội"}, nil},
		{"1o", []string{"lo"}, nil},
		{"ltịch", []string{"lịch", "tịch"}, nil},
		{"cơng", []string{"công", "cộng"}, []string{"cơng"}},
	}
	for _, c := range cases {
		got := map[string]bool{}
		for _, x := range lookAlikes(c.in) {
			got[x] = true
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("lookAlikes(%q) lacks %q: %v", c.in, w, got)
			}
		}
		for _, w := range c.not {
			if got[w] {
				t.Errorf("lookAlikes(%q) has %q", c.in, w)
			}
		}
	}
}

func BenchmarkRepairWords(b *testing.B) {
	base := wordsOf(strings.Repeat("Hằng tháng các chỉ bộ trong xã họp đúng kỳ, nâng cao chất tượng sinh hoạt và giữ vững kỷ tuật. ", 40))
	theLexicon()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ws := append([]Word(nil), base...)
		repairWords(ws, true)
	}
}

// FuzzRepairWords: any words read never panic the repair, and it keeps their number.
func FuzzRepairWords(f *testing.F) {
	f.Add("các chỉ bộ thành tập 1o 6iám LTỊCH - năm 2922 Chương TT. 1, Kết")
	f.Add("\u0301 ̣a ‑ ⁄ ỉ")
	f.Fuzz(func(t *testing.T, s string) {
		ws := wordsOf(s)
		n := len(ws)
		for i := range ws {
			ws[i].Width, ws[i].Height = 3*i, 10
		}
		repairWords(ws, true)
		if len(ws) != n {
			t.Fatalf("%d words became %d", n, len(ws))
		}
	})
}
