package web

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"thamluan/cmd/thamluan/msg"
	"thamluan/index"
)

// searchParams reads q, size, from, theme, speaker, workshop and sort from the URL and checks
// them against the server's limits. An empty query is allowed here; callers decide.
func (s *Server) searchParams(r *http.Request, facets bool) (index.Request, error) {
	v := r.URL.Query()
	req := index.Request{Query: strings.TrimSpace(v.Get("q")), Size: 10, Themes: v["theme"],
		Speaker: v.Get("speaker"), Workshop: v.Get("workshop"), SortBy: v.Get("sort"), Facets: facets}
	if n := utf8.RuneCountInString(req.Query); n > s.opt.MaxQuery {
		return req, badRequest(msg.WebQueryTooLong, n, s.opt.MaxQuery)
	}
	if !utf8.ValidString(req.Query) {
		return req, badRequest(msg.WebQueryNotUTF8)
	}
	var err error
	if req.Size, err = intParam(v, "size", 10, 1, s.opt.MaxSize); err != nil {
		return req, err
	}
	if req.From, err = intParam(v, "from", 0, 0, s.opt.MaxFrom); err != nil {
		return req, err
	}
	switch req.SortBy {
	case "", "relevance", "date":
	default:
		return req, badRequest(msg.WebBadSort, req.SortBy)
	}
	if v.Get("facets") == "1" || v.Get("facets") == "true" {
		req.Facets = true
	}
	return req, nil
}

// intParam reads an integer parameter between lo and hi, def when absent.
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	raw := v.Get(name)
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < lo || n > hi {
		return 0, badRequest(msg.WebBadNumber, name, raw, lo, hi)
	}
	return n, nil
}

// validTheme is a theme id a request may name, with its label.
type validTheme struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// checkThemes refuses, with a 400 that lists the valid ones, theme ids that are not in the
// codebook, given as theme= parameters or as theme:ID in the query.
func (s *Server) checkThemes(query string, ids []string) error {
	err := msg.CheckThemes(s.cb, query, ids)
	if err == nil {
		return nil
	}
	de := &detailError{statusError: statusError{code: http.StatusBadRequest, msg: err.Error()}, valid: []validTheme{}}
	for _, t := range s.cb.Themes() {
		de.valid = append(de.valid, validTheme{t.ID, t.Label})
	}
	return de
}

// search runs req under the request's deadline; a malformed query is a 400 (*queryError).
func (s *Server) search(r *http.Request, req index.Request) (*index.Result, error) {
	if err := s.checkThemes(req.Query, req.Themes); err != nil {
		return nil, err
	}
	res, err := withDeadline(r.Context(), func() (*index.Result, error) { return s.ix.Search(req) })
	if err == nil || isDeadline(err) {
		return res, err
	}
	valid := func(q string) error {
		_, err := withDeadline(r.Context(), func() (*index.Result, error) { return s.ix.Search(index.Request{Query: q, Size: 1}) })
		return err
	}
	if p, ok := msg.Query(err, valid); ok {
		return nil, &detailError{statusError: statusError{code: http.StatusBadRequest, msg: p.Error()}, problem: p}
	}
	return nil, err
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	req, err := s.searchParams(r, false)
	if err != nil {
		return err
	}
	if req.Query == "" {
		return badRequest(msg.WebNoQuery)
	}
	res, err := s.search(r, req)
	if err != nil {
		return err
	}
	return writeJSON(w, res)
}

type hitView struct {
	index.Hit
	N       int
	Snippet template.HTML
	Chips   []chip
	DocURL  string
}

type facetView struct {
	Label  string
	Values []facetLink
}

type facetLink struct {
	Value  string
	Count  int
	URL    string
	Active bool
}

type searchView struct {
	Title      string
	Nav        string
	Req        index.Request
	Res        *index.Result
	Hits       []hitView
	Facets     []facetView
	Active     int // facet values in force
	Prev, Next string
	Clear      string
	Error      string
	Valid      []validTheme
	Problem    *problemView
	Docs       int
}

// problemView shows a malformed query: the text around the problem, and a link to the query
// with the problem removed.
type problemView struct {
	Msg               string
	Before, At, After string
	Fixed, FixedURL   string
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	req, err := s.searchParams(r, true)
	view := &searchView{Title: msg.TitleSearch, Nav: "search", Req: req, Docs: len(s.store.paths)}
	if err != nil {
		return err
	}
	if req.Query == "" {
		return s.render(w, "search", view)
	}
	view.Title = req.Query + " — " + msg.TitleSearch
	res, err := s.search(r, req)
	var de *detailError
	switch {
	case errors.As(err, &de) && de.problem != nil:
		// The page comes back with the query still in the box, the problem marked and a
		// repaired query to follow.
		p := de.problem
		pv := &problemView{Msg: p.Msg, Fixed: p.Fixed}
		pv.Before, pv.At, pv.After = p.Parts()
		if p.Fixed != "" {
			u := cloneValues(r.URL.Query())
			u.Set("q", p.Fixed)
			u.Del("from")
			pv.FixedURL = "/search?" + u.Encode()
		}
		view.Problem, view.Title = pv, msg.TitleBadQuery
		return s.renderStatus(w, http.StatusBadRequest, "search", view)
	case errors.As(err, &de) && de.code == http.StatusBadRequest:
		view.Error, view.Valid, view.Title = de.msg, de.valid, msg.TitleBadQuery
		return s.renderStatus(w, http.StatusBadRequest, "search", view)
	case err != nil:
		return err
	}
	view.Res = res
	for i, h := range res.Hits {
		view.Hits = append(view.Hits, hitView{Hit: h, N: res.From + i + 1,
			Snippet: template.HTML(index.MarkHTML(h.SnippetText, h.Fragments)), // MarkHTML escapes the text
			Chips:   s.chips(h.Themes), DocURL: docURL(h.Path, h.Ordinal)})
	}
	view.Facets = s.facetViews(r.URL.Query(), res.Facets)
	for _, f := range view.Facets {
		for _, v := range f.Values {
			if v.Active {
				view.Active++
			}
		}
	}
	base := r.URL.Query()
	if req.From > 0 {
		view.Prev = pageURL(base, max(req.From-req.Size, 0))
	}
	if uint64(req.From+req.Size) < res.Total && req.From+req.Size <= s.opt.MaxFrom {
		view.Next = pageURL(base, req.From+req.Size)
	}
	if len(req.Themes)+len(req.Speaker)+len(req.Workshop) > 0 {
		view.Clear = "/search?" + url.Values{"q": {req.Query}}.Encode()
	}
	return s.render(w, "search", view)
}

func pageURL(v url.Values, from int) string {
	c := cloneValues(v)
	c.Set("from", strconv.Itoa(from))
	return "/search?" + c.Encode()
}

func cloneValues(v url.Values) url.Values {
	c := url.Values{}
	for k, xs := range v {
		c[k] = append([]string(nil), xs...)
	}
	return c
}

func docURL(path string, ordinal int) string {
	u := "/doc?" + url.Values{"path": {path}}.Encode()
	if ordinal > 0 {
		u += "#s" + strconv.Itoa(ordinal)
	}
	return u
}

// facetViews turns the facets into filter links: a theme, speaker or workshop becomes a
// parameter, a year a year: filter in the query. A value in force links to the same page without
// it, so each filter is switched off on its own. Years are listed in order.
func (s *Server) facetViews(v url.Values, fc map[string][]index.FacetCount) []facetView {
	var out []facetView
	for _, f := range []struct{ name, param string }{
		{"themes", "theme"}, {"speakers", "speaker"}, {"workshops", "workshop"}, {"years", "q"},
	} {
		fv := facetView{Label: msg.FacetLabel[f.name]}
		counts := fc[f.name]
		if f.name == "years" {
			counts = msg.YearsInOrder(counts)
		}
		for _, c := range counts {
			u := cloneValues(v)
			u.Del("from")
			link := facetLink{Value: c.Value, Count: c.Count}
			switch f.param {
			case "q":
				tok := "year:" + c.Value
				words := strings.Fields(v.Get("q"))
				link.Active = contains(words, tok)
				if link.Active {
					u.Set("q", strings.Join(without(words, tok), " "))
				} else {
					u.Set("q", strings.TrimSpace(v.Get("q")+" "+tok))
				}
			case "theme":
				link.Value = s.cb.Label(c.Value)
				link.Active = contains(v["theme"], c.Value)
				if link.Active {
					u["theme"] = without(v["theme"], c.Value)
				} else {
					u.Add("theme", c.Value)
				}
			default:
				link.Active = v.Get(f.param) == c.Value
				if link.Active {
					u.Del(f.param)
				} else {
					u.Set(f.param, c.Value)
				}
			}
			link.URL = "/search?" + u.Encode()
			fv.Values = append(fv.Values, link)
		}
		if len(fv.Values) > 0 {
			out = append(out, fv)
		}
	}
	return out
}

// without returns xs less every x.
func without(xs []string, x string) []string {
	var out []string
	for _, y := range xs {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
