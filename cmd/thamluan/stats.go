package main

import (
	"context"
	"sort"

	"thamluan/cmd/thamluan/msg"
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
	printf(w, msg.OutStats, st.Documents, st.Sections, st.Noise, float64(st.SizeBytes)/(1<<20))
	printMap(e, msg.OutFormats, st.Formats)
	printMap(e, msg.OutWorkshops, st.Workshops)
	themes := map[string]int{}
	for id, n := range st.Themes {
		themes[cb.Label(id)] += n
	}
	printMap(e, msg.OutThemeSections, themes)
	for _, p := range st.LowQuality {
		printf(w, msg.OutLowQuality, p)
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
