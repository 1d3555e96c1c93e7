package vntext

import (
	"unicode"
	"unicode/utf8"
)

// LowQualityThreshold is the Quality score below which a text layer is reported as low quality
// (broken font maps, OCR garbage, undetected legacy encodings). Clean Vietnamese prose scores
// 0.97-1.0 (the misses are loanwords, names and abbreviations with marks); mojibake of a legacy
// encoding scores 0.2-0.5. 0.8 leaves room for technical text full of foreign names while still
// catching text in which one word in five is broken.
const LowQualityThreshold = 0.8

// Quality returns the share of alphabetic words of s that are well-formed Vietnamese syllables
// (IsSyllable) or plain ASCII words (English words, names, abbreviations), 0-1; text without
// words scores 1. A word is a maximal run of letters and combining marks.
func Quality(s string) float64 {
	valid, ascii, total := wordStats(s)
	if total == 0 {
		return 1
	}
	return float64(valid+ascii) / float64(total)
}

// syllableShare returns the share of words of s that are syllables, ASCII words not counted as
// valid, and the number of words; it is the score trial decoding compares candidates by.
func syllableShare(s string) (float64, int) {
	valid, _, total := wordStats(s)
	if total == 0 {
		return 0, 0
	}
	return float64(valid) / float64(total), total
}

// wordStats counts the words of s: valid syllables, other all-ASCII words, and all words. Words
// are separated by spaces, ASCII punctuation and General Punctuation (quotes, dashes); words with
// a digit are no alphabetic words and are skipped, words holding any other non-letter (§ ¶ · or
// a soft hyphen: the traces of mojibake) count as broken.
func wordStats(s string) (valid, ascii, total int) {
	start := -1
	var letter, digit, other, nonASCII bool
	end := func(i int) {
		if start < 0 {
			return
		}
		w := s[start:i]
		start = -1
		if !letter || digit {
			return
		}
		total++
		switch {
		case other:
		case IsSyllable(w):
			valid++
		case !nonASCII:
			ascii++
		}
	}
	for i, r := range s {
		if isWordSeparator(r) {
			end(i)
			continue
		}
		if start < 0 {
			start, letter, digit, other, nonASCII = i, false, false, false, false
		}
		nonASCII = nonASCII || r >= utf8.RuneSelf
		switch {
		case isLetterFast(r) || r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r):
			letter = true
		case unicode.IsDigit(r):
			digit = true
		default:
			other = true
		}
	}
	end(len(s))
	return valid, ascii, total
}

// isWordSeparator reports whether r separates words for wordStats.
func isWordSeparator(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	case r >= 0x2000 && r <= 0x206F:
		return true
	}
	return unicode.IsSpace(r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
