package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus/vntext"
)

// titleScan is how many blocks from the start of a document textTitle looks at for a title.
const titleScan = 40

// lineRole is what a line of a document's front matter is, as far as finding its title goes.
type lineRole int

const (
	roleTitle      lineRole = iota // could be (part of) the title
	roleSkip                       // letterhead, byline, date line, label: passed over
	roleGenre                      // the kind of document: "QUY ĐỊNH", "KỶ YẾU HỘI THẢO KHOA HỌC"
	roleStop                       // the body, a foreword or a table of contents has begun
	roleTopicLabel                 // "TÊN ĐỀ TÀI": the next line is the title
	roleWorkshop                   // names a workshop: the title of a volume, else a running header
)

// textTitle finds the title a document's first page states: the first title-style block that is
// not a letterhead, else the line after a "Tên đề tài" label, else the first line of the front
// matter that is not a letterhead (party and state headers, the document number, the
// organisation above the title), a byline, a date line or a label, prefixed by the kind of
// document written just above it ("QUY ĐỊNH", "KỶ YẾU HỘI THẢO KHOA HỌC"). It returns "" when the
// document starts with its body (a chapter, a numbered heading, running text).
func textTitle(blocks []Block) string {
	n := min(len(blocks), titleScan)
	for _, b := range blocks[:n] {
		if t := firstPiece(b.Text); b.Kind == BlockTitle && letters(t) >= 3 && !isLetterhead(t) {
			return t
		}
	}
	lines := make([]string, 0, n)
	for _, b := range blocks {
		if len(lines) == n || b.Page > 2 {
			break
		}
		if b.Kind != BlockCaption && b.Kind != BlockNote {
			lines = append(lines, firstPiece(b.Text))
		}
	}
	if t := labelledTitle(lines); t != "" {
		return t
	}
	genre := ""
	for i := 0; i < len(lines); i++ {
		switch classifyLine(lines[i]) {
		case roleSkip, roleTopicLabel:
			continue
		case roleWorkshop:
			if genre == "" || strings.HasPrefix(lowerTones(lines[i]), "tại ") {
				continue // the workshop a paper was written for, above its title
			}
			return withGenre(genre, lines[i])
		case roleStop:
			return genre
		case roleGenre:
			if genre != "" {
				return genre
			}
			genre = lines[i]
			continue
		}
		if nw := len(strings.Fields(lines[i])); genre != "" && nw <= 10 && isOrgLine(lowerTones(lines[i]), nw) &&
			!strings.HasSuffix(lines[i], ".") && !strings.ContainsAny(lines[i], "0123456789") {
			continue // an author's organisation on a cover
		}
		t, _ := joinTitle(lines, i)
		if genre != "" {
			t = withGenre(genre, t)
		}
		return t
	}
	return genre
}

// labelledTitle returns the title written after a "Tên đề tài" label (a thesis or research
// outline), on the label's line after a colon or on the next line.
func labelledTitle(lines []string) string {
	for i, l := range lines {
		if classifyLine(l) != roleTopicLabel {
			continue
		}
		if _, after, ok := strings.Cut(l, ":"); ok && letters(after) >= 3 {
			return strings.TrimSpace(after)
		}
		if i+1 < len(lines) && classifyLine(lines[i+1]) == roleTitle {
			t, _ := joinTitle(lines, i+1)
			return t
		}
	}
	return ""
}

// joinTitle returns lines[i] with the lines that continue it (a title in capitals broken over
// paragraphs: a short tail, or a line that starts with a connective), and the index after them.
func joinTitle(lines []string, i int) (string, int) {
	t := lines[i]
	j := i + 1
	for ; j < len(lines); j++ {
		next := lines[j]
		if classifyLine(next) != roleTitle || !isCapsText(t) || !isCapsText(next) ||
			utf8.RuneCountInString(t)+utf8.RuneCountInString(next) > 300 {
			break
		}
		w := strings.Fields(strings.ToLower(next))
		tw := strings.Fields(strings.ToLower(t))
		if len(w) > 3 && !titleConnective[w[0]] && !titleConnective[tw[len(tw)-1]] {
			break
		}
		t += " " + next
	}
	return t, j
}

// withGenre puts the kind of document before its title: "QUY ĐỊNH" + "THI HÀNH ĐIỀU LỆ ĐẢNG"
// reads on, a longer label is set off by a colon.
func withGenre(genre, title string) string {
	if docTypes[lowerTones(genre)] {
		return genre + " " + title
	}
	return genre + ": " + title
}

// titleConnective holds words that continue a title from one line to the next.
var titleConnective = map[string]bool{"và": true, "trong": true, "của": true, "cho": true, "với": true,
	"ở": true, "tại": true, "đối": true, "nhằm": true, "theo": true, "từ": true, "đến": true, "về": true,
	"trên": true, "qua": true, "giai": true, "hiện": true, "thời": true, "góp": true, "để": true, "bằng": true}

// docTypes are the kinds of administrative document whose name the title continues.
var docTypes = map[string]bool{"quy định": true, "hướng dẫn": true, "báo cáo": true, "kế hoạch": true,
	"nghị quyết": true, "chỉ thị": true, "quyết định": true, "thông báo": true, "tờ trình": true,
	"đề án": true, "chương trình": true, "kết luận": true, "công văn": true, "thông tri": true,
	"quy chế": true, "tham luận": true, "hướng dẫn sử dụng": true, "đề cương": true, "tiểu luận": true,
	"nghị định": true, "thông tư": true, "luật": true, "biên bản": true, "bài tham luận": true}

// genreStarts begin the longer labels of a kind of document ("ĐỀ CƯƠNG KHOÁ LUẬN TỐT NGHIỆP").
var genreStarts = []string{"kỷ yếu", "đề cương", "đồ án", "khoá luận", "luận văn", "luận án", "tiểu luận",
	"báo cáo thực tập", "báo cáo đồ án", "báo cáo tốt nghiệp", "báo cáo tổng kết", "báo cáo chính trị",
	"báo cáo đề dẫn", "chuyên đề", "bài thu hoạch", "đề tài nghiên cứu", "tài liệu hội nghị",
	"tài liệu hội thảo", "tài liệu bồi dưỡng", "tài liệu tuyên truyền", "tài liệu học tập", "báo cáo chuyên đề",
	"tập san", "ghi chép", "hội thảo khoa học", "hội nghị khoa học", "toạ đàm khoa học", "bài tham luận"}

// letterheadPhrases are the party and state headers and motto of a letterhead.
var letterheadPhrases = []string{"đảng cộng sản việt nam", "cộng hoà xã hội chủ nghĩa việt nam",
	"độc lập - tự do - hạnh phúc", "độc lập – tự do – hạnh phúc", "độc lập tự do hạnh phúc"}

// orgStarts begin the name of an organisation written above a title.
var orgStarts = []string{"ban chấp hành", "ban thường vụ", "ban bí thư", "bộ chính trị", "ban tổ chức",
	"ban tuyên giáo", "ban dân vận", "ban kiểm tra", "ban nội chính", "ban kinh tế", "ban chỉ đạo",
	"ban biên tập", "ban quản lý", "ban tuyên huấn", "ban cán sự", "đảng uỷ", "đảng bộ", "đảng đoàn",
	"thành uỷ", "tỉnh uỷ", "huyện uỷ", "quận uỷ", "thị uỷ", "đảng uỷ khối", "chi bộ", "uỷ ban", "ubnd",
	"hội đồng", "hđnd", "bộ ", "sở ", "trường ", "đại học", "học viện", "viện ", "công ty", "tổng công ty",
	"tập đoàn", "cao đẳng", "mặt trận", "liên đoàn", "tổng liên đoàn", "cục ", "tổng cục", "văn phòng",
	"trung tâm", "ngân hàng", "tạp chí", "nhà xuất bản", "bộ tư lệnh", "quân khu", "công an", "toà án",
	"viện kiểm sát", "đoàn thanh niên", "đoàn tncs", "hội liên hiệp", "hội nông dân", "hội cựu chiến binh",
	"hội doanh nghiệp", "hiệp hội", "khoa ", "phân viện", "kho bạc", "chi cục", "bảo hiểm xã hội"}

// orgNotTitle are words that do not occur in the name of an organisation but do in titles.
var orgNotTitle = []string{" trong ", " của ", ":", " nhằm ", " đối với ", " thời kỳ ", " hiện nay", " giải pháp",
	" nâng cao ", " thực trạng", " tăng cường ", " vai trò ", "“", "\"", " với ", " xây dựng ", " đổi mới ",
	" nông thôn mới", " ở "}

// webFurniture start the lines of a saved web page that are not its article: share buttons,
// update times, view counts.
var webFurniture = []string{"chia sẻ", "bản in", "in bài", "lượt xem", "cập nhật", "đăng lúc", "theo dõi",
	"nghe đọc", "nghe bài", "video:", "ảnh:", "nguồn:", "trang chủ", "tin liên quan", "bình luận", "share",
	"print", "home"}

// workshopHeader is the running header of a contribution that names the workshop it was written
// for: "HỘI THẢO KHOA HỌC CẤP TỈNH “…”", "tại Hội thảo khoa học “…”".
var workshopHeader = regexp.MustCompile(`(?i)^(?:tại\s+)?(?:hội thảo|hội nghị|toạ đàm|diễn đàn)\b.*[“"]`)

// frontHeadings start the parts of a document that come after its title page.
var frontHeadings = []string{"mục lục", "lời cảm ơn", "lời nói đầu", "lời giới thiệu", "lời cam đoan",
	"lời mở đầu", "tóm tắt", "danh mục", "mở đầu", "phần mở đầu", "đặt vấn đề", "giới thiệu", "nhận xét",
	"thông tin chung", "tổng quan", "abstract", "contents", "preface", "căn cứ", "kính gửi", "tài liệu tham khảo"}

// labelStarts begin the labelled lines of a title page (a student work, a report).
var labelStarts = []string{"lớp", "gvhd", "giáo viên hướng dẫn", "giảng viên hướng dẫn", "người hướng dẫn",
	"cán bộ hướng dẫn", "sinh viên", "học viên", "nhóm", "thành viên", "mssv", "mã số", "chuyên ngành",
	"ngành", "môn", "học phần", "tên nhóm", "họ và tên", "họ tên", "khoá", "tác giả", "người thực hiện",
	"thực hiện", "stt", "ngày nộp", "email", "link", "điện thoại", "địa chỉ", "người viết", "chủ biên",
	"biên soạn", "loại đề tài", "thời gian thực hiện", "nơi nhận", "ảnh:", "nguồn:"}

// academicPrefixes start a byline: "ThS. Đặng Thị Ngọc Hân – Trường Chính trị tỉnh".
var academicPrefixes = []string{"gs.", "pgs.", "ts.", "ths.", "ncs.", "cn.", "ks.", "bs.", "gs ", "pgs ",
	"ts ", "ths ", "đại tá", "thượng tá", "trung tá", "thiếu tá", "đồng chí", "tác giả"}

// surnames are the commonest Vietnamese family names, to tell a name on a title page from a title.
var surnames = map[string]bool{"nguyễn": true, "trần": true, "lê": true, "phạm": true, "hoàng": true,
	"huỳnh": true, "phan": true, "vũ": true, "võ": true, "đặng": true, "bùi": true, "đỗ": true, "hồ": true,
	"ngô": true, "dương": true, "lý": true, "đinh": true, "trịnh": true, "đào": true,
	"hà": true, "tạ": true, "quách": true,
	"kiều": true, "mạc": true, "triệu": true, "vương": true, "lưu": true, "khúc": true}

var (
	// docNumber is the number line of a letterhead: "Số 294-QĐ/TW", "Số: 12/BC-UBND", "Số - HD/BTCTU".
	docNumber = regexp.MustCompile(`^(?i:số)\s*:?\s*[\d.…_ ]*\s*[-–]?\s*(?:\p{Lu}{1,8}[/-]|$)`)
	// dateLine is a place-and-date line: "Hà Nội, ngày 26 tháng 5 năm 2025", "TP. Hồ Chí Minh, 12/2021".
	dateLine = regexp.MustCompile(`(?i)ngày\s+(?:\d|\.|…|tháng)|tháng\s+\d{1,2}\s+năm\s+\d{4}|\b\d{1,2}/\d{4}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b`)
	// placeYear is a line of a place and a year: "THÁI NGUYÊN - 2020", "HÀ NỘI, NĂM 2025".
	placeYear = regexp.MustCompile(`(?i)^[^\d]{2,40}?\s*[,–-]\s*(?:năm\s+)?(?:19|20)\d{2}\.?$`)
	// chapter starts the body of a book or thesis.
	chapter = regexp.MustCompile(`(?i)^(?:chương|phần|phụ lục|chapter|part)(?:\s+(?:[ivxlc\d]+|thứ|mở|một|hai|ba)(?:[\s.:]|$)|\s*$|\s*\d)`)
	// separatorRun is a rule of dashes, stars or underscores inside a line.
	separatorRun = regexp.MustCompile(`\s*[-–—_*=~.]{3,}\s*`)
	// fileLike is a word with dots or underscores between letters: a file or template name.
	fileLike = regexp.MustCompile(`\p{L}[._]\p{L}+[._]\p{L}`)
)

// firstPiece returns the text of a block up to a separator rule (a letterhead's "-----" that the
// reader joined with the next line), trimmed.
func firstPiece(s string) string {
	s = strings.TrimSpace(s)
	for {
		loc := separatorRun.FindStringIndex(s)
		if loc == nil {
			return s
		}
		if loc[0] > 0 && letters(s[:loc[0]]) >= 3 {
			return strings.TrimSpace(s[:loc[0]])
		}
		s = strings.TrimSpace(s[loc[1]:])
	}
}

// classifyLine says what a line of the front matter is.
func classifyLine(s string) lineRole {
	s = strings.TrimSpace(s)
	l := lowerTones(s)
	nw := len(strings.Fields(s))
	switch {
	case letters(s) < 2:
		return roleSkip
	case strings.HasPrefix(l, "tên đề tài"):
		return roleTopicLabel
	case containsAny(l, letterheadPhrases):
		return roleSkip
	case docNumber.MatchString(s) && nw <= 12:
		return roleSkip
	case hasPrefixAny(l, frontHeadings) || chapter.MatchString(s) || numbered.MatchString(s) || isNumberedHeading(s):
		return roleStop
	case docTypes[strings.TrimRight(l, " :.")] || hasPrefixAny(l, genreStarts) && nw <= 9 && isCapsText(s) && !strings.ContainsAny(s, "“\""):
		return roleGenre
	case isCapsText(s) && isOrgLine(l, nw), isByline(s, l), isLabelLine(l), isBreadcrumb(s), hasPrefixAny(l, webFurniture):
		return roleSkip
	case workshopHeader.MatchString(l) && (isCapsText(s) || strings.HasPrefix(l, "tại ")):
		return roleWorkshop
	case strings.Trim(strings.ToLower(s), "-–—_*=~. ") == "ooo":
		return roleSkip // a decorative rule
	case nw <= 14 && (dateLine.MatchString(s) || placeYear.MatchString(s)):
		return roleSkip
	case strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") || strings.HasPrefix(s, "•") ||
		strings.HasPrefix(s, "●") || strings.HasPrefix(s, "○"):
		return roleStop
	case strings.HasSuffix(s, ":"):
		return roleSkip
	case nw > 40 || (nw > 18 && strings.HasSuffix(s, ".")) || vntext.Quality(s) < 0.5:
		return roleStop
	}
	return roleTitle
}

// isBreadcrumb reports a web page's path of sections: "Trang chủ / Xây dựng Đảng / Tin tức",
// "Thời sự | Xây dựng Đảng".
func isBreadcrumb(s string) bool {
	for _, sep := range []string{" | ", " / ", " > ", " » "} {
		parts := strings.Split(s, sep)
		if len(parts) < 2 {
			continue
		}
		short := true
		for _, p := range parts {
			short = short && len(strings.Fields(p)) <= 4
		}
		if short {
			return true
		}
	}
	return false
}

// isLetterhead reports a line of a letterhead: the party or state header or motto, the number of
// the document, or an organisation's name in capitals.
func isLetterhead(s string) bool {
	l := lowerTones(s)
	nw := len(strings.Fields(s))
	return containsAny(l, letterheadPhrases) || docNumber.MatchString(s) && nw <= 12 || isCapsText(s) && isOrgLine(l, nw)
}

// isNumberedHeading reports a heading numbered without a dot: "1 THÔNG TIN CHUNG", "2.1 Giới thiệu".
func isNumberedHeading(s string) bool {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
		i++
	}
	return i > 0 && i < len(s) && s[i] == ' ' && i <= 6
}

// isOrgLine reports the name of an organisation (or several, joined by the reader) above a title.
func isOrgLine(l string, nw int) bool {
	if nw > 26 || !hasPrefixAny(l, orgStarts) || strings.HasPrefix(l, "khoa học") {
		return false
	}
	return !containsAny(" "+l+" ", orgNotTitle)
}

// isByline reports a person's name, alone or with academic titles and an organisation.
func isByline(s, l string) bool {
	if hasPrefixAny(l, academicPrefixes) {
		return true
	}
	w := strings.Fields(s)
	if len(w) < 2 || len(w) > 5 || !surnames[strings.ToLower(w[0])] {
		return false
	}
	for _, x := range w {
		r, _ := utf8.DecodeRuneInString(x)
		if !unicode.IsUpper(r) || strings.ContainsAny(x, "0123456789:") {
			return false
		}
	}
	return true
}

func isLabelLine(l string) bool {
	for _, p := range labelStarts {
		if strings.HasPrefix(l, p) {
			rest := strings.TrimSpace(l[len(p):])
			if rest == "" || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "(") || strings.Contains(l, ":") ||
				p == "nhóm" || p == "môn" || p == "lớp" {
				return true
			}
		}
	}
	return false
}

// lowerTones returns s in lower case with tone marks placed alike (đảng ủy and đảng uỷ match).
func lowerTones(s string) string {
	return vntext.NormalizeTones(strings.ToLower(strings.TrimSpace(s)))
}

func hasPrefixAny(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, ps []string) bool {
	for _, p := range ps {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isCapsText reports text whose letters are all capitals.
func isCapsText(s string) bool {
	return letters(s) > 0 && !strings.ContainsFunc(s, unicode.IsLower)
}
