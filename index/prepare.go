package index

import (
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2/document"

	"thamluan/corpus"
)

// Prepared is a document's sections mapped to Bleve documents and analysed: the tokenisation
// and term counting Bleve would otherwise do inside Flush, on its own queue, while the batch
// waits. Preparing in the goroutines that read and analyse files (Index.Prepare is safe for
// concurrent use) leaves a flush only the segment to build and write.
type Prepared struct {
	doc   *corpus.Document
	secs  []*document.Document
	bytes uint64 // size of the sections before analysis, as Batch.Bytes counts them
}

// Doc returns the document the sections were prepared from.
func (p *Prepared) Doc() *corpus.Document { return p.doc }

// Prepare maps every section of doc to a Bleve document and analyses its indexed fields. It is
// safe to call from many goroutines at once; the result joins a batch with ReplacePrepared.
func (ix *Index) Prepare(doc *corpus.Document) (*Prepared, error) {
	p := &Prepared{doc: doc, secs: make([]*document.Document, 0, len(doc.Sections))}
	m := ix.bi.Mapping()
	for i := range doc.Sections {
		s := &doc.Sections[i]
		sd, err := sectionDocument(m, SectionID(doc.Path, s.Ordinal), doc, s)
		if err != nil {
			return nil, fmt.Errorf("index %s: section %d: %w", doc.Path, s.Ordinal, err)
		}
		p.bytes += uint64(sd.Size() + len(sd.ID()))
		preAnalyse(sd)
		p.secs = append(p.secs, sd)
	}
	return p, nil
}

// preAnalyse analyses each indexed field of d now and wraps it so that Bleve's Batch, which
// analyses every field of every document again, finds nothing left to do.
func preAnalyse(d *document.Document) {
	for i, f := range d.Fields {
		if f.Options().IsIndexed() {
			f.Analyze()
			d.Fields[i] = analysedField{f}
		}
	}
}

// analysedField is a field whose analysis is done: Analyze keeps the token frequencies it has.
type analysedField struct{ document.Field }

// Analyze implements document.Field: the field was analysed when it was prepared.
func (analysedField) Analyze() {}

// ReplacePrepared is Replace for a document already prepared (see Prepare).
func (b *Batch) ReplacePrepared(p *Prepared, modTime time.Time, old *DocRecord) error {
	doc := p.doc
	if old != nil {
		for i := len(doc.Sections) + 1; i <= old.Sections; i++ {
			b.b.Delete(SectionID(doc.Path, i))
		}
	}
	for _, sd := range p.secs {
		if err := b.b.IndexAdvanced(sd); err != nil {
			return fmt.Errorf("index %s: section %s: %w", doc.Path, sd.ID(), err)
		}
	}
	b.bytes += p.bytes
	rec := DocRecord{Path: doc.Path, Hash: doc.Hash, Size: doc.Size, ModTime: modTime, Title: doc.Title,
		Format: doc.Format, Shape: doc.Shape, Quality: doc.Quality, Pages: doc.Pages, Sections: len(doc.Sections),
		Noise: len(doc.Noise), Warnings: doc.Warnings, OCRPages: doc.OCRPages, Workshop: doc.Workshop, IndexedAt: time.Now().UTC()}
	return b.putRecord(&rec)
}
