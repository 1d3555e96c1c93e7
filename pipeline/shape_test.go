package pipeline

import "testing"

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
