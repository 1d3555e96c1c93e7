package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"syscall"

	"thamluan/corpus"
	"thamluan/corpus/docx"
	"thamluan/corpus/pdf"
	"thamluan/index"
	"thamluan/pipeline"
)

// Error is an error already worded for a person, in Vietnamese. It may wrap the error it explains.
type Error struct {
	Msg string
	Err error
}

// Error implements error.
func (e *Error) Error() string { return e.Msg }

// Unwrap returns the error explained.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with a Vietnamese message; a %w verb wraps its argument as with
// fmt.Errorf, but the message shows the argument through Describe.
func Errorf(format string, args ...any) error {
	var wrapped error
	shown := make([]any, len(args))
	for i, a := range args {
		shown[i] = a
		if e, ok := a.(error); ok {
			if wrapped == nil {
				wrapped = e
			}
			shown[i] = Describe(e)
		}
	}
	format = strings.ReplaceAll(format, "%w", "%v")
	return &Error{Msg: fmt.Sprintf(format, shown...), Err: wrapped}
}

// readKinds are the reasons a document cannot be read, with what to do about each.
var readKinds = []struct {
	err error
	vi  string
}{
	{corpus.ErrEmpty, "tệp rỗng"},
	{corpus.ErrUnsupported, "không phải định dạng được hỗ trợ (PDF, DOCX, HTML, TXT)"},
	{corpus.ErrNeedsOCR, "PDF không có lớp chữ dùng được (bản quét): cần nhận dạng chữ (OCR), hoặc dùng --allow-low-quality để giữ lớp chữ này"},
	{pdf.ErrNotPDF, "không phải tệp PDF hợp lệ"},
	{pdf.ErrEncrypted, "PDF có mật khẩu: mở khóa rồi thử lại"},
	{pdf.ErrNoPages, "PDF không có trang nào"},
	{pdf.ErrTimeout, "đọc chữ trong PDF quá lâu: tệp có thể hỏng"},
	{docx.ErrNotZip, "không phải tệp DOCX hợp lệ (tệp có thể hỏng, hoặc là .doc cũ: lưu lại dưới dạng .docx)"},
	{docx.ErrNoDocument, "tệp DOCX thiếu phần nội dung: tệp có thể hỏng"},
	{docx.ErrTooLarge, "tệp DOCX giải nén ra quá lớn"},
	{index.ErrNotIndex, "không phải chỉ mục thamluan: tạo chỉ mục bằng «thamluan index --index THƯ-MỤC TỆP…»"},
	{index.ErrInUse, "chỉ mục đang được một tiến trình khác dùng: thử lại khi tiến trình đó xong"},
	{index.ErrReadOnly, "chỉ mục đang mở chỉ để đọc"},
}

// Describe words err for a person, in Vietnamese: an *Error as it is, a malformed query with
// its position, a file that is missing or unreadable with its name and what to do, an unreadable
// document with the reason. Other errors keep their own text after a Vietnamese lead.
func Describe(err error) string {
	if err == nil {
		return ""
	}
	var me *Error
	if errors.As(err, &me) {
		return me.Msg
	}
	if p, ok := Query(err, nil); ok {
		return p.Error()
	}
	var ut *UnknownThemeError
	if errors.As(err, &ut) {
		return ut.Error()
	}
	var cbe *pipeline.CodebookError
	if errors.As(err, &cbe) {
		return fmt.Sprintf("bộ mã %s, dòng %d: %s (sửa tệp rồi kiểm tra lại bằng «thamluan codebook --check %s»)", cbe.File, cbe.Line, codebookMsg(cbe.Msg), cbe.File)
	}
	if s, ok := inUseEnglish(err); ok {
		return s
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pathError(pe.Path, pe.Err)
	}
	if errors.Is(err, index.ErrInUse) {
		if m := inUseBy.FindStringSubmatch(err.Error()); m != nil {
			return fmt.Sprintf("chỉ mục %s đang được tiến trình %s ghi (một lần «thamluan index»): thử lại khi nó xong", m[2], m[1])
		}
		if m := inUseByReader.FindStringSubmatch(err.Error()); m != nil {
			return fmt.Sprintf("chỉ mục %s đang được một tiến trình khác đọc (tìm kiếm, thống kê hoặc máy chủ): thử lại khi nó xong", m[1])
		}
	}
	for _, k := range readKinds {
		if errors.Is(err, k.err) {
			if name := firstPath(err.Error()); name != "" {
				return name + ": " + k.vi
			}
			return k.vi
		}
	}
	return "lỗi: " + err.Error()
}

// inUseBy finds the writer's process and the index in index.ErrInUse's message.
var inUseBy = regexp.MustCompile(`bởi tiến trình (\d+) \(một lần chạy .thamluan index. đang ghi vào (.+); hãy thử lại`)

// inUseByReader finds the index in index.ErrInUse's message when readers hold it.
var inUseByReader = regexp.MustCompile(`bởi một tiến trình khác đang đọc (.+) \(tìm kiếm`)

// pathError explains a failed file operation on path.
func pathError(path string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("không tìm thấy %s: kiểm tra lại đường dẫn", path)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("không có quyền đọc hoặc ghi %s: kiểm tra quyền truy cập của thư mục, tệp", path)
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Sprintf("%s: một phần của đường dẫn không phải thư mục", path)
	case errors.Is(err, syscall.EISDIR):
		return fmt.Sprintf("%s là một thư mục, cần một tệp", path)
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Sprintf("hết chỗ trống trên đĩa khi ghi %s", path)
	case errors.Is(err, syscall.EROFS):
		return fmt.Sprintf("%s nằm trên ổ chỉ đọc", path)
	}
	return fmt.Sprintf("không đọc hoặc ghi được %s (%v)", path, err)
}

// firstPath returns the file a wrapped error names after its first verb ("read FILE: …").
func firstPath(s string) string {
	for _, verb := range []string{"read ", "open index ", "lock index ", "index "} {
		if rest, ok := strings.CutPrefix(s, verb); ok {
			if i := strings.Index(rest, ": "); i > 0 {
				return rest[:i]
			}
		}
	}
	return ""
}

// inUseByEN finds the writer's process and the index in an English index.ErrInUse message.
var inUseByEN = regexp.MustCompile(`in use by process (\d+) \(a .thamluan index. run is writing to (.+); try again`)

// inUseEnglish words index.ErrInUse in Vietnamese when the index reports it in English.
func inUseEnglish(err error) (string, bool) {
	if !errors.Is(err, index.ErrInUse) {
		return "", false
	}
	if m := inUseByEN.FindStringSubmatch(err.Error()); m != nil {
		return fmt.Sprintf("chỉ mục %s đang được tiến trình %s ghi (một lần «thamluan index»): thử lại khi nó xong", m[2], m[1]), true
	}
	return "", false
}
