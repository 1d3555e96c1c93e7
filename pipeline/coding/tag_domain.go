package coding

import (
	"sync"

	"thamluan/corpus"
)

// domainMinHits is how many times a document must name the codebook's field (Codebook.Domain)
// to be coded: once is a passing mention (a vice-chairman opening a volleyball tournament,
// "chính quyền các xã" evacuating people before a storm), not a document of the field.
const domainMinHits = 2

// domainHits counts, up to need, the terms of the codebook's field that texts name. buf holds
// the room of the tokens, reused from text to text.
func (t *Tagger) domainHits(buf *[]token, need int, texts ...string) int {
	n := 0
	for _, s := range texts {
		if s == "" || t.domFilter != nil && !t.domFilter.mayName(s) {
			continue
		}
		toks := tokenizeInto((*buf)[:0], s)
		*buf = toks
		for at := 0; at < len(toks) && n < need; {
			i, k := t.domain.find(toks, at, len(toks))
			if i < 0 {
				break
			}
			if _, m := t.notDom.at(toks, i); m > 0 {
				at = i + m // "đảng Cộng hòa": another country's party
				continue
			}
			n++
			at = i + max(k, 1)
		}
		if n >= need {
			break
		}
	}
	return n
}

// domainTokens holds the token buffers of the domain check, reused from document to document.
var domainTokens = sync.Pool{New: func() any { return new([]token) }}

// docInDomain reports whether a document speaks of the codebook's field: its title, headings
// and sentences name a term of Codebook.Domain at least domainMinHits times (true when the
// codebook lists none).
func (t *Tagger) docInDomain(doc *corpus.Document, paths [][]string) bool {
	if t.domain == nil {
		return true
	}
	buf := domainTokens.Get().(*[]token)
	defer domainTokens.Put(buf)
	n := t.domainHits(buf, domainMinHits, doc.Title)
	seen := map[string]bool{doc.Title: true} // a heading shared by sections counts once
	for si := range doc.Sections {
		sec := &doc.Sections[si]
		for _, h := range append(paths[si], sec.Heading) {
			if !seen[h] {
				seen[h] = true
				n += t.domainHits(buf, domainMinHits-n, h)
			}
		}
		for i := range sec.Sentences {
			if n >= domainMinHits {
				return true
			}
			n += t.domainHits(buf, domainMinHits-n, sec.Sentences[i].Text)
		}
	}
	return n >= domainMinHits
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
