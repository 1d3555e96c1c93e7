package msg

// The web interface's messages: errors that say what was wrong and what to do, page and chart
// titles. Format verbs are filled by the handlers.
const (
	WebNoPage        = "không có trang %s: kiểm tra lại địa chỉ"
	WebNoStatic      = "không có tệp %s"
	WebTimeout       = "yêu cầu mất quá nhiều thời gian: thử lại với truy vấn hẹp hơn (thêm từ, hoặc lọc theo chủ đề, năm)"
	WebReadOnly      = "trang này chỉ để đọc: chỉ hỗ trợ GET và HEAD"
	WebServerError   = "lỗi máy chủ: thử lại; nếu vẫn lỗi, xem nhật ký của «thamluan serve»"
	WebQueryTooLong  = "truy vấn dài %d ký tự, tối đa %d: rút ngắn lại"
	WebQueryNotUTF8  = "truy vấn không phải UTF-8 hợp lệ: gõ lại truy vấn"
	WebBadSort       = "sort=%q không hợp lệ: dùng relevance (mức liên quan) hoặc date (ngày)"
	WebBadNumber     = "%s=%q không hợp lệ: cần một số từ %d đến %d"
	WebNoQuery       = "thiếu tham số q: thêm ?q=TỪ-KHÓA"
	WebNoPath        = "thiếu tham số path: mở tài liệu từ một kết quả tìm kiếm"
	WebDocNotIndexed = "tài liệu %q không có trong chỉ mục: tìm lại từ trang tìm kiếm"
	WebFileNotIdx    = "tệp %q không có trong chỉ mục"
	WebFileGone      = "tệp gốc %s không còn trên đĩa: tệp đã bị chuyển hoặc xóa; lập chỉ mục lại thư mục của nó"
	WebNotAFile      = "%s không phải một tệp"
	WebFilterTooLong = "bộ lọc dài quá %d ký tự: rút ngắn lại"
	WebBadYear       = "year=%q không hợp lệ: viết một năm (2023) hoặc một khoảng năm (2019-2023)"
	WebNoExport      = "không có tệp xuất %q: chọn một tệp trong mục «Tải về» của trang Kiến nghị"

	TitleSearch     = "Tìm kiếm"
	TitleBadQuery   = "Truy vấn chưa đúng — Tìm kiếm"
	TitleThemes     = "Chủ đề"
	TitleRecs       = "Kiến nghị"
	ChartThemes     = "Số phần theo chủ đề"
	ChartByWorkshop = "Theo hội thảo"
	ChartByYear     = "Theo năm"
	ChartSpeakers   = "Tổ chức, người trình bày nổi bật"
)
