package index

import (
	"context"
	"math"

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
	// followBound), and 0 for a leading part; nil when every part leads.
	follow []float64
	// bound, when set, receives the most the following parts can add to a section's score once
	// the searcher knows its query norm (see followBound). It stays +Inf otherwise.
	bound *float64
	// topK, when set with following parts, is the number of hits the search keeps: a section that
	// cannot enter them is not scored in full (see mayEnter).
	topK int
}

// Searcher implements query.Query.
func (q sumQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s := &sumSearcher{follow: q.follow, bound: q.bound, topK: q.topK, followMax: math.Inf(1)}
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
	topK        int                     // see mayEnter; 0 when every section is scored in full
	top         minScores
	followMax   float64 // the most the following parts add (followBound)
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
	if !s.mayEnter(got) {
		return s.sum(ctx, got), nil
	}
	if err := s.advanceFollowers(ctx, low, got); err != nil {
		return nil, err
	}
	rv := s.sum(ctx, got)
	s.top.add(rv.Score, s.topK)
	return rv, nil
}

// mayEnter reports whether the section whose leading parts matched as got may still enter the
// first topK hits: with no such limit, or while fewer than topK sections were scored, or when
// the most its following parts can add lifts it above the lowest of the topK best sums so far.
// A section that cannot is returned with its leading parts' score alone, which keeps it out too.
func (s *sumSearcher) mayEnter(got []*search.DocumentMatch) bool {
	if s.topK == 0 || len(s.top) < s.topK {
		return true
	}
	var lead float64
	for _, c := range got {
		if c != nil {
			lead += c.Score
		}
	}
	return lead+s.followMax >= s.top[0]*(1-1e-9)
}

// advanceFollowers adds to got the following parts' matches at low.
func (s *sumSearcher) advanceFollowers(ctx *search.SearchContext, low bindex.IndexInternalID, got []*search.DocumentMatch) error {
	for i, c := range s.currs {
		if s.follow[i] == 0 || s.done[i] {
			continue
		}
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
	for i, p := range s.parts {
		p.SetQueryNorm(n)
		if s.follow[i] > 0 {
			bound += followBound(n, p.Weight(), s.follow[i])
		}
	}
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
