package ocr

import "testing"

// TestLineSize: a line is larger than the body only when its typical word is, not when one word
// box is tall (a speck joined to it, stacked marks); a short last line of capitals is emphasised
// like the heading it ends.
func TestLineSize(t *testing.T) {
	// line builds one Tesseract line of n words of height h at row top, the k-th word of height tall.
	line := func(no, top, n, h, k, tall int) []Word {
		var ws []Word
		for i := 0; i < n; i++ {
			wh := h
			if i == k {
				wh = tall
			}
			ws = append(ws, Word{Text: "chữ", Left: 100 + 120*i, Top: top, Width: 100, Height: wh, Block: 1, Par: no, Line: 1})
		}
		return ws
	}
	cases := []struct {
		name   string
		target []Word
		larger bool
	}{
		{"body line", line(9, 1000, 8, 40, -1, 0), false},
		{"body line with one tall word box", line(9, 1000, 8, 40, 3, 90), false},
		{"heading in a larger face", line(9, 1000, 5, 64, -1, 0), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var words []Word
			for p := 1; p <= 8; p++ {
				words = append(words, line(p, 100*p, 8, 40, -1, 0)...)
			}
			words = append(words, c.target...)
			page := layoutPage(words, 2480, 3508, 300)
			body, got := page.Lines[0].Size, page.Lines[len(page.Lines)-1].Size
			if (got > body*1.15) != c.larger {
				t.Errorf("size %.1f against body %.1f; want larger %v", got, body, c.larger)
			}
		})
	}
}
