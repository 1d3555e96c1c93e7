package ocr

import (
	"image"
	"image/color"
	"testing"
)

// TestMergeNumber: the eng reading of a number replaces vie's only when both are one number
// with the same separators; the word's punctuation stays.
func TestMergeNumber(t *testing.T) {
	cases := []struct{ vie, eng, want string }{
		{"106", "100", "100"},
		{"69%", "60%", "60%"},
		{"1.5006", "1.500", "1.500"},
		{"(2923-2925”.", "2023-2025”.", "(2023-2025”."},
		{"12,", "12", "12,"},
		{"1.500", "1500", "1.500"},  // separators differ: keep vie's
		{"100", "", "100"},          // eng read nothing
		{"22/8", "22/8 23", "22/8"}, // eng read two numbers
		{"5", "500", "5"},           // lengths too far apart
		{"09/05/2924", "09/05/2024", "09/05/2024"},
	}
	for _, c := range cases {
		if got := mergeNumber(c.vie, c.eng); got != c.want {
			t.Errorf("mergeNumber(%q, %q) = %q, want %q", c.vie, c.eng, got, c.want)
		}
	}
}

// TestNumberWord: only words without letters go to the second reading.
func TestNumberWord(t *testing.T) {
	for s, want := range map[string]bool{"100": true, "60%": true, "(2023-2025”.": true, "1.500,": true,
		"6/2023": true, "2023a": false, "Giám": false, "1ưu": false, "-": false} {
		if got := numberWord.MatchString(s); got != want {
			t.Errorf("numberWord(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestNumberStrip: each word's box lands on its own band, below the one before, and the ink
// of the page is copied there.
func TestNumberStrip(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 400, 300))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	g.SetGray(105, 55, color.Gray{0}) // ink inside the first word's box
	words := []Word{{Text: "12", Left: 100, Top: 50, Width: 40, Height: 20}, {Text: "x"}, {Text: "3", Left: 300, Top: 250, Width: 60, Height: 30}}
	strip, tops := numberStrip(g, words, []int{0, 2})
	if len(tops) != 2 || tops[1] <= tops[0] || strip.Bounds().Dy() < tops[1]+30 {
		t.Fatalf("bands %v in a strip of %v", tops, strip.Bounds())
	}
	if strip.Bounds().Dx() != 60+2*stripGap {
		t.Errorf("strip width %d", strip.Bounds().Dx())
	}
	// the ink at (105,55) is 5 px right and 5 px below the first box's corner
	if strip.GrayAt(stripGap+5, tops[0]+stripGap+5).Y != 0 {
		t.Error("the first word's ink is not in its band")
	}
}
