package pipeline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

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
		if f.title == "" && strings.ContainsAny(b.Text, "“\"") {
			if m := workshopNameRE.FindStringSubmatch(b.Text); m != nil {
				f.title = strings.TrimSpace(m[1])
			}
		}
		if m := coverPlaceRE.FindStringSubmatch(b.Text); m != nil && f.place == "" {
			f.place = strings.TrimSpace(m[1])
		}
		if len(f.organisers) == 0 && strings.Contains(b.Text, "tổ chức") {
			f.organisers = organisers(b.Text)
		}
		if f.place == "" && isIntroParagraph(b.Text) {
			if m := placeRE.FindStringSubmatch(firstSentenceWith(b.Text, "tổ chức")); m != nil {
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

// workshopDate finds the workshop's date in the introduction: a full date, a day and month
// ("Sáng 22/8") with the year taken from the rest of the text, or a month and year.
func workshopDate(intro, all []corpus.Block) (string, int) {
	for _, b := range intro {
		if m := fullDateRE.FindStringSubmatch(b.Text); m != nil {
			return ymd(m[3], m[2], m[1])
		}
		if m := shortDateRE.FindStringSubmatch(b.Text); m != nil {
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
		if m := monthRE.FindStringSubmatch(b.Text); m != nil {
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
		if m := yearRE.FindStringSubmatch(b.Text); m != nil {
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

// organisers reads who organised the workshop from "X phối hợp với Y tổ chức hội thảo".
func organisers(t string) []string {
	m := organiserRE.FindStringSubmatch(firstSentenceWith(t, "tổ chức"))
	if m == nil {
		return nil
	}
	subject := m[1]
	if i := strings.Index(subject, ", "); i >= 0 && newsDatelineRE.MatchString(subject) {
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

// firstSentenceWith returns the first sentence of t that contains word, or "".
func firstSentenceWith(t, word string) string {
	for _, s := range SplitSentences(t) {
		if strings.Contains(strings.ToLower(s.Text), word) {
			return s.Text
		}
	}
	return ""
}
