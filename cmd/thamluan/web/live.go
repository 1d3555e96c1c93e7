package web

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"thamluan/index"
	"thamluan/pipeline"
)

// LiveOptions configure a Live server: the read-only pages' limits, and the pages that add
// documents and follow the server's jobs.
type LiveOptions struct {
	Options
	Jobs           *Jobs
	UploadDir      string // absolute folder, owned by the server, where uploads go; "" turns uploads off
	MaxFileBytes   int64  // largest uploaded file; default 50 MB
	MaxUploadBytes int64  // largest upload request; default 200 MB
	// Token lets clients other than this machine (loopback) use the upload and jobs pages: sent
	// once as ?token=, then kept in a cookie. Empty: those pages answer loopback only.
	Token string
	// StartIndex starts indexing folder (a workshop folder under UploadDir) as a job and
	// returns its id at once.
	StartIndex func(folder, title string) int
}

func (o *LiveOptions) setDefaults() {
	o.SetDefaults()
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = 50 << 20
	}
	if o.MaxUploadBytes <= 0 {
		o.MaxUploadBytes = 200 << 20
	}
	if o.Jobs == nil {
		o.Jobs = NewJobs()
	}
}

// Live is the web interface of an index that changes while it is served: Refresh, called after
// a batch is committed, swaps in pages over the new documents; the upload and jobs pages add
// documents and follow their indexing.
type Live struct {
	ix     *index.Index
	cb     *pipeline.Codebook
	opt    LiveOptions
	csrf   string
	cur    atomic.Pointer[current]
	mu     sync.Mutex // one Refresh at a time
	upload *template.Template
}

type current struct {
	s *Server
	h http.Handler
}

// NewLive returns a live interface over ix, an index this process is writing to (or a view of
// it).
func NewLive(ix *index.Index, cb *pipeline.Codebook, opt LiveOptions) (*Live, error) {
	opt.setDefaults()
	l := &Live{ix: ix, cb: cb, opt: opt}
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	l.csrf = hex.EncodeToString(b[:])
	if err := l.Refresh(); err != nil {
		return nil, err
	}
	t, err := template.New("layout.html").Funcs(l.cur.Load().s.funcs()).Funcs(uploadFuncs).ParseFS(templateFS, "templates/layout.html", "templates/upload.html")
	if err != nil {
		return nil, fmt.Errorf("web: template upload: %w", err)
	}
	l.upload = t
	return l, nil
}

var uploadFuncs = template.FuncMap{
	"base": filepath.Base,
	"jobID": func(v any) int {
		if j, ok := v.(Job); ok {
			return j.ID
		}
		return -1
	},
}

// Refresh rebuilds the pages' view of the index (its document list and cached summaries), so
// documents committed since are listed, summarised and found.
func (l *Live) Refresh() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	s, err := New(l.ix, l.cb, l.opt.Options)
	if err != nil {
		return err
	}
	l.cur.Store(&current{s: s, h: s.Handler()})
	return nil
}

// Handler returns the read-only routes of Server plus the upload page and the jobs API.
func (l *Live) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /upload", l.guard(l.uploadPage))
	mux.Handle("POST /upload", l.guard(l.uploadPost))
	mux.Handle("GET /api/jobs", l.guard(l.apiJobs))
	mux.Handle("GET /api/jobs/{id}", l.guard(l.apiJobs))
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.cur.Load().h.ServeHTTP(w, r)
	}))
	return mux
}

// guard adds the security headers, lets in only loopback clients or holders of the token, and
// maps the handler's error to a status.
func (l *Live) guard(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		setSecurityHeaders(hd)
		hd.Set("Cache-Control", "no-store")
		s := l.cur.Load().s
		if !l.allowed(w, r) {
			s.fail(w, r, &statusError{code: http.StatusForbidden, msg: "trang này chỉ mở được trên chính máy chạy máy chủ; để mở từ máy khác, chạy serve với --addr và --token rồi mở kèm ?token=…"})
			return
		}
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		if err := h(w, r.WithContext(ctx)); err != nil {
			s.fail(w, r, err)
		}
	})
}

const tokenCookie = "thamluan_token"

// allowed reports whether r comes from this machine or carries the access token.
func (l *Live) allowed(w http.ResponseWriter, r *http.Request) bool {
	if IsLoopback(r.RemoteAddr) && directHost(r.Host) {
		return true
	}
	if l.opt.Token == "" {
		return false
	}
	if c, err := r.Cookie(tokenCookie); err == nil && equal(c.Value, cookieValue(l.opt.Token)) {
		return true
	}
	if equal(r.Header.Get("X-Thamluan-Token"), l.opt.Token) {
		return true
	}
	if equal(r.URL.Query().Get("token"), l.opt.Token) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: cookieValue(l.opt.Token), Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
		return true
	}
	return false
}

// directHost reports whether a request's Host names this machine by address or as localhost:
// a page of another site that rebinds its name to 127.0.0.1 sends its own name, and is refused.
func directHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	return net.ParseIP(host) != nil || strings.EqualFold(host, "localhost")
}

// cookieValue is what the cookie keeps of the token: its SHA-256 in hex (any token, in any
// script, fits a cookie that way).
func cookieValue(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// IsLoopback reports whether a request's remote address (host:port) is on this machine.
func IsLoopback(remote string) bool {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// equal compares a secret in constant time; an empty value never matches.
func equal(got, want string) bool {
	return got != "" && want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
