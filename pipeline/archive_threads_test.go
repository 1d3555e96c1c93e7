package pipeline

import (
	"strconv"
	"strings"
	"testing"

	"thamluan/corpus"
	"thamluan/pipeline/recurring"
)

// archiveRecommendations returns the recommendations of the documents as the index hands them
// to the recs command: the sentence, its section's speaker and its document's workshop and year.
func archiveRecommendations(docs []*corpus.Document) ([]corpus.Recommendation, map[string]string) {
	var recs []corpus.Recommendation
	texts := map[string]string{} // path and ordinal -> section text
	for k, d := range docs {
		path := d.Path + "#" + strconv.Itoa(k) // the news articles all read as news.txt
		workshop, year := "", 0
		if d.Workshop != nil {
			workshop, year = d.Workshop.Title, d.Workshop.Year
		}
		for _, s := range d.Sections {
			texts[path+"\x00"+strconv.Itoa(s.Ordinal)] = s.Text
			for _, x := range s.Sentences {
				if x.Recommendation {
					recs = append(recs, corpus.Recommendation{Text: x.Text, Speaker: s.SpeakerLabel(), Addressee: x.Addressee,
						Themes: x.Themes, Path: path, Ordinal: s.Ordinal, Page: x.Page, Workshop: workshop, Year: year})
				}
			}
		}
	}
	return recs, texts
}

// TestArchiveThreads checks the recurring threads of the messy archive: every member stands
// verbatim in the section it cites, and every thread joins proposals of two or more workshops or
// years, never only proposals of one occasion.
func TestArchiveThreads(t *testing.T) {
	recs, texts := archiveRecommendations(messyArchive(t))
	threads := recurring.Threads(recs, recurring.Options{})
	t.Logf("%d recommendations, %d threads", len(recs), len(threads))
	for _, th := range threads {
		occasions := map[string]bool{}
		for _, m := range th.Members {
			if !strings.Contains(texts[m.Path+"\x00"+strconv.Itoa(m.Ordinal)], m.Text) {
				t.Errorf("thread %q: %q is not in %s, section %d", th.Text, m.Text, m.Path, m.Ordinal)
			}
			switch {
			case m.Workshop != "":
				occasions["w"+m.Workshop] = true
			case m.Year != 0:
				occasions["y"+strconv.Itoa(m.Year)] = true
			default:
				t.Errorf("thread %q holds %q, which has neither a workshop nor a year", th.Text, m.Text)
			}
		}
		if len(occasions) < 2 {
			t.Errorf("thread %q joins proposals of one occasion only", th.Text)
		}
	}
}
