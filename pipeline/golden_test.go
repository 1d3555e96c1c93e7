package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
	"thamluan/corpus/demo"
	"thamluan/pipeline/internal/pipetest"
)

// goldenHashes records, for every document of the corpora below, the SHA-256 of what the reader
// gave the pipeline and of the JSON line `thamluan analyze --json` prints for it, as they were
// before the pipeline was split into packages. Only hashes and sizes are kept: the shared texts
// are real documents that must not be copied into the repository.
const goldenHashes = "testdata/analyze_golden.txt"

// goldenNews is how many articles of the shared news corpus the golden test analyses (fewer
// under -short).
const goldenNews, goldenNewsShort = 2000, 150

// goldenDoc is one document of the golden test: a key naming it, how to read it and where its
// workshop.toml lookup stops (as analyze does for the folders named on its command line).
type goldenDoc struct {
	key  string
	read func() (*corpus.Document, error)
	path string // the file, for corpus.FindWorkshop ("" for documents made in memory)
	root string
}

// TestAnalyzeByteIdentical analyses the shared corpora, the demo and the testdata sets and checks
// the hash of each document's `analyze --json` line against testdata/analyze_golden.txt (-update
// rewrites it). A document whose reader output changed since the hashes were recorded (another
// package's work) is reported and not compared: the hashes say nothing about the pipeline then.
// Under -short (make test runs it with -race) the PDFs, the DOCX files, the 770 KB report of
// corpus/scale and all but goldenNewsShort news articles are left out; the full set runs without
// -short.
func TestAnalyzeByteIdentical(t *testing.T) {
	want := readGolden(t)
	docs := goldenDocs(t)
	a := NewAnalyzer(nil, SegmentOptions{})
	var lines []string
	compared, changedInput := 0, 0
	for _, g := range docs {
		in, out := analyzeGolden(t, a, g)
		lines = append(lines, fmt.Sprintf("%s %s %s", g.key, in, out))
		w, ok := want[g.key]
		switch {
		case *update:
		case !ok:
			t.Errorf("%s: not in %s (run with -update on the tree before a change to record it)", g.key, goldenHashes)
		case w[0] != in:
			changedInput++
			t.Logf("%s: the reader's output changed since the hashes were recorded: not compared", g.key)
		case w[1] != out:
			compared++
			t.Errorf("%s: analyze --json output differs from the recorded one (%s, want %s)", g.key, out, w[1])
		default:
			compared++
		}
	}
	if *update {
		if testing.Short() {
			t.Fatal("-update needs the full set: run it without -short")
		}
		writeGolden(t, lines)
		return
	}
	t.Logf("%d documents compared, %d with changed reader output", compared, changedInput)
	if compared == 0 {
		t.Skip("no document could be compared")
	}
}

// analyzeGolden reads and analyses g as `thamluan analyze --json` does and returns the hashes of
// the read document and of the JSON line, each followed by its size.
func analyzeGolden(t *testing.T, a *Analyzer, g goldenDoc) (in, out string) {
	doc, err := g.read()
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	if err != nil {
		msg := err.Error()
		if g.path != "" {
			msg = strings.ReplaceAll(msg, g.path, g.key)
		}
		doc = &corpus.Document{Path: g.key, Error: msg, Warnings: []string{}, Sections: []corpus.Section{}}
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		return hashOf([]byte("error")), hashOf(line.Bytes())
	}
	doc.Path = g.key                   // the folders differ between checkouts and runs
	read, err := json.Marshal(struct { // Blocks are not part of the JSON contract: add them
		Doc    *corpus.Document
		Blocks []corpus.Block
	}{doc, doc.Blocks})
	if err != nil {
		t.Fatal(err)
	}
	var w *corpus.Workshop
	if g.path != "" {
		if w, err = corpus.FindWorkshop(g.path, g.root); err != nil {
			t.Fatal(err)
		}
	}
	if w != nil && w.Shape != "" {
		doc.Shape = w.Shape
		b := *a
		b.Segment.Shape = w.Shape
		b.Analyze(doc)
	} else {
		a.Analyze(doc)
	}
	doc.Workshop = w.Merge(doc.Workshop)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return hashOf(read), hashOf(line.Bytes())
}

func hashOf(b []byte) string {
	s := sha256.Sum256(b)
	return fmt.Sprintf("%s:%d", hex.EncodeToString(s[:12]), len(b))
}

// goldenDocs lists the documents of the test: the demo, the testdata sets of this package, and
// the shared corpora when ../shared is there.
func goldenDocs(t *testing.T) []goldenDoc {
	docs := demoDocs(t)
	docs = append(docs, testdataDocs(t)...)
	docs = append(docs, folderDocs(t, "..", "repo", filepath.Join("..", "testdata", "*"))...)
	dir := corpustest.SharedDir()
	if dir == "" {
		t.Log("../shared is absent: the shared corpora are left out of the byte-identical test")
		return docs
	}
	folders := "{dev,seed}"
	if !testing.Short() {
		folders = "{dev,seed,scale,docx,made,pdf}"
	}
	docs = append(docs, folderDocs(t, dir, "shared", filepath.Join(dir, "corpus", folders))...)
	return append(docs, newsGoldenDocs(t)...)
}

// folderDocs lists the documents of the folders matching pattern (with {a,b} alternatives), each
// keyed by prefix and its path relative to dir; a folder is the root of its workshop.toml lookup.
func folderDocs(t *testing.T, dir, prefix, pattern string) []goldenDoc {
	var roots []string
	if i, j := strings.Index(pattern, "{"), strings.Index(pattern, "}"); i >= 0 && j > i {
		for _, alt := range strings.Split(pattern[i+1:j], ",") {
			roots = append(roots, pattern[:i]+alt+pattern[j+1:])
		}
	} else {
		roots, _ = filepath.Glob(pattern)
	}
	var docs []goldenDoc
	for _, root := range roots {
		files, err := corpus.Discover([]string{root}, corpus.DiscoverOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range files {
			rel, _ := filepath.Rel(dir, p)
			docs = append(docs, goldenDoc{key: prefix + "/" + filepath.ToSlash(rel), path: p, root: root,
				read: func() (*corpus.Document, error) { return corpus.Read(p, corpus.ReadOptions{}) }})
		}
	}
	return docs
}

// demoDocs writes the embedded demo to a folder and reads it from there, as `thamluan demo` does.
func demoDocs(t *testing.T) []goldenDoc {
	root := t.TempDir()
	if err := os.CopyFS(root, demo.FS); err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(demo.FS, "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	var docs []goldenDoc
	for _, n := range names {
		p := filepath.Join(root, n)
		docs = append(docs, goldenDoc{key: "demo/" + n, path: p, root: root,
			read: func() (*corpus.Document, error) { return corpus.Read(p, corpus.ReadOptions{}) }})
	}
	return docs
}

// testdataDocs makes a text document of the input of every testdata/sections case and of every
// tagging set (its paragraphs with their headings).
func testdataDocs(t *testing.T) []goldenDoc {
	var docs []goldenDoc
	cases, _ := filepath.Glob(filepath.Join("structure", "testdata", "sections", "*.txtar"))
	for _, f := range cases {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		in := string(data)
		const mark = "-- input.txt --\n"
		if i := strings.Index(in, mark); i >= 0 {
			in = in[i+len(mark):]
			if j := strings.Index(in, "\n-- "); j >= 0 {
				in = in[:j+1]
			}
		}
		docs = append(docs, textDoc("testdata/sections/"+filepath.Base(f), in))
	}
	sets, _ := filepath.Glob(filepath.Join("coding", "testdata", "tagging", "*.json"))
	for _, f := range sets {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var set struct {
			Paragraphs []struct {
				Headings []string
				Text     string
			}
		}
		if err := json.Unmarshal(data, &set); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var b strings.Builder
		for _, p := range set.Paragraphs {
			for _, h := range p.Headings {
				b.WriteString(h + "\n\n")
			}
			b.WriteString(p.Text + "\n\n")
		}
		docs = append(docs, textDoc("testdata/tagging/"+filepath.Base(f), b.String()))
	}
	return docs
}

func textDoc(key, text string) goldenDoc {
	return goldenDoc{key: key, read: func() (*corpus.Document, error) {
		return corpus.ReadBytes(filepath.Base(key)+".txt", []byte(text), corpus.ReadOptions{})
	}}
}

// newsGoldenDocs makes text documents of the first articles of the shared news corpus, as
// BenchmarkAnalyzeNews reads them.
func newsGoldenDocs(t *testing.T) []goldenDoc {
	n := goldenNews
	if testing.Short() {
		n = goldenNewsShort
	}
	var docs []goldenDoc
	for i, text := range pipetest.NewsTexts(t, n) {
		docs = append(docs, goldenDoc{key: fmt.Sprintf("shared/news/%05d", i), read: func() (*corpus.Document, error) {
			return corpus.ReadBytes("news.txt", []byte(text), corpus.ReadOptions{})
		}})
	}
	return docs
}

// readGolden reads the recorded hashes: key → [read document, analyze --json line].
func readGolden(t *testing.T) map[string][2]string {
	data, err := os.ReadFile(goldenHashes)
	if err != nil {
		if *update {
			return nil
		}
		t.Fatal(err)
	}
	m := map[string][2]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Fields(line)
		if len(f) == 3 && !strings.HasPrefix(line, "#") {
			m[f[0]] = [2]string{f[1], f[2]}
		}
	}
	return m
}

func writeGolden(t *testing.T, lines []string) {
	slices.Sort(lines)
	head := "# key, then sha256[:12]:size of the document the reader gave and of its `analyze --json` line.\n" +
		"# Recorded by TestAnalyzeByteIdentical -update (without -short) on the pipeline before the split.\n"
	if err := os.WriteFile(goldenHashes, []byte(head+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

var update = flag.Bool("update", false, "rewrite testdata/analyze_golden.txt")
