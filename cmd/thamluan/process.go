package main

import (
	"os"
	"path/filepath"
	"strings"

	"thamluan/cmd/thamluan/msg"
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

// discover finds the documents named by paths as corpus.Discover does, but goes on past a path
// or folder it cannot read: each is reported on stderr, in Vietnamese, and counted in skipped. A
// named folder that holds no document is reported too and counted. When nothing at all is
// found, the error says so: errPartial (exit status 1) when the folders were read but hold no
// document, a fatal error (exit status 2) when a path could not be read at all.
func discover(e *env, paths []string, opt corpus.DiscoverOptions) (files []string, skipped int, err error) {
	return discoverFolders(e, paths, opt, false)
}

// discoverFolders is discover; with emptyOK a folder without documents is neither reported nor
// counted, and finding nothing is no error (a watched folder that is still empty).
func discoverFolders(e *env, paths []string, opt corpus.DiscoverOptions, emptyOK bool) (files []string, skipped int, err error) {
	unreadable := 0
	opt.Skip = func(path string, err error) {
		skipped++
		unreadable++
		printf(e.stderr, msg.CLISkipped+"\n", msg.Describe(err))
	}
	seen := map[string]bool{}
	for _, p := range paths {
		found, err := corpus.Discover([]string{p}, opt)
		if err != nil {
			return nil, skipped, err
		}
		if st, serr := os.Stat(p); serr == nil && st.IsDir() && len(found) == 0 && !emptyOK {
			skipped++
			printf(e.stderr, msg.CLIEmptyFolder+"\n", p)
		}
		for _, f := range found {
			if !seen[f] {
				seen[f] = true
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 && unreadable > 0 {
		return nil, skipped, msg.Errorf(msg.CLINothingRead, strings.Join(paths, ", "))
	}
	if len(files) == 0 && !emptyOK {
		return nil, skipped, partialErr(msg.CLINothingFound, strings.Join(paths, ", "))
	}
	return files, skipped, nil
}

// withSkipped turns a run that went well but skipped paths into errPartial (exit status 1).
func withSkipped(err error, skipped int) error {
	if err != nil || skipped == 0 {
		return err
	}
	return partialErr(msg.CLISkippedSummary, skipped)
}
