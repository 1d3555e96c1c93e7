package structure

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus"
)

// contribution is where a contribution of a proceedings volume starts: its title lines and
// author line(s).
type contribution struct {
	start, body int // index of the contribution's first block and of its first body block
	titleAt     int // index of the title's first block: after start when the author stands above it
	title       string
	sp          speaker
}

// findContributions finds every upper-case title followed by an author line. A title wrapped over
// several lines is joined when a line starts or ends with a connecting word ("Ở XÃ MIỀN NÚI").
func findContributions(blocks []block) []contribution {
	var out []contribution
	for j := 1; j < len(blocks); j++ {
		if !isContributionTitle(blocks[j-1]) && !((isPlainTitle(blocks[j-1]) || isNumberedTitle(blocks[j-1])) && strongAuthorAt(blocks, j)) {
			continue
		}
		if len(out) > 0 && j-1 < out[len(out)-1].body {
			continue
		}
		sp, n := authorAt(blocks, j)
		if n == 0 && isContributionTitle(blocks[j-1]) {
			sp, n = upperOrgAuthorAt(blocks, j)
		}
		if n == 0 {
			continue
		}
		i := j - 1
		for i > 0 && j-i < 3 && isContributionTitle(blocks[i-1]) && (continuesTitle(blocks[i-1].Text, blocks[i].Text) || wrapsTitle(blocks, i)) &&
			(len(out) == 0 || i-1 >= out[len(out)-1].body) {
			i--
		}
		var title []string
		for _, b := range blocks[i:j] {
			title = append(title, b.Text)
		}
		start := i
		if i > 0 && isContributionLabel(blocks[i-1].Text) && (len(out) == 0 || i-1 >= out[len(out)-1].body) {
			start = i - 1 // "THAM LUẬN SỐ 2" above the title opens the contribution
		}
		out = append(out, contribution{start: start, body: j + n, titleAt: i, title: strings.Join(title, " "), sp: sp})
		j += n - 1
	}
	return out
}

// findContributionsAbove finds contributions whose author lines stand above the title, as some
// volumes print them: "Trường Chính trị tỉnh X" and "ThS. Lê Y" (or "Đảng ủy xã Z – đồng chí W")
// directly above an upper-case title that a body follows. Read alone, a title above its author
// and an upper-case heading under them look alike: segmentProceedings keeps the reading that
// finds more contributions.
func findContributionsAbove(blocks []block) []contribution {
	var out []contribution
	for j := 1; j < len(blocks); j++ {
		if !isContributionTitle(blocks[j]) || isContributionTitle(blocks[j-1]) {
			continue
		}
		sp, start := authorAbove(blocks, j)
		if start < 0 || len(out) > 0 && start < out[len(out)-1].body {
			continue
		}
		end := j + 1
		for end < len(blocks) && end-j < 3 && isContributionTitle(blocks[end]) && continuesTitle(blocks[end-1].Text, blocks[end].Text) {
			end++
		}
		if end >= len(blocks) {
			break
		}
		var title []string
		for _, b := range blocks[j:end] {
			title = append(title, b.Text)
		}
		out = append(out, contribution{start: start, body: end, titleAt: j, title: strings.Join(title, " "), sp: sp})
		j = end - 1
	}
	return out
}

// findContributionsBelow finds contributions signed at their end, as some volumes print them: an
// upper-case title with the body under it, closed by the author's lines ("Nguyễn Văn A" over "Bí
// thư Chi bộ ...", "ĐẢNG ỦY XÃ X", "ThS. Lê Y" over "Trường Chính trị tỉnh Z") just before the next
// title or the end. A title counts when a paragraph or a numbered heading follows it; every
// contribution found must be signed, so that one unsigned title leaves the volume to the other
// readings. sig is where each contribution's signature starts.
func findContributionsBelow(blocks []block) (out []contribution, sig []int) {
	var titles []int
	for j := 0; j+1 < len(blocks); j++ {
		if isContributionTitle(blocks[j]) && !isVolumeLabel(blocks[j].Text) && opensBody(blocks[j+1]) {
			titles = append(titles, j)
		}
	}
	for k, j := range titles {
		end := len(blocks)
		if k+1 < len(titles) {
			end = titles[k+1]
		}
		sp, at := authorBelow(blocks, j+2, end)
		if at < 0 {
			return nil, nil
		}
		out = append(out, contribution{start: j, body: j + 1, titleAt: j, title: blocks[j].Text, sp: sp})
		sig = append(sig, at)
	}
	return out, sig
}

// opensBody reports a block that may open a contribution's body: a paragraph that is no title,
// author, place-and-date or label line, or a numbered heading.
func opensBody(b block) bool {
	if !isRunningText(b) {
		return false
	}
	if lv := b.level(); lv == levelNum || lv == levelRoman {
		return true
	}
	t := b.Text
	if isTitleLike(t) || placeDateRE.MatchString(t) || utf8.RuneCountInString(t) < 40 {
		return false
	}
	_, author := parseAuthorLine(t)
	return !author
}

// authorBelow returns the author whose lines end just before blocks[end], and the index of their
// first line, or -1; the lines must start at or after from. An organisation alone in capitals
// ("BAN TỔ CHỨC HUYỆN ỦY X") counts here, at a contribution's end.
func authorBelow(blocks []block, from, end int) (speaker, int) {
	for _, n := range []int{2, 1} {
		i := end - n
		if i < from || !isRunningText(blocks[i]) || endsSentence(blocks[i].Text) {
			continue
		}
		if sp, used := authorAt(blocks[:end], i); used == n {
			return sp, i
		}
		t := strings.Trim(blocks[i].Text, " ,.")
		if n == 1 && isAllCaps(t) && utf8.RuneCountInString(t) <= 120 {
			if sp, ok := orgName(t); ok && sp.Name == t {
				return sp, i
			}
		}
	}
	return speaker{}, -1
}

// authorAbove returns the author whose lines end just above blocks[j] and the index of their
// first line, or -1. The author must be strong: an organisation, or a person with an affiliation
// or an academic title, since a bare name in capitals ("TƯ TƯỞNG HỒ CHÍ MINH") may be a title.
func authorAbove(blocks []block, j int) (speaker, int) {
	for _, n := range []int{2, 1} {
		if j-n < 0 {
			continue
		}
		sp, used := authorAt(blocks, j-n)
		strong := sp.Kind == KindOrganisation || sp.Affiliation != "" || strings.Contains(sp.Name, ".")
		if used == n && strong && (n == 2 || !isPlainTitle(blocks[j-n])) { // a bare name in capitals may be a title
			return sp, j - n
		}
	}
	return speaker{}, -1
}

// upperOrgAuthorAt reads an organisation named in capitals on its own line at blocks[j], under a
// contribution's title ("ĐẢNG ỦY XÃ X" under "PHÁT TRIỂN ĐẢNG TRONG CÔNG NHÂN"), with a body after
// it. Alone, such a line reads as a letterhead, so only this place makes it an author: not under
// the document's first line or the volume's label, and not worded like a title ("CHI BỘ Ở ...").
func upperOrgAuthorAt(blocks []block, j int) (speaker, int) {
	if j < 2 || j+1 >= len(blocks) || !isRunningText(blocks[j]) || isVolumeLabel(blocks[j-1].Text) {
		return speaker{}, 0
	}
	if next := blocks[j+1].Text; isTitleLike(next) || placeDateRE.MatchString(next) {
		return speaker{}, 0
	}
	t := strings.Trim(blocks[j].Text, " ,.")
	if !isAllCaps(t) || utf8.RuneCountInString(t) > 120 || departments[foldLower(t)] || hasTitleConnector(t) {
		return speaker{}, 0
	}
	if sp, ok := orgName(t); ok && sp.Name == t {
		return sp, 1
	}
	return speaker{}, 0
}

// titleConnectors are words that join the lines of a wrapped title, folded and in lower case.
var titleConnectors = setOf("o", "cua", "va", "trong", "tai", "voi", "cho", "doi", "giai", "hien", "theo",
	"tu", "den", "nham", "gop", "qua", "nay", "thoi", "tren", "duoi", "ve", "khi")

// continuesTitle reports whether next continues the title line prev.
func continuesTitle(prev, next string) bool {
	pw, nw := strings.Fields(foldLower(prev)), strings.Fields(foldLower(next))
	if len(pw) == 0 || len(nw) == 0 {
		return false
	}
	return titleConnectors[pw[len(pw)-1]] || titleConnectors[nw[0]]
}

// wrapsTitle reports whether blocks[i-1] is the first, wrapped line of the title that goes on in
// blocks[i]: a line long enough to fill the width, above a shorter one, neither being nor standing
// under the volume's label ("KỶ YẾU HỘI THẢO"), whose title it would be instead.
func wrapsTitle(blocks []block, i int) bool {
	prev, cur := blocks[i-1].Text, blocks[i].Text
	np, nc := utf8.RuneCountInString(prev), utf8.RuneCountInString(cur)
	if np < 25 || nc >= np || np+nc > 250 || isVolumeLabel(prev) || isVolumeLabel(cur) {
		return false
	}
	return i < 2 || !blocks[i-2].titleLike() || !isVolumeLabel(blocks[i-2].Text)
}

// isVolumeLabel reports a cover line naming the kind of volume or event: "KỶ YẾU HỘI THẢO KHOA HỌC".
func isVolumeLabel(t string) bool {
	f := foldLower(t)
	for _, w := range []string{"ky yeu", "hoi thao", "hoi nghi", "toa dam", "dien dan"} {
		if strings.Contains(f, w) {
			return true
		}
	}
	return false
}

// isContributionTitle reports an upper-case title line that is not itself an author line.
func isContributionTitle(b block) bool {
	marked := b.Kind == corpus.BlockTitle || b.Kind == corpus.BlockHeading // a DOCX or HTML heading
	if !isRunningText(b) || !(b.titleLike() || marked) || b.level() != 0 {
		return false
	}
	_, author := b.author()
	return !author
}

// isPlainTitle reports a title in mixed case, as plain-text volumes print them: a paragraph of
// 15-200 characters that opens with a capital, carries no numbering and ends like no sentence or
// clause. Only a strong author line after it makes it a contribution's title.
func isPlainTitle(b block) bool {
	t := b.Text
	n := runesUpTo(t, 200)
	if b.Kind != corpus.BlockParagraph || n < 15 || n > 200 || b.level() != 0 || endsSentence(t) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	if !unicode.IsUpper(first) || strings.ContainsRune(",;:", last) || placeDateRE.MatchString(t) {
		return false
	}
	_, author := b.author()
	return !author
}

// placeDateRE matches the place and date of a volume's cover: "Lý Nhân, tháng 11 năm 2025".
var placeDateRE = regexp.MustCompile(`,\s*(?:ngày\s+\S{1,4}\s+)?tháng\s+\S{1,4}\s+năm\s+\d{4}$`)

// contributionLabelRE matches a line that numbers the contribution under it: "THAM LUẬN SỐ 2",
// "Bài 3", "THAM LUẬN".
var contributionLabelRE = regexp.MustCompile(`^(?:(?:BÀI )?THAM LUẬN|(?:Bài )?[Tt]ham luận|BÀI|Bài)(?:\s+(?:SỐ|[Ss]ố))?(?:\s+(?:\d{1,3}|[IVXL]{1,6}))?\s*[.:]?$`)

// isContributionLabel reports a label line that numbers or names the kind of the contribution
// whose title follows.
func isContributionLabel(t string) bool {
	t = strings.TrimSpace(t)
	return t != "BÀI" && t != "Bài" && contributionLabelRE.MatchString(t)
}

// isNumberedTitle reports an upper-case title numbered as the volume numbers its contributions:
// "2. ỨNG DỤNG SỔ TAY ĐẢNG VIÊN ĐIỆN TỬ", "THAM LUẬN SỐ 3: ...". Only a strong author line after it
// tells it from a numbered heading.
func isNumberedTitle(b block) bool {
	if !isRunningText(b) || !b.titleLike() {
		return false
	}
	if lv := b.level(); lv == levelNum || lv == levelRoman {
		return true
	}
	return contributionNumberRE.MatchString(b.Text)
}

// contributionNumberRE matches a contribution's number before its title: "THAM LUẬN SỐ 3:", "BÀI 2.".
var contributionNumberRE = regexp.MustCompile(`^(?:THAM LUẬN|Tham luận|BÀI|Bài)(?:\s+(?:SỐ|số))?\s+\d{1,3}\s*[:.\-–]`)

// strongAuthorAt reports an author line at blocks[i] that names an organisation, or a person with
// an academic degree or an affiliation: enough to take a mixed-case line before it as a title.
func strongAuthorAt(blocks []block, i int) bool {
	sp, n := authorAt(blocks, i)
	return n > 0 && (sp.Kind == KindOrganisation || sp.Affiliation != "" || strings.Contains(sp.Name, "."))
}

// segmentProceedings segments a proceedings volume: the cover and introduction form one section
// headed by the volume's title; each contribution's title opens a section with its author as
// speaker, and its numbered headings open sections under it.
func segmentProceedings(blocks []block) []draft {
	blocks = markContents(blocks)
	cs := findContributions(blocks)
	if above := findContributionsAbove(blocks); len(above) > len(cs) {
		cs = above
	}
	var sig []int // where each contribution's signature starts, when the authors sign at the end
	if below, at := findContributionsBelow(blocks); len(below) > len(cs) && len(below) >= 2 {
		cs, sig = below, at
	}
	if len(cs) == 0 {
		return segmentPaper(blocks)
	}
	var out []draft
	if cs[0].start > 0 {
		out = append(out, coverSection(blocks[:cs[0].start]))
	}
	for k, c := range cs {
		end := len(blocks)
		if k+1 < len(cs) {
			end = cs[k+1].start
		}
		outer := []string{c.title}
		first := draft{heading: c.title, path: outer, sp: c.sp, page: blocks[c.start].Page}
		for _, b := range blocks[c.start:c.titleAt] { // author lines above the title open its text
			first.paras = append(first.paras, para{b.Text, b.Page})
		}
		if sig == nil {
			out = append(out, segmentBody(blocks[c.body:end], first, outer)...)
			continue
		}
		out = append(out, segmentBody(blocks[c.body:sig[k]], first, outer)...)
		last := &out[len(out)-1]
		for _, b := range blocks[sig[k]:end] { // the signature closes the last section's text
			last.paras = append(last.paras, para{b.Text, b.Page})
		}
	}
	return out
}

// coverSection makes the cover and introduction of a volume one section, headed by the volume's
// title: the block marked as the title, else the title line after "KỶ YẾU HỘI THẢO", else the
// longest upper-case line.
func coverSection(blocks []block) draft {
	title := -1
	for i, b := range blocks {
		if b.Kind == corpus.BlockTitle || b.Kind == corpus.BlockHeading && b.Level <= 1 {
			title = i // a title or first-level heading marked by the file
			break
		}
		if (namesVolume(foldLower(b.Text)) || eventLabelRE.MatchString(strings.TrimSpace(b.Text))) && i+1 < len(blocks) &&
			(blocks[i+1].titleLike() || isPlainTitle(blocks[i+1])) {
			title = i + 1
			break
		}
	}
	if title < 0 {
		for i, b := range blocks {
			if b.titleLike() && b.level() == 0 &&
				(title < 0 || utf8.RuneCountInString(b.Text) > utf8.RuneCountInString(blocks[title].Text)) {
				title = i
			}
		}
	}
	d := draft{}
	lines := 1
	if title >= 0 {
		lines = coverTitleLines(blocks, title)
	}
	for i := 0; i < len(blocks); i++ {
		b := blocks[i]
		if i == title {
			heading := joinTexts(blocks[i : i+lines])
			d.heading, d.path, d.page = heading, []string{heading}, b.Page
			i += lines - 1
			continue
		}
		d.paras = append(d.paras, para{b.Text, b.Page})
	}
	return d
}

// segmentNews segments a news report: the headline, introduction and statistics form the first
// section; each paragraph that opens with a new speaker starts a section that runs until the next
// speaker; the closing speech runs to the end. A cross-head directly followed by a speaker's
// paragraph heads that speaker's section; followed by other paragraphs, it opens a section of its
// own, without a speaker, up to the next speaker. The sections after it stand under it.
func segmentNews(blocks []block) []draft {
	if len(blocks) == 0 {
		return nil
	}
	i := 0
	cur := draft{}
	if isHeadline(blocks[0]) {
		cur.heading, cur.path, cur.page = blocks[0].Text, []string{blocks[0].Text}, blocks[0].Page
		i = 1
	}
	out := []draft{cur}
	closing := false
	var under []string // the cross-head the current sections stand under
	for k := i; k < len(blocks); k++ {
		b := blocks[k]
		last := &out[len(out)-1]
		if k > i && isCrossHead(blocks, k) {
			under = []string{b.Text}
			d := draft{heading: b.Text, path: under, page: b.Page}
			closing = false
			if l, ok := crossHeadLead(blocks, k+1); ok { // the cross-head heads the speaker's section
				d.sp, closing = l.sp, l.closing
				d.paras = append(d.paras, para{blocks[k+1].Text, blocks[k+1].Page})
				k++
			}
			out = append(out, d)
			continue
		}
		if k > i && b.Kind == corpus.BlockParagraph && !isIntroParagraph(b.Text) && (!closing || len(last.paras) == 0) {
			l, ok := b.newsLead()
			if ok && l.chair {
				l.sp, _ = chairOf(blocks)
			}
			if ok && !sameSpeaker(l.sp, last.sp) && !(len(out) == 1 && opensWithReport(b.Text)) {
				closing = l.closing
				out = append(out, draft{sp: l.sp, path: under})
			}
		}
		last = &out[len(out)-1]
		last.paras = append(last.paras, para{b.Text, b.Page})
	}
	return out
}

// chairLineRE matches the line of minutes that names the chair: "Chủ trì: đồng chí X, <title>."
var chairLineRE = regexp.MustCompile(`^(?:Chủ trì|Chủ tọa|Chủ toạ|CHỦ TRÌ|CHỦ TỌA)(?:\s+(?:hội thảo|hội nghị|tọa đàm))?\s*:\s*(.{4,200})$`)

// chairOf returns the chair named by a "Chủ trì:" line among the first blocks of minutes.
func chairOf(blocks []block) (speaker, bool) {
	for _, b := range blocks[:min(len(blocks), 20)] {
		for _, line := range strings.Split(b.Text, "\n") {
			if m := chairLineRE.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
				return personIn(strings.TrimRight(m[1], " ."))
			}
		}
	}
	return speaker{}, false
}

// opensWithReport reports a paragraph that gives the findings of a report ("Báo cáo của Ban Tổ
// chức Thành ủy nêu rõ, ...", "Báo cáo đề dẫn cho biết"): before any speaker, it sets out the
// workshop's background and stays in the opening section.
func opensWithReport(t string) bool {
	f := foldLower(t)
	return strings.HasPrefix(f, "bao cao ") || strings.HasPrefix(f, "theo bao cao ")
}

// crossHeadLead returns the speaker who opens the paragraph at blocks[k], just under a cross-head.
func crossHeadLead(blocks []block, k int) (lead, bool) {
	if k >= len(blocks) || blocks[k].Kind != corpus.BlockParagraph || isIntroParagraph(blocks[k].Text) {
		return lead{}, false
	}
	return blocks[k].newsLead()
}

// isCrossHead reports a newspaper cross-head at blocks[k]: a block marked as a heading, or a
// short line that does not end like a sentence, leads no speaker and is followed by a paragraph.
func isCrossHead(blocks []block, k int) bool {
	b := blocks[k]
	if qaLabelRE.MatchString(b.Text) || isInterviewQuestion(b.Text) || isSignatureLine(b.Text) || b.paperLabel() {
		return false // "THƯ KÝ" over the secretary's name closes minutes; "BIÊN BẢN" names them
	}
	if b.Kind == corpus.BlockHeading {
		return true
	}
	if b.Kind != corpus.BlockParagraph {
		return false
	}
	n := runesUpTo(b.Text, 120)
	if n > 120 || k+1 >= len(blocks) || runesUpTo(blocks[k+1].Text, n) < n {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(b.Text, "”\"’)]"))
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(b.Text, "“\"‘'(["))
	if strings.ContainsRune(".!:;,…", last) || !unicode.IsUpper(first) || !strings.Contains(b.Text, " ") {
		return false
	}
	if i := strings.Index(b.Text, ": "); i > 0 && startsLower(b.Text[i+2:]) {
		return false // "Người dẫn chương trình nêu vấn đề: vì sao ...?" is a sentence
	}
	if _, ok := b.newsLead(); ok {
		return false
	}
	return !newsDatelineRE.MatchString(b.Text) && !placeDateRE.MatchString(b.Text) // "Huyện ủy X, ngày 12 tháng 8 năm 2025"
}

// qaLabelRE matches the label of a line of an interview: "Phóng viên: ...", "PV: ...", "Hỏi: ...".
var qaLabelRE = regexp.MustCompile(`^(?:Phóng viên|PV|P\.V|Hỏi|Đáp|Trả lời|Câu hỏi)\s*:`)

// addressRE finds how a reporter addresses the person interviewed: "Thưa bà", "Xin ông cho biết",
// "theo chị".
var addressRE = regexp.MustCompile(`(?:^|\s)(?:ông|bà|anh|chị|cô|thầy|đồng chí)(?:[\s,?]|$)|^(?:Thưa|Xin)\s`)

// isInterviewQuestion reports a reporter's question to the person interviewed, which is no
// cross-head: it ends with a question mark and addresses someone.
func isInterviewQuestion(t string) bool {
	return strings.HasSuffix(strings.TrimSpace(t), "?") && addressRE.MatchString(t)
}

// sameSpeaker reports whether a and b name the same speaker ("Ông Lê An cho biết thêm" after a
// section by "Lê An, Giám đốc Sở X"), comparing the names before any title.
func sameSpeaker(a, b speaker) bool {
	if a.Name == "" || b.Name == "" || a.Kind != b.Kind {
		return false
	}
	na, nb := normKey(strings.Split(a.Name, ", ")[0]), normKey(strings.Split(b.Name, ", ")[0])
	return strings.Contains(na, nb) || strings.Contains(nb, na)
}

// isHeadline reports whether the first block of a news report is its headline.
func isHeadline(b block) bool {
	if b.Kind == corpus.BlockTitle || b.Kind == corpus.BlockHeading {
		return true
	}
	n := runesUpTo(b.Text, 250)
	return n <= 250 && !endsSentence(b.Text) && !newsDatelineRE.MatchString(b.Text)
}

// isIntroParagraph reports the paragraph that announces the workshop ("... tổ chức hội thảo ...").
func isIntroParagraph(t string) bool {
	return foldLowerContainsAny(t, introPhrases)
}

// introPhrases are what isIntroParagraph looks for in the folded, lower-cased paragraph.
var introPhrases = func() []string {
	var out []string
	for _, ev := range []string{"hoi thao", "toa dam", "hoi nghi", "dien dan"} {
		out = append(out, "to chuc "+ev, "dien ra "+ev)
	}
	return out
}()

// language returns "en" when most words of t are English, else "vi".
func language(t string) string {
	return languageOf(t)
}

// isWordRune reports a letter of a Latin-script word (Vietnamese or English) or an apostrophe.
func isWordRune(r rune) bool {
	return r == '\'' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0 && r != 0xD7 && r != 0xF7 && r < 0x2000
}

// englishWords are frequent English function words, absent from Vietnamese.
var englishWords = setOf("the", "of", "and", "to", "in", "is", "for", "on", "with", "that", "by", "as",
	"are", "this", "be", "from", "at", "an", "or", "which", "was", "were", "it", "its", "has", "have",
	"their", "these", "between", "into", "through", "not", "can", "such", "also", "more")
