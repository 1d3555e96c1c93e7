package structure

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus/vntext"
)

// surnames are the common Vietnamese family names (folded, lower case); a person's name found
// after a title ("Bí thư Đảng ủy Khối ... Trần Văn Hải") starts with one of them.
var surnames = setOf("nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang",
	"bui", "do", "ho", "ngo", "duong", "ly", "trinh", "dinh", "lam", "mai", "truong", "doan", "luong",
	"ha", "cao", "to", "ta", "chau", "quach", "thai", "dao", "kieu", "luu", "trieu", "chu", "lai",
	"khuc", "nong", "thach", "la", "tang", "vuong", "phung", "doan", "giang", "hua", "mac", "tong",
	"than", "tu", "han", "lo", "kim", "au", "bach", "banh", "cam", "dieu", "diep", "dam", "hau", "hua",
	"khong", "khuat", "lac", "lieu", "lu", "lung", "man", "nghiem", "ninh", "ong", "quan", "sam", "son",
	"thieu", "tieu", "ton", "u", "ung", "vi", "xa", "y", "danh", "ma", "long", "hong", "an", "bien",
	"cu", "cung", "dong", "dung", "gia", "giap", "kha", "khuong", "le", "nhu", "quang", "tat",
	// family names of the northern uplands (Hmong, Dao, Tay, Thai)
	"vang", "sung", "thao", "mua", "lau", "tan", "be", "luc", "leo", "hoang", "chang", "lu", "cu")

// notSurnames are words, tone marks normalised and in lower case, that fold to a family name but
// are none: "Đảng" is no "Đặng", "Đồ án" no "Đỗ", "Tổng" no "Tống".
var notSurnames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"đảng", "đáng", "đang", "đồ", "đó", "độ", "tổ", "tờ", "tổng", "họ", "hộ", "hạ", "lễ", "lệ",
		"vụ", "vợ", "làm", "lắm", "chủ", "chú", "chữ", "là", "lá", "tầng", "tặng", "hạn", "ăn", "án", "cũ", "cụ", "mà",
		"mã", "quân", "quản", "tự", "tứ", "xã", "khá", "động", "giá", "giả", "như", "tắt", "dự", "bản", "đồng chí"} {
		m[normKey(w)] = true
	}
	return m
}()

// IsSurname is isSurname, for the tests of the whole pipeline: whether w is a Vietnamese family
// name.
func IsSurname(w string) bool { return isSurname(w) }

// isSurname reports whether w is a family name: it folds to one and is no other word.
func isSurname(w string) bool {
	return surnames[foldLower(w)] && !notSurnames[normKey(w)]
}

// placeStarts are two-word place names whose first word is also a family name ("Hà Nội"), so that
// "Thành ủy Hà Nội Lê Hùng" is read as the title "Thành ủy Hà Nội" and the name "Lê Hùng".
var placeStarts = setOf("ha noi", "ha tinh", "ha giang", "ha nam", "lam dong", "cao bang", "hoa binh",
	"dong nai", "dong thap", "dong ha", "thai binh", "thai nguyen", "lai chau", "kim bang", "ha long",
	"quang ninh", "quang nam", "quang ngai", "quang binh", "quang tri", "long an", "an giang", "dong hoi",
	"son la", "ha tien", "tan an", "kon tum", "gia lai", "dak lak", "dong xoai", "vinh long", "ly son")

// positionWords open a person's title ("Bí thư", "Phó Giám đốc"), folded and in lower case.
var positionWords = []string{"bi thu", "pho bi thu", "chu tich", "pho chu tich", "giam doc", "pho giam doc",
	"truong ban", "pho truong ban", "hieu truong", "pho hieu truong", "bo truong", "thu truong",
	"tong giam doc", "truong phong", "chanh van phong", "vien truong", "cuc truong", "vu truong",
	"uy vien", "chu nhiem", "truong khoa", "pho truong khoa", "chinh uy", "tu lenh", "giang vien",
	"tong bien tap", "chanh an", "vien pho", "pho vu truong", "can bo", "chuyen vien", "nghien cuu sinh",
	"hoc vien", "truong", "pho", "dai ta", "thuong ta", "trung ta", "thieu tuong", "trung tuong",
	"tien si", "thac si", "giao su", "pho giao su", "nha bao", "luat su", "bac si", "chuyen gia"}

var (
	academicRE = regexp.MustCompile(`^((?:(?:Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thiếu tướng|Trung tướng|Đại tướng)\s*,?\s*)?(?:(?:GS|PGS|TS|ThS|Th\.S|THS|Ths|TSKH|NCS|CN|BS|KS|BSCKII|BSCKI|LS)(?:[.,]\s*|\s+))+|(?:Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thiếu tướng|Trung tướng|Đại tướng)\s+)(.+)$`)
	// authorLabelRE matches what may open an author line: "Tác giả:", "Người trình bày:",
	// "Đồng chí", "Đ/c".
	authorLabelRE = regexp.MustCompile(`^(?:(?:Tác giả|TÁC GIẢ|Người viết|Người thực hiện|Người trình bày|NGƯỜI TRÌNH BÀY|Người báo cáo|Trình bày|Báo cáo viên)\s*:\s*|(?:Đồng chí|ĐỒNG CHÍ|Đ/c|Ông|Bà)\s+)`)
	// academicPrefixRE matches an abbreviated academic title opening a honorific match.
	academicPrefixRE = regexp.MustCompile(`^(?:PGS\.\s?TS|GS\.\s?TS|PGS|GS|TS|ThS)\.?$`)
	authorSepRE      = regexp.MustCompile(`\s*[–—]\s*|\s+-\s*|-\s+|,\s+|\s*\(`)
)

// setOf returns the set of words.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// foldLower returns s without diacritics, in lower case.
func foldLower(s string) string { return strings.ToLower(vntext.Fold(s)) }

// personIn finds a person in the words before a verb of speech: "đồng chí <Name>, <title>" or
// "<title> <Name>". The speaker is the name; the title is its role.
func personIn(prefix string) (speaker, bool) {
	if sp, ok := honorificPerson(prefix); ok {
		return sp, true
	}
	clauses := strings.Split(prefix, ", ")
	return titledName(clauses[len(clauses)-1])
}

// honorificPerson reads "đồng chí <Name>, <title>" (or ông, bà, TS. ...) in prefix; a title
// standing before the honorific is used when none follows the name.
func honorificPerson(prefix string) (speaker, bool) {
	loc := honorificRE.FindStringIndex(prefix)
	if loc == nil {
		return speaker{}, false
	}
	words := strings.Fields(prefix[loc[1]:])
	n := 0
	for n < len(words) && n < 5 && isNameWord(strings.TrimRight(words[n], ",")) {
		n++
		if strings.HasSuffix(words[n-1], ",") {
			break
		}
	}
	single := n == 1 && strings.ContainsAny(words[0], "’'") // "ông K’Brơi": one name of the Highlands
	if rest := strings.Join(words, " "); n < 2 && !single || startsWithPosition(rest) && !isSurname(words[0]) {
		// "đồng chí Bí thư Huyện ủy Lê A": the title stands between the honorific and the name
		return titledName(strings.SplitN(rest, ", ", 2)[0])
	}
	name := strings.TrimRight(strings.Join(words[:n], " "), ",")
	if h := strings.TrimSpace(prefix[loc[0]:loc[1]]); academicPrefixRE.MatchString(h) {
		name = h + " " + name // "TS. Lê An": the academic title stays with the name, as written
	}
	title := strings.Trim(strings.Join(words[n:], " "), " ,()-–")
	if title == "" { // "Giám đốc Sở X, ông Y": the title stands before the name
		before := strings.Split(strings.TrimRight(prefix[:loc[0]], " ,"), ", ")
		if t := before[len(before)-1]; startsWithPosition(t) {
			title = t
		}
	}
	return personSpeaker(name, title), true
}

// titledName reads "<title> <Name>" where the title opens with a position word.
func titledName(clause string) (speaker, bool) {
	words := strings.Fields(strings.TrimSpace(clause))
	if len(words) < 3 {
		return speaker{}, false
	}
	tail := 0
	for tail < len(words) && isNameWord(words[len(words)-1-tail]) {
		tail++
	}
	start := -1
	for _, size := range []int{3, 4, 2} { // most names have three syllables
		k := len(words) - size
		if size > tail || k < 1 || !isSurname(words[k]) || placeStarts[foldLower(words[k]+" "+words[k+1])] {
			continue
		}
		start = k
		break
	}
	if start <= 0 || !startsWithPosition(strings.Join(words[:start], " ")) {
		return speaker{}, false
	}
	return personSpeaker(strings.Join(words[start:], " "), strings.Join(words[:start], " ")), true
}

// startsWithPosition reports whether title opens with a position word ("Bí thư", "Giám đốc").
func startsWithPosition(title string) bool {
	f := foldLower(title) + " "
	for _, p := range positionWords {
		if strings.HasPrefix(f, p+" ") {
			return true
		}
	}
	return false
}

// titleParens writes the bracketed part of a title as an apposition: "Bí thư Đảng ủy xã X
// (huyện Y)" becomes "Bí thư Đảng ủy xã X, huyện Y".
var titleParens = strings.NewReplacer(" (", ", ", "(", ", ", ")", "")

// personSpeaker returns the person speaker: the name, and the title as its role, a bracketed part
// of the title written as an apposition ("Bí thư Đảng ủy xã X, huyện Y").
func personSpeaker(name, title string) speaker {
	name = titleCaseName(name)
	title = cutMannerAdverbs(strings.Trim(titleParens.Replace(title), " ,.;:"))
	for { // "..., Giám đốc Hợp tác xã X, thì cho rằng": the adverb before the verb is no title
		i := strings.LastIndex(title, " ")
		if i < 0 || !trailingAdverbs[strings.ToLower(title[i+1:])] {
			break
		}
		title = strings.TrimRight(title[:i], " ,")
	}
	return speaker{Name: name, Kind: KindPerson, Role: cutAtClause(strings.Trim(title, " ,"))}
}

// clauseOpeners open a clause, never a title: "Hoàng Văn A, đã yêu cầu ..." is a name followed by
// what the person did.
var clauseOpeners = map[string]bool{"đã": true, "đang": true, "sẽ": true, "vừa": true, "cũng": true, "từng": true,
	"mới": true, "được": true, "bị": true, "cần": true, "phải": true, "không": true, "chưa": true, "thì": true,
	"lại": true, "đều": true, "vẫn": true, "còn": true, "liền": true, "bèn": true}

// cutAtClause cuts a title where a clause starts: at the first of its comma-separated parts that
// opens with a clause word.
func cutAtClause(title string) string {
	parts := strings.Split(title, ", ")
	for i, p := range parts {
		w, _, _ := strings.Cut(strings.TrimSpace(p), " ")
		if clauseOpeners[w] {
			return strings.Trim(strings.Join(parts[:i], ", "), " ,")
		}
	}
	return title
}

// isNameWord reports a capitalised word of letters, as the syllables of a name are.
func isNameWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for i, c := range w {
		if unicode.IsLetter(c) || isNameApostrophe(c) && i > 0 && i <= 2 && len(w) > i+len(string(c)) {
			continue // an apostrophe only after the first letter or two: H’Liên, K’Brông
		}
		if c == '-' && i > 0 && i+1 < len(w) && isLowerASCII(w[i+1]) {
			continue // a romanised foreign name: Ji-yeon, Hyun-woo
		}
		return false
	}
	return utf8.RuneCountInString(w) <= 7
}

// isLowerASCII reports a lower-case ASCII letter.
func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// isNameApostrophe reports the apostrophe of names of the Central Highlands: H’Liên, H'Hen.
func isNameApostrophe(c rune) bool { return c == '’' || c == '\'' }

// titleCaseName rewrites an all-capitals name ("NGUYỄN VĂN A") as "Nguyễn Văn A".
func titleCaseName(name string) string {
	if share, _ := upperShare(name); share < 0.9 {
		return name
	}
	words := strings.Fields(name)
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(r) + strings.ToLower(w[size:])
		if k := strings.IndexAny(words[i], "’'"); k > 0 && k < len(words[i])-1 { // H’LIÊN: H’Liên
			_, n := utf8.DecodeRuneInString(words[i][k:])
			next, m := utf8.DecodeRuneInString(words[i][k+n:])
			words[i] = words[i][:k+n] + string(unicode.ToUpper(next)) + words[i][k+n+m:]
		}
	}
	return strings.Join(words, " ")
}

// parseAuthorLine reads the author line of a contribution: "ThS. Lê Thị Hương – Trường Chính trị
// tỉnh Nghệ An", "TS. NGUYỄN VĂN A", "Phạm Văn B - Vụ trưởng Vụ X", "NGUYỄN A - TRẦN B" or an
// organisation line "Đảng ủy Sở Y tế tỉnh Hà Tĩnh".
func parseAuthorLine(t string) (speaker, bool) { return authorLineOf(nil, t) }

// authorLineOf is parseAuthorLine(t), d describing t's block when it is known.
func authorLineOf(d *desc, t string) (speaker, bool) {
	t = strings.TrimSpace(strings.TrimRight(t, "* "))
	if n := runesUpTo(t, 180); n < 5 || n > 180 || endsSentence(t) {
		return speaker{}, false
	}

	if len(t) <= 60 && paperLabelOf(d, t) {
		return speaker{}, false // "BIÊN BẢN" names the document, though Biên is a family name
	}
	if sp, ok := contributedBy(t); ok {
		return sp, true
	}
	if sp, ok := orgThenPerson(t); ok {
		return sp, true
	}
	if loc := authorLabelRE.FindStringIndex(t); loc != nil {
		labelled := strings.Contains(t[:loc[1]], ":")
		sp, ok := parseAuthorLine(t[loc[1]:])
		if name, affil, named := splitNameAffil(t[loc[1]:]); !ok && labelled && named {
			sp, ok = speaker{Name: name, Kind: KindPerson, Affiliation: affil}, true // "Tác giả: Lê An"
		}
		if !ok || sp.Kind != KindPerson || !labelled && sp.Affiliation == "" {
			return speaker{}, false // "Đồng chí <Name>" alone is a sentence's subject more often than an author
		}
		return sp, true
	}
	if m := academicQ.FindStringSubmatch(t); m != nil {
		name, affil, ok := splitNameAffil(m[2])
		if ok {
			return speaker{Name: strings.TrimSpace(m[1]) + " " + name, Kind: KindPerson, Affiliation: affil, Role: positionOf(affil)}, true
		}
		if name, org, ok := splitNameOrg(m[2]); ok { // "TS. Lê An Học viện X": the line break was lost
			return speaker{Name: strings.TrimSpace(m[1]) + " " + name, Kind: KindPerson, Affiliation: org}, true
		}
		return speaker{}, false
	}
	if name, affil, ok := splitNameAffil(t); ok && isSurname(strings.Fields(name)[0]) && !opensWithOrgPhrase(t) {
		if affil == "" && !isAllCaps(t) { // t, as name is title-cased by now
			return speaker{}, false // a lone mixed-case name line is too weak a cue
		}
		if affil == "" || orgKeywordLen(affil) > 0 || startsWithPosition(affil) {
			return speaker{Name: name, Kind: KindPerson, Affiliation: affil, Role: positionOf(affil)}, true
		}
		if co, ok := coAuthors(t); ok {
			return speaker{Name: co, Kind: KindPerson}, true
		}
		return speaker{}, false
	}
	// an organisation alone on the line, in mixed case: an upper-case one is a letterhead
	if vs, _ := firstSpeechVerb(t); vs < 0 && utf8.RuneCountInString(t) <= 120 && !d.isTitleLike(t) {
		if sp, ok := orgName(t); ok && sp.Name == strings.Trim(t, " ,") {
			return sp, true
		}
	}
	return speaker{}, false
}

// splitNameOrg splits a name followed by an organisation's name without a separator, "Trịnh Thị
// Hà Học viện Chính trị khu vực II", at the first organisation keyword after two to five name words.
func splitNameOrg(s string) (name, org string, ok bool) {
	words := strings.Fields(s)
	for k := 2; k <= 5 && k < len(words); k++ {
		if !isNameWord(words[k-1]) {
			return "", "", false
		}
		rest := strings.Join(words[k:], " ")
		if orgKeywordLen(rest) == 0 {
			continue
		}
		if sp, found := orgName(rest); found && sp.Name == rest {
			return titleCaseName(strings.Join(words[:k], " ")), rest, true
		}
	}
	return "", "", false
}

// opensWithOrgPhrase reports a line opening with an organisation keyword of two words or more
// ("ĐẢNG BỘ TỈNH X", "HUYỆN ỦY Y"), which no person's name does, although "Đảng" folds like the
// family name Đặng.
func opensWithOrgPhrase(t string) bool {
	n := orgKeywordLen(t)
	return n > 0 && strings.Contains(t[:n], " ")
}

// positionOf returns an author's affiliation when it is a title ("Vụ trưởng Vụ X"), as the role.
// The position must be longer than any organisation keyword the affiliation opens with: "Học viện
// X" and "Trường X" are institutions, "Vụ trưởng Vụ X" is a title.
func positionOf(affil string) string {
	f := foldLower(affil) + " "
	pos := 0
	for _, p := range positionWords {
		if strings.HasPrefix(f, p+" ") {
			pos = max(pos, strings.Count(p, " ")+1)
		}
	}
	kw := 0
	if n := orgKeywordLen(affil); n > 0 {
		kw = strings.Count(affil[:n], " ") + 1
	}
	if pos > kw {
		return affil
	}
	return ""
}

// splitNameAffil splits "Name – affiliation" and checks that Name is 2-5 capitalised syllables.
func splitNameAffil(s string) (name, affil string, ok bool) {
	s = strings.TrimSpace(s)
	name = s
	loc, ok := authorSepIndex(s)
	if !ok {
		return "", "", false
	}
	if loc != nil {
		name, affil = s[:loc[0]], strings.Trim(s[loc[1]:], " )")
	}
	words := strings.Fields(strings.TrimRight(name, "*"))
	if len(words) < 2 || len(words) > 5 {
		return "", "", false
	}
	for _, w := range words {
		if !isNameWord(w) {
			return "", "", false
		}
	}
	return titleCaseName(strings.Join(words, " ")), affil, true
}

// authorSepIndex is authorSepRE.FindStringIndex(s), false when the name before the separator
// cannot be one. The name holds only letters, spaces, a trailing '*' and the marks nameEnd lets
// through, and every separator holds one of "–—-,(", none of them; so at nameEnd, a separator
// must start (after the blanks before it) or the name fails. The expression is run on that
// rune, its blanks and the blanks after it only.
func authorSepIndex(s string) ([]int, bool) {
	j := nameEnd(s)
	if j < 0 {
		return nil, true // no separator: the name is the line
	}
	r, size := utf8.DecodeRuneInString(s[j:])
	if !strings.ContainsRune("–—-,(", r) {
		return nil, false
	}
	from, to := j, j+size
	for from > 0 && isREBlank(s[from-1]) {
		from--
	}
	for to < len(s) && isREBlank(s[to]) {
		to++
	}
	loc := authorSepRE.FindStringIndex(s[from:to])
	if loc == nil || from+loc[0] > j {
		return nil, false
	}
	return []int{from + loc[0], from + loc[1]}, true
}

// nameEnd returns the index of the first rune of s that no name holds, or -1: letters, spaces
// and '*', and also the apostrophe of H’Liên and a hyphen between letters (Ji-yeon), which no
// separator of authorSepRE matches either.
func nameEnd(s string) int {
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsSpace(r) || r == '*' || isNameApostrophe(r) {
			continue
		}
		if r == '-' && i > 0 && i+1 < len(s) && !isREBlank(s[i-1]) && !isREBlank(s[i+1]) {
			continue
		}
		return i
	}
	return -1
}

// isREBlank reports a byte \s matches in an expression: space, tab, newline, form feed, return.
func isREBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// coAuthors reads a line of names only ("NGUYỄN THỊ A - TRẦN VĂN B") as co-authors.
func coAuthors(t string) (string, bool) {
	parts := authorSepRE.Split(t, -1)
	var names []string
	for _, p := range parts {
		n, a, ok := splitNameAffil(p)
		if !ok || a != "" || !isSurname(strings.Fields(n)[0]) {
			return "", false
		}
		names = append(names, n)
	}
	return strings.Join(names, ", "), len(names) >= 2
}

// isAllCaps reports whether the letters of s are (almost) all capitals.
func isAllCaps(s string) bool {
	share, letters := upperShare(s)
	return letters > 0 && share >= 0.95
}

// academicQ and contributedByQ reject at its first byte a line their expression cannot match.
var academicQ, contributedByQ = quick(academicRE), quick(contributedByRE)

// contributedByRE matches a line that says whose contribution follows: "(Tham luận của Đảng ủy X)",
// "Bài viết của đồng chí Y, Bí thư Z".
var contributedByRE = regexp.MustCompile(`^\(?\s*(?:[Bb]ài\s+)?(?:[Tt]ham luận|[Bb]ài viết|[Bb]áo cáo tham luận|[Bb]áo cáo|[Pp]hát biểu|[Ýý] kiến)\s+của\s+([^()]{4,170}?)\s*\)?$`)

// contributedBy reads "(Tham luận của X)" under a title: X is an organisation named alone, or a person
// with a honorific and a title.
func contributedBy(t string) (speaker, bool) {
	m := contributedByQ.FindStringSubmatch(t)
	if m == nil && strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") { // "(Đảng ủy Khu công nghiệp X)"
		inner := strings.TrimSpace(t[1 : len(t)-1])
		if sp, ok := orgName(inner); ok && sp.Name == inner && !strings.ContainsAny(inner, "()") {
			return sp, true
		}
	}
	if m == nil || strings.HasPrefix(t, "(") != strings.HasSuffix(t, ")") {
		return speaker{}, false
	}
	who := strings.TrimRight(m[1], " .,")
	if sp, ok := orgName(who); ok && sp.Name == who {
		return sp, true
	}
	if honorificAt(who) {
		return honorificPerson(who)
	}
	if name, affil, ok := splitNameAffil(who); ok && isSurname(strings.Fields(name)[0]) {
		return speaker{Name: name, Kind: KindPerson, Affiliation: affil, Role: positionOf(affil)}, true
	}
	return speaker{}, false
}

// orgThenPerson reads an author line that names the organisation first and the person who speaks
// for it after a dash: "Đảng ủy xã X – đồng chí Y, Bí thư Đảng ủy".
func orgThenPerson(t string) (speaker, bool) {
	parts := strings.SplitN(t, " – ", 2)
	if len(parts) < 2 {
		if parts = strings.SplitN(t, " - ", 2); len(parts) < 2 {
			return speaker{}, false
		}
	}
	org, ok := orgName(parts[0])
	if !ok || org.Name != strings.TrimSpace(parts[0]) || !honorificAt(parts[1]) {
		return speaker{}, false
	}
	sp, ok := honorificPerson(parts[1])
	if !ok {
		return speaker{}, false
	}
	sp.Affiliation = org.Name
	return sp, true
}
