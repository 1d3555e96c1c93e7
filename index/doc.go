// Package index stores analysed workshop documents in a Bleve index with Vietnamese analysis and
// answers searches, theme summaries, recommendation lists and statistics from it.
//
// Every section of a document is one Bleve document. Its text is indexed twice: an exact field
// (NFC, lower case, one tone-mark placement) and a folded field (diacritics removed, đ→d) whose
// token offsets still point into the original text, so a query typed without diacritics finds and
// highlights the accented words. Term vectors are kept, so phrase queries work on both fields.
package index
