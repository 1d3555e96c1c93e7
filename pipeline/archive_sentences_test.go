package pipeline

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// maxSentenceRunes is the longest sentence the messy archive may hold.
const maxSentenceRunes = 1000

// TestMessyArchiveSentenceLength checks that no sentence of the messy archive runs on: none is
// over maxSentenceRunes characters, and none crosses a paragraph.
func TestMessyArchiveSentenceLength(t *testing.T) {
	docs := messyArchive(t)
	total, long, over500 := 0, 0, 0
	for _, d := range docs {
		for _, s := range d.Sections {
			for _, x := range s.Sentences {
				total++
				n := utf8.RuneCountInString(x.Text)
				if n > 500 {
					over500++
				}
				if n > maxSentenceRunes {
					long++
					if long <= 5 {
						t.Errorf("%s §%d: a sentence of %d characters: %.200q…", d.Path, s.Ordinal, n, x.Text)
					}
				}
				if strings.Contains(x.Text, "\n\n") {
					t.Errorf("%s §%d: a sentence crosses a paragraph: %.200q", d.Path, s.Ordinal, x.Text)
				}
			}
		}
	}
	t.Logf("%d sentences in %d documents: %d over %d characters, %d over 500; %d long spans split so far in this test binary",
		total, len(docs), long, maxSentenceRunes, over500, LongSpanSplits())
}
