package corpus

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus/pdf"
	"thamluan/corpus/vntext"
)

// pdfMinQuality is the share of well-formed words below which a PDF's text layer is taken for
// garbage that needs OCR.
const pdfMinQuality = 0.6

// ErrNeedsOCR is wrapped by Read for a PDF whose text layer is missing or garbage.
var ErrNeedsOCR = errors.New("text layer is missing or garbage: needs OCR")

// numbered matches the start of a numbered heading or list item: "I.", "1.", "1.2.", "a)".
var numbered = regexp.MustCompile(`^(?:[IVXLC]{1,6}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)])\s+\S`)

// readPDF reads the text layer of a PDF and turns its lines into paragraphs and headings.
func readPDF(path string, data []byte, opt ReadOptions) (*Document, error) {
	px, err := pdf.Extract(data, pdf.Options{})
	if err != nil {
		return nil, err
	}
	ocrRes, err := ocrPDF(path, data, px, opt.OCR)
	if err != nil {
		return nil, err
	}
	doc := &Document{Pages: len(px.Pages), Warnings: append([]string{}, px.Warnings...)}
	applyPDFMeta(doc, px.Meta)
	var all strings.Builder
	for _, p := range px.Pages {
		for _, l := range p.Lines {
			all.WriteString(l.Text)
			all.WriteByte('\n')
		}
	}
	text := all.String()
	doc.Encoding, doc.Warnings = legacyNote(px.Legacy, utf8.RuneCountInString(text), doc.Warnings)
	if bad := garbagePages(px.Pages); len(bad) > 0 && len(bad) < len(px.Pages) {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("the text layer of pages %v looks like garbage: they need OCR", bad))
	}
	if empty := emptyPages(px.Pages); empty > 0 && empty < len(px.Pages) {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%d of %d pages have no text layer (scanned?): they need OCR", empty, len(px.Pages)))
	}
	doc.Quality = textQuality(text)
	ocrNote(doc, ocrRes)
	if strings.TrimSpace(text) == "" || doc.Quality < pdfMinQuality {
		w := fmt.Sprintf("the text layer looks like garbage (quality %.2f): needs OCR", doc.Quality)
		if strings.TrimSpace(text) == "" {
			w = "the PDF has no text layer (scanned pages?): needs OCR"
		}
		doc.Warnings = append(doc.Warnings, w)
		if !opt.AllowLowQuality {
			return nil, fmt.Errorf("%w (quality %.2f over %d pages)", ErrNeedsOCR, doc.Quality, doc.Pages)
		}
	}
	doc.Blocks = pdfBlocks(px.Pages, doc.OCRPages)
	return doc, nil
}

// legacyNote names the legacy encoding of most of the text drawn in legacy Vietnamese fonts and
// adds a warning saying it was decoded.
func legacyNote(legacy map[string]int, total int, warnings []string) (string, []string) {
	enc, best := "", 0
	for e, n := range legacy {
		if n > best || n == best && e < enc {
			enc, best = e, n
		}
	}
	if enc == "" {
		return "", warnings
	}
	w := fmt.Sprintf("%d characters in %s fonts decoded to Unicode", best, strings.ToUpper(enc))
	warnings = append(warnings, w)
	if best*5 < total { // a few legacy-font runs in a Unicode document
		return "", warnings
	}
	return enc, warnings
}

// garbagePages lists the pages with enough text to judge whose text layer scores below
// pdfMinQuality.
func garbagePages(pages []pdf.Page) []int {
	var bad []int
	for _, p := range pages {
		var b strings.Builder
		for _, l := range p.Lines {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
		if len(strings.Fields(b.String())) >= 20 && textQuality(b.String()) < pdfMinQuality {
			bad = append(bad, p.Number)
		}
	}
	return bad
}

func emptyPages(pages []pdf.Page) int {
	n := 0
	for _, p := range pages {
		if len(p.Lines) == 0 && len(p.Furniture) == 0 {
			n++
		}
	}
	return n
}

// textQuality is vntext.Quality made stricter for text layers, as broken font maps give text that
// passes as ASCII words: it is lowered by the share of words mixing letters with symbols
// ("WK{QJ"), of lower-case ASCII words without a vowel (a producer that dropped the Vietnamese
// letters: "Nhng kt qu"), and of characters no font map that works produces (dingbats,
// private-use and control characters).
func textQuality(s string) float64 {
	q := vntext.Quality(s)
	words := strings.Fields(s)
	if len(words) == 0 {
		return q
	}
	junk, vowelless := 0, 0
	for _, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) })
		if junkWord(w) {
			junk++
		}
		if len(w) > 1 && isLowerASCIIWord(w) && !strings.ContainsAny(strings.ToLower(w), "aeiouy") {
			vowelless++
		}
	}
	runes, odd := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		runes++
		if r == utf8.RuneError || unicode.Is(unicode.So, r) || unicode.Is(unicode.Co, r) || unicode.IsControl(r) {
			odd++
		}
	}
	n := float64(len(words))
	q *= (1 - float64(junk)/n) * max(0, 1-2*float64(vowelless)/n)
	if runes > 0 {
		q *= 1 - float64(odd)/float64(runes)
	}
	return q
}

// isLowerASCIIWord reports an ASCII word of letters that is not in capitals (an abbreviation).
func isLowerASCIIWord(w string) bool {
	lower := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return lower
}

// junkWord reports a word that no font map that works produces: letters mixed with digits or
// symbols, or replacement and control characters.
func junkWord(w string) bool {
	letters, other := 0, 0
	for _, r := range w {
		switch {
		case r == utf8.RuneError || r < 0x20 || (r >= 0xE000 && r <= 0xF8FF):
			return true
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			letters++
		case unicode.IsDigit(r) || r == '-' || r == '.' || r == ',' || r == '/' || r == '\'' || r == '’':
		default:
			other++
		}
	}
	return letters > 0 && other > 0
}

// pdfBlocks joins the lines of the pages into paragraphs and headings. Pages read by OCR (their
// numbers in ocrPages) are measured apart from the text-layer pages: a scan is printed at its own
// scale, so its body size says nothing of the text pages' and the reverse.
func pdfBlocks(pages []pdf.Page, ocrPages []int) []Block {
	var scanned, typed []pdf.Page
	for _, p := range pages {
		if slices.Contains(ocrPages, p.Number) {
			scanned = append(scanned, p)
		} else {
			typed = append(typed, p)
		}
	}
	bodyScanned, bodyTyped := bodyMetrics(scanned), bodyMetrics(typed)
	var blocks []Block
	var cur *Block
	var prev *pdf.Line
	for pi := range pages {
		p := &pages[pi]
		body := bodyTyped
		if slices.Contains(ocrPages, p.Number) {
			body = bodyScanned
		}
		for li := range p.Lines {
			l := &p.Lines[li]
			head := isHeading(l, body)
			joins := cur != nil && !newParagraph(prev, l, cur, body, p.Number)
			if joins && (!head || cur.Kind == BlockHeading && !numbered.MatchString(l.Text)) {
				cur.Text = joinLine(cur.Text, l.Text)
				prev = l
				continue
			}
			kind := BlockParagraph
			if head {
				kind = BlockHeading
			}
			if !head && shortNumbered(l, body) && li+1 < len(p.Lines) && startsUpper(p.Lines[li+1].Text) {
				kind = BlockHeading
			}
			blocks = append(blocks, Block{Text: l.Text, Kind: kind, Page: p.Number})
			cur = &blocks[len(blocks)-1]
			prev = l
		}
	}
	for i := range blocks {
		blocks[i].Text = strings.TrimSpace(blocks[i].Text)
	}
	return blocks
}

// metrics describes the body text: its font size, line spacing and left margin per column.
type metrics struct {
	size, leading float64
	left, right   map[int]float64
}

func bodyMetrics(pages []pdf.Page) metrics {
	sizes := map[float64]int{}
	var gaps []float64
	lefts, rights := map[int][]float64{}, map[int][]float64{}
	for _, p := range pages {
		for i, l := range p.Lines {
			sizes[l.Size] += utf8.RuneCountInString(l.Text)
			lefts[l.Column] = append(lefts[l.Column], l.X)
			rights[l.Column] = append(rights[l.Column], l.EndX)
			if i > 0 && p.Lines[i-1].Column == l.Column {
				if d := p.Lines[i-1].Y - l.Y; d > 0 {
					gaps = append(gaps, d)
				}
			}
		}
	}
	m := metrics{size: 10, leading: 12, left: map[int]float64{}, right: map[int]float64{}}
	best := 0
	for s, n := range sizes {
		if n > best {
			m.size, best = s, n
		}
	}
	if len(gaps) > 0 {
		sort.Float64s(gaps)
		m.leading = gaps[len(gaps)/2]
	}
	for c, xs := range lefts {
		sort.Float64s(xs)
		m.left[c] = xs[len(xs)/10] // the left margin, robust to a few outdented lines
	}
	for c, xs := range rights {
		sort.Float64s(xs)
		m.right[c] = xs[len(xs)*9/10]
	}
	return m
}

// isHeading reports a short line that is larger than the body text, or bold, or in capitals,
// and starts like a numbered heading or stands alone.
func isHeading(l *pdf.Line, m metrics) bool {
	n := utf8.RuneCountInString(l.Text)
	if n > 150 || n < 2 || strings.HasSuffix(l.Text, ",") {
		return false
	}
	larger := l.Size > m.size*1.15
	caps := vntext.IsCapsLine(l.Text)
	return larger || (numbered.MatchString(l.Text) && (l.Bold || caps)) || (caps && n > 4 && l.Bold)
}

// newParagraph decides whether line l starts a new block after prev, the last line of cur.
func newParagraph(prev, l *pdf.Line, cur *Block, m metrics, page int) bool {
	if shortNumbered(prev, m) && prev.Text == cur.Text {
		return true // a numbered heading in the body font, alone on its line
	}
	if cur.Kind == BlockHeading {
		return !(prev.Size == l.Size && prev.Bold == l.Bold && vntext.IsCapsLine(prev.Text) == vntext.IsCapsLine(l.Text) &&
			cur.Page == page && prev.Y-l.Y < math.Max(m.leading*1.3, prev.Size*1.6))
	}
	ended := endsSentence(cur.Text)
	if cur.Page != page || prev.Column != l.Column {
		return ended && l.X > m.left[l.Column]+m.size*0.8 || ended && numbered.MatchString(l.Text)
	}
	gap := prev.Y - l.Y
	switch {
	case gap > m.leading*1.4 || gap < -m.size:
		return true
	case math.Abs(l.Size-prev.Size) > m.size*0.2:
		return true
	case numbered.MatchString(l.Text) && (ended || strings.HasSuffix(cur.Text, ":")):
		return true
	case ended && l.X > m.left[l.Column]+m.size*0.8:
		return true // an indented first line
	case ended && prev.EndX < l.EndX-m.size*4:
		return true // the previous line stopped short of the right margin
	}
	return false
}

// shortNumbered reports a numbered line that stops well before the right margin without final
// punctuation: a heading such as "1. Những kết quả đạt được" set in the body font.
func shortNumbered(l *pdf.Line, m metrics) bool {
	t := strings.TrimSpace(l.Text)
	if !numbered.MatchString(t) || utf8.RuneCountInString(t) > 100 || strings.ContainsRune(".,;:", lastRune(t)) {
		return false
	}
	return l.EndX < m.right[l.Column]-m.size*4
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// endsSentence reports text that ends a sentence or a paragraph-closing clause.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"”’)»")
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:;…", r)
}

// joinLine appends a line to a paragraph, rejoining words hyphenated at the line end.
func joinLine(par, line string) string {
	if strings.HasSuffix(par, "\u00ad") {
		return strings.TrimSuffix(par, "\u00ad") + line
	}
	if strings.HasSuffix(par, "-") && len(par) > 1 {
		before, _ := utf8.DecodeLastRuneInString(par[:len(par)-1])
		after, _ := utf8.DecodeRuneInString(line)
		if unicode.IsLetter(before) && unicode.IsLetter(after) {
			if before < 0x80 && after < 0x80 && unicode.IsLower(before) && unicode.IsLower(after) {
				return par[:len(par)-1] + line // an English word broken by the hyphenator
			}
			return par + line // a compound such as "Mác-Lênin" broken at its hyphen
		}
	}
	return par + " " + line
}
