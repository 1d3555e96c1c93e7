package structure

import (
	"strings"
	"sync/atomic"
	"thamluan/corpus/vntext"
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
//
// Quotations are kept whole, but a quotation is no reason to run on: a quote left open and
// reopened after a sentence end ("… hết câu. “Câu mới …") ends the sentence before it, an ASCII
// '"' closes a curly quotation, and a quotation longer than quoteSpanLimit bytes is split at its
// sentence ends. A span longer than maxSpanBytes (a table turned into text, a list of links, a
// table of contents) is cut at its last weak break; both are counted by LongSpanSplits.
func eachSentence(para string, yield func(Span) bool) {
	start := 0
	quote := 0
	n := len(para)
	emit := func(end int) bool {
		ok := emitCapped(para, start, end, yield)
		start = end
		quote = 0
		return ok
	}
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
		case '”', '»', '"':
			if quote > 0 {
				quote--
			}
		case '.', '!', '?', '…':
			end := i + w
			// absorb closing quotes, brackets, footnote marks and repeated stops
			end = absorbClosers(para, end)
			if e, ok := dotLeaderEnd(para, i, end); ok {
				if !emit(e) {
					return
				}
				i = e
				continue
			}
			if quote > 0 && !closesQuote(para, i) && !quoteReopens(para, end) {
				if end-start <= quoteSpanLimit || !isBoundary(para, i, r, end) {
					i = end
					continue
				}
				longSpanSplits.Add(1) // a quotation too long to keep whole
			}
			if isBoundary(para, i, r, end) && !isEnumerator(para[start:end]) {
				if !emit(end) {
					return
				}
			}
			i = end
			continue
		}
		i += w
	}
	emitCapped(para, start, n, yield)
}

// quoteSpanLimit is the length in bytes past which a quotation is split at its sentence ends;
// maxSpanBytes is the longest span a sentence may be (under 1,000 characters whatever the script).
const (
	quoteSpanLimit = 600
	maxSpanBytes   = 1000
)

// longSpanSplits counts the spans split because they ran too long.
var longSpanSplits atomic.Int64

// LongSpanSplits returns how many unusually long spans sentence splitting has cut since the
// program started: quotations split at their sentence ends and spans with no sentence end cut at
// a weak break. It is a debugging count: such spans are split, never passed on whole.
func LongSpanSplits() int64 { return longSpanSplits.Load() }

// quoteReopens reports a new quotation opening right after a stop: the quotation before it was
// left open, so the stop ends the sentence.
func quoteReopens(s string, end int) bool {
	rest := strings.TrimLeft(s[end:], " \t\n")
	return len(rest) < len(s)-end && (strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "«"))
}

// dotLeaderEnd recognises a table-of-contents entry: a run of at least four dots (the stop at i
// ends one) followed by a page number. It returns the end of the page number.
func dotLeaderEnd(s string, i, end int) (int, bool) {
	j := i
	for j > 0 && (s[j-1] == '.' || s[j-1] == ' ') {
		j--
	}
	if strings.Count(s[j:end], ".")+strings.Count(s[j:end], "…")*3 < 4 {
		return 0, false
	}
	k := end
	for k < len(s) && s[k] == ' ' {
		k++
	}
	d := k
	for d < len(s) && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d == k || d-k > 4 || d < len(s) && s[d] != ' ' && s[d] != '\t' && s[d] != '\n' {
		return 0, false
	}
	return d, true
}

// emitCapped yields para[start:end] as sentences no longer than maxSpanBytes: a longer span is
// cut at its last weak break (a stop, a semicolon, a colon or comma, a space) before the limit.
func emitCapped(para string, start, end int, yield func(Span) bool) bool {
	for end-start > maxSpanBytes {
		cut := weakBreak(para, start, start+maxSpanBytes)
		longSpanSplits.Add(1)
		if s, ok := spanOf(para, start, cut); ok && !yield(s) {
			return false
		}
		start = cut
	}
	if s, ok := spanOf(para, start, end); ok {
		return yield(s)
	}
	return true
}

// weakBreak returns where to cut para between start and limit: after the last stop, semicolon,
// colon or comma followed by a space in the second half, else at the last space, else at limit
// (moved back to a rune boundary).
func weakBreak(para string, start, limit int) int {
	half := start + (limit-start)/2
	for _, seps := range []string{".!?…", ";", ":,"} {
		for j := limit - 1; j > half; j-- {
			if para[j] == ' ' {
				r, w := utf8.DecodeLastRuneInString(para[:j])
				if w > 0 && strings.ContainsRune(seps, r) {
					return j
				}
			}
		}
	}
	if j := strings.LastIndexByte(para[half:limit], ' '); j > 0 {
		return half + j
	}
	for limit > start && !utf8.RuneStart(para[limit]) {
		limit--
	}
	return limit
}

// stopOrQuoteByte marks the bytes that start the stops and quotes eachSentence looks at: '.', '!',
// '?', '"', the 0xE2 of “ ” … and the 0xC2 of « ». None is a continuation byte, so every one is the
// start of a rune.
var stopOrQuoteByte = [256]bool{'.': true, '!': true, '?': true, '"': true, 0xE2: true, 0xC2: true}

// isEnumerator reports a list number standing alone before its item: "2.", "IV.", "a.", "1.2.".
func isEnumerator(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) < 2 || len(s) > 8 || s[len(s)-1] != '.' {
		return false
	}
	body := strings.Trim(s[:len(s)-1], "0123456789.")
	return body == "" || len(body) == len(s)-1 && (vntext.IsLowerRoman(strings.ToLower(body)) || len(body) == 1 && body[0] >= 'a' && body[0] <= 'z')
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
