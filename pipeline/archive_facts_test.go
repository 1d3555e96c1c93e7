package pipeline

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"thamluan/corpus"
	"thamluan/corpus/vntext"
	"thamluan/pipeline/structure"
)

// The facts of the messy archive: a workshop, a year and a speaker are what the document states.

// archiveEventWords name, folded, a kind of event; a workshop's name comes with one of them.
var archiveEventWords = []string{"hoi thao", "hoi nghi", "toa dam", "dien dan"}

var (
	// archiveDateYearRE finds the year of a date written in full, by month or with digits.
	archiveDateYearRE = regexp.MustCompile(`(?:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+|[Tt]háng\s+\d{1,2}\s*(?:năm\s+|[/-]\s*)|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)((?:19|20)\d{2})`)
	// archiveDatedLineRE finds the year of a report's dated line: "Place, ngày 5 tháng 6 năm 2023".
	archiveDatedLineRE = regexp.MustCompile(`^\p{Lu}[^,\d]{1,40},\s+ngày\s+\d{1,2}(?:\s+tháng\s+|\s*[/.-]\s*)\d{1,2}(?:\s+năm\s+|\s*[/.-]\s*)(\d{4})\.?$`)
)

// archiveIntroBlocks is how many blocks from the start of a document hold its own date, and
// archiveOpeningBytes how far into a long paragraph.
const (
	archiveIntroBlocks  = 10
	archiveOpeningBytes = 400
)

// squash folds s to lower-case ASCII with single spaces, to find one text in another.
func squash(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(vntext.Fold(s))), " ")
}

// docText returns the text of doc as read, squashed.
func docText(doc *corpus.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		b.WriteString(bl.Text)
		b.WriteString("\n")
	}
	return squash(b.String())
}

// statedYears returns the years that a date of doc states: its workshop.toml, its metadata, a date
// in its opening blocks and the dated line of a report.
func statedYears(doc *corpus.Document, toml *corpus.Workshop) map[int]bool {
	years := map[int]bool{}
	if toml != nil && toml.Year != 0 {
		years[toml.Year] = true
	}
	if len(doc.Date) >= 4 {
		y, _ := strconv.Atoi(doc.Date[:4])
		years[y] = true
	}
	for i, b := range doc.Blocks {
		if i < archiveIntroBlocks {
			// a date of the document opens its text: on a short line or in a paragraph's opening
			intro := b.Text
			if utf8.RuneCountInString(intro) > 120 && len(intro) > archiveOpeningBytes {
				intro = intro[:archiveOpeningBytes]
			}
			for _, m := range archiveDateYearRE.FindAllStringSubmatch(intro, -1) {
				y, _ := strconv.Atoi(m[1])
				years[y] = true
			}
		}
		for _, line := range strings.Split(b.Text, "\n") {
			if m := archiveDatedLineRE.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
				y, _ := strconv.Atoi(m[1])
				years[y] = true
			}
		}
	}
	return years
}

// namedWorkshop reports whether the text of doc names title as a workshop: the title occurs in
// the text and names the event itself, or an event word stands shortly before it.
func namedWorkshop(text, title string) bool {
	t := squash(title)
	if t == "" {
		return false
	}
	for _, w := range archiveEventWords {
		if strings.HasPrefix(t, w) && strings.Contains(text, t) {
			return true
		}
	}
	for off := 0; ; {
		i := strings.Index(text[off:], t)
		if i < 0 {
			return false
		}
		before := text[max(0, off+i-120) : off+i]
		for _, w := range archiveEventWords {
			if strings.Contains(before, w) {
				return true
			}
		}
		off += i + 1
	}
}

// TestArchiveWorkshopsStated checks that no document of the messy archive gets a workshop or a
// year that it does not state: a workshop's name comes from workshop.toml or is named as a
// workshop by the text, and a year is that of a date of the document.
func TestArchiveWorkshopsStated(t *testing.T) {
	docs := messyArchive(t)
	var badTitle, badYear []string
	for _, d := range docs {
		w := d.Workshop
		if w == nil {
			continue
		}
		toml, _ := corpus.FindWorkshop(d.Path, "")
		if w.Title != "" && (toml == nil || toml.Title != w.Title) && !namedWorkshop(docText(d), w.Title) {
			badTitle = append(badTitle, d.Path+": "+w.Title)
		}
		if w.Year != 0 && !statedYears(d, toml)[w.Year] {
			badYear = append(badYear, d.Path+": "+strconv.Itoa(w.Year)+" ("+d.Title+")")
		}
	}
	for _, s := range head(badTitle, 20) {
		t.Errorf("workshop the document does not name: %s", s)
	}
	for _, s := range head(badYear, 20) {
		t.Errorf("year in no date of the document: %s", s)
	}
	if n := len(badTitle) + len(badYear); n > 0 {
		t.Errorf("%d workshops and %d years not stated, of %d documents", len(badTitle), len(badYear), len(docs))
	}
}

// documentLabels are, folded, the labels of a document or of its parts and the names of
// ceremonies: none is a speaker.
var documentLabels = []string{"do an", "luan van", "luan an", "khoa luan", "loi cam doan", "loi cam on", "loi noi dau",
	"loi gioi thieu", "loi mo dau", "muc luc", "phu luc", "tai lieu tham khao", "danh muc", "chuong ", "le trao",
	"le ky niem", "le khai mac", "tom tat", "abstract", "ket luan", "mo dau", "de cuong", "giao trinh",
	"thong tin chung", "ban bien tap", "tong bi thu", "bao cao", "huong dan"}

var (
	// headlinePunct marks a headline, not a name: a colon, a question or exclamation mark, quotes.
	headlinePunct = regexp.MustCompile(`[:?!“”"]|\s['‘’]|['‘’](?:\s|$)`)
	// headlineVerbs are, folded, the verbs of news headlines that no organisation's name holds.
	headlineVerbs = regexp.MustCompile(`\b(?:ra tuyen bo|cong bo|bac tin|san sang|vao cuoc|tung chieu|chung minh|phat di|xong dat|doi mat|bi dinh chi|tam dung|keu goi|co hieu truong)\b`)
)

// speakerProblem says why a speaker facet value is a headline or a document label, or "".
func speakerProblem(s corpus.Section) string {
	v := s.Speaker
	f := squash(v)
	for _, l := range documentLabels {
		if strings.HasPrefix(f+" ", l) {
			return "a document label"
		}
	}
	if headlinePunct.MatchString(v) || headlineVerbs.MatchString(f) || len(strings.Fields(v)) > 14 {
		return "a headline"
	}
	if s.SpeakerKind == "person" && (strings.HasPrefix(v, "Đảng ") || len(strings.Fields(v)) > 6 ||
		structure.OrgKeywordLen(v) > 0 && !structure.IsSurname(strings.Fields(v)[0])) {
		return "no person's name"
	}
	return ""
}

// TestArchiveSpeakersAreSpeakers checks that no speaker of the messy archive is a headline or a
// document label, and that each speaker is named in the document (an author line is in no
// section's text).
func TestArchiveSpeakersAreSpeakers(t *testing.T) {
	docs := messyArchive(t)
	var bad []string
	seen := map[string]bool{}
	n := 0
	for _, d := range docs {
		text := ""
		for _, s := range d.Sections {
			if s.Speaker == "" {
				continue
			}
			n++
			why := speakerProblem(s)
			if why == "" && text == "" {
				text = docText(d)
			}
			if why == "" && !strings.Contains(text, squash(s.Speaker)) {
				why = "named nowhere in the document"
			}
			if why != "" && !seen[d.Path+s.Speaker] {
				seen[d.Path+s.Speaker] = true
				bad = append(bad, d.Path+": "+s.Speaker+" ("+s.SpeakerKind+"): "+why)
			}
		}
	}
	for _, s := range head(bad, 30) {
		t.Errorf("speaker that is no speaker: %s", s)
	}
	if len(bad) > 0 {
		t.Errorf("%d speakers (of documents) of %d sections are no speakers", len(bad), n)
	}
}

// head returns the first n elements of s.
func head(s []string, n int) []string { return s[:min(n, len(s))] }
