package corpus

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"thamluan/corpus/corpustest"
)

func TestJoinLine(t *testing.T) {
	tests := []struct{ par, line, want string }{
		{"Đảng bộ có", "122 tổ chức", "Đảng bộ có 122 tổ chức"},
		{"chủ nghĩa Mác-", "Lênin", "chủ nghĩa Mác-Lênin"},
		{"an efficient docu-", "ment", "an efficient document"},
		{"giai đoạn 2020 -", "2025", "giai đoạn 2020 - 2025"},
		{"thực hi\u00ad", "ện", "thực hiện"},
	}
	for _, tt := range tests {
		if got := joinLine(tt.par, tt.line); got != tt.want {
			t.Errorf("joinLine(%q, %q) = %q, want %q", tt.par, tt.line, got, tt.want)
		}
	}
}

func TestTextQuality(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		min, max float64
	}{
		{"Vietnamese", "Chi bộ duy trì sinh hoạt định kỳ vào tối thứ năm đầu tháng, tỷ lệ đảng viên dự họp đạt trên chín mươi phần trăm.", 0.95, 1},
		{"Vietnamese letters dropped", "Nhng kt qu t c: ng b Khi c quan và doanh nghip tnh có 122 t chc c s ng", 0, 0.6},
		{"dingbats of a lost font map", "✓✁✔✂✕✄✆✂☎✆✞✝✖✞✗✟ ✘✠✙✂✡☛✞✁☞✌✞✞✍✍✁✒", 0, 0.1},
		{"shifted codes", "WK{QJ Y@L FX#D TU%N", 0, 0.3},
	}
	for _, tt := range tests {
		if q := textQuality(tt.text); q < tt.min || q > tt.max {
			t.Errorf("%s: quality %.2f, want %.2f-%.2f", tt.name, q, tt.min, tt.max)
		}
	}
}

func TestReadPDFFixtures(t *testing.T) {
	tests := []struct {
		file     string
		pages    int
		headings []string // blocks that must come out as headings, in order
		absent   []string // furniture that must not be in any block
	}{
		{"lo-txt.pdf", 1, []string{"I. TÌNH HÌNH CHUNG", "II. NHỮNG VIỆC CẦN LÀM TIẾP", "1. Đổi mới nội dung sinh hoạt", "2. Phát huy vai trò đảng viên trẻ"}, nil},
		{"lo-hf.pdf", 3, []string{"HỘI THẢO KHOA HỌC VỀ CÔNG TÁC XÂY DỰNG ĐẢNG Ở CƠ SỞ", "I. THỰC TRẠNG", "1. Những kết quả đạt được", "2. Hạn chế, yếu kém", "II. GIẢI PHÁP"},
			[]string{"Tài liệu hội thảo", "Trang"}},
		{"chromium-hf.pdf", 2, []string{"HỘI THẢO KHOA HỌC VỀ CÔNG TÁC XÂY DỰNG ĐẢNG Ở CƠ SỞ", "I. THỰC TRẠNG", "1. Những kết quả đạt được", "2. Hạn chế, yếu kém", "II. GIẢI PHÁP"},
			[]string{"Hội thảo xây dựng Đảng ở cơ sở", "Trang"}},
		{"chromium-twocol.pdf", 1, []string{"HỘI THẢO KHOA HỌC VỀ CÔNG TÁC XÂY DỰNG ĐẢNG Ở CƠ SỞ", "I. THỰC TRẠNG", "1. Những kết quả đạt được", "2. Hạn chế, yếu kém", "II. GIẢI PHÁP"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := Read(filepath.Join("pdf", "testdata", tt.file), ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Pages != tt.pages {
				t.Errorf("Pages = %d, want %d", doc.Pages, tt.pages)
			}
			var heads []string
			for _, b := range doc.Blocks {
				if b.Kind == BlockHeading {
					heads = append(heads, b.Text)
				}
				for _, a := range tt.absent {
					if strings.Contains(b.Text, a) {
						t.Errorf("furniture %q in block %q", a, b.Text)
					}
				}
				if b.Page < 1 || b.Page > tt.pages {
					t.Errorf("block on page %d: %q", b.Page, b.Text)
				}
			}
			if strings.Join(heads, "\n") != strings.Join(tt.headings, "\n") {
				t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(heads, "\n"), strings.Join(tt.headings, "\n"))
			}
			if doc.Quality < 0.95 {
				t.Errorf("quality %.2f for a clean text layer", doc.Quality)
			}
		})
	}
}

// TestReadPDFNeedsOCR reads the shared PDFs whose producers destroyed the text layer: they are
// refused with ErrNeedsOCR, or kept with a warning when AllowLowQuality is set.
func TestReadPDFNeedsOCR(t *testing.T) {
	for _, name := range []string{"ps2pdf-chromium-dejavu-short.pdf", "groff-short.pdf"} {
		t.Run(name, func(t *testing.T) {
			path := corpustest.Shared(t, filepath.Join("corpus/made", name))
			if _, err := Read(path, ReadOptions{}); !errors.Is(err, ErrNeedsOCR) || !strings.Contains(err.Error(), name) {
				t.Errorf("got error %v, want one naming the file and wrapping ErrNeedsOCR", err)
			}
			doc, err := Read(path, ReadOptions{AllowLowQuality: true})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Quality >= pdfMinQuality || len(doc.Warnings) == 0 || !strings.Contains(doc.Warnings[len(doc.Warnings)-1], "needs OCR") {
				t.Errorf("quality %.2f, warnings %q: want low quality and a needs-OCR warning", doc.Quality, doc.Warnings)
			}
		})
	}
}
