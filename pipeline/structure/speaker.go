package structure

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus/vntext"
)

// Speaker kinds, as Section.SpeakerKind holds them.
const (
	KindOrganisation = "organisation"
	KindPerson       = "person"
)

// speaker is who a section is by: its canonical name, kind, a person's title or office as the
// text gives it and, for an author, affiliation.
type speaker struct {
	Name, Kind, Role, Affiliation string
}

// orgKeywords open the name of an organisation; each must be followed by a capitalised word.
var orgKeywords = normList(
	"Đảng ủy", "Đảng bộ", "Đảng đoàn", "Chi bộ", "Chi cục", "Cục", "Sở", "Ban", "Ban cán sự", "Hội",
	"Chi hội", "Trường", "Bệnh viện", "Tổng Công ty", "Công ty", "Huyện ủy", "Thành ủy", "Tỉnh ủy",
	"Quận ủy", "Thị ủy", "Liên đoàn", "Ủy ban", "Viện", "Học viện", "Báo", "Đoàn", "Trung tâm",
	"Ngân hàng", "Hợp tác xã", "Tập đoàn", "Văn phòng", "Phòng", "Kho bạc", "Bảo hiểm xã hội",
	"Công an", "Bộ Chỉ huy", "Mặt trận", "Đại học", "Tòa án", "Viện kiểm sát", "Chi nhánh", "Thanh tra",
	"Tạp chí", "Đài", "Vụ", "Bộ", "Khoa", "Nhà máy", "Xí nghiệp", "Công đoàn", "Quân khu", "Bộ đội",
	"Lữ đoàn", "Sư đoàn", "Trung đoàn", "Tổng cục", "Khối", "Cơ quan", "UBND", "HĐND", "MTTQ",
	"Hiệp hội", "Liên hiệp", "Hội đồng", "Câu lạc bộ", "Tỉnh đoàn", "Thành đoàn", "Huyện đoàn",
	"Đoàn Thanh niên", "Hội Liên hiệp", "Ngân hàng", "Quỹ", "Chi đoàn", "Liên minh", "Đồn",
)

// orgStopWords cannot stand inside an organisation's name: met after the keyword, they show that
// the clause is a sentence about the organisation, not its name.
var orgStopWords = map[string]bool{
	"cần": true, "phải": true, "sẽ": true, "đang": true, "được": true, "bị": true, "là": true,
	"có": true, "không": true, "chưa": true, "mà": true, "để": true, "khi": true, "nếu": true,
	"vì": true, "đã": true, "cũng": true, "đều": true, "vẫn": true, "thì": true, "rất": true,
	"luôn": true, "tiếp": true, "này": true, "đó": true, "nên": true,
}

// trailingAdverbs may follow a subject before its verb ("Đảng ủy X cũng cho rằng") and are cut.
var trailingAdverbs = map[string]bool{"cũng": true, "đã": true, "đều": true, "vẫn": true, "thì": true, "lại": true}

// speechVerbs introduce what a speaker said; a lead is a subject followed by one of them.
var speechVerbs = []string{
	"cho rằng", "nhấn mạnh", "chia sẻ", "nêu", "đề xuất", "bày tỏ", "cho biết", "kiến nghị",
	"khẳng định", "đề nghị", "phát biểu", "trình bày", "nhận định", "trao đổi", "phân tích",
	"ghi nhận", "đưa ra", "lưu ý", "yêu cầu", "chỉ rõ", "chỉ ra", "tham luận", "đề cập", "mong muốn",
	"nhận thấy", "đánh giá", "cho hay", "chỉ đạo", "thông tin về", "kể", "nói", "thừa nhận",
	"lo ngại", "băn khoăn", "trăn trở", "tâm sự", "nhận xét", "bổ sung", "góp ý", "hiến kế",
	"phản ánh", "nhìn nhận", "giải thích", "dẫn chứng", "cảnh báo", "nói rõ", "nêu ý kiến",
	"thông tin", "thông báo", "báo cáo", "đặt vấn đề", "đặt câu hỏi", "gợi ý", "khuyến nghị", "lý giải",
	"nhắc lại", "kêu gọi", "cam kết", "đồng tình", "tán thành", "mong được",
}

// nounVerbs are verbs of speech that are more often nouns ("công nghệ thông tin"): they count
// only before a comma or colon, or before "thêm" ("ông X thông tin thêm").
var nounVerbs = map[string]bool{"thông tin": true, "thông báo": true, "báo cáo": true}

// leadIns are stripped from the front of a subject: "Đại diện X", "tham luận của X", "Theo X".
var leadIns = []string{
	"theo đại diện ", "về phía ", "phía ", "thay mặt ", "đại diện cho ", "đại diện ", "lãnh đạo ", "bài tham luận của ",
	"báo cáo tham luận của ", "báo cáo đề dẫn của ", "báo cáo đề dẫn do ", "báo cáo của ", "bài viết của ",
	"bài phát biểu của ", "phát biểu của ", "tham luận tại hội thảo của ", "tham luận của ", "ý kiến của ", "theo ",
}

var (
	honorificRE = regexp.MustCompile(`(?:^|\s)(?:(?:đồng chí|Đồng chí|ông|Ông|bà|Bà|Đ/c|đ/c|đại biểu|Đại biểu|anh|Anh|chị|Chị|cô|Cô|thầy|Thầy|Tiến sĩ|tiến sĩ|Thạc sĩ|thạc sĩ|Giáo sư|giáo sư|Phó Giáo sư|phó giáo sư|nhà báo|luật sư|chuyên gia|Đại đức|đại đức|Thượng tọa|thượng tọa|Hòa thượng|hòa thượng|Linh mục|linh mục|Mục sư|mục sư|Già làng|già làng|Nghệ nhân|nghệ nhân|Bác sĩ|bác sĩ|Kỹ sư|kỹ sư|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy|Thiếu tướng|Trung tướng|Thượng tướng|Đại tướng)\s+|(?:PGS\.\s?TS|GS\.\s?TS|PGS|GS|TS|ThS)\.?\s+)`)
	closingRE   = regexp.MustCompile(`(?:^|, )(?:phat bieu |tai phien |trong bai |trong phat bieu )?(?:ket luan|be mac|tong ket) (?:buoi )?(?:hoi thao|toa dam|hoi nghi|dien dan|chuong trinh)(?:,|\s|$)|^(?:ket luan|be mac)(?:,|$)|phat bieu (?:ket luan|be mac)`)
)

// normList returns words in the form normKey compares them in.
func normList(words ...string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = normKey(w)
	}
	return out
}

// normKey is the form names are compared in: one tone placement, lower case.
func normKey(s string) string { return strings.ToLower(vntext.NormalizeTones(s)) }

// lead is what opens a section of a news report: the speaker and whether it is the closing speech.
type lead struct {
	sp      speaker
	closing bool
	chair   bool // the speaker is the chair named by the minutes' "Chủ trì:" line
}

// newsLead finds the speaker that opens paragraph p of a news report ("Đại diện Đảng ủy X cho
// rằng...", "..., tham luận của Cục Y nhấn mạnh...", "Kết luận hội thảo, đồng chí Z, Bí thư ...").
func newsLead(p string) (lead, bool) {
	first := p
	var buf [2]Span
	sents := leadingSentences(p, buf[:0]) // the first two of SplitSentences(p)
	if len(sents) > 0 {
		first = sents[0].Text
	}
	if len(first) > 600 {
		cut := 600
		for cut > 0 && !utf8.RuneStart(first[cut]) {
			cut--
		}
		first = first[:cut]
	}
	if m := theoRE.FindString(first); m != "" {
		return theoLead("Theo " + first[len(m):])
	}
	if m := introTheoRE.FindString(first); m != "" { // "Ở xã X, theo đồng chí Y, ..."
		if l, ok := theoLead("Theo " + first[len(m):]); ok {
			return l, true
		}
	}
	// the subject stands before a verb of speech; when a quotation comes first, its own verbs
	// are passed over until the attribution: "“...”, ông X chia sẻ"
	if sp, ok := attribution(p); ok {
		return lead{sp: sp}, true
	}
	for _, vStart := range speechVerbStarts(first, 3) {
		prefix := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(first[:vStart]), ",:"))
		if isPastAction(prefix, first[vStart:]) {
			continue
		}
		// "Kết luận hội thảo, đồng chí X ..." or "Đồng chí X, <title> phát biểu kết luận, ..."
		if isClosingPrefix(prefix) || closingVerbRE.MatchString(first[vStart:]) {
			if sp, ok := personIn(prefix); ok {
				return lead{sp: sp, closing: true}, true
			}
		}
		if sp, ok := subjectIn(prefix); ok {
			return lead{sp: sp}, true
		}
	}
	if l, ok := colonLead(first); ok {
		return l, true
	}
	if sp, ok := framedLead(p, first); ok {
		return lead{sp: sp}, true
	}
	// "Tham dự hội thảo có ... . Phát biểu tại hội thảo, đồng chí X cho rằng ..."
	if s := sents; len(s) > 1 && speechFrameRE.MatchString(s[1].Text) {
		return newsLead(s[1].Text)
	} else if len(s) > 1 && secondSpeakerRE.MatchString(s[1].Text) {
		// "Không ít ý kiến cho rằng ... . Về vấn đề này, bà X, <title>, cho biết ...": the
		// paragraph raises a point and names who answers it in its second sentence
		if l, ok := newsLead(s[1].Text); ok && !l.closing {
			return l, true
		}
	}
	return lead{}, false
}

// leadingSentences appends to buf the first sentences of SplitSentences(p), as many as buf has
// room for, and returns it: a paragraph is split no further than a lead reads.
func leadingSentences(p string, buf []Span) []Span {
	eachSentence(p, func(s Span) bool {
		buf = append(buf, s)
		return len(buf) < cap(buf)
	})
	return buf
}

// secondSpeakerRE matches a sentence that opens, after at most a short linking phrase or "Theo",
// with a person named with a honorific or with the representative of a body: "Về vấn đề này, bà
// X", "Anh Y, Bí thư Chi bộ Z", "Theo ông V, ...", "Đại diện Đảng ủy W".
var secondSpeakerRE = regexp.MustCompile(`^(?:[^,.;:“”"]{3,40},\s+|(?:(?:Cũng|Còn)\s+)?[Tt]heo\s+)?(?:[Ôô]ng|[Bb]à|[Aa]nh|[Cc]hị|[Đđ]ồng chí|[Đđ]ại diện)\s+\p{Lu}`)

// isClosingPrefix is closingRE on the folded, lower-cased prefix, run only when it holds one of
// the words every match holds.
func isClosingPrefix(prefix string) bool {
	return foldLowerContainsAny(prefix, closingWords) && closingRE.MatchString(strings.ToLower(vntext.Fold(prefix)))
}

// closingWords are the words every match of closingRE holds.
var closingWords = []string{"ket luan", "be mac", "tong ket"}

// closingVerbRE matches a verb of speech that makes the speech the closing one: "phát biểu kết
// luận", "phát biểu bế mạc".
var closingVerbRE = regexp.MustCompile(`^phát biểu (?:kết luận|bế mạc|tổng kết)(?:[\s,.]|$)`)

// speechFrameRE matches a sentence that opens by saying where someone spoke: "Phát biểu tại hội
// thảo, ...", "Chia sẻ tại tọa đàm, ...", "Tại hội nghị, ...".
var speechFrameRE = regexp.MustCompile(`^(?:Phát biểu|Chia sẻ|Trao đổi|Tham luận|Thảo luận|Kết luận|Cũng tại|Tại)\s[^,.]{0,60}?(?:hội thảo|hội nghị|t(?:ọa|oạ) đàm|diễn đàn)[^,.]{0,30}, `)

// pastActionVerbs are verbs of speech that, after "đã", report an earlier decision rather than
// what was said at the event: "Ban Thường vụ Tỉnh ủy đã chỉ đạo ...".
var pastActionVerbs = []string{"chỉ đạo", "yêu cầu", "đánh giá", "ghi nhận", "đưa ra", "thông báo", "báo cáo", "chỉ ra"}

// isPastAction reports a verb of speech (at the start of rest) that follows "đã" in prefix and
// reports an earlier action: such a sentence opens no speaker's section.
func isPastAction(prefix, rest string) bool {
	if !strings.HasSuffix(prefix, " đã") && !strings.HasSuffix(prefix, " đã từng") {
		return false
	}
	for _, v := range pastActionVerbs {
		if strings.HasPrefix(rest, v) {
			return true
		}
	}
	return false
}

// theoRE matches "Theo", "Còn theo", "Cũng theo" opening a paragraph that reports someone's view.
var theoRE = regexp.MustCompile(`^(?:(?:Còn|Cũng|Nhưng|Tuy nhiên|Mặt khác),?\s+)?[Tt]heo\s+`)

// attributionRE finds the speaker named after a quotation: "Đó là chia sẻ của ông X, ...".
var attributionRE = regexp.MustCompile(`^[“"].{10,600}?[”"][.,]?\s+(?:Đó là|Đây là|Là)\s+(?:chia sẻ|ý kiến|đề xuất|kiến nghị|tâm sự|nhận định|trăn trở|khẳng định|nhận xét|đánh giá|quan điểm|lời|câu chuyện|băn khoăn|mong muốn)\s+của\s+([^.;]{4,160})`)

// attribution reads a paragraph that opens with a quotation attributed in the next sentence.
func attribution(p string) (speaker, bool) {
	m := attributionRE.FindStringSubmatch(p)
	if m == nil {
		return speaker{}, false
	}
	who := strings.TrimSpace(m[1])
	if sp, ok := orgName(strings.SplitN(who, ", ", 2)[0]); ok {
		return sp, true
	}
	if !honorificRE.MatchString(who) {
		who = "ông " + who // the name directly after "của"
	}
	return personIn(who)
}

// speechVerbStarts returns the byte offsets of the first n verbs of speech in t, in order.
func speechVerbStarts(t string, n int) []int {
	var out []int
	from := 0
	for len(out) < n && from < len(t) {
		i, end := firstSpeechVerb(t[from:])
		if i < 0 {
			break
		}
		out = append(out, from+i)
		from += end
	}
	return out
}

// theoLead reads "Theo <speaker>, ..." where the content follows the comma.
func theoLead(first string) (lead, bool) {
	clauses := strings.SplitN(first, ", ", 3)
	if len(clauses) < 2 {
		return lead{}, false
	}
	if sp, ok := orgName(clauses[0]); ok {
		return lead{sp: sp}, true
	}
	if sp, ok := personIn(clauses[0] + ", " + clauses[1]); ok {
		return lead{sp: sp}, true
	}
	return lead{}, false
}

// subjectIn finds the speaker in the words before a verb of speech: its last clause
// ("..., tham luận của Cục X"), a person named with a honorific, or an organisation followed by
// appositions ("Đảng ủy xã X, một xã miền núi, cho biết"), after any introductory phrase
// ("Ở một góc nhìn khác, Đảng ủy Y – doanh nghiệp ... – cho biết").
func subjectIn(prefix string) (speaker, bool) {
	if prefix != "" && isDigitByte(prefix[0]) { // "9h40: Đại diện X" in a live report
		prefix = clockPrefixRE.ReplaceAllString(prefix, "")
	}
	if after, ok := afterQuotation(prefix); ok { // "“...” – đại diện X chia sẻ"
		prefix = after
	}
	clauses := strings.Split(strings.TrimSpace(cutAppositions(prefix)), ", ")
	last := clauses[len(clauses)-1]
	if stripLeadIn(last) != last {
		if sp, ok := orgName(last); ok { // "Đại diện X", "tham luận của X"
			return sp, true
		}
	}
	if sp, ok := honorificPerson(prefix); ok { // "ông X, Học viện Y" is the person
		return sp, true
	}
	if sp, ok := orgName(last); ok {
		return sp, true
	}
	if sp, ok := representedName(last); ok {
		return sp, true
	}
	if sp, ok := bareNamedPerson(clauses); ok { // before "<title> <Name>" reads a place as the name
		return sp, true
	}
	if sp, ok := titledName(last); ok {
		return sp, true
	}
	for j := len(clauses) - 2; j >= 0 && startsLower(clauses[j+1]); j-- {
		if sp, ok := orgName(clauses[j]); ok {
			return sp, true
		}
	}
	if len(clauses) > 1 {
		return orgName(clauses[0])
	}
	return speaker{}, false
}

// bareNamedPerson finds a person named without a honorific, by a clause that is only a name with
// a family name first and the clause after it a position: "Chia sẻ tại hội thảo, Lê Văn A, Bí thư
// Chi bộ X, cho biết".
func bareNamedPerson(clauses []string) (speaker, bool) {
	for j := 0; j+1 < len(clauses); j++ {
		name, affil, ok := splitNameAffil(clauses[j])
		if ok && affil == "" && name == strings.TrimSpace(clauses[j]) && isSurname(strings.Fields(name)[0]) &&
			startsWithPosition(clauses[j+1]) {
			return personSpeaker(name, strings.Join(clauses[j+1:], ", ")), true
		}
	}
	return speaker{}, false
}

// clockPrefixRE matches the time of day that opens each entry of a live report: "9h40:",
// "10 giờ 15 -", "14:30 –".
var clockPrefixRE = regexp.MustCompile(`^\d{1,2}\s*(?:h|giờ|:)\s*(?:\d{2}\s*(?:phút|p|')?)?\s*[:.,–-]\s*`)

// afterQuotation returns the words after a quotation that opens prefix, without the comma or
// dash that joins them to it: the subject of "“...” – đại diện Đảng ủy X chia sẻ", which would
// otherwise read as an apposition.
func afterQuotation(prefix string) (string, bool) {
	if !strings.HasPrefix(prefix, "“") && !strings.HasPrefix(prefix, "\"") {
		return "", false
	}
	i := strings.LastIndexAny(prefix, "”\"")
	if i <= 0 {
		return "", false
	}
	_, size := utf8.DecodeRuneInString(prefix[i:])
	after := strings.TrimSpace(strings.TrimLeft(prefix[i+size:], " .,:;–—-"))
	if after == "" {
		return "", false
	}
	return after, true
}

// representedName reads "đại diện <Name>" where the name has no organisation keyword but is
// capitalised as a proper name: "đại diện Viễn thông Thái Bình", "Lãnh đạo Agribank".
func representedName(clause string) (speaker, bool) {
	low := strings.ToLower(strings.TrimSpace(clause))
	if !strings.HasPrefix(low, "đại diện ") && !strings.HasPrefix(low, "thay mặt ") && !strings.HasPrefix(low, "lãnh đạo ") {
		return speaker{}, false
	}
	words := strings.Fields(strings.Trim(stripLeadIn(strings.TrimSpace(clause)), " ,.:;"))
	if len(words) == 0 || len(words) > 8 || !isNameWord(words[0]) || hasVerbPhrase(words) {
		return speaker{}, false
	}
	capital := 0
	for _, w := range words {
		if orgStopWords[strings.ToLower(w)] {
			return speaker{}, false
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capital++
		}
	}
	if capital*2 < len(words) {
		return speaker{}, false
	}
	return speaker{Name: strings.Join(words, " "), Kind: KindOrganisation}, true
}

// cutAppositions is appositionRE.ReplaceAllString(prefix, " "), run only when prefix holds a dash
// or a bracket, which every match holds.
func cutAppositions(prefix string) string {
	if !strings.ContainsAny(prefix, "–—-(") {
		return prefix
	}
	return appositionRE.ReplaceAllString(prefix, " ")
}

// appositionRE finds an apposition between dashes or a bracketed one: "Công ty X – doanh nghiệp
// có vốn nhà nước –", "Đảng ủy xã Y (huyện Z)".
var appositionRE = regexp.MustCompile(`\s+[–—-]\s+[^–—]{1,160}?(?:\s+[–—-](?:\s|$)|$)|\s*\([^()]{1,120}\)`)

// startsLower reports whether s starts with a lower-case letter, as an apposition does.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return unicode.IsLower(r)
}

// firstSpeechVerb returns the byte span of the first verb of speech in t at word boundaries, or -1.
func firstSpeechVerb(t string) (int, int) {
	// every word start in order; at the first where a verb stands, the verb listed first
	for i := strings.IndexByte(t, ' ') + 1; i > 0 && i < len(t); {
		for _, v := range speechVerbsByByte[t[i]] {
			end := i + len(v)
			if strings.HasPrefix(t[i:], v) && (end == len(t) || strings.ContainsRune(" ,:.;", rune(t[end]))) &&
				!strings.HasPrefix(t[end:], " của ") && (!nounVerbs[v] || end < len(t) && t[end] != ' ' || strings.HasPrefix(t[end:], " thêm")) {
				return i, end
			}
		}
		next := strings.IndexByte(t[i:], ' ')
		if next < 0 {
			break
		}
		i += next + 1
	}
	return -1, -1
}

// speechVerbsByByte lists speechVerbs by their first byte, in their order.
var speechVerbsByByte = func() (t [256][]string) {
	for _, v := range speechVerbs {
		t[v[0]] = append(t[v[0]], v)
	}
	return t
}()

// stripLeadIn removes "Đại diện", "tham luận của", "Theo" from the front of a subject.
func stripLeadIn(s string) string {
	for changed := true; changed; {
		changed = false
		low := strings.ToLower(s)
		for _, l := range leadIns {
			if strings.HasPrefix(low, l) {
				s, changed = strings.TrimSpace(s[len(l):]), true
				break
			}
		}
	}
	return s
}

// orgName reads clause as an organisation's name: an organisation keyword, then words without a
// verb or modal, at least one of them capitalised.
func orgName(clause string) (speaker, bool) {
	s := cutMannerAdverbs(strings.Trim(stripLeadIn(strings.TrimSpace(clause)), " ,.:;"))
	kw := orgKeywordLen(s)
	if kw == 0 {
		return speaker{}, false
	}
	words := strings.Fields(s)
	kwWords := strings.Count(s[:kw], " ") + 1
	for i := kwWords; i < len(words); i++ {
		// a capitalised word is part of the name: "Cần" in Cần Thơ, Cần Giuộc is no modal
		if startsUpper(words[i]) || !orgStopWords[strings.ToLower(words[i])] {
			continue
		}
		for _, w := range words[i:] {
			if !trailingAdverbs[strings.ToLower(w)] {
				return speaker{}, false
			}
		}
		words = words[:i]
		break
	}
	if len(words) <= kwWords || len(words) > 18 || endsWithPredicate(words, kwWords) || !anyCapitalised(words[kwWords:]) && !numberedUnit(words[kwWords:]) || hasVerbPhrase(words[kwWords:]) {
		return speaker{}, false
	}
	return speaker{Name: strings.Join(words, " "), Kind: KindOrganisation}, true
}

// unitWords name local units that are numbered rather than named: "ấp 4", "khu phố 2", "tổ 12".
var unitWords = setOf("ap", "thon", "xom", "pho", "khoi", "khom", "ban", "doi", "to", "khu", "phuong", "quan")

// numberedUnit reports an organisation's words that end with a numbered local unit: the "ấp 4"
// of "Chi bộ ấp 4", which has no capitalised word.
func numberedUnit(words []string) bool {
	n := len(words)
	if n < 2 || len(words[n-1]) > 3 || !isDigitByte(words[n-1][0]) || strings.Trim(words[n-1], "0123456789") != "" {
		return false
	}
	return unitWords[foldLower(words[n-2])]
}

// orgVerbPhrases are verbs met in sentences about an organisation ("Khoa X xây dựng kế hoạch")
// and never in its name, in lower case.
var orgVerbPhrases = map[string]bool{
	"phổ biến": true, "xây dựng": true, "tham mưu": true, "tiến hành": true, "thực hiện": true,
	"phối hợp": true, "hoàn thiện": true, "hoàn thành": true, "triển khai": true, "ban hành": true,
	"rà soát": true, "tập trung": true, "bảo đảm": true, "đảm bảo": true, "quan tâm": true,
	"chủ động": true, "kịp thời": true, "thường xuyên": true, "tích cực": true, "chú trọng": true,
	"kết nạp": true, "thành lập": true, "tổ chức các": true, "duy trì": true, "đẩy mạnh": true,
	"nâng cao": true, "tăng cường": true, "đổi mới": true, "lựa chọn": true, "phân công": true,
}

// mannerAdverbs stand between a subject and its verb of speech ("Chi bộ X thẳng thắn chỉ ra"), as
// does the issuing of a statement, and are cut from the end of a subject.
var mannerAdverbs = []string{" thẳng thắn", " cởi mở", " tiếp tục", " một lần nữa", " từng", " còn", " trực tiếp",
	// issuing a statement before its verb of speech: "Bộ X phát đi thông tin cho biết"
	" ra tuyên bố", " ra thông báo", " ra văn bản", " có văn bản", " gửi văn bản", " gửi đi văn bản",
	" phát đi thông tin", " phát đi thông báo", " phát đi văn bản", " phát đi thông cáo", " ra thông cáo"}

// cutMannerAdverbs removes manner adverbs from the end of subject s.
func cutMannerAdverbs(s string) string {
	for changed := true; changed; {
		changed = false
		for _, a := range mannerAdverbs {
			if strings.HasSuffix(s, a) {
				s, changed = strings.TrimSpace(strings.TrimSuffix(s, a)), true
			}
		}
	}
	return s
}

// hasVerbPhrase reports a verb phrase among words, or a run of more than eight lower-case words,
// which no organisation's name has.
func hasVerbPhrase(words []string) bool {
	run := 0
	for i, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			run = 0
		} else if run++; run > 8 {
			return true
		}
		if i+1 < len(words) && orgVerbPhrases[strings.ToLower(w+" "+words[i+1])] {
			return true
		}
	}
	return false
}

// OrgKeywordLen is orgKeywordLen, for the tests of the whole pipeline: the byte length of the
// organisation keyword s opens with ("Sở ", "Ban ", ...), or 0.
func OrgKeywordLen(s string) int { return orgKeywordLen(s) }

// orgKeywordLen returns the byte length of the organisation keyword s opens with, or 0. The
// keyword must be capitalised as in a proper name and be followed by a space.
func orgKeywordLen(s string) int {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return 0
	}
	key := normKey(joinFields(s, 4))
	best := 0
	for _, k := range orgKeywords {
		if len(key) > len(k) && key[len(k)] == ' ' && strings.HasPrefix(key, k) && len(k) > best { // key opens with k+" "
			best = len(k)
		}
	}
	if best == 0 || strings.HasPrefix(key, "báo cáo") { // "Báo cáo đề dẫn" is a report, not a newspaper
		return 0
	}
	// map the keyword's length in key back to s: count its words
	n := strings.Count(key[:best], " ") + 1
	return len(joinFields(s, n))
}

// startsUpper reports whether w starts with a capital letter.
func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// anyCapitalised reports whether one of words starts with a capital letter.
func anyCapitalised(words []string) bool {
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
