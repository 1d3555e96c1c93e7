package main

import (
	"context"
	"sort"
)

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats", "", "")
	dir := fs.String("index", "", "index `DIR`")
	asJSON := fs.Bool("json", false, "print the counts as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	var af analysisFlags
	cb, err := af.loadCodebook()
	if err != nil {
		return err
	}
	ix, err := openIndex(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	st, err := ix.Stats()
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e, st)
	}
	w := e.stdout
	printf(w, "tài liệu: %d\nphần: %d\ndòng nhiễu đã loại: %d\ndung lượng chỉ mục: %.1f MB\n", st.Documents, st.Sections, st.Noise, float64(st.SizeBytes)/(1<<20))
	printMap(e, "định dạng", st.Formats)
	printMap(e, "hội thảo", st.Workshops)
	themes := map[string]int{}
	for id, n := range st.Themes {
		themes[cb.Label(id)] += n
	}
	printMap(e, "chủ đề (số phần)", themes)
	for _, p := range st.LowQuality {
		printf(w, "chất lượng văn bản thấp: %s\n", p)
	}
	return nil
}

func printMap(e *env, label string, m map[string]int) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	printf(e.stdout, "%s:\n", label)
	for _, k := range keys {
		printf(e.stdout, "  %s: %d\n", k, m[k])
	}
}
