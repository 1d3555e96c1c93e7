package pipeline

import (
	"thamluan/corpus"
	"thamluan/pipeline/coding"
	"thamluan/pipeline/structure"
)

// Analyzer runs the stages of the pipeline on documents read by corpus.Read: the structure of a
// document first (structure.Segment), then the coding of its content (coding.Tagger). It is safe
// for concurrent use by several goroutines once built.
type Analyzer struct {
	Segment SegmentOptions
	Tagger  *coding.Tagger
}

// NewAnalyzer returns an analyzer with the codebook cb (the default when nil).
func NewAnalyzer(cb *Codebook, seg SegmentOptions) *Analyzer {
	if cb == nil {
		cb = DefaultCodebook()
	}
	return &Analyzer{Segment: seg, Tagger: coding.NewTagger(cb)}
}

// Analyze segments doc into sections and sentences and tags them.
func (a *Analyzer) Analyze(doc *corpus.Document) {
	structure.Segment(doc, a.Segment)
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
