package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"

	"thamluan/corpus"
	"thamluan/index"
)

// Floors are lower bounds for thamluan's indexing time, measured on the same files: what Bleve
// itself takes, with nothing of ours, with and without the positions (term vectors) phrase
// queries and highlights need, and what thamluan's index fields take, without reading,
// segmentation or tagging. Each runs in a child process (this program with -floor), so
// that its CPU time and peak memory are its own.
const (
	floorBleve     = "bleve"           // bare Bleve: one text field, standard analyzer, no positions
	floorPositions = "bleve-positions" // the same field with term vectors, as phrases and highlights need
	floorFields    = "fields"          // thamluan's mapping, each file one section, no pipeline
)

// floorModes lists the floors in the order they are run and printed.
var floorModes = []string{floorBleve, floorPositions, floorFields}

// Batch bounds of the floor runs, in bytes of text: bare Bleve gets large batches (its best
// case, memory unbounded); thamluan's fields get `thamluan index`'s default, 0.5 MB.
var floorBatchBytes = map[string]int{floorBleve: 8 << 20, floorPositions: 8 << 20, floorFields: 1 << 19}

// runFloor indexes every .txt file under docs into a new index at idx, the way mode names.
func runFloor(mode, docs, idx string) error {
	var (
		add   func(path string, text []byte) error
		flush func() error
		done  func() error
	)
	switch mode {
	case floorBleve, floorPositions:
		m := bleve.NewIndexMapping()
		dm := bleve.NewDocumentStaticMapping()
		f := bleve.NewTextFieldMapping()
		f.Store, f.IncludeTermVectors, f.IncludeInAll, f.DocValues = false, mode == floorPositions, false, false
		dm.AddFieldMappingsAt("body", f)
		m.DefaultMapping = dm
		ix, err := bleve.New(idx, m)
		if err != nil {
			return err
		}
		b := ix.NewBatch()
		add = func(path string, text []byte) error { return b.Index(path, map[string]any{"body": string(text)}) }
		flush = func() error { err := ix.Batch(b); b = ix.NewBatch(); return err }
		done = ix.Close
	case floorFields:
		ix, err := index.Create(idx)
		if err != nil {
			return err
		}
		b := ix.NewBatch()
		add = func(path string, text []byte) error {
			doc := &corpus.Document{Path: path, Format: "txt", Title: path, Sections: []corpus.Section{
				{Ordinal: 1, Text: string(text), Language: "vi"}}}
			return b.Replace(doc, time.Now(), nil)
		}
		flush = b.Flush
		done = ix.Close
	default:
		return fmt.Errorf("floor %q: want one of %s", mode, strings.Join(floorModes, ", "))
	}
	pending := 0
	err := filepath.WalkDir(docs, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := add(path, text); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if pending += len(text); pending >= floorBatchBytes[mode] {
			pending = 0
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if cerr := done(); err == nil {
		err = cerr
	}
	return err
}

// floorRun times this program indexing docs in the given floor mode, in a child process.
func floorRun(mode, docs, idx string) (measure, error) {
	self, err := os.Executable()
	if err != nil {
		return measure{}, err
	}
	os.RemoveAll(idx)
	defer os.RemoveAll(idx)
	m, err := timed(exec.Command(self, "-floor", mode, "-floor-docs", docs, "-floor-index", idx))
	if err != nil {
		return m, fmt.Errorf("floor %s: %w", mode, err)
	}
	return m, nil
}
