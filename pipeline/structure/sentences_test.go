package structure

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two sentences", "Chi bộ họp định kỳ. Đảng viên tham dự đầy đủ.",
			[]string{"Chi bộ họp định kỳ.", "Đảng viên tham dự đầy đủ."}},
		{"thousands separator", "Đảng bộ có hơn 14.300 đảng viên. Năm nay tăng 0,6%.",
			[]string{"Đảng bộ có hơn 14.300 đảng viên.", "Năm nay tăng 0,6%."}},
		{"date", "Ngày 15/11/2023, hội thảo diễn ra tại TP. Thanh Hóa. Có 120 đại biểu.",
			[]string{"Ngày 15/11/2023, hội thảo diễn ra tại TP. Thanh Hóa.", "Có 120 đại biểu."}},
		{"academic titles", "PGS.TS. Nguyễn Văn An và ThS. Lê Thị Hoa trình bày tham luận. Hội thảo kết thúc.",
			[]string{"PGS.TS. Nguyễn Văn An và ThS. Lê Thị Hoa trình bày tham luận.", "Hội thảo kết thúc."}},
		{"quote kept together", "Đồng chí nhấn mạnh: “Phải làm thật. Không làm hình thức.” Sau đó hội thảo bế mạc.",
			[]string{"Đồng chí nhấn mạnh: “Phải làm thật. Không làm hình thức.”", "Sau đó hội thảo bế mạc."}},
		{"initials", "Theo V.I.Lênin, đảng là đội tiên phong. Điều đó vẫn đúng.",
			[]string{"Theo V.I.Lênin, đảng là đội tiên phong.", "Điều đó vẫn đúng."}},
		{"lower case after stop", "Số liệu tại tr. 25 cho thấy điều đó. Kết quả tốt.",
			[]string{"Số liệu tại tr. 25 cho thấy điều đó.", "Kết quả tốt."}},
		{"question and exclamation", "Vì sao chưa làm được? Cần làm ngay!",
			[]string{"Vì sao chưa làm được?", "Cần làm ngay!"}},
		{"footnote after quote", "Đó là “nền tảng”1. Tiếp theo là giải pháp.",
			[]string{"Đó là “nền tảng”1.", "Tiếp theo là giải pháp."}},
		{"list number before its item", "2. Cần sớm sửa đổi quy định. IV. Giải pháp được nêu sau.",
			[]string{"2. Cần sớm sửa đổi quy định.", "IV. Giải pháp được nêu sau."}},
		{"lettered item", "a. Tăng cường kiểm tra, giám sát.",
			[]string{"a. Tăng cường kiểm tra, giám sát."}},
		{"no final stop", "Một câu không có dấu chấm",
			[]string{"Một câu không có dấu chấm"}},
		{"document number", "Thực hiện Quy định 339-QĐ/TW. Chi bộ triển khai.",
			[]string{"Thực hiện Quy định 339-QĐ/TW.", "Chi bộ triển khai."}},
		{"quote reopened without being closed", "Bà Lan kể: “Hôm ấy trời mưa to. “Chúng tôi phải lội bộ ra xã.” Sau đó đoàn về.",
			[]string{"Bà Lan kể: “Hôm ấy trời mưa to.", "“Chúng tôi phải lội bộ ra xã.”", "Sau đó đoàn về."}},
		{"curly quote closed by a straight one", "Ông nói: “Làm ngay\". Mọi người đồng ý. Cuộc họp kết thúc.",
			[]string{"Ông nói: “Làm ngay\".", "Mọi người đồng ý.", "Cuộc họp kết thúc."}},
		{"table of contents entries", "1.1. Khái niệm ........ 12 1.2. Đặc điểm ......... 15 Chương 2 ...... 20",
			[]string{"1.1. Khái niệm ........ 12", "1.2. Đặc điểm ......... 15", "Chương 2 ...... 20"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range SplitSentences(tt.in) {
				if tt.in[s.Start:s.End] != s.Text {
					t.Errorf("span %d-%d is %q, text %q", s.Start, s.End, tt.in[s.Start:s.End], s.Text)
				}
				got = append(got, s.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestSplitSentencesLongSpans checks that no span runs on: a quotation left open is split at
// its sentence ends once it is long, a table turned into text with no sentence end is cut under
// the limit, and each split is counted.
func TestSplitSentencesLongSpans(t *testing.T) {
	quoted := "Cô giáo kể: “" + strings.Repeat("Các cháu đến lớp rất sớm và chơi cùng nhau ngoài sân. ", 20)
	table := "Bảng 3. Kết quả đo " + strings.Repeat("7 5 5 9 18 36 99.35 10.62 2.11 ", 60)
	tests := []struct {
		name    string
		in      string
		minSent int
	}{
		{"open quotation", quoted, 10},
		{"table as text", table, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := LongSpanSplits()
			got := SplitSentences(tt.in)
			if len(got) < tt.minSent {
				t.Errorf("%d sentences, want at least %d", len(got), tt.minSent)
			}
			for _, s := range got {
				if tt.in[s.Start:s.End] != s.Text {
					t.Errorf("span %d-%d is %q, text %q", s.Start, s.End, tt.in[s.Start:s.End], s.Text)
				}
				if n := utf8.RuneCountInString(s.Text); n > 1000 || !utf8.ValidString(s.Text) {
					t.Errorf("a sentence of %d characters (valid UTF-8 %v)", n, utf8.ValidString(s.Text))
				}
			}
			if LongSpanSplits() == before {
				t.Error("the long span was not counted")
			}
		})
	}
	// a short quotation of several sentences stays whole and is not counted
	before := LongSpanSplits()
	if got := SplitSentences("Ông nói: “Phải làm thật. Không làm hình thức.” Hội nghị bế mạc."); len(got) != 2 || LongSpanSplits() != before {
		t.Errorf("short quotation: %d sentences, %d splits counted", len(got), LongSpanSplits()-before)
	}
}
