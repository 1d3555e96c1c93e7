package corpustest

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Tokens counts the words of s as the project's scorers do: NFC, lower case, runs of letters,
// digits, combining marks and underscores.
func Tokens(s string) map[string]int {
	m := map[string]int{}
	word := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r) || r == '_'
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(norm.NFC.String(s)), func(r rune) bool { return !word(r) }) {
		m[w]++
	}
	return m
}

// TokenF1 is the F1 of the word multisets of got against ref, the measure of eval/extractscore:
// it ignores line breaks and order.
func TokenF1(got, ref string) float64 {
	g, r := Tokens(got), Tokens(ref)
	tp, ng, nr := 0, 0, 0
	for w, c := range g {
		tp += min(c, r[w])
		ng += c
	}
	for _, c := range r {
		nr += c
	}
	if tp == 0 {
		return 0
	}
	p, rc := float64(tp)/float64(ng), float64(tp)/float64(nr)
	return 2 * p * rc / (p + rc)
}
