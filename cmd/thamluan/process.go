package main

import (
	"os"
	"path/filepath"

	"thamluan/corpus"
	"thamluan/pipeline"
)

// processor reads and analyses one file at a time; it is safe for concurrent use.
type processor struct {
	analyzer *pipeline.Analyzer
	read     corpus.ReadOptions
	roots    []string // the folders named on the command line, where workshop.toml lookup stops
}

// process reads, analyses and annotates the file at path with its workshop metadata.
func (p *processor) process(path string) (*corpus.Document, error) {
	doc, err := corpus.Read(path, p.read)
	if err != nil {
		return nil, err
	}
	return p.analyze(doc, path)
}

// analyze runs the pipeline on a document already read and applies workshop.toml.
func (p *processor) analyze(doc *corpus.Document, path string) (*corpus.Document, error) {
	w, err := corpus.FindWorkshop(path, p.rootOf(path))
	if err != nil {
		return nil, err
	}
	if w != nil && w.Shape != "" && p.analyzer.Segment.Shape == "" {
		doc.Shape = w.Shape
		a := *p.analyzer
		a.Segment.Shape = w.Shape
		a.Analyze(doc)
	} else {
		p.analyzer.Analyze(doc)
	}
	doc.Workshop = w.Merge(doc.Workshop)
	return doc, nil
}

func (p *processor) rootOf(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	for _, r := range p.roots {
		ra, err := filepath.Abs(r)
		if err != nil {
			continue
		}
		if st, err := os.Stat(ra); err == nil && !st.IsDir() {
			ra = filepath.Dir(ra)
		}
		if rel, err := filepath.Rel(ra, abs); err == nil && !filepath.IsAbs(rel) && rel != ".." && (len(rel) < 3 || rel[:3] != "../") {
			return ra
		}
	}
	return ""
}
