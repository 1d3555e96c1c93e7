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
	CLIBadValue       = "%s %s không hợp lệ: dùng %s"
	CLIBadShape       = "--shape %q không hợp lệ: dùng proceedings (kỷ yếu), paper (bài viết) hoặc news-report (bản tin)"
	CLIExportNeeds    = "cần cả --index THƯ-MỤC (chỉ mục) và --out TỆP (nơi ghi)"
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

// The command line's output: labels and lines of search, stats, themes, recs and export.
const (
	OutHits          = "%d kết quả cho «%s»\n"
	OutHit           = "\n%d. %s — phần %d"
	OutPage          = ", trang %d"
	OutScore         = " (điểm %.2f)\n"
	OutSpeaker       = "   người trình bày: %s\n"
	OutThemes        = "   chủ đề: %s\n"
	OutStats         = "tài liệu: %d\nphần: %d\ndòng nhiễu đã loại: %d\ndung lượng chỉ mục: %.1f MB\n"
	OutLowQuality    = "chất lượng văn bản thấp: %s\n"
	OutFormats       = "định dạng"
	OutWorkshops     = "hội thảo"
	OutThemeSections = "chủ đề (số phần)"
	OutThemeSummary  = "  %d phần trong %d tài liệu (%.0f%% số phần), %d câu\n"
	OutByWorkshop    = "  theo hội thảo"
	OutByYear        = "  theo năm"
	OutTopSpeakers   = "  người trình bày nổi bật"
	OutKeyPhrases    = "  cụm từ khóa: %s\n"
	OutQuotes        = "  câu tiêu biểu:\n"
	OutOrganisation  = "Tổ chức\tSố phần"
	OutCooccurrence  = "\nĐồng xuất hiện (số phần có cả hai chủ đề)"
	OutOther         = "Khác"
	OutNoRecs        = "Chưa có kiến nghị nào trong chỉ mục.\n"
	OutOpenSearch    = "đã ghi %s và %d tệp bulk (%d phần) vào %s\n"
)
