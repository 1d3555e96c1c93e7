// Package index stores analysed workshop documents in a Bleve index with Vietnamese analysis and
// answers searches, theme summaries, recommendation lists and statistics from it.
//
// Every section of a document is one Bleve document. Its text is indexed in an exact field
// (NFC, lower case, one tone-mark placement) and a folded field (diacritics removed, đ→d) whose
// token offsets still point into the original text, so a query typed without diacritics finds and
// highlights the accented words, while a query typed with diacritics matches and marks only words
// with its marks. A third field holds the folded bigrams that have a common syllable
// (CommonGrams), so phrases of common words are looked up as terms; the folded field keeps term
// vectors for the rarer pairs and for highlights. The three fields come from one tokenisation of
// the text. FormatVersion, recorded in the index folder, guards against an index built otherwise.
package index
