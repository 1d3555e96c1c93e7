package pipeline

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
	"thamluan/corpus/vntext"
)

// benchNewsArticles is how many articles of the shared news corpus BenchmarkAnalyzeNews analyses.
const benchNewsArticles = 500

// newsDocs reads the first n articles of the shared news corpus as plain-text documents: the
// title, the lead and the body as three paragraphs, as a .txt file of them would read.
func newsDocs(b testing.TB, n int) []*corpus.Document {
	f, err := os.Open(corpustest.Shared(b, "corpus/scale/news.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var docs []*corpus.Document
	for len(docs) < n && sc.Scan() {
		var a struct{ Title, Lead, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		doc, err := corpus.ReadBytes("news.txt", []byte(a.Title+"\n\n"+a.Lead+"\n\n"+a.Body+"\n"), corpus.ReadOptions{})
		if err != nil {
			continue
		}
		docs = append(docs, doc)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return docs
}

// BenchmarkAnalyzeNews segments and tags the first benchNewsArticles articles of the shared news
// corpus, the input of batch indexing, once per iteration.
func BenchmarkAnalyzeNews(b *testing.B) {
	docs := newsDocs(b, benchNewsArticles)
	size := int64(0)
	for _, d := range docs {
		size += d.Size
	}
	a := NewAnalyzer(nil, SegmentOptions{})
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d0 := range docs {
			d := *d0 // Analyze fills Sections, Noise, Shape and Workshop: start from the read state
			a.Analyze(&d)
		}
	}
}

// TestFastPathsAgree checks the shortcuts the benchmarks above measure against what they stand
// for, on the paragraphs and sentences of the shared news corpus: each keyed expression against
// its expression, containsLower, hasAtMostFields, the token-rune table and the cached word forms.
func TestFastPathsAgree(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 40
	}
	var texts []string
	for _, d := range newsDocs(t, n) {
		for _, b := range d.Blocks {
			texts = append(texts, b.Text)
			for _, s := range SplitSentences(b.Text) {
				texts = append(texts, s.Text)
			}
		}
	}
	texts = append(texts, "Sáng 22/8, tại Hà Nội", "ngày 5 tháng 12 năm 2023", "Ngày  15-11-2022 Hội thảo khoa học “Đổi mới”",
		"Tháng 3/2024", "năm 2019.", "TỔ CHỨC hội nghị", "Tổ Chức", "t\xffổ chức", "İ Kelvin \u212a", "")
	quicks := []*quickRE{partQ, chapterQ, sectionQ, articleQ, romanQ, numQ, newsDatelineQ, signatureQ, letterheadQ,
		playerQ, furnitureQ, creditQ, timestampQ, captionStartQ, byLineQ, bracketSourceQ, tagLineQ, relatedLabelQ,
		academicQ, contributedByQ}
	for _, dir := range []string{"corpus/dev", "corpus/seed"} { // every line: headings, noise, signatures
		files, _ := filepath.Glob(filepath.Join(corpustest.Shared(t, dir), "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, strings.Split(string(data), "\n")...)
		}
	}
	texts = append(texts, "\xff: Ảnh", "▶ Video", "► 0:00", "ĐIỀU 1.", "Điều 2:", "MỤC II. X", "Chương 3", "PHẦN THỨ NHẤT",
		"IV. KẾT LUẬN", "2.1. Giải pháp", "T/M BAN THƯỜNG VỤ", "Trang 3", "- 12 -", "(Ảnh: Minh Anh)", "Ảnh minh họa",
		"VIDEO:", "ｖideo:", "Xem thêm: bài", "Từ khóa: x", "Theo Báo Lạng Sơn", "Thu Hà - TTXVN", "09/05/2024 | 16:20 GMT+7",
		"Cập nhật: 10:15 ngày 2/4/2024", "Sáng 22/8, tại", "(Dân Việt) - Ngày 3 tháng 4", "Quang cảnh hội thảo",
		"ĐẢNG CỘNG SẢN VIỆT NAM", "Hà Nội, ngày 5 tháng 6 năm 2023", "Tin liên quan", ">> Tin liên quan:", "ſ", "K")
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
		for _, w := range strings.Fields(txt) {
			n, f := normalizeWord(w)
			wn := strings.ToLower(vntext.NormalizeTones(w))
			if n != wn || f != vntext.Fold(wn) {
				t.Fatalf("normalizeWord(%q) = %q, %q; want %q, %q", w, n, f, wn, vntext.Fold(wn))
			}
		}
	}
	texts = append(texts, "Tổ chức hội thảo", "TỔ CHỨC HỘI THẢO", "to\u0302\u0309 chu\u031bc ho\u0302\u0323i tha\u0309o",
		"đã DIỄN RA DIỄN ĐÀN", "to chuc  hoi thao", "xto chuc hoi thaoy", "to chuc hoi\xff thao", "İn THE İt İts",
		"The role of the party in the economy", "BETWEEN the lines, THROUGH it", "Phóng viên đã trao đổi với ông A",
		"Lê Thị Hương – Trường Chính trị tỉnh X", "NGUYỄN A - TRẦN B", "Nguyễn Văn An (Học viện X)", "Lê An ,Trường",
		"Lê  An\t–\n X", "Lê An-Bình", "Lê An -Bình", "Lê An- Bình", "Trần Văn B*, Viện Y", "Lê\u00a0An — X", "Lê An\v- X",
		"Lê An,Bình", "Lê An (", "Lê An 1 - X", "Lê\xffAn - X", "Mô hình của xã A được nhiều đại biểu quan tâm",
		"Kết luận hội thảo, đồng chí A", "phát biểu bế mạc", "KẾT LUẬN,", "Tổng kết chương trình, bà B",
		"  Đảng  ủy\tkhối\u00a0doanh nghiệp tỉnh ", "Sở Y tế\u2003Hà Nội \u0085x", " ", "Ban\nTuyên giáo\xff x",
		"Ông A nêu ý kiến về việc", "bà B nói rõ: x", "ông C thông tin về kết quả", "ông D thông tin thêm", "E đặt vấn đề,",
		"Sở F báo cáo của tỉnh", "ông G cho biết, bà H cho rằng", "I kể", "J nêu. K nói")
	groupMoodOnce.Do(func() { groupMood = compileMood(&DefaultCodebook().Mood) })
	for _, txt := range texts {
		checkSegmentShortcuts(t, txt)
		if got, want := proposalFeatures(txt), proposalFeaturesSlow(txt); !slices.Equal(got, want) {
			t.Fatalf("proposalFeatures(%q) = %q, want %q", txt, got, want)
		}
	}
	for _, p := range append(slices.Clone(introPhrases), closingWords...) {
		if len(p) > 32 || !isASCIILower(p) {
			t.Fatalf("foldLowerContainsAny cannot look for %q", p)
		}
	}
	for w := range englishWords {
		if len(w) > maxEnglishWord || strings.ToLower(w) != w || !isASCIILower(w) {
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
		if p := "x" + foldLower(string(r)) + "y"; foldLowerContainsAny("X"+string(r)+"Y", []string{p}) != isASCIILower(p) {
			t.Fatalf("foldLowerContainsAny on %q disagrees", r)
		}
	}
	for r := rune(0); r < tokenRuneTableSize+10; r++ {
		if isTokenRune(r) != isTokenRuneSlow(r) {
			t.Fatalf("isTokenRune(%U) disagrees with unicode", r)
		}
	}
}

// BenchmarkTokenizeNews tokenizes the sentences of the first benchNewsArticles articles of the
// shared news corpus, as the tagger does before it looks for cues.
func BenchmarkTokenizeNews(b *testing.B) {
	var sentences []string
	size := 0
	for _, d := range newsDocs(b, benchNewsArticles) {
		for _, blk := range d.Blocks {
			for _, s := range SplitSentences(blk.Text) {
				sentences = append(sentences, s.Text)
				size += len(s.Text)
			}
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sentences {
			tokenize(s)
		}
	}
}

// checkSegmentShortcuts checks the shortcuts of segmentation and speaker leads on txt against
// the plain code they replace.
func checkSegmentShortcuts(t *testing.T, txt string) {
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

// proposalFeaturesSlow is proposalFeatures collecting the features in a set, then sorting them.
func proposalFeaturesSlow(text string) []string {
	toks := tokenize(text)
	start := 0
	for i := range toks {
		_, n := groupMood.proposal.at(toks, i)
		if n == 0 {
			_, n = groupMood.modals.at(toks, i)
		}
		if n > 0 && len(toks)-(i+n) >= 3 {
			start = i + n
			k := groupMood.skipWith(toks, start)
			if a := groupMood.addresseeAt(toks, k); a != "" && len(toks)-k-len(strings.Fields(a)) >= 3 {
				start = k + len(strings.Fields(a))
			}
			break
		}
	}
	fs := map[string]bool{}
	for k := start; k < len(toks); k++ {
		fs[toks[k].fold] = true
		if k+1 < len(toks) {
			fs[toks[k].fold+" "+toks[k+1].fold] = true
		}
	}
	names := make([]string, 0, len(fs))
	for f := range fs {
		names = append(names, f)
	}
	sort.Strings(names)
	return names
}
