// Package pipeline turns the blocks a reader produced into a coded document. It owns only
// Analyzer, which runs the two crafts one after the other:
//
//  1. pipeline/structure reads the document's structure: noise, shape, headings, authors and
//     speakers, sections, sentences and the workshop's facts (structure.Segment);
//  2. pipeline/coding codes its content: themes of the codebook, recommendations and their
//     mood (coding.Tagger), and groups recommendations across documents.
//
// The two packages do not import each other: coding reads only the corpus types structure fills.
// The names the commands use (Codebook, SegmentOptions, GroupRecommendations ...) are kept here
// as aliases of the packages that own them.
package pipeline
