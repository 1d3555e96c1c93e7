package vntext

import (
	"strings"
	"unicode/utf8"
)

// VIQR (RFC 1456) writes a letter, then its vowel modifier ( ( ^ + ), then its tone mark
// ( ` ' ? ~ . ); dd is đ, and a backslash makes the next mark character literal.

// viqrTone maps a VIQR tone character to its tone number.
func viqrTone(c byte) uint8 {
	switch c {
	case '`':
		return toneGraveN
	case '\'':
		return toneAcuteN
	case '?':
		return toneHookN
	case '~':
		return toneTildeN
	case '.':
		return toneDotN
	}
	return toneNone
}

// viqrModified returns the letter that letter c with modifier m spells, or 0.
func viqrModified(c, m byte) rune {
	switch {
	case m == '(' && (c == 'a' || c == 'A'):
		return map[byte]rune{'a': 'ă', 'A': 'Ă'}[c]
	case m == '^' && strings.IndexByte("aeoAEO", c) >= 0:
		return map[byte]rune{'a': 'â', 'e': 'ê', 'o': 'ô', 'A': 'Â', 'E': 'Ê', 'O': 'Ô'}[c]
	case m == '+' && strings.IndexByte("ouOU", c) >= 0:
		return map[byte]rune{'o': 'ơ', 'u': 'ư', 'O': 'Ơ', 'U': 'Ư'}[c]
	}
	return 0
}

func isVIQRMark(c byte) bool { return strings.IndexByte("(^+`'?~.", c) >= 0 }

func isASCIIVowel(c byte) bool { return strings.IndexByte("aeiouyAEIOUY", c) >= 0 }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// decodeVIQR decodes VIQR text. A '.' or '?' that ends a word whose syllable already has a tone
// is read as punctuation, as writers seldom escaped the full stop.
func decodeVIQR(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	toned := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && (isVIQRMark(s[i+1]) || s[i+1] == 'd' || s[i+1] == 'D'):
			b.WriteByte(s[i+1])
			i++
		case (c == 'd' || c == 'D') && i+1 < len(s) && (s[i+1] == 'd' || s[i+1] == 'D'):
			b.WriteRune(map[byte]rune{'d': 'đ', 'D': 'Đ'}[c])
			i++
		case isASCIIVowel(c):
			r, j := rune(c), i+1
			if j < len(s) {
				if m := viqrModified(c, s[j]); m != 0 {
					r, j = m, j+1
				}
			}
			if j < len(s) {
				t := viqrTone(s[j])
				literal := (s[j] == '.' || s[j] == '?') && toned && (j+1 == len(s) || !isASCIILetter(s[j+1]))
				if t != toneNone && !literal {
					r, j, toned = composeLetter(r, t), j+1, true
				}
			}
			b.WriteRune(r)
			i = j - 1
		default:
			if !isASCIILetter(c) {
				toned = false
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// viqrSpelling maps a toneless letter with a mark to its VIQR spelling.
var viqrSpelling = map[rune]string{'ă': "a(", 'â': "a^", 'ê': "e^", 'ô': "o^", 'ơ': "o+", 'ư': "u+",
	'Ă': "A(", 'Â': "A^", 'Ê': "E^", 'Ô': "O^", 'Ơ': "O+", 'Ư': "U+", 'đ': "dd", 'Đ': "DD"}

// encodeVIQR writes NFC text s in VIQR, escaping mark characters that follow a vowel and a d
// that follows a d, so that decodeVIQR reads them literally.
func encodeVIQR(s string) string {
	var b strings.Builder
	var prev rune
	for _, r := range s {
		base, tone, ok := splitLetter(r)
		switch {
		case r < utf8.RuneSelf && isVIQRMark(byte(r)) && prev != 0 && isVowelRune(prev|0x20):
			b.WriteByte('\\')
			b.WriteRune(r)
		case (r == 'd' || r == 'D') && (prev == 'd' || prev == 'D'):
			b.WriteByte('\\')
			b.WriteRune(r)
		case ok && (base != r || viqrSpelling[base] != ""):
			if sp := viqrSpelling[base]; sp != "" {
				b.WriteString(sp)
			} else {
				b.WriteRune(base)
			}
			if tone != toneNone {
				b.WriteByte("\x00`'?~."[tone])
			}
		default:
			b.WriteRune(r)
		}
		prev = r
		if ok && r >= utf8.RuneSelf {
			prev = 'a' // a letter with marks: a vowel, or đ (harmless)
		}
	}
	return b.String()
}
