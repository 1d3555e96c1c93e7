// Package corpus owns thamluan's document model, the discovery of files under folders and the
// readers that turn PDF, DOCX, HTML and text files into blocks of clean, NFC-normalised text.
//
// The package is the leaf of the project: it imports nothing of thamluan except its own
// sub-packages (vntext for Vietnamese text primitives and one package per file format).
package corpus
