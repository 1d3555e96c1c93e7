package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom" // registers the "custom" analyzer type
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names of the analysis components thamluan registers with Bleve.
const (
	ToneFilterName     = "vi_tone"        // token filter: one tone-mark placement (hòa → hoà)
	FoldFilterName     = "vi_fold"        // token filter: diacritics removed, đ → d
	ExactAnalyzerName  = "vi_exact"       // unicode tokenizer, lower case, tone placement
	FoldedAnalyzerName = "vi_folded"      // vi_exact, then folding
	GramsFilterName    = "vi_commongrams" // bigrams of two common syllables joined by a space, originals dropped
	GramsAnalyzer      = "vi_grams"       // vi_folded, then common bigrams
)

// ToneFilter rewrites each token with the tone mark on the main vowel. Offsets are kept. The
// rewritten terms are shared between tokens (computed once per distinct syllable): a filter
// after it must replace a term, never modify its bytes.
type ToneFilter struct{}

// Filter implements analysis.TokenFilter.
func (ToneFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if !isASCII(t.Term) {
			t.Term = toneCache.get(t.Term)
		}
	}
	return in
}

// FoldFilter removes Vietnamese diacritics from each token and maps đ to d. Only the term changes:
// Start and End still point at the original word, so highlights land on the accented text.
type FoldFilter struct{}

// Filter implements analysis.TokenFilter.
func (FoldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		if !isASCII(t.Term) {
			t.Term = foldCache.get(t.Term)
		}
	}
	return in
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func init() {
	registry.RegisterTokenFilter(ToneFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return ToneFilter{}, nil
	})
	registry.RegisterTokenFilter(FoldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return FoldFilter{}, nil
	})
	registry.RegisterTokenFilter(GramsFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return CommonGramsFilter{}, nil
	})
}

// analyzerChains lists the token filters of each analyzer thamluan defines; all use the unicode
// tokenizer.
var analyzerChains = map[string][]string{
	ExactAnalyzerName:    {lowercase.Name, ToneFilterName},
	FoldedAnalyzerName:   {lowercase.Name, ToneFilterName, FoldFilterName},
	GramsAnalyzer:        {lowercase.Name, ToneFilterName, FoldFilterName, GramsFilterName},
	EnglishAnalyzer:      {lowercase.Name, EnglishDetectFilterName, EnglishStemFilterName},
	EnglishQueryAnalyzer: {lowercase.Name, EnglishStemFilterName},
}

// addAnalyzers registers thamluan's analyzers on an index mapping.
func addAnalyzers(m *mapping.IndexMappingImpl) error {
	for _, name := range []string{ExactAnalyzerName, FoldedAnalyzerName, GramsAnalyzer, EnglishAnalyzer, EnglishQueryAnalyzer} {
		chain := analyzerChains[name]
		filters := make([]interface{}, len(chain))
		for i, f := range chain {
			filters[i] = f
		}
		err := m.AddCustomAnalyzer(name, map[string]interface{}{
			"type":          "custom",
			"tokenizer":     unicode.Name,
			"token_filters": filters,
		})
		if err != nil {
			return err
		}
	}
	return nil
}
