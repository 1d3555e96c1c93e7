package structure

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus/vntext"
	"thamluan/pipeline/internal/pipetest"
)

// sentenceTexts returns the sentences of para as SplitSentences cuts them.
func sentenceTexts(para string) []string {
	var out []string
	for _, s := range SplitSentences(para) {
		out = append(out, s.Text)
	}
	return out
}

// TestFastPathsAgree checks the shortcuts the benchmarks measure against what they stand for, on
// the paragraphs and sentences of the shared news corpus: each keyed expression against its
// expression, containsLower, the quick expressions, hasAtMostFields, the table of contents line
// test and the shortcuts of speaker leads and word counts.
func TestFastPathsAgree(t *testing.T) {
	texts, more := pipetest.ShortcutTexts(t, sentenceTexts)
	quicks := []*quickRE{partQ, chapterQ, sectionQ, articleQ, romanQ, numQ, newsDatelineQ, signatureQ, letterheadQ,
		playerQ, furnitureQ, creditQ, timestampQ, captionStartQ, byLineQ, bracketSourceQ, tagLineQ, relatedLabelQ,
		academicQ, contributedByQ}
	keyed := []struct {
		name  string
		re    *regexp.Regexp
		keyed *keyedRE
	}{
		{"workshopName", workshopNameRE, workshopNameKeyed},
		{"shortDate", shortDateRE, shortDateKeyed}, {"month", monthRE, monthKeyed},
	}
	for _, txt := range texts {
		for _, k := range keyed {
			if got, want := k.keyed.FindStringSubmatchIndex(txt), k.re.FindStringSubmatchIndex(txt); !slices.Equal(got, want) {
				t.Fatalf("%s on %q: got %v, want %v", k.name, txt, got, want)
			}
		}
		for _, w := range []string{"tổ chức", "hội thảo", "kỷ yếu", "ib"} {
			if got, want := containsLower(txt, w), strings.Contains(strings.ToLower(txt), w); got != want {
				t.Fatalf("containsLower(%q, %q) = %v, want %v", txt, w, got, want)
			}
		}
		for _, q := range quicks {
			if got, want := q.FindStringSubmatch(txt), q.re.FindStringSubmatch(txt); !slices.Equal(got, want) ||
				q.MatchString(txt) != (want != nil) || q.FindString(txt) != q.re.FindString(txt) {
				t.Fatalf("quick %s on %q: got %q, want %q", q.re, txt, got, want)
			}
		}
		for _, limit := range []int{60, 70, 160, 200, 300} {
			if got, want := runesUpTo(txt, limit), min(utf8.RuneCountInString(txt), limit+1); got != want {
				t.Fatalf("runesUpTo(%q, %d) = %d, want %d", txt, limit, got, want)
			}
		}
		if got, want := hasAtMostFields(txt, 4), len(strings.Fields(txt)) <= 4; got != want {
			t.Fatalf("hasAtMostFields(%q) = %v, want %v", txt, got, want)
		}
		if got, want := isTOCLine(txt), tocLineRE.MatchString(txt); got != want {
			t.Fatalf("isTOCLine(%q) = %v, want %v", txt, got, want)
		}
	}
	for _, txt := range more {
		checkSegmentShortcuts(t, txt)
	}
	for _, p := range append(slices.Clone(introPhrases), closingWords...) {
		if len(p) > 32 || !vntext.IsASCIILower(p) {
			t.Fatalf("foldLowerContainsAny cannot look for %q", p)
		}
	}
	for w := range englishWords {
		if len(w) > maxEnglishWord || strings.ToLower(w) != w || !vntext.IsASCIILower(w) {
			t.Fatalf("english word %q is not ASCII lower case of at most %d bytes", w, maxEnglishWord)
		}
	}
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if unicode.ToLower(r) < utf8.RuneSelf && r != 'İ' && r != '\u212a' {
			t.Fatalf("%q lowers into ASCII: wordCounts.addWord must lower it", r)
		}
	}
	for r := rune(0); r < 0x2100; r++ {
		if hasDiacritics(string(r)) != vntext.HasDiacritics(string(r)) {
			t.Fatalf("hasDiacritics(%q) disagrees with vntext", r)
		}
		want, f := byte(0x80), foldLower(string(r))
		if f == "" {
			want = 0
		} else if f[0] < utf8.RuneSelf {
			want = f[0]
		}
		if got := foldLowerByte(r); r >= utf8.RuneSelf && got != want {
			t.Fatalf("foldLowerByte(%q) = %#x, want %#x (%q)", r, got, want, f)
		}
		if p := "x" + foldLower(string(r)) + "y"; foldLowerContainsAny("X"+string(r)+"Y", []string{p}) != vntext.IsASCIILower(p) {
			t.Fatalf("foldLowerContainsAny on %q disagrees", r)
		}
	}
}

// checkSegmentShortcuts checks the shortcuts of segmentation and speaker leads on txt against
// the plain code they replace.
func checkSegmentShortcuts(t *testing.T, txt string) {
	t.Helper()
	checkScanShortcuts(t, txt)
	if got, want := isIntroParagraph(txt), isIntroParagraphSlow(txt); got != want {
		t.Fatalf("isIntroParagraph(%q) = %v, want %v", txt, got, want)
	}
	all := SplitSentences(txt)
	for n := 1; n <= 3; n++ {
		if got, want := leadingSentences(txt, make([]Span, 0, n)), all[:min(n, len(all))]; !slices.Equal(got, want) {
			t.Fatalf("leadingSentences(%q, %d) = %v, want %v", txt, n, got, want)
		}
	}
	for from := 0; ; { // the text, then each tail after a verb, as speechVerbStarts reads them
		i, end := firstSpeechVerb(txt[from:])
		if wi, wend := firstSpeechVerbSlow(txt[from:]); i != wi || end != wend {
			t.Fatalf("firstSpeechVerb(%q) = %d, %d, want %d, %d", txt[from:], i, end, wi, wend)
		}
		if i < 0 {
			break
		}
		from += end
	}
	if got, want := findInterview(txt), interviewRE.FindStringIndex(txt); !slices.Equal(got, want) {
		t.Fatalf("findInterview(%q) = %v, want %v", txt, got, want)
	}
	if got, want := findPraisedModel(txt), praisedModelRE.FindStringSubmatch(txt); !slices.Equal(got, want) {
		t.Fatalf("findPraisedModel(%q) = %q, want %q", txt, got, want)
	}
	if got, want := isClosingPrefix(txt), closingRE.MatchString(foldLower(txt)); got != want {
		t.Fatalf("isClosingPrefix(%q) = %v, want %v", txt, got, want)
	}
	fields := strings.Fields(txt)
	for n := range 6 {
		if got, want := joinFields(txt, n), strings.Join(fields[:min(n, len(fields))], " "); got != want {
			t.Fatalf("joinFields(%q, %d) = %q, want %q", txt, n, got, want)
		}
	}
	if got, want := hasDiacritics(txt), vntext.HasDiacritics(txt); got != want {
		t.Fatalf("hasDiacritics(%q) = %v, want %v", txt, got, want)
	}
	if got, want := cutAppositions(txt), appositionRE.ReplaceAllString(txt, " "); got != want {
		t.Fatalf("cutAppositions(%q) = %q, want %q", txt, got, want)
	}
	for _, s := range []string{txt, strings.TrimSpace(txt)} {
		n, a, ok := splitNameAffil(s)
		wn, wa, wok := splitNameAffilSlow(s)
		if n != wn || a != wa || ok != wok {
			t.Fatalf("splitNameAffil(%q) = %q, %q, %v; want %q, %q, %v", s, n, a, ok, wn, wa, wok)
		}
		if loc, ok := authorSepIndex(s); ok && !slices.Equal(loc, authorSepRE.FindStringIndex(s)) {
			t.Fatalf("authorSepIndex(%q) = %v, want %v", s, loc, authorSepRE.FindStringIndex(s))
		}
	}
}

// checkScanShortcuts checks the language, word-count, credit and UTF-8 scans of txt against the
// code they replace.
func checkScanShortcuts(t *testing.T, txt string) {
	t.Helper()
	if got, want := language(txt), languageSlow(txt); got != want {
		t.Fatalf("language(%q) = %q, want %q", txt, got, want)
	}
	var one wordCounts
	if one.add(txt); one != wordCountsSlow(txt) {
		t.Fatalf("word counts of %q = %+v, want %+v", txt, one, wordCountsSlow(txt))
	}
	var c wordCounts
	c.add("Heading of it")
	c.add(txt)
	if got, want := c.language(), languageSlow("Heading of it "+txt); got != want {
		t.Fatalf("language in two parts of %q = %q, want %q", txt, got, want)
	}
	if got, want := languageOf("Heading of it", txt), languageSlow("Heading of it "+txt); got != want {
		t.Fatalf("languageOf in two parts of %q = %q, want %q", txt, got, want)
	}
	for _, c := range []string{txt, txt + "  (Ảnh: Minh Anh) (ẢNH:X)\t(Nguồn ảnh : Báo Mới)(Ảnh: (x)) (Ảnh:)", "(Ảnh: A) " + txt} {
		if got, want := inlineCredits(c), inlineCreditRE.FindAllStringIndex(c, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("inlineCredits(%q) = %v, want %v", c, got, want)
		}
	}
	for _, c := range []string{txt, txt[:len(txt)/2], "\xe1\xba" + txt + "\xc3", "\xed\xa0\x80\xe0\x80\xbf\xc3\x28\xef\xbf\xbf", "\xef\xbf\xbd", "\xf0\x9f\x98\x80"} {
		if got, want := runeCount(c), utf8.RuneCountInString(c); got != want {
			t.Fatalf("runeCount(%q) = %d, want %d", c, got, want)
		}
		if got, want := validUTF8(c), utf8.ValidString(c); got != want {
			t.Fatalf("validUTF8(%q) = %v, want %v", c, got, want)
		}
	}
}

// languageSlow is language as it splits the text into words.
func languageSlow(t string) string {
	c := wordCountsSlow(t)
	if c.words < 3 {
		return "vi"
	}
	if c.marked*5 < c.words && c.en*10 >= c.words {
		return "en"
	}
	return "vi"
}

// wordCountsSlow counts the words of t as language did, splitting t into words.
func wordCountsSlow(t string) wordCounts {
	words := strings.FieldsFunc(t, func(r rune) bool { return !isWordRune(r) })
	c := wordCounts{words: len(words)}
	for _, w := range words {
		if vntext.HasDiacritics(w) {
			c.marked++
		}
		if englishWords[strings.ToLower(w)] {
			c.en++
		}
	}
	return c
}

// isIntroParagraphSlow is isIntroParagraph on the folded, lower-cased text.
func isIntroParagraphSlow(t string) bool {
	f := foldLower(t)
	for _, ev := range []string{"hoi thao", "toa dam", "hoi nghi", "dien dan"} {
		if strings.Contains(f, "to chuc "+ev) || strings.Contains(f, "dien ra "+ev) {
			return true
		}
	}
	return false
}

// firstSpeechVerbSlow is firstSpeechVerb searching the whole text for every verb.
func firstSpeechVerbSlow(t string) (int, int) {
	best, bestEnd := -1, -1
	for _, v := range speechVerbs {
		for from := 0; ; {
			i := strings.Index(t[from:], v)
			if i < 0 {
				break
			}
			i += from
			end := i + len(v)
			if i > 0 && t[i-1] == ' ' && (end == len(t) || strings.ContainsRune(" ,:.;", rune(t[end]))) &&
				!strings.HasPrefix(t[end:], " của ") && (!nounVerbs[v] || end < len(t) && t[end] != ' ' || strings.HasPrefix(t[end:], " thêm")) {
				if best < 0 || i < best {
					best, bestEnd = i, end
				}
				break
			}
			from = end
		}
	}
	return best, bestEnd
}

// splitNameAffilSlow is splitNameAffil running authorSepRE on the whole line.
func splitNameAffilSlow(s string) (name, affil string, ok bool) {
	s = strings.TrimSpace(s)
	name = s
	if loc := authorSepRE.FindStringIndex(s); loc != nil {
		name, affil = s[:loc[0]], strings.Trim(s[loc[1]:], " )")
	}
	words := strings.Fields(strings.TrimRight(name, "*"))
	if len(words) < 2 || len(words) > 5 {
		return "", "", false
	}
	for _, w := range words {
		if !isNameWord(w) {
			return "", "", false
		}
	}
	return titleCaseName(strings.Join(words, " ")), affil, true
}
