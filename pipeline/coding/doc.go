// Package coding codes the content of a segmented document: it owns the codebook (themes, cues,
// rules, mood lists; codebook.toml is the default), the tagging of sentences and sections with
// themes, the mood of a sentence (recommendation, addressee) and the grouping of the
// recommendations that put the same proposal forward.
//
// Tagger.TagDocument runs its passes in this order:
//
//  1. context: each section's heading path is inferred (inferPaths) and the document is checked
//     against the codebook's field (docInDomain); a document outside it gets no theme;
//  2. sentences: per section, under its heading and speaker context, each sentence is
//     tokenised, matched against the cues and rules of every theme, and its mood decides whether
//     it is a recommendation and to whom;
//  3. section: the sentences' hits add up to the section's themes, scores and evidence.
//
// GroupRecommendations works later, across documents, on the recommendations an index holds.
//
// It imports no other pipeline package: it reads only the corpus types pipeline/structure fills
// (its tests use structure to split sentences).
package coding
