package structure

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus"
)

// SegmentOptions tune segmentation.
type SegmentOptions struct {
	// Shape forces a shape (corpus.ShapeProceedings, ShapePaper, ShapeNews); "" lets
	// Document.Workshop.Shape decide, else the shape is detected from the text.
	Shape string
}

// para is one paragraph of a section with the page it stands on.
type para struct {
	text string
	page int
}

// draft is a section being built: its heading, the headings it stands under, its speaker and
// paragraphs.
type draft struct {
	heading string
	path    []string
	sp      speaker
	paras   []para
	page    int // page of the heading, 0 when the section has none
}

// Segment fills doc.Sections from doc.Blocks. It removes noise (captions, player remnants, share
// widgets, page furniture) into doc.Noise, detects the document's shape unless opt or the
// workshop metadata gives it, splits the text into sections with their headings and speakers,
// splits each section into sentences and fills the workshop metadata the text states.
func Segment(doc *corpus.Document, opt SegmentOptions) {
	noiseBefore := len(doc.Noise)
	blocks := filterNoise(doc, describeBlocks(doc.Blocks))
	shape := opt.Shape
	if shape == "" && doc.Workshop != nil {
		shape = doc.Workshop.Shape
	}
	if shape == "" {
		shape = detectShape(blocks, len(doc.Noise) > noiseBefore)
	}
	doc.Shape = shape
	if shape == corpus.ShapeNews {
		blocks = dropByLines(doc, blocks)
	}
	var drafts []draft
	switch shape {
	case corpus.ShapeProceedings:
		drafts = segmentProceedings(blocks)
	case corpus.ShapeNews:
		drafts = segmentNews(blocks)
	default:
		drafts = segmentPaper(blocks)
	}
	doc.Sections = buildSections(drafts)
	fillWorkshop(doc, blocks)
}

// personPrefix matches the academic titles and ranks written before a person's name.
var personPrefix = regexp.MustCompile(`^(?:(?:GS|PGS|TS|ThS|Th\.S|TSKH|NCS|CN|KS|BS|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thiếu tướng|Trung tướng)\.?[ ,.]*)+`)

// splitPrefix separates a person's academic titles or rank from the name: "PGS.TS. Nguyễn Văn A"
// gives "PGS.TS." and "Nguyễn Văn A".
func splitPrefix(s string) (prefix, name string) {
	loc := personPrefix.FindStringIndex(s)
	if loc == nil || loc[1] == len(s) {
		return "", s
	}
	return strings.TrimRight(strings.TrimSpace(s[:loc[1]]), ","), strings.TrimSpace(s[loc[1]:])
}

// buildSections turns drafts into numbered sections with their text, pages and sentences.
func buildSections(drafts []draft) []corpus.Section {
	secs := make([]corpus.Section, 0, len(drafts))
	for _, d := range drafts {
		if d.heading == "" && len(d.paras) == 0 {
			continue
		}
		prefix, name := "", d.sp.Name
		if d.sp.Kind == "person" {
			prefix, name = splitPrefix(d.sp.Name)
		}
		s := corpus.Section{
			Ordinal:       len(secs) + 1,
			Heading:       d.heading,
			HeadingPath:   d.path,
			Speaker:       name,
			SpeakerPrefix: prefix,
			SpeakerKind:   d.sp.Kind,
			SpeakerRole:   d.sp.Role,
			Affiliation:   d.sp.Affiliation,
			PageStart:     d.page,
			PageEnd:       d.page,
		}
		texts := make([]string, len(d.paras))
		for i, p := range d.paras {
			texts[i] = p.text
			if s.PageStart == 0 {
				s.PageStart = p.page
			}
			s.PageEnd = max(s.PageEnd, p.page)
		}
		s.Text = strings.Join(texts, "\n\n")
		s.Sentences = sectionSentences(d.paras)
		s.Language = languageOf(d.heading, s.Text) // language(d.heading + " " + s.Text)
		secs = append(secs, s)
	}
	return secs
}

// sectionSentences splits each paragraph into sentences; Start counts characters in the section
// text, where paragraphs are joined by "\n\n".
func sectionSentences(paras []para) []corpus.Sentence {
	var out []corpus.Sentence
	if n := maxSentences(paras); n > 0 {
		out = make([]corpus.Sentence, 0, n)
	}
	off := 0
	for pi, p := range paras {
		at, runes := 0, 0 // runes counts the characters of p.text[:at]
		eachSentence(p.text, func(s Span) bool {
			runes += runeCount(p.text[at:s.Start])
			at = s.Start
			out = append(out, corpus.Sentence{
				Text:      s.Text,
				Paragraph: pi,
				Start:     off + runes,
				Page:      p.page,
			})
			return true
		})
		off += runes + runeCount(p.text[at:]) + 2
	}
	if len(out) == 0 {
		return nil // as before the room was made
	}
	return out
}

// maxSentences bounds the number of sentences of paras: each ends at a stop or at the end of its
// paragraph.
func maxSentences(paras []para) int {
	n := 0
	for _, p := range paras {
		if p.text != "" {
			n += 1 + strings.Count(p.text, ".") + strings.Count(p.text, "!") + strings.Count(p.text, "?") + strings.Count(p.text, "…")
		}
	}
	return n
}

// headingOf returns the level of block b as a heading of a paper or contribution, or 0.
func headingOf(b block) int {
	if !isRunningText(b) || isTOCLine(b.Text) {
		return 0
	}
	if lv := b.level(); lv > 0 {
		return lv
	}
	if isSignatureLine(b.Text) {
		return 0
	}
	if b.Kind == corpus.BlockHeading {
		return levelRoman + max(b.Level, 1) - 1 // a file's first heading level stands as "I."
	}
	if b.titleLike() && utf8.RuneCountInString(b.Text) <= 160 && strings.Contains(b.Text, " ") {
		if r, _ := utf8.DecodeRuneInString(b.Text); unicode.IsLetter(r) {
			return levelRoman
		}
	}
	return 0
}

// signatureRE matches the first line of a signature block: "T/M ĐẢNG ỦY", "TM. BAN THƯỜNG VỤ", "K/T".
var signatureRE = regexp.MustCompile(`^(?:T/M|TM\.?|K/T|KT\.?|TL\.|TUQ\.|Q\.)\s*\p{Lu}`)

// signaturePrefixRE matches the "T/M", "TM." or "K/T" before the body a document is signed for.
var signaturePrefixRE = regexp.MustCompile(`^(?:T/M|TM\.?|K/T|KT\.?|TL\.|TUQ\.|Q\.)\s*`)

// isSignatureLine reports a line of the signature block at the end of a document: "T/M ĐẢNG ỦY"
// or the signer's position alone ("BÍ THƯ", "PHÓ CHỦ TỊCH"), which are no headings.
func isSignatureLine(t string) bool {
	if signatureQ.MatchString(t) {
		return true
	}
	return hasAtMostFields(t, 4) && isAllCaps(t) && (startsWithPosition(t) || signerRoles[foldLower(t)])
}

// signerRoles are the roles that sign the minutes of a meeting, folded and in lower case.
var signerRoles = setOf("thu ky", "chu tri", "chu toa", "nguoi ghi bien ban", "thu ky hoi thao", "chu tri hoi thao")

// hasAtMostFields reports len(strings.Fields(t)) <= n, without building the fields.
func hasAtMostFields(t string, n int) bool {
	fields, inField := 0, false
	for _, r := range t {
		if unicode.IsSpace(r) {
			inField = false
			continue
		}
		if !inField {
			if fields++; fields > n {
				return false
			}
			inField = true
		}
	}
	return true
}

// isRunningText reports a paragraph, heading or title block: list items, table rows and notes
// are never headings, author lines or speaker leads, whatever their numbering.
func isRunningText(b block) bool {
	return b.Kind == corpus.BlockParagraph || b.Kind == corpus.BlockHeading || b.Kind == corpus.BlockTitle
}

// headingStack keeps the open headings of a paper, outer first.
type headingStack struct {
	levels []int
	texts  []string
}

// push opens a heading at level lv, closing those at the same or a deeper level, and returns
// the path of headings, outer first, prefixed by outer.
func (h *headingStack) push(lv int, text string, outer []string) []string {
	if lv == levelNamed {
		h.levels, h.texts = h.levels[:0], h.texts[:0]
	}
	for len(h.levels) > 0 && h.levels[len(h.levels)-1] >= lv {
		h.levels, h.texts = h.levels[:len(h.levels)-1], h.texts[:len(h.texts)-1]
	}
	h.levels, h.texts = append(h.levels, lv), append(h.texts, text)
	path := make([]string, 0, len(outer)+len(h.texts))
	return append(append(path, outer...), h.texts...)
}

// segmentBody splits the blocks of a paper or contribution at its headings. first is the
// section the body's first paragraphs belong to; every section inherits its speaker.
func segmentBody(blocks []block, first draft, outer []string) []draft {
	out := []draft{first}
	var stack headingStack
	refs := false // under "TÀI LIỆU THAM KHẢO", numbered lines are entries, not headings
	for k := 0; k < len(blocks); k++ {
		b := blocks[k]
		if refs && b.level() > 0 {
			cur := &out[len(out)-1]
			cur.paras = append(cur.paras, para{b.Text, b.Page})
			continue
		}
		if label, rest, ok := runInLabel(b.Text); ok {
			path := stack.push(levelNamed, label, outer)
			out = append(out, draft{heading: label, path: path, sp: first.sp, page: b.Page, paras: []para{{rest, b.Page}}})
			continue
		}
		if head, rest, lv := runInHeading(b); lv > 0 {
			path := stack.push(lv, head, outer)
			out = append(out, draft{heading: head, path: path, sp: first.sp, page: b.Page, paras: []para{{rest, b.Page}}})
			continue
		}
		if isTopicHeading(blocks, k) {
			path := stack.push(levelRoman, b.Text, outer)
			out = append(out, draft{heading: b.Text, path: path, sp: first.sp, page: b.Page})
			continue
		}
		if isLetteredHeading(blocks, k) {
			path := stack.push(levelNum+4, b.Text, outer) // under any numbered heading
			out = append(out, draft{heading: b.Text, path: path, sp: first.sp, page: b.Page})
			continue
		}
		if lv := headingOf(b); lv > 0 {
			text := b.Text
			if k+1 < len(blocks) && isBareHeading(text) && blocks[k+1].titleLike() && blocks[k+1].level() == 0 {
				text = strings.TrimRight(text, " :.-–") + ". " + blocks[k+1].Text // "Phần thứ nhất" + "THỰC TRẠNG"
				k++
			}
			path := stack.push(lv, text, outer)
			out = append(out, draft{heading: text, path: path, sp: first.sp, page: b.Page})
			refs = referenceHeadings[foldLower(strings.Trim(text, " .:"))]
			continue
		}
		cur := &out[len(out)-1]
		cur.paras = append(cur.paras, para{b.Text, b.Page})
	}
	return out
}

// referenceHeadings open a list of references, folded and in lower case.
var referenceHeadings = setOf("tai lieu tham khao", "danh muc tai lieu tham khao", "references", "tai lieu trich dan")

// runInLabel splits a paragraph opened by a fixed label ("Tóm tắt: ...", "Từ khóa: ...") into
// the label, a heading, and its text.
func runInLabel(t string) (label, rest string, ok bool) {
	i := strings.Index(t, ":")
	if i < 0 || i > 20 {
		return "", "", false
	}
	label, rest = strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1:])
	if rest == "" || !runInLabels[foldLower(label)] {
		return "", "", false
	}
	return label, rest, true
}

// runInLabels are the labels of a journal paper's front matter, folded and in lower case.
var runInLabels = setOf("tom tat", "tu khoa", "abstract", "keywords", "key words", "summary")

// isBareHeading reports a heading that is only its number: "Phần thứ nhất", "Chương 2:", "II.".
func isBareHeading(t string) bool {
	t = strings.TrimRight(t, " :.-–")
	if m := partQ.FindString(t); m != "" && len(m) == len(t) {
		return true
	}
	if m := chapterQ.FindString(t); m != "" && len(m) == len(t) {
		return true
	}
	if m := sectionQ.FindString(t); m != "" && len(m) == len(t) {
		return true
	}
	return strings.Trim(t, "IVX0123456789") == ""
}

// segmentPaper segments a single paper: its title lines and author line (after the title, or
// before it as journals print it, when it stays the first line of the text so that the first
// section starts where the document does), the text before the first heading, then one section
// per heading.
func segmentPaper(blocks []block) []draft {
	blocks = markContents(blocks)
	above, org := letterhead(blocks, 0) // the issuing organisation and a label above the title
	sp, n := authorAt(blocks, above)    // an author line above the title
	above += n
	for n > 0 && above < len(blocks) && blocks[above].paperLabel() {
		above++ // "BÁO CÁO CHUYÊN ĐỀ" between the issuing body and the title
	}
	i := above
	var title []string
	page := 0
	labelled := labelAbove(blocks, above) // a mixed-case title may follow the label, or stand over its author
	for i < len(blocks) && len(title) < 4 && (blocks[i].titleLike() || blocks[i].Kind == corpus.BlockTitle ||
		len(title) == 0 && (labelled || strongAuthorAt(blocks, i+1)) && isPlainTitleLine(blocks[i].Text)) && blocks[i].level() == 0 {
		if _, ok := blocks[i].author(); ok && len(title) > 0 || len(title) > 0 && isThesisLabel(blocks[i].Text) {
			break // an author, or the label of a thesis under its title
		}
		if page == 0 {
			page = blocks[i].Page
		}
		title = append(title, blocks[i].Text)
		i++
	}
	if n > 0 && len(title) == 0 && sp.Kind == KindOrganisation && !blocks[above-n].titleLike() {
		// a mixed-case line that no title follows is the headline of an article, not its author
		sp, above, i = speaker{}, above-n, above-n
	} else if sp.Name == "" {
		sp, n = authorAt(blocks, i)
		i += n
	}
	tail := i
	for len(title) > 0 && i < len(blocks) && (blocks[i].titleLike() && isThesisLabel(blocks[i].Text) ||
		coverYearRE.MatchString(strings.TrimSpace(blocks[i].Text))) {
		i++ // a thesis's label and the place and year of its cover, under the title and author
	}
	if sp.Name == "" {
		sp = org
	}
	if sp.Name == "" {
		sp, _ = signatureOrg(blocks) // a report signed for its issuing body
	}
	first := draft{heading: strings.Join(title, " "), sp: sp, page: page}
	if above > 0 { // the lines above the title stay the first lines of the text
		for _, b := range blocks[:above] {
			first.paras = append(first.paras, para{b.Text, b.Page})
		}
	}
	for _, b := range blocks[tail:i] {
		first.paras = append(first.paras, para{b.Text, b.Page})
	}
	var outer []string
	if first.heading != "" {
		outer = []string{first.heading}
		first.path = outer
	}
	return segmentBody(coverRepeats(blocks, i), first, outer)
}

// letterhead returns how many blocks from i are the issuing organisation's lines and the
// document's label above a paper's title ("ĐẢNG ỦY XÃ X", "THAM LUẬN"), and the organisation
// named last. A title must follow them.
func letterhead(blocks []block, i int) (int, speaker) {
	n := 0
	var org speaker
	for ; i+n < len(blocks) && n < 8; n++ {
		t := strings.Trim(blocks[i+n].Text, " ,.")
		if isPaperLabel(t) || isLetterheadLine(t) || n > 0 && blocks[i+n-1].paperLabel() && isEventLine(t) {
			continue
		}
		if !blocks[i+n].d.isTitleLike(t) || blocks[i+n].d.headingLevel(t) != 0 {
			break
		}
		sp, ok := orgName(t)
		if !ok || sp.Name != t || utf8.RuneCountInString(t) > 70 || hasTitleConnector(t) {
			break
		}
		if org.Name != "" && departments[foldLower(t)] { // "HUYỆN ỦY X" then "BAN TỔ CHỨC"
			sp.Name += " " + org.Name
		}
		org = sp
	}
	if n == 0 || i+n >= len(blocks) || blocks[i+n].level() != 0 {
		return 0, speaker{}
	}
	next := blocks[i+n].Text
	if !blocks[i+n].titleLike() && blocks[i+n].Kind != corpus.BlockTitle && !(labelAbove(blocks, i+n) && isPlainTitleLine(next)) {
		return 0, speaker{}
	}
	return n, org
}

// eventLineRE matches the line under a document's label that names the event it was written for:
// "tại Hội thảo khoa học “...”", "(Trình bày tại Hội nghị ...)".
var eventLineRE = regexp.MustCompile(`^\(?(?i:tại|trình bày tại|gửi|phát biểu tại|tham gia)\s+(?i:hội thảo|hội nghị|tọa đàm|toạ đàm|diễn đàn)(?:\s|$)`)

// labelAbove reports a document's label just above blocks[j] ("THAM LUẬN"), or above the line
// under it that names the event ("TẠI HỘI NGHỊ ...").
func labelAbove(blocks []block, j int) bool {
	if j < 1 || j > len(blocks) {
		return false
	}
	if blocks[j-1].paperLabel() {
		return true
	}
	return j >= 2 && isEventLine(blocks[j-1].Text) && blocks[j-2].paperLabel()
}

// isEventLine reports the line naming the event under a document's label.
func isEventLine(t string) bool {
	return utf8.RuneCountInString(t) <= 250 && eventLineRE.MatchString(t)
}

// paperLabels name the kind of document above its title, folded and in lower case.
var paperLabels = setOf("tham luan", "bai tham luan", "bao cao tham luan", "tham luan hoi thao", "bai viet", "bao cao de dan",
	"bao cao chuyen de", "chuyen de", "bao cao", "bao cao tong hop", "bai tham luan hoi thao", "bien ban",
	"bien ban hoi thao", "bien ban toa dam", "bien ban hoi nghi")

// isPaperLabel reports an upper-case line naming the kind of document: "THAM LUẬN", "BÁO CÁO CHUYÊN ĐỀ".
func isPaperLabel(t string) bool { return paperLabelOf(nil, t) }

// paperLabelOf is isPaperLabel(t), d describing t's block when it is known.
func paperLabelOf(d *desc, t string) bool {
	t = strings.Trim(t, " ,.")
	return d.isTitleLike(t) && paperLabels[foldLower(t)]
}

// isPlainTitleLine reports a mixed-case line that can be a title under a document's label ("Về
// công tác phát triển đảng viên"): short, capitalised, not a sentence and not a heading.
func isPlainTitleLine(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) && utf8.RuneCountInString(t) <= 200 && !endsSentence(t) &&
		!strings.HasSuffix(t, ":") && headingLevel(t) == 0
}

// departments are the offices of a party committee that a letterhead names under it ("HUYỆN ỦY
// X" above "BAN TỔ CHỨC"), folded and in lower case.
var departments = setOf("ban to chuc", "ban tuyen giao", "ban dan van", "ban noi chinh", "van phong",
	"uy ban kiem tra", "ban tuyen giao va dan van", "ban thuong vu", "dang uy", "dang doan", "ban can su dang")

// letterheadRE matches the other lines of an official letterhead: the party's name, the
// document's number, the place and date, and separator lines.
var letterheadRE = regexp.MustCompile(`^(?:ĐẢNG CỘNG SẢN VIỆT NAM|Số\s*:?\s*\S{1,30}|[*\-–—_ ]{1,20}|\p{Lu}[\p{L} ]{1,40}, ngày\s+\S{1,4}\s+tháng\s+\S{1,4}\s+năm\s+\d{4})$`)

// isLetterheadLine reports a letterhead line other than the issuing organisation.
func isLetterheadLine(t string) bool {
	return utf8.RuneCountInString(t) <= 80 && letterheadQ.MatchString(t)
}

// signatureOrg returns the organisation a paper is signed for: "T/M BAN THƯỜNG VỤ HUYỆN ỦY X" in
// the signature block among its last lines.
func signatureOrg(blocks []block) (speaker, bool) {
	for k := len(blocks) - 1; k >= 0 && k >= len(blocks)-6; k-- {
		t := strings.TrimSpace(blocks[k].Text)
		if !signatureQ.MatchString(t) {
			continue
		}
		who := strings.TrimSpace(signaturePrefixRE.ReplaceAllString(t, ""))
		if sp, ok := orgName(who); ok && sp.Name == strings.Trim(who, " ,.") {
			return sp, true
		}
	}
	return speaker{}, false
}

// hasTitleConnector reports a word that joins the parts of a title ("với", "trong") and stands in
// no organisation's name.
func hasTitleConnector(t string) bool {
	for _, w := range strings.Fields(foldLower(t)) {
		switch w {
		case "voi", "trong", "cua", "cho", "nham", "ve", "den", "qua", "o", "tai":
			return true
		}
	}
	return false
}

// authorAt reads the author line at blocks[i], with the affiliation on the next line when the
// author line has none. It returns the speaker and the number of blocks used.
func authorAt(blocks []block, i int) (speaker, int) {
	if i >= len(blocks) || !isRunningText(blocks[i]) {
		return speaker{}, 0
	}
	if first, second, two := strings.Cut(blocks[i].Text, "\n"); two && !strings.Contains(second, "\n") {
		// the name and the affiliation in one block, split by a line break (<br> on a web page)
		a, b := blocks[i].withText(strings.TrimSpace(first)), blocks[i].withText(strings.TrimSpace(second))
		if sp, n := authorAt([]block{a, b}, 0); n == 2 {
			return sp, 1
		}
	}
	sp, ok := blocks[i].author()
	if !ok {
		return bareNameAuthorAt(blocks, i)
	}
	if sp.Kind == KindOrganisation && i+1 < len(blocks) && isRunningText(blocks[i+1]) {
		// "Trường Chính trị tỉnh X" above "ThS. Lê Y": the person, from the organisation
		if p, ok := blocks[i+1].author(); ok && p.Kind == KindPerson && p.Affiliation == "" || ok && p.Role != "" && p.Affiliation == p.Role {
			p.Affiliation = sp.Name
			return p, 2
		}
	}
	if sp.Kind == KindPerson && sp.Affiliation == "" && i+1 < len(blocks) {
		next := strings.TrimSpace(blocks[i+1].Text)
		if m := affilLabelRE.FindString(next); m != "" { // "Đơn vị: Chi bộ X" under "Tác giả: Y"
			next = strings.TrimSpace(next[len(m):])
		}
		if org, ok := orgName(next); ok && org.Name == strings.Trim(next, " ,") && utf8.RuneCountInString(next) <= 120 {
			sp.Affiliation = org.Name
			return sp, 2
		}
		if isPositionLine(blocks[i+1]) { // "TRẦN VĂN A" above "Bí thư Chi bộ khối 5, thị trấn X"
			sp.Affiliation, sp.Role = next, next
			return sp, 2
		}
	}
	return sp, 1
}

// affilLabelRE matches the label of an affiliation line under a labelled author line: "Đơn vị:",
// "Cơ quan:", "Nơi công tác:".
var affilLabelRE = regexp.MustCompile(`^(?:Đơn vị(?: công tác)?|ĐƠN VỊ|Cơ quan(?: công tác)?|CƠ QUAN|Nơi công tác|NƠI CÔNG TÁC)\s*:\s*`)

// isPositionLine reports a short line that is only a person's position: "Bí thư Chi bộ khối 5,
// thị trấn X" under an author's name.
func isPositionLine(b block) bool {
	t := strings.TrimSpace(b.Text)
	if !isRunningText(b) || utf8.RuneCountInString(t) > 120 || endsSentence(t) || !startsWithPosition(t) {
		return false
	}
	vs, _ := firstSpeechVerb(t)
	return vs < 0
}

// comradeRE matches the honorific before an author's name alone on its line: "Đồng chí ".
var comradeRE = regexp.MustCompile(`^(?:Đồng chí|ĐỒNG CHÍ|Đ/c)\s+`)

// bareNameAuthorAt reads a person's name alone on a line in mixed case ("Nguyễn Văn A"), too weak
// a cue by itself, when the next line gives the person's position or organisation ("Bí thư Đảng
// ủy xã X").
func bareNameAuthorAt(blocks []block, i int) (speaker, int) {
	if i+1 >= len(blocks) {
		return speaker{}, 0
	}
	t := strings.TrimSpace(blocks[i].Text)
	honoured := false
	if m := comradeRE.FindString(t); m != "" { // "Đồng chí Giàng A Dì" over the position
		t, honoured = t[len(m):], true
	}
	name, affil, ok := splitNameAffil(t)
	if !ok || affil != "" || name != t || !honoured && !isSurname(strings.Fields(name)[0]) {
		return speaker{}, 0
	}
	next := strings.TrimSpace(blocks[i+1].Text)
	if isPositionLine(blocks[i+1]) {
		return speaker{Name: name, Kind: KindPerson, Affiliation: next, Role: next}, 2
	}
	if org, ok := orgName(next); ok && org.Name == strings.Trim(next, " ,") && isRunningText(blocks[i+1]) && !isTitleLike(next) {
		return speaker{Name: name, Kind: KindPerson, Affiliation: org.Name}, 2
	}
	return speaker{}, 0
}
