package coding

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"thamluan/corpus/vntext"
	"thamluan/pipeline/internal/pipetest"
	"thamluan/pipeline/structure"
)

// benchNewsArticles is how many articles of the shared news corpus BenchmarkTokenizeNews reads.
const benchNewsArticles = 500

// sentenceTexts returns the sentences of para as the sentence splitter cuts them.
func sentenceTexts(para string) []string {
	var out []string
	for _, s := range structure.SplitSentences(para) {
		out = append(out, s.Text)
	}
	return out
}

// TestFastPathsAgree checks the shortcuts of the tagger against what they stand for, on the
// paragraphs and sentences of the shared news corpus: the cached word forms, the proposal
// features of grouping and the token-rune table.
func TestFastPathsAgree(t *testing.T) {
	texts, more := pipetest.ShortcutTexts(t, sentenceTexts)
	for _, txt := range texts {
		for _, w := range strings.Fields(txt) {
			n, f := normalizeWord(w)
			wn := strings.ToLower(vntext.NormalizeTones(w))
			if n != wn || f != vntext.Fold(wn) {
				t.Fatalf("normalizeWord(%q) = %q, %q; want %q, %q", w, n, f, wn, vntext.Fold(wn))
			}
		}
	}
	checkDomainFilter(t, texts)
	groupMoodOnce.Do(func() { groupMood = compileMood(&DefaultCodebook().Mood) })
	for _, txt := range more {
		if got, want := proposalFeatures(txt), proposalFeaturesSlow(txt); !slices.Equal(got, want) {
			t.Fatalf("proposalFeatures(%q) = %q, want %q", txt, got, want)
		}
	}
	for r := rune(0); r < tokenRuneTableSize+10; r++ {
		if isTokenRune(r) != isTokenRuneSlow(r) {
			t.Fatalf("isTokenRune(%U) disagrees with unicode", r)
		}
	}
}

// checkDomainFilter checks the domain filter's skeletons against the normalised forms of the
// tokens of texts, and that a text the filter passes over names no domain term.
func checkDomainFilter(t *testing.T, texts []string) {
	t.Helper()
	tg := NewTagger(nil)
	if tg.domFilter == nil {
		t.Fatal("the default codebook's domain terms have no filter")
	}
	unfiltered := NewTagger(nil)
	unfiltered.domFilter = nil
	var buf []token
	passed := 0
	for _, txt := range texts {
		for _, s := range append(sentenceTexts(txt), txt) {
			for _, tok := range tokenize(s) {
				h, ok := skeletonHash(tok.text)
				if hn, okn := skeletonHash(tok.norm); ok && (!okn || h != hn) {
					t.Fatalf("the skeleton of %q is not that of its normalised form %q", tok.text, tok.norm)
				}
			}
			if !tg.domFilter.mayName(s) {
				passed++
				if n := unfiltered.domainHits(&buf, 100, s); n != 0 {
					t.Fatalf("the domain filter passes over %q, which names %d domain terms", s, n)
				}
			}
		}
	}
	if passed == 0 {
		t.Fatal("the domain filter passes over no text")
	}
}

// BenchmarkTokenizeNews tokenizes the sentences of the first benchNewsArticles articles of the
// shared news corpus, as the tagger does before it looks for cues.
func BenchmarkTokenizeNews(b *testing.B) {
	var sentences []string
	size := 0
	for _, d := range pipetest.NewsDocs(b, benchNewsArticles) {
		for _, blk := range d.Blocks {
			for _, s := range structure.SplitSentences(blk.Text) {
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
