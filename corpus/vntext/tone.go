package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxSyllable is the longest token, in letters, that is examined as a syllable ("nghiêng" has 7).
const maxSyllable = 10

// syllable is a token split into letters without tone, their lower-case forms and the tone.
type syllable struct {
	base    [maxSyllable]rune // letters without tone, original case
	low     [maxSyllable]rune // the same in lower case
	n       int
	tone    uint8
	tonePos int  // index of the toned letter, -1 without tone
	tones   int  // number of toned letters (more than one is malformed)
	lower   bool // every letter is lower case
}

// load splits the NFC token w; it reports false for tokens that hold a letter outside the
// Vietnamese alphabet's tables or are too long to be a syllable.
func (s *syllable) load(w string) bool {
	s.n, s.tone, s.tonePos, s.tones, s.lower = 0, toneNone, -1, 0, true
	for _, r := range w {
		if s.n == maxSyllable {
			return false
		}
		b, t, ok := splitLetter(r)
		if !ok && !(r == 'đ' || r == 'Đ') {
			return false
		}
		if t != toneNone {
			s.tone, s.tonePos = t, s.n
			s.tones++
		}
		lb := unicode.ToLower(b)
		if lb != b {
			s.lower = false
		}
		s.base[s.n], s.low[s.n] = b, lb
		s.n++
	}
	return s.n > 0
}

// render writes the syllable with its tone on letter k.
func (s *syllable) render(k int) string {
	var b strings.Builder
	b.Grow(s.n * 3)
	for i := 0; i < s.n; i++ {
		r := s.base[i]
		if i == k {
			if c := composeLetter(r, s.tone); c != 0 {
				r = c
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// onsetLen returns the length in letters of the onset of the lower-case toneless syllable low
// (ngh ng nh ch gh gi kh ph qu th tr and the single consonants). qu is an onset only when a
// letter follows; gi is one only when another vowel follows (giá, but gì, gìn).
func onsetLen(low []rune) int {
	if len(low) == 0 {
		return 0
	}
	next := func(i int) rune {
		if i < len(low) {
			return low[i]
		}
		return 0
	}
	switch low[0] {
	case 'n':
		switch {
		case next(1) == 'g' && next(2) == 'h':
			return 3
		case next(1) == 'g' || next(1) == 'h':
			return 2
		}
	case 'c', 'k', 'p':
		if next(1) == 'h' {
			return 2
		}
	case 't':
		if next(1) == 'h' || next(1) == 'r' {
			return 2
		}
	case 'g':
		if next(1) == 'h' || next(1) == 'i' && anyVowel(low[2:]) {
			return 2
		}
	case 'q':
		if next(1) == 'u' && len(low) > 2 {
			return 2
		}
		return 0
	case 'b', 'd', 'đ', 'h', 'l', 'm', 'r', 's', 'v', 'x':
	default:
		return 0
	}
	return 1
}

// toneIndex returns the index of the letter that takes the tone mark in the lower-case toneless
// syllable low, or -1 when low has no vowel after its onset. old selects the traditional
// placement for open oa, oe, uy (hòa, thủy) instead of the reformed one (hoà, thuỷ). It follows
// tools/tone.py of the shared reference and REFERENCE.md section 1.
func toneIndex(low []rune, old bool) int {
	i := onsetLen(low)
	j := i
	for j < len(low) && isVowelRune(low[j]) {
		j++
	}
	cl, coda := low[i:j], len(low)-j
	if len(cl) == 0 {
		return -1
	}
	k := -1
	for n, r := range cl {
		if isModifiedRune(r) {
			k = n // ươ: the last one, ơ
		}
	}
	switch {
	case k >= 0:
	case len(cl) == 1:
		k = 0
	case coda > 0:
		k = len(cl) - 1 // hoàn, huỳnh
	case len(cl) == 3:
		k = 1 // ngoài, khuỷu
	case len(cl) == 2 && (cl[0] == 'o' && (cl[1] == 'a' || cl[1] == 'e') || cl[0] == 'u' && cl[1] == 'y'):
		if old {
			k = 0
		} else {
			k = 1
		}
	default:
		k = 0 // mía, múa, mái, gửi
	}
	return i + k
}

func anyVowel(rs []rune) bool {
	for _, r := range rs {
		if isVowelRune(r) {
			return true
		}
	}
	return false
}

// NormalizeTones rewrites every syllable of s with the tone mark on the main vowel (the reformed
// placement: hoà, thuỷ, khoẻ), so that both placements index and match alike; misplaced marks
// (tóan, qúy) are repaired too. Words that would not become well-formed syllables (loanwords such
// as maníp) are left as they are. The result is NFC. Text that needs no change is returned
// without allocating.
func NormalizeTones(s string) string {
	if !isNFC(s) {
		s = norm.NFC.String(s)
	}
	var b *strings.Builder
	last := 0 // s[:last] is already in b
	start, nonASCII := -1, false
	flush := func(end int) {
		if start < 0 || !nonASCII {
			return
		}
		w := s[start:end]
		if p := PlaceTone(w); p != w {
			if b == nil {
				b = &strings.Builder{}
				b.Grow(len(s) + 8)
			}
			b.WriteString(s[last:start])
			b.WriteString(p)
			last = end
		}
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if isLetterFast(r) || r >= 0x300 && unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start, nonASCII = i, false
			}
			nonASCII = nonASCII || r >= utf8.RuneSelf
		} else {
			flush(i)
			start = -1
		}
		i += n
	}
	flush(len(s))
	if b == nil {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isLetterFast is unicode.IsLetter with an ASCII shortcut.
func isLetterFast(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// PlaceTone returns the syllable w (one word, no spaces) with its tone mark on the main vowel
// (reformed style: hoà, thuỷ, khoẻ, quý, người, ngoài). A word that carries no tone, or that would
// not be a well-formed syllable, is returned in NFC and otherwise unchanged.
func PlaceTone(w string) string {
	return placeTone(w, false)
}

// PlaceToneTraditional is PlaceTone with the traditional placement for open oa, oe and uy (hòa,
// thủy, khỏe); every other syllable is placed as PlaceTone places it.
func PlaceToneTraditional(w string) string {
	return placeTone(w, true)
}

func placeTone(w string, old bool) string {
	if hasCombining(w) {
		w = norm.NFC.String(w)
	}
	var s syllable
	if !s.load(w) || s.tone == toneNone {
		return w
	}
	k := toneIndex(s.low[:s.n], old)
	if k < 0 || (k == s.tonePos && s.tones == 1) {
		return w
	}
	out := s.render(k)
	if !IsSyllable(out) {
		return w
	}
	return out
}

// FoldIY returns s with the i/y spelling variants of one syllable folded to y: where i (with any
// tone) is the whole rhyme after h, k, l, m, t or qu, it becomes y (kĩ→kỹ, lí→lý, Mĩ→Mỹ, quí→quý,
// tỉ→tỷ). ay, ây, uy and every other i are left alone. It is a search-time synonym fold, not part
// of NormalizeTones; text without such a syllable is returned without allocating.
func FoldIY(s string) string {
	var b *strings.Builder
	last, start := 0, -1
	check := func(end int) {
		if start < 0 {
			return
		}
		i, ok := iyIndex(s[start:end])
		if !ok {
			return
		}
		if b == nil {
			b = &strings.Builder{}
			b.Grow(len(s))
		}
		at := start + i
		r, n := utf8.DecodeRuneInString(s[at:])
		base, tone, _ := splitLetter(r)
		y := 'y'
		if base == 'I' {
			y = 'Y'
		}
		b.WriteString(s[last:at])
		b.WriteRune(composeLetter(y, tone))
		last = at + n
	}
	for i, r := range s {
		if isLetterFast(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		check(i)
		start = -1
	}
	check(len(s))
	if b == nil {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// iyIndex reports whether the word w is onset h, k, l, m, t or qu followed by a lone i (any
// tone), and the byte offset of that i.
func iyIndex(w string) (int, bool) {
	if len(w) < 2 || len(w) > 5 {
		return 0, false
	}
	on := 1
	switch w[0] | 0x20 {
	case 'h', 'k', 'l', 'm', 't':
	case 'q':
		if w[1]|0x20 != 'u' {
			return 0, false
		}
		on = 2
	default:
		return 0, false
	}
	r, n := utf8.DecodeRuneInString(w[on:])
	base, _, _ := splitLetter(r)
	if (base != 'i' && base != 'I') || on+n != len(w) {
		return 0, false
	}
	return on, true
}
