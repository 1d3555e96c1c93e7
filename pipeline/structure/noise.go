package structure

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus"
	"thamluan/corpus/vntext"
)

// Noise is everything a web page or a print layout adds to the text of a workshop: photo
// captions and credits, video-player remnants, share widgets and page furniture. The segmenter
// removes it from the sections and lists it in Document.Noise.

// creditName is the name in a photo credit, which may be written with initials: "Minh Khang",
// "T.Điền", "T.L", "N.T.H/TTXVN".
const creditName = `(?:\p{Lu}{1,2}\.\s?){0,3}[^.!?()]{1,60}`

// timestampRE matches the date and time line of a news page: "09/05/2024 | 16:20 GMT+7",
// "Thứ Năm, 14/3/2024 17:05", "Cập nhật: 10:15 ngày 2/4/2024".
var timestampRE = regexp.MustCompile(`^(?:(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy|\d)|Chủ nhật|Chủ Nhật|CN|T\d)\s*[,-]?\s*)?(?:\d{1,2}:\d{2}(?::\d{2})?\s*[|,-]?\s*)?(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:\s*[|,-]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?)?(?:\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}\)?)?$|^\(?(?:Cập nhật|Cập nhật lúc|Cập nhật ngày|Đăng|Đăng lúc|Đăng ngày|Ngày đăng|Ngày cập nhật|Thời gian đăng|Xuất bản|Ngày xuất bản)\s*:?\s*[^.!?]{0,60}\d[^.!?]{0,40}\)?$`)

// isTimestamp reports a news page's date and time line; the cheap test of a date's slash or a
// time's colon comes first.
func isTimestamp(t string) bool {
	return strings.ContainsAny(t, "/:") && timestampQ.MatchString(t)
}

var (
	// playerRE matches audio/video-player remnants and reading links: "0:00 / 0:00", "Video:",
	// "Nghe đọc bài", "Xem thêm: <title>", "Tin liên quan", "Video đang phát", "Giọng đọc: Nữ miền
	// Bắc", "Trình duyệt của bạn không hỗ trợ phát video."
	playerRE = regexp.MustCompile(`^(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2}(?::\d{2})?)?|(?i:video đang phát|đang phát|đang tải|trình duyệt(?: của bạn)? không hỗ trợ[^.!?]{0,60}|your browser does not support[^.!?]{0,60}|giọng đọc\s*:?\s*(?:nam|nữ)(?: miền (?:bắc|trung|nam))?)\.?|(?i:video|xem video|xem tiếp|tin liên quan|bài liên quan|nghe đọc bài(?: viết)?|nghe bài(?: viết)?|nghe đọc|nghe audio|đọc bài(?: viết)?)\s*:?|(?:>>\s*)?(?i:xem thêm|đọc thêm|tin liên quan|bài liên quan)\s*(?::|>>).{0,200}|(?:>>\s*)?(?i:xem thêm|đọc thêm)|\(?(?i:video|clip)\)?\s*:.{0,200}|[▶►]\s*.{0,80})$`)
	// furnitureRE matches page furniture: a lone page number, "Trang 3", "- 12 -", "3/20".
	furnitureRE = regexp.MustCompile(`^(?:[-–]?\s*\d{1,4}\s*[-–]?|(?i:trang|page)\s+\d{1,4}(?:\s*/\s*\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})$`)
	// creditRE matches a photo credit alone: "Ảnh: Minh Anh", "(Ảnh: TTXVN)", "Ảnh minh họa".
	creditRE = regexp.MustCompile(`^\(?(?:Ảnh|ẢNH|Nguồn ảnh|Video|Clip)(?:\s*\d{1,2})?\s*:\s*` + creditName + `\)?\.?$|^\(?Ảnh minh (?:họa|hoạ)\)?\.?$`)
	// creditTailRE matches a caption ending with its credit: "Quang cảnh hội thảo. Ảnh: Hoàng Lam",
	// "Đại biểu phát biểu tại hội nghị (Ảnh: T.L)", "... hội nghị Ảnh: N.Hà", "... Ảnh minh họa".
	creditTailRE = regexp.MustCompile(`(?:^|\s)[-–(]?\s*(?:(?:Ảnh|ẢNH)\s*:\s*` + creditName + `|Ảnh minh (?:họa|hoạ))\)?\.?$`)
	// byLineRE matches an article's by-line: "Bài và ảnh: Thu Hà", "PV", "Theo Báo Bắc Sơn".
	byLineRE = regexp.MustCompile(`^(?:(?:(?:Bài|Tin|Video)(?:\s*(?:và|,|/)\s*(?:ảnh|video|clip))?|Nhóm phóng viên|Nhóm PV|Phóng viên|Nguồn|Theo)\s*:?\s+(?:\p{Lu}[^.!?]{0,60}|[\w.-]+\.(?:vn|com|net|org))|(?:PV|CTV|BTV|TTXVN|Nhóm PV)(?:\s*[/-]\s*\p{Lu}\S*)?)$`)
	// bracketSourceRE matches a by-line name with its paper: "Minh Anh (Báo Sơn La)", "Hồng Hà - TTXVN".
	bracketSourceRE = regexp.MustCompile(`^[^()]{2,40}\s*(?:\([^()]{2,40}\)|[-–]\s*(?:TTXVN|PV|CTV|Báo .{2,30}))$`)
	// breadcrumbRE matches a site's breadcrumb trail: "Trang chủ / Xây dựng Đảng / Tin tức",
	// "Trang chủ » Thời sự".
	breadcrumbRE = regexp.MustCompile(`^(?:Trang chủ|Trang nhất|TRANG CHỦ|Home)(?:\s*[/>»›|]\s*[^/>»›|.!?]{1,50}){1,5}$`)
	// categoryBarRE matches a news site's section trail joined by bars: "Thời sự | Xây dựng Đảng".
	categoryBarRE = regexp.MustCompile(`^\p{Lu}[^|.!?:;,]{1,30}(?:\s\|\s\p{Lu}[^|.!?:;,]{1,30}){1,4}$`)
	// counterRE matches a page's view or comment counter: "Lượt xem: 1.284", "Bình luận (0)".
	counterRE = regexp.MustCompile(`^(?:Lượt xem|Lượt đọc|Số lượt xem|Lượt thích|Lượt chia sẻ|Bình luận|Ý kiến)\s*(?::\s*\d[\d.,]*|\(\d[\d.,]*\))$`)
	// pageBarRE matches a running header or footer with its page number after or before a bar:
	// "Kỷ yếu hội thảo 2025 | 14", "14 | Tạp chí Lý luận chính trị".
	pageBarRE = regexp.MustCompile(`^(?:[^|.!?]{3,80}\|\s*\d{1,4}|\d{1,4}\s*\|[^|.!?]{3,80})$`)
	// tagLineRE matches the keyword line at the end of a news page: "Từ khóa: ...", "Tags: ...".
	tagLineRE = regexp.MustCompile(`^(?:Từ khóa|Từ khoá|TỪ KHÓA|Tags?|TAGS?|Chủ đề|Xem thêm)\s*:.{0,200}$`)
	// nameSepRE separates the names of a by-line: "Thu Hà - Minh Anh".
	nameSepRE = regexp.MustCompile(`\s*[-–,/]\s*`)
	// inlineCreditRE finds a bracketed credit inside running text: "(Ảnh: Minh Anh)".
	inlineCreditRE = regexp.MustCompile(`\s*\((?:Ảnh|ẢNH|Nguồn ảnh)\s*:[^()]{1,60}\)`)
	// inlineCreditAt is inlineCreditRE from its bracket on, at the start of the text.
	inlineCreditAt = regexp.MustCompile(`^\((?:Ảnh|ẢNH|Nguồn ảnh)\s*:[^()]{1,60}\)`)
	// photoNumberRE matches the alt text of a gallery photo: "<headline> ảnh 2".
	photoNumberRE = regexp.MustCompile(`\s(?:ảnh|Ảnh|hình|Hình)\s+\d{1,2}$`)
	// captionEndRE matches the end of a caption that describes a photo of the event.
	captionEndRE = regexp.MustCompile(`(?:tại|dự|điều hành|chủ trì|chụp ảnh lưu niệm|khai mạc|bế mạc|phát biểu|tham luận|trao đổi|bên lề)(?:\s+\S+){0,5}\s+(?:[Hh]ội thảo|[Hh]ội nghị|[Tt](?:ọa|oạ) đàm|[Dd]iễn đàn|[Cc]hương trình|[Ss]ự kiện|[Bb]uổi làm việc)\.?$`)
	// eventTailRE matches what may follow a verb of speech in a caption: the kind of speech and
	// the event, "kết luận hội thảo", "khai mạc tại hội nghị", "chỉ đạo buổi tọa đàm".
	eventTailRE = regexp.MustCompile(`^(?:(?:kết luận|khai mạc|bế mạc|chỉ đạo|tổng kết|đề dẫn|chào mừng|tham luận)\s+)?(?:tại\s+)?(?:buổi\s+|phiên\s+)?(?:[Hh]ội thảo|[Hh]ội nghị|[Tt](?:ọa|oạ) đàm|[Dd]iễn đàn|[Cc]hương trình|[Ss]ự kiện)\.?$`)
	// photoPlaceRE finds where a person stands in a photo: "(thứ hai từ trái sang)", "(bìa phải)".
	photoPlaceRE = regexp.MustCompile(`\((?:[^()]{0,20}từ (?:trái|phải) sang|bìa (?:trái|phải)|đứng giữa|giữa|hàng đầu[^()]{0,20})\)`)
	// captionStartRE matches how captions of event photos usually begin.
	captionStartRE = regexp.MustCompile(`^(?:Quang cảnh|Toàn cảnh|Các đại biểu|Đại biểu|Các học viên|Học viên|Đoàn chủ tọa|Đoàn chủ toạ|Chủ tọa|Chủ toạ|Các đồng chí chủ trì|Lãnh đạo .{1,60} (?:trao|tặng)|Ban tổ chức (?:trao|tặng)|Ảnh minh họa)\b`)
	// photoVerbRE finds what a photo shows someone doing: speaking, handing over, visiting.
	photoVerbRE = regexp.MustCompile(`\s(?:phát biểu|trao|tặng|chụp ảnh|tham quan|điều hành|chủ trì|tham dự)(?:\s|\.?$)`)
)

// widgetWords are the labels of share and comment widgets; a line made only of them is noise.
var widgetWords = map[string]bool{
	"chia se": true, "facebook": true, "zalo": true, "twitter": true, "binh luan": true, "in bai": true,
	"gui bai": true, "copy link": true, "sao chep lien ket": true, "email": true, "print": true,
	"share": true, "tweet": true, "like": true, "luu": true, "theo doi": true, "gui": true, "in": true,
	"linkedin": true, "telegram": true, "messenger": true, "x": true, "bai viet": true, "thich": true,
	// video-player controls
	"play": true, "pause": true, "phat": true, "tam dung": true, "tat tieng": true, "bat tieng": true,
	"toan man hinh": true, "cai dat": true, "chat luong": true, "toc do": true, "auto": true, "hd": true,
	"1080p": true, "720p": true, "480p": true, "360p": true, "mute": true, "fullscreen": true,
}

// noiseFilter classifies blocks as noise; headline is the document's first line, whose copies
// ("<headline> ảnh 2") are photo alt texts.
type noiseFilter struct {
	headline  string
	afterPhto bool            // the previous block was a photo line, so a short line now is its caption
	related   int             // how many more lines after a "Tin liên quan" label may be related headlines
	afterPage bool            // the previous block was a page number, so a running header may follow
	repeats   map[string]bool // short lines met more than once: running headers when at a page's edge
}

// looksLikeHeader reports a line that may be a running header: it opens with a capital letter
// and ends with a letter or digit, as "Kỷ yếu hội thảo khoa học" or "Tạp chí Xây dựng Đảng số 5".
func looksLikeHeader(t string) bool {
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return unicode.IsUpper(first) && (unicode.IsLetter(last) || unicode.IsDigit(last))
}

// headerKey is a running header without the page number printed before or after it: "Tài liệu
// hội thảo 5", "8 Tài liệu hội thảo" and "Tài liệu hội thảo - 9" are one header. A line of fewer
// than three words other than the number keeps it.
func headerKey(t string) string {
	if len(t) > 300 {
		return t // no running header is that long
	}
	k := t
	if i := strings.IndexByte(k, ' '); i > 0 && allDigits(k[:i]) {
		k = strings.TrimSpace(k[i+1:])
	}
	if i := strings.LastIndexByte(k, ' '); i > 0 && allDigits(k[i+1:]) {
		k = strings.TrimSpace(k[:i])
	}
	if k == t {
		return t
	}
	if k = strings.Trim(k, " -–—|,.:"); strings.Count(k, " ") < 2 { // "Bảng 2", "Năm 2023" are no header
		return t
	}
	return k
}

// allDigits reports a non-empty string of ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}

// repeatedLines returns the short lines that do not end like a sentence, are no contribution's
// title and stand more than once in blocks: a running header ("Kỷ yếu hội thảo") repeats on
// every page.
func repeatedLines(blocks []block) map[string]bool {
	seen := map[string]int{}
	for i, b := range blocks {
		t := headerKey(strings.TrimSpace(b.Text))
		if t == "" || len(t) > 240 || utf8.RuneCountInString(t) > 80 || endsSentence(t) || b.d.headingLevel(t) > 0 ||
			b.d.isTitleLike(t) && !isVolumeLabel(t) || !looksLikeHeader(t) { // a heading split over pages repeats too
			continue
		}
		if i+1 < len(blocks) {
			if _, author := blocks[i+1].author(); author {
				continue // a title, also listed in the table of contents, is no running header
			}
		}
		seen[headerKey(t)]++
	}
	out := map[string]bool{}
	for t, n := range seen {
		if n > 1 {
			out[t] = true
		}
	}
	return out
}

// filterNoise returns the blocks that are not noise, with bracketed photo credits cut out of the
// running text, and appends every removed line to doc.Noise.
func filterNoise(doc *corpus.Document, blocks []block) []block {
	nf := noiseFilter{repeats: repeatedLines(blocks)}
	start := len(doc.Noise)
	kept := make([]block, 0, len(blocks))
	prevPage := 0
	for _, b := range blocks {
		pageTurn := b.Page != prevPage && prevPage != 0
		prevPage = b.Page
		t := strings.TrimSpace(b.Text)
		if !validUTF8(t) {
			t = strings.ToValidUTF8(t, "\uFFFD")
		}
		if t == "" {
			continue
		}
		if nf.headline == "" && b.Kind != corpus.BlockCaption {
			nf.headline = t
		}
		if b.Kind == corpus.BlockCaption || nf.isNoiseBlock(t, b) || nf.repeats[headerKey(t)] && (pageTurn || nf.afterPage) ||
			nf.related > 0 && isRelatedTitle(t) {
			doc.Noise = append(doc.Noise, t)
			nf.afterPhto = b.Kind != corpus.BlockCaption && isPhotoLine(t)
			nf.afterPage = furnitureQ.MatchString(t)
			nf.related--
			if relatedLabelQ.MatchString(t) {
				nf.related = 5 // the headlines of the related articles follow
			}
			continue
		}
		nf.afterPhto, nf.afterPage, nf.related = false, false, 0
		if hasInlineCredit(t) { // the opening inlineCreditRE needs
			if loc := inlineCredits(t); loc != nil {
				var rest strings.Builder // t without the credits: ReplaceAllString(t, "") of the same matches
				at := 0
				for _, l := range loc {
					doc.Noise = append(doc.Noise, strings.TrimSpace(t[l[0]:l[1]]))
					rest.WriteString(t[at:l[0]])
					at = l[1]
				}
				rest.WriteString(t[at:])
				t = strings.TrimSpace(rest.String())
			}
		}
		b = b.withText(t)
		kept = append(kept, b)
	}
	return dropConfirmedHeaders(doc, kept, nf.repeats, start)
}

// inlineCredits is inlineCreditRE.FindAllStringIndex(t, -1), the expression tried only where a
// bracket opens a credit: a match starts with the spaces right before the bracket (after the
// match before).
func inlineCredits(t string) [][]int {
	var out [][]int
	for pos, from := 0, 0; from < len(t); {
		i := strings.IndexByte(t[from:], '(')
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		m := inlineCreditAt.FindStringIndex(t[i:])
		if m == nil {
			continue
		}
		start := i
		for start > pos && strings.IndexByte("\t\n\f\r ", t[start-1]) >= 0 { // \s
			start--
		}
		out = append(out, []int{start, i + m[1]})
		pos, from = i+m[1], i+m[1]
	}
	return out
}

// hasInlineCredit reports the opening of a bracketed credit, which inlineCreditRE needs.
func hasInlineCredit(t string) bool {
	return strings.Contains(t, "(Ảnh") || strings.Contains(t, "(ẢNH") || strings.Contains(t, "(Nguồn ảnh")
}

// dropConfirmedHeaders removes the other occurrences of a repeated line that was removed as a
// running header at a page's edge at least once: where a page break was lost or garbled, the
// same header must not stay in the text.
func dropConfirmedHeaders(doc *corpus.Document, kept []block, repeats map[string]bool, from int) []block {
	confirmed, keys := map[string]bool{}, map[string]bool{}
	for _, n := range doc.Noise[from:] {
		if repeats[headerKey(n)] {
			confirmed[n], keys[headerKey(n)] = true, true
		}
	}
	if len(confirmed) == 0 {
		return kept
	}
	out := kept[:0]
	for _, b := range kept {
		// the same line, or the same header with another page number; a cover's label that reads
		// as the header without its number stays
		if k := headerKey(b.Text); confirmed[b.Text] || k != b.Text && keys[k] {
			doc.Noise = append(doc.Noise, b.Text)
			continue
		}
		out = append(out, b)
	}
	return out
}

// isNoise is isNoiseBlock for the text t of a block of the kind given, without a description.
func (nf *noiseFilter) isNoise(t string, kind corpus.BlockKind) bool {
	return nf.isNoiseBlock(t, block{Block: corpus.Block{Kind: kind}})
}

// isNoiseBlock reports whether the text t of block b is a caption, a player remnant, a widget or
// furniture, read with b's description.
func (nf *noiseFilter) isNoiseBlock(t string, b block) bool {
	kind := b.Kind
	n := runesUpTo(t, 300) // every test below is of at most 300 characters
	if n <= 220 && (playerQ.MatchString(t) || n <= 90 && isTimestamp(t) || furnitureQ.MatchString(t) || isWidgetLine(t) || creditQ.MatchString(t)) {
		return true
	}
	if n > 0 && n <= 200 && (t[0] == 'T' || t[0] == 'H') && breadcrumbRE.MatchString(t) {
		return true
	}
	if n <= 90 && kind != corpus.BlockTable && strings.Contains(t, "|") && (pageBarRE.MatchString(t) || categoryBarRE.MatchString(t) && hasAtMostFields(t, 12)) {
		return true
	}
	if n <= 40 && counterRE.MatchString(t) {
		return true
	}
	if i := lastBarUpTo(t, n); i > 0 && n <= 90 && isTimestamp(strings.TrimSpace(t[i+1:])) && !endsSentence(t[:i]) {
		return true // "Nghiên cứu - Trao đổi | 10:05, 28/08/2025": the category, then the time
	}
	if n <= 250 && (strings.Contains(t, "Ảnh") || strings.Contains(t, "ẢNH")) && creditTailRE.MatchString(t) {
		return true
	}
	if n <= 300 && !endsSentence(t) && photoNumberRE.MatchString(t) {
		return true
	}
	if kind == corpus.BlockHeading || kind == corpus.BlockTitle || kind == corpus.BlockTable {
		return false
	}
	if n > 20 && t == nf.headline && nf.afterPhto {
		return true
	}
	return isCaptionLike(t, nf.afterPhto, b.d)
}

// lastBarUpTo is strings.LastIndex(t, "|") for a text of at most 90 characters (n counted by
// runesUpTo), the only ones a category bar is looked for in; -1 for a longer one.
func lastBarUpTo(t string, n int) int {
	if n > 90 {
		return -1
	}
	return strings.LastIndex(t, "|")
}

// isCaptionLike reports a short, one-sentence line that describes a photo of the event rather than
// reporting what was said: "Quang cảnh hội thảo.", "Đại diện X tham luận tại Hội thảo.". After a
// photo line, any short sentence without a verb of speech is taken as its caption.
func isCaptionLike(t string, afterPhoto bool, d *desc) bool {
	n := runesUpTo(t, 200)
	if n > 200 || d.isTitleLike(t) || d.headingLevel(t) > 0 || strings.ContainsAny(t, ";:") {
		return false
	}
	if len(SplitSentences(t)) != 1 {
		return false
	}
	if endsWithEvent(t) && captionEndRE.MatchString(t) || strings.Contains(t, "(") && photoPlaceRE.MatchString(t) {
		return !hasReportedSpeech(t)
	}
	if n > 160 || strings.Count(t, ",") > 1 {
		return false
	}
	if captionStartQ.MatchString(t) && n <= 120 {
		return !hasReportedSpeech(t)
	}
	if n <= 120 && endsSentence(t) && photoVerbRE.MatchString(t) && !hasReportedSpeech(t) {
		if loc := photoVerbRE.FindStringIndex(t); strings.Count(t[loc[1]:], " ") <= 8 {
			return true // "Đồng chí X trao giấy khen cho các chi bộ."
		}
	}
	// a cross-head after a photo does not end like a sentence; a caption does
	return afterPhoto && n <= 120 && endsSentence(t) && !hasReportedSpeech(t) && strings.Count(t, " ") <= 20
}

// eventNouns end the captions captionEndRE matches, in lower case.
var eventNouns = []string{"hội thảo", "hội nghị", "tọa đàm", "toạ đàm", "diễn đàn", "chương trình", "sự kiện", "buổi làm việc"}

// endsWithEvent reports whether t ends with an event noun, a cheap test before captionEndRE.
func endsWithEvent(t string) bool {
	t = strings.TrimSuffix(t, ".")
	if len(t) > 40 {
		t = t[len(t)-40:] // bytes: a cut rune at the front does not matter to the suffix test
	}
	t = strings.ToLower(t)
	for _, e := range eventNouns {
		if strings.HasSuffix(t, e) {
			return true
		}
	}
	return false
}

// hasReportedSpeech reports whether t carries what someone said ("cho rằng, ...", "nhấn mạnh ...")
// rather than a picture's description: a verb of speech followed by more words.
func hasReportedSpeech(t string) bool {
	_, vEnd := firstSpeechVerb(t)
	if vEnd < 0 {
		return false
	}
	rest := " " + strings.TrimSpace(t[vEnd:])
	rest = captionEndRE.ReplaceAllString(rest, "")
	rest = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(rest), ","), ":")
	if eventTailRE.MatchString(rest) {
		return false // "phát biểu kết luận hội thảo": what the photo shows, not what was said
	}
	return strings.Count(strings.TrimSpace(rest), " ") >= 3
}

// dropByLines removes the by-line of a news report, which stands just under the headline or at
// the very end: "Bài và ảnh: Thu Hà", "PV", "Minh Anh (Báo Sơn La)" or a name alone, and the
// keyword line near the end ("Từ khóa: ...").
func dropByLines(doc *corpus.Document, blocks []block) []block {
	kept := blocks[:0:0]
	for i, b := range blocks {
		edge := i >= 1 && i <= 2 || i >= len(blocks)-2 && i > 0
		if edge && isByLine(b.Text) || i >= len(blocks)-3 && i > 0 && tagLineQ.MatchString(b.Text) {
			doc.Noise = append(doc.Noise, b.Text)
			continue
		}
		kept = append(kept, b)
	}
	return kept
}

// isByLine reports a by-line: a credit label, a news agency, or a short name alone.
func isByLine(t string) bool {
	if runesUpTo(t, 70) > 70 || endsSentence(t) && !strings.HasSuffix(t, ").") {
		return false
	}
	if inner, ok := strings.CutPrefix(strings.TrimSuffix(strings.TrimSuffix(t, "."), ")"), "("); ok && !strings.ContainsAny(inner, "()") {
		t = inner // a by-line in brackets: "(Theo VOV)", "(Nguồn: Báo Lạng Sơn)"
	}
	if byLineQ.MatchString(t) || bracketSourceQ.MatchString(t) {
		return true
	}
	if isPaperLabel(t) || isSignatureLine(t) { // "BIÊN BẢN", "CHỦ TRÌ" read as two name words
		return false
	}
	for _, name := range nameSepRE.Split(t, -1) {
		if !isNameOnly(name) {
			return false
		}
	}
	return true
}

// isNameOnly reports two to four capitalised words and nothing else: "Thu Hà", "Lê Văn Minh".
func isNameOnly(t string) bool {
	words := strings.Fields(t)
	if len(words) < 2 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		if !isNameWord(w) {
			return false
		}
	}
	return true
}

// isPhotoLine reports a noise line that stands for a photo without describing it (its gallery
// alt text or its credit alone), after which a short sentence is taken as the photo's caption.
// After a caption the reader marked, or one recognised by its words, the text goes on.
func isPhotoLine(t string) bool {
	return creditQ.MatchString(t) || photoNumberRE.MatchString(t)
}

// relatedLabelRE matches the label of a box of links to related articles.
var relatedLabelRE = regexp.MustCompile(`^(?:>>\s*)?(?i:tin liên quan|bài liên quan|tin cùng chuyên mục|tin khác|tin mới|bài viết liên quan)\s*:?$`)

// isRelatedTitle reports a line that may be the headline of a related article: short and not
// ending like a sentence.
func isRelatedTitle(t string) bool {
	return runesUpTo(t, 160) <= 160 && !endsSentence(t) && !strings.HasSuffix(t, ":")
}

// widgetSeparators are the marks between the labels of a widget line, read as spaces.
var widgetSeparators = strings.NewReplacer("|", " ", "/", " ", "•", " ", "·", " ", ",", " ", ":", " ")

// isWidgetLine reports a line made only of share/comment widget labels ("Chia sẻ", "Facebook Zalo").
func isWidgetLine(t string) bool {
	if runesUpTo(t, 60) > 60 {
		return false
	}
	f := strings.ToLower(vntext.Fold(t))
	f = widgetSeparators.Replace(f)
	words := strings.Fields(f)
	if len(words) == 0 {
		return false
	}
	widgets := 0
	for i := 0; i < len(words); widgets++ {
		if i+2 < len(words) && widgetWords[words[i]+" "+words[i+1]+" "+words[i+2]] {
			i += 3
		} else if i+1 < len(words) && widgetWords[words[i]+" "+words[i+1]] {
			i += 2
		} else if widgetWords[strings.Trim(words[i], ".:()[]")] {
			i++
		} else if w := strings.Trim(words[i], ".:()[]0123456789"); widgetWords[w] {
			i++
		} else if w == "" && i > 0 {
			i, widgets = i+1, widgets-1 // a count after a label: "Bình luận (3)"
		} else {
			return false
		}
	}
	// a single "in", "x" or "gui" alone is too ambiguous to be a widget
	return widgets > 0 && !(len(words) == 1 && (words[0] == "in" || words[0] == "x" || words[0] == "gui"))
}

// runesUpTo returns the number of characters of t when it is at most limit, else limit+1 (a rune
// takes one to four bytes): a long text is not counted through.
func runesUpTo(t string, limit int) int {
	if len(t) > 4*limit {
		return limit + 1
	}
	if len(t) <= limit {
		return utf8.RuneCountInString(t)
	}
	n := 0
	for i := 0; i < len(t) && n <= limit; n++ {
		if t[i] < utf8.RuneSelf {
			i++
		} else {
			_, w := utf8.DecodeRuneInString(t[i:])
			i += w
		}
	}
	return n
}

// endsSentence reports whether t ends with a full stop, a question or an exclamation mark.
func endsSentence(t string) bool {
	t = strings.TrimRight(t, " ”\"’)")
	return strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?")
}
