package index

import (
	_ "embed" // the common syllables
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/kljensen/snowball/english"

	"thamluan/corpus/vntext"
)

// commonGramsText lists the frequent folded syllables, one a line ('#' starts a comment).
//
//go:embed commongrams.txt
var commonGramsText string

// commonSyllables is the set of frequent folded syllables: a bigram with one of them is indexed.
var commonSyllables = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(commonGramsText, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
})

// IsCommonSyllable reports whether a folded syllable is one of the frequent ones: the bigram
// field holds every pair of adjacent syllables of which one is common.
func IsCommonSyllable(folded string) bool { return commonSyllables()[folded] }

// termCache maps a token's bytes to a derived form (tone placement, folding), computed once per
// distinct token: a corpus has a few tens of thousands of distinct syllables, so filters stop
// allocating after the first pages. It stops growing at maxCached entries.
type termCache struct {
	mu  sync.RWMutex
	m   map[string][]byte
	f   func(string) string
	max int
}

// maxCached bounds the syllable caches; maxGrams the bigram cache (used by the query-side
// analyzer), whose frequent pairs come first and whose rare ones are seldom met again. 65,536
// entries keep every frequent syllable (5,000 news articles have about 22,000 distinct folded
// ones), while an archive's long tail of names and numbers is computed afresh rather than held:
// the caches grow with the vocabulary (18 MB of heap after 5,000 articles with four times this
// bound), and a large run's heap is held under 256 MB.
const (
	maxCached = 1 << 16
	maxGrams  = 1 << 16
)

func newTermCache(f func(string) string) *termCache {
	return &termCache{m: map[string][]byte{}, f: f, max: maxCached}
}

// get returns the derived form of b. The result is shared: callers must not modify it.
func (c *termCache) get(b []byte) []byte {
	c.mu.RLock()
	v, ok := c.m[string(b)]
	c.mu.RUnlock()
	if ok {
		return v
	}
	s := string(b)
	v = []byte(c.f(s))
	c.mu.Lock()
	if len(c.m) < c.max {
		c.m[s] = v
	}
	c.mu.Unlock()
	return v
}

// syllable is what the streams need of one distinct token: its exact and folded forms, and
// whether the folded form is a common syllable.
type syllable struct {
	exact, folded []byte
	common        bool
}

// syllableCache maps a token as written to its syllable, computed once.
var syllableCache struct {
	mu sync.RWMutex
	m  map[string]*syllable
}

func lookupSyllable(b []byte) *syllable {
	syllableCache.mu.RLock()
	v, ok := syllableCache.m[string(b)]
	syllableCache.mu.RUnlock()
	if ok {
		return v
	}
	e := exactCache.get(b)
	f := foldCache.get(e)
	v = &syllable{exact: e, folded: f, common: commonSyllables()[string(f)]}
	syllableCache.mu.Lock()
	if syllableCache.m == nil {
		syllableCache.m = map[string]*syllable{}
	}
	if len(syllableCache.m) < maxCached {
		syllableCache.m[string(b)] = v
	}
	syllableCache.mu.Unlock()
	return v
}

var (
	toneCache = newTermCache(vntext.NormalizeTones)
	foldCache = newTermCache(vntext.Fold)
	// exactCache maps a token as written to its lower-case, tone-normalised form.
	exactCache = newTermCache(func(s string) string { return vntext.NormalizeTones(strings.ToLower(s)) })
	gramCache  = &termCache{m: map[string][]byte{}, f: func(s string) string { return s }, max: maxGrams}
)

// commonGrams returns the bigrams of adjacent folded tokens of which at least one is a common
// syllable, joined by a space, each spanning its two words.
func commonGrams(folded analysis.TokenStream) analysis.TokenStream {
	common := commonSyllables()
	var out analysis.TokenStream
	var buf []byte
	for i := 0; i+1 < len(folded); i++ {
		a, b := folded[i], folded[i+1]
		if common[string(a.Term)] || common[string(b.Term)] {
			buf = append(append(append(buf[:0], a.Term...), ' '), b.Term...)
			out = append(out, &analysis.Token{Term: gramCache.get(buf), Start: a.Start, End: b.End,
				Position: a.Position, Type: analysis.Shingle})
		}
	}
	return out
}

// CommonGramsFilter turns a folded token stream into its common bigrams (see commonGrams).
type CommonGramsFilter struct{}

// Filter implements analysis.TokenFilter.
func (CommonGramsFilter) Filter(in analysis.TokenStream) analysis.TokenStream { return commonGrams(in) }

// textStreams tokenises a section's text once and derives every stream the text fields index
// from that one pass: exact (lower case, one tone placement), folded, common bigrams and, for
// a section that may be English, stemmed English. Each field gets a streamAnalyzer on it.
type textStreams struct {
	text    []byte
	english bool
	once    sync.Once
	streams [numStreams]analysis.TokenStream
	fields  int // streams not yet handed out: the last field to take one lets the tokens go
}

// The streams of a text.
const (
	streamExact = iota
	streamFolded
	streamGrams
	streamEnglish
	numStreams
)

var tokenizer = unicode.NewUnicodeTokenizer()

func (s *textStreams) analyze() {
	raw := tokenizer.Tokenize(s.text)
	n := len(raw)
	toks := make([]analysis.Token, 2*n)
	exact := make(analysis.TokenStream, n)
	folded := make(analysis.TokenStream, n)
	common := make([]bool, n)
	grams := 0
	for i, t := range raw {
		syl := lookupSyllable(t.Term)
		e, f := &toks[i], &toks[n+i]
		*e = *t
		e.Term = syl.exact
		*f = *e
		f.Term = syl.folded
		exact[i], folded[i], common[i] = e, f, syl.common
		if i > 0 && (syl.common || common[i-1]) {
			grams++
		}
	}
	s.streams[streamExact], s.streams[streamFolded] = exact, folded
	if grams > 0 {
		// The bigrams' bytes go into one buffer per text: most pairs are rare (a few hundred
		// thousand distinct ones in 5,000 articles), so a cache shared between texts would
		// mostly miss, allocating and locking for each.
		size := 0
		for i := 1; i < n; i++ {
			if common[i] || common[i-1] {
				size += len(folded[i-1].Term) + 1 + len(folded[i].Term)
			}
		}
		arena := make([]byte, 0, size)
		gs := make([]analysis.Token, 0, grams)
		out := make(analysis.TokenStream, 0, grams)
		for i := 1; i < n; i++ {
			if common[i] || common[i-1] {
				a, b := folded[i-1], folded[i]
				at := len(arena)
				arena = append(append(append(arena, a.Term...), ' '), b.Term...)
				gs = append(gs, analysis.Token{Term: arena[at:len(arena):len(arena)], Start: a.Start, End: b.End,
					Position: a.Position, Type: analysis.Shingle})
				out = append(out, &gs[len(gs)-1])
			}
		}
		s.streams[streamGrams] = out
	}
	if s.english && LooksEnglish(exact) {
		en := make(analysis.TokenStream, n)
		for i, e := range exact {
			t := *e
			if isASCII(t.Term) {
				t.Term = []byte(english.Stem(string(t.Term), false))
			}
			en[i] = &t
		}
		s.streams[streamEnglish] = en
	}
	s.text = nil
}

// streamAnalyzer hands one stream of a textStreams to a field.
type streamAnalyzer struct {
	s    *textStreams
	kind int
}

// Analyze implements analysis.Analyzer; the input is the field's value, the text itself.
func (a streamAnalyzer) Analyze([]byte) analysis.TokenStream {
	a.s.once.Do(a.s.analyze)
	out := a.s.streams[a.kind]
	if a.s.fields--; a.s.fields == 0 {
		// Every field has its tokens (counted into its term frequencies): a document waiting
		// in a batch holds those, not the token arrays too.
		a.s.streams = [numStreams]analysis.TokenStream{}
	}
	return out
}
