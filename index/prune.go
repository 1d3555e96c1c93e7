package index

import (
	"math"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// A query of several plain words matches, on the folded text, every section that holds any of
// them: on a large archive nearly every section for common syllables ("chuyen doi so" matches
// 33,000 of 35,440 news articles), and scoring them all is what made such a query slow. The
// pages people read are topped by sections where the words stand together or name the heading.
//
// A pruned search therefore runs twice at most, as MaxScore does in Lucene. The first pass lets
// only the other parts of the query find sections (adjacent pairs, the run, heading, speaker,
// exact words, English), and adds the folded words' score to those it finds; the query norm and
// so every score are those of the full query. A section that none of those parts finds scores
// only through the folded words, at most followBound. When the page's last hit scores above
// that bound, no section left out could have entered the page, and the page is exactly the full
// query's; otherwise the full query runs.

// followBound is the most a following part, a match query of the given boost on BM25 terms,
// can add to a section's score: each term scores at most queryWeight·idf·k1 (its saturation
// tends to k1), queryWeight is boost·idf·norm, and the part's weight is the sum of (boost·idf)²
// over its terms; coordination only lowers the sum.
func followBound(norm, weight, boost float64) float64 {
	return norm * search.BM25_k1 * weight / boost
}

// pruned is a query built for a pruned first pass, with the bound its sum will report.
type pruned struct {
	q     query.Query
	bound *float64
	floor float64
}

// prunable reports whether a request may run pruned: relevance order (facets are counted on the
// unscored cover query that counts the total), no request filters (their scores would enter the bound), and a query of plain
// words, at least two once folded.
func prunable(n node, req *Request) bool {
	if (req.SortBy != "" && req.SortBy != "relevance") || len(req.Themes) > 0 || req.Speaker != "" || req.Workshop != "" {
		return false
	}
	text, ok := plainWords(n)
	return ok && len(foldedWords(text)) >= 2
}

// plainWords returns the words of a query made of plain words only (no phrase, prefix, filter
// or sign), joined by spaces.
func plainWords(n node) (string, bool) {
	switch x := n.(type) {
	case termNode:
		return x.text, !x.prefix
	case andNode:
		words := make([]string, 0, len(x.clauses))
		for _, c := range x.clauses {
			t, ok := c.n.(termNode)
			if !ok || c.op != occurShould || t.prefix {
				return "", false
			}
			words = append(words, t.text)
		}
		return strings.Join(words, " "), true
	}
	return "", false
}

// buildPruned builds the first pass of a prunable query whose search keeps topK hits; b is the
// query's builder.
func buildPruned(b builder, n node, req *Request, topK int) (pruned, error) {
	bound := math.Inf(1)
	b.bound, b.topK = &bound, topK
	q, err := buildQueryWith(b, n, req)
	return pruned{q: q, bound: &bound, floor: b.floor}, err
}

// pageExact reports whether the first pass's page is the full query's: full, and its last hit
// above what a section found by the folded words alone could score.
//
// With a floor of restoreBoost (the page all holds an accent-free query's reading), only the
// sections holding it led the pass, and only they can enter the page: any other scores below
// restoreBoost. The page is then exact when full and all above the floor.
func (p pruned) pageExact(res *bleve.SearchResult, size int) bool {
	if len(res.Hits) != size {
		return false
	}
	if p.floor >= restoreBoost {
		return res.Hits[size-1].Score >= p.floor
	}
	return res.Hits[size-1].Score > *p.bound
}
