package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"thamluan/cmd/thamluan/web"
)

// uploadPart is one part of a multipart upload: a field when file is false.
type uploadPart struct {
	name, filename string
	data           []byte
	file           bool
}

// postUpload sends parts to /upload as a browser's multipart form does and returns the status
// and body.
func postUpload(t testing.TB, base string, parts []uploadPart) (int, []byte) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, p := range parts {
		h := textproto.MIMEHeader{}
		if p.file {
			// The file name is written as sent, unescaped, the way a hostile client could.
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, p.name, p.filename))
			h.Set("Content-Type", "application/octet-stream")
		} else {
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"`, p.name))
		}
		w, err := mw.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(p.data)
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, base+"/upload", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Accept", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data
}

// csrfOf fetches the upload page and returns its CSRF token.
func csrfOf(t testing.TB, base string) string {
	t.Helper()
	resp, err := http.Get(base + "/upload")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	_, rest, ok := strings.Cut(string(page), `name="csrf" value="`)
	tok, _, _ := strings.Cut(rest, `"`)
	if !ok || tok == "" {
		t.Fatalf("no CSRF token on the upload page (status %d)", resp.StatusCode)
	}
	return tok
}

// treeOf lists the files under dir with their sizes, leaving out the index's own store.
func treeOf(t testing.TB, dir string) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == "store" {
			return filepath.SkipDir
		}
		if info, err := d.Info(); err == nil && !d.IsDir() {
			out[p] = info.Size()
		}
		return nil
	})
	return out
}

// TestUploadPage uploads 20 files as a browser does, one of them a broken PDF: 19 are indexed
// under the new workshop, and the failure is named in the page and in /api/jobs. An oversized
// file, a path as a file name and a request without the CSRF token are refused with 4xx, and
// nothing is written.
func TestUploadPage(t *testing.T) {
	bin := liveBinary(t)
	dir := t.TempDir()
	writeTestDocs(t, filepath.Join(dir, "docs"), 2)
	if out, err := runIn(dir, bin, "index", "--quiet", "--index", "ix", "docs"); err != nil {
		t.Fatalf("first run: %v\n%s", err, out)
	}
	s := startServe(t, bin, dir, "ix", "--upload-file-mb", "1")
	tok := csrfOf(t, s.base)
	parts := []uploadPart{{name: "csrf", data: []byte(tok)}, {name: "workshop", data: []byte("new")},
		{name: "title", data: []byte("Hội thảo nông thôn mới kiểu mẫu")}, {name: "date", data: []byte("2025-10-02")},
		{name: "place", data: []byte("Quảng Trị")}}
	for i := 0; i < 19; i++ {
		text := fmt.Sprintf("THAM LUẬN SỐ %d\n\nI. KẾT QUẢ\n\nXã đã hoàn thành tiêu chí giao thông nông thôn số %d, đường bê tông đến tận ngõ xóm.\n", i, i)
		parts = append(parts, uploadPart{name: "files", filename: fmt.Sprintf("tham-luan-%02d.txt", i), data: []byte(text), file: true})
	}
	parts = append(parts, uploadPart{name: "files", filename: "hong.pdf", data: []byte("%PDF-1.4\nđây không phải một tệp PDF thật"), file: true})
	code, body := postUpload(t, s.base, parts)
	if code != http.StatusOK {
		t.Fatalf("upload: status %d: %s", code, body)
	}
	var up struct {
		Job   int      `json:"job"`
		Files []string `json:"files"`
	}
	if err := json.Unmarshal(body, &up); err != nil || len(up.Files) != 20 {
		t.Fatalf("upload answer %s (%v)", body, err)
	}
	j := s.waitJob(t, up.Job)
	if j.Indexed != 19 || len(j.Failed) != 1 || j.Failed[0].Name != "hong.pdf" || j.State != web.JobPartial {
		t.Errorf("upload job: %+v; want 19 indexed and hong.pdf failed", j)
	}
	resp, err := http.Get(fmt.Sprintf("%s/upload?job=%d", s.base, up.Job))
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), "<strong>hong.pdf</strong>") {
		t.Errorf("the upload page does not name the failed file")
	}
	found := time.Now()
	for s.searchTotal(t, `"giao thông nông thôn"`) < 19 && time.Since(found) < 5*time.Second {
		time.Sleep(50 * time.Millisecond)
	}
	if n := s.searchTotal(t, `"giao thông nông thôn"`); n != 19 {
		t.Errorf("search finds %d of the 19 uploaded documents", n)
	}
	if n := s.searchTotal(t, `workshop:"Hội thảo nông thôn mới kiểu mẫu"`); n == 0 {
		t.Errorf("the uploaded documents are not under their workshop")
	}
	meta, err := os.ReadFile(filepath.Join(dir, "ix", "uploads", "2025-10-02-hoi-thao-nong-thon-moi-kieu-mau", "workshop.toml"))
	if err != nil || !strings.Contains(string(meta), `place = "Quảng Trị"`) {
		t.Errorf("workshop.toml: %v\n%s", err, meta)
	}

	before := treeOf(t, filepath.Dir(dir))
	big := bytes.Repeat([]byte("Văn bản quá lớn. "), 80000) // 1.5 MB, over the 1 MB limit
	for _, tt := range []struct {
		name  string
		parts []uploadPart
		want  int
	}{
		{"oversize", []uploadPart{{name: "csrf", data: []byte(tok)}, {name: "workshop", data: []byte("new")}, {name: "title", data: []byte("Quá lớn")},
			{name: "files", filename: "lon.txt", data: big, file: true}}, http.StatusRequestEntityTooLarge},
		{"path in the file name", []uploadPart{{name: "csrf", data: []byte(tok)}, {name: "workshop", data: []byte("new")}, {name: "title", data: []byte("Đường dẫn")},
			{name: "files", filename: "../../x.txt", data: []byte("Nội dung lạc chỗ."), file: true}}, http.StatusBadRequest},
		{"no token", []uploadPart{{name: "workshop", data: []byte("new")}, {name: "title", data: []byte("Không mã")},
			{name: "files", filename: "khong-ma.txt", data: []byte("Nội dung không có mã bảo vệ."), file: true}}, http.StatusForbidden},
		{"wrong token", []uploadPart{{name: "csrf", data: []byte("sai")}, {name: "workshop", data: []byte("new")}, {name: "title", data: []byte("Sai mã")},
			{name: "files", filename: "sai-ma.txt", data: []byte("Nội dung có mã sai."), file: true}}, http.StatusForbidden},
		{"type", []uploadPart{{name: "csrf", data: []byte(tok)}, {name: "workshop", data: []byte("new")}, {name: "title", data: []byte("Loại tệp")},
			{name: "files", filename: "chay.exe", data: []byte("MZ"), file: true}}, http.StatusUnsupportedMediaType},
	} {
		code, body := postUpload(t, s.base, tt.parts)
		if code != tt.want {
			t.Errorf("%s: status %d, want %d: %s", tt.name, code, tt.want, body)
		}
	}
	after := treeOf(t, filepath.Dir(dir))
	ixDir, uploads := filepath.Join(dir, "ix")+string(filepath.Separator), filepath.Join(dir, "ix", "uploads")+string(filepath.Separator)
	for p := range after {
		if _, ok := before[p]; ok {
			continue
		}
		if strings.HasPrefix(p, uploads) || !strings.HasPrefix(p, ixDir) {
			t.Errorf("a refused upload wrote %s", p)
		}
	}
	if len(s.jobs(t)) != 1 {
		t.Errorf("refused uploads started jobs: %+v", s.jobs(t))
	}
}
