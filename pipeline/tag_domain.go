package pipeline

import "thamluan/corpus"

// inDomain reports whether any of texts names a term of the codebook's field (Codebook.Domain);
// true when the codebook lists none.
func (t *Tagger) inDomain(texts ...string) bool {
	if t.domain == nil {
		return true
	}
	for _, s := range texts {
		if s == "" {
			continue
		}
		toks := tokenize(s)
		if at, _ := t.domain.find(toks, 0, len(toks)); at >= 0 {
			return true
		}
	}
	return false
}

// docInDomain reports whether a document speaks of the codebook's field anywhere: its title,
// its headings or any sentence.
func (t *Tagger) docInDomain(doc *corpus.Document, paths [][]string) bool {
	if t.domain == nil || t.inDomain(doc.Title) {
		return true
	}
	for si := range doc.Sections {
		if t.sectionInDomain(&doc.Sections[si], paths[si]) {
			return true
		}
	}
	return false
}

// sectionInDomain reports whether a section, under its heading path, speaks of the codebook's field.
func (t *Tagger) sectionInDomain(sec *corpus.Section, path []string) bool {
	if t.domain == nil || t.inDomain(path...) || t.inDomain(sec.Heading) {
		return true
	}
	for i := range sec.Sentences {
		if t.inDomain(sec.Sentences[i].Text) {
			return true
		}
	}
	return false
}

// clearSection gives a section of general text no theme and no recommendation.
func clearSection(sec *corpus.Section) {
	for i := range sec.Sentences {
		s := &sec.Sentences[i]
		s.Themes = []string{}
		s.Scores, s.Evidence = nil, nil
		s.Recommendation, s.Addressee = false, ""
	}
	sec.Themes = []corpus.ThemeTag{}
}
