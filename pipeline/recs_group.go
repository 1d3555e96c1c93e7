package pipeline

import (
	"sort"
	"unicode/utf8"

	"thamluan/corpus"
)

// RecGroup is one proposal and every place it was reported: several newspapers covering one
// workshop report the same proposal in slightly different words.
type RecGroup struct {
	Text    string                  `json:"text"`   // the most complete wording
	Themes  []string                `json:"themes"` // union of the members' themes, sorted
	Members []corpus.Recommendation `json:"members"`
}

// Two recommendations state the same proposal when their folded syllable sets have a Jaccard
// similarity of at least groupJaccard, or when the smaller set (at least groupMinTokens
// syllables) lies within the larger for at least groupContainment of its syllables.
const (
	groupJaccard     = 0.55
	groupContainment = 0.85
	groupMinTokens   = 6
)

// GroupRecommendations merges the recommendations that state the same proposal. A group's text
// is its longest member's; groups come largest first, then in order of first appearance, and
// members keep their input order.
func GroupRecommendations(recs []corpus.Recommendation) []RecGroup {
	sets := make([]map[string]bool, len(recs))
	for i, r := range recs {
		sets[i] = foldedSet(r.Text)
	}
	parent := make([]int, len(recs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range recs {
		for j := i + 1; j < len(recs); j++ {
			if find(i) != find(j) && sameProposal(sets[i], sets[j]) {
				parent[find(j)] = find(i)
			}
		}
	}
	return buildGroups(recs, find)
}

// buildGroups collects the members of each root in input order and orders the groups.
func buildGroups(recs []corpus.Recommendation, find func(int) int) []RecGroup {
	idx := map[int]int{}
	var out []RecGroup
	for i, r := range recs {
		root := find(i)
		g, ok := idx[root]
		if !ok {
			g = len(out)
			idx[root] = g
			out = append(out, RecGroup{})
		}
		out[g].Members = append(out[g].Members, r)
		if utf8.RuneCountInString(r.Text) > utf8.RuneCountInString(out[g].Text) {
			out[g].Text = r.Text
		}
	}
	for g := range out {
		seen := map[string]bool{}
		out[g].Themes = []string{}
		for _, m := range out[g].Members {
			for _, t := range m.Themes {
				if !seen[t] {
					seen[t] = true
					out[g].Themes = append(out[g].Themes, t)
				}
			}
		}
		sort.Strings(out[g].Themes)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Members) > len(out[j].Members) })
	return out
}

// foldedSet returns the set of folded syllables of s, numbers included.
func foldedSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, t := range tokenize(s) {
		set[t.fold] = true
	}
	return set
}

func sameProposal(a, b map[string]bool) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	small, large := a, b
	if len(small) > len(large) {
		small, large = large, small
	}
	inter := 0
	for w := range small {
		if large[w] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if float64(inter)/float64(union) >= groupJaccard {
		return true
	}
	return len(small) >= groupMinTokens && float64(inter)/float64(len(small)) >= groupContainment
}
