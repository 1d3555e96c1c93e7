package coding

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// domainFilter tells, without tokenizing a text, that the text names no phrase of a set: the
// domain check of an article outside the field reads every sentence, and most name nothing.
//
// It compares the skeletons of words: a word's letters lower-cased without their tone mark,
// and the tone (skeleton). A token matches a phrase's syllable by its normalised form (the
// tone moved to the main vowel, lower case: the skeleton does not change) or, in a text without
// diacritics, by the syllable's folded form; so a text whose run of word skeletons holds no
// phrase's run of syllable skeletons (either form) names none of its phrases. A word with a
// letter the skeleton does not cover, or with two tone marks (NormalizeTones would drop one),
// may be anything: the text is tokenized.
type domainFilter struct {
	first  [filterWords]uint64 // a bit for the skeleton hash of each phrase's first syllable
	starts map[uint64][]int    // skeleton hash of a first syllable → phrases
	accept [][][2]uint64       // phrase → syllable → the skeleton hashes of its two forms
}

// filterWords is the size of domainFilter.first in 64-bit words.
const filterWords = 64

// newDomainFilter returns the filter of the phrases, or nil when a phrase's skeleton is unknown.
func newDomainFilter(phrases []string) *domainFilter {
	f := &domainFilter{starts: map[uint64][]int{}}
	for _, s := range phrases {
		toks := tokenize(s)
		if len(toks) == 0 {
			continue
		}
		var acc [][2]uint64
		for _, t := range toks {
			hn, okn := skeletonHash(t.norm)
			hf, okf := skeletonHash(t.fold)
			if !okn || !okf {
				return nil
			}
			acc = append(acc, [2]uint64{hn, hf})
		}
		p := len(f.accept)
		f.accept = append(f.accept, acc)
		for _, h := range acc[0] {
			if l := f.starts[h]; len(l) == 0 || l[len(l)-1] != p {
				f.starts[h] = append(l, p)
			}
			f.first[(h>>6)%filterWords] |= 1 << (h & 63)
		}
	}
	return f
}

// mayName reports whether s may name one of the filter's phrases: false only when it does not.
func (f *domainFilter) mayName(s string) bool {
	var buf [128]uint64
	hs := buf[:0]
	sc := wordScan{s: s}
	for {
		w, ok := sc.next()
		if !ok {
			break
		}
		h, known := skeletonHash(s[w.bs:w.be])
		if !known {
			return true
		}
		hs = append(hs, h)
	}
	for i, h := range hs {
		if f.first[(h>>6)%filterWords]&(1<<(h&63)) == 0 {
			continue
		}
		for _, p := range f.starts[h] {
			if f.runAt(hs, i, p) {
				return true
			}
		}
	}
	return false
}

// runAt reports whether the word skeletons hs from i on hold phrase p's syllable skeletons.
func (f *domainFilter) runAt(hs []uint64, i, p int) bool {
	acc := f.accept[p]
	if i+len(acc) > len(hs) {
		return false
	}
	for k, a := range acc {
		if h := hs[i+k]; h != a[0] && h != a[1] {
			return false
		}
	}
	return true
}

// skeletonHash hashes the skeleton of word w (FNV-1a over its lower-case letters without tone,
// then its tone); false when w holds a letter outside skeletonTable or two tone marks.
func skeletonHash(w string) (uint64, bool) {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	tone, tones := uint8(0), 0
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * prime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		i += n
		if r >= rune(len(skeletonTable)) {
			return 0, false
		}
		e := skeletonTable[r]
		if e.base == 0 {
			return 0, false
		}
		h = (h ^ uint64(e.base)) * prime
		if e.tone != 0 {
			tone, tones = e.tone, tones+1
		}
	}
	if tones > 1 {
		return 0, false
	}
	return (h ^ uint64(0x110000+int(tone))) * prime, true
}

// skeletonLetter is a letter's lower-case form without its tone mark and the tone (0 none);
// base 0 for a rune the skeleton does not cover.
type skeletonLetter struct {
	base rune
	tone uint8
}

// toneMarks are the combining forms of the five Vietnamese tone marks, numbered from 1.
var toneMarks = map[rune]uint8{'\u0300': 1, '\u0301': 2, '\u0303': 3, '\u0309': 4, '\u0323': 5}

// skeletonTable holds the skeleton letter of the precomposed Latin letters (U+00C0-U+024F and
// U+1E00-U+1EFF) that are their own NFC form: a letter is split by its canonical decomposition
// into its base with the other marks, recomposed, and its tone mark. Other runes above ASCII
// are not covered.
var skeletonTable = func() (t [0x1F00]skeletonLetter) {
	for r := rune(0xC0); r < 0x1F00; r++ {
		if r > 0x24F && r < 0x1E00 || !unicode.IsLetter(r) {
			continue
		}
		lr := unicode.ToLower(r)
		if lr >= 0x1F00 || norm.NFC.String(string(r)) != string(r) || norm.NFC.String(string(lr)) != string(lr) {
			continue
		}
		var rest []rune
		tone, tones := uint8(0), 0
		for _, m := range norm.NFD.String(string(lr)) {
			if tm, ok := toneMarks[m]; ok {
				tone, tones = tm, tones+1
				continue
			}
			rest = append(rest, m)
		}
		base := []rune(norm.NFC.String(string(rest)))
		if tones > 1 || len(base) != 1 || base[0] < utf8.RuneSelf && !unicode.IsLetter(base[0]) {
			continue
		}
		t[r] = skeletonLetter{base: base[0], tone: tone}
	}
	return t
}()
