package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"thamluan/corpus"
)

// searchCase is one query of testdata/search/<case>/queries.json and what its result must show.
// Hits are named "base-name#ordinal".
type searchCase struct {
	Q        string                    `json:"q"`
	Note     string                    `json:"note"`
	Themes   []string                  `json:"themes"`
	Speaker  string                    `json:"speaker"`
	Sort     string                    `json:"sort"`
	From     int                       `json:"from"`
	Size     int                       `json:"size"`
	Top      []string                  `json:"top"`      // the first hits, in this order
	First    []string                  `json:"first"`    // the first hits, in any order
	Hits     []string                  `json:"hits"`     // among the hits
	Absent   []string                  `json:"absent"`   // not among the hits
	Total    *int                      `json:"total"`    // how many sections match
	Count    *int                      `json:"count"`    // how many hits the page holds
	Marked   []string                  `json:"marked"`   // marked in the first hit's snippet
	Unmarked []string                  `json:"unmarked"` // not marked there
	Error    string                    `json:"error"`    // the query is refused with this message
	Facets   map[string]map[string]int `json:"facets"`   // facet value counts
	Agrees   string                    `json:"agrees"`   // another query whose first five hits are the same set
}

func TestSearchCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "search", "*", "queries.json"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no search cases in testdata/search: %v", err)
	}
	for _, qf := range dirs {
		dir := filepath.Dir(qf)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ix := caseIndex(t, dir)
			var cases []searchCase
			data, err := os.ReadFile(qf)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &cases); err != nil {
				t.Fatalf("%s: %v", qf, err)
			}
			for _, c := range cases {
				t.Run(c.Q, func(t *testing.T) { runSearchCase(t, ix, c) })
			}
		})
	}
}

func runSearchCase(t *testing.T, ix *Index, c searchCase) {
	req := Request{Query: c.Q, Themes: c.Themes, Speaker: c.Speaker, SortBy: c.Sort, From: c.From, Size: c.Size, Facets: c.Facets != nil}
	res, err := ix.Search(req)
	if c.Error != "" {
		if err == nil || !strings.Contains(err.Error(), c.Error) {
			t.Fatalf("Search(%q) error = %v, want one mentioning %q", c.Q, err, c.Error)
		}
		if c.Sort == "" && !errors.Is(err, ErrQuery) {
			t.Errorf("Search(%q) error %v does not wrap ErrQuery", c.Q, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("Search(%q): %v", c.Q, err)
	}
	got := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		got[i] = fmt.Sprintf("%s#%d", path.Base(h.Path), h.Ordinal)
	}
	ctx := fmt.Sprintf("Search(%q) hits %v (%s)", c.Q, got, c.Note)
	if c.Total != nil && int(res.Total) != *c.Total {
		t.Errorf("%s: total %d, want %d", ctx, res.Total, *c.Total)
	}
	if c.Count != nil && len(got) != *c.Count {
		t.Errorf("%s: %d hits, want %d", ctx, len(got), *c.Count)
	}
	if len(got) < len(c.Top) || !slices.Equal(got[:len(c.Top)], c.Top) {
		t.Errorf("%s: want first %v", ctx, c.Top)
	}
	if len(got) < len(c.First) || !sameSet(got[:len(c.First)], c.First) {
		t.Errorf("%s: want first, in any order, %v", ctx, c.First)
	}
	for _, h := range c.Hits {
		if !slices.Contains(got, h) {
			t.Errorf("%s: want %s among them", ctx, h)
		}
	}
	for _, h := range c.Absent {
		if slices.Contains(got, h) {
			t.Errorf("%s: want no %s", ctx, h)
		}
	}
	checkMarks(t, ctx, res, c)
	checkFacets(t, ctx, res, c)
	checkAgrees(t, ctx, ix, got, c)
}

// checkAgrees compares the first five hits, as sets, with those of the query c.Agrees (typically
// the same words without accents).
func checkAgrees(t *testing.T, ctx string, ix *Index, got []string, c searchCase) {
	if c.Agrees == "" {
		return
	}
	res, err := ix.Search(Request{Query: c.Agrees})
	if err != nil {
		t.Fatalf("Search(%q): %v", c.Agrees, err)
	}
	var other []string
	for _, h := range res.Hits {
		other = append(other, fmt.Sprintf("%s#%d", path.Base(h.Path), h.Ordinal))
	}
	a, b := got[:min(5, len(got))], other[:min(5, len(other))]
	if !sameSet(a, b) {
		t.Errorf("%s: first five %v, want the same sections as %q: %v", ctx, a, c.Agrees, b)
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	sort.Strings(a)
	sort.Strings(b)
	return slices.Equal(a, b)
}

func checkMarks(t *testing.T, ctx string, res *Result, c searchCase) {
	if len(c.Marked)+len(c.Unmarked) == 0 {
		return
	}
	if len(res.Hits) == 0 {
		t.Errorf("%s: no hit to check marks on", ctx)
		return
	}
	h := res.Hits[0]
	var marked []string
	for _, s := range h.Fragments {
		marked = append(marked, h.SnippetText[s.Start:s.End])
	}
	for _, m := range c.Marked {
		if !slices.Contains(marked, m) {
			t.Errorf("%s: marked %q, want %q marked as one piece", ctx, marked, m)
		}
	}
	for _, m := range c.Unmarked {
		for _, got := range marked {
			if strings.EqualFold(got, m) {
				t.Errorf("%s: marked %q, want %q left unmarked", ctx, marked, m)
			}
		}
	}
	if want := MarkHTML(h.SnippetText, h.Fragments); h.Snippet != want {
		t.Errorf("%s: snippet %q, want %q", ctx, h.Snippet, want)
	}
}

func checkFacets(t *testing.T, ctx string, res *Result, c searchCase) {
	for name, want := range c.Facets {
		got := map[string]int{}
		for _, fc := range res.Facets[name] {
			got[fc.Value] = fc.Count
		}
		for v, n := range want {
			if got[v] != n {
				t.Errorf("%s: facet %s %q = %d, want %d (all: %v)", ctx, name, v, got[v], n, got)
			}
		}
	}
}

// caseIndex indexes the documents of a case folder: docs/*.json are analysed documents in the
// analyze --json format, docs/*.txt plain text with one section per paragraph block (a block
// "# Title" is the heading of the section after it).
func caseIndex(t *testing.T, dir string) *Index {
	t.Helper()
	ix, err := Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	files, _ := filepath.Glob(filepath.Join(dir, "docs", "*"))
	for _, f := range files {
		doc, err := loadCaseDoc(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Add(doc, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
			t.Fatalf("index %s: %v", f, err)
		}
	}
	return ix
}

func loadCaseDoc(file string) (*corpus.Document, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	doc := &corpus.Document{Path: filepath.ToSlash(file), Format: corpus.FormatText, Hash: file}
	switch filepath.Ext(file) {
	case ".json":
		if err := json.Unmarshal(data, doc); err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
	case ".txt":
		heading := ""
		for _, b := range corpus.TextBlocks(string(data), 0) {
			if h, ok := strings.CutPrefix(b.Text, "# "); ok {
				heading = h
				continue
			}
			doc.Sections = append(doc.Sections, corpus.Section{Ordinal: len(doc.Sections) + 1, Heading: heading, Text: b.Text})
			heading = ""
		}
	default:
		return nil, fmt.Errorf("%s: want a .txt or .json document", file)
	}
	return doc, nil
}

// TestAccentedHighlights checks the accent rule on every hit: a query typed with diacritics
// never marks a word whose marks differ ("gấp đôi so với", "đối số" for "chuyển đổi số"), while
// the same query typed without them marks those words too.
func TestAccentedHighlights(t *testing.T) {
	ix := caseIndex(t, filepath.Join("testdata", "search", "accents"))
	marks := func(q string) map[string]bool {
		res, err := ix.Search(Request{Query: q, Size: 50})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, h := range res.Hits {
			for _, s := range h.Fragments {
				for _, w := range strings.Fields(strings.ToLower(h.SnippetText[s.Start:s.End])) {
					out[w] = true
				}
			}
		}
		return out
	}
	got := marks("chuyển đổi số")
	for _, w := range []string{"chuyển", "đổi", "số"} {
		if !got[w] {
			t.Errorf("chuyển đổi số: %q not marked (marked: %v)", w, got)
		}
	}
	for _, w := range []string{"đôi", "so", "đối", "sổ", "chuyên"} {
		if got[w] {
			t.Errorf("chuyển đổi số: %q marked, its marks differ (marked: %v)", w, got)
		}
	}
	folded := marks("chuyen doi so")
	for _, w := range []string{"chuyển", "đổi", "số", "đôi", "so", "đối"} {
		if !folded[w] {
			t.Errorf("chuyen doi so: %q not marked (marked: %v)", w, folded)
		}
	}
}
