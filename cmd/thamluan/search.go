package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"thamluan/index"
)

const searchHelp = `Search an index. The query language:
  words            any of the words; sections with more of them, with them adjacent (as a
                   phrase) and with the same accents rank first
  "a phrase"       these words in this order (required; in a phrase of three words or more,
                   each pair of neighbouring words is matched as a pair)
  +word -word      a required or an excluded word (also +"phrase", -"phrase", -theme:ID)
  a OR b           either side; plain juxtaposition means "and, preferably"
  ( ... )          grouping: +(doanh nghiệp OR hợp tác xã) -"nhà nước"
  chuyen*          words starting with "chuyen" (at least two letters before the *)
  theme:ID         only sections with this theme (shortcomings, solutions, digital-transformation,
                   private-enterprise, or a theme of your codebook)
  speaker:NAME     only sections of this speaker or organisation (also org:NAME); quote a name
                   with spaces: speaker:"Nguyễn Văn A", accents optional
  workshop:NAME    only sections of a workshop whose title holds NAME (accents optional)
  year:2023        only sections of a workshop of that year, or of a range: year:2019-2023
  doc:PART         only documents whose path contains PART
  lang:en          only sections in that language
Accents are optional: "chuyen doi so" finds "chuyển đổi số", "hòa" finds "hoà", "dang" finds
"đảng". A query typed with diacritics keeps them: "chuyển đổi số" finds and marks only words with
those marks (tone placement and case aside), never "đôi so" or "đối số". English sections are searched by word stems
(developing finds develop). A malformed query (an unclosed quote or parenthesis, an OR without
a term on one side, a query that only excludes) is refused with the reason and exit status 2.`

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "QUERY", searchHelp)
	dir := fs.String("index", "", "index `DIR`")
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
	if *dir == "" {
		return fmt.Errorf("%w: --index DIR is required", errUsage)
	}
	q := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(q) == "" {
		return fmt.Errorf("%w: give a query", errUsage)
	}
	if *sortBy != "relevance" && *sortBy != "date" {
		return fmt.Errorf("%w: --sort %q: want relevance or date", errUsage, *sortBy)
	}
	ix, err := index.Open(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	res, err := ix.Search(index.Request{Query: q, Size: *size, From: *from, Themes: themes, Speaker: *speaker, SortBy: *sortBy, Facets: *facets || !*asJSON})
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printResult(e, res)
	return nil
}

func isTerminal(w interface{}) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && os.Getenv("NO_COLOR") == ""
}

func printResult(e *env, res *index.Result) {
	w := e.stdout
	color := isTerminal(w)
	printf(w, "%d kết quả cho «%s»\n", res.Total, res.Query)
	for i, h := range res.Hits {
		printf(w, "\n%d. %s — phần %d", res.From+i+1, h.Path, h.Ordinal)
		if h.PageStart > 0 {
			printf(w, ", trang %d", h.PageStart)
		}
		printf(w, " (điểm %.2f)\n", h.Score)
		if h.HeadingPath != "" {
			printf(w, "   %s\n", h.HeadingPath)
		} else if h.Heading != "" {
			printf(w, "   %s\n", h.Heading)
		}
		if h.Speaker != "" {
			printf(w, "   người trình bày: %s\n", h.Speaker)
		}
		if len(h.Themes) > 0 {
			printf(w, "   chủ đề: %s\n", strings.Join(h.Themes, ", "))
		}
		snip := markPlain(h.SnippetText, h.Fragments)
		if color {
			snip = index.MarkANSI(h.SnippetText, h.Fragments)
		}
		printf(w, "   %s\n", strings.ReplaceAll(snip, "\n", " "))
	}
	for _, name := range []string{"themes", "speakers", "workshops", "years"} {
		fc := res.Facets[name]
		if len(fc) == 0 {
			continue
		}
		printf(w, "\n%s:", facetLabel[name])
		for _, c := range fc {
			printf(w, " %s (%d);", c.Value, c.Count)
		}
		printf(w, "\n")
	}
}

var facetLabel = map[string]string{"themes": "Chủ đề", "speakers": "Người trình bày", "workshops": "Hội thảo", "years": "Năm"}

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
