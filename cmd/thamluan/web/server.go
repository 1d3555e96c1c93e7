// Package web serves a read-only, Vietnamese web interface to a thamluan index: search with
// highlighted snippets and facets, whole documents with their themes and evidence, a themes
// dashboard, the recommendations, exports and a JSON API. Pages are rendered on the server with
// html/template; styles and the one small script are embedded, so it works offline.
package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"thamluan/cmd/thamluan/msg"
	"thamluan/index"
	"thamluan/pipeline"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Options are the limits of a Server.
type Options struct {
	Timeout  time.Duration // deadline of one request's work; default 10s
	MaxQuery int           // longest query accepted, in characters; default 500
	MaxSize  int           // most hits per page; default 100
	MaxFrom  int           // deepest paging offset; default 10000
	Logger   *slog.Logger  // where internal errors are logged; nil discards them
}

// SetDefaults fills the zero fields of o.
func (o *Options) SetDefaults() {
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.MaxQuery <= 0 {
		o.MaxQuery = 500
	}
	if o.MaxSize <= 0 {
		o.MaxSize = 100
	}
	if o.MaxFrom <= 0 {
		o.MaxFrom = 10000
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// Server answers the web interface's requests over one open index.
type Server struct {
	ix    *index.Index
	cb    *pipeline.Codebook
	opt   Options
	pages map[string]*template.Template
	store *store
}

// New returns a server over ix, labelling themes with cb.
func New(ix *index.Index, cb *pipeline.Codebook, opt Options) (*Server, error) {
	opt.SetDefaults()
	s := &Server{ix: ix, cb: cb, opt: opt, pages: map[string]*template.Template{}}
	for _, name := range []string{"search", "doc", "themes", "recs", "error", "recurring", "compare"} {
		files := []string{"templates/layout.html", "templates/" + name + ".html"}
		if name == "recurring" || name == "compare" {
			files = append(files, "templates/thread.html")
		}
		t, err := template.New("layout.html").Funcs(s.funcs()).ParseFS(templateFS, files...)
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		s.pages[name] = t
	}
	st, err := newStore(ix)
	if err != nil {
		return nil, err
	}
	s.store = st
	return s, nil
}

// NewHTTPServer returns an http.Server for h with read, write and idle timeouts set.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 60 * time.Second, MaxHeaderBytes: 64 << 10}
}

// Handler returns the routes of the interface.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/{$}", s.wrap(s.searchPage))
	mux.Handle("/search", s.wrap(s.searchPage))
	mux.Handle("/doc", s.wrap(s.docPage))
	mux.Handle("/file", s.wrap(s.filePage))
	mux.Handle("/themes", s.wrap(s.themesPage))
	mux.Handle("/recs", s.wrap(s.recsPage))
	mux.Handle("/recurring", s.wrap(s.recurringPage))
	mux.Handle("/compare", s.wrap(s.comparePage))
	mux.Handle("/api/recurring", s.wrap(s.apiRecurring))
	mux.Handle("/api/compare", s.wrap(s.apiCompare))
	for _, ext := range []string{".md", ".docx"} {
		mux.Handle("/export/kien-nghi-lap-lai"+ext, s.wrap(s.reportExport("kien-nghi-lap-lai"+ext, s.recurringReport)))
		mux.Handle("/export/so-sanh"+ext, s.wrap(s.reportExport("so-sanh"+ext, s.comparisonReport)))
	}
	mux.Handle("/export/{name}", s.wrap(s.exportFile))
	mux.Handle("/api/search", s.wrap(s.apiSearch))
	mux.Handle("/api/themes", s.wrap(s.apiThemes))
	mux.Handle("/api/recs", s.wrap(s.apiRecs))
	mux.Handle("/api/doc", s.wrap(s.apiDoc))
	static, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	mux.Handle("/static/", s.wrap(func(w http.ResponseWriter, r *http.Request) error {
		if name := strings.TrimPrefix(r.URL.Path, "/static/"); !fs.ValidPath(name) || name == "." || !isFile(static, name) {
			return notFound(msg.WebNoStatic, r.URL.Path) // in Vietnamese, not the file server's "404 page not found"
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
		return nil
	}))
	mux.Handle("/", s.wrap(func(w http.ResponseWriter, r *http.Request) error {
		return notFound(msg.WebNoPage, r.URL.Path)
	}))
	return mux
}

func isFile(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && st.Mode().IsRegular()
}

// statusError is an error with the HTTP status it maps to and a message for the user.
type statusError struct {
	code int
	msg  string
}

// detailError is a statusError with what a person needs to correct the request: valid lists the
// values that would have been accepted (the theme ids of the codebook), problem explains a
// malformed query.
type detailError struct {
	statusError
	valid   []validTheme
	problem *msg.QueryProblem
}

// As lets errors.As find the statusError inside.
func (d *detailError) As(target any) bool {
	if p, ok := target.(**statusError); ok {
		*p = &d.statusError
		return true
	}
	return false
}

func (e *statusError) Error() string { return fmt.Sprintf("%d: %s", e.code, e.msg) }

func badRequest(format string, args ...any) error {
	return &statusError{code: http.StatusBadRequest, msg: fmt.Sprintf(format, args...)}
}

func notFound(format string, args ...any) error {
	return &statusError{code: http.StatusNotFound, msg: fmt.Sprintf(format, args...)}
}

// errTimeout is returned when a request's work outlives its deadline.
var errTimeout = &statusError{code: http.StatusServiceUnavailable, msg: msg.WebTimeout}

// setSecurityHeaders sets the headers every page and API answer carries: a policy that loads
// nothing from elsewhere and runs no inline script or style, no sniffing, no framing, no referrer.
func setSecurityHeaders(hd http.Header) {
	hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Referrer-Policy", "no-referrer")
}

// wrap adds the security headers, allows only GET and HEAD, puts a deadline on the request and
// maps the handler's error to a status code.
func (s *Server) wrap(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		setSecurityHeaders(hd)
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			hd.Set("Allow", "GET, HEAD")
			s.fail(w, r, &statusError{code: http.StatusMethodNotAllowed, msg: msg.WebReadOnly})
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
		defer cancel()
		if err := h(w, r.WithContext(ctx)); err != nil {
			s.fail(w, r, err)
		}
	})
}

// fail writes err as an HTML page, or as JSON under /api/.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var se *statusError
	switch {
	case errors.As(err, &se):
	case errors.Is(err, context.DeadlineExceeded):
		se = errTimeout
	default:
		s.opt.Logger.Error("request failed", "path", r.URL.Path, "query", r.URL.RawQuery, "err", err)
		se = &statusError{code: http.StatusInternalServerError, msg: msg.WebServerError}
	}
	de := &detailError{}
	errors.As(err, &de)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(se.code)
		body := map[string]any{"error": se.msg, "status": se.code}
		if de.valid != nil {
			body["valid"] = de.valid
		}
		if p := de.problem; p != nil {
			body["position"], body["fixed"] = p.Pos, p.Fixed
		}
		json.NewEncoder(w).Encode(body)
		return
	}
	var buf bytes.Buffer
	if terr := s.pages["error"].Execute(&buf, map[string]any{"Title": msg.StatusTitle(se.code), "Code": se.code, "Message": se.msg, "Valid": de.valid}); terr != nil {
		http.Error(w, se.msg, se.code)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(se.code)
	w.Write(buf.Bytes())
}

// render executes a page into a buffer first, so a template error becomes a clean 500.
func (s *Server) render(w http.ResponseWriter, name string, data any) error {
	return s.renderStatus(w, http.StatusOK, name, data)
}

// renderStatus renders a page with a status code other than 200.
func (s *Server) renderStatus(w http.ResponseWriter, code int, name string, data any) error {
	var buf bytes.Buffer
	if err := s.pages[name].Execute(&buf, data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, err := w.Write(buf.Bytes())
	return err
}

// writeJSON writes v the way the command line's --json does: indented, HTML left unescaped.
func writeJSON(w http.ResponseWriter, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, err := w.Write(buf.Bytes())
	return err
}

// withDeadline runs fn in its own goroutine and gives up when ctx ends first. fn must only touch
// data it owns, since it may still run after withDeadline returned.
func withDeadline[T any](ctx context.Context, fn func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	if err := ctx.Err(); err != nil {
		var zero T
		return zero, err
	}
	ch := make(chan result, 1)
	go func() {
		v, err := fn()
		ch <- result{v, err}
	}()
	select {
	case res := <-ch:
		return res.v, res.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// once caches the result of an expensive computation over the read-only index.
type once[T any] struct {
	mu   sync.Mutex
	done bool
	v    T
}

func (o *once[T]) get(fn func() (T, error)) (T, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.done {
		return o.v, nil
	}
	v, err := fn()
	if err != nil {
		return v, err
	}
	o.v, o.done = v, true
	return v, nil
}

func (s *Server) funcs() template.FuncMap { return template.FuncMap{} }
