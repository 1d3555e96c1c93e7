package index

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"thamluan/corpus/vntext"
)

// keyPhrases returns the syllable bigrams and trigrams most significant for a theme: frequent in
// the theme's sentences and rare elsewhere (log-likelihood ratio against the rest of the archive).
func keyPhrases(secs []*SectionRecord, theme string, n int) []FacetCount {
	in, out := map[string]int{}, map[string]int{}
	nin, nout := 0, 0
	for _, s := range secs {
		for _, x := range s.Sentences {
			has := false
			for _, t := range x.Themes {
				if t == theme {
					has = true
				}
			}
			grams := ngrams(x.Text)
			for _, g := range grams {
				if has {
					in[g]++
				} else {
					out[g]++
				}
			}
			if has {
				nin += len(grams)
			} else {
				nout += len(grams)
			}
		}
	}
	type scored struct {
		g string
		s float64
	}
	var cands []scored
	for g, a := range in {
		if a < 2 {
			continue
		}
		b := out[g]
		expIn := float64(nin) * float64(a+b) / float64(nin+nout)
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
		if covered(res, c.g) {
			continue
		}
		res = append(res, FacetCount{Value: c.g, Count: in[c.g]})
	}
	return res
}

// covered reports whether g overlaps a phrase already chosen (a bigram inside a chosen trigram).
func covered(chosen []FacetCount, g string) bool {
	for _, c := range chosen {
		if strings.Contains(c.Value, g) || strings.Contains(g, c.Value) {
			return true
		}
	}
	return false
}

// ngrams returns the lower-case syllable bigrams and trigrams of s that do not cross punctuation
// and neither start nor end with a function word.
func ngrams(s string) []string {
	var out []string
	for _, chunk := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsPunct(r) && r != '-' }) {
		w := strings.Fields(strings.ToLower(vntext.NormalizeTones(chunk)))
		for k := 2; k <= 3; k++ {
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
