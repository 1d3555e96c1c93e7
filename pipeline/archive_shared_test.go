package pipeline

import (
	"path/filepath"
	"sync"
	"testing"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
	"thamluan/pipeline/internal/pipetest"
)

// archiveNewsArticles is how many articles of the shared news corpus the messy archive holds.
const archiveNewsArticles = 2000

var (
	archiveOnce sync.Once
	archiveDocs []*corpus.Document
	archiveErrs []string
)

// messyArchive returns, analysed with the default codebook, the archive of the messy-archive
// issue: the demo corpus, the project's held-out workshop documents, the shared dev, seed, PDF and
// DOCX documents and the first archiveNewsArticles articles of the shared news corpus. It is built
// once per test binary; it skips when ../shared is absent. Files that cannot be read are listed by
// messyArchiveFailures, as a batch would report them.
func messyArchive(tb testing.TB) []*corpus.Document {
	tb.Helper()
	shared := corpustest.Shared(tb, "corpus/scale/news.jsonl.gz")
	root := filepath.Dir(filepath.Dir(filepath.Dir(shared)))
	archiveOnce.Do(func() {
		a := NewAnalyzer(nil, SegmentOptions{})
		folders := []string{filepath.Join("..", "corpus", "demo")}
		heldout, _ := filepath.Glob(filepath.Join("..", "testdata", "heldout*"))
		folders = append(folders, heldout...)
		for _, f := range []string{"dev", "seed", "pdf", "docx"} {
			folders = append(folders, filepath.Join(root, "corpus", f))
		}
		for _, folder := range folders {
			paths, err := corpus.Discover([]string{folder}, corpus.DiscoverOptions{})
			if err != nil {
				archiveErrs = append(archiveErrs, err.Error())
				continue
			}
			for _, p := range paths {
				doc, err := corpus.Read(p, corpus.ReadOptions{})
				if err != nil {
					archiveErrs = append(archiveErrs, err.Error())
					continue
				}
				w, err := corpus.FindWorkshop(p, folder)
				if err != nil {
					archiveErrs = append(archiveErrs, err.Error())
				}
				a.Analyze(doc)
				doc.Workshop = w.Merge(doc.Workshop)
				archiveDocs = append(archiveDocs, doc)
			}
		}
		for _, d := range pipetest.NewsDocs(tb, archiveNewsArticles) {
			a.Analyze(d)
			archiveDocs = append(archiveDocs, d)
		}
	})
	if len(archiveDocs) == 0 {
		tb.Fatalf("the messy archive is empty: %v", archiveErrs)
	}
	return archiveDocs
}

// messyArchiveFailures returns the reasons of the files of the messy archive that could not be read.
func messyArchiveFailures() []string { return archiveErrs }

// TestMessyArchiveLoads checks that the archive holds every kind of document it is meant to.
func TestMessyArchiveLoads(t *testing.T) {
	docs := messyArchive(t)
	formats := map[string]int{}
	for _, d := range docs {
		formats[d.Format]++
	}
	for _, f := range []string{corpus.FormatText, corpus.FormatPDF, corpus.FormatDOCX} {
		if formats[f] == 0 {
			t.Errorf("no %s document in the messy archive (formats %v; failures %v)", f, formats, messyArchiveFailures())
		}
	}
	if len(docs) < archiveNewsArticles {
		t.Errorf("the messy archive has %d documents, want at least %d", len(docs), archiveNewsArticles)
	}
}
