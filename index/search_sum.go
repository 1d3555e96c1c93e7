package index

import (
	"context"

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
type sumQuery struct{ parts []query.Query }

// Searcher implements query.Query.
func (q sumQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s := &sumSearcher{}
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

// sumSearcher merges its parts' matches in document order, summing their scores.
type sumSearcher struct {
	parts       []search.Searcher
	currs       []*search.DocumentMatch
	initialized bool
}

func (s *sumSearcher) init(ctx *search.SearchContext) error {
	for i, p := range s.parts {
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
	for _, c := range s.currs {
		if c != nil && (low == nil || c.IndexInternalID.Compare(low) < 0) {
			low = c.IndexInternalID
		}
	}
	if low == nil {
		return nil, nil
	}
	var rv *search.DocumentMatch
	for i, c := range s.currs {
		if c == nil || c.IndexInternalID.Compare(low) != 0 {
			continue
		}
		if rv == nil {
			rv = c
		} else {
			rv.Score += c.Score
			rv.FieldTermLocations = search.MergeFieldTermLocations(rv.FieldTermLocations, []*search.DocumentMatch{c})
			ctx.DocumentMatchPool.Put(c)
		}
		var err error
		if s.currs[i], err = s.parts[i].Next(ctx); err != nil {
			return nil, err
		}
	}
	return rv, nil
}

// Advance implements search.Searcher.
func (s *sumSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	if !s.initialized {
		if err := s.init(ctx); err != nil {
			return nil, err
		}
	}
	for i, c := range s.currs {
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
	for _, p := range s.parts {
		p.SetQueryNorm(n)
	}
}

// Count implements search.Searcher: an upper bound.
func (s *sumSearcher) Count() uint64 {
	var n uint64
	for _, p := range s.parts {
		n += p.Count()
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
