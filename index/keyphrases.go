package index

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"thamluan/corpus/vntext"
)

// phraseCounts holds n-gram counts of the whole archive and of each theme's sentences, gathered
// in one pass so that key phrases for every theme cost one tokenisation of the archive.
type phraseCounts struct {
	all      map[string]int
	nAll     int
	byTheme  map[string]map[string]int
	nByTheme map[string]int
}

func newPhraseCounts() *phraseCounts {
	return &phraseCounts{all: map[string]int{}, byTheme: map[string]map[string]int{}, nByTheme: map[string]int{}}
}

// add counts the n-grams of one sentence under each of its themes.
func (pc *phraseCounts) add(text string, themes []string) {
	grams := ngrams(text)
	pc.nAll += len(grams)
	for _, g := range grams {
		pc.all[g]++
	}
	for _, t := range themes {
		m := pc.byTheme[t]
		if m == nil {
			m = map[string]int{}
			pc.byTheme[t] = m
		}
		for _, g := range grams {
			m[g]++
		}
		pc.nByTheme[t] += len(grams)
	}
}

// keyPhrases returns the n phrases most significant for a theme: frequent in the theme's
// sentences and rare elsewhere (Dunning's log-likelihood ratio against the rest of the archive),
// fragments of a longer phrase left out.
func (pc *phraseCounts) keyPhrases(theme string, n int) []FacetCount {
	in := pc.byTheme[theme]
	nin := pc.nByTheme[theme]
	nout := pc.nAll - nin
	super := superCounts(in)
	type scored struct {
		g string
		s float64
	}
	var cands []scored
	for g, a := range in {
		if a < 2 || float64(super[g]) >= 0.75*float64(a) {
			continue
		}
		b := pc.all[g] - a
		expIn := float64(nin) * float64(a+b) / float64(max(nin+nout, 1))
		if float64(a) <= expIn {
			continue
		}
		cands = append(cands, scored{g, llr(a, b, nin, nout)})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].s != cands[j].s {
			return cands[i].s > cands[j].s
		}
		return cands[i].g < cands[j].g
	})
	var res []FacetCount
	for _, c := range cands {
		if len(res) == n {
			break
		}
		if absorb(res, c.g, in[c.g]) {
			continue
		}
		res = append(res, FacetCount{Value: c.g, Count: in[c.g]})
	}
	return res
}

// absorb reports whether phrase g (seen count times) is already represented by a chosen phrase:
// contained in it, or overlapping its edge (the windows of a phrase longer than maxGram). An
// overlapping window seen about as often extends the chosen phrase ("sổ tay đảng viên" +
// "tay đảng viên điện" → "sổ tay đảng viên điện").
func absorb(chosen []FacetCount, g string, count int) bool {
	gw := strings.Fields(g)
	for i := range chosen {
		c := &chosen[i]
		if strings.Contains(" "+c.Value+" ", " "+g+" ") || strings.Contains(" "+g+" ", " "+c.Value+" ") {
			return true
		}
		cw := strings.Fields(c.Value)
		similar := float64(count) >= 0.75*float64(c.Count) && float64(c.Count) >= 0.75*float64(count)
		for k := min(len(cw), len(gw)) - 1; k >= 1; k-- {
			switch {
			case equalWords(cw[len(cw)-k:], gw[:k]): // g continues c
				if similar && len(cw)+len(gw)-k <= 2*maxGram {
					c.Value = strings.Join(append(cw, gw[k:]...), " ")
				}
				return k >= 2 || similar
			case equalWords(gw[len(gw)-k:], cw[:k]): // g leads into c
				if similar && len(cw)+len(gw)-k <= 2*maxGram {
					c.Value = strings.Join(append(gw, cw[k:]...), " ")
				}
				return k >= 2 || similar
			}
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// superCounts maps each n-gram to the highest count of an (n+1)-gram that starts or ends with
// it: "đổi số" seen mostly inside "chuyển đổi số" is a fragment, not a phrase.
func superCounts(counts map[string]int) map[string]int {
	super := map[string]int{}
	for h, c := range counts {
		if strings.Count(h, " ") < 2 {
			continue
		}
		first := h[strings.IndexByte(h, ' ')+1:]
		last := h[:strings.LastIndexByte(h, ' ')]
		super[first] = max(super[first], c)
		super[last] = max(super[last], c)
	}
	return super
}

// maxGram is the longest key phrase, in syllables.
const maxGram = 4

// ngrams returns the lower-case syllable n-grams (2 to maxGram syllables) of s that do not cross punctuation
// and neither start nor end with a function word.
func ngrams(s string) []string {
	var out []string
	for _, chunk := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsPunct(r) && r != '-' }) {
		w := strings.Fields(strings.ToLower(vntext.NormalizeTones(chunk)))
		for k := 2; k <= maxGram; k++ {
			for i := 0; i+k <= len(w); i++ {
				if edgeStop[w[i]] || edgeStop[w[i+k-1]] || hasDigit(w[i:i+k]) {
					continue
				}
				out = append(out, strings.Join(w[i:i+k], " "))
			}
		}
	}
	return out
}

func hasDigit(ws []string) bool {
	for _, w := range ws {
		for _, r := range w {
			if unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// edgeStop holds function words that make poor ends of a key phrase. They stay in the index and
// in the middle of phrases ("chuyển đổi số" keeps "số"); only phrase edges are filtered.
var edgeStop = map[string]bool{"và": true, "của": true, "các": true, "những": true, "là": true, "có": true,
	"được": true, "trong": true, "cho": true, "với": true, "để": true, "đã": true, "thì": true, "này": true,
	"đó": true, "một": true, "theo": true, "tại": true, "về": true, "từ": true, "như": true, "nhưng": true,
	"còn": true, "cũng": true, "vẫn": true, "rất": true, "đến": true, "khi": true, "ở": true, "do": true,
	"bị": true, "hoặc": true, "mà": true, "thì là": true, "nên": true, "cần": true, "phải": true}

// llr is Dunning's log-likelihood ratio of a phrase seen a times in n1 theme n-grams and b times in
// n2 others.
func llr(a, b, n1, n2 int) float64 {
	e1 := float64(n1) * float64(a+b) / float64(n1+n2)
	e2 := float64(n2) * float64(a+b) / float64(n1+n2)
	s := 0.0
	if a > 0 {
		s += float64(a) * math.Log(float64(a)/e1)
	}
	if b > 0 {
		s += float64(b) * math.Log(float64(b)/e2)
	}
	return 2 * s
}

// representative picks up to n sentences by maximal marginal relevance: high theme score, low
// word overlap with the sentences already picked.
func representative(cands []Citation, n int) []Citation {
	const lambda = 0.7
	words := make([]map[string]bool, len(cands))
	maxScore := 0.0
	for i, c := range cands {
		words[i] = wordSet(c.Text)
		maxScore = math.Max(maxScore, c.Score)
	}
	var picked []int
	used := map[int]bool{}
	for len(picked) < n && len(picked) < len(cands) {
		best, bestV := -1, math.Inf(-1)
		for i, c := range cands {
			if used[i] || len([]rune(c.Text)) < 40 {
				continue
			}
			rel := 1.0
			if maxScore > 0 {
				rel = c.Score / maxScore
			}
			sim := 0.0
			for _, p := range picked {
				sim = math.Max(sim, jaccard(words[i], words[p]))
			}
			if v := lambda*rel - (1-lambda)*sim; v > bestV {
				best, bestV = i, v
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		picked = append(picked, best)
	}
	out := make([]Citation, 0, len(picked))
	for _, i := range picked {
		out = append(out, cands[i])
	}
	return out
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(vntext.Fold(s))) {
		m[strings.Trim(w, ".,;:!?“”\"()")] = true
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 0
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
