package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"thamluan/cmd/thamluan/msg"
	"thamluan/corpus"
	"thamluan/pipeline"
)

func runAnalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "analyze", "PATH...", "Read files (or every document under folders) and print, for each, its sections with\nspeakers, pages, themes and sentences. With --json: one JSON object per line (JSON Lines).")
	var af analysisFlags
	af.register(fs)
	asJSON := fs.Bool("json", false, "print JSON Lines, one object per document")
	debug := fs.Bool("debug", false, "print debugging counts on stderr: long spans split into sentences")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageErr("hãy nêu ít nhất một tệp hoặc thư mục để phân tích")
	}
	an, err := af.analyzer()
	if err != nil {
		return err
	}
	files, skipped, err := discover(e, fs.Args(), corpus.DiscoverOptions{})
	if err != nil {
		return err
	}
	ro, err := af.readOptions(ctx, ocrCacheDir())
	if err != nil {
		return err
	}
	if useBar(e.stderr) {
		ro.OCR.Progress = ocrProgress(e.stderr) // a bar per document read by OCR, on a terminal only
	}
	p := &processor{analyzer: an, read: ro, roots: fs.Args()}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, f := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		doc, err := p.process(f)
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "lỗi: %s\n", msg.Describe(err))
			doc = &corpus.Document{Path: f, Error: err.Error(), Warnings: []string{}, Sections: []corpus.Section{}}
		}
		if *asJSON {
			if err := enc.Encode(doc); err != nil {
				return err
			}
			continue
		}
		printDocument(e, doc)
	}
	if *debug {
		printf(e.stderr, "gỡ lỗi: %d đoạn dài bất thường (trích dẫn dài, bảng, danh sách không có dấu kết câu) đã được tách thành câu ngắn hơn\n", pipeline.LongSpanSplits())
	}
	if failed > 0 {
		return partialErr("%d trong %d tài liệu không đọc được (xem ở trên); các tài liệu còn lại đã được phân tích", failed, len(files))
	}
	return withSkipped(nil, skipped)
}

// printDocument prints a readable outline of an analysed document.
func printDocument(e *env, doc *corpus.Document) {
	w := e.stdout
	printf(w, "== %s (%s)", doc.Path, doc.Format)
	if doc.Error != "" {
		printf(w, "\n   lỗi: %s\n\n", doc.Error)
		return
	}
	printf(w, " — %s\n   dạng: %s, chất lượng văn bản: %.2f, %d phần, %d dòng nhiễu đã loại\n", doc.Title, msg.ShapeLabel(doc.Shape), doc.Quality, len(doc.Sections), len(doc.Noise))
	for _, warn := range doc.Warnings {
		printf(w, "   cảnh báo: %s\n", warn)
	}
	for _, s := range doc.Sections {
		head := s.Heading
		if head == "" {
			head = firstWords(s.Text, 12)
		}
		printf(w, "\n [%d] %s\n", s.Ordinal, head)
		if s.Speaker != "" {
			printf(w, "     người trình bày: %s\n", s.SpeakerLabel())
		}
		if s.PageStart > 0 {
			printf(w, "     trang %d–%d\n", s.PageStart, s.PageEnd)
		}
		for _, t := range s.Themes {
			printf(w, "     chủ đề: %s (%.2f)\n", t.Label, t.Score)
		}
		for _, x := range s.Sentences {
			if x.Recommendation {
				printf(w, "     → kiến nghị: %s\n", x.Text)
			}
		}
	}
	printf(w, "\n")
}

func firstWords(s string, n int) string {
	words := 0
	for i, r := range s {
		if r == ' ' {
			words++
			if words == n {
				return s[:i] + " …"
			}
		}
	}
	return s
}

// ocrCacheDir is where analyze caches OCR text: the user's cache folder, or none.
func ocrCacheDir() string {
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "thamluan", "ocr")
	}
	return ""
}
