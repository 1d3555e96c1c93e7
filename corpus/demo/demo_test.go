package demo

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
)

// goldDoc mirrors the gold-label format of ../shared/corpus/dev/*.gold.json.
type goldDoc struct {
	File     string `json:"file"`
	Shape    string `json:"shape"`
	Sections []struct {
		Start   string   `json:"start"`
		Heading string   `json:"heading"`
		Speaker string   `json:"speaker"`
		Themes  []string `json:"themes"`
	} `json:"sections"`
	Paragraphs []struct {
		Text   string   `json:"text"`
		Themes []string `json:"themes"`
	} `json:"paragraphs"`
	Recommendations []string `json:"recommendations"`
	Noise           []string `json:"noise"`
	Queries         []struct {
		Q        string   `json:"q"`
		Relevant []string `json:"relevant"`
	} `json:"queries"`
}

var (
	themes = []string{"shortcomings", "solutions", "digital-transformation", "private-enterprise"}
	shapes = []string{"proceedings", "news-report", "paper"}
)

func TestDocuments(t *testing.T) {
	tests := []struct {
		name     string
		contains []string
	}{
		{"ky-yeu-hoi-thao.txt", []string{"LỜI GIỚI THIỆU", "ThS. ", "I. ", "1. ", "Đảng uỷ", "Đảng ủy"}},
		{"tin-hoi-thao.txt", []string{"Ngày 15/11", "0:00 / 0:00", "Ảnh: ", "Phát biểu kết luận hội thảo"}},
		{"tham-luan.txt", []string{"PGS.TS.", "I. ", "II. ", "a) ", "b) ", "hoà"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := fs.ReadFile(FS, tc.name)
			if err != nil {
				t.Fatalf("read embedded %s: %v", tc.name, err)
			}
			s := string(b)
			if !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
				t.Fatalf("%s is not valid NFC UTF-8", tc.name)
			}
			if n := utf8.RuneCountInString(s); n < 3000 || n > 6000 {
				t.Errorf("%s has %d characters, want 3,000-6,000", tc.name, n)
			}
			if strings.Contains(s, "\r") || strings.Count(s, "\n\n") < 5 {
				t.Errorf("%s: want plain paragraphs separated by blank lines", tc.name)
			}
			for _, want := range tc.contains {
				if !strings.Contains(s, want) {
					t.Errorf("%s lacks %q", tc.name, want)
				}
			}
		})
	}
}

func TestWorkshop(t *testing.T) {
	var w struct {
		Title      string   `toml:"title"`
		Date       string   `toml:"date"`
		Place      string   `toml:"place"`
		Organisers []string `toml:"organisers"`
	}
	md, err := toml.DecodeFS(FS, "workshop.toml", &w)
	if err != nil {
		t.Fatalf("decode workshop.toml: %v", err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		t.Errorf("workshop.toml has unknown keys %v", un)
	}
	if _, err := time.Parse(time.DateOnly, w.Date); err != nil {
		t.Errorf("workshop.toml date %q: %v", w.Date, err)
	}
	if w.Title == "" || w.Place == "" || len(w.Organisers) == 0 {
		t.Errorf("workshop.toml misses title, place or organisers: %+v", w)
	}
}

func TestGoldNotEmbedded(t *testing.T) {
	if _, err := fs.Stat(FS, "gold"); err == nil {
		t.Fatal("gold/ must not be embedded in FS")
	}
}

// TestGoldMatchesDocuments checks that every gold label quotes its document verbatim (after
// NFC), that sections come in document order and that queries name existing sections.
func TestGoldMatchesDocuments(t *testing.T) {
	tests := []struct {
		name, dir string
		want      int
	}{
		{"demo", "gold", 3},
		{"heldout", filepath.Join("..", "..", "testdata", "heldout"), 4},
		{"heldout4", filepath.Join("..", "..", "testdata", "heldout4"), 14},
		{"heldout5", filepath.Join("..", "..", "testdata", "heldout5"), 21},
		{"shared-dev", "", 3}, // the reference format this checker follows
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.dir == "" {
				tc.dir = corpustest.Shared(t, "corpus/dev")
			}
			files, err := filepath.Glob(filepath.Join(tc.dir, "*.gold.json"))
			if err != nil || len(files) != tc.want {
				t.Fatalf("%s: found %d gold files (%v), want %d", tc.dir, len(files), err, tc.want)
			}
			for _, f := range files {
				checkGold(t, f)
			}
		})
	}
}

func checkGold(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	var g goldDoc
	if err := dec.Decode(&g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	text := collapse(docText(t, filepath.Join(filepath.Dir(path), g.File)))
	has := func(what, s string) {
		if !strings.Contains(text, collapse(s)) {
			t.Errorf("%s: %s not in %s: %.60q", path, what, g.File, s)
		}
	}
	if !slices.Contains(shapes, g.Shape) {
		t.Errorf("%s: unknown shape %q", path, g.Shape)
	}
	starts, last := map[string]bool{}, -1
	for _, s := range g.Sections {
		i := strings.Index(text, collapse(s.Start))
		if i <= last || utf8.RuneCountInString(s.Start) > 40 {
			t.Errorf("%s: section start %q missing, out of order or longer than 40", path, s.Start)
		}
		last, starts[s.Start] = i, true
		checkThemes(t, path, s.Themes)
	}
	for _, p := range g.Paragraphs {
		has("paragraph", p.Text)
		checkThemes(t, path, p.Themes)
	}
	for _, r := range g.Recommendations {
		has("recommendation", r)
	}
	for _, n := range g.Noise {
		has("noise", n)
	}
	for _, q := range g.Queries {
		for _, r := range q.Relevant {
			if !starts[r] {
				t.Errorf("%s: query %q names unknown section %q", path, q.Q, r)
			}
		}
	}
}

// inlineTagRE matches an HTML tag inside a line of text; tagRE any other tag, which stands
// between the words of a page's text.
var (
	inlineTagRE = regexp.MustCompile(`</?(?:strong|b|em|i|a|span|u|sup|sub)\b[^>]*>`)
	tagRE       = regexp.MustCompile(`<[^>]*>`)
)

// docText returns the text a gold label quotes: a plain-text file as it is, a web page without
// its tags and entities (menus and footers included, as labels of noise may quote them), and
// any other format as its reader extracts it.
func docText(t *testing.T, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt":
		return string(raw)
	case ".html", ".htm":
		return html.UnescapeString(tagRE.ReplaceAllString(inlineTagRE.ReplaceAllString(string(raw), ""), " "))
	}
	doc, err := corpus.ReadBytes(path, raw, corpus.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, bl := range doc.Blocks {
		b.WriteString(bl.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// collapse puts s in NFC with single spaces, as the scorer compares labels with documents.
func collapse(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

func checkThemes(t *testing.T, path string, ts []string) {
	t.Helper()
	for _, th := range ts {
		if !slices.Contains(themes, th) {
			t.Errorf("%s: unknown theme %q", path, th)
		}
	}
}

// ExampleFS lists the documents of the demo corpus.
func ExampleFS() {
	names, _ := fs.Glob(FS, "*.txt")
	for _, n := range names {
		fmt.Println(n)
	}
	// Output:
	// ky-yeu-hoi-thao.txt
	// tham-luan.txt
	// tin-hoi-thao.txt
}
