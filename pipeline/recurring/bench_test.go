package recurring_test

import (
	"strconv"
	"testing"

	"thamluan/corpus"
	"thamluan/pipeline/recurring"
)

// BenchmarkThreads finds the threads of the two labelled sets copied 50 times as workshops of
// other years (about 4,300 recommendations), the size of a decade of a school's workshops.
func BenchmarkThreads(b *testing.B) {
	var base []corpus.Recommendation
	for _, dir := range recurringSets {
		base = append(base, recurringRecs(b, dir)...)
	}
	var recs []corpus.Recommendation
	for k := range 50 {
		for _, r := range base {
			r.Workshop += " " + strconv.Itoa(k)
			r.Year += k
			recs = append(recs, r)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		recurring.Threads(recs, recurring.Options{})
	}
}
