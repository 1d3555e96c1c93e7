package pdf

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	lpdf "github.com/ledongthuc/pdf"

	"thamluan/corpus/vntext"
)

// Meta is what a PDF file says about itself: the document information dictionary and the XMP
// metadata stream of the catalog. Strings are as the file writes them (dates unparsed); a field
// the file does not have is "".
type Meta struct {
	Title      string // /Info /Title
	Created    string // /Info /CreationDate, a PDF date such as "D:20231115083000+07'00'"
	XMPTitle   string // dc:title of the XMP packet (its x-default entry)
	XMPCreated string // xmp:CreateDate of the XMP packet, ISO 8601
}

// maxXMP bounds the XMP packet read; real packets are a few kilobytes.
const maxXMP = 1 << 20

// readMeta reads the information dictionary and the XMP packet of r; a broken or missing part
// leaves its fields empty and is never an error.
func readMeta(r *lpdf.Reader, st *docState) (m Meta) {
	defer func() {
		if x := recover(); x != nil {
			m = Meta{}
		}
	}()
	if st.rc4 != nil {
		return m // the parser decrypts the strings of these files wrongly
	}
	info := r.Trailer().Key("Info")
	m.Title = metaString(info.Key("Title").RawString())
	m.Created = strings.TrimSpace(metaString(info.Key("CreationDate").RawString()))
	md := r.Trailer().Key("Root").Key("Metadata")
	if md.Kind() == lpdf.Stream {
		if b, err := st.read(md); err == nil && len(b) <= maxXMP {
			m.XMPTitle, m.XMPCreated = parseXMP(string(b))
		}
	}
	return m
}

// metaString decodes a PDF text string: UTF-16 with a byte-order mark, UTF-8 (which some
// producers write although the format does not allow it), else PDFDocEncoding.
func metaString(s string) string {
	switch {
	case len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF:
		return collapse(vntext.DecodeUTF16([]byte(s[2:]), true))
	case len(s) >= 2 && s[0] == 0xFF && s[1] == 0xFE:
		return collapse(vntext.DecodeUTF16([]byte(s[2:]), false))
	case len(s) >= 3 && s[:3] == "\xEF\xBB\xBF":
		s = s[3:]
	}
	if utf8.ValidString(s) {
		return collapse(s)
	}
	r := make([]rune, 0, len(s))
	for i := 0; i < len(s); i++ {
		r = append(r, pdfDocRune(s[i]))
	}
	return collapse(string(r))
}

// pdfDocRune maps a byte of PDFDocEncoding to its rune: Latin-1 with the typographic characters
// of 0x80-0x9F (PDF 32000-1, table D.2); control bytes become spaces.
func pdfDocRune(c byte) rune {
	if c >= 0x80 && c <= 0x9F {
		return pdfDocHigh[c-0x80]
	}
	if c < 0x20 || c == 0x7F {
		return ' '
	}
	return rune(c)
}

var pdfDocHigh = [32]rune{'•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘',
	'’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', ' '}

// collapse joins the words of s with single spaces, dropping NULs and control characters.
func collapse(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == utf8.RuneError {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

var (
	xmpTitle       = regexp.MustCompile(`(?s)<dc:title\b[^>]*>(.*?)</dc:title>`)
	xmpLi          = regexp.MustCompile(`(?s)<rdf:li\b([^>]*)>(.*?)</rdf:li>`)
	xmpCreateElem  = regexp.MustCompile(`<xmp:CreateDate>\s*([^<]+?)\s*</xmp:CreateDate>`)
	xmpCreateAttr  = regexp.MustCompile(`xmp:CreateDate\s*=\s*["']([^"']+)["']`)
	xmpTitleAttr   = regexp.MustCompile(`dc:title\s*=\s*["']([^"']+)["']`)
	xmpDefaultLang = regexp.MustCompile(`xml:lang\s*=\s*["']x-default["']`)
)

// parseXMP returns dc:title (the x-default entry of its language alternatives, else the first)
// and xmp:CreateDate of an XMP packet.
func parseXMP(x string) (title, created string) {
	if m := xmpTitle.FindStringSubmatch(x); m != nil {
		lis := xmpLi.FindAllStringSubmatch(m[1], -1)
		for i, li := range lis {
			if i == 0 || xmpDefaultLang.MatchString(li[1]) {
				title = li[2]
			}
		}
		if len(lis) == 0 {
			title = m[1]
		}
	} else if m := xmpTitleAttr.FindStringSubmatch(x); m != nil {
		title = m[1]
	}
	if m := xmpCreateElem.FindStringSubmatch(x); m != nil {
		created = m[1]
	} else if m := xmpCreateAttr.FindStringSubmatch(x); m != nil {
		created = m[1]
	}
	return collapse(html.UnescapeString(stripTags(title))), strings.TrimSpace(html.UnescapeString(created))
}

var tag = regexp.MustCompile(`<[^>]*>`)

func stripTags(s string) string { return tag.ReplaceAllString(s, " ") }
