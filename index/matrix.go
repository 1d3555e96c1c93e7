package index

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// Matrix is the theme × organisation matrix of an index and the co-occurrence of themes in
// sections: how a report writer sees who spoke about what.
type Matrix struct {
	Themes       []ThemeInfo `json:"themes"`
	Rows         []MatrixRow `json:"rows"`
	Cooccurrence [][]int     `json:"cooccurrence"` // [i][j]: sections with both themes i and j
}

// MatrixRow is one organisation's sections per theme.
type MatrixRow struct {
	Organisation string `json:"organisation"`
	Sections     int    `json:"sections"`
	Counts       []int  `json:"counts"` // per theme, in Matrix.Themes order
}

// Organisation returns the organisation a section speaks for: the speaker when it is an
// organisation, else the person's affiliation, else the speaker.
func (s *SectionRecord) Organisation() string {
	if s.SpeakerKind == "person" && s.Affiliation != "" {
		return s.Affiliation
	}
	return s.Speaker
}

// ThemeMatrix counts, for every organisation that speaks in the index, its sections per theme,
// and for every pair of themes the sections that carry both.
func (ix *Index) ThemeMatrix(themes []ThemeInfo) (*Matrix, error) {
	pos := map[string]int{}
	for i, t := range themes {
		pos[t.ID] = i
	}
	m := &Matrix{Themes: themes, Cooccurrence: make([][]int, len(themes))}
	for i := range m.Cooccurrence {
		m.Cooccurrence[i] = make([]int, len(themes))
	}
	rows := map[string]*MatrixRow{}
	err := ix.Sections(nil, func(s *SectionRecord) error {
		var has []int
		for _, t := range s.Themes {
			if i, ok := pos[t.ID]; ok {
				has = append(has, i)
			}
		}
		for _, i := range has {
			for _, j := range has {
				m.Cooccurrence[i][j]++
			}
		}
		org := s.Organisation()
		if org == "" {
			return nil
		}
		r := rows[org]
		if r == nil {
			r = &MatrixRow{Organisation: org, Counts: make([]int, len(themes))}
			rows[org] = r
		}
		r.Sections++
		for _, i := range has {
			r.Counts[i]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		m.Rows = append(m.Rows, *r)
	}
	sort.Slice(m.Rows, func(i, j int) bool {
		if m.Rows[i].Sections != m.Rows[j].Sections {
			return m.Rows[i].Sections > m.Rows[j].Sections
		}
		return m.Rows[i].Organisation < m.Rows[j].Organisation
	})
	return m, nil
}

// WriteCSV writes the theme × organisation matrix as CSV: a header of theme labels, then one row
// per organisation.
func (m *Matrix) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"Tổ chức", "Số phần"}
	for _, t := range m.Themes {
		head = append(head, t.Label)
	}
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("write matrix: %w", err)
	}
	for _, r := range m.Rows {
		row := []string{r.Organisation, strconv.Itoa(r.Sections)}
		for _, c := range r.Counts {
			row = append(row, strconv.Itoa(c))
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write matrix: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCooccurrenceCSV writes the theme co-occurrence table as CSV; the diagonal holds each
// theme's own section count.
func (m *Matrix) WriteCooccurrenceCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"Chủ đề"}
	for _, t := range m.Themes {
		head = append(head, t.Label)
	}
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("write co-occurrence: %w", err)
	}
	for i, t := range m.Themes {
		row := []string{t.Label}
		for _, c := range m.Cooccurrence[i] {
			row = append(row, strconv.Itoa(c))
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write co-occurrence: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}
