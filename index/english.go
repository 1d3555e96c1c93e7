package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/kljensen/snowball/english"
)

// Names of the English analysis components.
const (
	EnglishStemFilterName   = "en_snowball" // token filter: Snowball English stem of each token
	EnglishDetectFilterName = "en_detect"   // token filter: empties a stream that is not English text
	EnglishAnalyzer         = "en_text"     // index side: detection, lower case, stemming
	EnglishQueryAnalyzer    = "en_query"    // query side: lower case, stemming (no detection)
)

// EnglishStemFilter replaces each token by its Snowball English stem (developing → develop).
// Offsets are kept, so highlights still cover the whole word.
type EnglishStemFilter struct{}

// Filter implements analysis.TokenFilter.
func (EnglishStemFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if isASCII(t.Term) {
			t.Term = []byte(english.Stem(string(t.Term), false))
		}
	}
	return in
}

// EnglishDetectFilter keeps a token stream only when it reads as English: almost no token carries
// a non-ASCII letter and common English function words make up a fair share of it. A Vietnamese
// section therefore adds nothing to the English field, at the cost of one pass over its tokens.
type EnglishDetectFilter struct{}

// Filter implements analysis.TokenFilter.
func (EnglishDetectFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	if LooksEnglish(in) {
		return in
	}
	return in[:0]
}

// englishFunctionWords are frequent English words that are not Vietnamese syllables.
var englishFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "is": true, "for": true, "on": true,
	"with": true, "that": true, "are": true, "by": true, "as": true, "be": true, "this": true, "from": true,
	"at": true, "an": true, "or": true, "which": true, "it": true, "was": true, "were": true, "has": true,
	"have": true, "its": true, "their": true, "will": true, "not": true, "should": true,
}

// LooksEnglish reports whether lower-cased tokens read as English text.
func LooksEnglish(ts analysis.TokenStream) bool {
	if len(ts) < 3 {
		return false
	}
	var nonASCII, function int
	for _, t := range ts {
		if !isASCII(t.Term) {
			nonASCII++
		} else if englishFunctionWords[string(t.Term)] {
			function++
		}
	}
	return nonASCII*20 <= len(ts) && function*10 >= len(ts)
}

func init() {
	registry.RegisterTokenFilter(EnglishStemFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return EnglishStemFilter{}, nil
	})
	registry.RegisterTokenFilter(EnglishDetectFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return EnglishDetectFilter{}, nil
	})
}
