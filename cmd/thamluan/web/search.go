package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"thamluan/index"
)

// searchParams reads q, size, from, theme, speaker, workshop and sort from the URL and checks
// them against the server's limits. An empty query is allowed here; callers decide.
func (s *Server) searchParams(r *http.Request, facets bool) (index.Request, error) {
	v := r.URL.Query()
	req := index.Request{Query: strings.TrimSpace(v.Get("q")), Size: 10, Themes: v["theme"],
		Speaker: v.Get("speaker"), Workshop: v.Get("workshop"), SortBy: v.Get("sort"), Facets: facets}
	if n := utf8.RuneCountInString(req.Query); n > s.opt.MaxQuery {
		return req, badRequest("truy vấn dài %d ký tự, tối đa %d", n, s.opt.MaxQuery)
	}
	if !utf8.ValidString(req.Query) {
		return req, badRequest("truy vấn không phải UTF-8 hợp lệ")
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
		return req, badRequest("sort=%q: chỉ nhận relevance hoặc date", req.SortBy)
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
		return 0, badRequest("%s=%q: cần một số từ %d đến %d", name, raw, lo, hi)
	}
	return n, nil
}

// search runs req under the request's deadline; a malformed query is a 400.
func (s *Server) search(r *http.Request, req index.Request) (*index.Result, error) {
	res, err := withDeadline(r.Context(), func() (*index.Result, error) { return s.ix.Search(req) })
	if err != nil && !isDeadline(err) && !strings.HasPrefix(err.Error(), "search ") {
		// index.Search prefixes failures of the index itself with "search DIR:"; anything
		// else is a complaint about the query.
		return nil, badRequest("%s", err.Error())
	}
	return res, err
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	req, err := s.searchParams(r, false)
	if err != nil {
		return err
	}
	if req.Query == "" {
		return badRequest("thiếu tham số q")
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
	Prev, Next string
	Clear      string
	Error      string
	Docs       int
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) error {
	req, err := s.searchParams(r, true)
	view := &searchView{Title: "Tìm kiếm", Nav: "search", Req: req, Docs: len(s.store.paths)}
	if err != nil {
		return err
	}
	if req.Query == "" {
		return s.render(w, "search", view)
	}
	view.Title = req.Query + " — Tìm kiếm"
	res, err := s.search(r, req)
	if err != nil {
		return err
	}
	view.Res = res
	for i, h := range res.Hits {
		view.Hits = append(view.Hits, hitView{Hit: h, N: res.From + i + 1,
			Snippet: template.HTML(index.MarkHTML(h.SnippetText, h.Fragments)), // MarkHTML escapes the text
			Chips:   s.chips(h.Themes), DocURL: docURL(h.Path, h.Ordinal)})
	}
	view.Facets = s.facetViews(r.URL.Query(), res.Facets)
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
// parameter, a year a year: filter in the query.
func (s *Server) facetViews(v url.Values, fc map[string][]index.FacetCount) []facetView {
	var out []facetView
	for _, f := range []struct{ name, label, param string }{
		{"themes", "Chủ đề", "theme"}, {"speakers", "Người trình bày", "speaker"},
		{"workshops", "Hội thảo", "workshop"}, {"years", "Năm", "q"},
	} {
		var fv facetView
		fv.Label = f.label
		for _, c := range fc[f.name] {
			u := cloneValues(v)
			u.Del("from")
			link := facetLink{Value: c.Value, Count: c.Count}
			switch f.param {
			case "q":
				tok := "year:" + c.Value
				link.Active = strings.Contains(" "+v.Get("q")+" ", " "+tok+" ")
				if !link.Active {
					u.Set("q", strings.TrimSpace(v.Get("q")+" "+tok))
				}
			case "theme":
				link.Value = s.cb.Label(c.Value)
				link.Active = contains(v["theme"], c.Value)
				if !link.Active {
					u.Add("theme", c.Value)
				}
			default:
				link.Active = v.Get(f.param) == c.Value
				u.Set(f.param, c.Value)
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

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
