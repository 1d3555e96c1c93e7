package docx

import (
	"strings"
	"unicode/utf8"

	"thamluan/corpus/vntext"
)

// fontEncoding is the legacy encoding a font name implies.
type fontEncoding struct {
	enc   string
	upper bool
}

// endRun decodes a run set in a legacy font and appends it to its paragraph.
func (w *walker) endRun(p *paraState) {
	p.inRun = false
	s := p.run.String()
	if s == "" {
		return
	}
	font := p.runFont
	if font == "" {
		cs := p.runStyle
		if cs == "" {
			cs = w.r.defChar
		}
		font = w.r.charFont(cs)
	}
	if font == "" {
		font = w.r.resolvePara(p.style).font
	}
	if font == "" {
		font = w.r.defFont
	}
	if fe := w.r.encodingOf(font); fe.enc != "" {
		if hasHighRune(s) {
			s = vntext.FromLegacyRunes(s, fe.enc)
			w.r.encs[fe.enc] = true
			w.r.legacyRuns++
		}
		if fe.upper { // a capitals font draws lower-case codes as capitals
			s = strings.ToUpper(s)
		}
	}
	p.buf.WriteString(s)
}

func hasHighRune(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

func (r *reader) encodingOf(font string) fontEncoding {
	if font == "" {
		return fontEncoding{}
	}
	if fe, ok := r.fontEnc[font]; ok {
		return fe
	}
	enc, upper := vntext.FontEncoding(font)
	fe := fontEncoding{enc: enc, upper: upper && enc != ""}
	if r.fontEnc == nil {
		r.fontEnc = map[string]fontEncoding{}
	}
	r.fontEnc[font] = fe
	return fe
}

// symbol returns the character of a w:sym element; symbol-font glyphs in the private-use area
// are mapped to their code in the font, and dingbat fonts give nothing.
func symbol(font, hex string) rune {
	f := strings.ToLower(font)
	if strings.Contains(f, "wingdings") || strings.Contains(f, "webdings") {
		return 0
	}
	var c rune
	for _, h := range hex {
		switch {
		case h >= '0' && h <= '9':
			c = c*16 + h - '0'
		case h >= 'a' && h <= 'f':
			c = c*16 + h - 'a' + 10
		case h >= 'A' && h <= 'F':
			c = c*16 + h - 'A' + 10
		default:
			return 0
		}
		if c > utf8.MaxRune {
			return 0
		}
	}
	if c >= 0xF000 && c <= 0xF0FF {
		c -= 0xF000
	}
	if c < 0x20 || !utf8.ValidRune(c) {
		return 0
	}
	if strings.Contains(f, "symbol") {
		return symbolFont(c)
	}
	return c
}

// symbolFont maps the common glyphs of the Symbol font to Unicode; other codes give nothing.
func symbolFont(c rune) rune {
	switch c {
	case 0xB7:
		return '•'
	case 0xAE:
		return '→'
	case 0xAC:
		return '←'
	case 0xB3:
		return '≥'
	case 0xA3:
		return '≤'
	case 0xB4:
		return '×'
	case 0xB8:
		return '÷'
	case 0x2D:
		return '−'
	case 0xB1:
		return '±'
	}
	return 0
}
