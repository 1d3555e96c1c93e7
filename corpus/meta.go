package corpus

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"thamluan/corpus/pdf"
	"thamluan/corpus/vntext"
)

// chooseTitle returns a document's title: the title its text states (textTitle), else the
// title its metadata states unless that is a left-over of a template or a converter, else the
// kind of document alone ("BÁO CÁO") when the text states only that, else the file name.
func chooseTitle(blocks []Block, meta, path string) string {
	t := textTitle(blocks)
	if t != "" && classifyLine(t) != roleGenre {
		return t
	}
	if meta = cleanMetaTitle(meta, path); meta != "" {
		return meta
	}
	if t != "" {
		return t
	}
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// genericTitles are metadata titles that name no document.
var genericTitles = map[string]bool{"untitled": true, "untitled document": true, "document": true,
	"title": true, "no title": true, "new document": true, "presentation": true,
	"powerpoint presentation": true, "slide 1": true, "không tiêu đề": true, "không có tiêu đề": true,
	"tài liệu": true, "tài liệu không có tiêu đề": true, "văn bản": true, "tiêu đề": true, "trang chủ": true,
	"home": true, "index": true, "bản trình bày powerpoint": true}

// generatorPrefixes start the titles converters give a file ("Microsoft Word - bao cao.doc").
var generatorPrefixes = []string{"microsoft word -", "microsoft powerpoint -", "microsoft excel -", "word -",
	"untitled", "copy of ", "bản sao của ", "document1", "doc1", "presentation1"}

// fileSuffixes end titles that are file names.
var fileSuffixes = []string{".doc", ".docx", ".pdf", ".odt", ".rtf", ".txt", ".ppt", ".pptx", ".indd",
	".html", ".htm", ".tex", ".dvi", ".xls", ".xlsx"}

// cleanMetaTitle returns a metadata title in NFC, or "" when it names no document: a converter's
// or template's left-over ("Microsoft Word - x.docx", "untitled", a file name, a template name),
// the file's own name, or too short or garbled to be a title.
func cleanMetaTitle(t, path string) string {
	t = strings.Join(strings.Fields(vntext.Clean(t)), " ")
	l := strings.ToLower(t)
	stem := strings.ToLower(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	switch {
	case letters(t) < 4 || genericTitles[strings.Trim(l, " .")] || hasPrefixAny(l, generatorPrefixes):
		return ""
	case containsAny(l, []string{"template", "mẫu trình bày"}) || fileLike.MatchString(t) || l == stem:
		return ""
	case vntext.Quality(t) < 0.5:
		return ""
	}
	for _, s := range fileSuffixes {
		if strings.HasSuffix(l, s) {
			return ""
		}
	}
	return t
}

// siteSuffix matches the name of a site after a page title: "… - Báo Nhân Dân", "… | VOV.VN".
var siteSuffix = regexp.MustCompile(`\s+[-|–—:]\s+[^-|–—]{2,40}$`)

// pageTitle is a web page's <title> without the site name after it.
func pageTitle(t string) string {
	if loc := siteSuffix.FindStringIndex(t); loc != nil && len(strings.Fields(t[loc[0]:])) <= 6 && letters(t[:loc[0]]) >= 10 {
		return strings.TrimSpace(t[:loc[0]])
	}
	return t
}

// applyPDFMeta sets the metadata title and the date of a PDF: the information dictionary first,
// the XMP packet for what it lacks.
func applyPDFMeta(doc *Document, m pdf.Meta) {
	doc.Title = firstNonEmpty(cleanMetaTitle(m.Title, ""), cleanMetaTitle(m.XMPTitle, ""))
	doc.Date = firstNonEmpty(NormalizeDate(m.Created), NormalizeDate(m.XMPCreated))
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

var (
	// pdfDate is a PDF date string: D:YYYYMMDDHHmmSS with optional parts and zone.
	pdfDate = regexp.MustCompile(`^(?:D:)?(\d{4})(\d{2})?(\d{2})?`)
	// isoDate is an ISO 8601 or W3CDTF date, with or without its time.
	isoDate = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]|$)`)
	// dmyDate is a date written day first, as Vietnamese sites do: 15/11/2023, 15-11-2023 08:30.
	dmyDate = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b`)
)

// minYear is the earliest year a file's metadata is believed for: earlier dates are the zero
// values of tools (1601-01-01, 1970-01-01 and the like).
const minYear = 1985

// NormalizeDate turns a date as file metadata writes it (a PDF date "D:20231115083000+07'00'",
// ISO 8601 "2023-11-15T08:30:00Z", "15/11/2023") into YYYY-MM-DD, YYYY-MM or YYYY, as precise as
// the input. A time written in UTC ("…Z", as Word and LibreOffice write it) is read in Vietnam's
// time zone (UTC+7), where the documents are written, so that a file saved at 23:59 on the 27th is
// dated the 28th as its author saw it. It returns "" for text that is no date, an impossible date,
// or a year before 1985 or after next year.
func NormalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if t, ok := utcTime(s); ok {
		s = t.In(vietnamZone).Format("2006-01-02")
	}
	var y, m, d string
	if x := dmyDate.FindStringSubmatch(s); x != nil {
		y, m, d = x[3], x[2], x[1]
	} else if x := isoDate.FindStringSubmatch(s); x != nil {
		y, m, d = x[1], x[2], x[3]
	} else if x := pdfDate.FindStringSubmatch(s); x != nil && (strings.HasPrefix(s, "D:") || len(s) >= 8 && isDigits(s[:8])) {
		y, m, d = x[1], x[2], x[3]
	} else {
		return ""
	}
	year, _ := strconv.Atoi(y)
	if year < minYear || year > time.Now().Year()+1 {
		return ""
	}
	if m == "" {
		return y
	}
	month, _ := strconv.Atoi(m)
	if month < 1 || month > 12 {
		return ""
	}
	if d == "" {
		return fmt.Sprintf("%04d-%02d", year, month)
	}
	day, _ := strconv.Atoi(d)
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if day < 1 || t.Month() != time.Month(month) {
		return ""
	}
	return t.Format("2006-01-02")
}

// vietnamZone is Vietnam's time zone, UTC+7 all year.
var vietnamZone = time.FixedZone("ICT", 7*3600)

var (
	isoUTC = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)$`)
	pdfUTC = regexp.MustCompile(`^D:\d{14}(?:Z|[+-]00'?00'?)'?$`)
)

// utcTime parses a date and time written in UTC, ISO 8601 or a PDF date.
func utcTime(s string) (time.Time, bool) {
	switch {
	case isoUTC.MatchString(s):
		norm := strings.Replace(s[:16], " ", "T", 1)
		t, err := time.Parse("2006-01-02T15:04", norm)
		return t, err == nil
	case pdfUTC.MatchString(s):
		t, err := time.Parse("20060102150405", s[2:16])
		return t, err == nil
	}
	return time.Time{}, false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
