package index

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
)

// The scale benchmarks search an index of the 35,440 news articles of
// ../shared/corpus/scale/news.jsonl.gz, one section per article. The index is built once and
// cached under os.TempDir, keyed by a hash of the mapping, so a changed analysis rebuilds it.
//
//	go test ./index -run '^$' -bench Search -benchtime 200x

// benchCorpusVersion changes when the way articles become documents changes.
const benchCorpusVersion = "news-1"

var bench struct {
	once    sync.Once
	ix      *Index
	textMB  float64
	indexMB float64
	err     error
}

// newsArticle is one line of news.jsonl.gz.
type newsArticle struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Lead  string `json:"lead"`
	Body  string `json:"body"`
}

// benchThemes tags an article by plain keywords so that theme facets have values to count. It is
// a stand-in for the pipeline's tagger, which the index package may not import.
var benchThemes = map[string][]string{
	"private-enterprise":     {"doanh nghiệp tư nhân", "kinh tế tư nhân"},
	"digital-transformation": {"chuyển đổi số", "số hóa", "công nghệ số"},
	"shortcomings":           {"hạn chế", "yếu kém", "bất cập"},
	"solutions":              {"giải pháp", "đề xuất", "kiến nghị"},
}

func benchIndex(b *testing.B) *Index {
	if testing.Short() {
		b.Skip("scale benchmark: skipped under -short")
	}
	src := corpustest.Shared(b, "corpus/scale/news.jsonl.gz")
	bench.once.Do(func() {
		bench.ix, bench.textMB, bench.err = openNewsIndex(src)
		if bench.err == nil {
			bench.indexMB = float64(SizeOnDisk(bench.ix.Dir())) / (1 << 20)
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.ix
}

// openNewsIndex opens the cached index of src or builds it. It returns the MB of text indexed.
func openNewsIndex(src string) (*Index, float64, error) {
	m, err := NewMapping()
	if err != nil {
		return nil, 0, err
	}
	mj, err := json.Marshal(m)
	if err != nil {
		return nil, 0, err
	}
	// The mapping's JSON names analyzers but not their filters or the common syllables: hash those too.
	sum := sha256.Sum256(append(mj, fmt.Sprint(analyzerChains, benchCorpusVersion, commonGramsText, FormatVersion)...))
	dir := filepath.Join(os.TempDir(), "thamluan-bench-news-"+hex.EncodeToString(sum[:6]))
	done := filepath.Join(dir, "complete")
	if data, err := os.ReadFile(done); err == nil {
		var mb float64
		fmt.Sscanf(string(data), "%g", &mb)
		ix, err := Open(filepath.Join(dir, "index"))
		return ix, mb, err
	}
	os.RemoveAll(dir)
	ix, err := Create(filepath.Join(dir, "index"))
	if err != nil {
		return nil, 0, err
	}
	mb, err := indexNews(ix, src)
	if err != nil {
		ix.Close()
		return nil, 0, err
	}
	return ix, mb, os.WriteFile(done, []byte(fmt.Sprint(mb)), 0o644)
}

// indexNews adds every article of src as a one-section document.
func indexNews(ix *Index, src string) (float64, error) {
	batch := ix.NewBatch()
	var bytes, n int
	err := eachNews(src, -1, func(a *newsArticle) error {
		text := strings.TrimSpace(a.Lead + "\n\n" + a.Body)
		bytes += len(text) + len(a.Title)
		if err := batch.Add(newsDoc(n, a, text), time.Time{}); err != nil {
			return err
		}
		n++
		if batch.Size() >= 2000 {
			return batch.Flush()
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if err := batch.Flush(); err != nil {
		return 0, err
	}
	return float64(bytes) / (1 << 20), ix.Compact(context.Background())
}

// eachNews calls fn with each article of the news corpus src (news.jsonl.gz), the first n of
// them when n >= 0, and stops at fn's first error.
func eachNews(src string, n int, fn func(*newsArticle) error) error {
	f, err := os.Open(src)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for i := 0; (n < 0 || i < n) && sc.Scan(); i++ {
		var a newsArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s: line %d: %w", src, i+1, err)
		}
		if err := fn(&a); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", src, err)
	}
	return nil
}

func newsDoc(n int, a *newsArticle, text string) *corpus.Document {
	lower := strings.ToLower(text)
	var themes []corpus.ThemeTag
	for id, words := range benchThemes {
		for _, w := range words {
			if strings.Contains(lower, w) {
				themes = append(themes, corpus.ThemeTag{ID: id, Label: id, Score: 1, Evidence: []string{w}})
				break
			}
		}
	}
	sort.Slice(themes, func(i, j int) bool { return themes[i].ID < themes[j].ID })
	return &corpus.Document{
		Path: fmt.Sprintf("news/%05d-%s.txt", n, a.ID), Format: corpus.FormatText, Title: a.Title, Hash: a.ID,
		Workshop: &corpus.Workshop{Title: fmt.Sprintf("Tin tức nhóm %d", n%12), Year: 2017},
		Sections: []corpus.Section{{Ordinal: 1, Heading: a.Title, Text: text, Themes: themes}},
	}
}

// benchSearch runs the queries in turn, b.N searches in all, and reports latency percentiles.
func benchSearch(b *testing.B, queries []string, facets bool) {
	ix := benchIndex(b)
	for _, q := range queries { // warm up, and make sure every query is valid
		if _, err := ix.Search(Request{Query: q, Facets: facets}); err != nil {
			b.Fatal(err)
		}
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		if _, err := ix.Search(Request{Query: queries[i%len(queries)], Facets: facets}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(bench.indexMB/bench.textMB, "index-MB/text-MB")
}

func BenchmarkSearchTerm(b *testing.B) {
	benchSearch(b, []string{"đảng", "doanh", "giáo", "bóng", "xổ", "tỉnh", "Vietlott", "hoà", "thủy", "sở"}, false)
}

func BenchmarkSearchPhrase(b *testing.B) {
	benchSearch(b, []string{`"hội thảo"`, `"doanh nghiệp tư nhân"`, `"chuyển đổi số"`, `"xây dựng Đảng"`,
		`"kinh tế"`, `"thành phố Hồ Chí Minh"`, `"giáo dục và đào tạo"`, `"tổ chức cơ sở đảng"`}, false)
}

func BenchmarkSearchFoldedPhrase(b *testing.B) {
	benchSearch(b, []string{"chuyen doi so", "doanh nghiep tu nhan", "hoi thao khoa hoc", "xay dung dang",
		"phat trien dang vien", "ket qua xo so", "bong da viet nam", "giao duc dao tao"}, false)
}

func BenchmarkSearchFaceted(b *testing.B) {
	benchSearch(b, []string{"hội thảo", "doanh nghiep", "chuyển đổi số theme:digital-transformation",
		"giai phap", "đảng viên", "kinh tế year:2017"}, true)
}
