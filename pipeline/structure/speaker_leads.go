package structure

import (
	"regexp"
	"strings"
)

// More ways a news paragraph names who speaks in it, tried when the usual "<subject> <verb of
// speech>" lead is absent.

var (
	// introTheoRE matches "theo" after a short introductory phrase: "Ở xã X, theo đồng chí Y, ...".
	introTheoRE = regexp.MustCompile(`^(?:Ở|Tại|Về|Với|Còn ở|Riêng ở|Riêng|Trong khi đó)\s[^,]{1,60},\s+(?:(?:còn|cũng)\s+)?[Tt]heo\s+`)
	// orgFrameRE matches a paragraph framed by the organisation it reports: "Ý kiến từ Đảng ủy X,
	// ...", "Từ thực tiễn của Chi bộ Y, ...", "Kinh nghiệm của Hội Z, ...".
	orgFrameRE = regexp.MustCompile(`^(?:(?:Ý kiến|Kinh nghiệm|Chia sẻ|Góc nhìn|Câu chuyện)\s+(?:từ|của)|Từ\s+(?:thực tiễn|thực tế|kinh nghiệm|góc nhìn|góc độ|cách làm)\s+(?:của|tại|ở))\s+([^,.;:]{4,140})[,:]`)
	// praisedModelRE matches "<a model> của <organisation> được nhiều đại biểu quan tâm": the
	// paragraph presents the organisation's model.
	praisedModelRE = regexp.MustCompile(`^\S.{2,120}?\s+của\s+(\p{Lu}[^,.;:]{3,140}?|(?:phường|xã|thị trấn|quận|huyện|thôn|ấp|bản|tổ dân phố|khu phố)\s+\p{Lu}[^,.;:]{0,60}?)\s+(?:(?:đã\s+)?(?:được|nhận được)\s+(?:sự\s+)?(?:nhiều|các|đông đảo|rất nhiều)\s+(?:đại biểu|ý kiến|đơn vị|người)\s+(?:quan tâm|đánh giá cao|chú ý|ghi nhận|đánh giá|tán thành|hưởng ứng)|(?:đã\s+)?(?:thu hút (?:sự )?(?:quan tâm|chú ý)|gây ấn tượng|để lại ấn tượng)\s)`)
	// interviewRE matches a reporter's interview with a person: "Bên lề hội thảo, phóng viên có
	// cuộc trao đổi với bà X, <title>".
	interviewRE = regexp.MustCompile(`(?:(?:[Pp]hóng viên|PV)(?:\s+(?:Báo|Tạp chí|Đài|Cổng|Trang)\s[^,]{1,40}?)?|[Cc]húng tôi|[Bb]áo\s+\S+(?:\s+\S+)?)\s+(?:đã\s+)?(?:có\s+)?(?:(?:cuộc|buổi)\s+)?(?:trao đổi|trò chuyện|phỏng vấn)\s+(?:(?:nhanh|ngắn)\s+)?(?:với\s+)?`)
	// pronounSpeechRE matches a later sentence in which the person introduced first speaks:
	// "Theo bà, ...", "Ông cho biết ...", "Chị Mai đề xuất ...".
	pronounSpeechRE = regexp.MustCompile(`^(?:(?:Cũng |Còn )?[Tt]heo (?:ông|bà|anh|chị|cô|thầy|đồng chí)(?:[\s,]|$)|(?:Ông|Bà|Anh|Chị|Cô|Thầy|Đồng chí)(?:\s+\p{Lu}\p{Ll}*)?\s+(?:cũng\s+)?\p{Ll})`)
	// introducedRE matches a paragraph that opens by introducing a person with a honorific.
	introducedRE = regexp.MustCompile(`^(?:Ông|Bà|Anh|Chị|Cô|Thầy|Đồng chí)\s+\p{Lu}`)
)

// framedLead reads the speaker of a paragraph that names them in a frame rather than before a verb
// of speech: an organisation's experience or model, an
// interview, or a person introduced first who speaks in a later sentence. (An introductory phrase
// before "theo" is read by newsLead, before any verb of speech.)
func framedLead(p, first string) (speaker, bool) {
	if m := orgFrameRE.FindStringSubmatch(first); m != nil {
		if sp, ok := orgName(m[1]); ok {
			return sp, true
		}
	}
	if m := findPraisedModel(first); m != nil {
		if sp, ok := orgName(m[1]); ok {
			return sp, true
		}
		if unit, ok := localUnit(m[1]); ok { // "Mô hình ... của phường V được nhiều đại biểu quan tâm"
			return unit, true
		}
	}
	if loc := findInterview(first); loc != nil {
		if sp, ok := honorificPerson(first[loc[1]:]); ok && honorificAt(first[loc[1]:]) {
			return sp, true
		}
	}
	return introducedSpeaker(p, first)
}

// findInterview is interviewRE.FindStringIndex(t), run only when t holds one of the verbs every
// match ends with.
func findInterview(t string) []int {
	if !strings.Contains(t, "trao đổi") && !strings.Contains(t, "trò chuyện") && !strings.Contains(t, "phỏng vấn") {
		return nil
	}
	return interviewRE.FindStringIndex(t)
}

// findPraisedModel is praisedModelRE.FindStringSubmatch(t), run only when t holds "của" and the
// words every match ends with: "được" and a verb of attention, "thu hút" or "ấn tượng".
func findPraisedModel(t string) []string {
	if !strings.Contains(t, "của") {
		return nil
	}
	if !strings.Contains(t, "thu hút") && !strings.Contains(t, "ấn tượng") && !(strings.Contains(t, "được") &&
		containsAny(t, "quan tâm", "đánh giá", "chú ý", "ghi nhận", "tán thành", "hưởng ứng")) {
		return nil
	}
	return praisedModelRE.FindStringSubmatch(t)
}

// containsAny reports whether t contains one of words.
func containsAny(t string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// honorificAt reports a honorific at the start of s.
func honorificAt(s string) bool {
	loc := honorificRE.FindStringIndex(s)
	return loc != nil && loc[0] == 0
}

// introducedSpeaker reads "Bà X, <title>, là ... . Theo bà, ...": a person introduced with a
// honorific in the first sentence who speaks in one of the next sentences of the paragraph.
func introducedSpeaker(p, first string) (speaker, bool) {
	if !introducedRE.MatchString(first) {
		return speaker{}, false
	}
	sents := SplitSentences(p)
	speaks := false
	for k := 1; k < len(sents) && k <= 4 && !speaks; k++ {
		s := sents[k].Text
		speaks = pronounSpeechRE.MatchString(s) && (theoRE.MatchString(s) || firstSpeechVerbAt(s))
	}
	if !speaks {
		return speaker{}, false
	}
	subject := first
	for _, cut := range []string{", là ", " là ", ", đã ", ", có ", ", từng "} {
		if i := strings.Index(subject, cut); i > 0 {
			subject = subject[:i]
		}
	}
	return honorificPerson(subject)
}

// firstSpeechVerbAt reports a verb of speech among the first words of sentence s.
func firstSpeechVerbAt(s string) bool {
	i, _ := firstSpeechVerb(s)
	return i >= 0 && i <= 40
}

// localUnitRE matches a ward, commune or village named by its kind in lower case and its proper
// name: "phường V", "xã Tân Hòa", "thị trấn Yên Định".
var localUnitRE = regexp.MustCompile(`^(?:phường|xã|thị trấn|quận|huyện|thôn|ấp|bản|tổ dân phố|khu phố)(?:\s+\p{Lu}[\p{L}\d]*){1,4}$`)

// localUnit reads a local unit whose model a paragraph presents as the organisation that speaks
// for it.
func localUnit(s string) (speaker, bool) {
	s = strings.TrimSpace(s)
	if !localUnitRE.MatchString(s) {
		return speaker{}, false
	}
	return speaker{Name: s, Kind: KindOrganisation}, true
}

// colonLead reads a speaker named before a colon that opens what they said: "Bà X, Bí thư Chi bộ
// Y: “...”". The words before the colon must be the person with a honorific, or the organisation's
// name alone.
func colonLead(first string) (lead, bool) {
	i := strings.Index(first, ":")
	if i <= 0 || i > 300 {
		return lead{}, false
	}
	prefix := strings.TrimSpace(first[:i])
	if isDigitByte(prefix[0]) { // "2. Đồng chí X – <title>:", the speakers of minutes numbered
		prefix = strings.TrimSpace(strings.TrimLeft(prefix, "0123456789.)"))
	}
	if chairRefRE.MatchString(prefix) { // "Ý kiến kết luận của đồng chí chủ trì:"
		return lead{closing: true, chair: true}, true
	}
	if m := upperHonorificRE.FindString(prefix); m != "" { // "ÔNG NGUYỄN VĂN A, Bí thư ...:"
		prefix = titleCaseName(strings.TrimSpace(m)) + prefix[len(m)-1:]
	}
	if loc := honorificRE.FindStringIndex(prefix); loc != nil && loc[0] == 0 {
		sp, ok := honorificPerson(prefix)
		l := lead{sp: sp}
		if m := labelVerbRE.FindStringSubmatch(sp.Role); m != nil { // "Đồng chí X kết luận:"
			l.sp.Role, l.closing = "", m[1] != ""
		}
		return l, ok
	}
	if sp, ok := orgName(prefix); ok && sp.Name == stripLeadIn(prefix) { // "Đại diện Đảng ủy X:"
		return lead{sp: sp}, true
	}
	return lead{}, false
}

// chairRefRE matches a label of the minutes of a meeting that names its speaker only as the chair:
// "Ý kiến kết luận của đồng chí chủ trì", "Đồng chí chủ trì kết luận".
var chairRefRE = regexp.MustCompile(`^(?:(?:Ý kiến\s+)?(?:phát biểu\s+)?(?:[Kk]ết luận|[Tt]ổng kết)\s+(?:của\s+)?(?:đồng chí|đ/c)\s+chủ (?:trì|tọa|toạ)|(?:Đồng chí|Đ/c) chủ (?:trì|tọa|toạ)\s+(?:phát biểu\s+)?(?:kết luận|tổng kết))(?:\s+(?:hội thảo|hội nghị|tọa đàm))?$`)

// upperHonorificRE matches a honorific in capitals opening a speaker's label, as a transcript
// prints the speaker's name in capitals: "ÔNG ", "BÀ ", "ĐỒNG CHÍ ".
var upperHonorificRE = regexp.MustCompile(`^(?:ÔNG|BÀ|ANH|CHỊ|ĐỒNG CHÍ) `)

// labelVerbRE matches what a speaker's label in a record of a discussion says the speaker does
// instead of a title ("Đồng chí X kết luận:"); the first group holds a closing word.
var labelVerbRE = regexp.MustCompile(`^(?:phát biểu\s+)?(?:(kết luận|bế mạc|tổng kết)|phát biểu|bổ sung|trả lời|giải trình|tiếp thu|góp ý|trao đổi|nêu ý kiến)(?:\s|$)`)
