package pipeline

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
	"thamluan/corpus/vntext"
)

// archiveRecs returns the recommendations of the messy archive as the index lists them, each
// cited to its document by a key unique in the archive (the news articles share one file name),
// and the section each citation points to.
func archiveRecs(docs []*corpus.Document) ([]corpus.Recommendation, map[string]*corpus.Section) {
	var recs []corpus.Recommendation
	cited := map[string]*corpus.Section{}
	for i, d := range docs {
		path := fmt.Sprintf("%s#%d", d.Path, i)
		workshop := ""
		if d.Workshop != nil {
			workshop = d.Workshop.Title
		}
		for si := range d.Sections {
			s := &d.Sections[si]
			cited[fmt.Sprintf("%s/%d", path, s.Ordinal)] = s
			for _, x := range s.Sentences {
				if x.Recommendation {
					recs = append(recs, corpus.Recommendation{Text: x.Text, Themes: x.Themes, Path: path,
						Ordinal: s.Ordinal, Speaker: s.SpeakerLabel(), Workshop: workshop})
				}
			}
		}
	}
	return recs, cited
}

// TestMessyArchiveRecommendationGroups checks the groups of the archive's recommendations: every
// citation's section holds its sentence verbatim, and every member shares at least half of its
// content words with the text the group shows.
func TestMessyArchiveRecommendationGroups(t *testing.T) {
	docs := messyArchive(t)
	stop := readStopSyllables(t)
	recs, cited := archiveRecs(docs)
	groups := GroupRecommendations(recs)
	members, merged, missing, unlike := 0, 0, 0, 0
	for _, g := range groups {
		if len(g.Members) > 1 {
			merged++
		}
		gw := contentSyllables(g.Text, stop)
		for _, m := range g.Members {
			members++
			s := cited[fmt.Sprintf("%s/%d", m.Path, m.Ordinal)]
			if s == nil || !strings.Contains(s.Text, m.Text) {
				missing++
				if missing <= 5 {
					t.Errorf("a citation of %s §%d does not hold its sentence %.150q", m.Path, m.Ordinal, m.Text)
				}
			}
			if share := sharedShare(contentSyllables(m.Text, stop), gw); share < 0.5 {
				unlike++
				if unlike <= 5 {
					t.Errorf("a member shares %.2f of its content words with its group:\n  group  %.200q\n  member %.200q (%s)", share, g.Text, m.Text, m.Path)
				}
			}
		}
	}
	t.Logf("%d recommendations in %d groups (%d merged): %d citations without their sentence, %d members sharing less than half their content words", members, len(groups), merged, missing, unlike)
}

// readStopSyllables reads the one-syllable entries of the shared stop-word list: the function
// words that content-word overlap leaves out.
func readStopSyllables(t *testing.T) map[string]bool {
	t.Helper()
	f, err := os.Open(corpustest.Shared(t, "vietnamese/data/stopwords_vi_iso.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stop := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w != "" && !strings.HasPrefix(w, "#") && !strings.Contains(w, " ") {
			stop[vntext.Fold(strings.ToLower(vntext.NormalizeTones(w)))] = true
		}
	}
	return stop
}

// contentSyllables returns the set of syllables and numbers of s that are not stop words, lower
// case and folded (a report typed without diacritics says the same words).
func contentSyllables(s string, stop map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(vntext.Fold(strings.ToLower(vntext.NormalizeTones(s))), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}) {
		if !stop[w] {
			out[w] = true
		}
	}
	return out
}

// sharedShare returns the share of a's words that b holds (1 when a is empty).
func sharedShare(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 1
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}
