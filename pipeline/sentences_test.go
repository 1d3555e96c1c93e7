package pipeline

import (
	"reflect"
	"testing"
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
