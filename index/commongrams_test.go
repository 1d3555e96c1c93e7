package index

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"thamluan/corpus/corpustest"
)

var updateCommonGrams = flag.Bool("update-commongrams", false, "rewrite commongrams.txt from the shared news corpus")

// commonGramsSize is how many frequent syllables commongrams.txt lists.
const commonGramsSize = 300

// TestCommonGramsList recomputes the frequent syllables of commongrams.txt from the shared news
// corpus with the folded analyzer the index uses, and checks the file lists them; with
// -update-commongrams it rewrites the file. It reads 117 MB of text: skipped under -short.
func TestCommonGramsList(t *testing.T) {
	if testing.Short() && !*updateCommonGrams {
		t.Skip("reads the whole shared news corpus: skipped under -short")
	}
	counts := map[string]int{}
	articles := 0
	if err := eachNews(corpustest.Shared(t, "corpus/scale/news.jsonl.gz"), -1, func(a *newsArticle) error {
		for _, w := range foldedWords(a.Title + "\n" + a.Lead + "\n" + a.Body) {
			counts[w]++
		}
		articles++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if counts[words[i]] != counts[words[j]] {
			return counts[words[i]] > counts[words[j]]
		}
		return words[i] < words[j]
	})
	top := words[:min(commonGramsSize, len(words))]
	if *updateCommonGrams {
		var b strings.Builder
		fmt.Fprintf(&b, "# The %d most frequent syllables (lower case, folded) of the %d news articles of\n", len(top), articles)
		b.WriteString("# ../shared/corpus/scale, computed by TestCommonGramsList (go test -run TestCommonGramsList\n")
		b.WriteString("# ./index -update-commongrams): thamluan indexes a syllable bigram only where one of its\n")
		b.WriteString("# syllables is listed here (CommonGrams); phrases of two rarer syllables are verified by positions.\n")
		b.WriteString(strings.Join(top, "\n") + "\n")
		if err := os.WriteFile("commongrams.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	missing := 0
	for _, w := range top {
		if !IsCommonSyllable(w) {
			missing++
			t.Logf("frequent syllable %q (%d) is not in commongrams.txt", w, counts[w])
		}
	}
	t.Logf("%d articles; %d of the %d most frequent syllables are listed", articles, len(top)-missing, len(top))
	if missing > 0 {
		t.Errorf("%d of the %d most frequent syllables are not in commongrams.txt (rewrite it with -update-commongrams)", missing, len(top))
	}
}
