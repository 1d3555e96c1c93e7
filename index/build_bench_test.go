package index

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
)

// The build benchmarks measure what each field of a section costs to index: the first
// -build-articles news articles of ../shared/corpus/scale/news.jsonl.gz, one section each, go
// into a new index the way `thamluan index` writes them (prepared, 0.5 MB batches, one compaction
// at the end), with all fields, and with one field left out or changed. Beside them, Bleve on
// one field with positions (its standard analyzer) is the engine's floor. Every variant reports
// its process CPU time and wall time, in one run so that the ratios compare:
//
//	go test ./index -run '^$' -bench Build -benchtime 1x
var buildArticles = flag.Int("build-articles", 5000, "news articles the build benchmarks index")

// buildVariants change a prepared section before it joins a batch.
var buildVariants = []struct {
	name   string
	change func(d *document.Document)
}{
	{"all-fields", nil},
	{"without-bigrams", dropFields(FieldTextGrams)},
	{"without-stored-data", dropFields(FieldData)},
	{"without-exact-text", dropFields(FieldText)},
	{"folded-without-positions", func(d *document.Document) {
		for i, f := range d.Fields {
			if f.Name() == FieldTextFolded {
				d.Fields[i] = analysedField{noVectors{f.(analysedField).Field}}
			}
		}
	}},
	{"bigrams-of-two-common-syllables", filterGrams(func(a, b string) bool { return IsCommonSyllable(a) && IsCommonSyllable(b) })},
	{"bigrams-of-the-100-most-common", filterGrams(func(a, b string) bool { return topSyllables(100)[a] || topSyllables(100)[b] })},
	{"text-fields-only", keepFields(FieldText, FieldTextFolded, FieldTextGrams)},
	{"folded-only", keepFields(FieldTextFolded)},
}

func dropFields(names ...string) func(*document.Document) {
	return func(d *document.Document) {
		out := d.Fields[:0]
		for _, f := range d.Fields {
			if !contains(names, f.Name()) {
				out = append(out, f)
			}
		}
		d.Fields = out
	}
}

func keepFields(names ...string) func(*document.Document) {
	return func(d *document.Document) {
		out := d.Fields[:0]
		for _, f := range d.Fields {
			if contains(names, f.Name()) || f.Name() == FieldType {
				out = append(out, f)
			}
		}
		d.Fields = out
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// filterGrams keeps the bigrams "a b" of the bigram field for which keep is true.
func filterGrams(keep func(a, b string) bool) func(*document.Document) {
	return func(d *document.Document) {
		for i, f := range d.Fields {
			if f.Name() != FieldTextGrams {
				continue
			}
			tf := f.AnalyzedTokenFrequencies()
			for term := range tf {
				if a, b, _ := strings.Cut(term, " "); !keep(a, b) {
					delete(tf, term)
				}
			}
			d.Fields[i] = f
		}
	}
}

// topSyllables returns the n most frequent syllables of commongrams.txt.
var topSyllables = func() func(n int) map[string]bool {
	cache := map[int]map[string]bool{}
	return func(n int) map[string]bool {
		if m, ok := cache[n]; ok {
			return m
		}
		m := map[string]bool{}
		for _, l := range strings.Split(commonGramsText, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") && len(m) < n {
				m[l] = true
			}
		}
		cache[n] = m
		return m
	}
}()

// noVectors is a field indexed without term vectors (positions).
type noVectors struct{ document.Field }

func (f noVectors) Options() bindex.FieldIndexingOptions {
	return f.Field.Options() &^ bindex.IncludeTermVectors
}

func (f noVectors) AnalyzedTokenFrequencies() bindex.TokenFrequencies {
	tf := f.Field.AnalyzedTokenFrequencies()
	for _, t := range tf {
		t.Locations = nil
	}
	return tf
}

// buildArticlesOf reads the first n articles of src.
func buildArticlesOf(b *testing.B, src string, n int) []newsArticle {
	var out []newsArticle
	if err := eachNews(src, n, func(a *newsArticle) error { out = append(out, *a); return nil }); err != nil {
		b.Fatal(err)
	}
	return out
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkBuild(b *testing.B) {
	if testing.Short() {
		b.Skip("build benchmark: skipped under -short")
	}
	arts := buildArticlesOf(b, corpustest.Shared(b, "corpus/scale/news.jsonl.gz"), *buildArticles)
	docs := make([]*corpus.Document, len(arts))
	for i := range arts {
		a := &arts[i]
		docs[i] = newsDoc(i, a, strings.TrimSpace(a.Lead+"\n\n"+a.Body))
	}
	measure := func(b *testing.B, run func(dir string) error) {
		var cpu, wall time.Duration
		var size int64
		for i := 0; i < b.N; i++ {
			dir := filepath.Join(b.TempDir(), fmt.Sprint(i))
			c0, w0 := cpuTime(), time.Now()
			if err := run(dir); err != nil {
				b.Fatal(err)
			}
			cpu, wall = cpu+cpuTime()-c0, wall+time.Since(w0)
			size += SizeOnDisk(dir)
		}
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s")
		b.ReportMetric(wall.Seconds()/float64(b.N), "wall-s")
		b.ReportMetric(float64(size)/float64(b.N)/(1<<20), "index-MB")
	}
	b.Run("bleve-one-field-positions", func(b *testing.B) {
		measure(b, func(dir string) error { return bleveFloor(dir, docs) })
	})
	for _, v := range buildVariants {
		b.Run(v.name, func(b *testing.B) {
			measure(b, func(dir string) error { return buildIndex(dir, docs, v.change) })
		})
	}
}

// buildIndex indexes docs into a new index in dir as `thamluan index` does, sections prepared
// on two goroutines, changed by change, in batches of 0.5 MB of text.
func buildIndex(dir string, docs []*corpus.Document, change func(*document.Document)) error {
	ix, err := Create(dir)
	if err != nil {
		return err
	}
	prepared := make(chan *Prepared, 4)
	errs := make(chan error, 1)
	go func() {
		defer close(prepared)
		for _, d := range docs {
			p, err := ix.Prepare(d)
			if err != nil {
				errs <- err
				return
			}
			if change != nil {
				for _, sd := range p.secs {
					change(sd)
				}
			}
			prepared <- p
		}
	}()
	batch, text := ix.NewBatch(), 0
	for p := range prepared {
		if err := batch.ReplacePrepared(p, time.Time{}, nil); err != nil {
			return err
		}
		for _, s := range p.doc.Sections {
			text += len(s.Text)
		}
		if text >= 1<<19 {
			if err := batch.Flush(); err != nil {
				return err
			}
			text = 0
		}
	}
	select {
	case err := <-errs:
		return err
	default:
	}
	if err := batch.Flush(); err != nil {
		return err
	}
	if err := ix.Compact(context.Background()); err != nil {
		return err
	}
	return ix.Close()
}

// bleveFloor indexes the sections' text with bare Bleve: one field, standard analyzer, positions.
func bleveFloor(dir string, docs []*corpus.Document) error {
	m := bleve.NewIndexMapping()
	dm := bleve.NewDocumentStaticMapping()
	f := bleve.NewTextFieldMapping()
	f.Store, f.IncludeInAll, f.DocValues = false, false, false
	dm.AddFieldMappingsAt("body", f)
	m.DefaultMapping = dm
	ix, err := bleve.New(dir, m)
	if err != nil {
		return err
	}
	b, text := ix.NewBatch(), 0
	for _, d := range docs {
		for _, s := range d.Sections {
			if err := b.Index(d.Path, map[string]any{"body": s.Text}); err != nil {
				return err
			}
			text += len(s.Text)
		}
		if text >= 8<<20 {
			if err := ix.Batch(b); err != nil {
				return err
			}
			b, text = ix.NewBatch(), 0
		}
	}
	if err := ix.Batch(b); err != nil {
		return err
	}
	return ix.Close()
}
