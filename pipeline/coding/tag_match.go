package coding

import (
	"hash/maphash"
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
	start, end int    // offsets in the sentence, in characters
	bstart     int    // offset in the sentence, in bytes
	bend       int
	hash       uint64 // syllableHash(norm): phraseSet.at skips most tokens without a map lookup
	plain      bool   // the sentence carries no diacritics: it was typed without them
	num        bool   // starts with a digit
	upper      bool   // starts with an upper-case letter
	pause      bool   // a comma, semicolon, colon or dash stands before it: a clause boundary
	semi       bool   // a semicolon stands before it: one statement ends, the next begins
}

// tokenize splits s into syllable tokens with their offsets. A token is a run of letters, digits
// and combining marks; '.', ',', '-' and '/' between two of them (14.300, 5,4, 339-QĐ/TW) are kept.
func tokenize(s string) []token {
	// about a token a space; append grows the slice when there are more
	return tokenizeInto(make([]token, 0, strings.Count(s, " ")+2), s)
}

// sectionTokens holds the token arenas of tagSection, reused from section to section.
var sectionTokens = sync.Pool{New: func() any { return new([]token) }}

// tokensIn returns tokenize(s), its tokens appended to the arena: the tokens of the sentences
// before stay where they are (a full arena is replaced by a larger one, not grown in place).
func tokensIn(arena *[]token, s string) []token {
	need := strings.Count(s, " ") + 2
	buf := *arena
	if cap(buf)-len(buf) < need {
		buf = make([]token, 0, max(2*cap(buf), need, 256))
	}
	toks := tokenizeInto(buf[len(buf):len(buf):len(buf)+need], s)
	if len(toks) <= need { // the tokens are in the arena (no larger array was needed)
		buf = buf[:len(buf)+len(toks)]
	}
	*arena = buf
	return toks
}

// tokenizeInto is tokenize appending to toks (of length 0), whose room a caller that reads the
// tokens only until its next call reuses.
func tokenizeInto(toks []token, s string) []token {
	sc := wordScan{s: s}
	for {
		w, ok := sc.next()
		if !ok {
			break
		}
		pause := w.pause || len(toks) == 0
		toks = append(toks, makeToken(s[w.bs:w.be], w.cs, w.ce, w.bs, w.be, pause))
		toks[len(toks)-1].semi = w.semi
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

// wordScan cuts a text into the words tokenize makes tokens of. A word is a run of letters,
// digits and combining marks; '.', ',', '-' and '/' between two of them (14.300, 5,4,
// 339-QĐ/TW) are kept.
type wordScan struct {
	s     string
	i, ci int // the byte and the character where the scan goes on
}

// scannedWord is one word of a wordScan: bytes [bs, be), characters [cs, ce), and whether a
// comma, semicolon, colon or dash (pause) or a semicolon (semi) stands between it and the word
// before.
type scannedWord struct {
	bs, be, cs, ce int
	pause, semi    bool
}

// next returns the next word, false after the last.
func (sc *wordScan) next() (scannedWord, bool) {
	var w scannedWord
	s, i, ci := sc.s, sc.i, sc.ci
	for i < len(s) {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		} else if asciiClass[r]&asciiToken == 0 { // a separator: is it a pause?
			if asciiClass[r]&asciiPause != 0 || r == '-' && i+1 < len(s) && s[i+1] == ' ' {
				w.pause = true
			}
			w.semi = w.semi || r == ';'
			i++
			ci++
			continue
		}
		if !isTokenRune(r) {
			if strings.ContainsRune(",;:–—()“”\"", r) {
				w.pause = true
			}
			i += n
			ci++
			continue
		}
		j, cj := sc.wordEnd(i, ci)
		w.bs, w.be, w.cs, w.ce = i, j, ci, cj
		sc.i, sc.ci = j, cj
		return w, true
	}
	sc.i, sc.ci = i, ci
	return w, false
}

// wordEnd returns the byte and the character where the word starting at byte i (character ci)
// ends.
func (sc *wordScan) wordEnd(i, ci int) (int, int) {
	s := sc.s
	j, cj := i, ci
	for j < len(s) {
		if c := s[j]; c < utf8.RuneSelf {
			if asciiClass[c]&asciiToken == 0 && (asciiClass[c]&asciiJoiner == 0 || j+1 >= len(s) || !joinsWord(s, j+1)) {
				break
			}
			j++
			cj++
			continue
		}
		r2, w2 := utf8.DecodeRuneInString(s[j:])
		if !isTokenRune(r2) {
			break
		}
		j += w2
		cj++
	}
	return j, cj
}

// The classes of the ASCII bytes for wordScan: token runes (letters and digits), the pauses
// (",;:()\"") and the joiners (".,-/").
const (
	asciiToken = 1 << iota
	asciiPause
	asciiJoiner
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if isTokenRuneSlow(c) {
			t[c] |= asciiToken
		}
		if strings.ContainsRune(",;:()\"", c) {
			t[c] |= asciiPause
		}
		if strings.ContainsRune(".,-/", c) {
			t[c] |= asciiJoiner
		}
	}
	return t
}()

func isTokenRune(r rune) bool {
	if r >= 0 && r < tokenRuneTableSize {
		return tokenRuneTable[r/64]&(1<<(r%64)) != 0
	}
	return isTokenRuneSlow(r)
}

func isTokenRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenRuneTableSize covers Latin, the combining marks and Vietnamese letters (U+1E00-U+1EFF).
const tokenRuneTableSize = 0x2000

// tokenRuneTable holds isTokenRuneSlow for the runes below tokenRuneTableSize, one bit each.
var tokenRuneTable = func() (t [tokenRuneTableSize / 64]uint64) {
	for r := rune(0); r < tokenRuneTableSize; r++ {
		if isTokenRuneSlow(r) {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return t
}()

// joinsWord reports whether the rune at i continues a word after a joiner (14.300, QĐ/TW).
func joinsWord(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// normForms are the normalised and folded forms of a word as written, and the hash of the first.
type normForms struct {
	norm, fold string
	hash       uint64
}

// normCache maps a word as written to its normForms; Vietnamese has a few thousand syllables, so
// the cache stays small; it stops growing at normCacheMax entries. Lookups read an immutable map
// without locking; new words wait in pending until the map is rebuilt with them.
var normCache struct {
	words   atomic.Pointer[map[string]normForms]
	mu      sync.Mutex
	pending map[string]normForms
}

const normCacheMax = 100000

func normalizeWord(w string) (string, string) {
	f := normalizedForms(w)
	return f.norm, f.fold
}

// normalizedForms returns the forms of w, from the cache when it holds them. A word of ASCII
// lower-case letters and digits is its own forms (tones and diacritics do not touch it).
func normalizedForms(w string) normForms {
	if vntext.IsASCIILower(w) {
		return normForms{norm: w, fold: w, hash: syllableHash(w)}
	}
	if words := normCache.words.Load(); words != nil {
		if f, ok := (*words)[w]; ok {
			return f
		}
	}
	normCache.mu.Lock()
	defer normCache.mu.Unlock()
	if f, ok := normCache.pending[w]; ok {
		return f
	}
	n := strings.ToLower(vntext.NormalizeTones(w))
	f := normForms{norm: n, fold: vntext.Fold(n), hash: syllableHash(n)}
	var words map[string]normForms
	if p := normCache.words.Load(); p != nil {
		words = *p
	}
	if len(words)+len(normCache.pending) >= normCacheMax {
		return f
	}
	if normCache.pending == nil {
		normCache.pending = map[string]normForms{}
	}
	normCache.pending[w] = f
	if len(normCache.pending) >= 64+len(words)/4 { // rebuilt at geometric steps: amortised O(1) a word
		next := make(map[string]normForms, len(words)+len(normCache.pending))
		for k, v := range words {
			next[k] = v
		}
		for k, v := range normCache.pending {
			next[k] = v
		}
		normCache.words.Store(&next)
		normCache.pending = nil
	}
	return f
}

// hashSeed seeds syllableHash for the life of the process.
var hashSeed = maphash.MakeSeed()

// syllableHash hashes a normalised or folded syllable for phraseSet's filter.
func syllableHash(s string) uint64 {
	return maphash.String(hashSeed, s)
}

func makeToken(w string, cs, ce, bs, be int, pause bool) token {
	nf := normalizedForms(w)
	first, _ := utf8.DecodeRuneInString(w)
	return token{text: w, norm: nf.norm, fold: nf.fold, plain: nf.fold == nf.norm, start: cs, end: ce, bstart: bs, bend: be,
		num: unicode.IsDigit(first), upper: unicode.IsUpper(first), pause: pause, hash: nf.hash}
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
	// byHash holds the lists of byFirst under the syllableHash of their key, for a lookup
	// without hashing the token again; matches checks the first syllable, so a collision of
	// two keys' hashes only adds candidates that do not match. Nil when the set was built
	// without add.
	byHash map[uint64][]phrase
	// filter has two bits set for the hash of each key of byFirst (a Bloom filter): a token
	// whose bits are not both set starts no phrase. Nil when the set was built without add.
	filter []uint64
}

// filterBits is how many filter bits a phraseSet has for each key: with two bits a key, a token
// that starts no phrase passes the filter about once in a hundred.
const filterBits = 16

// mayStart reports whether a token with hash h can be a key of byFirst.
func (ps *phraseSet) mayStart(h uint64) bool {
	f := ps.filter
	if len(f) == 0 {
		return true
	}
	m := uint64(len(f)) - 1 // len(f) is a power of two
	return f[(h>>6)&m]&(1<<(h&63)) != 0 && f[(h>>38)&m]&(1<<((h>>32)&63)) != 0
}

// indexKey adds key to byFirst's entries and to the filter, which grows as keys are added.
func (ps *phraseSet) indexKey(key string, p phrase) {
	if ps.byFirst == nil {
		ps.byFirst = map[string][]phrase{}
	}
	_, known := ps.byFirst[key]
	ps.byFirst[key] = append(ps.byFirst[key], p)
	if ps.byHash == nil {
		ps.byHash = map[uint64][]phrase{}
	}
	h := syllableHash(key)
	ps.byHash[h] = append(ps.byHash[h], p)
	if known {
		return
	}
	if bits := len(ps.filter) * 64; bits < len(ps.byFirst)*filterBits {
		n := 1 // words of the filter: a power of two, for the mask
		for n*64 < len(ps.byFirst)*filterBits {
			n *= 2
		}
		ps.filter = make([]uint64, n)
		for k := range ps.byFirst {
			ps.setFilter(syllableHash(k))
		}
		return
	}
	ps.setFilter(syllableHash(key))
}

func (ps *phraseSet) setFilter(h uint64) {
	f := ps.filter
	m := uint64(len(f)) - 1
	f[(h>>6)&m] |= 1 << (h & 63)
	f[(h>>38)&m] |= 1 << ((h >> 32) & 63)
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
	ps.indexKey(p.norm[0], p)
	if p.fold[0] != p.norm[0] {
		ps.indexKey(p.fold[0], p)
	}
}

// at returns the longest phrase starting at token i and its length in tokens (0 when none). It
// is small enough to be inlined: most tokens start no phrase and pass no filter.
func (ps *phraseSet) at(toks []token, i int) (phrase, int) {
	if ps == nil || uint(i) >= uint(len(toks)) || !ps.mayStart(toks[i].hash) {
		return phrase{}, 0
	}
	return ps.longestAt(toks, i)
}

// longestAt is at without the filter.
func (ps *phraseSet) longestAt(toks []token, i int) (phrase, int) {
	var best *phrase
	n := 0
	// a plain token's norm is its fold, under which folded first syllables are indexed too
	list := ps.candidates(&toks[i])
	for k := range list {
		if p := &list[k]; len(p.norm) > n && matches(toks, i, p) {
			best, n = p, len(p.norm)
		}
	}
	if best == nil {
		return phrase{}, 0
	}
	return *best, n
}

// candidates returns the phrases that may start at t, in the order they were added.
func (ps *phraseSet) candidates(t *token) []phrase {
	if ps.byHash == nil {
		return ps.byFirst[t.norm]
	}
	return ps.byHash[t.hash]
}

func matches(toks []token, i int, p *phrase) bool {
	if i+len(p.norm) > len(toks) {
		return false
	}
	for k := range p.norm {
		t := &toks[i+k]
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
	if !ps.mayStart(toks[i].hash) {
		return best, 0
	}
	list := ps.candidates(&toks[i])
	for k := range list {
		if p := &list[k]; len(p.norm) < n && len(p.norm) > m && matches(toks, i, p) {
			best, m = *p, len(p.norm)
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
