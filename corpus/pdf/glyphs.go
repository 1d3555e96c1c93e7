package pdf

import (
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// glyphNames maps glyph names of the Adobe Glyph List that are not a letter plus accents.
var glyphNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "percent": "%",
	"ampersand": "&", "quotesingle": "'", "quoteright": "’", "quoteleft": "‘", "parenleft": "(",
	"parenright": ")", "asterisk": "*", "plus": "+", "comma": ",", "hyphen": "-", "period": ".",
	"slash": "/", "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
	"six": "6", "seven": "7", "eight": "8", "nine": "9", "colon": ":", "semicolon": ";",
	"less": "<", "equal": "=", "greater": ">", "question": "?", "at": "@", "bracketleft": "[",
	"backslash": "\\", "bracketright": "]", "asciicircum": "^", "underscore": "_", "grave": "`",
	"braceleft": "{", "bar": "|", "braceright": "}", "asciitilde": "~", "quotedblleft": "“",
	"quotedblright": "”", "quotesinglbase": "‚", "quotedblbase": "„", "endash": "–", "emdash": "—",
	"bullet": "•", "ellipsis": "…", "fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl",
	"dotlessi": "ı", "dcroat": "đ", "Dcroat": "Đ", "dmacron": "đ", "Dmacron": "Đ", "eth": "ð",
	"Eth": "Đ", "germandbls": "ß", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "oslash": "ø",
	"Oslash": "Ø", "degree": "°", "section": "§", "paragraph": "¶", "copyright": "©",
	"registered": "®", "trademark": "™", "periodcentered": "·", "guillemotleft": "«",
	"guillemotright": "»", "guilsinglleft": "‹", "guilsinglright": "›", "minus": "−",
	"multiply": "×", "divide": "÷", "plusminus": "±", "nbspace": " ", "uni00A0": " ",
	"exclamdown": "¡", "questiondown": "¿", "cent": "¢", "sterling": "£", "yen": "¥", "Euro": "€",
	"dagger": "†", "daggerdbl": "‡", "perthousand": "‰", "onehalf": "½", "onequarter": "¼",
	"threequarters": "¾", "ordfeminine": "ª", "ordmasculine": "º", "mu": "µ", "logicalnot": "¬",
	"brokenbar": "¦", "currency": "¤", "sfthyphen": "\u00ad", "tab": "\t",
	"arrowright": "→", "arrowleft": "←", "checkmark": "✓", "circumflex": "ˆ", "tilde": "˜",
	"acute": "´", "dieresis": "¨", "macron": "¯", "cedilla": "¸", "breve": "˘", "dotaccent": "˙",
	"ring": "˚", "ogonek": "˛", "caron": "ˇ", "hungarumlaut": "˝", "florin": "ƒ",
}

// accents are the accent words of glyph names, longest first, with their combining marks.
var accents = []struct{ word, mark string }{
	{"circumflex", "\u0302"}, {"hookabove", "\u0309"}, {"dieresis", "\u0308"}, {"dotbelow", "\u0323"},
	{"cedilla", "\u0327"}, {"macron", "\u0304"}, {"acute", "\u0301"}, {"grave", "\u0300"},
	{"tilde", "\u0303"}, {"breve", "\u0306"}, {"caron", "\u030C"}, {"horn", "\u031B"},
	{"ring", "\u030A"}, {"ogonek", "\u0328"},
}

// glyphText returns the Unicode text of a glyph name, or "" when the name means nothing to us.
func glyphText(name string) string {
	if s, ok := glyphNames[name]; ok {
		return s
	}
	if i := strings.IndexByte(name, '.'); i > 0 { // "a.sc", "fi.alt"
		return glyphText(name[:i])
	}
	if i := strings.IndexByte(name, '_'); i > 0 { // "f_i" ligatures
		var b strings.Builder
		for _, part := range strings.Split(name, "_") {
			b.WriteString(glyphText(part))
		}
		return b.String()
	}
	if len(name) == 1 && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		return name
	}
	if s := uniName(name); s != "" {
		return s
	}
	return accented(name)
}

// uniName decodes "uniXXXX[XXXX...]" and "uXXXX[XX]" names.
func uniName(name string) string {
	switch {
	case strings.HasPrefix(name, "uni") && len(name) >= 7 && (len(name)-3)%4 == 0:
		var b strings.Builder
		for i := 3; i+4 <= len(name); i += 4 {
			v, err := strconv.ParseUint(name[i:i+4], 16, 32)
			if err != nil {
				return ""
			}
			b.WriteRune(rune(v))
		}
		return b.String()
	case name[0] == 'u' && len(name) >= 5 && len(name) <= 7:
		v, err := strconv.ParseUint(name[1:], 16, 32)
		if err != nil || v > 0x10FFFF {
			return ""
		}
		return string(rune(v))
	}
	return ""
}

// accented composes names such as "ohornacute" or "Acircumflexdotbelow".
func accented(name string) string {
	if name == "" {
		return ""
	}
	base := name[:1]
	if !(base[0] >= 'a' && base[0] <= 'z' || base[0] >= 'A' && base[0] <= 'Z') {
		return ""
	}
	rest := name[1:]
	if base == "d" && strings.HasPrefix(rest, "croat") || base == "D" && strings.HasPrefix(rest, "croat") {
		return glyphNames[name[:6]]
	}
	out := base
	for rest != "" {
		found := false
		for _, a := range accents {
			if strings.HasPrefix(rest, a.word) {
				out += a.mark
				rest = rest[len(a.word):]
				found = true
				break
			}
		}
		if !found {
			return ""
		}
	}
	return norm.NFC.String(out)
}

// Byte-to-text tables of the simple-font base encodings.
var (
	winAnsi  = buildTable(charmap.Windows1252)
	macRoman = buildTable(charmap.Macintosh)
	standard = buildStandard()
)

func buildTable(cm *charmap.Charmap) [256]string {
	var t [256]string
	for i := 0; i < 256; i++ {
		if i < 32 {
			continue
		}
		r := cm.DecodeByte(byte(i))
		if r != '\uFFFD' {
			t[i] = string(r)
		}
	}
	t[0xA0] = " "
	return t
}

func buildStandard() [256]string {
	t := winAnsi
	t[0x27], t[0x60] = "’", "‘"
	for i := 0x80; i < 0x100; i++ {
		t[i] = ""
	}
	for c, n := range map[int]string{0xA1: "exclamdown", 0xA2: "cent", 0xA3: "sterling", 0xA7: "section",
		0xAA: "quotedblleft", 0xAB: "guillemotleft", 0xAE: "fi", 0xAF: "fl", 0xB1: "endash", 0xB7: "bullet",
		0xBA: "quotedblright", 0xBB: "guillemotright", 0xBC: "ellipsis", 0xD0: "emdash", 0xE1: "AE",
		0xF1: "ae", 0xF5: "dotlessi", 0xFA: "oe", 0xFB: "germandbls", 0xE9: "Oslash", 0xF9: "oslash"} {
		t[c] = glyphNames[n]
	}
	return t
}
