package index

import (
	"strconv"
)

// Side is one side of a comparison: the sections of a workshop, or of a range of years.
type Side struct {
	Label    string `json:"label"`              // as the user named it
	Workshop string `json:"workshop,omitempty"` // the workshop's exact title, when the side is a workshop
	YearFrom int    `json:"year_from,omitempty"`
	YearTo   int    `json:"year_to,omitempty"`
}

// Holds reports whether a section of workshop w held in year y belongs to the side.
func (s Side) Holds(w string, y int) bool {
	if s.Workshop != "" {
		return w == s.Workshop
	}
	return y != 0 && y >= s.YearFrom && y <= s.YearTo
}

// ThemeChange is one theme's weight on the two sides of a comparison.
type ThemeChange struct {
	ID        string  `json:"id"`
	Label     string  `json:"label"`
	SectionsA int     `json:"sections_a"`
	SectionsB int     `json:"sections_b"`
	ShareA    float64 `json:"share_a"` // of the side's sections
	ShareB    float64 `json:"share_b"`
	Change    float64 `json:"change"` // ShareB - ShareA, in share points
}

// Comparison sets two sides of an archive side by side: each theme's share of sections and its
// change, and the key phrases that rose (significant on side B against side A) and fell.
type Comparison struct {
	A         Side          `json:"a"`
	B         Side          `json:"b"`
	SectionsA int           `json:"sections_a"`
	SectionsB int           `json:"sections_b"`
	DocsA     int           `json:"documents_a"`
	DocsB     int           `json:"documents_b"`
	Themes    []ThemeChange `json:"themes"`
	Rose      []FacetCount  `json:"rose"` // key phrases of B against A, counts on side B
	Fell      []FacetCount  `json:"fell"` // key phrases of A against B, counts on side A
}

// comparePhrases is how many risen and fallen key phrases a comparison lists.
const comparePhrases = 15

// Compare compares the sections of sides a and b: the share of each theme of themes among each
// side's sections (as ThemeSummaries counts them over the sections of that side), and the key
// phrases that rose and fell, by log-likelihood of one side against the other. A section that
// both sides hold counts on both.
func (ix *Index) Compare(a, b Side, themes []ThemeInfo) (*Comparison, error) {
	c := &Comparison{A: a, B: b}
	pos := map[string]int{}
	for i, t := range themes {
		c.Themes = append(c.Themes, ThemeChange{ID: t.ID, Label: t.Label})
		pos[t.ID] = i
	}
	docsA, docsB := map[string]bool{}, map[string]bool{}
	phrases := newPhraseCounts()
	const sideA, sideB = "\x00a", "\x00b"
	err := ix.Sections(nil, func(s *SectionRecord) error {
		inA, inB := a.Holds(s.Workshop, s.Year), b.Holds(s.Workshop, s.Year)
		if !inA && !inB {
			return nil
		}
		var sides []string
		if inA {
			c.SectionsA++
			docsA[s.Path] = true
			sides = append(sides, sideA)
		}
		if inB {
			c.SectionsB++
			docsB[s.Path] = true
			sides = append(sides, sideB)
		}
		for _, tag := range s.Themes {
			if i, ok := pos[tag.ID]; ok {
				if inA {
					c.Themes[i].SectionsA++
				}
				if inB {
					c.Themes[i].SectionsB++
				}
			}
		}
		for _, x := range s.Sentences {
			phrases.add(x.Text, sides)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	c.DocsA, c.DocsB = len(docsA), len(docsB)
	for i := range c.Themes {
		t := &c.Themes[i]
		t.ShareA, t.ShareB = share(t.SectionsA, c.SectionsA), share(t.SectionsB, c.SectionsB)
		t.Change = t.ShareB - t.ShareA
	}
	c.Rose = phrases.keyPhrases(sideB, comparePhrases)
	c.Fell = phrases.keyPhrases(sideA, comparePhrases)
	return c, nil
}

func share(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(n) / float64(total)
}

// String names the side as a person reads it: the workshop's title, or its years.
func (s Side) String() string {
	switch {
	case s.Workshop != "":
		return s.Workshop
	case s.YearFrom == s.YearTo:
		return "năm " + strconv.Itoa(s.YearFrom)
	}
	return "các năm " + strconv.Itoa(s.YearFrom) + "–" + strconv.Itoa(s.YearTo)
}
