package structure

import (
	"testing"

	"thamluan/corpus"
)

func TestIsNoise(t *testing.T) {
	tests := []struct {
		line       string
		afterPhoto bool
		noise      bool
	}{
		{"0:00 / 0:00", false, true},
		{"02:15", false, true},
		{"Video:", false, true},
		{"Xem thêm", false, true},
		{"Chia sẻ", false, true},
		{"Facebook Zalo", false, true},
		{"Bình luận (3)", false, true},
		{"12", false, true},
		{"Trang 7", false, true},
		{"- 4 -", false, true},
		{"Ảnh: Thanh Tùng", false, true},
		{"(Ảnh: TTXVN)", false, true},
		{"Các đại biểu dự hội thảo.", false, true},
		{"Toàn cảnh tọa đàm.", false, true},
		{"Đồng chí Lý Văn Tài phát biểu tại hội nghị.", false, true},
		{"Lãnh đạo huyện trao giấy khen cho các chi bộ tiêu biểu.", false, true},
		{"Hội thảo bàn về phát triển đảng viên ảnh 3", false, true},
		{"Ban tổ chức tặng hoa đại biểu.", true, true},
		{"Ông Tạ Văn Hùng (thứ hai từ trái sang) trao đổi với đại biểu bên lề hội thảo.", false, true},
		{"Đồng chí Lục Thị Vân (bìa phải) thăm gian trưng bày sản phẩm.", false, true},
		{"Video: Phóng sự về mô hình chi bộ kiểu mẫu trong doanh nghiệp", false, true},
		{"Play Tắt tiếng Toàn màn hình", false, true},
		{"1080p", false, true},
		{"Ảnh 2: Hoàng Hà", false, true},
		{"▶ Xem phóng sự", false, true},
		{"Đồng chí Hoàng Văn Nhị phát biểu kết luận hội thảo.", false, true},
		{"Bà Nông Thị Hằng phát biểu khai mạc tại hội nghị.", false, true},
		{"15/08/2024 | 07:30 GMT+7", false, true},
		{"Chủ nhật, 3/12/2023 20:15", false, true},
		{"Cập nhật lúc 14:02, 06/06/2024", false, true},
		{"Nghe đọc bài", false, true},
		{"Chia sẻ:", false, true},
		{"Xem thêm: Bài học từ một chi bộ vùng biên", false, true},
		{"Ảnh: H.V.Tú", false, true},
		{"Bí thư Đảng ủy xã trao đổi với đảng viên trẻ. Ảnh: P.L", false, true},
		{"Đại diện Hội Nông dân trình bày tham luận tại hội nghị. Ảnh: K.Linh", false, true},
		{"Ông Lò Văn Pọm phát biểu tại hội nghị Ảnh: Q.Hưng", false, true},
		{"Các chi bộ ký giao ước thi đua - Ảnh: Đức Anh", false, true},
		// body text
		{"Ngày 15/08/2024, chi bộ đã họp chuyên đề về chuyển đổi số.", false, false},
		{"Xem thêm các văn bản hướng dẫn tại cổng thông tin của Tỉnh ủy.", false, false},
		{"Năm qua, toàn huyện kiểm tra 126 tổ chức đảng.", false, false},
		{"Đảng ủy xã Hòa Phú cho biết, xã đã giao chỉ tiêu cho từng chi bộ tại hội thảo.", false, false},
		{"In", false, false},
		{"2.500 đảng viên đã được nhận xét.", false, false},
		{"Đại diện Sở Tư pháp cho rằng cần rà soát lại toàn bộ quy trình kết nạp đảng viên tại hội thảo.", false, false},
		{"I. THỰC TRẠNG", true, false},
		{"Video đang phát", false, true},
		{"Trình duyệt của bạn không hỗ trợ phát video.", false, true},
		{"Giọng đọc: Nữ miền Bắc", false, true},
		{"Trang chủ / Xây dựng Đảng / Tin tức", false, true},
		{"Trang chủ » Thời sự", false, true},
		{"Kỷ yếu hội thảo 2025 | 14", false, true},
		{"Thời sự | Xây dựng Đảng", false, true},
		{"Lượt xem: 1.284", false, true},
		{"Trang chủ của Đảng bộ xã đăng tải đầy đủ nghị quyết để đảng viên tiện theo dõi, góp ý.", false, false},
		{"Video clip do đoàn viên thực hiện đã thu hút hàng nghìn lượt xem.", false, false},
	}
	for _, tt := range tests {
		nf := noiseFilter{headline: "Hội thảo bàn về phát triển đảng viên", afterPhto: tt.afterPhoto}
		if got := nf.isNoise(tt.line, corpus.BlockParagraph); got != tt.noise {
			t.Errorf("isNoise(%q, after photo %v) = %v, want %v", tt.line, tt.afterPhoto, got, tt.noise)
		}
	}
}

func TestIsByLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Bài và ảnh: Thu Hà", true},
		{"Tin, ảnh: Lê Minh", true},
		{"PV", true},
		{"Theo baodongson.vn", true},
		{"Minh Anh (Báo Đông Sơn)", true},
		{"Thu Hà - Quốc Tuấn", true},
		{"Hoàng Lan", true},
		{"Chi bộ họp định kỳ", false},
		{"Đảng ủy Sở Y tế tỉnh Hà Lâm", false},
		{"Hội thảo kết thúc cùng ngày.", false},
	}
	for _, tt := range tests {
		if got := isByLine(tt.line); got != tt.want {
			t.Errorf("isByLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestFilterNoiseInlineCredit(t *testing.T) {
	doc := &corpus.Document{}
	kept := filterNoise(doc, describeBlocks([]corpus.Block{{Text: "Xã có 9 chi bộ (Ảnh: Hồng Nhung). Các chi bộ họp đều."}}))
	if len(kept) != 1 || kept[0].Text != "Xã có 9 chi bộ. Các chi bộ họp đều." {
		t.Errorf("kept %+v", kept)
	}
	if len(doc.Noise) != 1 || doc.Noise[0] != "(Ảnh: Hồng Nhung)" {
		t.Errorf("noise %q", doc.Noise)
	}
}
