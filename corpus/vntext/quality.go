package vntext

import (
	"strings"
	"unicode"
)

// Quality returns the share of alphabetic words of s that are well-formed Vietnamese syllables
// or plain ASCII words, 0-1; text without words scores 1.
func Quality(s string) float64 {
	n, ok := 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }) {
		n++
		if isASCII(w) || toneIndex([]rune(strings.ToLower(Fold(w)))) >= 0 {
			ok++
		}
	}
	if n == 0 {
		return 1
	}
	return float64(ok) / float64(n)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
