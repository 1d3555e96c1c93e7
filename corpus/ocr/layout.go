package ocr

import (
	"math"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"thamluan/corpus/pdf"
	"thamluan/corpus/vntext"
)

// rawLine is one line of words as Tesseract grouped them, in pixels.
type rawLine struct {
	words                    []Word
	left, top, right, bottom int
	column                   int
}

func (l *rawLine) add(w Word) {
	if len(l.words) == 0 {
		l.left, l.top, l.right, l.bottom = w.Left, w.Top, w.Left+w.Width, w.Top+w.Height
	}
	l.words = append(l.words, w)
	l.left = min(l.left, w.Left)
	l.top = min(l.top, w.Top)
	l.right = max(l.right, w.Left+w.Width)
	l.bottom = max(l.bottom, w.Top+w.Height)
}

// layoutPage turns Tesseract's words on an image of w×h pixels at dpi into a page of lines in
// reading order, in points with y from the page bottom as the PDF reader gives them, so that the
// same paragraph and heading rules apply to scanned and born-digital pages. A two-column page
// gets its columns (Line.Column 1 and 2) read one after the other.
func layoutPage(words []Word, w, h, dpi int) pdf.Page {
	scale := 72 / float64(dpi)
	page := pdf.Page{Width: float64(w) * scale, Height: float64(h) * scale}
	raws := groupLines(words)
	if lo, hi, ok := gutter(raws, w); ok {
		raws = orderColumns(splitAt(raws, lo, hi))
	}
	body, word := bodyHeight(raws), wordHeight(words)
	for _, r := range raws {
		page.Lines = append(page.Lines, toLine(r, h, body, word, scale))
	}
	return page
}

// groupLines gathers words into Tesseract's lines, in its order.
func groupLines(words []Word) []rawLine {
	var out []rawLine
	type key struct{ b, p, l int }
	var last key
	for i, w := range words {
		k := key{w.Block, w.Par, w.Line}
		if i == 0 || k != last {
			out = append(out, rawLine{})
		}
		out[len(out)-1].add(w)
		last = k
	}
	return out
}

// gutter finds a vertical band in the middle three fifths of the page that few lines cross
// while many have words on both sides: the space between two columns.
func gutter(raws []rawLine, width int) (lo, hi int, ok bool) {
	if len(raws) < 6 || width < 100 {
		return 0, 0, false
	}
	cover := make([]int, width+1)
	var heights []int
	for _, r := range raws {
		heights = append(heights, r.bottom-r.top)
		for _, w := range r.words {
			for x := max(0, w.Left); x <= min(width, w.Left+w.Width); x++ {
				cover[x]++
			}
		}
	}
	sort.Ints(heights)
	minGap := heights[len(heights)/2] // about a line's height
	limit := max(1, len(raws)/20)     // a title or a running header may cross the gutter
	bestLo, bestHi := pdf.WidestBand(cover, limit)
	if bestLo < 0 || bestHi-bestLo < minGap {
		return 0, 0, false
	}
	left, right, crossing := 0, 0, 0
	for _, r := range raws {
		if crossesBand(r.words, bestLo, bestHi) {
			crossing++
			continue
		}
		if r.left < bestLo {
			left++
		}
		if r.right > bestHi {
			right++
		}
	}
	ok = left >= 3 && right >= 3 && crossing*4 <= len(raws) && (left+right)*2 >= len(raws)
	return bestLo, bestHi, ok
}

func crossesBand(ws []Word, lo, hi int) bool {
	for _, w := range ws {
		if w.Left < hi && w.Left+w.Width > lo {
			return true
		}
	}
	return false
}

// splitAt cuts lines that run over the gutter lo-hi without a word in it into a left and a
// right line (a single-block segmentation joins the columns' lines), and marks each line's
// column: 1 left, 2 right, 0 across.
func splitAt(raws []rawLine, lo, hi int) []rawLine {
	var out []rawLine
	for _, r := range raws {
		if crossesBand(r.words, lo, hi) {
			r.column = 0
			out = append(out, r)
			continue
		}
		var l, rr rawLine
		l.column, rr.column = 1, 2
		for _, w := range r.words {
			if w.Left+w.Width <= lo {
				l.add(w)
			} else {
				rr.add(w)
			}
		}
		for _, x := range []rawLine{l, rr} {
			if len(x.words) > 0 {
				out = append(out, x)
			}
		}
	}
	return out
}

// orderColumns puts the lines in reading order: top to bottom, and within a run of column lines
// between full-width lines, the left column before the right one.
func orderColumns(raws []rawLine) []rawLine {
	sort.SliceStable(raws, func(i, j int) bool { return raws[i].top < raws[j].top })
	var out, left, right []rawLine
	flush := func() {
		out = append(append(out, left...), right...)
		left, right = left[:0:0], right[:0:0]
	}
	for _, r := range raws {
		switch r.column {
		case 1:
			left = append(left, r)
		case 2:
			right = append(right, r)
		default:
			flush()
			out = append(out, r)
		}
	}
	flush()
	return out
}

// bodyHeight is the median height of the lines' boxes, in pixels: the body text's.
func bodyHeight(raws []rawLine) int {
	if len(raws) == 0 {
		return 0
	}
	hs := make([]int, len(raws))
	for i, r := range raws {
		hs[i] = r.bottom - r.top
	}
	sort.Ints(hs)
	return hs[len(hs)/2]
}

// wordHeight is the median height of the words' boxes, in pixels.
func wordHeight(words []Word) int {
	if len(words) == 0 {
		return 0
	}
	hs := make([]int, len(words))
	for i, w := range words {
		hs[i] = w.Height
	}
	sort.Ints(hs)
	return hs[len(hs)/2]
}

// toLine converts a line in pixels to a PDF-like line in points. A line's box varies with its
// letters (ascenders, stacked tone marks, descenders) and grows with one speck or one word box
// that Tesseract drew too tall, so its size is the body's unless the line's median word is
// clearly taller than the page's median word (a larger heading), and its baseline is the median of its words' bottoms
// (most words have no descender): paragraph breaks then come from real gaps and indents. A line
// in capitals is taken for emphasised (a scan says nothing of bold), as titles in capitals are.
func toLine(r rawLine, pageH, body, word int, scale float64) pdf.Line {
	texts := make([]string, len(r.words))
	bottoms := make([]int, len(r.words))
	heights := make([]int, len(r.words))
	for i, w := range r.words {
		texts[i] = w.Text
		bottoms[i] = w.Top + w.Height
		heights[i] = w.Height
	}
	sort.Ints(bottoms)
	sort.Ints(heights)
	text := norm.NFC.String(strings.Join(texts, " "))
	size := body
	if h := heights[len(heights)/2]; word > 0 && float64(h) > 1.3*float64(word) {
		size = body * h / word
	}
	return pdf.Line{
		Text:   text,
		X:      float64(r.left) * scale,
		Y:      float64(pageH-bottoms[len(bottoms)/2]) * scale,
		EndX:   float64(r.right) * scale,
		Size:   math.Round(float64(size)*scale*2) / 2,
		Bold:   vntext.IsCapsLine(text),
		Column: r.column,
	}
}

// meanConf is the mean confidence of the words, 0-100, or 0 with no words.
func meanConf(words []Word) float64 {
	if len(words) == 0 {
		return 0
	}
	s := 0.0
	for _, w := range words {
		s += max(0, w.Conf)
	}
	return s / float64(len(words))
}
