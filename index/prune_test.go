package index

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
)

// TestPrunedSearchExact runs every query of the search cases, at several page sizes and
// offsets, pruned and in full: a pruned pass that gives its page must give the full query's hits,
// scores, total and facets (counted on the cover query when pruned, with the full query
// otherwise). Some pages must come from the pruned pass, or the test checks nothing.
func TestPrunedSearchExact(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "search", "*", "queries.json"))
	extra := []string{"chuyen doi so", "chuyển đổi số", "so tay dang vien", "doanh nghiep tu nhan dang vien", "dang vien so"}
	prunedPages, floorPages, facetCounts := 0, 0, 0
	for _, qf := range dirs {
		dir := filepath.Dir(qf)
		ix := settledIndex(t, dir)
		var cases []searchCase
		data, err := os.ReadFile(qf)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &cases); err != nil {
			t.Fatal(err)
		}
		queries := append([]string(nil), extra...)
		for _, c := range cases {
			if c.Error == "" {
				queries = append(queries, c.Q)
			}
		}
		for _, q := range queries {
			tree, err := parseQuery(q)
			if err != nil {
				t.Fatal(err)
			}
			for _, page := range [][2]int{{1, 0}, {2, 0}, {3, 1}, {5, 0}, {10, 0}} {
				req := Request{Query: q, Size: page[0], From: page[1], Facets: true}
				if !prunable(tree, &req) {
					continue
				}
				b := ix.builderFor(tree)
				full, err := buildQueryWith(b, tree, &req)
				if err != nil {
					t.Fatal(err)
				}
				want, _, err := ix.run(b, tree, full, &req, page[0], false)
				if err != nil {
					t.Fatal(err)
				}
				got, pruned, err := ix.run(b, tree, full, &req, page[0], true)
				if err != nil {
					t.Fatal(err)
				}
				if !pruned {
					continue
				}
				prunedPages++
				if b.reading != "" && ix.holdersReach(b, tree, page[0]+page[1]) {
					floorPages++ // led by the sections holding the reading alone
				}
				gf, wf := sortedFacets(got.Facets), sortedFacets(want.Facets)
				if !reflect.DeepEqual(gf, wf) {
					t.Errorf("%s %q %v: pruned facets %v, full %v", filepath.Base(dir), q, page, gf, wf)
				}
				for _, counts := range wf {
					facetCounts += len(counts)
				}
				if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
					t.Errorf("%s %q %v: pruned total %d, %d hits; full %d, %d hits", filepath.Base(dir), q, page, got.Total, len(got.Hits), want.Total, len(want.Hits))
					continue
				}
				for i := range got.Hits {
					if got.Hits[i].ID != want.Hits[i].ID || got.Hits[i].Score != want.Hits[i].Score {
						t.Errorf("%s %q %v: hit %d pruned %s %g, full %s %g", filepath.Base(dir), q, page, i, got.Hits[i].ID, got.Hits[i].Score, want.Hits[i].ID, want.Hits[i].Score)
					}
				}
			}
		}
	}
	if prunedPages == 0 || floorPages == 0 || facetCounts == 0 {
		t.Fatalf("%d pages from a pruned pass, %d led by the reading's holders, %d facet values: want some of each", prunedPages, floorPages, facetCounts)
	}
	t.Logf("%d pages from a pruned pass, %d led by the reading's holders", prunedPages, floorPages)
}

// TestAccentFreeReading checks the reading inferred for queries typed without diacritics on the
// agreement case: the words as its documents write them most, listed words ("cơ sở dữ liệu")
// whole; no reading for a query typed with them, or for one the index holds no marks for. The
// accent-free query ranks and scores its first hits as the accented one does.
func TestAccentFreeReading(t *testing.T) {
	ix := settledIndex(t, filepath.Join("testdata", "search", "agreement"))
	for _, c := range []struct{ q, reading string }{
		{"co so du lieu dang vien", "cơ sở dữ liệu đảng viên"},
		{"so dang vien", "số đảng viên"},
		{"cơ sở dữ liệu đảng viên", ""},
		{"zalo", ""},
	} {
		res, err := ix.Search(Request{Query: c.q})
		if err != nil {
			t.Fatal(err)
		}
		if res.Reading != c.reading {
			t.Errorf("Search(%q).Reading = %q, want %q", c.q, res.Reading, c.reading)
		}
		if c.reading == "" {
			continue
		}
		acc, err := ix.Search(Request{Query: c.reading})
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < min(len(acc.Hits), 3); i++ {
			a, f := acc.Hits[i], res.Hits[i]
			if a.Path != f.Path || a.Ordinal != f.Ordinal || math.Abs(a.Score-f.Score) > 1e-9*a.Score {
				t.Errorf("%q hit %d: %s#%d %.6f; %q: %s#%d %.6f", c.q, i, f.Path, f.Ordinal, f.Score, c.reading, a.Path, a.Ordinal, a.Score)
			}
		}
	}
}

// sortedFacets is the facets of a result with each facet's values in order of value.
func sortedFacets(fr search.FacetResults) map[string][]FacetCount {
	out := facets(fr)
	for _, counts := range out {
		sort.Slice(counts, func(i, j int) bool { return counts[i].Value < counts[j].Value })
	}
	return out
}

// settledIndex is caseIndex compacted: scores are then the same from one search to the next
// (while segments merge, the counts of sections behind BM25 can change between two searches).
func settledIndex(t *testing.T, dir string) *Index {
	ix := caseIndex(t, dir)
	if err := ix.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	return ix
}
