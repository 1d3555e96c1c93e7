package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"thamluan/index"
	"thamluan/pipeline"
)

func runThemes(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "themes", "", "Summarise each theme of the codebook over an index: sections and documents, share by\nworkshop and year, top speakers, key phrases and representative sentences with citations.")
	dir := fs.String("index", "", "index `DIR`")
	var af analysisFlags
	af.register(fs)
	asJSON := fs.Bool("json", false, "print the summaries as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dir == "" {
		return fmt.Errorf("%w: --index DIR is required", errUsage)
	}
	cb, err := af.loadCodebook()
	if err != nil {
		return err
	}
	ix, err := index.Open(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	sums, err := ix.ThemeSummaries(infos(cb))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e, sums)
	}
	printThemes(e, sums)
	return nil
}

func infos(cb *pipeline.Codebook) []index.ThemeInfo {
	var out []index.ThemeInfo
	for _, t := range cb.Themes() {
		out = append(out, index.ThemeInfo{ID: t.ID, Label: t.Label})
	}
	return out
}

func writeJSON(e *env, v interface{}) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func printThemes(e *env, sums []index.ThemeSummary) {
	w := e.stdout
	for _, s := range sums {
		printf(w, "■ %s (%s)\n", s.Label, s.ID)
		printf(w, "  %d phần trong %d tài liệu (%.0f%% số phần), %d câu\n", s.Sections, s.Documents, 100*s.ShareSections, s.Sentences)
		printCounts(w, "  theo hội thảo", s.ByWorkshop)
		printCounts(w, "  theo năm", s.ByYear)
		printCounts(w, "  người trình bày nổi bật", s.TopSpeakers)
		if len(s.KeyPhrases) > 0 {
			var ks []string
			for _, k := range s.KeyPhrases {
				ks = append(ks, k.Value)
			}
			printf(w, "  cụm từ khóa: %s\n", strings.Join(ks, "; "))
		}
		if len(s.Representative) > 0 {
			printf(w, "  câu tiêu biểu:\n")
			for _, c := range s.Representative {
				printf(w, "   – %s\n     (%s)\n", c.Text, cite(c.Path, c.Ordinal, c.Page, c.Speaker))
			}
		}
		printf(w, "\n")
	}
}

func printCounts(w interface{ Write([]byte) (int, error) }, label string, fc []index.FacetCount) {
	if len(fc) == 0 {
		return
	}
	var parts []string
	for _, c := range fc {
		parts = append(parts, fmt.Sprintf("%s: %d", c.Value, c.Count))
	}
	printf(w, "%s: %s\n", label, strings.Join(parts, "; "))
}

// cite formats a citation: file, section, page and speaker.
func cite(path string, ordinal, page int, speaker string) string {
	s := fmt.Sprintf("%s, phần %d", path, ordinal)
	if page > 0 {
		s += fmt.Sprintf(", trang %d", page)
	}
	if speaker != "" {
		s += ", " + speaker
	}
	return s
}
