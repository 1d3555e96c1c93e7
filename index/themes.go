package index

import (
	"sort"
	"strconv"
)

// ThemeInfo names a theme of the codebook for summaries.
type ThemeInfo struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Citation is a sentence with where it stands.
type Citation struct {
	Text    string  `json:"text"`
	Path    string  `json:"path"`
	Ordinal int     `json:"ordinal"`
	Page    int     `json:"page,omitempty"`
	Speaker string  `json:"speaker,omitempty"`
	Heading string  `json:"heading,omitempty"`
	Score   float64 `json:"score"`
}

// ThemeSummary is the picture of one theme across the archive.
type ThemeSummary struct {
	ID             string       `json:"id"`
	Label          string       `json:"label"`
	Sections       int          `json:"sections"`
	Documents      int          `json:"documents"`
	Sentences      int          `json:"sentences"`
	ShareSections  float64      `json:"share_sections"` // of all sections
	ByWorkshop     []FacetCount `json:"by_workshop"`
	ByYear         []FacetCount `json:"by_year"`
	TopSpeakers    []FacetCount `json:"top_speakers"`
	KeyPhrases     []FacetCount `json:"key_phrases"`
	Representative []Citation   `json:"representative"`
}

// ThemeSummaries summarises each theme over the whole index.
func (ix *Index) ThemeSummaries(themes []ThemeInfo) ([]ThemeSummary, error) {
	type acc struct {
		ThemeSummary
		docs       map[string]bool
		workshops  map[string]int
		years      map[string]int
		speakers   map[string]int
		candidates []Citation
	}
	accs := make([]*acc, len(themes))
	pos := map[string]int{}
	for i, t := range themes {
		accs[i] = &acc{ThemeSummary: ThemeSummary{ID: t.ID, Label: t.Label}, docs: map[string]bool{},
			workshops: map[string]int{}, years: map[string]int{}, speakers: map[string]int{}}
		pos[t.ID] = i
	}
	total := 0
	phrases := newPhraseCounts()
	wsTotal, yearTotal := map[string]int{}, map[string]int{}
	err := ix.Sections(nil, func(s *SectionRecord) error {
		total++
		wsTotal[nonEmpty(s.Workshop, UnknownWorkshop)]++
		if s.Year > 0 {
			yearTotal[strconv.Itoa(s.Year)]++
		}
		for _, tag := range s.Themes {
			i, ok := pos[tag.ID]
			if !ok {
				continue
			}
			a := accs[i]
			a.Sections++
			a.docs[s.Path] = true
			a.workshops[nonEmpty(s.Workshop, UnknownWorkshop)]++
			if s.Year > 0 {
				a.years[strconv.Itoa(s.Year)]++
			}
			if s.Speaker != "" {
				a.speakers[s.Speaker]++
			}
		}
		for _, x := range s.Sentences {
			phrases.add(x.Text, x.Themes)
			fit := len(x.Themes) > 0 && representable(x.Text)
			for _, id := range x.Themes {
				i, ok := pos[id]
				if !ok {
					continue
				}
				accs[i].Sentences++
				if !fit {
					continue // only complete sentences of a fit length stand for a theme
				}
				page := x.Page
				if page == 0 {
					page = s.PageStart
				}
				accs[i].candidates = keepBest(append(accs[i].candidates, Citation{Text: x.Text, Path: s.Path, Ordinal: s.Ordinal,
					Page: page, Speaker: s.SpeakerLabel(), Heading: s.Heading, Score: x.Scores[id]}))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]ThemeSummary, len(accs))
	for i, a := range accs {
		a.Documents = len(a.docs)
		if total > 0 {
			a.ShareSections = float64(a.Sections) / float64(total)
		}
		a.ByWorkshop, a.ByYear, a.TopSpeakers = topCounts(a.workshops, 10), topCounts(a.years, 20), topCounts(a.speakers, 10)
		withShare(a.ByWorkshop, wsTotal)
		withShare(a.ByYear, yearTotal)
		a.KeyPhrases = phrases.keyPhrases(a.ID, 12)
		a.Representative = representative(a.candidates, 5)
		out[i] = a.ThemeSummary
	}
	return out, nil
}

// UnknownWorkshop labels, in summaries and statistics, the sections whose workshop is not known.
const UnknownWorkshop = "(không rõ)"

// candidateCap bounds the representative-sentence candidates kept per theme, so that summaries
// of a large archive use bounded memory.
const candidateCap = 256

// keepBest keeps the best half of the candidates by score once there are too many.
func keepBest(c []Citation) []Citation {
	if len(c) <= candidateCap {
		return c
	}
	sort.SliceStable(c, func(i, j int) bool { return c[i].Score > c[j].Score })
	return c[:candidateCap/2]
}

// withShare sets each count's share of the group's total.
func withShare(fc []FacetCount, totals map[string]int) {
	for i := range fc {
		if t := totals[fc[i].Value]; t > 0 {
			fc[i].Share = float64(fc[i].Count) / float64(t)
		}
	}
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func topCounts(m map[string]int, n int) []FacetCount {
	out := make([]FacetCount, 0, len(m))
	for k, v := range m {
		out = append(out, FacetCount{Value: k, Count: v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
