// Package msg is the message catalogue of thamluan: every sentence the command line and the web
// interface show a person, in Vietnamese — command summaries and help, flag descriptions, labels,
// and errors that say what went wrong, with the file, and what to do. Flags and identifiers stay
// English; what a person reads does not.
package msg

import (
	"fmt"
	"strings"
)

// Command summaries, as `thamluan --help` lists them.
var Summary = map[string]string{
	"analyze":  "đọc tài liệu, in các phần, chủ đề và kiến nghị của chúng",
	"index":    "thêm hoặc cập nhật tài liệu trong một chỉ mục",
	"search":   "tìm trong một chỉ mục",
	"themes":   "tổng hợp từng chủ đề của một chỉ mục",
	"recs":     "liệt kê các kiến nghị của một chỉ mục, đã gộp trùng",
	"compare":  "so sánh hai hội thảo hoặc hai giai đoạn: chủ đề, cụm từ, kiến nghị mới và lặp lại",
	"stats":    "đếm tài liệu và phần của một chỉ mục",
	"serve":    "mở giao diện web tiếng Việt cho một chỉ mục, vẫn nhận thêm tài liệu khi đang chạy",
	"export":   "xuất kiến nghị, kiến nghị lặp lại, đoạn đã mã hóa hoặc dự án QDA (md, docx, csv, qdpx)",
	"codebook": "in bộ mã mặc định, để sửa rồi dùng lại với --codebook",
	"demo":     "lập chỉ mục bộ tài liệu mẫu và cho thấy thamluan làm được gì",
}

// Usage is the text of `thamluan --help` before the list of commands; UsageEnd comes after it.
const (
	Usage    = "thamluan — kho tư liệu hội thảo, tham luận: tìm kiếm được, mã hóa theo chủ đề\n\ncách dùng: thamluan LỆNH [cờ] [đối số]\n\ncác lệnh:"
	UsageEnd = "\nChạy «thamluan LỆNH --help» để xem các cờ của một lệnh. Cờ đặt trước đối số.\n" +
		"Mã thoát: 0 mọi việc suôn sẻ, 1 có tài liệu lỗi hoặc bị bỏ qua (phần còn lại vẫn làm), 2 dùng sai lệnh hoặc lỗi nghiêm trọng."
)

// UsageLine is the first line of a command's help: name and arguments.
func UsageLine(name, args string) string {
	return fmt.Sprintf("cách dùng: thamluan %s [cờ] %s", name, translateArgs(args))
}

func translateArgs(args string) string {
	r := strings.NewReplacer("PATH...", "ĐƯỜNG-DẪN…", "QUERY", "TRUY-VẤN", "DIR...", "THƯ-MỤC…")
	return r.Replace(args)
}

// FlagsHeading introduces the flags in a command's help.
const FlagsHeading = "các cờ:"

// About is each command's help text, shown by `thamluan COMMAND --help`.
var About = map[string]string{
	"analyze": "Đọc các tệp (hoặc mọi tài liệu trong các thư mục) và in, cho từng tài liệu, các phần cùng\n" +
		"người trình bày, trang, chủ đề và câu. Với --json: mỗi dòng một đối tượng JSON (JSON Lines).",
	"index": "Thêm hoặc cập nhật tài liệu (các tệp, hoặc mọi tài liệu trong các thư mục) vào một chỉ mục.\n" +
		"Tệp không đổi được bỏ qua; tệp không đọc được bị bỏ qua và được báo ở cuối (mã thoát 1).",
	"search": searchAbout,
	"themes": "Tổng hợp từng chủ đề của bộ mã trên một chỉ mục: số phần và tài liệu, tỉ lệ theo hội thảo\n" +
		"và năm, người trình bày nổi bật, cụm từ khóa và câu tiêu biểu kèm nguồn.",
	"recs": "Liệt kê các kiến nghị, đề xuất của một chỉ mục theo chủ đề; một đề xuất được nhiều tài liệu\n" +
		"nêu chỉ in một lần, kèm mọi nguồn. Với --recurring: các kiến nghị được nêu lại ở hội thảo\n" +
		"hoặc năm khác, kể cả bằng lời lẽ khác, theo từng năm.",
	"compare": "So sánh hai hội thảo hoặc hai giai đoạn: tỷ lệ mỗi chủ đề và mức thay đổi, các cụm từ\n" +
		"nổi lên và giảm đi, kiến nghị mới và kiến nghị lặp lại. A và B là tên (hoặc một phần tên)\n" +
		"hội thảo, một năm (2023) hoặc một khoảng năm (2021-2023).",
	"stats": "Đếm tài liệu và phần của một chỉ mục theo định dạng, hội thảo và chủ đề, và dung lượng của nó.",
	"serve": "Mở giao diện web tiếng Việt cho một chỉ mục: tìm kiếm có tô sáng và bộ lọc, xem toàn văn tài\n" +
		"liệu với chủ đề và bằng chứng, bảng tổng hợp chủ đề, kiến nghị kèm tệp xuất, API JSON\n" +
		"(/api/search, /api/themes, /api/recs, /api/doc, /api/jobs), và trang tải lên («Thêm tài liệu»,\n" +
		"/upload) để thêm tài liệu vào một hội thảo.\n\n" +
		"Máy chủ giữ chỉ mục để ghi và vẫn phục vụ trong khi tài liệu được thêm: một lần «thamluan index»\n" +
		"trên cùng chỉ mục được giao cho máy chủ (tiến độ và báo cáo vẫn in như thường), «search», «stats»,\n" +
		"«themes», «recs» và «export» do máy chủ trả lời, và tài liệu mới tìm được vài giây sau khi lô của\n" +
		"nó được ghi, không cần khởi động lại. Với --watch, các thư mục nêu sau các cờ được lập chỉ mục và\n" +
		"theo dõi: tệp mới, tệp đã sửa và tệp đã xóa đều được cập nhật. Tệp tải lên được giữ trong thư mục\n" +
		"«uploads» của thư mục chỉ mục.\n\n" +
		"Chỉ nghe trên máy này, trừ khi --addr chỉ định khác; trang tải lên và API jobs chỉ trả lời máy\n" +
		"này, trừ khi có cả --token (mở /upload?token=MÃ một lần).",
	"export": exportAbout,
	"codebook": "In bộ mã mặc định (TOML). Lưu lại, sửa chủ đề, dấu hiệu và quy tắc, rồi dùng tệp đó với\n" +
		"--codebook cho analyze, index, themes và recs. Với --check TỆP: kiểm tra một tệp bộ mã.",
	"demo": "Ghi bộ tài liệu mẫu (ba tài liệu hội thảo tiếng Việt tự soạn) vào một thư mục tạm, lập chỉ\n" +
		"mục, in bảng tổng hợp chủ đề và hai lần tìm, một lần gõ không dấu. Với --keep THƯ-MỤC, tài\n" +
		"liệu và chỉ mục được giữ lại ở đó.",
}

const searchAbout = `Tìm trong một chỉ mục. Cú pháp truy vấn:
  các từ           bất kỳ từ nào; phần nào có nhiều từ hơn, đứng liền nhau (như một cụm) và
                   đúng dấu hơn thì xếp trước
  "một cụm từ"     các từ này theo đúng thứ tự (bắt buộc; cụm từ ba từ trở lên được so từng cặp
                   từ đứng cạnh nhau)
  +từ -từ          từ bắt buộc có hoặc bị loại trừ (cả +"cụm từ", -"cụm từ", -theme:MÃ)
  a OR b           một trong hai bên; viết liền nhau nghĩa là «và, nếu được»
  ( ... )          nhóm: +(doanh nghiệp OR hợp tác xã) -"nhà nước"
  chuyen*          các từ bắt đầu bằng «chuyen» (ít nhất hai chữ trước dấu *)
  theme:MÃ         chỉ các phần có chủ đề này: theme:shortcomings (Hạn chế, yếu kém),
                   theme:solutions (Giải pháp, kiến nghị), theme:digital-transformation (Chuyển
                   đổi số), theme:private-enterprise (Kinh tế tư nhân), hoặc mã chủ đề của bộ mã
                   riêng; mã không có trong bộ mã bị từ chối kèm danh sách mã hợp lệ
  speaker:TÊN      chỉ các phần của người trình bày hoặc tổ chức này (cả org:TÊN); tên có dấu
                   cách thì đặt trong ngoặc kép: speaker:"Nguyễn Văn A", dấu không bắt buộc
  workshop:TÊN     chỉ các phần của hội thảo có tên chứa TÊN (dấu không bắt buộc)
  year:2023        chỉ các phần của hội thảo năm đó, hoặc một khoảng: year:2019-2023
  doc:PHẦN-TÊN     chỉ các tài liệu có đường dẫn chứa PHẦN-TÊN
  lang:en          chỉ các phần bằng ngôn ngữ đó
Dấu không bắt buộc: "chuyen doi so" tìm được "chuyển đổi số", "hòa" tìm được "hoà", "dang" tìm
được "đảng". Truy vấn gõ có dấu thì giữ đúng dấu: "chuyển đổi số" chỉ tìm và tô sáng các từ có
đúng các dấu đó (không kể vị trí đặt dấu thanh và chữ hoa), không bao giờ "đôi so" hay "đối số". Phần tiếng Anh được tìm theo gốc từ (developing tìm được
develop). Truy vấn sai cú pháp (ngoặc kép hoặc ngoặc đơn không đóng, OR thiếu một bên, chỉ có điều
kiện loại trừ) bị từ chối, kèm lý do, vị trí, một truy vấn đã sửa để thử, và mã thoát 2.`

const exportAbout = `Xuất một chỉ mục để dùng ở nơi khác. Các định dạng:
  md          báo cáo kiến nghị theo chủ đề, kèm nguồn, dạng Markdown
  docx        cùng báo cáo đó, dạng Word: trích dẫn ghi tên tài liệu, hội thảo, người trình bày,
              trang; đường dẫn tệp ở chú thích
  csv         các đoạn đã mã hóa: mỗi phần một dòng, có cột văn bản và một cột 0/1 cho mỗi chủ đề
              (UTF-8 có BOM, mở bằng Excel)
  matrix-csv  ma trận chủ đề × tổ chức: số phần theo người trình bày và chủ đề
  recurring-md    các kiến nghị được nêu lại ở hội thảo hoặc năm khác, theo chủ đề, kèm các năm
                  và nguồn, dạng Markdown
  recurring-docx  cùng báo cáo đó, dạng Word
  qdpx        dự án REFI-QDA cho ATLAS.ti, NVivo, MAXQDA: chủ đề thành mã (nhãn, mô tả tiếng Việt),
              các phần thành nguồn, câu được gắn chủ đề thành đoạn mã hóa
  opensearch  một thư mục (--out THƯ-MỤC) gồm mapping.json, với bộ phân tích giống thamluan (bỏ dấu,
              đ→d, một cách đặt dấu, cặp từ), và các tệp bulk-NNNN.ndjson cho API _bulk của
              OpenSearch hoặc Elasticsearch
Tệp xuất được tạo với quyền 0644 (trừ đi umask).`

// AboutFor returns the Vietnamese help of a command, its entry in About; ok is false when there
// is none.
func AboutFor(command string) (string, bool) {
	vi, ok := About[command]
	return vi, ok
}

// flagUsage is the Vietnamese description of each flag, by name; "command.flag" entries win.
var flagUsage = map[string]string{
	"index":             "thư mục chỉ mục `THƯ-MỤC`",
	"index.index":       "thư mục chỉ mục `THƯ-MỤC` (được tạo nếu chưa có)",
	"json":              "in kết quả dạng JSON",
	"analyze.json":      "in JSON Lines, mỗi tài liệu một đối tượng",
	"codebook":          "tệp bộ mã `TỆP` (TOML) thay cho bộ mã mặc định; xem «thamluan codebook»",
	"shape":             "ép dạng tài liệu: proceedings (kỷ yếu), paper (bài viết) hoặc news-report (bản tin)",
	"allow-low-quality": "giữ lớp chữ trông như rác (PDF cần nhận dạng chữ)",
	"check":             "kiểm tra tệp bộ mã `TỆP` và liệt kê các chủ đề của nó",
	"keep":              "ghi bộ tài liệu và chỉ mục vào `THƯ-MỤC` và giữ lại",
	"format":            "định dạng: md, docx, recurring-md, recurring-docx, csv, matrix-csv, qdpx hoặc opensearch",
	"ocr":               "nhận dạng chữ (OCR) bằng Tesseract cho trang scan và tệp ảnh: auto (các trang không có lớp chữ dùng được), off (tắt) hoặc force (mọi trang)",
	"ocr-lang":          "ngôn ngữ `NGÔN-NGỮ` của Tesseract khi nhận dạng chữ, ví dụ vie hoặc vie+eng",
	"watch":             "lập chỉ mục các thư mục nêu sau các cờ và giữ chỉ mục khớp với chúng khi tệp được thêm, sửa, xóa",
	"poll":              "với --watch: cứ sau bấy nhiêu `THỜI-GIAN` thì xem lại các thư mục một lần",
	"token":             "cho máy khác dùng trang tải tài liệu lên khi gửi kèm `MÃ-BÍ-MẬT` này (dùng cùng --addr)",
	"upload-file-mb":    "cỡ lớn nhất của một tệp tải lên, tính bằng `MB`",
	"upload-mb":         "cỡ lớn nhất của một lần tải lên (mọi tệp cộng lại), tính bằng `MB`",
	"debug":             "in các số đếm gỡ lỗi ra đầu lỗi: số đoạn dài bất thường đã được tách thành câu",
	"recurring":         "liệt kê các kiến nghị được nêu lại ở hội thảo hoặc năm khác, theo từng chuỗi",
	"compare.out":       "ghi thêm bản so sánh ra `TỆP` (.md: Markdown, .docx: Word)",
	"out":               "ghi ra `TỆP` (một thư mục với opensearch; bắt buộc)",
	"workers":           "số luồng đọc và phân tích song song",
	"batch":             "tối đa bấy nhiêu tài liệu mỗi lô ghi bền",
	"batch-mb":          "ghi một lô khi văn bản của các phần đạt bấy nhiêu `MB` (bộ nhớ cỡ 200 lần số này, hai lô một lúc)",
	"prune":             "gỡ các tài liệu có tệp đã không còn trong các thư mục được nêu",
	"quiet":             "không in tiến độ",
	"force":             "đọc và lập chỉ mục lại mọi tệp, dù có đổi hay không",
	"report":            "ghi tóm tắt của lần chạy dạng JSON vào `TỆP`",
	"include":           "chỉ các tệp khớp mẫu `MẪU` này (lặp lại được)",
	"exclude":           "bỏ qua các tệp khớp mẫu `MẪU` này (lặp lại được)",
	"log-every":         "khoảng cách giữa hai dòng tiến độ khi đầu ra lỗi không phải màn hình",
	"memory-mb":         "giới hạn mềm bộ nhớ của chương trình, tính bằng `MB` (0: không giới hạn; GOMEMLIMIT, nếu đặt, được ưu tiên)",
	"cpuprofile":        "ghi hồ sơ CPU của lần chạy vào `TỆP` (để tinh chỉnh)",
	"memprofile":        "ghi hồ sơ bộ nhớ cuối lần chạy vào `TỆP` (để tinh chỉnh)",
	"theme":             "chỉ các phần có chủ đề với mã `MÃ` này (lặp lại được)",
	"recs.theme":        "chỉ các kiến nghị có chủ đề với mã `MÃ` này (lặp lại được)",
	"speaker":           "chỉ các phần của người trình bày này",
	"size":              "số kết quả mỗi trang, từ 1 đến 1000",
	"from":              "bỏ qua bấy nhiêu kết quả đầu (sang trang), từ 0 đến 10000",
	"sort":              "thứ tự: relevance (mức liên quan) hoặc date (ngày, mới trước)",
	"facets":            "in thêm số phần theo chủ đề, người trình bày, hội thảo và năm của mọi kết quả",
	"addr":              "nghe ở `MÁY:CỔNG`",
	"serve.index":       "thư mục chỉ mục `THƯ-MỤC` (với --watch: được tạo nếu chưa có)",
	"matrix":            "in ma trận chủ đề × tổ chức và bảng đồng xuất hiện thay cho bản tổng hợp",
	"matrix-csv":        "ghi ma trận chủ đề × tổ chức dạng CSV vào `TỆP` (kéo theo --matrix)",
	"cooc-csv":          "ghi bảng đồng xuất hiện của các chủ đề dạng CSV vào `TỆP` (kéo theo --matrix)",
}

// FlagUsage returns the Vietnamese description of a command's flag, and whether the catalogue
// has one.
func FlagUsage(command, flag string) (string, bool) {
	if s, ok := flagUsage[command+"."+flag]; ok {
		return s, true
	}
	s, ok := flagUsage[flag]
	return s, ok
}

// ShapeLabel names a document shape for a person.
func ShapeLabel(shape string) string {
	switch shape {
	case "proceedings":
		return "kỷ yếu hội thảo"
	case "paper":
		return "bài viết"
	case "news-report":
		return "bản tin"
	case "":
		return "chưa rõ"
	}
	return shape
}

// FacetLabel names a facet of a search result.
var FacetLabel = map[string]string{"themes": "Chủ đề", "speakers": "Người trình bày", "workshops": "Hội thảo", "years": "Năm"}

// StatusTitle is the title of an error page for an HTTP status.
func StatusTitle(code int) string {
	switch code {
	case 400:
		return "Yêu cầu không hợp lệ"
	case 404:
		return "Không tìm thấy"
	case 405:
		return "Thao tác không được hỗ trợ"
	case 503:
		return "Máy chủ đang bận"
	}
	return "Lỗi máy chủ"
}

// Flag-parsing errors, from the flag package's English.
func FlagError(err error) string {
	s := err.Error()
	switch {
	case strings.HasPrefix(s, "flag provided but not defined: "):
		return "không có cờ " + strings.TrimPrefix(s, "flag provided but not defined: ")
	case strings.HasPrefix(s, "flag needs an argument: "):
		return "cờ " + strings.TrimPrefix(s, "flag needs an argument: ") + " cần một giá trị"
	case strings.HasPrefix(s, "invalid value "), strings.HasPrefix(s, "invalid boolean value "):
		// invalid value "x" for flag -size: parse error
		v, rest, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(s, "invalid boolean value "), "invalid value "), " for flag ")
		name, _, _ := strings.Cut(rest, ":")
		return fmt.Sprintf("giá trị %s của cờ %s không hợp lệ", v, name)
	case strings.HasPrefix(s, "bad flag syntax: "):
		return "cờ viết sai: " + strings.TrimPrefix(s, "bad flag syntax: ")
	}
	return s
}
