package vntext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsLowerRoman reports whether s is a non-empty lower-case Roman numeral as numbered headings and
// list items write it ("iv", "xii"): only the letters i, v, x and l, in any order.
func IsLowerRoman(s string) bool {
	return s != "" && strings.Trim(s, "ivxl") == ""
}

// IsASCIILower reports whether s holds only ASCII and no upper-case letter: a word already in
// the folded lower-case form the pipeline's scans compare with.
func IsASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf || 'A' <= s[i] && s[i] <= 'Z' {
			return false
		}
	}
	return true
}

// CountCase returns how many letters s holds and how many of them are upper case: the measure of
// a line in capitals that headings, titles and OCR repair read.
func CountCase(s string) (letters, upper int) {
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters, upper
}

// IsCapsLine reports a line with at least three letters and no lower-case letter: a heading
// set in capitals (its last line may hold one short word: "PẮC").
func IsCapsLine(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}
