package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus/vntext"
)

// Scans of a text that segmentation and speaker leads make without copying it: folded and
// lower-cased phrases, word counts by language, the first fields.

// foldLowerContainsAny reports whether foldLower(t) contains one of pats, each ASCII and at most
// 32 bytes, without building it. foldLower maps rune by rune (a combining mark to nothing, any
// other rune to unicode.ToLower(vntext.FoldRune(r))), so the last 32 bytes it writes are kept in a
// ring, any rune it writes outside ASCII as one byte no pattern holds.
func foldLowerContainsAny(t string, pats []string) bool {
	var ring [32]byte
	var last [256 / 64]uint64 // the last bytes of pats: only they can complete one
	for _, p := range pats {
		last[p[len(p)-1]/64] |= 1 << (p[len(p)-1] % 64)
	}
	n := 0 // bytes written
	for i := 0; i < len(t); {
		c, w := t[i], 1
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= utf8.RuneSelf:
			var r rune
			r, w = utf8.DecodeRuneInString(t[i:])
			if c = foldLowerByte(r); c == 0 { // a combining mark
				i += w
				continue
			}
		}
		i += w
		ring[n%len(ring)] = c
		n++
		if last[c/64]&(1<<(c%64)) == 0 {
			continue
		}
		for _, p := range pats {
			if p[len(p)-1] == c && len(p) <= n && ringEndsWith(&ring, n, p) {
				return true
			}
		}
	}
	return false
}

// foldLowerByte returns what foldLower writes for r, at least U+0080: 0 for nothing (a combining
// mark), the byte for ASCII, else 0x80.
func foldLowerByte(r rune) byte {
	if r < rune(len(foldLowerBytes)) {
		return foldLowerBytes[r]
	}
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	if r = unicode.ToLower(vntext.FoldRune(r)); r < utf8.RuneSelf {
		return byte(r)
	}
	return 0x80
}

// foldLowerBytes holds foldLowerByte for the runes from U+0080 to U+1EFF, where Vietnamese letters
// are (and nothing lower).
var foldLowerBytes = func() (t [0x1F00]byte) {
	for r := range t {
		switch f := unicode.ToLower(vntext.FoldRune(rune(r))); {
		case unicode.Is(unicode.Mn, rune(r)):
		case f < utf8.RuneSelf:
			t[r] = byte(f)
		default:
			t[r] = 0x80
		}
	}
	return t
}()

// ringEndsWith reports whether the last len(p) bytes written to ring, n in all, are p.
func ringEndsWith(ring *[32]byte, n int, p string) bool {
	for j := 1; j <= len(p); j++ {
		if ring[(n-j)%len(ring)] != p[len(p)-j] {
			return false
		}
	}
	return true
}

// wordCounts counts the words of a text as language reads them, without splitting it: the
// words, those with diacritics and the English function words.
type wordCounts struct{ words, marked, en int }

// language returns "en" when most words counted are English, else "vi".
func (c *wordCounts) language() string {
	if c.words < 3 {
		return "vi"
	}
	if c.marked*5 < c.words && c.en*10 >= c.words {
		return "en"
	}
	return "vi"
}

// add counts the words of t, the runs of isWordRune that strings.FieldsFunc would return.
func (c *wordCounts) add(t string) {
	c.addUpTo(t, -1)
}

// addUpTo is add that stops, reporting true, once the words counted decide language: when
// after more bytes follow t in the text (-1: do not stop), it stops where so many words carry
// diacritics that the words left could not make the text English.
func (c *wordCounts) addUpTo(t string, after int) bool {
	start := -1
	for i, r := range t {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			c.addWord(t[start:i])
			start = -1
			// every word left takes a byte and a separator: at most (len(t)-i+after)/2+1 of them
			if after >= 0 && c.marked*5 >= c.words+(len(t)-i+after)/2+2 {
				return true
			}
		}
	}
	if start >= 0 {
		c.addWord(t[start:])
	}
	return false
}

// languageOf is language of the texts joined by spaces, without the copy, and reading only as
// many words as decide it.
func languageOf(texts ...string) string {
	var c wordCounts
	after := 0
	for _, t := range texts {
		after += len(t) + 1
	}
	for _, t := range texts {
		after -= len(t) + 1
		if c.addUpTo(t, after) {
			return "vi"
		}
	}
	return c.language()
}

// addWord counts word w. Every English word is ASCII of at most maxEnglishWord bytes, and lower
// casing maps rune by rune, so w is lower cased in a small buffer, and not looked up once a rune
// lowers outside ASCII or the buffer is full. Only 'İ' and the Kelvin sign lower into ASCII from
// outside it.
func (c *wordCounts) addWord(w string) {
	c.words++
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			if hasDiacritics(w[i:]) {
				c.marked++
			}
			break
		}
	}
	var buf [maxEnglishWord]byte
	n := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r == 'İ' || r == '\u212a':
			r = unicode.ToLower(r)
		case r >= utf8.RuneSelf:
			return
		}
		if n == len(buf) {
			return
		}
		buf[n] = byte(r)
		n++
	}
	if englishWords[string(buf[:n])] {
		c.en++
	}
}

// hasDiacritics is vntext.HasDiacritics, with the answer for the runes below 0x1F00 in a table.
func hasDiacritics(s string) bool {
	for _, r := range s {
		if r < rune(len(diacriticRunes)) {
			if diacriticRunes[r] {
				return true
			}
		} else if vntext.HasDiacritics(string(r)) {
			return true
		}
	}
	return false
}

// diacriticRunes marks the runes below 0x1F00 that vntext.HasDiacritics counts.
var diacriticRunes = func() (t [0x1F00]bool) {
	for r := range t {
		t[r] = vntext.HasDiacritics(string(rune(r)))
	}
	return t
}()

// maxEnglishWord is the length in bytes of the longest of englishWords.
const maxEnglishWord = 7

// joinFields is strings.Join of the first n of strings.Fields(s) (all when fewer) with single
// spaces, without splitting the rest of s: a slice of s when single spaces already join them.
func joinFields(s string, n int) string {
	first, end, k := -1, 0, 0
	single, in := true, false
	for i, r := range s {
		if unicode.IsSpace(r) {
			if in {
				in, end, k = false, i, k+1
				if k == n {
					break
				}
			}
			continue
		}
		if !in {
			if first < 0 {
				first = i
			} else if i != end+1 || s[end] != ' ' {
				single = false
			}
			in = true
		}
	}
	if in {
		end = len(s)
	}
	switch {
	case first < 0 || n <= 0:
		return ""
	case single:
		return s[first:end]
	}
	return strings.Join(strings.Fields(s[first:end]), " ")
}

// runeCount is utf8.RuneCountInString (see scanRunes).
func runeCount(s string) int {
	n, _ := scanRunes(s)
	return n
}

// validUTF8 is utf8.ValidString (see scanRunes).
func validUTF8(s string) bool {
	_, ok := scanRunes(s)
	return ok
}

// scanRunes counts the runes of s as utf8.RuneCountInString does (an invalid byte counts one)
// and reports whether s is valid UTF-8, reading the two- and three-byte sequences of Latin and
// Vietnamese letters without decoding them.
func scanRunes(s string) (n int, valid bool) {
	valid = true
	for i := 0; i < len(s); n++ {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			i++
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2
		case (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			valid = valid && (r != utf8.RuneError || w > 1)
			i += w
		}
	}
	return n, valid
}
