//go:build ignore

// gen_freq counts how often each Vietnamese syllable occurs in the project's own texts (the demo
// and the testdata folders, all written for the project; not the OCR fixtures nor the held-out
// sets testdata/heldout2 and heldout3, which measure the repair), in lower case and capitalised after a lower-case word of the same sentence. OCR repair uses the counts as a prior between confusable syllables (là
// against tà). It writes syllable_freq.tsv; run from this folder: go run gen_freq.go
package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"thamluan/corpus/vntext"
)

func main() {
	root := "../../.."
	lower, capital := map[string]int{}, map[string]int{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules" || d.Name() == ".cache") {
			return filepath.SkipDir
		}
		rel, _ := filepath.Rel(root, p)
		own := strings.Contains(rel, "testdata/") && !strings.HasPrefix(rel, "corpus/ocr/") &&
			!strings.HasPrefix(rel, "testdata/heldout2/") && !strings.HasPrefix(rel, "testdata/heldout3/") ||
			strings.HasPrefix(rel, "corpus/demo/")
		if d.IsDir() || !strings.HasSuffix(p, ".txt") || !own {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil || !utf8.Valid(data) {
			return nil
		}
		count(norm.NFC.String(string(data)), lower, capital)
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	keys := make([]string, 0, len(lower)+len(capital))
	for k := range lower {
		keys = append(keys, k)
	}
	for k := range capital {
		if lower[k] == 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	f, err := os.Create("syllable_freq.tsv")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# syllable\tlower-case count\tcapitalised mid-sentence count, in the project's own texts (gen_freq.go)")
	for _, k := range keys {
		fmt.Fprintf(w, "%s\t%d\t%d\n", k, lower[k], capital[k])
	}
	w.Flush()
	f.Close()
}

// count adds the syllables of text: lower-case ones, and capitalised ones that follow a
// lower-case word of the same sentence (not at a sentence start, nor inside a name such as
// "Mỹ Linh"), by their lower-case form with tone marks placed alike.
func count(text string, lower, capital map[string]int) {
	for _, line := range strings.Split(text, "\n") {
		start := true // at a sentence's start, or after a capitalised word
		for _, tok := range strings.Fields(line) {
			core := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) })
			if core != "" {
				lc := vntext.NormalizeTones(strings.ToLower(core))
				if vntext.IsSyllable(lc) {
					first, _ := utf8.DecodeRuneInString(core)
					switch {
					case core == strings.ToLower(core):
						lower[lc]++
					case !start && unicode.IsUpper(first) && core[len(string(first)):] == strings.ToLower(core[len(string(first)):]):
						capital[lc]++
					}
				}
			}
			first, _ := utf8.DecodeRuneInString(tok)
			start = strings.ContainsAny(tok[len(tok)-1:], ".!?:;") || !unicode.IsLower(first)
		}
	}
}
