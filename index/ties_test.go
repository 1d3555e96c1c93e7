package index

import (
	"testing"

	"github.com/blevesearch/bleve/v2/search"
)

// TestBreakTies checks the order of near-tied hits: a section holding every word of the query
// passes one that lacks some; between sections that each lack some, the scores decide, whatever
// the number of words each holds; scores further apart than tieMargin are never reordered.
func TestBreakTies(t *testing.T) {
	// held lists, per hit, the folded words at positions 0, 1, 2...
	hit := func(id string, score float64, held ...string) *search.DocumentMatch {
		locs := search.TermLocationMap{}
		for i, w := range held {
			locs[w] = append(locs[w], &search.Location{Pos: uint64(i + 1)})
		}
		return &search.DocumentMatch{ID: id, Score: score, Locations: search.FieldTermLocationMap{FieldTextFolded: locs}}
	}
	for _, c := range []struct {
		name, query string
		hits        []*search.DocumentMatch
		want        []string
	}{
		{"every word passes some", "nha o xa hoi cho cong nhan", []*search.DocumentMatch{
			hit("some", 0.794, "nha", "o", "xa", "hoi", "cong", "nhan"),
			hit("all", 0.787, "nha", "o", "xa", "hoi", "cho", "cong", "nhan"),
		}, []string{"all", "some"}},
		{"more words of an incomplete set do not", "dang uy khoi doanh nghiep tinh binh dinh ket luan", []*search.DocumentMatch{
			hit("conclusion", 0.788, "ket", "luan", "dang", "uy", "khoi", "doanh", "nghiep", "tinh"),
			hit("lead", 0.781, "dang", "uy", "khoi", "doanh", "nghiep", "tinh", "binh", "dinh", "ket"),
		}, []string{"conclusion", "lead"}},
		{"apart beyond the margin", "nha o xa hoi cho cong nhan", []*search.DocumentMatch{
			hit("some", 0.80, "nha", "o", "xa", "hoi", "cong", "nhan"),
			hit("all", 0.78, "nha", "o", "xa", "hoi", "cho", "cong", "nhan"),
		}, []string{"some", "all"}},
		{"complete ones by adjacent pairs", "cong nhan nha o", []*search.DocumentMatch{
			hit("scattered", 0.500, "nhan", "cong", "o", "nha"),
			hit("together", 0.499, "cong", "nhan", "nha", "o"),
		}, []string{"together", "scattered"}},
	} {
		tree, err := parseQuery(c.query)
		if err != nil {
			t.Fatal(err)
		}
		hits := search.DocumentMatchCollection(c.hits)
		breakTies(hits, queryUnits(tree), false)
		for i, id := range c.want {
			if hits[i].ID != id {
				t.Errorf("%s: hit %d is %s, want %s", c.name, i, hits[i].ID, id)
			}
		}
	}
}
