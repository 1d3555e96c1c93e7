package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"thamluan/cmd/thamluan/export"
	"thamluan/cmd/thamluan/msg"
	"thamluan/index"
	"thamluan/pipeline"
)

func runThemes(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "themes", "", "")
	dir := fs.String("index", "", "index `DIR`")
	var af analysisFlags
	af.register(fs)
	asJSON := fs.Bool("json", false, "print the summaries as JSON")
	matrix := fs.Bool("matrix", false, "print the theme × organisation matrix and the theme co-occurrence instead")
	matrixCSV := fs.String("matrix-csv", "", "write the theme × organisation matrix as CSV to `FILE` (implies --matrix)")
	coocCSV := fs.String("cooc-csv", "", "write the theme co-occurrence table as CSV to `FILE` (implies --matrix)")
	if err := parse(fs, args); err != nil {
		return err
	}
	ix, cb, err := af.openIndex(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	if *matrix || *matrixCSV != "" || *coocCSV != "" {
		return themeMatrix(e, ix, cb, *asJSON, *matrixCSV, *coocCSV)
	}
	sums, err := ix.ThemeSummaries(infos(cb))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(e, sums)
	}
	printThemes(e, sums, recordLookup(ix))
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

// recordLookup returns the document record of a path from ix, remembering those it read.
func recordLookup(ix *index.Index) func(string) *index.DocRecord {
	seen := map[string]*index.DocRecord{}
	return func(path string) *index.DocRecord {
		if r, ok := seen[path]; ok {
			return r
		}
		r, err := ix.Record(path)
		if err != nil {
			r = nil
		}
		seen[path] = r
		return r
	}
}

// citationSource returns the source of a representative sentence, with its document's title and
// workshop when the index has its record.
func citationSource(c index.Citation, rec *index.DocRecord) export.Source {
	s := export.Source{Path: c.Path, Heading: c.Heading, Speaker: c.Speaker, Ordinal: c.Ordinal, Page: c.Page}
	if rec != nil {
		s.Title = rec.Title
		if rec.Workshop != nil {
			s.Workshop, s.Year = rec.Workshop.Title, rec.Workshop.Year
		}
	}
	return s
}

func printThemes(e *env, sums []index.ThemeSummary, record func(string) *index.DocRecord) {
	w := e.stdout
	for _, s := range sums {
		printf(w, "■ %s\n", s.Label)
		printf(w, msg.OutThemeSummary, s.Sections, s.Documents, 100*s.ShareSections, s.Sentences)
		printCounts(w, msg.OutByWorkshop, s.ByWorkshop)
		printCounts(w, msg.OutByYear, msg.YearsInOrder(s.ByYear))
		printCounts(w, msg.OutTopSpeakers, s.TopSpeakers)
		if len(s.KeyPhrases) > 0 {
			var ks []string
			for _, k := range s.KeyPhrases {
				ks = append(ks, k.Value)
			}
			printf(w, msg.OutKeyPhrases, strings.Join(ks, "; "))
		}
		if len(s.Representative) > 0 {
			printf(w, msg.OutQuotes)
			for _, c := range s.Representative {
				src := citationSource(c, record(c.Path))
				printf(w, "   – %s\n     (%s) [%s]\n", c.Text, src.Cite(), src.Footnote())
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
		if c.Share > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d (%.0f%%)", c.Value, c.Count, 100*c.Share))
		} else {
			parts = append(parts, fmt.Sprintf("%s: %d", c.Value, c.Count))
		}
	}
	printf(w, "%s: %s\n", label, strings.Join(parts, "; "))
}

// themeMatrix prints or writes the theme × organisation matrix and the co-occurrence table.
func themeMatrix(e *env, ix *index.Index, cb *pipeline.Codebook, asJSON bool, matrixCSV, coocCSV string) error {
	m, err := ix.ThemeMatrix(infos(cb))
	if err != nil {
		return err
	}
	for _, out := range []struct {
		path  string
		write func(io.Writer) error
	}{{matrixCSV, m.WriteCSV}, {coocCSV, m.WriteCooccurrenceCSV}} {
		if out.path == "" {
			continue
		}
		if err := writeFile(out.path, out.write); err != nil {
			return err
		}
	}
	if matrixCSV != "" || coocCSV != "" {
		return nil
	}
	if asJSON {
		return writeJSON(e, m)
	}
	w := e.stdout
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprint(tw, msg.OutOrganisation)
	for _, t := range m.Themes {
		fmt.Fprintf(tw, "\t%s", t.Label)
	}
	fmt.Fprintln(tw)
	for _, r := range m.Rows {
		fmt.Fprintf(tw, "%s\t%d", r.Organisation, r.Sections)
		for _, c := range r.Counts {
			fmt.Fprintf(tw, "\t%d", c)
		}
		fmt.Fprintln(tw)
	}
	fmt.Fprintln(tw, msg.OutCooccurrence)
	for i, t := range m.Themes {
		fmt.Fprint(tw, t.Label)
		for _, c := range m.Cooccurrence[i] {
			fmt.Fprintf(tw, "\t%d", c)
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// writeFile writes a file through write, reporting errors with the file's name.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return msg.Errorf(msg.CLICannotCreate, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return msg.Errorf(msg.CLICannotWrite, path, err)
	}
	if err := f.Close(); err != nil {
		return msg.Errorf(msg.CLICannotWrite, path, err)
	}
	return nil
}
