package pipeline

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
	workshopNameRE = regexp.MustCompile(`(?:[Hh]ội thảo|[Tt]ọa đàm|[Tt]oạ đàm|[Hh]ội nghị|[Dd]iễn đàn)(?:\s+(?:khoa học|chuyên đề|khoa học cấp tỉnh|cấp tỉnh))?(?:\s+(?:với|có)?\s*chủ đề)?\s*:?\s*[“"]([^”"]{5,300})[”"]`)
	fullDateRE     = regexp.MustCompile(`[Nn]gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	shortDateRE    = regexp.MustCompile(`(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)(?:\s+(?:nay|qua|ngày))?\s*\(?(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?`)
	monthRE        = regexp.MustCompile(`[Tt]háng\s+(\d{1,2})(?:\s+năm\s+|\s*[/-]\s*)(\d{4})`)
	anyYearRE      = regexp.MustCompile(`\b(?:19|20)\d{2}\b`)
	yearRE         = regexp.MustCompile(`[Nn]ăm\s+((?:19|20)\d{2})\b|\d{1,2}[/-]\d{1,2}[/-]((?:19|20)\d{2})\b`)
	coverPlaceRE   = regexp.MustCompile(`^(\p{Lu}[^,\d]{1,40}),\s+(?:ngày\s+\S+\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}\.?$`)
	placeRE        = regexp.MustCompile(`\s(?:tại|ở)\s+((?:\p{Lu}|thành phố|tỉnh|huyện|hội trường|trụ sở)[^,.;()“”]{2,80})`)
	organiserRE    = regexp.MustCompile(`^(.{4,300}?)\s+(?:đã\s+)?(?:phối hợp\s+)?(?:đồng\s+)?tổ chức\s+(?:buổi\s+)?(?:[Hh]ội thảo|[Tt]ọa đàm|[Tt]oạ đàm|[Hh]ội nghị|[Dd]iễn đàn)`)
	joinerRE       = regexp.MustCompile(`\s+(?:phối hợp với|phối hợp cùng|cùng với|và)\s+|,\s+`)
)

// The expressions above tried only where a match can start: at the words they open with (or, for
// yearRE, at a date's digits). They find what the expressions find, without scanning the text.
// An expression given another opening word needs it among its keys here.
var (
	workshopNameKeyed = newKeyedRE(workshopNameRE, nil, "Hội thảo", "hội thảo", "Tọa đàm", "tọa đàm", "Toạ đàm",
		"toạ đàm", "Hội nghị", "hội nghị", "Diễn đàn", "diễn đàn")
	fullDateKeyed  = newKeyedRE(fullDateRE, nil, "Ngày", "ngày")
	shortDateKeyed = newKeyedRE(shortDateRE, nil, "Ngày", "ngày", "Sáng", "sáng", "Chiều", "chiều", "Tối", "tối", "Trưa", "trưa")
	monthKeyed     = newKeyedRE(monthRE, nil, "Tháng", "tháng")
	yearKeyed      = newKeyedRE(yearRE, dateDigitStarts, "Năm", "năm")
)

// introBlocks is how many blocks from the start the workshop's announcement is looked for in.
const introBlocks = 8

// fillWorkshop fills the empty fields of doc.Workshop (creating it when nil and something is
// found) from what the text states: the quoted workshop name or the title, the date, the year,
// the place and the organisers.
func fillWorkshop(doc *corpus.Document, blocks []corpus.Block) {
	found := workshopFromText(blocks, doc)
	if doc.Workshop == nil {
		if found.title == "" && found.date == "" && found.place == "" && found.year == 0 && len(found.organisers) == 0 {
			return
		}
		doc.Workshop = &corpus.Workshop{}
	}
	w := doc.Workshop
	if w.Title == "" {
		w.Title = found.title
	}
	if w.Date == "" {
		w.Date = found.date
	}
	if w.Year == 0 {
		w.Year = found.year
		if w.Year == 0 && len(w.Date) >= 4 {
			w.Year, _ = strconv.Atoi(w.Date[:4])
		}
	}
	if w.Place == "" {
		w.Place = found.place
	}
	if len(w.Organisers) == 0 {
		w.Organisers = found.organisers
	}
}

// workshopFacts are the workshop metadata found in a document's text.
type workshopFacts struct {
	title, date, place string
	year               int
	organisers         []string
}

// workshopFromText reads the workshop metadata from the introduction (the first blocks) and the
// rest of the text.
func workshopFromText(blocks []corpus.Block, doc *corpus.Document) workshopFacts {
	var f workshopFacts
	intro := blocks[:min(len(blocks), introBlocks)]
	for _, b := range intro {
		if f.title == "" && (strings.Contains(b.Text, "“") || strings.IndexByte(b.Text, '"') >= 0) {
			if m := workshopNameKeyed.FindStringSubmatch(b.Text); m != nil {
				f.title = strings.TrimSpace(m[1])
			}
		}
		if f.place == "" && strings.Contains(b.Text, "tháng") { // coverPlaceRE needs "tháng"
			if m := coverPlaceRE.FindStringSubmatch(b.Text); m != nil && !namesOrganisation(m[1]) {
				f.place = strings.TrimSpace(m[1])
			}
		}
		if f.place == "" && strings.HasPrefix(b.Text, "Địa điểm") { // minutes: "Địa điểm: Hội trường X."
			if rest, ok := strings.CutPrefix(strings.TrimPrefix(b.Text, "Địa điểm"), ":"); ok {
				f.place = strings.TrimRight(strings.TrimSpace(strings.SplitN(rest, "\n", 2)[0]), " .;")
			}
		}
		needOrganisers := len(f.organisers) == 0 && strings.Contains(b.Text, "tổ chức")
		if !needOrganisers && f.place != "" {
			continue
		}
		announce := firstSentenceWith(b.Text, "tổ chức")
		if needOrganisers {
			f.organisers = organisers(announce)
		}
		// placeRE matches nothing in "": the sentence is looked for before the paragraph
		if f.place == "" && announce != "" && isIntroParagraph(b.Text) {
			if m := placeRE.FindStringSubmatch(announce); m != nil {
				f.place = strings.TrimSpace(m[1])
			}
		}
	}
	if f.title == "" && len(doc.Sections) > 0 {
		f.title = doc.Sections[0].Heading
	}
	f.date, f.year = workshopDate(intro, blocks)
	if len(f.organisers) == 0 && doc.Shape == corpus.ShapeProceedings && len(blocks) > 0 {
		if sp, ok := orgName(blocks[0].Text); ok && sp.Name == strings.Trim(blocks[0].Text, " ,") {
			f.organisers = []string{sp.Name}
		}
	}
	return f
}

// namesOrganisation reports a place-and-date line's place that is an organisation's name instead
// ("Huyện ủy Mai Sơn, ngày ..."): the body that issued the text, not where the workshop was held.
func namesOrganisation(place string) bool {
	place = strings.TrimSpace(place)
	sp, ok := orgName(place)
	return ok && sp.Name == place
}

// workshopDate finds the workshop's date in the introduction: a full date, a day and month
// ("Sáng 22/8") with the year taken from the rest of the text, or a month and year.
func workshopDate(intro, all []corpus.Block) (string, int) {
	for _, b := range intro {
		if strings.Contains(b.Text, "tháng") {
			if m := fullDateKeyed.FindStringSubmatch(b.Text); m != nil {
				return ymd(m[3], m[2], m[1])
			}
		}
		if !hasNumericDate(b.Text) {
			continue // shortDateRE needs "22/8" or "22-8"
		}
		if m := shortDateKeyed.FindStringSubmatch(b.Text); m != nil {
			year := m[3]
			if year == "" {
				year = anyYearRE.FindString(b.Text)
			}
			if year == "" {
				year = contextYear(all)
			}
			if year == "" {
				return "", 0
			}
			return ymd(year, m[2], m[1])
		}
	}
	for _, b := range intro {
		if m := monthKeyed.FindStringSubmatch(b.Text); m != nil {
			y, _ := strconv.Atoi(m[2])
			mo, _ := strconv.Atoi(m[1])
			if mo >= 1 && mo <= 12 {
				return fmt.Sprintf("%04d-%02d", y, mo), y
			}
		}
	}
	if y := contextYear(all); y != "" {
		n, _ := strconv.Atoi(y)
		return "", n
	}
	return "", 0
}

// contextYear returns the first year the text states as "năm 2023" or in a full date, or "".
func contextYear(blocks []corpus.Block) string {
	for _, b := range blocks {
		if !strings.Contains(b.Text, "ăm ") && !strings.Contains(b.Text, "/") && !strings.Contains(b.Text, "-") {
			continue // neither "năm" nor a date
		}
		if m := yearKeyed.FindStringSubmatch(b.Text); m != nil {
			return m[1] + m[2]
		}
	}
	return ""
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
// literal keys (or at a position starts adds): it runs the expression anchored at each such
// position, in order, instead of scanning the whole text, and finds what the expression finds.
// The expression must not look behind its start (no \b or ^ first).
type keyedRE struct {
	anchored *regexp.Regexp
	keys     []string
	starts   func(t string, at []int) []int // more positions a match can start at, or nil
}

func newKeyedRE(re *regexp.Regexp, starts func(string, []int) []int, keys ...string) *keyedRE {
	return &keyedRE{anchored: regexp.MustCompile(`^(?:` + re.String() + `)`), keys: keys, starts: starts}
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
	if k.starts != nil {
		at = k.starts(t, at)
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

// dateDigitStarts adds where a date written with '/' or '-' can start: one or two digits before
// a separator.
func dateDigitStarts(t string, at []int) []int {
	for j := 1; j < len(t); j++ {
		if (t[j] == '/' || t[j] == '-') && isDigitByte(t[j-1]) {
			at = append(at, j-1)
			if j >= 2 && isDigitByte(t[j-2]) {
				at = append(at, j-2)
			}
		}
	}
	return at
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
