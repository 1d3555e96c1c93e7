package index

import (
	"sort"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/kljensen/snowball/english"

	"thamluan/corpus/vntext"
)

// unit is a run of query words meant together: the plain words of a group, or a phrase, or one
// prefix. Words are lower case and folded; stems are their English stems. exact is set when
// the query was typed with diacritics: a word of the text then matches only with raw's marks.
type unit struct {
	raw    []string // as typed, lower case, one tone placement
	words  []string
	stems  []string
	prefix bool
	exact  bool
}

// queryUnits lists the positive units of a query, the ones a highlight may show.
func queryUnits(n node) []unit {
	out := queryUnitList(n)
	if accented(n) {
		for i := range out {
			out[i].exact = true
		}
	}
	return out
}

func queryUnitList(n node) []unit {
	var out []unit
	var walk func(n node)
	walk = func(n node) {
		switch x := n.(type) {
		case termNode:
			out = append(out, newUnit(x.text, x.prefix))
		case phraseNode:
			out = append(out, newUnit(x.text, false))
		case orNode:
			for _, a := range x.alts {
				walk(a)
			}
		case andNode:
			var words []string
			for _, c := range x.clauses {
				if c.op == occurMustNot {
					continue
				}
				if t, ok := c.n.(termNode); ok && c.op == occurShould && !t.prefix {
					words = append(words, t.text)
					continue
				}
				walk(c.n)
			}
			if len(words) > 0 {
				out = append(out, newUnit(strings.Join(words, " "), false))
			}
		}
	}
	walk(n)
	return out
}

func newUnit(text string, prefix bool) unit {
	var u unit
	u.prefix = prefix
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) }) {
		w = exactForm(w)
		u.raw = append(u.raw, w)
		u.words = append(u.words, vntext.Fold(w))
		u.stems = append(u.stems, english.Stem(w, false))
	}
	return u
}

// exactForm returns a word as the exact fields index it: lower case, one tone placement.
func exactForm(w string) string { return string(exactCache.get([]byte(w))) }

// matches reports whether the location's term (from field) is word i of the unit. word is the
// text's word at that place, in exactForm.
func (u unit) matches(i int, field, term, word string) bool {
	if field == FieldTextEnglish {
		return term == u.stems[i]
	}
	if u.exact {
		if u.prefix {
			return strings.HasPrefix(word, u.raw[i])
		}
		return word == u.raw[i]
	}
	f := vntext.Fold(term)
	if u.prefix {
		return strings.HasPrefix(f, u.words[i])
	}
	return f == u.words[i]
}

// hlToken is a matched word of the text: its position and byte range, its exact form and its
// terms per field.
type hlToken struct {
	start, end int
	word       string
	terms      [][2]string // field, term
}

// highlightSpans picks the matched words worth marking. For a unit of several words, when the
// section holds them adjacent (a phrase or shingle match), only those adjacent runs are marked,
// not the same syllables scattered elsewhere ("sở" far from "chuyển đổi số"); otherwise each
// matched word is.
func highlightSpans(text string, locs search.FieldTermLocationMap, units []unit) []Span {
	toks := map[uint64]*hlToken{}
	for _, field := range []string{FieldText, FieldTextFolded, FieldTextEnglish} {
		for term, ls := range locs[field] {
			for _, l := range ls {
				if int(l.End) > len(text) || l.Start >= l.End {
					continue
				}
				t := toks[l.Pos]
				if t == nil {
					t = &hlToken{start: int(l.Start), end: int(l.End), word: exactForm(text[l.Start:l.End])}
					toks[l.Pos] = t
				}
				t.terms = append(t.terms, [2]string{field, term})
			}
		}
	}
	keep := map[uint64]bool{}
	for _, u := range units {
		if len(u.words) == 0 {
			continue
		}
		hit := func(pos uint64, i int) bool {
			t := toks[pos]
			if t == nil {
				return false
			}
			for _, ft := range t.terms {
				if u.matches(i, ft[0], ft[1], t.word) {
					return true
				}
			}
			return false
		}
		inRun := map[uint64]bool{}
		if len(u.words) > 1 {
			for pos := range toks {
				for i := 0; i+1 < len(u.words); i++ {
					if hit(pos, i) && hit(pos+1, i+1) {
						inRun[pos], inRun[pos+1] = true, true
					}
				}
			}
		}
		for pos := range toks {
			if len(inRun) > 0 {
				if inRun[pos] {
					keep[pos] = true
				}
				continue
			}
			for i := range u.words {
				if hit(pos, i) {
					keep[pos] = true
					break
				}
			}
		}
	}
	spans := make([]Span, 0, len(keep))
	for pos := range keep {
		spans = append(spans, Span{toks[pos].start, toks[pos].end})
	}
	return spans
}

// tieMargin is how close two scores are to count as a tie: length normalisation alone moves
// scores by more than this between sections that match a query equally well.
const tieMargin = 0.01

// breakTies orders hits whose scores are within tieMargin of the first of their run: those that
// hold every word of the query (in the folded text) come first, by how many of its adjacent pairs
// of words they hold adjacent, more first; the order by score stays otherwise. A section holding
// "nhà ở xã hội cho công nhân" whole ranks above a shorter one holding "nhà ở xã hội" and "công
// nhân" only, which length normalisation alone would put first; but between two sections that
// each lack some words, holding one word more is no evidence against the scores (a news lead
// naming "Đảng ủy Khối Doanh nghiệp tỉnh Bình Định" does not answer "... kết luận" better than
// the conclusion naming the committee without the province).
//
// With restored set, scores carry restoreBoost (restore.go): only hits of one rank of it tie,
// on their scores without it.
func breakTies(hits search.DocumentMatchCollection, units []unit, restored bool) {
	score := func(h *search.DocumentMatch) (float64, float64) {
		if !restored {
			return 0, h.Score
		}
		s := restoredScore(h.Score)
		return h.Score - s, s
	}
	for i := 0; i < len(hits); {
		ti, si := score(hits[i])
		j := i + 1
		for ; j < len(hits); j++ {
			if tj, sj := score(hits[j]); tj != ti || sj < si*(1-tieMargin) {
				break
			}
		}
		if j-i > 1 {
			run := hits[i:j]
			cover := make(map[*search.DocumentMatch][2]int, len(run))
			for _, h := range run {
				cover[h] = wordsHeld(h.Locations, units)
			}
			all := distinctWords(units)
			sort.SliceStable(run, func(a, b int) bool {
				ca, cb := cover[run[a]], cover[run[b]]
				wa, wb := ca[0] == all, cb[0] == all
				return wa && !wb || wa && wb && ca[1] > cb[1]
			})
		}
		i = j
	}
}

// distinctWords counts the distinct words of the units.
func distinctWords(units []unit) int {
	seen := map[string]bool{}
	for _, u := range units {
		for _, w := range u.words {
			seen[w] = true
		}
	}
	return len(seen)
}

// wordsHeld counts the distinct words of the units that the locations show, and the adjacent
// pairs of their words they show adjacent.
func wordsHeld(locs search.FieldTermLocationMap, units []unit) [2]int {
	pos := map[string]map[uint64]bool{}
	for t, ls := range locs[FieldTextFolded] {
		m := map[uint64]bool{}
		for _, l := range ls {
			m[l.Pos] = true
		}
		pos[t] = m
	}
	words, n := map[string]bool{}, 0
	for _, u := range units {
		for _, w := range u.words {
			if len(pos[w]) > 0 {
				words[w] = true
			}
		}
		for i := 0; i+1 < len(u.words); i++ {
			for p := range pos[u.words[i]] {
				if pos[u.words[i+1]][p+1] {
					n++
					break
				}
			}
		}
	}
	return [2]int{len(words), n}
}
