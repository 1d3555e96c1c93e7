package index

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"thamluan/corpus/vntext"
)

// OpenSearchOptions tune ExportOpenSearch; the zero value is ready to use.
type OpenSearchOptions struct {
	IndexName   string // the target index named in the bulk action lines; "thamluan" when empty
	DocsPerFile int    // sections per bulk file; 5000 when 0 (a few MB, under the usual 100 MB request limit)
}

// OpenSearchExport lists what ExportOpenSearch wrote.
type OpenSearchExport struct {
	Mapping   string   `json:"mapping"`    // the index settings and mappings, for PUT /INDEX
	BulkFiles []string `json:"bulk_files"` // NDJSON bodies for POST /_bulk, in order
	Sections  int      `json:"sections"`   // documents written, one per section
}

// openSearchSection is one section as an OpenSearch/Elasticsearch document.
type openSearchSection struct {
	Path            string   `json:"path"`
	Title           string   `json:"title,omitempty"`
	Format          string   `json:"format,omitempty"`
	Ordinal         int      `json:"ordinal"`
	Heading         string   `json:"heading,omitempty"`
	HeadingPath     string   `json:"heading_path,omitempty"`
	Speaker         string   `json:"speaker,omitempty"`
	Themes          []string `json:"themes"`
	Workshop        string   `json:"workshop,omitempty"`
	Year            int      `json:"year,omitempty"`
	Date            string   `json:"date,omitempty"`
	PageStart       int      `json:"page_start,omitempty"`
	PageEnd         int      `json:"page_end,omitempty"`
	Language        string   `json:"language,omitempty"`
	Text            string   `json:"text"`
	Recommendations []string `json:"recommendations,omitempty"`
	Hash            string   `json:"hash,omitempty"`
}

var exportFields = []string{FieldPath, FieldTitle, FieldFormat, FieldOrdinal, FieldHeading, FieldHeadingPath,
	FieldSpeaker, FieldThemes, FieldWorkshop, FieldYear, FieldDate, FieldPageStart, FieldPageEnd, FieldLanguage,
	FieldText, FieldData, FieldHash}

// ExportOpenSearch writes the sections of ix into dir for loading into OpenSearch or
// Elasticsearch: mapping.json (settings whose analysers match thamluan's: Unicode word tokens,
// lower case, one tone-mark placement, diacritics folded with đ → d, syllable bigrams) and
// bulk-0001.ndjson, ... (the _bulk format: an action line and a source line per section, the
// _id being the section's id in ix). The files are streamed: memory does not grow with ix.
func ExportOpenSearch(ix *Index, dir string, opt OpenSearchOptions) (*OpenSearchExport, error) {
	if opt.IndexName == "" {
		opt.IndexName = "thamluan"
	}
	if opt.DocsPerFile <= 0 {
		opt.DocsPerFile = 5000
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export %s: %w", dir, err)
	}
	out := &OpenSearchExport{Mapping: filepath.Join(dir, "mapping.json")}
	data, err := json.MarshalIndent(OpenSearchMapping(), "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(out.Mapping, append(data, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("export %s: %w", dir, err)
	}
	w := &bulkWriter{dir: dir, index: opt.IndexName, perFile: opt.DocsPerFile, out: out}
	typ := bleve.NewTermQuery(typeSection)
	typ.SetField(FieldType)
	err = ix.scan(typ, exportFields, []string{FieldPath, FieldOrdinal}, func(f map[string]interface{}) error {
		s, err := exportSection(f)
		if err != nil {
			return err
		}
		return w.write(SectionID(s.Path, s.Ordinal), s)
	})
	if cerr := w.close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("export %s: %w", dir, err)
	}
	return out, nil
}

func exportSection(f map[string]interface{}) (*openSearchSection, error) {
	s := &openSearchSection{Path: str(f[FieldPath]), Title: str(f[FieldTitle]), Format: str(f[FieldFormat]),
		Ordinal: num(f[FieldOrdinal]), Heading: str(f[FieldHeading]), HeadingPath: str(f[FieldHeadingPath]),
		Speaker: str(f[FieldSpeaker]), Workshop: str(f[FieldWorkshop]), Year: num(f[FieldYear]), Date: str(f[FieldDate]),
		PageStart: num(f[FieldPageStart]), PageEnd: num(f[FieldPageEnd]), Language: str(f[FieldLanguage]),
		Text: str(f[FieldText]), Hash: str(f[FieldHash]), Themes: storedStrings(f[FieldThemes])}
	var d sectionData
	if raw := str(f[FieldData]); raw != "" {
		if err := json.Unmarshal([]byte(raw), &d); err != nil {
			return nil, err
		}
	}
	for _, x := range d.Sentences {
		if x.Recommendation {
			s.Recommendations = append(s.Recommendations, x.Text)
		}
	}
	return s, nil
}

// storedStrings returns a stored field that holds one string or several as a slice.
func storedStrings(v interface{}) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []interface{}:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return []string{}
}

// bulkWriter writes _bulk NDJSON files of at most perFile documents each.
type bulkWriter struct {
	dir, index string
	perFile, n int
	f          *os.File
	bw         *bufio.Writer
	out        *OpenSearchExport
}

func (w *bulkWriter) write(id string, src interface{}) error {
	if w.f == nil || w.n == w.perFile {
		if err := w.close(); err != nil {
			return err
		}
		p := filepath.Join(w.dir, fmt.Sprintf("bulk-%04d.ndjson", len(w.out.BulkFiles)+1))
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		w.f, w.bw, w.n = f, bufio.NewWriterSize(f, 1<<16), 0
		w.out.BulkFiles = append(w.out.BulkFiles, p)
	}
	action := map[string]map[string]string{"index": {"_index": w.index, "_id": id}}
	enc := json.NewEncoder(w.bw) // Encode ends each value with the newline NDJSON needs
	enc.SetEscapeHTML(false)
	if err := enc.Encode(action); err != nil {
		return err
	}
	if err := enc.Encode(src); err != nil {
		return err
	}
	w.n++
	w.out.Sections++
	return nil
}

func (w *bulkWriter) close() error {
	if w.f == nil {
		return nil
	}
	err := w.bw.Flush()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	w.f = nil
	return err
}

// openSearchShingleAnalyzer names the exported analyzer of folded syllable bigrams.
const openSearchShingleAnalyzer = "vi_shingle"

// OpenSearchMapping returns the settings and mappings of an OpenSearch or Elasticsearch index
// that analyses the exported fields as thamluan does. It needs no plugin: the standard tokenizer
// splits words by Unicode rules like Bleve's; a mapping char filter puts tone marks in one place
// (hòa → hoà, listed from vntext.NormalizeTones) and another maps đ to d; asciifolding removes
// the other diacritics. With the analysis-icu plugin, icu_folding may replace asciifolding.
func OpenSearchMapping() map[string]interface{} {
	// OpenSearch indexes every syllable bigram (its own shingle filter): thamluan's common-bigram
	// list is a way to make Bleve's index cheaper, which OpenSearch does not need.
	folded := []string{"lowercase", "asciifolding"}
	analyzer := func(chars []string, filters ...string) map[string]interface{} {
		return map[string]interface{}{"type": "custom", "tokenizer": "standard", "char_filter": chars, "filter": filters}
	}
	text := func(an string, fields map[string]interface{}) map[string]interface{} {
		m := map[string]interface{}{"type": "text", "analyzer": an}
		if fields != nil {
			m["fields"] = fields
		}
		return m
	}
	foldedSub := map[string]interface{}{"folded": text("vi_folded", nil)}
	kw := map[string]interface{}{"type": "keyword"}
	integer := map[string]interface{}{"type": "integer"}
	return map[string]interface{}{
		"settings": map[string]interface{}{"analysis": map[string]interface{}{
			"char_filter": map[string]interface{}{
				"vi_tone": map[string]interface{}{"type": "mapping", "mappings": toneMappings()},
				"vi_d":    map[string]interface{}{"type": "mapping", "mappings": []string{"đ => d", "Đ => D"}},
			},
			"filter": map[string]interface{}{
				"vi_shingle2": map[string]interface{}{"type": "shingle", "min_shingle_size": 2, "max_shingle_size": 2,
					"output_unigrams": false, "token_separator": " ", "filler_token": "_"},
			},
			"analyzer": map[string]interface{}{
				ExactAnalyzerName:         analyzer([]string{"vi_tone"}, "lowercase"),
				FoldedAnalyzerName:        analyzer([]string{"vi_tone", "vi_d"}, folded...),
				openSearchShingleAnalyzer: analyzer([]string{"vi_tone", "vi_d"}, append(folded, "vi_shingle2")...),
			},
		}},
		"mappings": map[string]interface{}{"properties": map[string]interface{}{
			"path": kw, "format": kw, "themes": kw, "workshop": kw, "date": kw, "language": kw, "hash": kw,
			"ordinal": integer, "year": integer, "page_start": integer, "page_end": integer,
			"title":           text(ExactAnalyzerName, foldedSub),
			"heading":         text(ExactAnalyzerName, foldedSub),
			"heading_path":    text(ExactAnalyzerName, foldedSub),
			"speaker":         map[string]interface{}{"type": "keyword", "fields": map[string]interface{}{"text": text(FoldedAnalyzerName, nil)}},
			"recommendations": text(ExactAnalyzerName, foldedSub),
			"text": text(ExactAnalyzerName, map[string]interface{}{
				"folded": text(FoldedAnalyzerName, nil), "shingle": text(openSearchShingleAnalyzer, nil)}),
		}},
	}
}

// toneMappings lists, for the vowel pairs whose tone mark moved between the old and new
// spelling conventions (oa, oe, uy), each old placement and the one vntext.NormalizeTones
// chooses, in every letter case, as "old => new" char filter rules.
func toneMappings() []string {
	tones := []rune{'\u0300', '\u0301', '\u0309', '\u0303', '\u0323'} // huyền, sắc, hỏi, ngã, nặng
	var out []string
	seen := map[string]bool{}
	for _, pair := range []string{"oa", "oe", "uy"} {
		for _, tone := range tones {
			old := vntext.Clean(string([]rune{rune(pair[0]), tone, rune(pair[1])})) // NFC: mark on the first vowel
			for _, v := range caseVariants(old) {
				nw := vntext.NormalizeTones(v)
				if nw != v && !seen[v] {
					seen[v] = true
					out = append(out, v+" => "+nw)
				}
			}
		}
	}
	return out
}

// caseVariants returns s (two letters) in the four combinations of upper and lower case.
func caseVariants(s string) []string {
	r := []rune(s)
	var out []string
	for mask := range 4 {
		v := make([]rune, len(r))
		for i, c := range r {
			if mask&(1<<i) != 0 {
				v[i] = []rune(strings.ToUpper(string(c)))[0]
			} else {
				v[i] = c
			}
		}
		out = append(out, string(v))
	}
	return out
}
