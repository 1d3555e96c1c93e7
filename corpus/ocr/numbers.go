package ocr

import (
	"context"
	"image"
	"image/draw"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// The second reading of numbers. Tesseract's vie model reads digits poorly where a face draws
// its zero with a dot or a slash: 100 → 106, 60% → 69%, 2023 → 2923 (measured on the scanned
// shared dev set: 6 numbers of 3 documents; the eng model read the same page's numbers right,
// and vie+eng for the whole page lowers section F1 from 1.000 to 0.889). So the words that hold
// digits are cut out of the prepared page, stacked into one strip and read once more with the
// eng model; a number read there takes the place of vie's.

// numberCore finds the number in a word: digits with their separators (1.500, 60%, 2023-2025).
var numberCore = regexp.MustCompile(`\d[\d.,:/%–-]*\d%?|\d%?`)

// numberWord matches a word that is a number with punctuation around it, no letters.
var numberWord = regexp.MustCompile(`^[(“"'‘]*\d[\d.,:/%–-]*[)”"'’.,;:!?]*$`)

// stripGap is the white space between two words in the strip, and around them, in pixels.
const stripGap = 24

// rereadNumbers reads again with the eng model the words that are numbers on the prepared page
// image (a PGM file, read back only when the page has numbers), and puts each number read there
// in place of vie's when both readings are one number.
func (e *engine) rereadNumbers(ctx context.Context, page string, words []Word, dir string, dpi int, opt Options) {
	var idx []int
	for i, w := range words {
		if numberWord.MatchString(w.Text) && w.Width > 0 && w.Height > 0 {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return
	}
	g, err := loadImage(page, opt.MaxPixels)
	if err != nil {
		return // the first reading stands
	}
	strip, tops := numberStrip(g, words, idx)
	g = nil
	file := filepath.Join(dir, "numbers.pgm")
	if writePGM(file, strip) != nil {
		return
	}
	eng := &engine{bin: e.bin, langs: "eng", psm: 6}
	read, err := eng.recognize(ctx, file, dpi, opt.Timeout)
	if err != nil {
		return // the first reading stands
	}
	got := make([][]string, len(idx))
	for _, w := range read {
		mid := w.Top + w.Height/2
		k := sort.SearchInts(tops, mid+1) - 1 // the crop whose top is at or above the word's middle
		if k >= 0 && k < len(idx) {
			got[k] = append(got[k], w.Text)
		}
	}
	for k, i := range idx {
		words[i].Text = mergeNumber(words[i].Text, strings.Join(got[k], ""))
	}
}

// numberStrip stacks the boxes of words[idx] of g, each on its own band, and returns the strip
// and the top of each band.
func numberStrip(g *image.Gray, words []Word, idx []int) (*image.Gray, []int) {
	width, height := 0, stripGap
	for _, i := range idx {
		width = max(width, words[i].Width+2*stripGap)
		height += words[i].Height + 2*stripGap
	}
	strip := image.NewGray(image.Rect(0, 0, width, height))
	draw.Draw(strip, strip.Bounds(), image.White, image.Point{}, draw.Src)
	tops := make([]int, len(idx))
	y := stripGap / 2
	for k, i := range idx {
		w := words[i]
		tops[k] = y
		pad := stripGap / 4
		src := image.Rect(w.Left-pad, w.Top-pad, w.Left+w.Width+pad, w.Top+w.Height+pad).Intersect(g.Bounds())
		at := image.Pt(stripGap-pad, y+stripGap-pad)
		draw.Draw(strip, image.Rectangle{Min: at, Max: at.Add(src.Size())}, g, src.Min, draw.Src)
		y += w.Height + 2*stripGap
	}
	return strip, tops
}

// mergeNumber puts the number of second into first, keeping first's punctuation, when each
// holds exactly one number and they differ only in their digits' values or count by one.
func mergeNumber(first, second string) string {
	a, b := numberCore.FindAllStringIndex(first, -1), numberCore.FindAllString(second, -1)
	if len(a) != 1 || len(b) != 1 {
		return first
	}
	old := first[a[0][0]:a[0][1]]
	if d := len(old) - len(b[0]); d < -1 || d > 1 || separators(old) != separators(b[0]) {
		return first
	}
	return first[:a[0][0]] + b[0] + first[a[0][1]:]
}

// separators is the number without its digits: "1.500" → ".", "2023-2025" → "-".
func separators(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s)
}
