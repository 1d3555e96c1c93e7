package pipeline

import (
	"thamluan/corpus"
	"thamluan/pipeline/coding"
	"thamluan/pipeline/structure"
)

// The names the commands use, kept here so that they need not know which package owns each.

// SegmentOptions is structure.SegmentOptions: how a document is split into sections.
type SegmentOptions = structure.SegmentOptions

// Codebook is coding.Codebook: the themes, cues, rules and mood lists of the tagger.
type Codebook = coding.Codebook

// CodebookError is coding.CodebookError: a codebook file that cannot be used, and why.
type CodebookError = coding.CodebookError

// Theme is coding.Theme: one theme of a codebook.
type Theme = coding.Theme

// RecGroup is coding.RecGroup: recommendations that put the same proposal forward.
type RecGroup = coding.RecGroup

// DefaultCodebook returns the codebook embedded in the program (coding.DefaultCodebook).
func DefaultCodebook() *Codebook { return coding.DefaultCodebook() }

// LoadCodebook reads a codebook from a TOML file (coding.LoadCodebook).
func LoadCodebook(path string) (*Codebook, error) { return coding.LoadCodebook(path) }

// GroupRecommendations groups recommendations that put the same proposal forward
// (coding.GroupRecommendations).
func GroupRecommendations(recs []corpus.Recommendation) []RecGroup {
	return coding.GroupRecommendations(recs)
}

// LongSpanSplits returns how many over-long spans the sentence splitter has cut so far in this
// process (structure.LongSpanSplits).
func LongSpanSplits() int64 { return structure.LongSpanSplits() }
