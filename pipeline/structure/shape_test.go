package structure

import (
	"testing"

	"thamluan/corpus"
)

func TestHeadingLevel(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"I. THỰC TRẠNG", levelRoman},
		{"II- Giải pháp", levelRoman},
		{"IV Kiến nghị", levelRoman},
		{"1. Kết quả", levelNum},
		{"2.1. Về tổ chức", levelNum + 1},
		{"3) Đề xuất", levelNum},
		{"Phần thứ hai", levelPart},
		{"PHẦN II. GIẢI PHÁP", levelPart},
		{"Chương 3. Kết luận", levelChapter},
		{"Chương I.", levelChapter},
		{"Mục 1. Số lượng đảng viên", levelSection},
		{"MỤC II", levelSection},
		{"Mục I: Tình hình chung", levelSection},
		{"Điều 1. Phạm vi áp dụng", levelArticle},
		{"ĐIỀU 12", levelArticle},
		{"Mục tiêu của chi bộ", 0},
		{"Điều 5 của Quy định này áp dụng cho mọi chi bộ.", 0},
		{"MỞ ĐẦU", levelNamed},
		{"Tài liệu tham khảo:", levelNamed},
		{"2.500 đảng viên đã được kết nạp", 0},
		{"a) Chi bộ phân công nhiệm vụ", 0},
		{"1. Sở Nội vụ;", 0},
		{"2023 Đảng bộ tỉnh kết nạp thêm đảng viên", 0},
		{"Chi bộ họp định kỳ hằng tháng.", 0},
		{"1/ Ưu điểm", levelNum},
		{"II/ GIẢI PHÁP", levelRoman},
		{"5/11 Ban Tổ chức họp", 0},
	}
	for _, tt := range tests {
		if got := headingLevel(tt.line); got != tt.want {
			t.Errorf("headingLevel(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"This paper examines the role of party cells in private firms.", "en"},
		{"Bài viết phân tích vai trò của chi bộ trong doanh nghiệp tư nhân.", "vi"},
		{"Chi bo va dang vien o xa Tan Lap", "vi"},
		{"", "vi"},
	}
	for _, tt := range tests {
		if got := language(tt.text); got != tt.want {
			t.Errorf("language(%q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestRunInHeading(t *testing.T) {
	tests := []struct {
		para, head string
		level      int
	}{
		{"1.1. Về công tác tạo nguồn: Huyện ủy chỉ đạo mỗi làng lập danh sách thanh niên có trình độ.", "1.1. Về công tác tạo nguồn", levelNum + 1},
		{"2.3.1. Đối với chi bộ: cần giao nhiệm vụ cụ thể cho từng đảng viên trong mỗi kỳ sinh hoạt.", "2.3.1. Đối với chi bộ", levelNum + 2},
		{"1. Về công tác tạo nguồn: Huyện ủy chỉ đạo mỗi làng lập danh sách thanh niên có trình độ.", "", 0},  // one level: a list item
		{"2.1. Đề nghị Tỉnh ủy: mở thêm lớp trung cấp lý luận chính trị tại huyện cho bí thư chi bộ.", "", 0}, // a proposal
		{"1.2. Năm 2024, toàn huyện kết nạp 612 đảng viên: 341 là người dân tộc thiểu số ở các làng.", "", 0}, // a comma
		{"1.2. Về độ tuổi: ít.", "", 0}, // too short to be a heading's text
	}
	for _, tt := range tests {
		head, _, lv := runInHeading(block{Block: corpus.Block{Kind: corpus.BlockParagraph, Text: tt.para}})
		if head != tt.head || lv != tt.level {
			t.Errorf("runInHeading(%q) = %q, %d; want %q, %d", tt.para, head, lv, tt.head, tt.level)
		}
	}
}

func TestNumberedUnit(t *testing.T) {
	tests := []struct {
		words []string
		want  bool
	}{
		{[]string{"ấp", "4"}, true},
		{[]string{"khu", "phố", "12"}, true},
		{[]string{"phường", "7"}, true},
		{[]string{"có", "4"}, false},
		{[]string{"ấp", "2024a"}, false},
		{[]string{"4"}, false},
	}
	for _, tt := range tests {
		if got := numberedUnit(tt.words); got != tt.want {
			t.Errorf("numberedUnit(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}
