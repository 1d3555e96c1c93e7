package pdf

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"thamluan/corpus/vntext"
)

// spaceGap is the horizontal gap between glyphs, in units of the font size, above which a space
// is inserted.
const spaceGap = 0.12

// rawLine is the glyphs on one baseline, before column splitting.
type rawLine struct {
	y      float64
	size   float64
	glyphs []glyph
}

// layout turns the glyphs of a page into lines in reading order.
func layout(gs []glyph, pageWidth float64) []Line {
	gs = dropTurned(gs)
	if len(gs) == 0 {
		return nil
	}
	raws := baselines(gs)
	lo, hi, ok := gutter(raws)
	var out []Line
	if !ok {
		for _, r := range raws {
			out = appendLine(out, r.glyphs, 0)
		}
		return out
	}
	// Two columns: full-width lines cut the page into bands; each band is read left column,
	// then right column.
	var left, right []Line
	flush := func() {
		out = append(out, left...)
		out = append(out, right...)
		left, right = left[:0], right[:0]
	}
	mid := (lo + hi) / 2
	for _, r := range raws {
		if crosses(r.glyphs, lo, hi) {
			flush()
			out = appendLine(out, r.glyphs, 0)
			continue
		}
		var l, rg []glyph
		for _, g := range r.glyphs {
			if g.x+g.w/2 < mid {
				l = append(l, g)
			} else {
				rg = append(rg, g)
			}
		}
		left = appendLine(left, l, 1)
		right = appendLine(right, rg, 2)
	}
	flush()
	return out
}

// dropTurned drops vertical or upside-down glyphs when they are a minority of the page (margin
// stamps, rotated table headers): lines are read horizontally.
func dropTurned(gs []glyph) []glyph {
	turned := 0
	for _, g := range gs {
		if g.turned {
			turned++
		}
	}
	if turned == 0 || turned*2 > len(gs) {
		return gs
	}
	kept := gs[:0]
	for _, g := range gs {
		if !g.turned {
			kept = append(kept, g)
		}
	}
	return kept
}

// baselines groups glyphs into lines by baseline, top of the page first, each sorted by x.
func baselines(gs []glyph) []rawLine {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].y > gs[j].y })
	var raws []rawLine
	for _, g := range gs {
		n := len(raws)
		if n > 0 {
			cur := &raws[n-1]
			tol := 0.35 * math.Min(cur.size, g.size)
			if tol <= 0 {
				tol = 1
			}
			if cur.y-g.y <= tol {
				cur.glyphs = append(cur.glyphs, g)
				if g.size > cur.size {
					cur.size = g.size
				}
				continue
			}
		}
		raws = append(raws, rawLine{y: g.y, size: g.size, glyphs: []glyph{g}})
	}
	for i := range raws {
		gl := raws[i].glyphs
		sort.SliceStable(gl, func(a, b int) bool {
			if gl[a].x != gl[b].x {
				return gl[a].x < gl[b].x
			}
			return gl[a].order < gl[b].order
		})
	}
	return raws
}

// WidestBand returns the widest run lo-hi of x in the middle three fifths of cover (a count for
// each x from 0 to len(cover)-1) where cover is at most limit, or -1, -1 when there is none: the
// gutter between two columns, on a page of text or a scan.
func WidestBand(cover []int, limit int) (lo, hi int) {
	width := len(cover) - 1
	bestLo, bestHi := -1, -1
	for x := width / 5; x < width*4/5; x++ {
		if cover[x] > limit {
			continue
		}
		s := x
		for x < width*4/5 && cover[x] <= limit {
			x++
		}
		if x-s > bestHi-bestLo {
			bestLo, bestHi = s, x
		}
	}
	return bestLo, bestHi
}

// gutter finds the empty vertical band between two columns: a run of x where almost no glyph
// stands while many lines have text on both sides of it.
func gutter(raws []rawLine) (lo, hi float64, ok bool) {
	if len(raws) < 6 {
		return 0, 0, false
	}
	minX, maxX := math.Inf(1), math.Inf(-1)
	var sizes []float64
	for _, r := range raws {
		for _, g := range r.glyphs {
			minX = math.Min(minX, g.x)
			maxX = math.Max(maxX, g.x+g.w)
		}
		sizes = append(sizes, r.size)
	}
	width := int(maxX - minX)
	if width < 100 || width > 10000 {
		return 0, 0, false
	}
	cover := make([]int, width+1)
	for _, r := range raws {
		for _, g := range r.glyphs {
			for x := int(g.x - minX); x <= int(g.x+g.w-minX) && x <= width; x++ {
				if x >= 0 {
					cover[x]++
				}
			}
		}
	}
	sort.Float64s(sizes)
	minGap := 0.6 * sizes[len(sizes)/2]
	limit := len(raws) / 25
	bestLo, bestHi := WidestBand(cover, limit)
	if bestLo < 0 || float64(bestHi-bestLo) < minGap {
		return 0, 0, false
	}
	lo, hi = minX+float64(bestLo), minX+float64(bestHi)
	left, right, crossing := 0, 0, 0
	for _, r := range raws {
		first, last := r.glyphs[0], r.glyphs[len(r.glyphs)-1]
		switch {
		case crosses(r.glyphs, lo, hi):
			crossing++
		default:
			if first.x+first.w <= lo {
				left++
			}
			if last.x >= hi {
				right++
			}
		}
	}
	// Columns need several lines on each side, and few lines across the gutter (titles, headers).
	ok = left >= 3 && right >= 3 && crossing*4 <= len(raws) && (left+right)*2 >= len(raws)
	return lo, hi, ok
}

// crosses reports whether a glyph of the line stands in the band lo-hi.
func crosses(gs []glyph, lo, hi float64) bool {
	for _, g := range gs {
		if g.x < hi && g.x+g.w > lo {
			return true
		}
	}
	return false
}

// appendLine builds the text of one line and appends it to out.
func appendLine(out []Line, gs []glyph, column int) []Line {
	if len(gs) == 0 {
		return out
	}
	var b strings.Builder
	var run strings.Builder
	var runFont *font
	flushRun := func() {
		if run.Len() == 0 {
			return
		}
		s := run.String()
		if runFont != nil && runFont.legacy != "" {
			s = vntext.FromLegacyRunes(s, runFont.legacy)
			if runFont.upper {
				s = strings.ToUpper(s)
			}
		}
		b.WriteString(s)
		run.Reset()
	}
	sizeW := map[float64]int{}
	bold := 0
	var prev *glyph
	for i := range gs {
		g := &gs[i]
		if prev != nil {
			if g.text == prev.text && math.Abs(g.x-prev.x) < 0.1*g.size && math.Abs(g.y-prev.y) < 0.1*g.size {
				continue // overprinted (fake bold) glyph
			}
			gap := g.x - (prev.x + prev.w)
			shownSpace := g.spaceBefore && g.order == prev.order+1 && gap > -0.2*g.size
			if (gap > spaceGap*math.Max(prev.size, 1) || shownSpace) && !startsWithMark(g.text) {
				run.WriteByte(' ')
			}
		}
		if g.font != runFont {
			flushRun()
			runFont = g.font
		}
		run.WriteString(g.text)
		n := len([]rune(g.text))
		sizeW[math.Round(g.size*2)/2] += n
		if g.font != nil && g.font.bold {
			bold += n
		}
		prev = g
	}
	flushRun()
	text := cleanText(b.String())
	if strings.TrimSpace(text) == "" {
		return out
	}
	size, best, total := 0.0, 0, 0
	for s, n := range sizeW {
		total += n
		if n > best || n == best && s > size {
			size, best = s, n
		}
	}
	last := gs[len(gs)-1]
	return append(out, Line{Text: text, X: gs[0].x, Y: gs[0].y, EndX: last.x + last.w, Size: size,
		Bold: bold*2 > total, Column: column})
}

func startsWithMark(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Mn, r)
	}
	return false
}

// ligatures expands the presentation forms that fonts map single glyphs to.
var ligatures = strings.NewReplacer("\uFB00", "ff", "\uFB01", "fi", "\uFB02", "fl", "\uFB03", "ffi",
	"\uFB04", "ffl", "\uFB05", "st", "\uFB06", "st", "\t", " ", "\u00a0", " ")

// cleanText expands ligatures, collapses spaces and composes to NFC.
func cleanText(s string) string {
	s = ligatures.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	return norm.NFC.String(s)
}
