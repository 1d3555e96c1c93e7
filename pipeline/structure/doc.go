// Package structure reads the structure of a document from the blocks a reader produced: it
// owns noise (captions, player remnants, page furniture), the document's shape, headings,
// author and speaker lines, sections, sentences and the workshop facts the text states.
//
// Segment runs its passes in this order:
//
//  0. describe: every block gets a description (describe.go) that records, the first time a
//     pass asks, its heading level, whether it reads as a title, the author line it holds and
//     the speaker lead that opens it; the passes below ask the block, not the rules again;
//  1. noise: filterNoise moves captions, player remnants and furniture into Document.Noise;
//  2. shape: detectShape tells a proceedings volume, a paper and a news report apart (unless the
//     options or workshop.toml give it); a news report also loses its by-lines;
//  3. sections: the segmenter of the shape groups the blocks into sections with their headings
//     and speakers (segmentProceedings, segmentPaper, segmentNews);
//  4. sentences: buildSections splits each section's paragraphs into sentences (SplitSentences);
//  5. workshop: fillWorkshop reads the workshop's name, date, place and organisers.
//
// It imports no other pipeline package; pipeline/coding does not import it either (it reads only
// the corpus types Segment fills).
package structure
