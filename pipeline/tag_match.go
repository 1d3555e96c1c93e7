package pipeline

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus/vntext"
)

// token is one syllable (or number, or code such as 339-QĐ/TW) of a sentence.
type token struct {
	text       string // as written
	norm       string // NFC, one tone placement, lower case
	fold       string // norm without diacritics
	plain      bool   // the sentence carries no diacritics: it was typed without them
	start, end int    // offsets in the sentence, in characters
	bstart     int    // offset in the sentence, in bytes
	bend       int
	num        bool // starts with a digit
	upper      bool // starts with an upper-case letter
	pause      bool // a comma, semicolon, colon or dash stands before it: a clause boundary
	semi       bool // a semicolon stands before it: one statement ends, the next begins
}

// tokenize splits s into syllable tokens with their offsets. A token is a run of letters, digits
// and combining marks; '.', ',', '-' and '/' between two of them (14.300, 5,4, 339-QĐ/TW) are kept.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5)
	ci := 0 // character index
	pause, semi := true, false
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !isTokenRune(r) {
			if strings.ContainsRune(",;:–—()“”\"", r) || r == '-' && i+1 < len(s) && s[i+1] == ' ' {
				pause = true
			}
			semi = semi || r == ';'
			i += w
			ci++
			continue
		}
		j, cj := i, ci
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if isTokenRune(r2) || strings.ContainsRune(".,-/", r2) && j+w2 < len(s) && joinsWord(s, j+w2) {
				j += w2
				cj++
				continue
			}
			break
		}
		toks = append(toks, makeToken(s[i:j], ci, cj, i, j, pause))
		toks[len(toks)-1].semi = semi
		pause, semi = false, false
		i, ci = j, cj
	}
	// folded matching only for text typed without diacritics: in accented text "can" (can
	// thiệp) is not "cần"
	for _, t := range toks {
		if !t.plain {
			for k := range toks {
				toks[k].plain = false
			}
			break
		}
	}
	return toks
}

func isTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// joinsWord reports whether the rune at i continues a word after a joiner (14.300, QĐ/TW).
func joinsWord(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// normCache maps a word as written to its normalised and folded forms; Vietnamese has a few
// thousand syllables, so the cache stays small; it stops growing at normCacheMax entries.
var (
	normCache     sync.Map // string → [2]string
	normCacheSize atomic.Int64
)

const normCacheMax = 100000

func normalizeWord(w string) (string, string) {
	if v, ok := normCache.Load(w); ok {
		p := v.([2]string)
		return p[0], p[1]
	}
	n := strings.ToLower(vntext.NormalizeTones(w))
	f := vntext.Fold(n)
	if normCacheSize.Load() < normCacheMax {
		if _, loaded := normCache.LoadOrStore(w, [2]string{n, f}); !loaded {
			normCacheSize.Add(1)
		}
	}
	return n, f
}

func makeToken(w string, cs, ce, bs, be int, pause bool) token {
	n, f := normalizeWord(w)
	first, _ := utf8.DecodeRuneInString(w)
	return token{text: w, norm: n, fold: f, plain: f == n, start: cs, end: ce, bstart: bs, bend: be,
		num: unicode.IsDigit(first), upper: unicode.IsUpper(first), pause: pause}
}

// phrase is a cue or list entry split into syllables.
type phrase struct {
	norm  []string
	fold  []string
	pause []bool // a comma stands before the syllable
	id    int    // index of the entry in the list it came from
}

// phraseSet finds phrases in token sequences at syllable boundaries, longest first. A phrase
// matches a token by its normalised form, or by its folded form when the text has no diacritics.
type phraseSet struct {
	byFirst map[string][]phrase // first syllable (normalised and folded) → phrases
}

func newPhraseSet(list []string) *phraseSet {
	ps := &phraseSet{byFirst: map[string][]phrase{}}
	for i, s := range list {
		ps.add(s, i)
	}
	return ps
}

func (ps *phraseSet) add(s string, id int) {
	toks := tokenize(s)
	if len(toks) == 0 {
		return
	}
	p := phrase{id: id}
	for _, t := range toks {
		p.norm = append(p.norm, t.norm)
		p.fold = append(p.fold, t.fold)
		p.pause = append(p.pause, t.pause)
	}
	ps.byFirst[p.norm[0]] = append(ps.byFirst[p.norm[0]], p)
	if p.fold[0] != p.norm[0] {
		ps.byFirst[p.fold[0]] = append(ps.byFirst[p.fold[0]], p)
	}
}

// at returns the longest phrase starting at token i and its length in tokens (0 when none).
func (ps *phraseSet) at(toks []token, i int) (phrase, int) {
	var best phrase
	n := 0
	if ps == nil || i < 0 || i >= len(toks) {
		return best, 0
	}
	// a plain token's norm is its fold, under which folded first syllables are indexed too
	for _, p := range ps.byFirst[toks[i].norm] {
		if len(p.norm) > n && matches(toks, i, p) {
			best, n = p, len(p.norm)
		}
	}
	return best, n
}

func matches(toks []token, i int, p phrase) bool {
	if i+len(p.norm) > len(toks) {
		return false
	}
	for k := range p.norm {
		t := toks[i+k]
		if t.norm != p.norm[k] && !(t.plain && t.norm == p.fold[k]) {
			return false
		}
		if k > 0 && t.pause && !p.pause[k] {
			return false // a phrase does not straddle a comma it does not have
		}
	}
	return true
}

// shorter returns the longest phrase starting at token i that is shorter than n tokens.
func (ps *phraseSet) shorter(toks []token, i, n int) (phrase, int) {
	var best phrase
	m := 0
	for _, p := range ps.byFirst[toks[i].norm] {
		if len(p.norm) < n && len(p.norm) > m && matches(toks, i, p) {
			best, m = p, len(p.norm)
		}
	}
	return best, m
}

// has reports whether a phrase starts at token i.
func (ps *phraseSet) has(toks []token, i int) bool {
	_, n := ps.at(toks, i)
	return n > 0
}

// endingAt reports whether a phrase of the set ends right before token i (at i-1).
func (ps *phraseSet) endingAt(toks []token, i int) bool {
	for k := 1; k <= 4 && i-k >= 0; k++ {
		if _, n := ps.at(toks, i-k); n == k {
			return true
		}
	}
	return false
}

// find returns the first token index in [from, to) where a phrase starts, or -1.
func (ps *phraseSet) find(toks []token, from, to int) (int, int) {
	if to > len(toks) {
		to = len(toks)
	}
	for i := max(from, 0); i < to; i++ {
		if _, n := ps.at(toks, i); n > 0 {
			return i, n
		}
	}
	return -1, 0
}

// textOf returns the sentence text covered by tokens [i, j).
func textOf(s string, toks []token, i, j int) string {
	if i >= j || j > len(toks) {
		return ""
	}
	return s[toks[i].bstart:toks[j-1].bend]
}
