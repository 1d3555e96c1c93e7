package structure

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus"
)

var (
	// workshopNameRE finds the quoted name of a workshop: Hội thảo “...”.
	workshopNameRE = regexp.MustCompile(`(?:[Hh]ội thảo|[Tt]ọa đàm|[Tt]oạ đàm|[Hh]ội nghị|[Dd]iễn đàn|HỘI THẢO|TỌA ĐÀM|TOẠ ĐÀM|HỘI NGHỊ|DIỄN ĐÀN)(?:\s+(?:khoa học|chuyên đề|khoa học cấp tỉnh|cấp tỉnh|KHOA HỌC|CHUYÊN ĐỀ|KHOA HỌC CẤP TỈNH|CẤP TỈNH))?(?:\s+(?:với|có)?\s*chủ đề)?\s*:?\s*[“"]([^”"]{5,300})[”"]`)
	fullDateRE     = regexp.MustCompile(`[Nn]gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	shortDateRE    = regexp.MustCompile(`(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)(?:\s+(?:nay|qua|ngày))?\s*\(?(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?`)
	monthRE        = regexp.MustCompile(`[Tt]háng\s+(\d{1,2})(?:\s+năm\s+|\s*[/-]\s*)(\d{4})`)
	coverPlaceRE   = regexp.MustCompile(`^(\p{Lu}[^,\d]{1,40}),\s+(?:ngày\s+\S+\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}\.?$`)
	placeRE        = regexp.MustCompile(`\s(?:tại|ở)\s+((?:\p{Lu}|thành phố|tỉnh|huyện|hội trường|trụ sở)[^,.;()“”]{2,80})`)
	organiserRE    = regexp.MustCompile(`^(.{4,300}?)\s+(?:đã\s+)?(?:phối hợp\s+)?(?:đồng\s+)?tổ chức\s+(?:buổi\s+)?(?:[Hh]ội thảo|[Tt]ọa đàm|[Tt]oạ đàm|[Hh]ội nghị|[Dd]iễn đàn)`)
	joinerRE       = regexp.MustCompile(`\s+(?:phối hợp với|phối hợp cùng|cùng với|và)\s+|,\s+`)
)

// The expressions above tried only where a match can start: at the words they open with. They find what the expressions find, without scanning the text.
// An expression given another opening word needs it among its keys here.
var (
	workshopNameKeyed = newKeyedRE(workshopNameRE, "Hội thảo", "hội thảo", "Tọa đàm", "tọa đàm", "Toạ đàm",
		"toạ đàm", "Hội nghị", "hội nghị", "Diễn đàn", "diễn đàn", "HỘI THẢO", "TỌA ĐÀM", "TOẠ ĐÀM", "HỘI NGHỊ", "DIỄN ĐÀN")
	shortDateKeyed = newKeyedRE(shortDateRE, "Ngày", "ngày", "Sáng", "sáng", "Chiều", "chiều", "Tối", "tối", "Trưa", "trưa")
	monthKeyed     = newKeyedRE(monthRE, "Tháng", "tháng")
)

// introBlocks is how many blocks from the start the workshop's announcement is looked for in.
const introBlocks = 8

// fillWorkshop fills the empty fields of doc.Workshop (creating it when nil and something is
// found) from what the document states: the name of a workshop the text gives, the date of the
// document (in its text, else in its metadata, doc.Date), the place and the organisers. A
// workshop's name is never guessed from a headline or a paper's own title, nor a year from a year
// the body mentions.
func fillWorkshop(doc *corpus.Document, blocks []block) {
	found := workshopFromText(blocks, doc)
	if doc.Workshop == nil && found.Title == "" && found.Date == "" && found.Place == "" && found.Year == 0 &&
		len(found.Organisers) == 0 {
		return
	}
	w := doc.Workshop.Merge(&found)
	if w.Year == 0 && len(w.Date) >= 4 {
		w.Year, _ = strconv.Atoi(w.Date[:4])
	}
	doc.Workshop = w
}

// workshopFromText reads the workshop metadata from the introduction (the first blocks), the
// dated line of the document and its metadata date.
func workshopFromText(blocks []block, doc *corpus.Document) corpus.Workshop {
	var f corpus.Workshop
	intro := blocks[:min(len(blocks), introBlocks)]
	for _, b := range intro {
		if f.Title == "" && (strings.Contains(b.Text, "“") || strings.IndexByte(b.Text, '"') >= 0) {
			if m := workshopNameKeyed.FindStringSubmatch(b.Text); m != nil {
				f.Title = strings.TrimSpace(m[1])
			}
		}
		if f.Place == "" && strings.Contains(b.Text, "tháng") { // coverPlaceRE needs "tháng"
			if m := coverPlaceRE.FindStringSubmatch(b.Text); m != nil && !namesOrganisation(m[1]) {
				f.Place = strings.TrimSpace(m[1])
			}
		}
		if f.Place == "" && strings.HasPrefix(b.Text, "Địa điểm") { // minutes: "Địa điểm: Hội trường X."
			if rest, ok := strings.CutPrefix(strings.TrimPrefix(b.Text, "Địa điểm"), ":"); ok {
				f.Place = strings.TrimRight(strings.TrimSpace(strings.SplitN(rest, "\n", 2)[0]), " .;")
			}
		}
		needOrganisers := len(f.Organisers) == 0 && strings.Contains(b.Text, "tổ chức")
		if !needOrganisers && f.Place != "" {
			continue
		}
		announce := firstSentenceWith(b.Text, "tổ chức")
		if needOrganisers {
			f.Organisers = organisers(announce)
		}
		// placeRE matches nothing in "": the sentence is looked for before the paragraph, and
		// its place before the paragraph's scan for an event (both must hold)
		if f.Place == "" && announce != "" {
			if m := placeRE.FindStringSubmatch(announce); m != nil && isIntroParagraph(b.Text) {
				f.Place = strings.TrimSpace(m[1])
			}
		}
	}
	if f.Title == "" {
		f.Title = labelledWorkshop(intro)
	}
	if f.Title == "" {
		f.Title = heldEvent(intro)
	}
	if f.Title == "" && len(doc.Sections) > 0 {
		if m := eventHeadingRE.FindStringSubmatch(doc.Sections[0].Heading); m != nil {
			f.Title = m[1] // a headline that names the event: "Hội nghị ..."
		}
	}
	f.Date, f.Year = workshopDate(intro, blocks, doc.Date)
	if len(f.Organisers) == 0 && doc.Shape == corpus.ShapeProceedings && len(blocks) > 0 {
		if sp, ok := orgName(blocks[0].Text); ok && sp.Name == strings.Trim(blocks[0].Text, " ,") {
			f.Organisers = []string{sp.Name}
		}
	}
	return f
}

var (
	// eventLabelRE matches a cover line that names the kind of volume or event, with the event's
	// name after a colon when the line gives it: "KỶ YẾU HỘI THẢO KHOA HỌC", "Kỷ yếu hội thảo: X".
	eventLabelRE = regexp.MustCompile(`^(?i:(?:kỷ yếu|kỉ yếu|tài liệu|tập san|chương trình)\s+)?(?i:hội thảo|hội nghị|tọa đàm|toạ đàm|diễn đàn)(?i:\s+(?:khoa học|chuyên đề|cấp tỉnh|cấp thành phố|cấp huyện|quốc gia|quốc tế|toàn quốc))*\s*(?::\s*(\S.{4,300}))?$`)
	// volumeNameRE matches a cover line that names a volume of a workshop and the workshop: "Kỷ
	// yếu hội thảo Công tác dân vận ở cơ sở"; group 1 is the workshop's name.
	volumeNameRE = regexp.MustCompile(`^(?i:kỷ yếu|kỉ yếu|tài liệu|tập san)\s+(?i:hội thảo|hội nghị|tọa đàm|toạ đàm|diễn đàn)(?i:\s+(?:khoa học|chuyên đề|cấp tỉnh|cấp thành phố|cấp huyện|quốc gia|quốc tế|toàn quốc))*\s*:?\s+(\S.{4,300})$`)
	// heldEventRE finds the event an announcing sentence names: "... tổ chức hội thảo về X, ...";
	// group 1 is the event's kind, group 2 what it is about.
	heldEventRE = regexp.MustCompile(`tổ chức\s+(?:buổi\s+|cuộc\s+)?(hội thảo|hội nghị|tọa đàm|toạ đàm|diễn đàn)\s+((?:khoa học\s+)?(?:về|bàn về|trao đổi|đánh giá|tổng kết|sơ kết|bàn giải pháp|chuyên đề)\s[^,.;:()“”"]{8,160}?)(?:\s+(?:tại|nhằm|với sự|có sự|thu hút|để|cho|vào)\s|[,.;:(]|$)`)
	// eventHeadingRE matches a headline or title that opens, after a place ("Hải Dương: "), with
	// the event it names; group 1 is the event's name.
	eventHeadingRE = regexp.MustCompile(`^(?:[^:“”"]{2,40}:\s+)?((?:Hội thảo|Hội nghị|Tọa đàm|Toạ đàm|Diễn đàn|HỘI THẢO|HỘI NGHỊ|TỌA ĐÀM|TOẠ ĐÀM|DIỄN ĐÀN)\s+\S+\s+\S+.*)$`)
)

// labelledWorkshop returns the workshop's name a cover states under a label line ("KỶ YẾU HỘI
// THẢO" over the title) or after it ("Kỷ yếu hội thảo: X"), or "".
func labelledWorkshop(intro []block) string {
	for i, b := range intro {
		if runesUpTo(b.Text, 320) > 320 {
			continue
		}
		t := strings.TrimSpace(b.Text)
		m := eventLabelRE.FindStringSubmatch(t)
		if m == nil {
			if m = volumeNameRE.FindStringSubmatch(t); m != nil {
				return strings.TrimSpace(m[1])
			}
			if i > 0 && utf8.RuneCountInString(t) <= 160 && !strings.HasSuffix(t, ".") {
				if m = eventHeadingRE.FindStringSubmatch(t); m != nil {
					return m[1] // a line under the headline naming the event
				}
			}
			continue
		}
		if m[1] != "" {
			return strings.TrimSpace(m[1])
		}
		if i+1 < len(intro) {
			next := intro[i+1]
			if (next.titleLike() || isPlainTitle(next)) && !eventLabelRE.MatchString(next.Text) &&
				!placeDateRE.MatchString(next.Text) && !hasNumericDate(next.Text) {
				return joinTexts(intro[i+1 : i+1+coverTitleLines(intro, i+1)])
			}
		}
	}
	return ""
}

// heldEvent returns the event the announcing sentence of the introduction names, "Hội thảo về
// X", or "".
func heldEvent(intro []block) string {
	for _, b := range intro {
		if !strings.Contains(b.Text, "tổ chức") {
			continue
		}
		if m := heldEventRE.FindStringSubmatch(b.Text); m != nil && len(strings.Fields(m[2])) >= 3 {
			r, n := utf8.DecodeRuneInString(m[1])
			return string(unicode.ToUpper(r)) + m[1][n:] + " " + strings.TrimSpace(m[2])
		}
	}
	return ""
}

// workshopDate finds the date of the document: the workshop's date in the introduction (a full
// date, a day and month "Sáng 22/8" whose year the document's date gives, or a month and year on
// a cover line), else the dated line of a report ("Hà Nội, ngày 5 tháng 6 năm 2023"), else the
// date of the file's metadata. A date that identifies a cited text ("Nghị quyết số 09 ngày ...")
// is no date of the document, and a year the body mentions is never taken.
func workshopDate(intro, all []block, docDate string) (string, int) {
	metaYear := 0
	if len(docDate) >= 4 {
		metaYear, _ = strconv.Atoi(docDate[:4])
	}
	for _, b := range intro {
		t := b.Text
		if len(t) > dateScanBytes {
			// a long paragraph's date of the document is near its start (datesDocument)
			n := dateScanBytes
			for n < len(t) && !utf8.RuneStart(t[n]) {
				n++
			}
			t = t[:n]
		}
		if strings.Contains(t, "tháng") {
			for _, m := range fullDateRE.FindAllStringSubmatchIndex(t, 8) {
				if datesDocument(b.Text, m[0], m[1]) {
					return ymd(t[m[6]:m[7]], t[m[4]:m[5]], t[m[2]:m[3]])
				}
			}
		}
		if !hasNumericDate(t) {
			continue // shortDateRE needs "22/8" or "22-8"
		}
		if d, y := shortDate(b.Text, t, metaYear); y != 0 {
			return d, y
		}
	}
	for _, b := range intro {
		if runesUpTo(b.Text, 100) > 100 {
			continue // a month and year is the workshop's only on a cover line
		}
		if m := monthKeyed.FindStringSubmatch(b.Text); m != nil {
			y, _ := strconv.Atoi(m[2])
			mo, _ := strconv.Atoi(m[1])
			if mo >= 1 && mo <= 12 {
				return fmt.Sprintf("%04d-%02d", y, mo), y
			}
		}
	}
	if d, y := datedLine(all); y != 0 {
		return d, y
	}
	if metaYear != 0 {
		return docDate, metaYear
	}
	return "", 0
}

// namesOrganisation reports a place-and-date line's place that is an organisation's name instead
// ("Huyện ủy Mai Sơn, ngày ..."): the body that issued the text, not where the workshop was held.
func namesOrganisation(place string) bool {
	place = strings.TrimSpace(place)
	sp, ok := orgName(place)
	return ok && sp.Name == place
}

// shortDate returns the first day and month in scan, the start of t, ("Sáng 22/8", "ngày 9/3/2024")
// that dates the document (datesDocument), with its year, else metaYear; "" and 0 when there is
// none or no year.
func shortDate(t, scan string, metaYear int) (string, int) {
	for off := 0; off < len(scan); {
		m := shortDateKeyed.FindStringSubmatchIndex(scan[off:])
		if m == nil {
			return "", 0
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += off
			}
		}
		off = m[1]
		if !datesDocument(t, m[0], m[1]) {
			continue
		}
		year := ""
		if m[6] >= 0 {
			year = t[m[6]:m[7]]
		} else if metaYear != 0 {
			year = strconv.Itoa(metaYear)
		}
		if year == "" {
			return "", 0
		}
		return ymd(year, t[m[4]:m[5]], t[m[2]:m[3]])
	}
	return "", 0
}

// dateScanBytes is how far into a paragraph a date of the document is looked for: datesDocument
// takes none that starts after its first 300 bytes.
const dateScanBytes = 360

// eventNounsFolded name, folded, the events whose date a sentence may give: "... tổ chức hội thảo
// khoa học ngày 15/11/2023".
var eventNounsFolded = []string{"hoi thao", "hoi nghi", "toa dam", "dien dan", "ky hop"}

// datesDocument reports whether the date at t[start:end] is a date of the document rather than
// one its text mentions: it stands on a short line (a cover's or a report's dated line), opens the
// first sentence of its paragraph as a dateline ("Sáng 22/8, ..."), or is given, near the start
// of its paragraph, in a sentence about a workshop; and it identifies no cited text.
func datesDocument(t string, start, end int) bool {
	if citesText(t[:start]) {
		return false
	}
	if runesUpTo(t, 120) <= 120 {
		return true
	}
	from := strings.LastIndexAny(t[:start], ".?!\n") + 1
	if from == 0 && len(t[:start]) < 40 {
		rest := strings.TrimLeft(t[end:], " ")
		if strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, ")") {
			return true // a dateline: "Ngày 15/11/2023, ...", "(Báo X) - Sáng 22/8, ..."
		}
	}
	if start > 300 {
		return false
	}
	to := len(t)
	if i := strings.IndexAny(t[end:], ".?!\n"); i >= 0 {
		to = end + i
	}
	return foldLowerContainsAny(t[from:to], eventNounsFolded)
}

// datedLineRE matches the dated line of a report: a place, then the day, month and year.
var datedLineRE = regexp.MustCompile(`^\p{Lu}[^,\d]{1,40},\s+ngày\s+(\d{1,2})(?:\s+tháng\s+|\s*[/.-]\s*)(\d{1,2})(?:\s+năm\s+|\s*[/.-]\s*)(\d{4})\.?$`)

// datedLine returns the date of the first dated line ("Quy Nhơn, ngày 14 tháng 11 năm 2023") of
// the document, or "" and 0.
func datedLine(blocks []block) (string, int) {
	for _, b := range blocks {
		if !strings.Contains(b.Text, "ngày") {
			continue
		}
		for _, line := range strings.Split(b.Text, "\n") {
			line = strings.TrimSpace(line)
			if len(line) > 120 || !strings.Contains(line, ", ngày") {
				continue
			}
			if m := datedLineRE.FindStringSubmatch(line); m != nil {
				if d, y := ymd(m[3], m[2], m[1]); d != "" {
					return d, y
				}
			}
		}
	}
	return "", 0
}

// citedTextFolded open, folded to ASCII, the name of a text that a date after them identifies.
var citedTextFolded = []string{"nghi quyet", "chi thi", "ket luan", "quyet dinh", "quy dinh", "thong tu", "nghi dinh",
	"huong dan", "cong van", "ke hoach", "de an ", "thong bao", "luat", "van ban", "ban hanh"}

// citesText reports a date preceded, in its clause, by the name of a text it identifies:
// "Chỉ thị số 05-CT/TW ngày 15/5/2016".
func citesText(before string) bool {
	if i := strings.LastIndexAny(before, ".;!?,"); i >= 0 {
		before = before[i+1:] // the clause of the date
	}
	if len(before) > 90 {
		before = before[len(before)-90:]
	}
	return strings.Contains(before, "số ") || strings.Contains(before, "Số ") ||
		foldLowerContainsAny(before, citedTextFolded)
}

// ymd formats a date as YYYY-MM-DD ("" when the month or day is out of range) with its year.
func ymd(y, m, d string) (string, int) {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > 31 {
		return "", yi
	}
	return fmt.Sprintf("%04d-%02d-%02d", yi, mi, di), yi
}

// organisers reads who organised the workshop from the sentence that announces it: "X phối hợp
// với Y tổ chức hội thảo".
func organisers(announce string) []string {
	m := organiserRE.FindStringSubmatch(announce)
	if m == nil {
		return nil
	}
	subject := m[1]
	if i := strings.Index(subject, ", "); i >= 0 && newsDatelineQ.MatchString(subject) {
		subject = subject[i+2:]
	}
	var out []string
	for _, part := range splitOrganisers(subject) {
		if sp, ok := orgName(part); ok && sp.Name == strings.Trim(part, " ,") {
			out = append(out, sp.Name)
		}
	}
	return out
}

// splitOrganisers splits "X phối hợp với Y và Z" at joiners that are followed by the name of an
// organisation, so that "Khối cơ quan và doanh nghiệp" stays whole.
func splitOrganisers(s string) []string {
	var parts []string
	start := 0
	for _, loc := range joinerRE.FindAllStringIndex(s, -1) {
		always := strings.Contains(s[loc[0]:loc[1]], "phối hợp") || strings.Contains(s[loc[0]:loc[1]], "cùng với")
		if !always && orgKeywordLen(s[loc[1]:]) == 0 {
			continue
		}
		parts = append(parts, strings.TrimSpace(s[start:loc[0]]))
		start = loc[1]
	}
	return append(parts, strings.TrimSpace(s[start:]))
}

// firstSentenceWith returns the first sentence of t that contains word (in lower case), or "".
func firstSentenceWith(t, word string) string {
	if !containsLower(t, word) {
		return "" // lower-casing goes rune by rune: no sentence holds word
	}
	found := ""
	eachSentence(t, func(s Span) bool {
		if containsLower(s.Text, word) {
			found = s.Text
		}
		return found == ""
	})
	return found
}

// containsLower is strings.Contains(strings.ToLower(t), word) for a word in lower case, without
// lower-casing t. strings.ToLower maps rune by rune, and only 'T' and 't' lower to 't': when word
// opens with an ASCII letter other than 'i' and 'k' (which 'İ' and the Kelvin sign lower to),
// only its two cases in t can start it.
func containsLower(t, word string) bool {
	if word == "" || word[0] < 'a' || word[0] > 'z' || word[0] == 'i' || word[0] == 'k' {
		return strings.Contains(strings.ToLower(t), word)
	}
	lo, up := word[0], word[0]-'a'+'A'
	for i := 0; i < len(t); i++ {
		if (t[i] == lo || t[i] == up) && hasLowerPrefix(t[i+1:], word[1:]) {
			return true
		}
	}
	return false
}

// hasLowerPrefix reports whether t, lower-cased rune by rune, starts with word.
func hasLowerPrefix(t, word string) bool {
	for _, w := range word {
		r, n := utf8.DecodeRuneInString(t)
		if n == 0 || unicode.ToLower(r) != w {
			return false
		}
		t = t[n:]
	}
	return true
}

// keyedRE finds the leftmost match of an expression whose every match starts with one of a few
// literal keys: it runs the expression anchored at each such position, in order, instead of
// scanning the whole text, and finds what the expression finds.
// The expression must not look behind its start (no \b or ^ first).
type keyedRE struct {
	anchored *regexp.Regexp
	keys     []string
}

func newKeyedRE(re *regexp.Regexp, keys ...string) *keyedRE {
	return &keyedRE{anchored: regexp.MustCompile(`^(?:` + re.String() + `)`), keys: keys}
}

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex of the expression.
func (k *keyedRE) FindStringSubmatchIndex(t string) []int {
	var buf [32]int
	at := buf[:0]
	for _, key := range k.keys {
		for off := 0; off < len(t); {
			i := strings.Index(t[off:], key)
			if i < 0 {
				break
			}
			at = append(at, off+i)
			off += i + 1
		}
	}
	slices.Sort(at)
	for j, p := range at {
		if j > 0 && p == at[j-1] {
			continue
		}
		if m := k.anchored.FindStringSubmatchIndex(t[p:]); m != nil {
			for i := range m {
				if m[i] >= 0 {
					m[i] += p
				}
			}
			return m
		}
	}
	return nil
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch of the expression.
func (k *keyedRE) FindStringSubmatch(t string) []string {
	m := k.FindStringSubmatchIndex(t)
	if m == nil {
		return nil
	}
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = t[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// hasNumericDate reports a digit, '/' or '-' and a digit in t, which shortDateRE needs.
func hasNumericDate(t string) bool {
	for j := 1; j+1 < len(t); j++ {
		if (t[j] == '/' || t[j] == '-') && isDigitByte(t[j-1]) && isDigitByte(t[j+1]) {
			return true
		}
	}
	return false
}
