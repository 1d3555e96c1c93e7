package index

import (
	"strings"
	"testing"
)

func TestRepresentable(t *testing.T) {
	long := "Đảng ủy Khối " + strings.Repeat("tiếp tục chỉ đạo các chi bộ ", 13) + "đổi mới nội dung sinh hoạt."
	tests := []struct {
		text string
		want bool
	}{
		{"Các cấp ủy cần chủ động đối thoại với chủ doanh nghiệp để thống nhất nhận thức về tổ chức đảng.", true},
		{"“Chi bộ phải là nơi đảng viên được nói thật, nghe thật”, đồng chí Bí thư nhấn mạnh.", true},
		{"Vì sao nhiều chi bộ doanh nghiệp vẫn sinh hoạt hình thức, thiếu nội dung thiết thực?", true},
		{"Để khắc phục những hạn chế trên, cần thực hiện đồng bộ một số giải pháp sau đây:", false},
		{"Để khắc phục những hạn chế trên, chi bộ đề ra một số giải pháp sau đây.", false},
		{"Kết quả kiểm tra cụ thể như sau.", false},
		{"Năm 2023 | 51 doanh nghiệp | 0,6% | tăng 4 tổ chức đảng so với năm trước.", false},
		{"2021 2022 2023 51 48 39 612 150 1,4% doanh nghiệp.", false},
		{"II. MỘT SỐ GIẢI PHÁP NÂNG CAO CHẤT LƯỢNG SINH HOẠT CHI BỘ TRONG DOANH NGHIỆP.", false},
		{"nhiều chi bộ cả năm chỉ kết nạp được một, hai đảng viên, thậm chí không kết nạp được ai.", false},
		{"Nhiều chi bộ cả năm chỉ kết nạp được một, hai đảng viên, thậm chí không kết nạp được ai", false},
		{"Tỷ lệ đảng viên dự họp tăng.", false},
		{long, false},
	}
	for _, tt := range tests {
		if got := representable(tt.text); got != tt.want {
			t.Errorf("representable(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestRepresentativeSkipsUnfit(t *testing.T) {
	cands := []Citation{
		{Text: "Để khắc phục những hạn chế trên, cần thực hiện đồng bộ một số giải pháp sau đây:", Score: 9},
		{Text: "Các cấp ủy cần chủ động đối thoại với chủ doanh nghiệp để thống nhất nhận thức về tổ chức đảng.", Score: 2},
		{Text: "Năm 2023 | 51 doanh nghiệp | 0,6% | tăng 4 tổ chức đảng so với năm trước.", Score: 8},
		{Text: "Cần giao chỉ tiêu kết nạp đảng viên trong doanh nghiệp tư nhân cho từng đảng bộ huyện.", Score: 1},
	}
	got := representative(cands, 5)
	if len(got) != 2 || got[0].Score != 2 || got[1].Score != 1 {
		t.Errorf("representative = %+v, want the two complete sentences, best first", got)
	}
}
