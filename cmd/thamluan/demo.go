package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"thamluan/corpus/demo"
)

// demoSearches are the two searches `thamluan demo` shows: one typed with diacritics, one without.
var demoSearches = []string{"chuyển đổi số", "doanh nghiep ngoai khu vuc nha nuoc"}

func runDemo(ctx context.Context, e *env, args []string) error {
	flags := newFlags(e, "demo", "", "Write the embedded demo corpus (three original Vietnamese workshop documents) to a\ntemporary folder, index it, and print the theme summary and two searches, one typed\nwithout diacritics. With --keep DIR the corpus and index stay in DIR.")
	keep := flags.String("keep", "", "write the corpus and index to `DIR` and keep them")
	if err := parse(flags, args); err != nil {
		return err
	}
	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "thamluan-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	docs := filepath.Join(dir, "docs")
	if err := writeDemoCorpus(docs); err != nil {
		return err
	}
	idx := filepath.Join(dir, "index")
	printf(e.stdout, "Kho tài liệu mẫu: %s\nChỉ mục: %s\n\n", docs, idx)
	if err := runIndex(ctx, e, []string{"--index", idx, "--quiet", docs}); err != nil {
		return err
	}
	if err := runStats(ctx, e, []string{"--index", idx}); err != nil {
		return err
	}
	printf(e.stdout, "\n=== Tổng hợp theo chủ đề ===\n\n")
	if err := runThemes(ctx, e, []string{"--index", idx}); err != nil {
		return err
	}
	for _, q := range demoSearches {
		printf(e.stdout, "\n=== Tìm kiếm: %s ===\n", q)
		if err := runSearch(ctx, e, []string{"--index", idx, "--size", "3", q}); err != nil {
			return err
		}
	}
	printf(e.stdout, "\n=== Kiến nghị ===\n\n")
	return runRecs(ctx, e, []string{"--index", idx})
}

// writeDemoCorpus copies the embedded demo corpus into dir.
func writeDemoCorpus(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("demo corpus %s: %w", dir, err)
	}
	return fs.WalkDir(demo.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := demo.FS.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, p), data, 0o644)
	})
}
