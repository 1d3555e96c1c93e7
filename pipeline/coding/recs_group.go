package coding

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"thamluan/corpus"
	"thamluan/corpus/vntext"
)

// RecGroup is one proposal and every place it was reported: several newspapers covering one
// workshop report the same proposal in slightly different words.
type RecGroup struct {
	Text    string                  `json:"text"`   // the most complete wording
	Themes  []string                `json:"themes"` // union of the members' themes, sorted
	Members []corpus.Recommendation `json:"members"`
}

// Two recommendations state the same proposal when the content after their proposal verb
// (what is proposed, not who proposed it) shares enough rare words: features are folded
// syllables and syllable pairs weighted by inverse document frequency over the input, and the
// weighted overlap of the smaller set must reach groupOverlap (with at least groupMinShared
// features in common), or the weighted Jaccard similarity groupJaccard.
const (
	groupOverlap   = 0.38
	groupJaccard   = 0.5
	groupMinShared = 4
)

var (
	groupMoodOnce sync.Once
	groupMood     compiledMood
)

// GroupRecommendations merges the recommendations that state the same proposal, as several
// newspapers report one workshop. A recommendation joins an earlier group when it states the
// same proposal as every member (complete linkage, so that proposals on one topic do not chain
// together) and the group holds nothing from its own document; a document restating its own
// proposal is not another report of it. A group's text is its longest member's; groups come
// largest first, then in order of first appearance, and members keep their input order.
func GroupRecommendations(recs []corpus.Recommendation) []RecGroup {
	groupMoodOnce.Do(func() { groupMood = compileMood(&DefaultCodebook().Mood) })
	vecs, byPair := featureVectors(recs)
	facts := make([]recFacts, len(recs))
	for i, r := range recs {
		facts[i] = factsOf(r.Text)
	}
	group := make([]int, len(recs)) // group index of each recommendation
	var members [][]int
	mark := make([]int, len(recs)) // mark[g] == i+1: group g was already tried for i
	for i := range recs {
		best, bestScore := -1, 0.0
		for _, f := range vecs[i].pairs {
			for _, j := range byPair[f] {
				if j >= i || mark[group[j]] == i+1 {
					continue
				}
				g := group[j]
				mark[g] = i + 1
				if sc, ok := joins(recs, vecs, facts, members[g], i); ok && (sc > bestScore || sc == bestScore && g < best) {
					best, bestScore = g, sc
				}
			}
		}
		if best < 0 {
			best = len(members)
			members = append(members, nil)
		}
		group[i] = best
		members[best] = append(members[best], i)
	}
	return buildGroups(recs, func(i int) int { return members[group[i]][0] })
}

// joins reports whether recommendation i may join the group of members, and its mean
// similarity to them: it must state the same proposal as every member and agree with each on
// its words, numbers and names (see agree).
func joins(recs []corpus.Recommendation, vecs []featureVec, facts []recFacts, members []int, i int) (float64, bool) {
	var sum float64
	for _, m := range members {
		if recs[m].Path == recs[i].Path && recs[m].Path != "" ||
			recs[m].Workshop != "" && recs[i].Workshop != "" && recs[m].Workshop != recs[i].Workshop {
			return 0, false // one document's own restatement, or another workshop's proposal
		}
		sc := vecs[i].similarity(&vecs[m])
		if sc == 0 || !facts[i].agree(&facts[m]) {
			return 0, false
		}
		sum += sc
	}
	return sum / float64(len(members)), true
}

// featureVec is a recommendation's features: sorted feature ids with their weights.
type featureVec struct {
	ids   []int
	w     []float64
	total float64
	pairs []int // ids of the syllable pairs, for finding candidates
}

// featureVectors interns every recommendation's features, weights them by inverse document
// frequency over recs, and indexes the syllable pairs.
func featureVectors(recs []corpus.Recommendation) ([]featureVec, map[int][]int) {
	ids := map[string]int{}
	var df []int
	sets := make([][]int, len(recs))
	byPair := map[int][]int{}
	vecs := make([]featureVec, len(recs))
	for i, r := range recs {
		names := proposalFeatures(r.Text) // sorted: ids in a fixed order, so sums and groups do not vary between runs
		for _, f := range names {
			id, ok := ids[f]
			if !ok {
				id = len(df)
				ids[f] = id
				df = append(df, 0)
			}
			df[id]++
			sets[i] = append(sets[i], id)
			if strings.Contains(f, " ") {
				byPair[id] = append(byPair[id], i)
				vecs[i].pairs = append(vecs[i].pairs, id)
			}
		}
	}
	for i, set := range sets {
		sort.Ints(set)
		sort.Ints(vecs[i].pairs)
		vecs[i].ids = set
		for _, id := range set {
			w := math.Log(1 + float64(len(recs))/float64(df[id]))
			vecs[i].w = append(vecs[i].w, w)
			vecs[i].total += w
		}
	}
	return vecs, byPair
}

// proposalFeatures returns the folded syllables and syllable pairs of what a recommendation
// proposes, sorted and each once: the words after its first proposal verb or modal when there
// are enough of them.
func proposalFeatures(text string) []string {
	toks := tokenize(text)
	start := 0
	for i := range toks {
		_, n := groupMood.proposal.at(toks, i)
		if n == 0 {
			_, n = groupMood.modals.at(toks, i)
		}
		if n > 0 && len(toks)-(i+n) >= 3 {
			start = i + n
			// skip the addressee: "đề nghị Ban Tổ chức Tỉnh ủy ..." says to whom, not what
			k := groupMood.skipWith(toks, start)
			if a := groupMood.addresseeAt(toks, k); a != "" && len(toks)-k-len(strings.Fields(a)) >= 3 {
				start = k + len(strings.Fields(a))
			}
			break
		}
	}
	fs := make([]string, 0, 2*(len(toks)-start))
	for k := start; k < len(toks); k++ {
		fs = append(fs, toks[k].fold)
		if k+1 < len(toks) {
			fs = append(fs, toks[k].fold+" "+toks[k+1].fold)
		}
	}
	slices.Sort(fs)
	return slices.Compact(fs)
}

// similarity returns the weighted overlap of two feature vectors when they state the same
// proposal, and 0 when they do not.
func (a *featureVec) similarity(b *featureVec) float64 {
	var inter float64
	shared := 0
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			inter += a.w[i]
			shared++
			i++
			j++
		}
	}
	if a.total == 0 || b.total == 0 || shared < groupMinShared {
		return 0
	}
	ov := inter / min(a.total, b.total)
	if ov >= groupOverlap || inter/(a.total+b.total-inter) >= groupJaccard {
		return ov
	}
	return 0
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

// groupContentShare is the share of its content words a recommendation must find in every other
// member of its group, both ways: the text a group shows (its longest member) then says what each
// cited sentence says.
const groupContentShare = 0.55

// recFacts are what two reports of one proposal must agree on: the content words (syllables that
// are not function words, modals or proposal verbs), the numbers and the capitalised names of
// organisations, places and people; words are compared folded, so that a report typed without
// diacritics agrees with one typed with them.
type recFacts struct {
	content []string // sorted, each once
	nums    []string
	names   []string
}

// factsOf returns the facts of a recommendation's text.
func factsOf(text string) recFacts {
	var f recFacts
	for k, t := range tokenize(text) {
		switch {
		case t.num:
			f.nums = append(f.nums, t.norm)
		case t.upper && k > 0 && !groupFunctionWords[t.fold]:
			f.names = append(f.names, t.fold)
		}
		if !groupFunctionWords[t.fold] {
			f.content = append(f.content, t.fold)
		}
	}
	for _, xs := range []*[]string{&f.content, &f.nums, &f.names} {
		slices.Sort(*xs)
		*xs = slices.Compact(*xs)
	}
	return f
}

// agree reports whether two recommendations can be reports of one proposal: each finds
// groupContentShare of its content words in the other, the numbers of the one with fewer are all
// in the other, and when both name someone, at least half of the fewer names are shared.
// "Sở GD-ĐT Hà Nội cần kiểm tra" and "UBND tỉnh Quảng Ninh cần kiểm tra" do not agree.
func (a *recFacts) agree(b *recFacts) bool {
	if share(a.content, b.content) < groupContentShare || share(b.content, a.content) < groupContentShare {
		return false
	}
	if x, y := a.nums, b.nums; len(x) > 0 && len(y) > 0 {
		if len(x) > len(y) {
			x, y = y, x
		}
		if share(x, y) < 1 {
			return false
		}
	}
	if x, y := a.names, b.names; len(x) > 0 && len(y) > 0 {
		if len(x) > len(y) {
			x, y = y, x
		}
		if share(x, y) < 0.5 {
			return false
		}
	}
	return true
}

// share returns the share of the sorted set a that the sorted set b holds (1 when a is empty).
func share(a, b []string) float64 {
	if len(a) == 0 {
		return 1
	}
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch c := strings.Compare(a[i], b[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return float64(n) / float64(len(a))
}

// groupFunctionWords are the syllables (folded, as typed without diacritics) content-word overlap leaves out: function words, pronouns,
// modals and the verbs that put a proposal forward (two reports of one proposal differ in them).
var groupFunctionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`và của các những là có được cho với để trong theo về từ tại
		đã đang sẽ này đó ấy kia thì mà nên cũng vào ra một khi như do bị ở đến lại rất hơn nhiều
		còn cần phải nên hãy chưa không chỉ vẫn đều cùng hoặc hay nhưng song tuy nếu vì bởi nhằm
		qua trên dưới giữa sau trước bằng việc sự mỗi mọi từng tất cả các này nhau thêm nữa ngay
		đề nghị kiến xuất yêu cầu mong muốn ông bà anh chị đồng chí tôi chúng ta họ mình em
		cho biết nói rằng cho rằng thì là ạ nhé`) {
		m[vntext.Fold(w)] = true
	}
	return m
}()
