package export_test

import (
	"os"

	"thamluan/cmd/thamluan/export"
	"thamluan/corpus"
	"thamluan/pipeline"
)

func ExampleWriteMarkdown() {
	groups := []pipeline.RecGroup{{
		Text:   "Đề nghị mở lớp bồi dưỡng kỹ năng số cho bí thư chi bộ.",
		Themes: []string{"solutions", "digital-transformation"},
		Members: []corpus.Recommendation{
			{Path: "/lưu-trữ/ky-yeu.pdf", Title: "Nâng cao kỹ năng số của cán bộ cơ sở", Ordinal: 4, Page: 12,
				Speaker: "Đảng ủy Khối Doanh nghiệp", Workshop: "Hội thảo công tác xây dựng Đảng", Year: 2024},
			{Path: "tin-bai.html", Ordinal: 1},
		},
	}}
	export.WriteMarkdown(os.Stdout, export.NewReport(pipeline.DefaultCodebook(), groups))
	// Output:
	// # Tổng hợp kiến nghị, đề xuất
	//
	// 1 kiến nghị sau khi gộp các đề xuất trùng nhau; mỗi kiến nghị kèm nguồn (người trình bày, tài liệu, hội thảo, trang); đường dẫn tệp ở chú thích.
	//
	// ## Chuyển đổi số
	//
	// 1. Đề nghị mở lớp bồi dưỡng kỹ năng số cho bí thư chi bộ.
	//    - *Đảng ủy Khối Doanh nghiệp, “Nâng cao kỹ năng số của cán bộ cơ sở”, Hội thảo công tác xây dựng Đảng (2024), tr. 12*[^1]
	//    - *“tin-bai.html”, phần 1*[^2]
	//
	// [^1]: Tệp: /lưu-trữ/ky-yeu.pdf, phần 4
	// [^2]: Tệp: tin-bai.html, phần 1
}

func ExampleCite() {
	println := func(s string) { os.Stdout.WriteString(s + "\n") }
	println(export.Cite("ky-yeu.pdf", 4, 12, "Đảng ủy Khối Doanh nghiệp"))
	println(export.Cite("tin-bai.html", 1, 0, ""))
	// Output:
	// ky-yeu.pdf, phần 4, trang 12, Đảng ủy Khối Doanh nghiệp
	// tin-bai.html, phần 1
}
