package web

import (
	"fmt"
	"sort"

	"thamluan/corpus"
	"thamluan/index"
	"thamluan/pipeline/recurring"
)

// store holds what the server reads from the index once: the document records, loaded at start,
// and the sections, theme summaries and recommendations, loaded on first use. The index is
// opened read-only for the server's lifetime, so nothing goes stale.
type store struct {
	ix      *index.Index
	records map[string]index.DocRecord
	paths   []string // sorted
	secs    once[*sectionSet]
	themes  once[[]index.ThemeSummary]
	recs    once[[]corpus.Recommendation]
	threads once[[]recurring.Thread]
}

// sectionSet is every stored section, in path and ordinal order, and grouped by document.
type sectionSet struct {
	all   []*index.SectionRecord
	byDoc map[string][]*index.SectionRecord
}

func newStore(ix *index.Index) (*store, error) {
	recs, err := ix.Records()
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	st := &store{ix: ix, records: make(map[string]index.DocRecord, len(recs))}
	for _, r := range recs {
		st.records[r.Path] = r
		st.paths = append(st.paths, r.Path)
	}
	sort.Strings(st.paths)
	return st, nil
}

// record returns the record of an indexed document; ok is false for any other path, which is
// how /file and /doc refuse paths the index does not hold.
func (st *store) record(path string) (index.DocRecord, bool) {
	r, ok := st.records[path]
	return r, ok
}

func (st *store) sections() (*sectionSet, error) {
	return st.secs.get(func() (*sectionSet, error) {
		set := &sectionSet{byDoc: map[string][]*index.SectionRecord{}}
		err := st.ix.Sections(nil, func(s *index.SectionRecord) error {
			set.all = append(set.all, s)
			set.byDoc[s.Path] = append(set.byDoc[s.Path], s)
			return nil
		})
		return set, err
	})
}

func (st *store) summaries(infos []index.ThemeInfo) ([]index.ThemeSummary, error) {
	return st.themes.get(func() ([]index.ThemeSummary, error) { return st.ix.ThemeSummaries(infos) })
}

func (st *store) recommendations() ([]corpus.Recommendation, error) {
	return st.recs.get(func() ([]corpus.Recommendation, error) { return st.ix.Recommendations(nil) })
}

// recurringThreads returns the threads of the recommendations, found once.
func (st *store) recurringThreads() ([]recurring.Thread, error) {
	return st.threads.get(func() ([]recurring.Thread, error) {
		recs, err := st.recommendations()
		if err != nil {
			return nil, err
		}
		return recurring.Threads(recs, recurring.Options{}), nil
	})
}

// workshops counts the documents of each workshop, as index.Stats does, from the records the
// store already holds.
func (st *store) workshops() map[string]int {
	out := map[string]int{}
	for _, r := range st.records {
		w := ""
		if r.Workshop != nil {
			w = r.Workshop.Title
		}
		if w == "" {
			w = index.UnknownWorkshop
		}
		out[w]++
	}
	return out
}
