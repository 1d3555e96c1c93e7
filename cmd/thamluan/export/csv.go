package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"thamluan/index"
	"thamluan/pipeline"
)

// bom makes Excel read the file as UTF-8, so Vietnamese letters show right.
const bom = "\ufeff"

// WriteSegmentsCSV writes the coded segments: one row per section with its citation (path,
// ordinal, heading, speaker, workshop, year, page), its text, and a 0/1 column per theme of the
// codebook.
func WriteSegmentsCSV(w io.Writer, cb *pipeline.Codebook, secs []*index.SectionRecord) error {
	cw, err := newCSV(w)
	if err != nil {
		return err
	}
	head := []string{"tệp", "phần", "tiêu đề phần", "người trình bày", "hội thảo", "năm", "trang", "văn bản"}
	for _, t := range cb.Themes() {
		head = append(head, t.Label)
	}
	cw.Write(head)
	for _, s := range secs {
		has := themeOf(s.Themes)
		row := []string{s.Path, strconv.Itoa(s.Ordinal), s.Heading, s.SpeakerLabel(), s.Workshop, numOrEmpty(s.Year), numOrEmpty(s.PageStart), BuildText(s).Text}
		for _, t := range cb.Themes() {
			row = append(row, map[bool]string{true: "1", false: "0"}[has[t.ID]])
		}
		cw.Write(safeRow(row))
	}
	return flushCSV(cw)
}

// unknownOrg labels sections without a speaker in the matrix.
const unknownOrg = "(không rõ)"

// WriteMatrixCSV writes the theme × organisation matrix: one row per speaker (organisation or
// person), one column per theme, each cell the number of that speaker's sections with the theme,
// and a last column with the speaker's sections in all. Rows go by that total, largest first;
// sections without a speaker come last.
func WriteMatrixCSV(w io.Writer, cb *pipeline.Codebook, secs []*index.SectionRecord) error {
	counts := map[string]map[string]int{}
	totals := map[string]int{}
	for _, s := range secs {
		org := strings.TrimSpace(s.Speaker)
		if org == "" {
			org = unknownOrg
		}
		if counts[org] == nil {
			counts[org] = map[string]int{}
		}
		totals[org]++
		for id := range themeOf(s.Themes) {
			counts[org][id]++
		}
	}
	orgs := sortedKeys(counts)
	sort.SliceStable(orgs, func(i, j int) bool {
		if (orgs[i] == unknownOrg) != (orgs[j] == unknownOrg) {
			return orgs[j] == unknownOrg
		}
		return totals[orgs[i]] > totals[orgs[j]]
	})
	cw, err := newCSV(w)
	if err != nil {
		return err
	}
	head := []string{"tổ chức / người trình bày"}
	for _, t := range cb.Themes() {
		head = append(head, t.Label)
	}
	cw.Write(append(head, "tổng số phần"))
	for _, org := range orgs {
		row := []string{org}
		for _, t := range cb.Themes() {
			row = append(row, strconv.Itoa(counts[org][t.ID]))
		}
		cw.Write(safeRow(append(row, strconv.Itoa(totals[org]))))
	}
	return flushCSV(cw)
}

func newCSV(w io.Writer) (*csv.Writer, error) {
	if _, err := io.WriteString(w, bom); err != nil {
		return nil, fmt.Errorf("export csv: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what Excel writes
	return cw, nil
}

func flushCSV(cw *csv.Writer) error {
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("export csv: %w", err)
	}
	return nil
}

// safeRow keeps a cell that starts like a formula (=, +, -, @) from being run by a spreadsheet.
func safeRow(row []string) []string {
	for i, c := range row {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			row[i] = "'" + c
		}
	}
	return row
}

func numOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
