package ocr

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"thamluan/corpus/vntext"
)

// Combining marks, as NFD writes Vietnamese letters.
const (
	markBreve      = '\u0306'
	markCircumflex = '\u0302'
	markHorn       = '\u031B'
)

var tones = []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}

// vowelMarks lists, for each base vowel, the vowel marks it takes.
var vowelMarks = map[rune][]string{
	'a': {"", string(markBreve), string(markCircumflex)},
	'e': {"", string(markCircumflex)},
	'o': {"", string(markCircumflex), string(markHorn)},
	'u': {"", string(markHorn)},
	'i': {""},
	'y': {""},
}

// family returns every letter written on the same base vowel as r with any vowel and tone mark
// (a → à á ả ã ạ ă ằ … ậ), or nil when r is no vowel.
func family(r rune) []string {
	base := []rune(norm.NFD.String(string(r)))[0]
	marks, ok := vowelMarks[base]
	if !ok {
		return nil
	}
	out := make([]string, 0, len(marks)*len(tones))
	for _, m := range marks {
		for _, t := range tones {
			out = append(out, norm.NFC.String(string(base)+m+t))
		}
	}
	return out
}

// circumflexAlike pairs â and ê with the same tone mark, which Tesseract's vie model mixes up
// (nền → nần, đề → đầ).
var circumflexAlike = map[rune]rune{}

func init() {
	as, es := []rune("âầấẩẫậ"), []rune("êềếểễệ")
	for i := range as {
		circumflexAlike[as[i]], circumflexAlike[es[i]] = es[i], as[i]
	}
}

// digitsAsLetters reads the digits Tesseract puts inside words as the letters they look like.
var digitsAsLetters = strings.NewReplacer("1", "l", "0", "o", "6", "g")

// glyphAlikes returns the syllables that differ from s (lower case) by a confusion of glyph
// shapes Tesseract makes: a first l read as t and back, 1, 0 or 6 inside a word for l, o or g, an i
// given a stray hook above or losing it (chi, chỉ), a final i read as t and back, đ and d, â and ê.
func glyphAlikes(s string) []string {
	rs := []rune(s)
	var out []string
	add := func(c string) { out = append(out, c) }
	switch rs[0] {
	case 't':
		add("l" + string(rs[1:]))
	case 'l':
		add("t" + string(rs[1:]))
	case 'đ':
		add("d" + string(rs[1:]))
	case 'd':
		add("đ" + string(rs[1:]))
	}
	if strings.ContainsAny(s, "016") {
		add(digitsAsLetters.Replace(s))
	}
	for i, r := range rs {
		switch r {
		case 'i':
			add(string(rs[:i]) + "ỉ" + string(rs[i+1:]))
		case 'ỉ':
			add(string(rs[:i]) + "i" + string(rs[i+1:]))
		}
	}
	for i, r := range rs {
		if alt, ok := circumflexAlike[r]; ok {
			add(string(rs[:i]) + string(alt) + string(rs[i+1:]))
		}
	}
	if n := len(rs); n > 1 {
		switch rs[n-1] {
		case 't':
			add(string(rs[:n-1]) + "i")
		case 'i':
			add(string(rs[:n-1]) + "t")
		}
	}
	return syllablesOf(s, out)
}

// lookAlikes returns the syllables one misreading away from s (lower case): the glyph
// confusions, one letter's tone or vowel mark changed (cơng → công, hiệu quá → quả), one
// letter too many (LTỊCH → LỊCH), or an i read as l after the first letter.
func lookAlikes(s string) []string {
	rs := []rune(s)
	out := glyphAlikes(s)
	var more []string
	for i, r := range rs {
		for _, v := range family(r) {
			more = append(more, string(rs[:i])+v+string(rs[i+1:]))
		}
		if len(rs) > 2 {
			more = append(more, string(rs[:i])+string(rs[i+1:]))
		}
		if r == 'l' && i > 0 { // l is no final: an i read as l (gial → giai)
			more = append(more, string(rs[:i])+"i"+string(rs[i+1:]))
		}
	}
	return append(out, syllablesOf(s, more)...)
}

// syllablesOf keeps the well-formed syllables of cs other than s, tones placed alike, each once.
func syllablesOf(s string, cs []string) []string {
	seen := map[string]bool{vntext.NormalizeTones(s): true}
	out := cs[:0]
	for _, c := range cs {
		c = vntext.NormalizeTones(c)
		if !seen[c] && vntext.IsSyllable(c) {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}
