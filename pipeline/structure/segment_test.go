package structure

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"thamluan/corpus"
)

var update = flag.Bool("update", false, "rewrite the want part of the golden files in testdata")

// archive is a parsed txtar file: a comment, then named files.
type archive struct {
	comment string
	names   []string
	files   map[string]string
}

// parseTxtar parses the txtar format: lines "-- NAME --" open a file that runs to the next one.
func parseTxtar(data string) archive {
	a := archive{files: map[string]string{}}
	cur := ""
	var b strings.Builder
	flush := func() {
		if cur == "" {
			a.comment = b.String()
		} else {
			a.names = append(a.names, cur)
			a.files[cur] = b.String()
		}
		b.Reset()
	}
	for _, line := range strings.SplitAfter(data, "\n") {
		t := strings.TrimRight(line, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			flush()
			cur = strings.TrimSpace(t[3 : len(t)-3])
			continue
		}
		b.WriteString(line)
	}
	flush()
	return a
}

// format writes the archive back in txtar form.
func (a archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, n := range a.names {
		fmt.Fprintf(&b, "-- %s --\n", n)
		b.WriteString(a.files[n])
	}
	return b.String()
}

// blockMarks are the prefixes that give a test paragraph the kind a reader would give it.
var blockMarks = []struct {
	prefix string
	kind   corpus.BlockKind
	level  int
}{
	{"[caption] ", corpus.BlockCaption, 0}, {"[heading] ", corpus.BlockHeading, 1},
	{"[heading2] ", corpus.BlockHeading, 2}, {"[title] ", corpus.BlockTitle, 0},
	{"[list] ", corpus.BlockListItem, 1}, {"[table] ", corpus.BlockTable, 0}, {"[note] ", corpus.BlockNote, 0},
}

// blocksOf turns a test input into blocks: "=== page N ===" lines start a page, and a paragraph
// starting with a mark of blockMarks ("[caption] ", "[heading2] ", "[list] ") gets that kind.
func blocksOf(input string) []corpus.Block {
	var out []corpus.Block
	page := 0
	var chunk strings.Builder
	flush := func() {
		for _, b := range corpus.TextBlocks(chunk.String(), page) {
			for _, m := range blockMarks {
				if strings.HasPrefix(b.Text, m.prefix) {
					b.Text, b.Kind, b.Level = strings.TrimPrefix(b.Text, m.prefix), m.kind, m.level
				}
			}
			out = append(out, b)
		}
		chunk.Reset()
	}
	for _, line := range strings.SplitAfter(input, "\n") {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "=== page ") && strings.HasSuffix(t, " ===") {
			flush()
			page, _ = strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(t, "=== page "), " ==="))
			continue
		}
		chunk.WriteString(line)
	}
	flush()
	return out
}

// describe renders what Segment made of a document in the readable form of the golden files.
func describe(doc *corpus.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "shape: %s\n", doc.Shape)
	if w := doc.Workshop; w != nil {
		fmt.Fprintf(&b, "workshop: %s | %s | %d | %s | %s\n", w.Title, w.Date, w.Year, w.Place, strings.Join(w.Organisers, "; "))
	}
	for _, s := range doc.Sections {
		sp := s.Speaker
		if s.SpeakerPrefix != "" {
			sp = s.SpeakerPrefix + " " + sp
		}
		if s.SpeakerRole != "" {
			sp += " [" + s.SpeakerRole + "]"
		}
		if s.SpeakerKind != "" {
			sp += " (" + s.SpeakerKind
			if s.Affiliation != "" {
				sp += "; " + s.Affiliation
			}
			sp += ")"
		}
		first := s.Text
		if utf8.RuneCountInString(first) > 40 {
			first = string([]rune(first)[:40])
		}
		fmt.Fprintf(&b, "%d | %s | %s | p%d-%d %s | %s\n", s.Ordinal, strings.Join(s.HeadingPath, " > "), sp,
			s.PageStart, s.PageEnd, s.Language, strings.ReplaceAll(first, "\n", "¶"))
	}
	for _, n := range doc.Noise {
		fmt.Fprintf(&b, "noise: %s\n", n)
	}
	return b.String()
}

// TestSegmentGolden runs Segment on every case in testdata/sections and compares the sections,
// speakers, noise and workshop metadata with the case's "want" file (-update rewrites it).
func TestSegmentGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "sections", "*.txtar"))
	if err != nil || len(files) < 20 {
		t.Fatalf("want at least 20 cases in testdata/sections, found %d (%v)", len(files), err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := parseTxtar(string(data))
			input, ok := a.files["input.txt"]
			if !ok {
				t.Fatalf("%s has no input.txt", f)
			}
			doc := &corpus.Document{Path: f, Blocks: blocksOf(input)}
			Segment(doc, SegmentOptions{Shape: strings.TrimSpace(a.files["shape"])})
			checkInvariants(t, doc)
			got := describe(doc)
			if *update {
				if _, ok := a.files["want"]; !ok {
					a.names = append(a.names, "want")
				}
				a.files["want"] = got
				if err := os.WriteFile(f, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := a.files["want"]; got != want {
				t.Errorf("%s: segmentation differs (run with -update to accept)\n%s", f, lineDiff(got, want))
			}
		})
	}
}

// lineDiff lists the lines that differ between got and want, by position.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			fmt.Fprintf(&b, "line %d\n  got:  %s\n  want: %s\n", i+1, gl, wl)
		}
	}
	return b.String()
}

// checkInvariants checks what must hold for any document: ordinals from 1, sentences inside their
// section's text at their offsets, a heading last in its path, no noise line inside a section.
func checkInvariants(t *testing.T, doc *corpus.Document) {
	t.Helper()
	for i, s := range doc.Sections {
		if s.Ordinal != i+1 {
			t.Errorf("section %d has ordinal %d", i+1, s.Ordinal)
		}
		runes := []rune(s.Text)
		for _, st := range s.Sentences {
			n := utf8.RuneCountInString(st.Text)
			if st.Start < 0 || st.Start+n > len(runes) || string(runes[st.Start:st.Start+n]) != st.Text {
				t.Errorf("section %d: sentence %q is not at offset %d", s.Ordinal, st.Text, st.Start)
			}
		}
		if s.Heading != "" && (len(s.HeadingPath) == 0 || s.HeadingPath[len(s.HeadingPath)-1] != s.Heading) {
			t.Errorf("section %d: heading path %q does not end with the heading %q", s.Ordinal, s.HeadingPath, s.Heading)
		}
		// A line removed as noise must not also stay as a paragraph of a section. (Its words may
		// still occur inside other text: a by-line's name in a caption the rules did not catch.)
		paras := map[string]bool{}
		for _, p := range strings.Split(s.Text, "\n\n") {
			paras[strings.TrimSpace(p)] = true
		}
		for _, n := range doc.Noise {
			if paras[strings.TrimSpace(n)] {
				t.Errorf("section %d holds the noise line %q", s.Ordinal, n)
			}
		}
	}
}

func TestAuthorAtLineBreak(t *testing.T) {
	tests := []struct {
		text, name, affiliation string
		used                    int
	}{
		{"TS. Trần Minh Đức\nTrường Chính trị tỉnh Quảng Bình", "TS. Trần Minh Đức", "Trường Chính trị tỉnh Quảng Bình", 1},
		{"Nguyễn Văn Hải\nBí thư Chi bộ thôn Đông", "Nguyễn Văn Hải", "Bí thư Chi bộ thôn Đông", 1},
		{"Chi bộ họp đều đặn.\nĐảng viên dự đông đủ.", "", "", 0},
	}
	for _, tt := range tests {
		sp, n := authorAt(describeBlocks([]corpus.Block{{Kind: corpus.BlockParagraph, Text: tt.text}}), 0)
		if sp.Name != tt.name || sp.Affiliation != tt.affiliation || n != tt.used {
			t.Errorf("authorAt(%q) = %+v, %d; want %q, %q, %d", tt.text, sp, n, tt.name, tt.affiliation, tt.used)
		}
	}
}
