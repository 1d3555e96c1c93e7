package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Field names of a section in the index.
const (
	FieldType        = "type"
	FieldPath        = "path"
	FieldTitle       = "title"
	FieldFormat      = "format"
	FieldOrdinal     = "ordinal"
	FieldHeading     = "heading"
	FieldHeadingPath = "heading_path"
	FieldSpeaker     = "speaker"
	FieldSpeakerText = "speaker_text"
	FieldThemes      = "themes"
	FieldWorkshop    = "workshop"
	FieldYear        = "year"
	FieldDate        = "date"
	FieldPageStart   = "page_start"
	FieldPageEnd     = "page_end"
	FieldLanguage    = "language"
	FieldText        = "text"
	FieldData        = "data"
	FieldRecs        = "recs"
	FieldHash        = "hash"

	// Derived fields: the same text under another analyzer.
	FieldTextFolded     = "text_folded"
	FieldTextGrams      = "text_grams" // folded bigrams of two common syllables
	FieldHeadingFolded  = "heading_folded"
	FieldSpeakerFolded  = "speaker_folded"
	FieldWorkshopFolded = "workshop_folded"
	FieldTextEnglish    = "text_en" // stemmed English; empty for a section that is not English
	typeSection         = "section"
	typeDocument        = "document"
	docIDPrefix         = "doc:"
	sectionIDSeparator  = "#"
	defaultSnippetRunes = 240
)

func keywordField(store bool) *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Store = store
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	return f
}

func storedOnly() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = keyword.Name
	f.Index = false
	f.Store = true
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	f.DocValues = false
	return f
}

func numberField() *mapping.FieldMapping {
	f := bleve.NewNumericFieldMapping()
	f.Store = true
	f.IncludeInAll = false
	return f
}

// textFields returns the exact and folded mappings of one text property. The exact field is
// stored (for snippets) when store is set. Only the folded field keeps term vectors (positions),
// for highlights and heading or speaker phrases; exact accents are matched as words and shingles.
func textFields(name, folded string, store bool) []*mapping.FieldMapping {
	exact := bleve.NewTextFieldMapping()
	exact.Analyzer = ExactAnalyzerName
	exact.Store = store
	exact.IncludeTermVectors = false
	exact.IncludeInAll = false
	exact.DocValues = false
	f := bleve.NewTextFieldMapping()
	f.Name = folded
	f.Analyzer = FoldedAnalyzerName
	f.Store = false
	f.IncludeTermVectors = true
	f.IncludeInAll = false
	f.DocValues = false
	return []*mapping.FieldMapping{exact, f}
}

// derivedField indexes a property once more, under another name and analyzer, without storing it.
// Term vectors (positions) are kept when phrases must match on it.
func derivedField(name, analyzer string, vectors bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Name = name
	f.Analyzer = analyzer
	f.Store, f.IncludeTermVectors, f.IncludeInAll, f.DocValues = false, vectors, false, false
	return f
}

// NewMapping returns the index mapping of a thamluan index.
func NewMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := addAnalyzers(m); err != nil {
		return nil, err
	}
	m.TypeField = FieldType
	m.ScoringModel = bindex.BM25Scoring // saturating term frequency, length-normalised sections
	m.DefaultAnalyzer = ExactAnalyzerName
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false

	sec := bleve.NewDocumentStaticMapping()
	for _, k := range []string{FieldType, FieldPath, FieldFormat, FieldSpeaker, FieldThemes, FieldDate, FieldLanguage, FieldHash} {
		sec.AddFieldMappingsAt(k, keywordField(true))
	}
	sec.AddFieldMappingsAt(FieldWorkshop, keywordField(true), derivedField(FieldWorkshopFolded, FoldedAnalyzerName, true))
	for _, k := range []string{FieldTitle, FieldHeadingPath, FieldData} {
		sec.AddFieldMappingsAt(k, storedOnly())
	}
	for _, k := range []string{FieldOrdinal, FieldYear, FieldPageStart, FieldPageEnd, FieldRecs} {
		sec.AddFieldMappingsAt(k, numberField())
	}
	text := textFields(FieldText, FieldTextFolded, true)
	text = append(text, derivedField(FieldTextGrams, GramsAnalyzer, false))
	sec.AddFieldMappingsAt(FieldText, text...)
	// The English field is its own property, filled only for sections that are not Vietnamese,
	// so Vietnamese text is not tokenised a fourth time only to be found not English.
	sec.AddFieldMappingsAt(FieldTextEnglish, derivedField(FieldTextEnglish, EnglishAnalyzer, true))
	sec.AddFieldMappingsAt(FieldHeading, textFields(FieldHeading, FieldHeadingFolded, true)...)
	sec.AddFieldMappingsAt(FieldSpeakerText, textFields(FieldSpeakerText, FieldSpeakerFolded, false)...)
	// No composite "_all" field: every query names its fields, and Bleve would otherwise merge
	// the token frequencies of every field into it for each section.
	sec.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	m.AddDocumentMapping(typeSection, sec)

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldType, keywordField(false))
	doc.AddFieldMappingsAt(FieldPath, keywordField(true))
	doc.AddFieldMappingsAt(FieldFormat, keywordField(true))
	doc.AddFieldMappingsAt(FieldWorkshop, keywordField(true))
	doc.AddFieldMappingsAt(FieldYear, numberField())
	doc.AddFieldMappingsAt(FieldData, storedOnly())
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	m.AddDocumentMapping(typeDocument, doc)
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()
	return m, nil
}
