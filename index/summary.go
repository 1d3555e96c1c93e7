package index

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"thamluan/corpus"
)

// SectionRecord is a stored section as summaries read it back.
type SectionRecord struct {
	Path        string            `json:"path"`
	Title       string            `json:"title"`
	Ordinal     int               `json:"ordinal"`
	Heading     string            `json:"heading"`
	HeadingPath string            `json:"heading_path,omitempty"`
	Speaker     string            `json:"speaker"`
	Workshop    string            `json:"workshop,omitempty"`
	Year        int               `json:"year,omitempty"`
	PageStart   int               `json:"page_start"`
	SpeakerKind string            `json:"speaker_kind,omitempty"`
	Affiliation string            `json:"affiliation,omitempty"`
	SpeakerRole string            `json:"speaker_title,omitempty"`
	SpeakerPref string            `json:"speaker_prefix,omitempty"`
	Themes      []corpus.ThemeTag `json:"themes"`
	Sentences   []corpus.Sentence `json:"sentences"`
}

var sectionFields = []string{FieldPath, FieldTitle, FieldOrdinal, FieldHeading, FieldHeadingPath, FieldSpeaker,
	FieldWorkshop, FieldYear, FieldPageStart, FieldData}

// Sections calls fn with every stored section that has any of themes (all sections when themes is
// empty), in path and ordinal order.
func (ix *Index) Sections(themes []string, fn func(*SectionRecord) error) error {
	typ := bleve.NewTermQuery(typeSection)
	typ.SetField(FieldType)
	var q query.Query = typ
	if len(themes) > 0 {
		var tq []query.Query
		for _, t := range themes {
			x := bleve.NewTermQuery(t)
			x.SetField(FieldThemes)
			tq = append(tq, x)
		}
		q = bleve.NewConjunctionQuery(typ, bleve.NewDisjunctionQuery(tq...))
	}
	return ix.scan(q, sectionFields, []string{FieldPath, FieldOrdinal}, func(f map[string]interface{}) error {
		rec := &SectionRecord{Path: str(f[FieldPath]), Title: str(f[FieldTitle]), Ordinal: num(f[FieldOrdinal]),
			Heading: str(f[FieldHeading]), HeadingPath: str(f[FieldHeadingPath]), Speaker: str(f[FieldSpeaker]),
			Workshop: str(f[FieldWorkshop]), Year: num(f[FieldYear]), PageStart: num(f[FieldPageStart])}
		var d sectionData
		if err := json.Unmarshal([]byte(str(f[FieldData])), &d); err != nil {
			return err
		}
		rec.Themes, rec.Sentences, rec.SpeakerKind, rec.Affiliation, rec.SpeakerRole, rec.SpeakerPref = d.Themes, d.Sentences, d.Kind, d.Affil, d.Role, d.Prefix
		return fn(rec)
	})
}

// SpeakerLabel returns the speaker as a citation shows it: a person's name with the title the text
// gives, an organisation as it is.
func (s *SectionRecord) SpeakerLabel() string {
	return corpus.SpeakerLabel(s.SpeakerPref, s.Speaker, s.SpeakerRole)
}

// Recommendations returns every sentence flagged as a recommendation, with its citation; with
// themes, only those of sentences (or, failing sentence themes, sections) with any of them.
func (ix *Index) Recommendations(themes []string) ([]corpus.Recommendation, error) {
	want := map[string]bool{}
	for _, t := range themes {
		want[t] = true
	}
	var out []corpus.Recommendation
	err := ix.Sections(nil, func(s *SectionRecord) error {
		for _, x := range s.Sentences {
			if !x.Recommendation {
				continue
			}
			if len(want) > 0 && !anyIn(x.Themes, want) {
				continue
			}
			page := x.Page
			if page == 0 {
				page = s.PageStart
			}
			out = append(out, corpus.Recommendation{Text: x.Text, Speaker: s.SpeakerLabel(), Addressee: x.Addressee,
				Themes: x.Themes, Path: s.Path, Title: s.Title, Ordinal: s.Ordinal, Heading: s.Heading,
				Page: page, Workshop: s.Workshop, Year: s.Year})
		}
		return nil
	})
	return out, err
}

func anyIn(xs []string, set map[string]bool) bool {
	for _, x := range xs {
		if set[x] {
			return true
		}
	}
	return false
}

// Stats are the counts of an index.
type Stats struct {
	Documents  int            `json:"documents"`
	Sections   int            `json:"sections"`
	Noise      int            `json:"noise_removed"`
	Formats    map[string]int `json:"formats"`
	Workshops  map[string]int `json:"workshops"`
	Themes     map[string]int `json:"themes"`
	SizeBytes  int64          `json:"size_bytes"`
	LowQuality []string       `json:"low_quality,omitempty"`
}

// Stats counts documents, sections, formats, workshops and themes, and the size on disk. The
// document records are read page by page, so memory does not grow with the archive.
func (ix *Index) Stats() (*Stats, error) {
	st := &Stats{Formats: map[string]int{}, Workshops: map[string]int{}, Themes: map[string]int{}}
	err := ix.EachRecord(func(r *DocRecord) error {
		st.Documents++
		st.Sections += r.Sections
		st.Noise += r.Noise
		st.Formats[r.Format]++
		w := ""
		if r.Workshop != nil {
			w = r.Workshop.Title
		}
		if w == "" {
			w = UnknownWorkshop
		}
		st.Workshops[w]++
		if r.Quality < 0.8 {
			st.LowQuality = append(st.LowQuality, r.Path)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	typ := bleve.NewTermQuery(typeSection)
	typ.SetField(FieldType)
	sr := bleve.NewSearchRequestOptions(typ, 0, 0, false)
	sr.AddFacet("themes", bleve.NewFacetRequest(FieldThemes, 100))
	res, err := ix.bi.Search(sr)
	if err != nil {
		return nil, err
	}
	if f := res.Facets["themes"]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			st.Themes[t.Term] = t.Count
		}
	}
	st.SizeBytes = SizeOnDisk(ix.dir)
	sort.Strings(st.LowQuality)
	return st, nil
}

// SizeOnDisk returns the bytes of the files in the index folder dir (0 when it cannot be read).
func SizeOnDisk(dir string) int64 {
	var n int64
	_ = filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}
