package index

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"thamluan/corpus/corpustest"
	"thamluan/corpus/demo"
	"thamluan/corpus/vntext"
)

// TestPhrasesAreWholeWords checks on sentences written for this test that candidate phrases
// never cut a word ("tay đảng viên điện" of "sổ tay đảng viên điện tử") and never hold a
// discourse marker or a pronoun.
func TestPhrasesAreWholeWords(t *testing.T) {
	tests := []struct {
		text      string
		want      []string
		forbidden []string
	}{
		{"Sổ tay đảng viên điện tử giúp chi bộ gửi tài liệu sinh hoạt tới từng đảng viên.",
			[]string{"sổ tay đảng viên điện tử", "tài liệu sinh hoạt"},
			[]string{"tay đảng viên điện", "tay đảng viên", "viên điện tử", "đảng viên điện"}},
		{"Nhiều doanh nghiệp có vốn đầu tư nước ngoài chưa thành lập tổ chức đảng.",
			[]string{"doanh nghiệp có vốn đầu tư nước ngoài", "thành lập tổ chức đảng"},
			[]string{"nghiệp có vốn đầu", "có vốn đầu", "vốn đầu"}},
		{"Tuy nhiên, việc ứng dụng phần mềm ở cơ sở chưa đồng bộ.",
			[]string{"ứng dụng phần mềm", "chưa đồng bộ"},
			[]string{"tuy nhiên", "bộ chưa đồng", "cơ sở chưa", "sở chưa đồng"}},
		{"Dù vậy, chúng ta phải nâng cao chất lượng hoạt động của tổ chức cơ sở đảng.",
			[]string{"nâng cao chất lượng", "tổ chức cơ sở đảng"},
			[]string{"dù vậy", "chúng ta", "động của tổ chức", "chúng ta phải"}},
		{"Đồng chí Lê Văn Hòa phát biểu tại hội nghị.", []string{"phát biểu"}, []string{"lê văn hòa", "văn hòa"}},
	}
	for _, tt := range tests {
		got := map[string]bool{}
		for _, p := range phrases(tt.text) {
			got[p.shown] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("%q: no phrase %q in %v", tt.text, w, keys(got))
			}
		}
		for _, f := range tt.forbidden {
			if got[f] {
				t.Errorf("%q: phrase %q", tt.text, f)
			}
		}
	}
}

func TestSegmentWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sổ tay đảng viên điện tử", "sổ_tay_đảng_viên_điện_tử"},
		{"tay đảng viên điện", "tay đảng_viên điện"},
		{"hoạt động của tổ chức", "hoạt_động của tổ_chức"},
		{"doanh nghiệp có vốn đầu tư", "doanh_nghiệp có vốn đầu_tư"},
		{"chất lượng sinh hoạt chi bộ", "chất_lượng sinh_hoạt_chi_bộ"},
		{"phát triển đảng viên trong công nhân", "phát_triển_đảng_viên trong công_nhân"},
	}
	for _, tt := range tests {
		syl := strings.Fields(foldWord(tt.in))
		ends := segmentWords(syl)
		starts := append([]int{0}, ends[:len(ends)-1]...)
		if got := phraseKey(syl, starts, ends); got != tt.want {
			t.Errorf("segment %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// keyPhraseArchive is a set of sections for key-phrase tests: the sentences of each section
// and the section texts in lower case.
type keyPhraseArchive struct {
	sentences []string
	texts     []string
}

// sentenceEnd splits the paragraphs of a test archive into sentences.
var sentenceEnd = regexp.MustCompile(`[.!?…]["”’)]?\s+`)

func (a *keyPhraseArchive) addText(text string) {
	a.texts = append(a.texts, text)
	for _, par := range strings.Split(text, "\n") {
		for _, s := range sentenceEnd.Split(par, -1) {
			if s = strings.TrimSpace(s); s != "" {
				a.sentences = append(a.sentences, s)
			}
		}
	}
}

// themeCues stand in for the tagger (package index must not import pipeline): a sentence with
// one of a theme's cues is that theme's.
var themeCues = map[string][]string{
	"shortcomings":           {"hạn chế", "yếu kém", "chưa", "khó khăn", "bất cập", "thiếu"},
	"solutions":              {"giải pháp", "cần", "đề nghị", "kiến nghị", "đề xuất", "tăng cường"},
	"digital-transformation": {"chuyển đổi số", "số hóa", "số hoá", "điện tử", "phần mềm", "trực tuyến", "công nghệ"},
}

// keyPhrasesOf counts the phrases of the archive's sentences and returns the first n key
// phrases of each theme.
func (a *keyPhraseArchive) keyPhrasesOf(n int) map[string][]FacetCount {
	pc := newPhraseCounts()
	for _, s := range a.sentences {
		low := strings.ToLower(s)
		var themes []string
		for th, cues := range themeCues {
			for _, c := range cues {
				if strings.Contains(low, c) {
					themes = append(themes, th)
					break
				}
			}
		}
		pc.add(s, themes)
	}
	out := map[string][]FacetCount{}
	for th := range themeCues {
		out[th] = pc.keyPhrases(th, n)
	}
	return out
}

// checkKeyPhrases fails for a key phrase that is not a run of words of the word list or that
// no section text holds as shown (in lower case, between word boundaries).
func checkKeyPhrases(t *testing.T, a *keyPhraseArchive, kp map[string][]FacetCount) {
	t.Helper()
	var all strings.Builder
	for _, x := range a.texts {
		all.WriteString(" " + spaced(x) + " ")
	}
	text := all.String()
	total := 0
	for th, ps := range kp {
		for _, p := range ps {
			total++
			if !splitsIntoWords(strings.Fields(p.Value)) {
				t.Errorf("%s: key phrase %q is not made of words of the word list", th, p.Value)
			}
			if !strings.Contains(text, " "+p.Value+" ") {
				t.Errorf("%s: key phrase %q is in no section text", th, p.Value)
			}
			for _, w := range []string{"tuy nhiên", "dù vậy", "chúng ta", "chúng tôi"} {
				if strings.Contains(" "+p.Value+" ", " "+w+" ") {
					t.Errorf("%s: key phrase %q holds %q", th, p.Value, w)
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("no key phrase at all")
	}
	t.Logf("%d key phrases checked over %d sections", total, len(a.texts))
}

// spaced is s in lower case with punctuation turned into spaces and single spaces between words.
func spaced(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) && r != '-' {
			return ' '
		}
		return r
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// splitsIntoWords reports whether the syllables can be cut into words of the word list.
func splitsIntoWords(syl []string) bool {
	ok := make([]bool, len(syl)+1)
	ok[0] = true
	for j := 1; j <= len(syl); j++ {
		for i := max(0, j-maxWordSyllables); i < j && !ok[j]; i++ {
			ok[j] = ok[i] && IsWord(strings.Join(syl[i:j], " "))
		}
	}
	return ok[len(syl)]
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestKeyPhrasesDemo(t *testing.T) {
	a := &keyPhraseArchive{}
	err := fs.WalkDir(demo.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := fs.ReadFile(demo.FS, p)
		if err != nil {
			return err
		}
		for _, sec := range strings.Split(string(b), "\n\n") {
			a.addText(vntext.Clean(sec))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkKeyPhrases(t, a, a.keyPhrasesOf(40))
}

// TestKeyPhrasesNewsArchive checks the key phrases of the first 2,000 articles of the shared news
// corpus (200 with -short).
func TestKeyPhrasesNewsArchive(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 200
	}
	a := &keyPhraseArchive{}
	for _, x := range newsTexts(t, n) {
		a.addText(x)
	}
	checkKeyPhrases(t, a, a.keyPhrasesOf(40))
}

// newsTexts returns the title, lead and body of the first n articles of the shared news corpus,
// cleaned as the readers clean text.
func newsTexts(t *testing.T, n int) []string {
	var out []string
	if err := eachNews(corpustest.Shared(t, "corpus/scale/news.jsonl.gz"), n, func(a *newsArticle) error {
		out = append(out, vntext.Clean(a.Title+"\n"+a.Lead+"\n"+a.Body))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// BenchmarkPhrases extracts the candidate key phrases of every sentence of the demo corpus, the
// per-sentence work of theme summaries.
func BenchmarkPhrases(b *testing.B) {
	var sents []string
	size := 0
	err := fs.WalkDir(demo.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".txt") {
			return err
		}
		data, err := fs.ReadFile(demo.FS, p)
		a := &keyPhraseArchive{}
		a.addText(vntext.Clean(string(data)))
		sents = append(sents, a.sentences...)
		size += len(data)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	wordList()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			phrases(s)
		}
	}
}
