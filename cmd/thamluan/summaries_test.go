package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
	"thamluan/corpus/demo"
	"thamluan/index"
	"thamluan/pipeline"
)

// TestThemeSummariesDemo checks the key phrases and representative sentences of `themes` over
// the demo corpus, analysed by the pipeline and indexed.
func TestThemeSummariesDemo(t *testing.T) {
	var docs []*corpus.Document
	err := fs.WalkDir(demo.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".txt") {
			return err
		}
		b, err := fs.ReadFile(demo.FS, p)
		if err != nil {
			return err
		}
		doc, err := corpus.ReadBytes(p, b, corpus.ReadOptions{})
		docs = append(docs, doc)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, docs)
}

// TestThemeSummariesNews checks them over the first 2,000 articles of the shared news corpus
// (150 with -short).
func TestThemeSummariesNews(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 150
	}
	f, err := os.Open(corpustest.Shared(t, "corpus/scale/news.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var docs []*corpus.Document
	for len(docs) < n && sc.Scan() {
		var a struct{ ID, Title, Lead, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		doc, err := corpus.ReadBytes(filepath.Join("news", a.ID+".txt"), []byte(a.Title+"\n\n"+a.Lead+"\n\n"+a.Body+"\n"), corpus.ReadOptions{})
		if err == nil {
			docs = append(docs, doc)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, docs)
}

// announcementEnd is how a sentence that announces what follows ends.
var announcementEnd = regexp.MustCompile(`(?i)(?:sau đây|như sau|dưới đây)\s*[:.…]*\s*$`)

// checkSummaries analyses and indexes docs, then fails for a key phrase that is not a run of
// words of the word list or that no section text holds as shown, and for a representative
// sentence that is not complete, is over 60 words, is a table row or an announcement.
func checkSummaries(t *testing.T, docs []*corpus.Document) {
	t.Helper()
	a := pipeline.NewAnalyzer(nil, pipeline.SegmentOptions{})
	ix, err := index.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	b := ix.NewBatch()
	var text strings.Builder
	for _, d := range docs {
		a.Analyze(d)
		for _, s := range d.Sections {
			text.WriteString(" " + spacedLower(s.Text) + " ")
		}
		if err := b.Add(d, time.Now()); err != nil {
			t.Fatal(err)
		}
		if b.Size() > 2000 {
			if err := b.Flush(); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	sums, err := ix.ThemeSummaries(infos(pipeline.DefaultCodebook()))
	if err != nil {
		t.Fatal(err)
	}
	all := text.String()
	phrases, reps := 0, 0
	for _, s := range sums {
		t.Logf("%s: key phrases %v", s.ID, s.KeyPhrases)
		for _, c := range s.Representative {
			t.Logf("%s: %q", s.ID, c.Text)
		}
		for _, k := range s.KeyPhrases {
			phrases++
			if !wordRun(strings.Fields(k.Value)) {
				t.Errorf("%s: key phrase %q is not made of words of the word list", s.ID, k.Value)
			}
			if !strings.Contains(all, " "+k.Value+" ") {
				t.Errorf("%s: key phrase %q is in no section text", s.ID, k.Value)
			}
		}
		for _, c := range s.Representative {
			reps++
			x := strings.TrimRight(c.Text, "”\"’)»")
			switch {
			case len(strings.Fields(c.Text)) > 60:
				t.Errorf("%s: representative sentence of %d words: %q", s.ID, len(strings.Fields(c.Text)), c.Text)
			case strings.Contains(c.Text, " | "):
				t.Errorf("%s: representative table row %q", s.ID, c.Text)
			case !strings.ContainsAny(x[len(x)-1:], ".!?") && !strings.HasSuffix(x, "…"):
				t.Errorf("%s: representative sentence not complete: %q", s.ID, c.Text)
			case announcementEnd.MatchString(strings.TrimRight(x, ".…:")):
				t.Errorf("%s: representative announcement %q", s.ID, c.Text)
			}
		}
	}
	if phrases == 0 || reps == 0 {
		t.Errorf("%d key phrases and %d representative sentences over %d documents", phrases, reps, len(docs))
	}
	t.Logf("%d key phrases and %d representative sentences checked over %d documents", phrases, reps, len(docs))
}

// spacedLower is s in lower case with punctuation turned into spaces, single spaces between words.
func spacedLower(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) && r != '-' {
			return ' '
		}
		return r
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// wordRun reports whether the syllables can be cut into words of the word list.
func wordRun(syl []string) bool {
	ok := make([]bool, len(syl)+1)
	ok[0] = true
	for j := 1; j <= len(syl); j++ {
		for i := max(0, j-8); i < j && !ok[j]; i++ {
			ok[j] = ok[i] && index.IsWord(strings.Join(syl[i:j], " "))
		}
	}
	return ok[len(syl)]
}
