package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The tone marks as combining characters.
const (
	toneGrave = '\u0300' // huyền
	toneAcute = '\u0301' // sắc
	toneTilde = '\u0303' // ngã
	toneHook  = '\u0309' // hỏi
	toneDot   = '\u0323' // nặng
)

func isTone(r rune) bool {
	switch r {
	case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
		return true
	}
	return false
}

var onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"}

func isVowel(r rune) bool { return strings.ContainsRune("aăâeêioôơuưy", unicode.ToLower(r)) }

func isModified(r rune) bool { return strings.ContainsRune("ăâêôơư", unicode.ToLower(r)) }

// NormalizeTones rewrites every syllable of s with the tone mark on the main vowel (the reformed
// placement: hoà, thuỷ, khoẻ), so that both placements index and match alike. Words that do not
// parse as Vietnamese syllables are left as they are. The result is NFC.
func NormalizeTones(s string) string {
	s = norm.NFC.String(s)
	if !needsToneWork(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			b.WriteString(PlaceTone(s[start:i]))
			start = -1
		}
		b.WriteRune(r)
	}
	if start >= 0 {
		b.WriteString(PlaceTone(s[start:]))
	}
	return b.String()
}

// needsToneWork reports whether s holds any toned letter at all; plain ASCII text is common.
func needsToneWork(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// PlaceTone returns the syllable w with its tone mark moved to the main vowel (reformed style).
// A word that is not a syllable, or carries no tone, is returned in NFC unchanged.
func PlaceTone(w string) string {
	d := []rune(norm.NFD.String(w))
	var tone rune
	base := make([]rune, 0, len(d))
	for _, r := range d {
		if isTone(r) {
			tone = r
			continue
		}
		base = append(base, r)
	}
	if tone == 0 {
		return norm.NFC.String(w)
	}
	comp := []rune(norm.NFC.String(string(base)))
	k := toneIndex(comp)
	if k < 0 {
		return norm.NFC.String(w)
	}
	out := string(comp[:k+1]) + string(tone) + string(comp[k+1:])
	return norm.NFC.String(out)
}

// toneIndex returns the index in the precomposed, toneless syllable of the vowel that takes the
// tone, or -1 when the word does not look like a syllable.
func toneIndex(syl []rune) int {
	low := []rune(strings.ToLower(string(syl)))
	on := 0
	for _, o := range onsets {
		or := []rune(o)
		if len(low) < len(or) || string(low[:len(or)]) != o {
			continue
		}
		rest := low[len(or):]
		if o == "gi" && !anyVowel(rest) {
			or = []rune("g")
		} else if o == "qu" && len(rest) == 0 {
			continue
		}
		on = len(or)
		break
	}
	i, j := on, on
	for j < len(low) && isVowel(low[j]) {
		j++
	}
	cl, coda := low[i:j], low[j:]
	if len(cl) == 0 || len(cl) > 3 {
		return -1
	}
	for _, r := range coda {
		if !strings.ContainsRune("cghmnpt", r) {
			return -1
		}
	}
	k := -1
	for n, r := range cl {
		if isModified(r) {
			k = n
		}
	}
	switch {
	case k >= 0:
	case len(cl) == 1:
		k = 0
	case len(coda) > 0:
		k = len(cl) - 1
	case len(cl) == 3:
		k = 1
	case string(cl) == "oa" || string(cl) == "oe" || string(cl) == "uy":
		k = 1
	default:
		k = 0
	}
	return i + k
}

func anyVowel(rs []rune) bool {
	for _, r := range rs {
		if isVowel(r) {
			return true
		}
	}
	return false
}
