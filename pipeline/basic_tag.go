package pipeline

import (
	"errors"
	"sort"
	"strings"

	"thamluan/corpus"
	"thamluan/corpus/vntext"
)

// This file is the first, simple dictionary tagger; the codebook work replaces it.

// Theme is one code of a codebook.
type Theme struct {
	ID      string
	Label   string // Vietnamese
	LabelEN string
	Cues    []string
}

// Codebook is the set of themes sentences are tagged with.
type Codebook struct {
	themes []Theme
}

// DefaultCodebook returns the codebook embedded in the binary.
func DefaultCodebook() *Codebook {
	return &Codebook{themes: []Theme{
		{ID: "shortcomings", Label: "Hạn chế, yếu kém", LabelEN: "Shortcomings", Cues: []string{"hạn chế", "yếu kém", "tồn tại", "khó khăn", "vướng mắc", "chưa đáp ứng"}},
		{ID: "solutions", Label: "Giải pháp, kiến nghị", LabelEN: "Solutions", Cues: []string{"giải pháp", "kiến nghị", "đề xuất", "đề nghị", "cần", "nâng cao", "tăng cường"}},
		{ID: "digital-transformation", Label: "Chuyển đổi số", LabelEN: "Digital transformation", Cues: []string{"chuyển đổi số", "số hoá", "sổ tay đảng viên điện tử", "trực tuyến", "phần mềm"}},
		{ID: "private-enterprise", Label: "Doanh nghiệp tư nhân", LabelEN: "Private enterprise", Cues: []string{"doanh nghiệp tư nhân", "ngoài khu vực nhà nước", "kinh tế tư nhân", "chủ doanh nghiệp"}},
	}}
}

// LoadCodebook reads a codebook file.
func LoadCodebook(path string) (*Codebook, error) {
	return nil, errors.New("load codebook " + path + ": codebook files are not supported yet")
}

// Themes returns the codebook's themes in order.
func (c *Codebook) Themes() []Theme { return c.themes }

// Label returns the Vietnamese label of a theme id, or the id itself.
func (c *Codebook) Label(id string) string {
	for _, t := range c.themes {
		if t.ID == id {
			return t.Label
		}
	}
	return id
}

// Tagger tags documents with a codebook's themes.
type Tagger struct{ cb *Codebook }

// NewTagger returns a tagger for cb.
func NewTagger(cb *Codebook) *Tagger { return &Tagger{cb: cb} }

// TagDocument tags every sentence and section of doc.
func (t *Tagger) TagDocument(doc *corpus.Document) {
	for si := range doc.Sections {
		sec := &doc.Sections[si]
		score := map[string]float64{}
		ev := map[string][]string{}
		for i := range sec.Sentences {
			s := &sec.Sentences[i]
			low := " " + strings.ToLower(vntext.NormalizeTones(s.Text)) + " "
			s.Themes = []string{}
			for _, th := range t.cb.themes {
				for _, c := range th.Cues {
					if strings.Contains(low, " "+vntext.NormalizeTones(c)+" ") {
						s.Themes = append(s.Themes, th.ID)
						score[th.ID]++
						ev[th.ID] = append(ev[th.ID], c)
						break
					}
				}
			}
			s.Recommendation = strings.Contains(low, "đề nghị") || strings.Contains(low, "kiến nghị") || strings.Contains(low, " đề xuất")
		}
		sec.Themes = []corpus.ThemeTag{}
		for _, th := range t.cb.themes {
			if score[th.ID] > 0 {
				sec.Themes = append(sec.Themes, corpus.ThemeTag{ID: th.ID, Label: th.Label, Score: score[th.ID], Evidence: ev[th.ID]})
			}
		}
	}
}

// RecGroup is one proposal and every place it was reported.
type RecGroup struct {
	Text    string                  `json:"text"`
	Themes  []string                `json:"themes"`
	Members []corpus.Recommendation `json:"members"`
}

// GroupRecommendations merges recommendations with the same text.
func GroupRecommendations(recs []corpus.Recommendation) []RecGroup {
	idx := map[string]int{}
	var out []RecGroup
	for _, r := range recs {
		k := strings.ToLower(vntext.Fold(r.Text))
		if i, ok := idx[k]; ok {
			out[i].Members = append(out[i].Members, r)
			continue
		}
		idx[k] = len(out)
		out = append(out, RecGroup{Text: r.Text, Themes: r.Themes, Members: []corpus.Recommendation{r}})
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Members) > len(out[j].Members) })
	return out
}

// TOML renders the codebook as a TOML file.
func (c *Codebook) TOML() []byte {
	var b strings.Builder
	for _, t := range c.themes {
		b.WriteString("[[theme]]\nid = \"" + t.ID + "\"\nlabel = \"" + t.Label + "\"\ncues = [")
		for i, cue := range t.Cues {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("\"" + cue + "\"")
		}
		b.WriteString("]\n\n")
	}
	return []byte(b.String())
}
