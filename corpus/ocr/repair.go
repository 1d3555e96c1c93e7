package ocr

import (
	_ "embed"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"thamluan/corpus/vntext"
)

// The Vietnamese repair of OCR output. Tesseract's vie model, on a typewriter-like face or a
// degraded page, reads a letter as a look-alike (l as t or L, l as 1, i with a stray hook: chi →
// chỉ, final i as t: ĐỘI → ĐỘT), adds a letter (LỊCH → LTỊCH) or puts one tone or vowel mark for
// another. Such a misreading is mostly still a syllable, so a syllable check alone finds few of
// them; what gives them away is the around: "chỉ bộ", "thành tập", "kỷ tuật" are no words, "chi
// bộ", "thành lập", "kỷ luật" are. A word is replaced by one of its look-alikes when the
// look-alike makes a word of the word list with a neighbour and the word read does not; or, for a
// glyph confusion with no word around it, when the word read is all but unknown in Vietnamese
// text and its look-alike is common (tà → là). Measured in repair_test.go and measure_test.go.

// freqTSV counts the syllables of the project's own texts (data/gen_freq.go): lower case, and
// capitalised in the middle of a sentence.
//
//go:embed data/syllable_freq.tsv
var freqTSV string

// lexicon is what repair looks words up in.
type lexicon struct {
	words   map[string]bool // lower case, tones placed by vntext.NormalizeTones, 1-3 syllables
	lower   map[string]int  // syllable → lower-case count
	capital map[string]int  // syllable → count capitalised mid-sentence
}

var (
	lexOnce sync.Once
	lex     *lexicon
)

func theLexicon() *lexicon {
	lexOnce.Do(func() {
		lex = &lexicon{words: make(map[string]bool, 32000), lower: map[string]int{}, capital: map[string]int{}}
		for _, line := range vntext.WordList() { // pyvi (MIT) and the domain terms the index adds
			if syl := strings.Fields(line); len(syl) <= 3 {
				lex.words[vntext.NormalizeTones(strings.ToLower(strings.Join(syl, " ")))] = true
			}
		}
		for _, line := range strings.Split(freqTSV, "\n") {
			f := strings.Split(line, "\t")
			if len(f) != 3 || strings.HasPrefix(line, "#") {
				continue
			}
			lex.lower[f[0]], _ = strconv.Atoi(f[1])
			lex.capital[f[0]], _ = strconv.Atoi(f[2])
		}
	})
	return lex
}

// token is one word read, split into its punctuation and its letters.
type token struct {
	lead, core, trail string
	key               string // core in lower case with tones placed alike; "" when not letters
}

func splitToken(s string) token {
	i := strings.IndexFunc(s, isWordRune)
	if i < 0 {
		return token{lead: s}
	}
	j := strings.LastIndexFunc(s, isWordRune)
	_, n := utf8.DecodeRuneInString(s[j:])
	t := token{lead: s[:i], core: s[i : j+n], trail: s[j+n:]}
	if strings.IndexFunc(t.core, unicode.IsLetter) >= 0 && !strings.ContainsFunc(t.core, func(r rune) bool { return !isWordRune(r) }) {
		t.key = vntext.NormalizeTones(strings.ToLower(t.core))
	}
	return t
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// cleanWord puts a word read in NFC and replaces the look-alike characters Tesseract emits for
// plain ones: the fraction slash for a slash, and a section sign inside a word for the S it
// stands for on a noisy page ("Th§." for "ThS."; a § standing alone is kept).
func cleanWord(s string) string {
	s = strings.NewReplacer("⁄", "/", "∕", "/").Replace(s)
	if i := strings.Index(s, "§"); i > 0 && unicode.IsLetter(lastRune(s[:i])) {
		s = strings.ReplaceAll(s, "§", "S")
	}
	return norm.NFC.String(s)
}

// lastRune returns the last rune of s, or utf8.RuneError when s is empty.
func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// dash reads a hyphen standing alone as the dash it is by its width against the page's median
// word height h: Tesseract gives "-" for "–" (a dialogue line, "Lực – Học viện") and for "—".
func dash(s string, width, h int) string {
	if s != "-" || h <= 0 {
		return s
	}
	switch {
	case width*100 >= 85*h:
		return "—"
	case width*100 >= 45*h:
		return "–"
	}
	return s
}

// repairWords puts the words of a page in NFC and, with on, repairs them in place, in
// Tesseract's reading order.
func repairWords(words []Word, on bool) {
	if !on {
		for i := range words {
			words[i].Text = norm.NFC.String(words[i].Text)
		}
		return
	}
	lx := theLexicon()
	toks := make([]token, len(words))
	h := wordHeight(words)
	for i := range words {
		words[i].Text = dash(cleanWord(words[i].Text), words[i].Width, h)
		toks[i] = splitToken(words[i].Text)
	}
	for i := range toks {
		c := lx.neighbours(words, toks, i)
		if fixed, ok := lx.repair(toks[i], c); ok {
			toks[i].core, toks[i].key = fixed, vntext.NormalizeTones(strings.ToLower(fixed))
		}
		if y, ok := fixYears(toks[i].core, i > 0 && toks[i-1].key == "năm" && toks[i-1].trail == ""); ok {
			toks[i].core = y
		}
		fixNumbering(words, toks, i)
		if lx.spuriousCapital(toks[i], c) {
			toks[i].core = strings.ToLower(toks[i].core)
		}
		words[i].Text = toks[i].lead + toks[i].core + toks[i].trail
	}
}

// around holds the keys of the words around one, "" where a neighbour is not in the same
// phrase (other paragraph, punctuation between, not letters).
type around struct {
	pp, p, n, nn string
	midSentence  bool // the word follows a lower-case word of the same sentence
	nextLower    bool // the next word of the same sentence starts in lower case
}

func (lx *lexicon) neighbours(words []Word, toks []token, i int) around {
	var c around
	linked := func(a, b int) bool {
		return a >= 0 && b < len(toks) && words[a].Block == words[b].Block && words[a].Par == words[b].Par &&
			toks[a].trail == "" && toks[b].lead == "" && toks[a].key != "" && toks[b].key != ""
	}
	if linked(i-1, i) {
		c.p = toks[i-1].key
		r, _ := utf8.DecodeRuneInString(toks[i-1].core)
		c.midSentence = unicode.IsLower(r)
		if linked(i-2, i-1) {
			c.pp = toks[i-2].key
		}
	}
	if linked(i, i+1) {
		c.n = toks[i+1].key
		r, _ := utf8.DecodeRuneInString(toks[i+1].core)
		c.nextLower = unicode.IsLower(r)
		if linked(i+1, i+2) {
			c.nn = toks[i+2].key
		}
	}
	return c
}

// inContext reports whether syllable s makes a word of the list with the words beside it.
func (lx *lexicon) inContext(s string, c around) bool {
	w := lx.words
	return c.p != "" && (w[c.p+" "+s] || c.pp != "" && w[c.pp+" "+c.p+" "+s] || c.n != "" && w[c.p+" "+s+" "+c.n]) ||
		c.n != "" && (w[s+" "+c.n] || c.nn != "" && w[s+" "+c.n+" "+c.nn])
}

// repair returns the word to put in place of t, if any, in t's case.
func (lx *lexicon) repair(t token, c around) (string, bool) {
	if t.key == "" || utf8.RuneCountInString(t.key) > 8 {
		return "", false
	}
	valid := vntext.IsSyllable(t.key) || lx.words[t.key]
	if valid && lx.inContext(t.key, c) {
		return "", false
	}
	cands := glyphAlikes(t.key)
	if !valid {
		cands = lookAlikes(t.key)
	}
	best, bestFreq := "", -1
	for _, cand := range cands {
		if cand == t.key {
			continue
		}
		f := lx.lower[cand]
		if f > bestFreq && lx.inContext(cand, c) && (!valid || (f+1)*64 >= lx.lower[t.key]+1) {
			best, bestFreq = cand, f
		}
	}
	if best == "" && valid && t.core == strings.ToLower(t.core) && lx.lower[t.key]+lx.capital[t.key] <= 1 { // not a name
		for _, cand := range glyphAlikes(t.key) {
			if f := lx.lower[cand]; cand != t.key && f >= 30 && f > bestFreq {
				best, bestFreq = cand, f
			}
		}
	}
	if best == "" && !valid && strings.ContainsAny(t.key, "016") {
		// A digit inside letters is never right: its letter look-alike makes a syllable.
		if c := digitsAsLetters.Replace(t.key); vntext.IsSyllable(c) {
			best = c
		}
	}
	if best == "" {
		return "", false
	}
	if strings.HasPrefix(t.core, "6") {
		return inCaseOf(best, "G"+t.core[1:]), true // a 6 has the shape of a capital G
	}
	return inCaseOf(best, t.core), true
}

// spuriousCapital reports a word read with a capital L where the page has a small l: after a
// word of the same sentence, a syllable the project's texts hardly ever capitalise after a
// lower-case word, either common in lower case after a lower-case word (Là, Lập) or making a
// word with the lower-case word after it (Cần Linh hoạt; not Mỹ Linh, Lê Văn).
func (lx *lexicon) spuriousCapital(t token, c around) bool {
	if c.p == "" || !strings.HasPrefix(t.core, "L") || len(t.core) < 2 {
		return false
	}
	rest := t.core[1:]
	if rest != strings.ToLower(rest) {
		return false
	}
	lo, up := lx.lower[t.key], lx.capital[t.key]
	return up*4 <= lo && (c.midSentence && lo >= 3 || c.nextLower && lx.words[t.key+" "+c.n])
}

// romanAfter are the words a Roman numeral follows (Chương II, khu vực III, quý IV/2024).
var romanAfter = map[string]bool{"chương": true, "phần": true, "mục": true, "vực": true, "quý": true, "khóa": true, "khoá": true}

// misreadRoman matches a Roman numeral with I read as T, 1 or l ("TT", "II1"), and a year after
// a slash.
var misreadRoman = regexp.MustCompile(`^([IT1l]{1,3})(V?)(/\d{4})?$`)

// fixNumbering repairs the number of a heading: "1, Kết quả" at a line's start (a comma for the
// full stop), and a Roman numeral after Chương, Phần, Mục, khu vực, quý, khóa whose I was read as
// T, 1 or l.
func fixNumbering(words []Word, toks []token, i int) {
	t := &toks[i]
	lineStart := i == 0 || words[i].Block != words[i-1].Block || words[i].Par != words[i-1].Par || words[i].Line != words[i-1].Line
	if lineStart && t.lead == "" && t.trail == "," && len(t.core) <= 2 && allDigits(t.core) && i+1 < len(toks) {
		if r, _ := utf8.DecodeRuneInString(toks[i+1].core); unicode.IsUpper(r) && toks[i+1].lead == "" {
			t.trail = "."
		}
	}
	if i > 0 && romanAfter[toks[i-1].key] && toks[i-1].trail == "" && t.lead == "" {
		if m := misreadRoman.FindStringSubmatch(t.core); m != nil && strings.ContainsAny(m[1], "T1l") {
			t.core = strings.Repeat("I", len(m[1])) + m[2] + m[3]
			t.key = ""
		}
	}
}

// yearRange matches a range of years as one word: 2021-2025, 2923-2925 (the 0s misread).
var yearRange = regexp.MustCompile(`^(2[0689])(\d\d)([-–])(2[0689])(\d\d)$`)

// dated matches a date whose year ends it: 6/2023, 09/05/2024.
var dated = regexp.MustCompile(`^(\d{1,2}/(?:\d{1,2}/)?)(2\d{3})$`)

// fixYears repairs a year whose 0 was read as 6, 8 or 9, as Tesseract reads a dotted or slashed
// zero: "2923" after "năm", in a range of years or ending a date (6/2923, 09/05/2924). The archive's years are 19xx and 20xx; the
// number is left alone anywhere else (2.922 đảng viên, 2922 km).
func fixYears(core string, afterNam bool) (string, bool) {
	zero := func(y string) string {
		if len(y) == 4 && y[0] == '2' && strings.ContainsRune("689", rune(y[1])) && allDigits(y) {
			return "20" + y[2:]
		}
		return y
	}
	if m := yearRange.FindStringSubmatch(core); m != nil {
		out := zero(m[1]+m[2]) + m[3] + zero(m[4]+m[5])
		return out, out != core
	}
	if m := dated.FindStringSubmatch(core); m != nil {
		out := m[1] + zero(m[2])
		return out, out != core
	}
	if afterNam {
		out := zero(core)
		return out, out != core
	}
	return "", false
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// inCaseOf writes s in the case of like: all capitals, a capital first, or lower case.
func inCaseOf(s, like string) string {
	letters, upper := vntext.CountCase(like)
	first, _ := utf8.DecodeRuneInString(like)
	switch {
	case letters >= 2 && upper == letters:
		return strings.ToUpper(s)
	case unicode.IsUpper(first):
		r, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}
