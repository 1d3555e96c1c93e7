// Package pipeline turns the blocks a reader produced into a coded document: it removes noise,
// detects the document's shape, splits it into sections with their speakers and into sentences,
// tags sentences and sections with the themes of a codebook and flags recommendations.
package pipeline
