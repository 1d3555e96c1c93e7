// Package vntext provides the Vietnamese text primitives every stage of thamluan relies on:
// Unicode clean-up (NFC first), one tone-mark placement (NormalizeTones), accent folding, the
// well-formed syllables of Vietnamese spelling (IsSyllable, Quality), and the decoding of text in
// Unicode and the legacy Vietnamese encodings (TCVN3, VNI, VISCII, CP1258, VIQR), including the
// repair of mojibake. Every function is safe for concurrent use.
package vntext

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Clean returns s in NFC with the invisible troublemakers of real files removed: NBSP and other
// spaces become plain spaces, zero-width characters and soft hyphens are dropped, CR LF becomes LF,
// and the Icelandic eth (Ð ð), which VISCII-era fonts and converters emit for Đ đ, becomes Đ đ.
// Legacy encodings must be decoded before Clean (TCVN3 stores ư as the soft-hyphen byte).
func Clean(s string) string {
	if !needsClean(s) {
		if isNFC(s) {
			return s
		}
		return norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch r {
		case '\u00a0', '\u2007', '\u202f', '\u2002', '\u2003', '\u2009', '\u3000':
			b.WriteByte(' ')
		case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		case 'Ð':
			b.WriteRune('Đ')
		case 'ð':
			b.WriteRune('đ')
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if isNFC(out) {
		return out
	}
	return norm.NFC.String(out) // after the removals, which can join a letter and its mark
}

// needsClean reports whether s holds a character Clean replaces or drops.
func needsClean(s string) bool {
	for _, r := range s {
		switch r {
		case '\u00a0', '\u2007', '\u202f', '\u2002', '\u2003', '\u2009', '\u3000',
			'\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', 'Ð', 'ð', '\r':
			return true
		}
	}
	return false
}

// foldTable maps every precomposed Vietnamese letter (and đ) to its base letter.
var foldTable = buildFoldTable()

func buildFoldTable() map[rune]rune {
	m := map[rune]rune{'đ': 'd', 'Đ': 'D', 'Ð': 'D'}
	for r := rune(0xC0); r <= 0x1EF9; r++ {
		d := norm.NFD.String(string(r))
		base := []rune(d)[0]
		if base < 0x80 && unicode.IsLetter(base) && len([]rune(d)) > 1 {
			m[r] = base
		}
	}
	// ă â ê ô ơ ư decompose to base + modifier, covered above; their toned forms too.
	return m
}

// FoldRune returns r without diacritics, with đ mapped to d; other runes are returned unchanged.
func FoldRune(r rune) rune {
	if r < 0xC0 {
		return r
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	return r
}

// Fold returns s without Vietnamese diacritics (đ→d), keeping case and every other character, so
// that byte offsets change only where a letter changes width. Combining marks are dropped.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(FoldRune(r))
	}
	return b.String()
}

// HasDiacritics reports whether s holds a letter that Fold would change.
func HasDiacritics(s string) bool {
	for _, r := range s {
		if r >= 0xC0 && (FoldRune(r) != r || unicode.Is(unicode.Mn, r)) {
			return true
		}
	}
	return false
}
