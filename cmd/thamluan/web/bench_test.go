package web

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"thamluan/corpus"
	"thamluan/corpus/corpustest"
	"thamluan/corpus/vntext"
	"thamluan/index"
	"thamluan/pipeline"
)

// benchArticles is how many news articles the search benchmark indexes.
const benchArticles = 5000

// newsIndex indexes the first n articles of the shared news corpus, one section per article,
// built directly as documents (no pipeline). A few themes are given by keyword so theme filters
// have something to filter.
func newsIndex(b *testing.B, n int) *index.Index {
	src := corpustest.Shared(b, "corpus/scale/news.jsonl.gz")
	f, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "index")
	if keep := os.Getenv("THAMLUAN_BENCH_INDEX"); keep != "" {
		// Reuse an index built by an earlier run: building takes minutes.
		dir = keep
		if ix, err := index.Open(dir); err == nil {
			b.Cleanup(func() { ix.Close() })
			return ix
		}
	}
	ix, err := index.Create(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	batch := ix.NewBatch()
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for i := 0; i < n && sc.Scan(); i++ {
		var a struct{ ID, Title, Lead, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatalf("%s: line %d: %v", src, i+1, err)
		}
		if err := batch.Add(newsDocument(i, a.ID, a.Title, a.Lead+"\n\n"+a.Body), time.Now()); err != nil {
			b.Fatal(err)
		}
		if batch.Size() >= 500 {
			if err := batch.Flush(); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := batch.Flush(); err != nil {
		b.Fatal(err)
	}
	return ix
}

var benchThemes = map[string]string{"chuyển đổi số": "digital-transformation", "doanh nghiệp": "private-enterprise",
	"hạn chế": "shortcomings", "giải pháp": "solutions"}

func newsDocument(i int, id, title, text string) *corpus.Document {
	text = vntext.Clean(text)
	var tags []corpus.ThemeTag
	low := strings.ToLower(text)
	for cue, theme := range benchThemes {
		if strings.Contains(low, cue) {
			tags = append(tags, corpus.ThemeTag{ID: theme, Label: theme, Score: 1})
		}
	}
	sort.Slice(tags, func(a, b int) bool { return tags[a].ID < tags[b].ID })
	return &corpus.Document{Path: fmt.Sprintf("news/%s.html", id), Format: "html", Title: title,
		Workshop: &corpus.Workshop{Title: "Báo chí " + []string{"miền Bắc", "miền Trung", "miền Nam"}[i%3], Year: 2017},
		Sections: []corpus.Section{{Ordinal: 1, Heading: title, Speaker: []string{"Phóng viên", "Cộng tác viên"}[i%2],
			Text: text, Themes: tags, Sentences: []corpus.Sentence{{Text: title}}}}}
}

// benchQueries are 200 mixed queries: 40 topics, each typed with accents, without accents, as a
// phrase, with a required word, and with a theme filter or a second page.
func benchQueries() []url.Values {
	topics := []string{"kinh tế", "giáo dục", "bóng đá", "Hà Nội", "doanh nghiệp", "chuyển đổi số", "giá vàng", "thời tiết",
		"xổ số", "y tế", "bệnh viện", "tai nạn giao thông", "học sinh", "đầu tư", "bất động sản", "ngân hàng", "lãi suất",
		"xuất khẩu", "nông nghiệp", "du lịch", "công an", "tham nhũng", "Quốc hội", "chính phủ", "thủ tướng", "văn hóa",
		"âm nhạc", "điện ảnh", "công nghệ", "điện thoại", "ô tô", "xe máy", "môi trường", "mưa lũ", "đội tuyển",
		"chứng khoán", "giá xăng", "đảng viên", "hội thảo", "giải pháp"}
	var out []url.Values
	for i, t := range topics {
		words := strings.Fields(t)
		out = append(out,
			url.Values{"q": {t}},
			url.Values{"q": {strings.ToLower(vntext.Fold(t))}},
			url.Values{"q": {`"` + t + `"`}, "size": {"20"}},
			url.Values{"q": {"+" + words[0] + " " + topics[(i+1)%len(topics)]}},
		)
		if i%2 == 0 {
			out = append(out, url.Values{"q": {t}, "theme": {"private-enterprise"}})
		} else {
			out = append(out, url.Values{"q": {vntext.Fold(t)}, "from": {"10"}})
		}
	}
	return out
}

// BenchmarkAPISearch measures /api/search from a client on loopback against a real http.Server
// over 5,000 news articles, and reports the median and 99th percentile latency of 200 mixed
// queries (each iteration runs all 200).
func BenchmarkAPISearch(b *testing.B) {
	ix := newsIndex(b, benchArticles)
	s, err := New(ix, pipeline.DefaultCodebook(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	hs := NewHTTPServer(ln.Addr().String(), s.Handler())
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String() + "/api/search?"
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	queries := benchQueries()
	get := func(q url.Values) time.Duration {
		start := time.Now()
		res, err := client.Get(base + q.Encode())
		if err != nil {
			b.Fatal(err)
		}
		_, err = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if err != nil || res.StatusCode != 200 {
			b.Fatalf("%v: status %d: %v", q, res.StatusCode, err)
		}
		return time.Since(start)
	}
	for _, q := range queries { // warm the caches once
		get(q)
	}
	var lat []time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range queries {
			lat = append(lat, get(q))
		}
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(ms(1), "max-ms")
	b.ReportMetric(float64(len(queries)), "queries/op")
	b.ReportMetric(directP50(b, ix, queries), "p50-index-ms")
}

// directP50 is the median latency of the same queries through index.Search without HTTP, to tell
// the server's share of the latency from the index's.
func directP50(b *testing.B, ix *index.Index, queries []url.Values) float64 {
	var lat []time.Duration
	for _, q := range queries {
		size, from := 10, 0
		fmt.Sscan(q.Get("size"), &size)
		fmt.Sscan(q.Get("from"), &from)
		start := time.Now()
		if _, err := ix.Search(index.Request{Query: q.Get("q"), Size: size, From: from, Themes: q["theme"]}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	return float64(lat[len(lat)/2].Microseconds()) / 1000
}
