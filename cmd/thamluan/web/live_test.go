package web

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"thamluan/corpus"
	"thamluan/index"
	"thamluan/pipeline"
)

// liveFixture is a Live server over a fresh index, whose StartIndex records what it was asked.
type liveFixture struct {
	live    *Live
	h       http.Handler
	ix      *index.Index
	uploads string
	mu      sync.Mutex
	started []string // folders handed to StartIndex
}

func newLiveFixture(t *testing.T, token string) *liveFixture {
	t.Helper()
	dir := t.TempDir()
	ix, err := index.Create(filepath.Join(dir, "ix"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	f := &liveFixture{ix: ix, uploads: filepath.Join(dir, "ix", "uploads")}
	jobs := NewJobs()
	f.live, err = NewLive(ix, pipeline.DefaultCodebook(), LiveOptions{Jobs: jobs, UploadDir: f.uploads, MaxFileBytes: 1 << 10,
		MaxUploadBytes: 8 << 10, Token: token, StartIndex: func(folder, title string) int {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.started = append(f.started, folder)
			return jobs.Add("upload", title)
		}})
	if err != nil {
		t.Fatal(err)
	}
	f.h = f.live.Handler()
	return f
}

// do serves one request from remote (host:port).
func (f *liveFixture) do(r *http.Request, remote string) *httptest.ResponseRecorder {
	r.RemoteAddr = remote
	if r.Host == "example.com" { // httptest's default: a browser on this machine sends the address
		r.Host = "127.0.0.1:8080"
	}
	w := httptest.NewRecorder()
	f.h.ServeHTTP(w, r)
	return w
}

// form builds a multipart body: fields in order, then files (name → content).
func form(fields [][2]string, files [][2]string) (*bytes.Buffer, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, kv := range fields {
		mw.WriteField(kv[0], kv[1])
	}
	for _, kv := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="files"; filename="%s"`, kv[0]))
		w, _ := mw.CreatePart(h)
		w.Write([]byte(kv[1]))
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func TestUploadAccess(t *testing.T) {
	const lan = "192.0.2.7:40000"
	for _, tt := range []struct {
		name, token, remote, url string
		cookie                   bool
		want                     int
	}{
		{"loopback", "", "127.0.0.1:5000", "/upload", false, http.StatusOK},
		{"loopback v6", "", "[::1]:5000", "/api/jobs", false, http.StatusOK},
		{"other machine, no --token", "", lan, "/upload", false, http.StatusForbidden},
		{"other machine, no --token, jobs", "", lan, "/api/jobs", false, http.StatusForbidden},
		{"other machine, token not given", "bí-mật", lan, "/upload", false, http.StatusForbidden},
		{"other machine, wrong token", "bí-mật", lan, "/upload?token=sai", false, http.StatusForbidden},
		{"other machine, token in the URL", "bí-mật", lan, "/upload?token=b%C3%AD-m%E1%BA%ADt", false, http.StatusOK},
		{"other machine, token in the cookie", "bí-mật", lan, "/api/jobs", true, http.StatusOK},
		{"other machine, read-only pages stay open", "", lan, "/api/search?q=chi+bo", false, http.StatusOK},
		{"loopback through another site's name", "", "127.0.0.1:5000", "http://trang-la.example/upload", false, http.StatusForbidden},
		{"loopback as localhost", "", "127.0.0.1:5000", "http://localhost:8080/upload", false, http.StatusOK},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newLiveFixture(t, tt.token)
			r := httptest.NewRequest(http.MethodGet, tt.url, nil)
			if tt.cookie {
				r.AddCookie(&http.Cookie{Name: tokenCookie, Value: cookieValue(tt.token)})
			}
			w := f.do(r, tt.remote)
			if w.Code != tt.want {
				t.Errorf("status %d, want %d: %.200s", w.Code, tt.want, w.Body)
			}
			if strings.Contains(tt.url, "token=b") && !strings.Contains(w.Header().Get("Set-Cookie"), tokenCookie) {
				t.Error("the token given in the URL is not kept in a cookie")
			}
		})
	}
}

func TestUploadRefusals(t *testing.T) {
	f := newLiveFixture(t, "")
	tok := f.live.csrf
	ok := [][2]string{{"csrf", tok}, {"workshop", "new"}, {"title", "Hội thảo thử"}}
	for _, tt := range []struct {
		name   string
		fields [][2]string
		files  [][2]string
		header string // X-CSRF-Token
		want   int
	}{
		{"no token", ok[1:], [][2]string{{"a.txt", "Văn bản."}}, "", http.StatusForbidden},
		{"token after the files", nil, [][2]string{{"a.txt", "Văn bản."}}, "", http.StatusForbidden},
		{"token in the header", ok[1:], [][2]string{{"a.txt", "Văn bản."}}, tok, http.StatusOK},
		{"path", ok, [][2]string{{"../../x.txt", "Văn bản."}}, "", http.StatusBadRequest},
		{"windows path", ok, [][2]string{{`..\x.txt`, "Văn bản."}}, "", http.StatusBadRequest},
		{"hidden", ok, [][2]string{{".htaccess.txt", "Văn bản."}}, "", http.StatusBadRequest},
		{"type", ok, [][2]string{{"a.exe", "MZ"}}, "", http.StatusUnsupportedMediaType},
		{"file too large", ok, [][2]string{{"a.txt", strings.Repeat("chữ ", 400)}}, "", http.StatusRequestEntityTooLarge},
		{"request too large", ok, [][2]string{{"a.txt", "x"}, {"b.txt", strings.Repeat("y", 9000)}}, "", http.StatusRequestEntityTooLarge},
		{"no files", ok, nil, "", http.StatusBadRequest},
		{"no workshop title", ok[:2], [][2]string{{"a.txt", "Văn bản."}}, "", http.StatusBadRequest},
		{"bad date", append(ok, [2]string{"date", "hôm qua"}), [][2]string{{"a.txt", "Văn bản."}}, "", http.StatusBadRequest},
		{"unknown workshop", [][2]string{{"csrf", tok}, {"workshop", "khong-co"}}, [][2]string{{"a.txt", "Văn bản."}}, "", http.StatusBadRequest},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fields := tt.fields
			if tt.name == "token after the files" {
				fields = nil
			}
			body, ct := form(fields, tt.files)
			if tt.name == "token after the files" {
				body, ct = formAfter(tt.files, ok)
			}
			r := httptest.NewRequest(http.MethodPost, "/upload", body)
			r.Header.Set("Content-Type", ct)
			r.Header.Set("Accept", "application/json")
			if tt.header != "" {
				r.Header.Set("X-CSRF-Token", tt.header)
			}
			w := f.do(r, "127.0.0.1:5000")
			if w.Code != tt.want {
				t.Errorf("status %d, want %d: %s", w.Code, tt.want, w.Body)
			}
			if w.Code != http.StatusOK {
				entries, _ := os.ReadDir(f.uploads)
				for _, e := range entries {
					if strings.HasPrefix(e.Name(), ".") {
						t.Errorf("a refused upload left %s", e.Name())
					}
				}
			}
		})
	}
	if len(f.started) != 1 {
		t.Errorf("StartIndex called for %v; want the one accepted upload", f.started)
	}
}

// formAfter builds a body with the files before the fields.
func formAfter(files, fields [][2]string) (*bytes.Buffer, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, kv := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="files"; filename="%s"`, kv[0]))
		w, _ := mw.CreatePart(h)
		w.Write([]byte(kv[1]))
	}
	for _, kv := range fields {
		mw.WriteField(kv[0], kv[1])
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// TestUploadIntoWorkshop: a new workshop gets a folder and its workshop.toml; a second upload
// to it by name adds to the same folder, and a name used twice in one upload is kept apart.
func TestUploadIntoWorkshop(t *testing.T) {
	f := newLiveFixture(t, "")
	send := func(fields [][2]string, files [][2]string) {
		t.Helper()
		body, ct := form(append([][2]string{{"csrf", f.live.csrf}}, fields...), files)
		r := httptest.NewRequest(http.MethodPost, "/upload", body)
		r.Header.Set("Content-Type", ct)
		if w := f.do(r, "127.0.0.1:5000"); w.Code != http.StatusSeeOther {
			t.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
	send([][2]string{{"workshop", "new"}, {"title", "Hội thảo Đảng bộ xã Đông Hòa"}, {"date", "2024-06"}, {"place", "Phú Yên"}},
		[][2]string{{"a.txt", "Một."}, {"a.txt", "Hai."}})
	folder := filepath.Join(f.uploads, "2024-06-hoi-thao-dang-bo-xa-dong-hoa")
	data, err := os.ReadFile(filepath.Join(folder, corpus.WorkshopFile))
	if err != nil {
		t.Fatal(err)
	}
	w, err := corpus.ParseWorkshop("workshop.toml", data)
	if err != nil || w.Title != "Hội thảo Đảng bộ xã Đông Hòa" || w.Date != "2024-06" || w.Place != "Phú Yên" || w.Year != 2024 {
		t.Errorf("workshop.toml: %+v, %v", w, err)
	}
	send([][2]string{{"workshop", filepath.Base(folder)}}, [][2]string{{"b.txt", "Ba."}})
	for name, want := range map[string]string{"a.txt": "Một.", "a-2.txt": "Hai.", "b.txt": "Ba."} {
		if got, err := os.ReadFile(filepath.Join(folder, name)); err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
	if len(f.started) != 2 || f.started[0] != folder || f.started[1] != folder {
		t.Errorf("StartIndex called for %v", f.started)
	}
	r := httptest.NewRequest(http.MethodGet, "/upload", nil)
	if page := f.do(r, "127.0.0.1:5000").Body.String(); !strings.Contains(page, "Hội thảo Đảng bộ xã Đông Hòa · 2024-06 · Phú Yên") {
		t.Errorf("the upload page does not offer the workshop:\n%.2000s", page)
	}
}

// TestLiveRefresh: a document committed after the server started is listed by the document
// page once Refresh has run.
func TestLiveRefresh(t *testing.T) {
	f := newLiveFixture(t, "")
	doc := &corpus.Document{Path: "moi.txt", Title: "Tài liệu mới", Format: "txt", Hash: "02",
		Sections: []corpus.Section{{Ordinal: 1, Text: "Chi bộ bàn cách giữ vệ sinh môi trường thôn xóm."}}}
	if err := f.ix.Add(doc, time.Now()); err != nil {
		t.Fatal(err)
	}
	get := func() int {
		return f.do(httptest.NewRequest(http.MethodGet, "/api/doc?path=moi.txt", nil), "127.0.0.1:1").Code
	}
	if code := get(); code != http.StatusNotFound {
		t.Errorf("before Refresh: /api/doc of the new document: %d; want 404 (the list is read at start)", code)
	}
	if err := f.live.Refresh(); err != nil {
		t.Fatal(err)
	}
	if code := get(); code != http.StatusOK {
		t.Errorf("after Refresh: /api/doc of the new document: %d", code)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Hội thảo Chuyển đổi số 2024": "hoi-thao-chuyen-doi-so-2024",
		"Đảng bộ — Đồng Tháp!":        "dang-bo-dong-thap",
		"   ":                         "hoi-thao",
		"../../etc":                   "etc",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzCheckFileName: a name the upload accepts is a plain file name of an accepted type, which
// stays inside the folder it is written to.
func FuzzCheckFileName(f *testing.F) {
	for _, s := range []string{"a.txt", "../../x.txt", `..\x.pdf`, "tham luận.docx", ".an.txt", "a/b.txt", "a\x00.txt", "C:x.txt", "..", "ổ.md"} {
		f.Add(s)
	}
	dir := filepath.Join(os.TempDir(), "thu-muc")
	f.Fuzz(func(t *testing.T, name string) {
		if checkFileName(name) != nil {
			return
		}
		p := filepath.Join(dir, name)
		if filepath.Dir(p) != dir || filepath.Base(p) != name {
			t.Errorf("accepted %q lands at %s", name, p)
		}
		ok := false
		for _, ext := range UploadTypes {
			ok = ok || strings.EqualFold(filepath.Ext(name), ext)
		}
		if !ok || strings.HasPrefix(name, ".") {
			t.Errorf("accepted %q", name)
		}
	})
}
