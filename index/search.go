package index

import (
	"errors"
	"fmt"
	"html"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Request is a search: the query in thamluan's query language plus filters and paging.
type Request struct {
	Query    string
	Size     int      // hits per page, default 10
	From     int      // offset of the first hit
	Themes   []string // only sections with any of these themes
	Speaker  string
	Workshop string
	SortBy   string // "relevance" (default) or "date"
	Facets   bool   // count themes, speakers, workshops and years
}

// Hit is one section that matched, with its citation and a highlighted snippet.
type Hit struct {
	Path        string   `json:"path"`
	Title       string   `json:"title,omitempty"`
	Ordinal     int      `json:"ordinal"`
	Heading     string   `json:"heading"`
	HeadingPath string   `json:"heading_path,omitempty"`
	Speaker     string   `json:"speaker"`
	PageStart   int      `json:"page_start"`
	PageEnd     int      `json:"page_end"`
	Workshop    string   `json:"workshop,omitempty"`
	Year        int      `json:"year,omitempty"`
	Score       float64  `json:"score"`
	Themes      []string `json:"themes"`
	Snippet     string   `json:"snippet"` // escaped HTML with <mark> around matched words
	Fragments   []Span   `json:"-"`       // the snippet as plain text with its marked spans
	SnippetText string   `json:"-"`
}

// Span marks a highlighted piece of SnippetText, in bytes.
type Span struct{ Start, End int }

// FacetCount is one value of a facet and how many sections carry it.
type FacetCount struct {
	Value string  `json:"value"`
	Count int     `json:"count"`
	Share float64 `json:"share,omitempty"` // of the sections in this group, where it applies
}

// Result is the answer to a Request.
type Result struct {
	Query string `json:"query"`
	// Reading is the accented reading inferred for a query typed without diacritics, whose
	// sections come first; empty when there is none.
	Reading string                  `json:"reading,omitempty"`
	Total   uint64                  `json:"total"`
	From    int                     `json:"from"`
	Hits    []Hit                   `json:"hits"`
	Facets  map[string][]FacetCount `json:"facets,omitempty"`
	TookMS  float64                 `json:"took_ms"`
}

// MaxSize bounds the hits one request may ask for.
const MaxSize = 1000

var hitFields = []string{FieldPath, FieldTitle, FieldOrdinal, FieldHeading, FieldHeadingPath, FieldSpeaker,
	FieldPageStart, FieldPageEnd, FieldThemes, FieldText, FieldWorkshop, FieldYear}

// Search runs req. A malformed query gets an error that says what is wrong with it.
func (ix *Index) Search(req Request) (*Result, error) {
	tree, err := parseQuery(req.Query)
	if err != nil {
		return nil, err
	}
	b := ix.builderFor(tree)
	q, err := buildQueryWith(b, tree, &req)
	if err != nil {
		var qe *QueryError
		if errors.As(err, &qe) {
			return nil, &QueryError{Query: req.Query, Msg: qe.Query + ": " + qe.Msg}
		}
		return nil, fmt.Errorf("query %q: %w", req.Query, err)
	}
	units := queryUnits(tree)
	size := req.Size
	if size <= 0 {
		size = 10
	}
	size = min(size, MaxSize)
	res, _, err := ix.run(b, tree, q, &req, size, true)
	if err != nil {
		return nil, err
	}
	if err := ix.addLocations(highlightQuery(units), res.Hits); err != nil {
		return nil, err
	}
	if req.SortBy == "" || req.SortBy == "relevance" {
		breakTies(res.Hits, units, b.reading != "")
	}
	out := &Result{Query: req.Query, Reading: b.reading, Total: res.Total, From: req.From, Hits: make([]Hit, 0, len(res.Hits)), TookMS: float64(res.Took.Microseconds()) / 1000}
	for _, h := range res.Hits {
		if b.reading != "" {
			h.Score = restoredScore(h.Score) // shown as the accented query would score it
		}
		out.Hits = append(out.Hits, toHit(h, units))
	}
	if req.Facets {
		out.Facets = facets(res.Facets)
	}
	return out, nil
}

// builderFor returns the builder of a query: exact when typed with diacritics; for plain words
// typed without any, with the reading the index suggests (restore.go).
func (ix *Index) builderFor(tree node) builder {
	b := builder{exact: accented(tree)}
	if b.exact {
		return b
	}
	if text, ok := plainWords(tree); ok {
		if r, ok := ix.reading(foldedWords(text)); ok {
			b.reading = strings.Join(r, " ")
		}
	}
	return b
}

// run searches a page of size hits for q, the query b built from tree. With prune set, a
// prunable query runs pruned first (pruned then tells whether that pass gave the page).
func (ix *Index) run(b builder, tree node, q query.Query, req *Request, size int, prune bool) (res *bleve.SearchResult, pruned bool, err error) {
	if prune && prunable(tree, req) {
		if res, err = ix.searchPruned(b, tree, req, size); err != nil || res != nil {
			return res, res != nil, err
		}
	}
	sr, err := newSearchRequest(q, req, size)
	if err != nil {
		return nil, false, err
	}
	if req.Facets {
		ix.addFacets(sr)
	}
	if res, err = ix.bi.Search(sr); err != nil {
		return nil, false, fmt.Errorf("search %s: %w", ix.dir, err)
	}
	return res, false, nil
}

// searchPruned runs the pruned first pass of a prunable query (see prune.go). It returns nil
// when the page it finds may differ from the full query's, which must then run. The total, and
// the facets a request asks for, are counted without scores on the cover query, which matches
// the sections the full query matches (TestPrunedSearchExact compares both).
func (ix *Index) searchPruned(b builder, tree node, req *Request, size int) (*bleve.SearchResult, error) {
	topK := max(req.From, 0) + size
	if b.reading != "" && ix.holdersReach(b, tree, topK) {
		b.floor = restoreBoost // every hit of the page holds the reading
	}
	p, err := buildPruned(b, tree, req, topK)
	if err != nil {
		return nil, err
	}
	sr, err := newSearchRequest(p.q, req, size)
	if err != nil {
		return nil, err
	}
	res, err := ix.bi.Search(sr)
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", ix.dir, err)
	}
	if !p.pageExact(res, size) {
		return nil, nil
	}
	b.count = true
	cq, err := buildQueryWith(b, tree, req)
	if err != nil {
		return nil, err
	}
	cr := bleve.NewSearchRequestOptions(cq, 0, 0, false)
	cr.Score = "none"
	if req.Facets {
		ix.addFacets(cr)
	}
	count, err := ix.bi.Search(cr)
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", ix.dir, err)
	}
	res.Total, res.Facets = count.Total, count.Facets
	res.Took += count.Took
	return res, nil
}

// holdersReach reports whether at least n sections hold the reading of an accent-free query of
// plain words (holdsReading): the first n hits then all score above restoreBoost.
func (ix *Index) holdersReach(b builder, tree node, n int) bool {
	text, ok := plainWords(tree)
	words := foldedWords(text)
	if !ok || len(words) < 2 {
		return false
	}
	sr := bleve.NewSearchRequestOptions(holdsReading(b.reading, words), 0, 0, false)
	sr.Score = "none"
	res, err := ix.bi.Search(sr)
	return err == nil && res.Total >= uint64(n)
}

// newSearchRequest asks for a page of req's hits with the fields a Hit shows, in req's order.
// Facets are added by the caller (addFacets) to the request that counts every match.
func newSearchRequest(q query.Query, req *Request, size int) (*bleve.SearchRequest, error) {
	sr := bleve.NewSearchRequestOptions(q, size, max(req.From, 0), false)
	sr.Fields = hitFields
	// Term locations are fetched afterwards for the page's hits only: decoding them for every
	// section a common word matches is what would make a search slow.
	switch req.SortBy {
	case "", "relevance":
		// The score alone: ties keep index order. Sorting by stored fields would load their doc values
		// for every match, the larger part of a search's time on a big archive.
		sr.SortBy([]string{"-_score"})
	case "date":
		sr.SortBy([]string{"-" + FieldDate, "-" + FieldYear, "-_score", FieldPath, FieldOrdinal})
	default:
		return nil, fmt.Errorf("search: sort %q: want relevance or date", req.SortBy)
	}
	return sr, nil
}

// addFacets asks sr to count themes, speakers, workshops and years over every match. Years are
// counted in one range per year the index holds (a range per year of a fixed span was tested,
// in a map, on every match: a sixth of a faceted search's time).
func (ix *Index) addFacets(sr *bleve.SearchRequest) {
	for name, field := range map[string]string{"themes": FieldThemes, "speakers": FieldSpeaker, "workshops": FieldWorkshop} {
		sr.AddFacet(name, bleve.NewFacetRequest(field, 20))
	}
	f := bleve.NewFacetRequest(FieldYear, 50)
	for _, y := range ix.years() {
		lo, hi := float64(y), float64(y+1)
		f.AddNumericRange(fmt.Sprint(y), &lo, &hi)
	}
	sr.AddFacet("years", f)
}

// years lists the whole years the index's sections and documents carry, from the year field's
// dictionary (its full-precision terms); on an error, every year from 1990 to 2040.
func (ix *Index) years() []int {
	var out []int
	d, err := ix.bi.FieldDict(FieldYear)
	if err == nil {
		defer d.Close()
		for e, derr := d.Next(); ; e, derr = d.Next() {
			if err = derr; err != nil || e == nil {
				break
			}
			pc := numeric.PrefixCoded(e.Term)
			if shift, serr := pc.Shift(); serr != nil || shift != 0 {
				continue
			}
			if i, ierr := pc.Int64(); ierr == nil {
				if f := numeric.Int64ToFloat64(i); f == math.Trunc(f) && f > 0 && f < 10000 {
					out = append(out, int(f))
				}
			}
		}
	}
	if err != nil {
		out = out[:0]
		for y := 1990; y <= 2040; y++ {
			out = append(out, y)
		}
	}
	return out
}

// addLocations runs q (the query's words) on the given hits alone and copies the term locations of the matches
// to them, for highlighting.
func (ix *Index) addLocations(q query.Query, hits search.DocumentMatchCollection) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	lr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), q), len(ids), 0, false)
	lr.IncludeLocations = true
	lr.Fields = nil
	res, err := ix.bi.Search(lr)
	if err != nil {
		return fmt.Errorf("search %s: highlights: %w", ix.dir, err)
	}
	locs := make(map[string]search.FieldTermLocationMap, len(res.Hits))
	for _, h := range res.Hits {
		locs[h.ID] = h.Locations
	}
	for _, h := range hits {
		h.Locations = locs[h.ID]
	}
	return nil
}

func toHit(h *search.DocumentMatch, units []unit) Hit {
	f := h.Fields
	hit := Hit{
		Path: str(f[FieldPath]), Title: str(f[FieldTitle]), Ordinal: num(f[FieldOrdinal]), Heading: str(f[FieldHeading]),
		HeadingPath: str(f[FieldHeadingPath]), Speaker: str(f[FieldSpeaker]), PageStart: num(f[FieldPageStart]),
		PageEnd: num(f[FieldPageEnd]), Workshop: str(f[FieldWorkshop]), Year: num(f[FieldYear]), Score: h.Score,
		Themes: strs(f[FieldThemes]),
	}
	text := str(f[FieldText])
	spans := highlightSpans(text, h.Locations, units)
	hit.SnippetText, hit.Fragments = Snippet(text, spans, defaultSnippetRunes)
	hit.Snippet = MarkHTML(hit.SnippetText, hit.Fragments)
	return hit
}

// Snippet cuts from text the window of about width characters that holds the most marked spans,
// at word boundaries, and returns it with the spans shifted into it. Without spans it returns the
// start of the text.
func Snippet(text string, spans []Span, width int) (string, []Span) {
	spans = mergeSpans(text, spans)
	rs := []rune(text)
	if len(rs) <= width {
		return text, spans
	}
	best, bestN := 0, -1
	for i, s := range spans {
		n := 0
		for _, t := range spans[i:] {
			if t.End-s.Start > width*3 { // bytes; Vietnamese letters take up to 3
				break
			}
			n++
		}
		if n > bestN {
			best, bestN = i, n
		}
	}
	start := 0
	if bestN > 0 {
		start = spans[best].Start
		// step back about a fifth of the window to show context
		back := width / 5
		for back > 0 && start > 0 {
			start--
			for start > 0 && text[start]&0xC0 == 0x80 {
				start--
			}
			back--
		}
		for start > 0 && text[start-1] != ' ' && text[start-1] != '\n' {
			start--
		}
	}
	end := start
	for n := 0; end < len(text) && n < width; n++ {
		_, w := utf8.DecodeRuneInString(text[end:])
		end += w
	}
	for end < len(text) && text[end] != ' ' && text[end] != '\n' {
		end++
	}
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "…"
	}
	if end < len(text) {
		suffix = "…"
	}
	var out []Span
	for _, s := range spans {
		if s.Start >= start && s.End <= end {
			out = append(out, Span{s.Start - start + len(prefix), s.End - start + len(prefix)})
		}
	}
	return prefix + text[start:end] + suffix, out
}

// mergeSpans sorts spans and joins those that overlap or are separated only by spaces, so a
// matched phrase is marked as one piece.
func mergeSpans(text string, spans []Span) []Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var out []Span
	for _, s := range spans {
		if n := len(out); n > 0 && (s.Start <= out[n-1].End || strings.TrimSpace(text[out[n-1].End:s.Start]) == "") {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// MarkHTML escapes text for HTML and wraps each span in <mark>.
func MarkHTML(text string, spans []Span) string {
	return mark(text, spans, "<mark>", "</mark>", html.EscapeString)
}

// MarkANSI wraps each span in bold yellow terminal colour.
func MarkANSI(text string, spans []Span) string {
	return mark(text, spans, "\x1b[1;33m", "\x1b[0m", func(s string) string { return s })
}

func mark(text string, spans []Span, open, close string, esc func(string) string) string {
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End > len(text) {
			continue
		}
		b.WriteString(esc(text[at:s.Start]))
		b.WriteString(open)
		b.WriteString(esc(text[s.Start:s.End]))
		b.WriteString(close)
		at = s.End
	}
	b.WriteString(esc(text[at:]))
	return b.String()
}

func facets(fr search.FacetResults) map[string][]FacetCount {
	out := map[string][]FacetCount{}
	for name, f := range fr {
		var counts []FacetCount
		if f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				if t.Term != "" {
					counts = append(counts, FacetCount{Value: t.Term, Count: t.Count})
				}
			}
		}
		for _, r := range f.NumericRanges {
			if r.Count > 0 && r.Name != "0" {
				counts = append(counts, FacetCount{Value: r.Name, Count: r.Count})
			}
		}
		out[name] = counts
	}
	return out
}

func str(v interface{}) string {
	switch x := v.(type) {
	case string:
		return x
	case []interface{}:
		if len(x) > 0 {
			return str(x[0])
		}
	}
	return ""
}

func strs(v interface{}) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []interface{}:
		out := make([]string, 0, len(x))
		for _, e := range x {
			out = append(out, str(e))
		}
		return out
	}
	return []string{}
}

func num(v interface{}) int {
	if f, ok := v.(float64); ok {
		return int(f)
	}
	return 0
}
