package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a piece of a text: its content and its offsets in the text, in bytes.
type Span struct {
	Text       string
	Start, End int
}

// abbreviations whose final dot never ends a sentence (compared case-sensitively, without the dot).
var abbreviations = map[string]bool{
	"GS": true, "PGS": true, "TS": true, "ThS": true, "Th.S": true, "TSKH": true, "CN": true, "KS": true,
	"BS": true, "NCS": true, "PGS.TS": true, "GS.TS": true, "GS.TSKH": true, "TP": true, "Tp": true,
	"Q": true, "P": true, "H": true, "TX": true, "TT": true, "X": true, "Nxb": true, "NXB": true, "tr": true,
	"t": true, "Sđd": true, "Tlđd": true, "V.I": true, "Ph": true, "C": true, "St": true, "Mr": true,
	"Dr": true, "Mrs": true, "Ms": true, "vs": true, "etc": true, "e.g": true, "i.e": true, "Tr": true,
	"ĐC": true, "đ/c": true, "Đ/c": true, "số": false,
}

// SplitSentences splits a paragraph into sentences. A sentence ends at '.', '!', '?', '…' or ';'
// followed by a space and an upper-case letter, a digit, a quote or a list marker — except after an
// abbreviation (TP., ThS., PGS.TS.), an initial (V.I.Lênin), inside a number (14.300, 0,6%), a date
// (15/11/2023) or an unclosed quotation. Semicolons split only list items that carry a proposal
// of their own, so they are left to the caller: SplitSentences does not split on ';'.
func SplitSentences(para string) []Span {
	var out []Span
	eachSentence(para, func(s Span) bool {
		out = append(out, s)
		return true
	})
	return out
}

// eachSentence calls yield with the sentences of para that SplitSentences returns, in order,
// until yield returns false.
func eachSentence(para string, yield func(Span) bool) {
	start := 0
	quote := 0
	n := len(para)
	for i := 0; i < n; {
		if !stopOrQuoteByte[para[i]] {
			i++ // no rune of the switch below starts with this byte, nor goes on with it
			continue
		}
		r, w := rune(para[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(para[i:])
		}
		switch r {
		case '“', '«':
			quote++
		case '”', '»':
			if quote > 0 {
				quote--
			}
		case '.', '!', '?', '…':
			end := i + w
			// absorb closing quotes, brackets, footnote marks and repeated stops
			end = absorbClosers(para, end)
			if quote > 0 && !closesQuote(para, i) {
				i = end
				continue
			}
			if isBoundary(para, i, r, end) && !isEnumerator(para[start:end]) {
				if s, ok := spanOf(para, start, end); ok && !yield(s) {
					return
				}
				start = end
				quote = 0
			}
			i = end
			continue
		}
		i += w
	}
	if s, ok := spanOf(para, start, n); ok {
		yield(s)
	}
}

// stopOrQuoteByte marks the bytes that start the stops and quotes eachSentence looks at: '.', '!',
// '?', the 0xE2 of “ ” … and the 0xC2 of « ». Neither is a continuation byte, so every one is the
// start of a rune.
var stopOrQuoteByte = [256]bool{'.': true, '!': true, '?': true, 0xE2: true, 0xC2: true}

// isEnumerator reports a list number standing alone before its item: "2.", "IV.", "a.", "1.2.".
func isEnumerator(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 2 || len(s) > 8 || s[len(s)-1] != '.' {
		return false
	}
	body := strings.Trim(s[:len(s)-1], "0123456789.")
	return body == "" || len(body) == len(s)-1 && (isRoman(strings.ToLower(body)) || len(body) == 1 && body[0] >= 'a' && body[0] <= 'z')
}

// spanOf returns para[start:end] trimmed as a span, false when nothing is left.
func spanOf(para string, start, end int) (Span, bool) {
	s := para[start:end]
	lead := len(s) - len(strings.TrimLeft(s, " \t\n"))
	t := strings.TrimSpace(s)
	if t == "" {
		return Span{}, false
	}
	return Span{Text: t, Start: start + lead, End: start + lead + len(t)}, true
}

func absorbClosers(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(".!?…”\"’)]»", r) || unicode.IsDigit(r) && i > 0 && isFootnoteDigit(s, i) {
			i += w
			continue
		}
		break
	}
	return i
}

// isFootnoteDigit reports a footnote number glued after a closing quote or stop: tốt”1.
func isFootnoteDigit(s string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	if prev != '”' && prev != '"' && prev != '.' {
		return false
	}
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	return j-i <= 2 && (j == len(s) || s[j] == ' ' || s[j] == '.')
}

// closesQuote reports whether a stop at i is followed, after optional closers, by a closing quote.
func closesQuote(s string, i int) bool {
	for j := i + 1; j < len(s) && j < i+8; {
		r, w := utf8.DecodeRuneInString(s[j:])
		if r == '”' || r == '»' || r == '"' {
			return true
		}
		if r != '.' && r != '!' && r != '?' {
			return false
		}
		j += w
	}
	return false
}

// isBoundary decides whether the stop r at i (with closers up to end) ends a sentence.
func isBoundary(s string, i int, r rune, end int) bool {
	if end >= len(s) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(s[end:])
	if !unicode.IsSpace(next) {
		return false // 14.300, V.I.Lênin, 3.5, www.x.vn
	}
	rest := strings.TrimLeft(s[end:], " \t\n")
	if rest == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(rest)
	if r == '.' && isAbbreviation(s[:i]) {
		return false
	}
	if r == '…' || strings.HasSuffix(s[:end], "...") {
		return unicode.IsUpper(first)
	}
	return unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("“\"'‘(-–•+[", first)
}

// isAbbreviation reports whether the word before a dot is an abbreviation or a single initial.
func isAbbreviation(before string) bool {
	j := strings.LastIndexAny(before, " \t\n(“\"")
	word := before[j+1:]
	if word == "" {
		return false
	}
	if abbreviations[word] {
		return true
	}
	if word == "v.v" {
		return false // decided by the capital that follows, as for any stop
	}
	first, size := utf8.DecodeRuneInString(word)
	// a single capital initial: Nguyễn V. A., C.Mác
	if size == len(word) && unicode.IsUpper(first) {
		return true
	}
	// dotted initials: V.I, Ph.D
	if strings.Contains(word, ".") && utf8.RuneCountInString(word) <= 6 {
		return true
	}
	return false
}
