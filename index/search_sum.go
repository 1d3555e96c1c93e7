package index

import (
	"context"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// sumQuery matches what any of its parts matches and scores a section by the plain sum of the
// parts' scores. Bleve's DisjunctionQuery multiplies that sum by the share of parts matched
// (coordination), which across the fields of one query (folded, exact, shingles, phrase, heading,
// speaker) rewards matching in many fields over matching well: a long introduction that names a
// word in its heading would beat the section holding the whole phrase. Between the words of a
// query coordination stays, inside each field's match query.
//
// A pruned sum (see prune.go) has parts that only follow: they add to the score of a section the
// leading parts found, and are never iterated on their own.
type sumQuery struct {
	parts []query.Query
	// follow holds, for each following part, its boost (a match query's on BM25 terms, see
	// followBound) or unbounded, and 0 for a leading part; nil when every part leads.
	follow []float64
	// bound, when set, receives the most the following parts can add to a section's score once
	// the searcher knows its query norm (see followBound). It stays +Inf otherwise.
	bound *float64
	// topK, when set with following parts, is the number of hits the search keeps: a section that
	// cannot enter them is not scored in full (see Next).
	topK int
	// floor, with topK, is a score the topK-th hit is known to reach (see searchPruned).
	floor float64
}

// Searcher implements query.Query.
func (q sumQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s := &sumSearcher{follow: q.follow, bound: q.bound, topK: q.topK, floor: q.floor, followMax: math.Inf(1)}
	if len(s.follow) == 0 {
		s.follow = make([]float64, len(q.parts))
	}
	for _, p := range q.parts {
		ps, err := p.Searcher(ctx, r, m, opts)
		if err != nil {
			s.Close()
			return nil, err
		}
		s.parts = append(s.parts, ps)
	}
	s.currs = make([]*search.DocumentMatch, len(s.parts))
	return s, nil
}

// sumSearcher merges its parts' matches in document order, summing their scores. A following
// part is advanced to the sections the leading parts match, lazily.
type sumSearcher struct {
	parts       []search.Searcher
	currs       []*search.DocumentMatch
	follow      []float64
	done        []bool                  // a following part has no more matches
	got         []*search.DocumentMatch // each part's match at the current section
	topK        int                     // see Next; 0 when every section is scored in full
	floor       float64
	top         minScores
	followMax   float64   // the most the following parts add (followBound)
	maxes       []float64 // the most each following part adds
	order       []int     // the following parts, the one that may add most first
	bound       *float64
	initialized bool
}

func (s *sumSearcher) init(ctx *search.SearchContext) error {
	s.done = make([]bool, len(s.parts))
	s.got = make([]*search.DocumentMatch, len(s.parts))
	for i, p := range s.parts {
		if s.follow[i] > 0 {
			continue
		}
		dm, err := p.Next(ctx)
		if err != nil {
			return err
		}
		s.currs[i] = dm
	}
	s.initialized = true
	return nil
}

// Next implements search.Searcher.
func (s *sumSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.initialized {
		if err := s.init(ctx); err != nil {
			return nil, err
		}
	}
	var low bindex.IndexInternalID
	for i, c := range s.currs {
		if s.follow[i] == 0 && c != nil && (low == nil || c.IndexInternalID.Compare(low) < 0) {
			low = c.IndexInternalID
		}
	}
	if low == nil {
		return nil, nil
	}
	got := s.got[:len(s.parts)]
	for i, c := range s.currs {
		got[i] = nil
		if s.follow[i] > 0 || c == nil || c.IndexInternalID.Compare(low) != 0 {
			continue
		}
		got[i] = c
		var err error
		if s.currs[i], err = s.parts[i].Next(ctx); err != nil {
			return nil, err
		}
	}
	// The following parts, the one that may add most first, while the section may still enter
	// the first topK hits: with no such limit, while fewer than topK sections were scored in
	// full, or while what it has plus what the remaining parts may add reaches the lowest of the
	// topK best sums so far. A section that cannot enter is returned with what it has, which
	// keeps it out too (MaxScore).
	floor := s.floor
	if s.topK > 0 && len(s.top) == s.topK {
		floor = max(floor, s.top[0])
	}
	var have float64
	for _, c := range got {
		if c != nil {
			have += c.Score
		}
	}
	for k, i := range s.order {
		left := 0.0
		for _, j := range s.order[k:] {
			left += s.maxes[j]
		}
		if s.topK > 0 && have+left < floor*(1-1e-9) {
			return s.sum(ctx, got), nil
		}
		if err := s.advanceFollower(ctx, i, low, got); err != nil {
			return nil, err
		}
		if got[i] != nil {
			have += got[i].Score
		}
	}
	rv := s.sum(ctx, got)
	s.top.add(rv.Score, s.topK)
	return rv, nil
}

// advanceFollower adds to got following part i's match at low, if any.
func (s *sumSearcher) advanceFollower(ctx *search.SearchContext, i int, low bindex.IndexInternalID, got []*search.DocumentMatch) error {
	if s.done[i] {
		return nil
	}
	c := s.currs[i]
	if c == nil || c.IndexInternalID.Compare(low) < 0 {
		if c != nil {
			ctx.DocumentMatchPool.Put(c)
		}
		var err error
		if c, err = s.parts[i].Advance(ctx, low); err != nil {
			return err
		}
		s.currs[i], s.done[i] = c, c == nil
	}
	if c != nil && c.IndexInternalID.Compare(low) == 0 {
		got[i] = c
		s.currs[i] = nil // advanced again when a leading part passes this section
	}
	return nil
}

// sum adds the parts' matches up in the parts' order: the same floating-point sum whether or
// not some parts follow.
func (s *sumSearcher) sum(ctx *search.SearchContext, got []*search.DocumentMatch) *search.DocumentMatch {
	var rv *search.DocumentMatch
	for _, c := range got {
		switch {
		case c == nil:
		case rv == nil:
			rv = c
		default:
			rv.Score += c.Score
			rv.FieldTermLocations = search.MergeFieldTermLocations(rv.FieldTermLocations, []*search.DocumentMatch{c})
			ctx.DocumentMatchPool.Put(c)
		}
	}
	return rv
}

// minScores is a min-heap of the best sums seen, at most topK of them.
type minScores []float64

func (h *minScores) add(v float64, k int) {
	if k == 0 {
		return
	}
	t := *h
	if len(t) == k {
		if v <= t[0] {
			return
		}
		t[0] = v
	} else {
		t = append(t, v)
		for i := len(t) - 1; i > 0 && t[(i-1)/2] > t[i]; i = (i - 1) / 2 {
			t[i], t[(i-1)/2] = t[(i-1)/2], t[i]
		}
		*h = t
		return
	}
	for i := 0; ; { // sift the new root down
		l, m := 2*i+1, i
		if l < len(t) && t[l] < t[m] {
			m = l
		}
		if l+1 < len(t) && t[l+1] < t[m] {
			m = l + 1
		}
		if m == i {
			return
		}
		t[i], t[m] = t[m], t[i]
		i = m
	}
}

// Advance implements search.Searcher.
func (s *sumSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.initialized {
		if err := s.init(ctx); err != nil {
			return nil, err
		}
	}
	for i, c := range s.currs {
		if s.follow[i] > 0 {
			continue // advanced in Next, to the section the leading parts find
		}
		if c != nil {
			if c.IndexInternalID.Compare(id) >= 0 {
				continue
			}
			ctx.DocumentMatchPool.Put(c)
		}
		var err error
		if s.currs[i], err = s.parts[i].Advance(ctx, id); err != nil {
			return nil, err
		}
	}
	return s.Next(ctx)
}

// Close implements search.Searcher.
func (s *sumSearcher) Close() error {
	var first error
	for _, p := range s.parts {
		if err := p.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Weight implements search.Searcher.
func (s *sumSearcher) Weight() float64 {
	var w float64
	for _, p := range s.parts {
		w += p.Weight()
	}
	return w
}

// SetQueryNorm implements search.Searcher.
func (s *sumSearcher) SetQueryNorm(n float64) {
	var bound float64
	s.maxes = make([]float64, len(s.parts))
	s.order = s.order[:0]
	for i, p := range s.parts {
		p.SetQueryNorm(n)
		if s.follow[i] > 0 {
			if c, ok := p.(*constSearcher); ok && !c.add {
				s.maxes[i] = c.score
			} else if math.IsInf(s.follow[i], 1) {
				s.maxes[i] = math.Inf(1) // a part with no known bound (see unbounded)
			} else {
				s.maxes[i] = followBound(n, p.Weight(), s.follow[i])
			}
			bound += s.maxes[i]
			s.order = append(s.order, i)
		}
	}
	// the following part that may add most is looked at first (see Next)
	sort.Slice(s.order, func(a, b int) bool { return s.maxes[s.order[a]] > s.maxes[s.order[b]] })
	s.followMax = bound
	if s.bound != nil {
		*s.bound = bound
	}
}

// Count implements search.Searcher: an upper bound.
func (s *sumSearcher) Count() uint64 {
	var n uint64
	for i, p := range s.parts {
		if s.follow[i] == 0 {
			n += p.Count()
		}
	}
	return n
}

// Min implements search.Searcher.
func (s *sumSearcher) Min() int { return 0 }

// Size implements search.Searcher.
func (s *sumSearcher) Size() int {
	n := 64
	for _, p := range s.parts {
		n += p.Size()
	}
	return n
}

// DocumentMatchPoolSize implements search.Searcher.
func (s *sumSearcher) DocumentMatchPoolSize() int {
	n := len(s.parts)
	for _, p := range s.parts {
		n += p.DocumentMatchPoolSize()
	}
	return n
}

// unbounded marks a following part whose score has no known bound.
var unbounded = math.Inf(1)

// constQuery matches what q matches and scores each section score, whatever q would score:
// search ranks first the sections holding a word of an accent-free query's inferred reading
// (restore.go). It weighs nothing in the query norm. With add set, it scores what q matches as
// q does, plus score, and weighs in the query norm as q does: the sections holding an
// accent-free query's reading come first.
type constQuery struct {
	q     query.Query
	score float64
	add   bool
}

// Searcher implements query.Query.
func (q constQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s, err := q.q.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	return &constSearcher{Searcher: s, score: q.score, add: q.add}, nil
}

// constSearcher gives every match of its searcher the same score, or with add set adds it to
// the match's own.
type constSearcher struct {
	search.Searcher
	score float64
	add   bool
}

func (s *constSearcher) rescore(dm *search.DocumentMatch) {
	switch {
	case dm == nil:
	case s.add:
		dm.Score += s.score
	default:
		dm.Score = s.score
	}
}

// Next implements search.Searcher.
func (s *constSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.rescore(dm)
	return dm, err
}

// Advance implements search.Searcher.
func (s *constSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	s.rescore(dm)
	return dm, err
}

// Weight implements search.Searcher: a constant score does not enter the query norm, an added
// one weighs as its searcher does.
func (s *constSearcher) Weight() float64 {
	if s.add {
		return s.Searcher.Weight()
	}
	return 0
}
