package msg

// The command line's errors and warnings: what was wrong, and what to do. Format verbs are filled
// by the commands.
const (
	CLINoCommand      = "không có lệnh %q"
	CLISeeHelp        = "(xem «thamluan %s --help»)"
	CLINoIndex        = "thiếu --index THƯ-MỤC (thư mục chỉ mục)"
	CLINoPaths        = "cần ít nhất một tệp hoặc thư mục"
	CLINotIndex       = "%s không phải chỉ mục thamluan: tạo chỉ mục bằng «thamluan index --index %s TỆP…»"
	CLINoQuery        = "thiếu truy vấn: viết các từ cần tìm sau các cờ, ví dụ: thamluan search --index CHỈ-MỤC chuyen doi so"
	CLIBadSize        = "--size %d không hợp lệ: cần một số từ 1 đến %d"
	CLIBadFrom        = "--from %d không hợp lệ: cần một số từ 0 đến %d"
	CLIBadSort        = "--sort %q không hợp lệ: dùng relevance (mức liên quan) hoặc date (ngày)"
	CLIBadShape       = "--shape %q không hợp lệ: dùng proceedings (kỷ yếu), paper (bài viết) hoặc news-report (bản tin)"
	CLIExportNeeds    = "cần cả --index THƯ-MỤC (chỉ mục) và --out TỆP (nơi ghi)"
	CLIBadFormat      = "--format %q không hợp lệ: dùng md, docx, csv, matrix-csv, qdpx hoặc opensearch"
	CLICannotCreate   = "không tạo được tệp xuất: %w"
	CLICannotExport   = "không xuất được %s: %w"
	CLICannotWrite    = "không ghi được %s: %w"
	CLISkipped        = "bỏ qua: %s"
	CLIEmptyFolder    = "cảnh báo: thư mục %s không có tài liệu nào (PDF, DOCX, HTML, TXT)"
	CLINothingRead    = "không đọc được tài liệu nào từ %s (xem ở trên)"
	CLINothingFound   = "không tìm thấy tài liệu nào để đọc trong %s: kiểm tra đường dẫn, hoặc chép các tệp PDF, DOCX, HTML, TXT vào đó"
	CLISkippedSummary = "%d đường dẫn không đọc được hoặc không có tài liệu đã bị bỏ qua (xem ở trên); phần còn lại đã xong"
	CLIFailedSummary  = "%s trong %s tệp không %s được (xem các dòng lỗi ở trên); phần còn lại đã xong"
	CLIPartial        = "một số tài liệu bị lỗi hoặc bị bỏ qua (xem ở trên); phần còn lại đã xong"
)
