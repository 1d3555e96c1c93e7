package index

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"thamluan/corpus"
)

// osDoc is an original small document of n sections for the export tests.
func osDoc(path string, n int) *corpus.Document {
	d := &corpus.Document{Path: path, Format: corpus.FormatText, Title: "Báo cáo của Đảng ủy xã Hòa Thuận", Hash: "h-" + path,
		Workshop: &corpus.Workshop{Title: "Hội thảo năm 2022", Date: "2022-05-19", Year: 2022}}
	for i := 1; i <= n; i++ {
		text := fmt.Sprintf("Đoạn %d: Đảng ủy xã Hòa Thuận đề nghị tăng cường sinh hoạt chi bộ <ở thôn> \"Đông\" & Tây.", i)
		d.Sections = append(d.Sections, corpus.Section{Ordinal: i, Heading: fmt.Sprintf("Phần %d", i), Text: text,
			Speaker: "Đồng chí Lê Văn Đức", Themes: []corpus.ThemeTag{{ID: "party-cell", Label: "Chi bộ"}},
			Sentences: []corpus.Sentence{{Text: text, Themes: []string{"party-cell"}, Recommendation: i == 1}}})
	}
	return d
}

func TestExportOpenSearch(t *testing.T) {
	ix, err := Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	b := ix.NewBatch()
	for _, d := range []*corpus.Document{osDoc("2022/a.txt", 3), osDoc("2022/b.txt", 2)} {
		if err := b.Add(d, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	res, err := ExportOpenSearch(ix, out, OpenSearchOptions{DocsPerFile: 2})
	if err != nil {
		t.Fatal(err)
	}
	if res.Sections != 5 || len(res.BulkFiles) != 3 {
		t.Fatalf("%+v; want 5 sections in 3 files of at most 2", res)
	}
	var ids []string
	for _, f := range res.BulkFiles {
		ids = append(ids, checkBulkFile(t, f, 2)...)
	}
	want := []string{SectionID("2022/a.txt", 1), SectionID("2022/a.txt", 2), SectionID("2022/a.txt", 3),
		SectionID("2022/b.txt", 1), SectionID("2022/b.txt", 2)}
	if !slices.Equal(ids, want) {
		t.Errorf("ids %q; want %q", ids, want)
	}
	checkMapping(t, res.Mapping)
}

// checkBulkFile checks that every line is JSON, that lines pair an index action with a source,
// and that the file ends with a newline; it returns the ids in order.
func checkBulkFile(t *testing.T, path string, max int) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) == 0 || data[len(data)-1] != '\n' {
		t.Errorf("%s: the last line must end with a newline", path)
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	var ids []string
	for line := 0; sc.Scan(); line++ {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("%s:%d: %v: %s", path, line+1, err, sc.Text())
		}
		if line%2 == 0 {
			var act struct {
				Index struct {
					Index string `json:"_index"`
					ID    string `json:"_id"`
				} `json:"index"`
			}
			if err := json.Unmarshal(sc.Bytes(), &act); err != nil || len(m) != 1 || act.Index.ID == "" || act.Index.Index != "thamluan" {
				t.Fatalf("%s:%d: not an index action: %s", path, line+1, sc.Text())
			}
			ids = append(ids, act.Index.ID)
			continue
		}
		var src openSearchSection
		if err := json.Unmarshal(sc.Bytes(), &src); err != nil {
			t.Fatal(err)
		}
		if got := SectionID(src.Path, src.Ordinal); got != ids[len(ids)-1] {
			t.Errorf("%s:%d: source of %s after the action of %s", path, line+1, got, ids[len(ids)-1])
		}
		if !strings.Contains(src.Text, "Hòa Thuận") || src.Workshop != "Hội thảo năm 2022" || src.Year != 2022 ||
			!slices.Equal(src.Themes, []string{"party-cell"}) || src.Speaker != "Đồng chí Lê Văn Đức" {
			t.Errorf("%s:%d: source %+v", path, line+1, src)
		}
		if (src.Ordinal == 1) != (len(src.Recommendations) == 1) {
			t.Errorf("%s: recommendations %q", src.Path, src.Recommendations)
		}
	}
	if len(ids) == 0 || len(ids) > max {
		t.Errorf("%s: %d documents; want 1 to %d", path, len(ids), max)
	}
	return ids
}

func checkMapping(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Settings struct {
			Analysis struct {
				CharFilter map[string]struct {
					Type     string   `json:"type"`
					Mappings []string `json:"mappings"`
				} `json:"char_filter"`
				Filter   map[string]map[string]interface{} `json:"filter"`
				Analyzer map[string]struct {
					Tokenizer  string   `json:"tokenizer"`
					CharFilter []string `json:"char_filter"`
					Filter     []string `json:"filter"`
				} `json:"analyzer"`
			} `json:"analysis"`
		} `json:"settings"`
		Mappings struct {
			Properties map[string]struct {
				Type     string                       `json:"type"`
				Analyzer string                       `json:"analyzer"`
				Fields   map[string]map[string]string `json:"fields"`
			} `json:"properties"`
		} `json:"mappings"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	a := m.Settings.Analysis
	tests := []struct {
		analyzer, chars, filters string
	}{
		{ExactAnalyzerName, "vi_tone", "lowercase"},
		{FoldedAnalyzerName, "vi_tone vi_d", "lowercase asciifolding"},
		{openSearchShingleAnalyzer, "vi_tone vi_d", "lowercase asciifolding vi_shingle2"},
	}
	for _, tt := range tests {
		an := a.Analyzer[tt.analyzer]
		if an.Tokenizer != "standard" || strings.Join(an.CharFilter, " ") != tt.chars || strings.Join(an.Filter, " ") != tt.filters {
			t.Errorf("analyzer %s = %+v; want char filters %q, filters %q", tt.analyzer, an, tt.chars, tt.filters)
		}
	}
	if !slices.Contains(a.CharFilter["vi_d"].Mappings, "đ => d") || !slices.Contains(a.CharFilter["vi_tone"].Mappings, "òa => oà") ||
		!slices.Contains(a.CharFilter["vi_tone"].Mappings, "ỦY => UỶ") || len(a.CharFilter["vi_tone"].Mappings) != 60 {
		t.Errorf("char filters %+v", a.CharFilter)
	}
	if sh := a.Filter["vi_shingle2"]; sh["min_shingle_size"] != 2.0 || sh["max_shingle_size"] != 2.0 || sh["output_unigrams"] != false {
		t.Errorf("shingle filter %v", sh)
	}
	text := m.Mappings.Properties["text"]
	if text.Analyzer != ExactAnalyzerName || text.Fields["folded"]["analyzer"] != FoldedAnalyzerName || text.Fields["shingle"]["analyzer"] != openSearchShingleAnalyzer {
		t.Errorf("text mapping %+v", text)
	}
	if m.Mappings.Properties["themes"].Type != "keyword" || m.Mappings.Properties["year"].Type != "integer" {
		t.Errorf("properties %+v", m.Mappings.Properties)
	}
}
