package msg

import (
	"sort"

	"thamluan/index"
)

// YearsInOrder returns counts by year sorted by year, oldest first, as a person reads a
// timeline; values that are not years keep their order after them.
func YearsInOrder(fc []index.FacetCount) []index.FacetCount {
	out := append([]index.FacetCount(nil), fc...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	return out
}
