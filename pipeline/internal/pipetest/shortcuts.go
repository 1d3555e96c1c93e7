package pipetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"thamluan/corpus/corpustest"
)

// ShortcutTexts returns the texts the fast paths of the pipeline are checked on against the code
// they stand for: the paragraphs of the first shared news articles (1000, or 40 under -short)
// and their sentences as split cuts them, every line of the shared dev and seed documents, and
// hand-made cases; more adds the cases of names, leads and speech verbs to them.
func ShortcutTexts(t *testing.T, split func(string) []string) (texts, more []string) {
	t.Helper()
	n := 1000
	if testing.Short() {
		n = 40
	}
	for _, d := range NewsDocs(t, n) {
		for _, b := range d.Blocks {
			texts = append(texts, b.Text)
			texts = append(texts, split(b.Text)...)
		}
	}
	texts = append(texts, "Sáng 22/8, tại Hà Nội", "ngày 5 tháng 12 năm 2023", "Ngày  15-11-2022 Hội thảo khoa học “Đổi mới”",
		"Tháng 3/2024", "năm 2019.", "TỔ CHỨC hội nghị", "Tổ Chức", "t\xffổ chức", "İ Kelvin \u212a", "")
	for _, dir := range []string{"corpus/dev", "corpus/seed"} { // every line: headings, noise, signatures
		files, _ := filepath.Glob(filepath.Join(corpustest.Shared(t, dir), "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, strings.Split(string(data), "\n")...)
		}
	}
	texts = append(texts, "\xff: Ảnh", "▶ Video", "► 0:00", "ĐIỀU 1.", "Điều 2:", "MỤC II. X", "Chương 3", "PHẦN THỨ NHẤT",
		"IV. KẾT LUẬN", "2.1. Giải pháp", "T/M BAN THƯỜNG VỤ", "Trang 3", "- 12 -", "(Ảnh: Minh Anh)", "Ảnh minh họa",
		"VIDEO:", "ｖideo:", "Xem thêm: bài", "Từ khóa: x", "Theo Báo Lạng Sơn", "Thu Hà - TTXVN", "09/05/2024 | 16:20 GMT+7",
		"Cập nhật: 10:15 ngày 2/4/2024", "Sáng 22/8, tại", "(Dân Việt) - Ngày 3 tháng 4", "Quang cảnh hội thảo",
		"ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 5 tháng 6 năm 2023", "Tin liên quan", ">> Tin liên quan:", "ſ", "K")
	more = append([]string(nil), texts...)
	more = append(more, "Tổ chức hội thảo", "TỔ CHỨC HỘI THẢO", "to\u0302\u0309 chu\u031bc ho\u0302\u0323i tha\u0309o",
		"đã DIỄN RA DIỄN ĐÀN", "to chuc  hoi thao", "xto chuc hoi thaoy", "to chuc hoi\xff thao", "İn THE İt İts",
		"The role of the party in the economy", "BETWEEN the lines, THROUGH it", "Phóng viên đã trao đổi với ông A",
		"Lê Thị Hương – Trường Chính trị tỉnh X", "NGUYỄN A - TRẦN B", "Nguyễn Văn An (Học viện X)", "Lê An ,Trường",
		"Lê  An\t–\n X", "Lê An-Bình", "Lê An -Bình", "Lê An- Bình", "Trần Văn B*, Viện Y", "Lê\u00a0An — X", "Lê An\v- X",
		"Lê An,Bình", "Lê An (", "Lê An 1 - X", "Lê\xffAn - X", "Mô hình của xã A được nhiều đại biểu quan tâm",
		"Kết luận hội thảo, đồng chí A", "phát biểu bế mạc", "KẾT LUẬN,", "Tổng kết chương trình, bà B",
		"  Đảng  ủy\tkhối\u00a0doanh nghiệp tỉnh ", "Sở Y tế\u2003Hà Nội \u0085x", " ", "Ban\nTuyên giáo\xff x",
		"Ông A nêu ý kiến về việc", "bà B nói rõ: x", "ông C thông tin về kết quả", "ông D thông tin thêm", "E đặt vấn đề,",
		"Sở F báo cáo của tỉnh", "ông G cho biết, bà H cho rằng", "I kể", "J nêu. K nói")
	return texts, more
}
