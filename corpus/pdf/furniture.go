package pdf

import (
	"math"
	"regexp"
	"strings"
	"unicode"
)

// pageNumber matches page-number lines: "3", "- 3 -", "3/12", "Trang 3", "Trang 3 / 12",
// "Page 3 of 12".
var pageNumber = regexp.MustCompile(`(?i)^[-–—\s]*((trang|page|tr\.)\s*)?\d{1,4}(\s*(/|of|trên|\|)\s*\d{1,4})?[-–—\s]*$`)

// edgeLines is how many lines at the top and at the bottom of a page are header or footer
// candidates.
const edgeLines = 2

// removeFurniture removes repeated headers and footers and page numbers from the pages' lines,
// by comparing the top and bottom lines across pages.
func removeFurniture(pages []Page) {
	counts := map[string]int{}
	withText := 0
	for _, p := range pages {
		if len(p.Lines) == 0 {
			continue
		}
		withText++
		seen := map[string]bool{}
		for _, i := range edges(p.Lines) {
			k := signature(p.Lines[i].Text)
			if k != "" && !seen[k] {
				seen[k] = true
				counts[k]++
			}
		}
	}
	for pi := range pages {
		p := &pages[pi]
		drop := map[int]bool{}
		for _, i := range edges(p.Lines) {
			t := p.Lines[i].Text
			n := counts[signature(t)]
			repeated := withText >= 2 && n >= 2 && n*2 >= withText && (withText >= 4 || isolated(p.Lines, i))
			if repeated || pageNumber.MatchString(t) {
				drop[i] = true
			}
		}
		if len(drop) == 0 {
			continue
		}
		kept := p.Lines[:0:0]
		for i, l := range p.Lines {
			if drop[i] {
				p.Furniture = append(p.Furniture, l.Text)
			} else {
				kept = append(kept, l)
			}
		}
		p.Lines = kept
	}
}

// edges returns the indexes of the highest and lowest lines of a page.
func edges(lines []Line) []int {
	idx := make([]int, len(lines))
	for i := range idx {
		idx[i] = i
	}
	// Selection by y, not reading order: a footer drawn first is still at the bottom.
	var top, bottom []int
	used := map[int]bool{}
	for k := 0; k < edgeLines && k < len(lines); k++ {
		t, b := -1, -1
		for _, i := range idx {
			if used[i] {
				continue
			}
			if t < 0 || lines[i].Y > lines[t].Y {
				t = i
			}
		}
		if t >= 0 {
			used[t] = true
			top = append(top, t)
		}
		for _, i := range idx {
			if used[i] {
				continue
			}
			if b < 0 || lines[i].Y < lines[b].Y {
				b = i
			}
		}
		if b >= 0 {
			used[b] = true
			bottom = append(bottom, b)
		}
	}
	return append(top, bottom...)
}

// signature is a line's text with digits folded, for comparing headers across pages.
func signature(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsDigit(r):
			if !strings.HasSuffix(b.String(), "#") {
				b.WriteByte('#')
			}
		case unicode.IsSpace(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isolated reports whether line i stands apart from the other lines by more than a normal line
// spacing, as headers and footers in the page margins do. Short documents need it: two pages of
// body text may end with the same line.
func isolated(lines []Line, i int) bool {
	l := lines[i]
	size := math.Max(l.Size, 1)
	for j, o := range lines {
		d := math.Abs(o.Y - l.Y)
		if j != i && d > 0.5*size && d < 1.6*size {
			return false
		}
	}
	return true
}
