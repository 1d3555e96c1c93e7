package structure

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus"
	"thamluan/corpus/vntext"
)

// Heading levels: a part is outermost, then a chapter, a "Mục", Roman numerals, an article
// ("Điều"), then Arabic numbers, one level deeper per dotted component (1. → 6, 1.1. → 7). Fixed section names (MỞ ĐẦU, KẾT
// LUẬN) stand at the top of the paper and hold no sub-headings: levelNamed closes every open
// heading and is closed by the next one.
const (
	levelPart    = 1
	levelChapter = 2
	levelSection = 3 // "Mục 1.", "Mục II"
	levelRoman   = 4
	levelArticle = 5 // "Điều 1."
	levelNum     = 6
	levelNamed   = 100
)

var (
	partRE    = regexp.MustCompile(`^(?:PHẦN|Phần)\s+(?:(?:thứ|THỨ)\s+\S+|[IVX]+\b|\d+\b)`)
	chapterRE = regexp.MustCompile(`^(?:CHƯƠNG|Chương)\s+(?:[IVX]+|\d+)\b`)
	// sectionRE and articleRE match the "Mục" and "Điều" headings of reports and regulations.
	sectionRE = regexp.MustCompile(`^(?:MỤC|Mục)\s+(?:[IVX]+|\d+)(?:\s*[.:\-–)]|\s*$|\s+\p{Lu})`)
	articleRE = regexp.MustCompile(`^(?:ĐIỀU|Điều)\s+\d+\s*(?:[.:\-–)]|$)`)
	// romanRE and numRE match numbered headings, also when extraction lost the dot ("I THỰC
	// TRẠNG") or the space after it ("II.GIẢI PHÁP", "2.Hạn chế"), or a slash stands for the dot
	// ("1/ Ưu điểm", "II/ GIẢI PHÁP").
	romanRE = regexp.MustCompile(`^([IVX]{1,5})(?:\s*[.\-–)/]\s*|\s+)\p{Lu}`)
	numRE   = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2}){0,3})(?:[.)/]\s*|\s+)\p{Lu}`)
	// tocLineRE matches an entry of a table of contents: dot leaders and a page number.
	tocLineRE = regexp.MustCompile(`(?:\.{4,}|…{2,}|(?:\. ){4,})\s*\d{1,4}$`)
	// newsDatelineRE matches how a news report opens: "Sáng 22/8, ...", "Ngày 15/11, ...".
	newsDatelineRE = regexp.MustCompile(`^(?:\([^)]{1,40}\)\s*[-–]\s*)?(?:(?:Sáng|Chiều|Tối|Trưa|Ngày|Hôm nay|Hôm qua)(?:\s+(?:nay|qua|ngày|thứ \S+))?\s*(?:\(|,)?\s*\d{1,2}[/-]\d{1,2}|(?:Sáng|Chiều|Tối|Trưa|Ngày)\s+(?:nay|qua|mai)|(?:(?:Sáng|Chiều|Tối|Trưa)\s+)?[Nn]gày\s+\d{1,2}\s+tháng\s+\d{1,2})`)
)

// namedHeadings are section names that stand alone as headings (folded, lower case).
var namedHeadings = map[string]bool{
	"mo dau": true, "dat van de": true, "tom tat": true, "tu khoa": true, "ket luan": true,
	"tai lieu tham khao": true, "muc luc": true, "loi gioi thieu": true, "loi noi dau": true,
	"loi mo dau": true, "phan mo dau": true, "phan ket luan": true, "kien nghi": true,
	"de xuat": true, "kien nghi, de xuat": true, "de xuat, kien nghi": true, "abstract": true,
	"keywords": true, "introduction": true, "conclusion": true, "references": true, "phu luc": true,
}

// headingLevel returns the level of t when it reads as a heading of a paper, or 0. A numbered
// heading needs a capital after its number ("2.500 đảng viên" is not one), must be short and must
// not end like a list item.
func headingLevel(t string) int {
	if len(t) > 4*150 {
		return 0 // more than 150 characters
	}
	n := utf8.RuneCountInString(t)
	if n == 0 || n > 150 {
		return 0
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if last == ';' || last == ',' {
		return 0
	}
	if n > 90 && endsSentence(t) || isTOCLine(t) {
		return 0
	}
	if partQ.MatchString(t) {
		return levelPart
	}
	if chapterQ.MatchString(t) {
		return levelChapter
	}
	if (t[0] == 'M' || strings.HasPrefix(t, "Đ")) && (sectionQ.MatchString(t) || articleQ.MatchString(t)) {
		if t[0] == 'M' {
			return levelSection
		}
		return levelArticle
	}
	if namedHeadings[strings.Trim(strings.ToLower(vntext.Fold(t)), " :.")] {
		return levelNamed
	}
	if m := romanQ.FindStringSubmatch(t); m != nil && (strings.ContainsAny(t[len(m[1]):len(m[1])+1], ".-–)") || n <= 120) {
		return levelRoman
	}
	if m := numQ.FindStringSubmatch(t); m != nil && !strings.Contains(t[:len(m[1])+1], ",") {
		if len(SplitSentences(strings.TrimLeft(t[len(m[1]):], ".) "))) > 1 {
			return 0 // a numbered paragraph, not a heading
		}
		return levelNum + strings.Count(m[1], ".")
	}
	return 0
}

// isTOCLine reports an entry of a table of contents (tocLineRE); the expression is run only on a
// line that ends with a digit, as it must.
func isTOCLine(t string) bool {
	return t != "" && isDigitByte(t[len(t)-1]) && tocLineRE.MatchString(t)
}

// upperShare returns the share of upper-case letters among the letters of t, and their count.
func upperShare(t string) (float64, int) {
	letters, up := vntext.CountCase(t)
	if letters == 0 {
		return 0, 0
	}
	return float64(up) / float64(letters), letters
}

// isTitleLike reports a title line: mostly capitals, shorter than about 250 characters and
// without a final full stop.
func isTitleLike(t string) bool {
	if len(t) > 4*250 || utf8.RuneCountInString(t) > 250 || strings.HasSuffix(t, ".") {
		return false
	}
	share, letters := upperShare(t)
	return letters >= 4 && share >= 0.7
}

// detectShape guesses the shape of a document from its blocks (noise already removed); photoNoise
// says whether photo captions or player remnants were removed, as from a news page. A volume says
// "kỷ yếu" on its cover or holds several titled contributions with author lines; a news report
// opens with a dateline or carries photos, and has paragraphs led by speakers; anything else with
// headings, or without any cue, is a paper.
func detectShape(blocks []block, photoNoise bool) string {
	proceedings, headings, leads, news := 0, 0, 0, 0
	volume, thesis := false, false
	for i, b := range blocks {
		t := b.Text
		if i < 6 && (b.titleLike() || b.Kind == corpus.BlockTitle) && namesVolume(foldLower(t)) {
			proceedings += 3
			volume = true
		}
		if i < 12 && b.titleLike() && isThesisLabel(t) {
			thesis = true
		}
		if isContributionTitle(b) && i+1 < len(blocks) {
			if _, ok := blocks[i+1].author(); ok {
				proceedings += 2
			} else if _, at := authorAbove(blocks, i); at >= 0 && (at == 0 || !isContributionTitle(blocks[at-1])) {
				proceedings += 2 // the author's lines stand above the title
			}
		} else if isNumberedTitle(b) && strongAuthorAt(blocks, i+1) {
			proceedings += 2
		} else if isPlainTitle(b) && strongAuthorAt(blocks, i+1) {
			proceedings++ // a mixed-case title: weaker, several are needed
		}
		lead := false
		if i > 0 && i < 120 && leads < 6 && !b.titleLike() { // news reports are short
			if _, ok := b.newsLead(); ok {
				leads, lead = leads+1, true
			}
		}
		if (b.level() > 0 || b.Kind == corpus.BlockHeading) && !lead { // "2. Đồng chí X:" is a lead
			headings++
		}
		if i < 4 && newsDatelineQ.MatchString(t) {
			news += 4
		}
	}
	if photoNoise {
		news += 2
	}
	// without a dateline or photos, only a short text led by several speakers reads as news
	if leads >= 2 && (news > 0 || leads >= 3 && len(blocks) <= 80) {
		news += leads
	}
	switch {
	case thesis && !volume:
		return corpus.ShapePaper // a thesis's chapters and cover lines are no contributions
	case proceedings >= 3:
		return corpus.ShapeProceedings
	case news >= 4 && news > headings:
		return corpus.ShapeNews
	}
	return corpus.ShapePaper
}

// namesVolume reports a folded, lower-case cover line naming a volume of contributions: "kỷ yếu",
// "tuyển tập tham luận", "tập san".
// thesisLabels open, folded, the label of a student's or a candidate's work on its cover.
var thesisLabels = []string{"luan van", "luan an", "khoa luan", "tieu luan", "do an", "de cuong", "bao cao thuc tap"}

// isThesisLabel reports a cover line naming a thesis or a student's work: "LUẬN VĂN THẠC SĨ ...".
func isThesisLabel(t string) bool {
	f := foldLower(t)
	for _, l := range thesisLabels {
		if strings.HasPrefix(f, l+" ") || f == l {
			return true
		}
	}
	return false
}

func namesVolume(f string) bool {
	return strings.Contains(f, "ky yeu") || strings.Contains(f, "tuyen tap") || strings.Contains(f, "tap san")
}

// quickRE is an expression anchored at the start of the text, with the bytes its matches can
// start with: a text that starts with another byte is rejected without running the expression
// (which clears a bit vector as long as the text first).
type quickRE struct {
	re    *regexp.Regexp
	first [256]bool
}

// quick returns re with its first bytes. It panics when re is not anchored at the start of the
// text or can match the empty text, where the first byte says nothing.
func quick(re *regexp.Regexp) *quickRE {
	q := &quickRE{re: re}
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic(err)
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		panic(err)
	}
	// walk the program from its start up to the first runes, through every empty-width
	// instruction; each path must pass the start of the text (^) before a rune
	type state struct {
		pc       uint32
		anchored bool
	}
	seen := map[state]bool{}
	for stack := []state{{uint32(prog.Start), false}}; len(stack) > 0; {
		st := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[st] {
			continue
		}
		seen[st] = true
		in := &prog.Inst[st.pc]
		if !st.anchored && (in.Op == syntax.InstRune || in.Op == syntax.InstRune1 || in.Op == syntax.InstRuneAny ||
			in.Op == syntax.InstRuneAnyNotNL) {
			panic("quick: " + re.String() + " is not anchored at the start")
		}
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, state{in.Out, st.anchored}, state{in.Arg, st.anchored})
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, state{in.Out, st.anchored})
		case syntax.InstEmptyWidth: // the condition may hold: go on
			stack = append(stack, state{in.Out, st.anchored || syntax.EmptyOp(in.Arg)&syntax.EmptyBeginText != 0})
		case syntax.InstMatch:
			panic("quick: " + re.String() + " can match the empty text")
		case syntax.InstRune:
			fold := syntax.Flags(in.Arg)&syntax.FoldCase != 0 && len(in.Rune) == 1
			for k := 0; k+1 < len(in.Rune); k += 2 {
				q.addRunes(in.Rune[k], in.Rune[k+1], fold)
			}
			if len(in.Rune) == 1 {
				q.addRunes(in.Rune[0], in.Rune[0], fold)
			}
		case syntax.InstRune1:
			q.addRunes(in.Rune[0], in.Rune[0], false)
		case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			q.addRunes(0, unicode.MaxRune, false)
		}
	}
	return q
}

// addRunes marks the first bytes of the runes lo to hi (and of their other cases with fold). A
// rune's first byte in UTF-8 grows with the rune, so the bytes between the ends' are marked. An
// invalid byte reads as U+FFFD: a range holding it marks every byte that is not ASCII.
func (q *quickRE) addRunes(lo, hi rune, fold bool) {
	if fold {
		for r := lo; r <= hi; r++ {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				q.addRunes(f, f, false)
			}
		}
	}
	for b := firstByte(lo); b <= firstByte(hi); b++ {
		q.first[b] = true
	}
	if lo <= utf8.RuneError && utf8.RuneError <= hi {
		for b := 0x80; b < 0x100; b++ {
			q.first[b] = true
		}
	}
}

// firstByte returns the first byte of r's UTF-8 encoding (of the encoding's pattern for a
// surrogate).
func firstByte(r rune) int {
	switch {
	case r < 0x80:
		return int(r)
	case r < 0x800:
		return 0xC0 | int(r>>6)
	case r < 0x10000:
		return 0xE0 | int(r>>12)
	}
	return 0xF0 | int(r>>18)
}

// MatchString is regexp.Regexp.MatchString.
func (q *quickRE) MatchString(t string) bool {
	return t != "" && q.first[t[0]] && q.re.MatchString(t)
}

// FindString is regexp.Regexp.FindString.
func (q *quickRE) FindString(t string) string {
	if t == "" || !q.first[t[0]] {
		return ""
	}
	return q.re.FindString(t)
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (q *quickRE) FindStringSubmatch(t string) []string {
	if t == "" || !q.first[t[0]] {
		return nil
	}
	return q.re.FindStringSubmatch(t)
}

// The anchored expressions of the hot paths with their first bytes.
var (
	partQ, chapterQ, sectionQ, articleQ = quick(partRE), quick(chapterRE), quick(sectionRE), quick(articleRE)
	romanQ, numQ, newsDatelineQ         = quick(romanRE), quick(numRE), quick(newsDatelineRE)
	signatureQ, letterheadQ             = quick(signatureRE), quick(letterheadRE)
	playerQ, furnitureQ, creditQ        = quick(playerRE), quick(furnitureRE), quick(creditRE)
	timestampQ, captionStartQ           = quick(timestampRE), quick(captionStartRE)
	byLineQ, bracketSourceQ, tagLineQ   = quick(byLineRE), quick(bracketSourceRE), quick(tagLineRE)
	relatedLabelQ                       = quick(relatedLabelRE)
)

// runInHeading splits a paragraph opened by a sub-numbered heading that runs into its text
// ("1.2. Về kết nạp đảng viên: Giai đoạn ...") into the heading, the text and the heading's level.
// Only a number of two levels or more counts, and the heading must be a short phrase without a
// comma or a verb of proposal, so that numbered points of a list ("1. Đề nghị ...: ...") stay text.
func runInHeading(b block) (head, rest string, lv int) {
	t := b.Text
	if !isRunningText(b) || len(t) < 60 || !isDigitByte(t[0]) {
		return "", "", 0
	}
	m := numQ.FindStringSubmatch(t)
	if m == nil || !strings.Contains(strings.TrimRight(m[1], "."), ".") {
		return "", "", 0
	}
	i := strings.Index(t, ":")
	if i < 0 || i > 4*80 {
		return "", "", 0
	}
	head, rest = strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1:])
	label := strings.TrimLeft(head[len(m[1]):], ".) ")
	if utf8.RuneCountInString(rest) < 40 || strings.ContainsAny(label, ",;.!?") || !hasAtMostFields(label, 10) ||
		len(SplitSentences(rest)) == 0 || isRecommendationVerbStart(label) {
		return "", "", 0
	}
	return head, rest, levelNum + strings.Count(strings.TrimRight(m[1], "."), ".")
}

// letteredRE matches a heading lettered in lower case: "a) Cách làm", "b. Kết quả".
var letteredRE = regexp.MustCompile(`^[a-hđ][).]\s+\p{Lu}`)

// isLetteredHeading reports a short lettered line ("a) Cách làm") that stands alone between
// running paragraphs: neither next to another lettered line, as the items of a list are, nor
// ending like a sentence or a list item.
func isLetteredHeading(blocks []block, k int) bool {
	t := blocks[k].Text
	if !isRunningText(blocks[k]) || len(t) > 4*80 || !letteredRE.MatchString(t) || endsSentence(t) ||
		strings.ContainsAny(t[len(t)-1:], ";,:") || !hasAtMostFields(t, 11) || k+1 >= len(blocks) {
		return false
	}
	next := blocks[k+1]
	if !isRunningText(next) || letteredRE.MatchString(next.Text) || next.level() > 0 || !endsSentence(next.Text) {
		return false
	}
	return k == 0 || !letteredRE.MatchString(blocks[k-1].Text)
}

// isRecommendationVerbStart reports a label that opens with a verb of proposal or duty: a list
// item's lead-in ("Đề nghị Tỉnh ủy", "Cần tăng cường"), not a heading.
func isRecommendationVerbStart(label string) bool {
	f := foldLower(label)
	for _, v := range []string{"de nghi", "kien nghi", "de xuat", "can ", "phai ", "nen "} {
		if strings.HasPrefix(f, v) {
			return true
		}
	}
	return false
}

// topicWords name what an unnumbered heading of a paper is about, folded and in lower case.
var topicWords = []string{"ket qua", "han che", "kho khan", "giai phap", "thuc trang", "kinh nghiem",
	"nguyen nhan", "bai hoc", "de xuat", "kien nghi", "nhiem vu", "muc tieu", "phuong huong", "ton tai",
	"uu diem", "dat van de", "ket luan", "mo dau", "tinh hinh", "thuan loi", "cach lam"}

// isTopicHeading reports an unnumbered heading in mixed case, as speeches print them: a short line
// naming a topic ("Những kết quả đạt được", "Một số khó khăn, hạn chế") without a final stop,
// between a paragraph that ends a sentence and a longer paragraph.
func isTopicHeading(blocks []block, k int) bool {
	b := blocks[k]
	t := b.Text
	n := runesUpTo(t, 70)
	if b.Kind != corpus.BlockParagraph || n < 6 || n > 70 || !hasAtMostFields(t, 9) || k == 0 || k+1 >= len(blocks) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if !unicode.IsUpper(first) || !unicode.IsLetter(last) || b.titleLike() || b.level() != 0 {
		return false
	}
	prev, next := blocks[k-1], blocks[k+1]
	if prev.Kind != corpus.BlockParagraph || !endsSentence(prev.Text) || next.Kind != corpus.BlockParagraph ||
		runesUpTo(next.Text, 2*n) <= 2*n || next.level() != 0 {
		return false
	}
	f := foldLower(t)
	for _, w := range topicWords {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}
