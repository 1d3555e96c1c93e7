package index

import (
	"context"
	"math"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"weak"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"thamluan/corpus/vntext"
)

// A query typed without diacritics matches every word that folds to it, while the same query
// typed with them matches only words with its marks (#13). To rank the accent-free query as the
// accented one would, search infers the query's most likely accented reading from the index's
// own words, scores exact accents on that reading, and ranks first the sections holding the
// reading itself (its words together, each as the reading writes it: restoreBoost), then those
// near it (two of the words together in any marks, or one word as the reading writes it:
// restoreBoost/2), then the rest, which share only scattered syllables written otherwise. Every
// folded form still matches.
//
// The reading of each word is the exact form most sections of the archive hold among those that
// fold to it (looked up in the exact field's term dictionary under the prefixes they can start
// with, and kept per index until it changes); runs of two to four syllables that fold to a word
// of the embedded word list take that word's marks when the archive holds each of its syllables
// so written ("ho so" is "hồ sơ", not "hộ số"); of several such words, and for a pair of words
// either of which is in doubt, the forms most sections hold together win ("hội thảo" rather than
// "hội thao", "việt nam" rather than "việt năm").

// restoreBoost is the score added to a section holding the inferred reading: more than any sum
// of the query's parts, so such sections come first, in the accented query's order.
const restoreBoost = 1000

// restoredScore is a section's score without what restoreBoost added: the scores of the
// query's parts alone, below restoreBoost/2.
func restoredScore(s float64) float64 { return math.Mod(s, restoreBoost/2) }

// restoreRefresh is how long a restoration table serves an index that has since changed.
const restoreRefresh = time.Minute

// restorer keeps, for one index, the exact words that fold to each folded word it was asked
// about, the number of sections holding each, and the readings it inferred.
type restorer struct {
	mu       sync.Mutex
	docs     uint64
	built    time.Time
	forms    map[string][]string // by folded word, as far as asked (formsOf)
	counts   map[string]uint64
	readings map[string][]string // by folded query; nil: the query as typed
}

var restorers = struct {
	sync.Mutex
	m map[weak.Pointer[Index]]*restorer
}{m: map[weak.Pointer[Index]]*restorer{}}

// restorerOf returns the index's restoration table, built on first use.
func (ix *Index) restorerOf() *restorer {
	key := weak.Make(ix)
	restorers.Lock()
	defer restorers.Unlock()
	r := restorers.m[key]
	if r == nil {
		r = &restorer{}
		restorers.m[key] = r
		runtime.AddCleanup(ix, func(k weak.Pointer[Index]) {
			restorers.Lock()
			delete(restorers.m, k)
			restorers.Unlock()
		}, key)
	}
	return r
}

// refresh forgets what r learnt of ix when the index has changed and r is older than
// restoreRefresh. r.mu is held.
func (r *restorer) refresh(ix *Index) {
	docs, err := ix.bi.DocCount()
	if err != nil || (r.forms != nil && (docs == r.docs || time.Since(r.built) < restoreRefresh)) {
		return
	}
	r.forms, r.counts, r.readings, r.docs, r.built = map[string][]string{}, map[string]uint64{}, map[string][]string{}, docs, time.Now()
}

// letterForms maps each unmarked letter to the letters that fold to it (a: a, à, á, …, ă, â, …).
var letterForms = sync.OnceValue(func() map[rune][]rune {
	m := map[rune][]rune{}
	for _, r := range "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵdđ" {
		f := []rune(vntext.Fold(string(r)))[0]
		m[f] = append(m[f], r)
	}
	return m
})

// formsOf returns the exact words of ix that fold to the folded word w, read from the exact
// field's term dictionary under the prefixes they can start with: the consonants before w's
// first vowel or d, which marks do not change, then each form of that letter. r.mu is held.
func (r *restorer) formsOf(ix *Index, w string) []string {
	if f, ok := r.forms[w]; ok {
		return f
	}
	rs := []rune(w)
	k := 0
	for k < len(rs) && letterForms()[rs[k]] == nil {
		k++
	}
	prefixes := []string{w}
	if k < len(rs) {
		prefixes = prefixes[:0]
		for _, v := range letterForms()[rs[k]] {
			prefixes = append(prefixes, string(rs[:k])+string(v))
		}
	}
	var forms []string
	for _, p := range prefixes {
		d, err := ix.bi.FieldDictPrefix(FieldText, []byte(p))
		if err != nil {
			continue
		}
		for {
			e, err := d.Next()
			if err != nil || e == nil {
				break
			}
			if len(e.Term) <= 3*len(w) && vntext.Fold(e.Term) == w {
				forms = append(forms, e.Term)
			}
		}
		d.Close()
	}
	r.forms[w] = forms
	return forms
}

// counter counts the sections holding an exact word, through one reader of the index.
type counter struct {
	r      *restorer
	reader bindex.IndexReader
}

func (c counter) count(w string) uint64 {
	if n, ok := c.r.counts[w]; ok {
		return n
	}
	var n uint64
	if c.reader != nil {
		if tfr, err := c.reader.TermFieldReader(context.Background(), []byte(w), FieldText, false, false, false); err == nil {
			n = tfr.Count()
			tfr.Close()
		}
	}
	c.r.counts[w] = n
	return n
}

// foldedWordList maps each multi-syllable word of the embedded list, folded, to its written forms.
var foldedWordList = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for w := range wordList() {
		if strings.IndexByte(w, ' ') > 0 {
			f := vntext.Fold(w)
			m[f] = append(m[f], w)
		}
	}
	return m
})

// reading returns the most likely accented form of folded words, from the index's own words;
// ok is false when it infers nothing beyond the words as typed. Readings are kept per index
// until it changes.
func (ix *Index) reading(words []string) (out []string, ok bool) {
	r := ix.restorerOf()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.refresh(ix)
	key := strings.Join(words, " ")
	if got, ok := r.readings[key]; ok {
		return got, got != nil
	}
	// The word list is read first: a reader held open while the index merges keeps the merged
	// segments' files until the next merge, and Close would wait for them.
	foldedWordList()
	c := counter{r: r}
	if adv, err := ix.bi.Advanced(); err == nil {
		if reader, err := adv.Reader(); err == nil {
			defer reader.Close()
			c.reader = reader
		}
	}
	out = ix.infer(words, c)
	ok = strings.Join(out, " ") != key
	if len(r.readings) >= maxReadings {
		clear(r.readings)
	}
	if ok {
		r.readings[key] = out
	} else {
		r.readings[key] = nil
	}
	return out, ok
}

// maxReadings bounds the readings an index keeps.
const maxReadings = 4096

// infer reads words: listed words first (wordAt), then each other word in the form most
// sections hold, unless a pair with a neighbour is held together more often in other forms.
func (ix *Index) infer(words []string, c counter) []string {
	list := foldedWordList()
	out := make([]string, len(words))
	listed := make([]bool, len(words))
	for i := 0; i < len(words); {
		if n, word := ix.wordAt(words[i:], list, c); n > 0 {
			copy(out[i:], strings.Fields(word))
			for k := i; k < i+n; k++ {
				listed[k] = true
			}
			i += n
			continue
		}
		i++
	}
	cands := make([][]string, len(words))
	for i, w := range words {
		if listed[i] {
			cands[i] = []string{out[i]}
			continue
		}
		cands[i] = c.likely(c.r.formsOf(ix, w), w)
		out[i] = cands[i][0]
	}
	// a pair where either word is in doubt takes the forms most sections hold together
	for i := 0; i+1 < len(words); i++ {
		if len(cands[i]) == 1 && len(cands[i+1]) == 1 {
			continue
		}
		best, bestN := [2]string{}, uint64(0)
		for _, a := range cands[i] {
			for _, b := range cands[i+1] {
				if n := ix.heldTogether(a+" "+b, words[i:i+2]); n > bestN {
					best, bestN = [2]string{a, b}, n
				}
			}
		}
		if bestN > 0 {
			out[i], out[i+1] = best[0], best[1]
		}
	}
	return out
}

// likely returns the forms of a folded word most sections hold, the most held first: those held
// by at least a tenth as many sections as the first, at most three; the word itself when the
// index holds none.
func (c counter) likely(forms []string, w string) []string {
	forms = append([]string(nil), forms...)
	sort.SliceStable(forms, func(i, j int) bool { return c.count(forms[i]) > c.count(forms[j]) })
	if len(forms) == 0 || c.count(forms[0]) == 0 {
		return []string{w}
	}
	n := 1
	for n < len(forms) && n < 3 && c.count(forms[n])*10 >= c.count(forms[0]) {
		n++
	}
	return forms[:n]
}

// wordAt finds the longest listed word of two to four syllables, with diacritics, that words
// start with and that the index holds each syllable of, as written. Among several such words
// ("hội thảo", "hội thao"), the one most sections hold with every syllable so written and the
// syllables adjacent wins.
func (ix *Index) wordAt(words []string, list map[string][]string, c counter) (int, string) {
	for n := min(4, len(words)); n >= 2; n-- {
		run := strings.Join(words[:n], " ")
		var valid []string
		for _, w := range list[run] {
			if w == run {
				continue // a listed word without diacritics restores nothing
			}
			held := true
			for _, s := range strings.Fields(w) {
				held = held && c.count(s) > 0
			}
			if held {
				valid = append(valid, w)
			}
		}
		if len(valid) == 1 {
			return n, valid[0]
		}
		best, bestN := "", uint64(0)
		for _, w := range valid {
			if k := ix.heldTogether(w, words[:n]); k > bestN {
				best, bestN = w, k
			}
		}
		if bestN > 0 {
			return n, best
		}
	}
	return 0, ""
}

// heldTogether counts the sections holding every syllable of w as written and its folded
// syllables adjacent.
func (ix *Index) heldTogether(w string, folded []string) uint64 {
	qs := []query.Query{runQuery(folded, 1)}
	for _, s := range strings.Fields(w) {
		qs = append(qs, term(FieldText, s))
	}
	sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(qs...), 0, 0, false)
	sr.Score = "none"
	res, err := ix.bi.Search(sr)
	if err != nil {
		return 0
	}
	return res.Total
}
