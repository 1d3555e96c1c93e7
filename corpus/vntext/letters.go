package vntext

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Tones, numbered as letterInfo stores them: 0 is ngang (no mark).
const (
	toneNone uint8 = iota
	toneGraveN
	toneAcuteN
	toneHookN
	toneTildeN
	toneDotN
)

// toneMarks are the combining marks of the tones, indexed by tone number.
var toneMarks = [6]rune{0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}

// letterInfo describes a precomposed letter: the letter without its tone (keeping ă â ê ô ơ ư)
// and the tone it carries.
type letterInfo struct {
	base rune
	tone uint8
}

// Two dense tables cover every Vietnamese letter: U+0000-U+01B0 and U+1EA0-U+1EF9.
var (
	letterLo  [0x1B1]letterInfo
	letterHi  [0x5A]letterInfo
	composeOf = map[rune]*[6]rune{}
)

func init() {
	for r := rune(0); r < 0x1B1; r++ {
		letterLo[r] = analyseLetter(r)
	}
	for r := rune(0x1EA0); r <= 0x1EF9; r++ {
		letterHi[r-0x1EA0] = analyseLetter(r)
	}
	add := func(r rune, li letterInfo) {
		if li.base == 0 {
			return
		}
		t := composeOf[li.base]
		if t == nil {
			t = &[6]rune{li.base}
			composeOf[li.base] = t
		}
		t[li.tone] = r
	}
	for r := rune(0); r < 0x1B1; r++ {
		add(r, letterLo[r])
	}
	for r := rune(0x1EA0); r <= 0x1EF9; r++ {
		add(r, letterHi[r-0x1EA0])
	}
}

// analyseLetter splits r into its toneless letter and tone; base is 0 when r is not a letter.
func analyseLetter(r rune) letterInfo {
	if !unicode.IsLetter(r) {
		return letterInfo{}
	}
	d := norm.NFD.String(string(r))
	var tone uint8
	rest := make([]rune, 0, 3)
	for _, c := range d {
		t := toneNumber(c)
		if t != toneNone {
			tone = t
			continue
		}
		rest = append(rest, c)
	}
	base := []rune(norm.NFC.String(string(rest)))
	if len(base) != 1 {
		return letterInfo{}
	}
	return letterInfo{base: base[0], tone: tone}
}

// toneNumber returns the tone of a combining mark, toneNone for any other rune.
func toneNumber(c rune) uint8 {
	for i := 1; i < len(toneMarks); i++ {
		if toneMarks[i] == c {
			return uint8(i)
		}
	}
	return toneNone
}

// splitLetter returns the toneless letter and the tone of r; ok is false when r is no letter of
// the tables (the letter is then returned unchanged with no tone).
func splitLetter(r rune) (base rune, tone uint8, ok bool) {
	var li letterInfo
	switch {
	case r < 0x1B1:
		li = letterLo[r]
	case r >= 0x1EA0 && r <= 0x1EF9:
		li = letterHi[r-0x1EA0]
	}
	if li.base == 0 {
		return r, toneNone, false
	}
	return li.base, li.tone, true
}

// composeLetter returns base carrying tone, or 0 when no precomposed letter exists.
func composeLetter(base rune, tone uint8) rune {
	if tone == toneNone {
		return base
	}
	if t := composeOf[base]; t != nil {
		return t[tone]
	}
	return 0
}

// isVowelRune reports whether the lower-case toneless letter r is a Vietnamese vowel letter.
func isVowelRune(r rune) bool {
	switch r {
	case 'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y':
		return true
	}
	return false
}

// isModifiedRune reports whether the lower-case vowel r carries a vowel modifier (ă â ê ô ơ ư).
func isModifiedRune(r rune) bool {
	switch r {
	case 'ă', 'â', 'ê', 'ô', 'ơ', 'ư':
		return true
	}
	return false
}

// hasCombining reports whether s holds a combining mark (it is then perhaps not NFC).
func hasCombining(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < 0xCC {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Mn, r) {
			return true
		}
		i += n
	}
	return false
}

// isNFC reports whether s is in NFC. Text made only of characters below U+0300, precomposed
// letters of U+1E00-U+1EFF and General Punctuation from U+2010 (what Vietnamese text is made of)
// is NFC without further ado, and answered without allocating; anything else asks norm.
func isNFC(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r < 0x300 || r >= 0x1E00 && r <= 0x1EFF || r >= 0x2010 && r <= 0x206F {
			continue
		}
		return norm.NFC.IsNormalString(s)
	}
	return true
}
