package pipeline

import "thamluan/corpus"

// Analyzer runs the stages of the pipeline on documents read by corpus.Read. It is safe for
// concurrent use by several goroutines once built.
type Analyzer struct {
	Segment SegmentOptions
	Tagger  *Tagger
}

// NewAnalyzer returns an analyzer with the codebook cb (the default when nil).
func NewAnalyzer(cb *Codebook, seg SegmentOptions) *Analyzer {
	if cb == nil {
		cb = DefaultCodebook()
	}
	return &Analyzer{Segment: seg, Tagger: NewTagger(cb)}
}

// Analyze segments doc into sections and sentences and tags them.
func (a *Analyzer) Analyze(doc *corpus.Document) {
	Segment(doc, a.Segment)
	a.Tagger.TagDocument(doc)
	if doc.Sections == nil {
		doc.Sections = []corpus.Section{}
	}
	for i := range doc.Sections {
		s := &doc.Sections[i]
		if s.Themes == nil {
			s.Themes = []corpus.ThemeTag{}
		}
		if s.Sentences == nil {
			s.Sentences = []corpus.Sentence{}
		}
		for j := range s.Sentences {
			if s.Sentences[j].Themes == nil {
				s.Sentences[j].Themes = []string{}
			}
		}
	}
}
