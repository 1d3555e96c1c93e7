package msg

import "regexp"

// codebookKinds word the codebook validator's messages (pipeline.CodebookError.Msg) in
// Vietnamese; $n are the message's own values.
var codebookKinds = []struct {
	re *regexp.Regexp
	vi string
}{
	{regexp.MustCompile(`^unsupported version (\S+) \(want 1\)$`), "phiên bản $1 không được hỗ trợ: ghi version = 1"},
	{regexp.MustCompile(`^damp_factor (\S+) out of range 0-1$`), "damp_factor $1 phải nằm trong khoảng 0-1"},
	{regexp.MustCompile(`^no \[\[theme\]\] table$`), "không có bảng [[theme]] nào: thêm ít nhất một chủ đề"},
	{regexp.MustCompile(`^theme (\d+): id (".*") must be lower-case letters, digits and '-'$`), "chủ đề thứ $1: mã $2 chỉ được gồm chữ thường không dấu, chữ số và dấu '-'"},
	{regexp.MustCompile(`^duplicate theme id (".*")$`), "mã chủ đề $1 bị trùng: đặt mã khác"},
	{regexp.MustCompile(`^theme (".*"): empty label$`), "chủ đề $1 chưa có nhãn (label)"},
	{regexp.MustCompile(`^theme (".*"): (threshold|heading_prior|negative_blocks_below|contrary_factor) (\S+) out of range(.*)$`), "chủ đề $1: $2 = $3 nằm ngoài khoảng cho phép$4"},
	{regexp.MustCompile(`^theme (".*"): no cues and no rules$`), "chủ đề $1 chưa có dấu hiệu (cues) hay quy tắc (rules) nào"},
	{regexp.MustCompile(`^theme (".*"): cue (\d+) is empty$`), "chủ đề $1: dấu hiệu thứ $2 rỗng"},
	{regexp.MustCompile(`^theme (".*"): cue (".*") has weight (\S+) \(want more than 0, at most (\d+)\)$`), "chủ đề $1: dấu hiệu $2 có trọng số $3 (cần lớn hơn 0, tối đa $4)"},
	{regexp.MustCompile(`^theme (".*"): empty phrase in a list$`), "chủ đề $1: có cụm từ rỗng trong một danh sách"},
	{regexp.MustCompile(`^theme (".*"): rule (".*") of kind (\S+) needs next words$`), "chủ đề $1: quy tắc $2 loại $3 cần danh sách từ theo sau (next)"},
	{regexp.MustCompile(`^theme (".*"): rule (".*") has unknown kind (".*") \(want (.*)\)$`), "chủ đề $1: quy tắc $2 có loại $3 không hợp lệ (dùng $4)"},
	{regexp.MustCompile(`^theme (".*"): rule (".*") has no trigger$`), "chủ đề $1: quy tắc $2 chưa có từ kích hoạt (trigger)"},
	{regexp.MustCompile(`^theme (".*"): rule (".*") has an empty word$`), "chủ đề $1: quy tắc $2 có một từ rỗng"},
	{regexp.MustCompile(`^theme (".*"): rule (".*") has weight (\S+) \(want more than 0, at most (\d+)\)$`), "chủ đề $1: quy tắc $2 có trọng số $3 (cần lớn hơn 0, tối đa $4)"},
	{regexp.MustCompile(`^theme (".*"): rule (".*") has window (\S+) \(want 0-30\)$`), "chủ đề $1: quy tắc $2 có cửa sổ $3 (cần 0-30)"},
	{regexp.MustCompile(`^\[mood\] (\S+): word (\d+) is empty$`), "[mood] $1: từ thứ $2 rỗng"},
}

// codebookMsg words a codebook validation message in Vietnamese; others keep their text.
func codebookMsg(s string) string {
	for _, k := range codebookKinds {
		if k.re.MatchString(s) {
			return k.re.ReplaceAllString(s, k.vi)
		}
	}
	return s
}
