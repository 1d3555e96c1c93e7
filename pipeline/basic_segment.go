package pipeline

import (
	"regexp"
	"strings"

	"thamluan/corpus"
)

// This file is the first, simple segmenter; the structure work replaces it.

// SegmentOptions tune segmentation.
type SegmentOptions struct {
	Shape string // force a shape (corpus.ShapeProceedings, ShapePaper, ShapeNews); "" detects it
}

var headingRE = regexp.MustCompile(`^(?:[IVX]+\s*[.\-–)]\s*|\d+(?:\.\d+)*\.?\s+)\p{Lu}`)

// Segment fills doc.Sections from doc.Blocks: a new section at every heading-like block.
func Segment(doc *corpus.Document, opt SegmentOptions) {
	var secs []corpus.Section
	cur := corpus.Section{}
	var paras []string
	flush := func() {
		if cur.Heading == "" && len(paras) == 0 {
			return
		}
		cur.Ordinal = len(secs) + 1
		cur.Text = strings.Join(paras, "\n\n")
		cur.Sentences = splitSection(paras)
		secs = append(secs, cur)
		cur, paras = corpus.Section{}, nil
	}
	for _, b := range doc.Blocks {
		if b.Kind == corpus.BlockCaption {
			doc.Noise = append(doc.Noise, b.Text)
			continue
		}
		if b.Kind == corpus.BlockHeading || headingRE.MatchString(b.Text) && len([]rune(b.Text)) < 160 {
			flush()
			cur.Heading = b.Text
			cur.PageStart, cur.PageEnd = b.Page, b.Page
			continue
		}
		if len(paras) == 0 && cur.Heading == "" {
			cur.PageStart = b.Page
		}
		cur.PageEnd = b.Page
		paras = append(paras, b.Text)
	}
	flush()
	doc.Sections = secs
}

func splitSection(paras []string) []corpus.Sentence {
	var out []corpus.Sentence
	off := 0
	for pi, p := range paras {
		for _, s := range SplitSentences(p) {
			out = append(out, corpus.Sentence{Text: s.Text, Paragraph: pi, Start: off + len([]rune(p[:s.Start]))})
		}
		off += len([]rune(p)) + 2
	}
	return out
}
