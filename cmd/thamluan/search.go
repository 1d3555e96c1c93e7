package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"

	"golang.org/x/term"

	"thamluan/cmd/thamluan/msg"
	"thamluan/index"
	"thamluan/pipeline"
)

// Limits of --size and --from, the same as the web interface's API.
const (
	maxSize = index.MaxSize
	maxFrom = 10000
)

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "QUERY", "")
	dir := fs.String("index", "", "index `DIR`")
	codebook := fs.String("codebook", "", "codebook `FILE`")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	size := fs.Int("size", 10, "hits to show")
	from := fs.Int("from", 0, "skip this many hits (paging)")
	var themes listFlag
	fs.Var(&themes, "theme", "only sections with this theme `ID` (repeatable)")
	speaker := fs.String("speaker", "", "only sections of this speaker")
	sortBy := fs.String("sort", "relevance", "order: relevance or date")
	facets := fs.Bool("facets", false, "count themes, speakers, workshops and years of all matches")
	if err := parse(fs, args); err != nil {
		return err
	}
	q := strings.Join(fs.Args(), " ")
	switch {
	case *dir == "":
		return usageErr(msg.CLINoIndex)
	case strings.TrimSpace(q) == "":
		return usageErr(msg.CLINoQuery)
	case *size < 1 || *size > maxSize:
		return usageErr(msg.CLIBadSize, *size, maxSize)
	case *from < 0 || *from > maxFrom:
		return usageErr(msg.CLIBadFrom, *from, maxFrom)
	case *sortBy != "relevance" && *sortBy != "date":
		return usageErr(msg.CLIBadSort, *sortBy)
	}
	af := analysisFlags{codebook: *codebook}
	cb, err := af.loadCodebook()
	if err != nil {
		return err
	}
	if err := msg.CheckThemes(cb, q, themes); err != nil {
		return usageErr("%s", err.Error())
	}
	ix, err := openIndex(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	req := index.Request{Query: q, Size: *size, From: *from, Themes: themes, Speaker: *speaker, SortBy: *sortBy, Facets: *facets}
	res, err := ix.Search(req)
	if err != nil {
		valid := func(fixed string) error {
			_, err := ix.Search(index.Request{Query: fixed, Size: 1})
			return err
		}
		if p, ok := msg.Query(err, valid); ok {
			return usageErr("%s", p.Error())
		}
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printResult(e, cb, res)
	return nil
}

func isTerminal(w interface{}) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("NO_COLOR") == ""
}

func printResult(e *env, cb *pipeline.Codebook, res *index.Result) {
	w := e.stdout
	color := isTerminal(w)
	printf(w, msg.OutHits, res.Total, res.Query)
	if res.Reading != "" {
		printf(w, msg.OutReading, res.Reading)
	}
	for i, h := range res.Hits {
		printf(w, msg.OutHit, res.From+i+1, h.Path, h.Ordinal)
		if h.PageStart > 0 {
			printf(w, msg.OutPage, h.PageStart)
		}
		printf(w, msg.OutScore, h.Score)
		if h.HeadingPath != "" {
			printf(w, "   %s\n", h.HeadingPath)
		} else if h.Heading != "" {
			printf(w, "   %s\n", h.Heading)
		}
		if h.Speaker != "" {
			printf(w, msg.OutSpeaker, h.Speaker)
		}
		if len(h.Themes) > 0 {
			printf(w, msg.OutThemes, strings.Join(themeLabels(cb, h.Themes), "; "))
		}
		snip := markPlain(h.SnippetText, h.Fragments)
		if color {
			snip = index.MarkANSI(h.SnippetText, h.Fragments)
		}
		printf(w, "   %s\n", strings.ReplaceAll(snip, "\n", " "))
	}
	for _, name := range []string{"themes", "speakers", "workshops", "years"} {
		fc := res.Facets[name]
		if name == "years" {
			fc = msg.YearsInOrder(fc)
		}
		if len(fc) == 0 {
			continue
		}
		printf(w, "\n%s:", msg.FacetLabel[name])
		for _, c := range fc {
			v := c.Value
			if name == "themes" {
				v = cb.Label(v)
			}
			printf(w, " %s (%d);", v, c.Count)
		}
		printf(w, "\n")
	}
}

// themeLabels names theme ids with the codebook's labels.
func themeLabels(cb *pipeline.Codebook, ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, cb.Label(id))
	}
	return out
}

// markPlain marks matches with [brackets] where colour is not available.
func markPlain(text string, spans []index.Span) string {
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.Start < at {
			continue
		}
		b.WriteString(text[at:s.Start])
		b.WriteString("[" + text[s.Start:s.End] + "]")
		at = s.End
	}
	b.WriteString(text[at:])
	return b.String()
}
