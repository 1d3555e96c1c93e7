// Package recurring finds the proposals that keep coming back: a thread joins recommendations
// of different workshops or years that ask the same action of the same kind of addressee about
// the same object, even in other words. It is a layer above the duplicate groups of
// pipeline.GroupRecommendations, which join only reports of one proposal.
//
// The passes, in order: each recommendation is described once (the addressee's kind, the words
// after the proposal verb with synonyms replaced by concepts, the entities it is about, its
// the entities it is about); pairs from different workshops are scored by the inverse-frequency weighted overlap
// of their features; pairs whose addressees or entities disagree are refused; threads are built
// by linking the best pairs first, a link only when every member of the two threads is as alike
// to every member of the other (complete linkage, also within one workshop), so that one topic
// does not chain into another.
package recurring

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"thamluan/corpus"
)

// Options tune how alike two proposals must be to share a thread.
type Options struct {
	// MinSimilarity is the similarity (0-2: concepts plus wording) two proposals need; 0 means
	// DefaultMinSimilarity.
	MinSimilarity float64
}

// DefaultMinSimilarity is the similarity two proposals need by default. Measured on
// testdata/recurring: true pairs score 0.59-1.80, pairs of different proposals at most 0.52 but
// for one (0.68, two requests to review one kind of party cell).
const DefaultMinSimilarity = 0.55

// Member is one proposal of a thread with where it was made.
type Member struct {
	Text     string   `json:"text"`
	Path     string   `json:"path"`
	Title    string   `json:"title,omitempty"`
	Ordinal  int      `json:"ordinal"`
	Page     int      `json:"page,omitempty"`
	Speaker  string   `json:"speaker"`
	Workshop string   `json:"workshop"`
	Year     int      `json:"year"`
	Themes   []string `json:"themes"`
}

// Thread is one proposal made again and again: its members in order of year, the years and
// workshops it spans and the addressees it was made to.
type Thread struct {
	Text       string   `json:"text"` // the most recent wording
	Themes     []string `json:"themes"`
	Years      []int    `json:"years"`
	Workshops  []string `json:"workshops"`
	Addressees []string `json:"addressees"`
	Members    []Member `json:"members"`
}

// occasion names where a proposal was made: its workshop, or its year when the workshop is not
// known; "" when neither is, and then the proposal takes no part in threads, since nothing says
// when it was made. Proposals of one occasion never make a thread by themselves.
func occasion(workshop string, year int) string {
	switch {
	case workshop != "":
		return "w:" + workshop
	case year != 0:
		return "y:" + strconv.Itoa(year)
	}
	return ""
}

// Threads returns the threads of recs: groups of proposals from at least two occasions (different
// workshops, or different years when the workshop is unknown) that state the same proposal.
// Proposals with neither a workshop nor a year take no part.
// Threads come with the most occasions first, then the most members, then by text.
func Threads(recs []corpus.Recommendation, opt Options) []Thread {
	if opt.MinSimilarity <= 0 {
		opt.MinSimilarity = DefaultMinSimilarity
	}
	descs := make([]description, len(recs))
	occ := make([]string, len(recs))
	for i := range recs {
		descs[i] = describe(&recs[i])
		occ[i] = occasion(recs[i].Workshop, recs[i].Year)
	}
	weighFeatures(descs)
	type link struct {
		i, j int
		sim  float64
	}
	var links []link
	for i, cands := range candidates(descs) {
		for _, j := range cands {
			if occ[i] == "" || occ[j] == "" || occ[i] == occ[j] || descs[i].report || descs[j].report {
				continue
			}
			if s := descs[i].similarity(&descs[j]); s >= opt.MinSimilarity {
				links = append(links, link{i, j, s})
			}
		}
	}
	sort.SliceStable(links, func(a, b int) bool { return links[a].sim > links[b].sim })
	memo := map[[2]int]bool{}
	agree := func(i, j int) bool {
		if i > j {
			i, j = j, i
		}
		ok, seen := memo[[2]int{i, j}]
		if !seen {
			ok = descs[i].similarity(&descs[j]) >= opt.MinSimilarity
			memo[[2]int{i, j}] = ok
		}
		return ok
	}
	cluster := make([]int, len(recs))
	members := make([][]int, len(recs))
	for i := range cluster {
		cluster[i] = i
		members[i] = []int{i}
	}
	refused := map[[2]int]bool{} // clusters that do not agree; growing adds members, never agreement
	for _, l := range links {
		a, b := cluster[l.i], cluster[l.j]
		key := [2]int{min(a, b), max(a, b)}
		if a == b || refused[key] {
			continue
		}
		if !allAgree(members[a], members[b], agree) {
			refused[key] = true
			continue
		}
		for _, m := range members[b] {
			cluster[m] = a
		}
		members[a] = append(members[a], members[b]...)
		members[b] = nil
	}
	var out []Thread
	for _, ms := range members {
		if t, ok := buildThread(recs, descs, ms); ok {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if len(out[a].Workshops) != len(out[b].Workshops) {
			return len(out[a].Workshops) > len(out[b].Workshops)
		}
		if len(out[a].Members) != len(out[b].Members) {
			return len(out[a].Members) > len(out[b].Members)
		}
		return out[a].Text < out[b].Text
	})
	return out
}

// allAgree reports whether every member of a agrees with every member of b.
func allAgree(a, b []int, agree func(i, j int) bool) bool {
	for _, i := range a {
		for _, j := range b {
			if !agree(i, j) {
				return false
			}
		}
	}
	return true
}

// buildThread makes a thread of the recommendations ms when they span two occasions or more.
func buildThread(recs []corpus.Recommendation, descs []description, ms []int) (Thread, bool) {
	slices.SortStableFunc(ms, func(a, b int) int {
		if recs[a].Year != recs[b].Year {
			return recs[a].Year - recs[b].Year
		}
		return strings.Compare(recs[a].Workshop, recs[b].Workshop)
	})
	var t Thread
	themes, addressees := map[string]bool{}, map[string]bool{}
	for _, m := range ms {
		r := &recs[m]
		t.Members = append(t.Members, Member{Text: r.Text, Path: r.Path, Title: r.Title, Ordinal: r.Ordinal, Page: r.Page,
			Speaker: r.Speaker, Workshop: r.Workshop, Year: r.Year, Themes: r.Themes})
		for _, th := range r.Themes {
			themes[th] = true
		}
		if a := r.Addressee; a != "" {
			addressees[a] = true
		} else if a := descs[m].addressee; a != "" {
			addressees[a] = true
		}
	}
	t.Themes, t.Addressees = sortedKeys(themes), sortedKeys(addressees)
	return t, t.spread()
}

// spread sets the thread's text (its latest wording), years and workshops from its members and
// reports whether they span two occasions or more.
func (t *Thread) spread() bool {
	occ, years, workshops := map[string]bool{}, map[int]bool{}, map[string]bool{}
	for _, m := range t.Members {
		occ[occasion(m.Workshop, m.Year)] = true
		if m.Year != 0 {
			years[m.Year] = true
		}
		if m.Workshop != "" {
			workshops[m.Workshop] = true
		}
	}
	if len(occ) < 2 {
		return false
	}
	t.Text = t.Members[len(t.Members)-1].Text
	t.Workshops = sortedKeys(workshops)
	t.Years = slices.Sorted(maps.Keys(years))
	return true
}

// sortedKeys returns the keys of m in order, an empty list rather than none.
func sortedKeys(m map[string]bool) []string {
	return append([]string{}, slices.Sorted(maps.Keys(m))...)
}

// weighFeatures gives every feature of descs its inverse document frequency over descs, and
// interns the features as numbers for comparison.
func weighFeatures(descs []description) {
	df := map[string]int{}
	for i := range descs {
		for _, f := range descs[i].features {
			df[f]++
		}
	}
	intern := make(map[string]int, len(df))
	n := float64(len(descs))
	for i := range descs {
		d := &descs[i]
		d.weights = make([]float64, len(d.features))
		d.total, d.conceptTotal = 0, 0
		order := make([]int, len(d.features))
		d.ids = make([]int, len(d.features))
		for k, f := range d.features {
			w := math.Log(1 + n/float64(df[f]))
			if strings.Contains(f, " ") {
				w *= 0.5 // a pair repeats the evidence of its two units
			}
			w *= d.scale[k]
			d.weights[k] = w
			d.total += w
			if isConcept(f) {
				d.conceptTotal += w
			}
			id, ok := intern[f]
			if !ok {
				id = len(intern)
				intern[f] = id
			}
			d.ids[k], order[k] = id, k
		}
		sort.Slice(order, func(x, y int) bool { return d.ids[order[x]] < d.ids[order[y]] })
		ids := make([]int, len(order))
		d.idWeights, d.idConcept = make([]float64, len(order)), make([]bool, len(order))
		for x, k := range order {
			ids[x], d.idWeights[x], d.idConcept[x] = d.ids[k], d.weights[k], isConcept(d.features[k])
		}
		d.ids = ids
	}
}

// candidates returns, for each description, the later descriptions that share with it a unit
// feature (a concept or a word) that is not among the commonest: only those can be alike enough
// to share a thread, and the others are never compared, so that a large archive is not compared
// pair by pair.
func candidates(descs []description) [][]int {
	posting := map[string][]int{}
	for i := range descs {
		for _, f := range descs[i].features {
			if !strings.Contains(f, " ") {
				posting[f] = append(posting[f], i)
			}
		}
	}
	common := max(50, len(descs)/20) // a feature in more descriptions than this finds no candidates
	out := make([][]int, len(descs))
	seen := make([]int, len(descs)) // seen[j] == i+1: j is already a candidate of i
	for i := range descs {
		for _, f := range descs[i].features {
			p := posting[f]
			if strings.Contains(f, " ") || len(p) > common {
				continue
			}
			for _, j := range p {
				if j > i && seen[j] != i+1 {
					seen[j] = i + 1
					out[i] = append(out[i], j)
				}
			}
		}
		slices.Sort(out[i])
	}
	return out
}

// Restrict returns the thread cut to the members keep holds, with its text, years and workshops
// taken from them; ok is false when fewer than two occasions are left.
func (t Thread) Restrict(keep func(Member) bool) (Thread, bool) {
	out := Thread{Themes: t.Themes, Addressees: t.Addressees}
	for _, m := range t.Members {
		if keep(m) {
			out.Members = append(out.Members, m)
		}
	}
	if !out.spread() {
		return Thread{}, false
	}
	return out, true
}
