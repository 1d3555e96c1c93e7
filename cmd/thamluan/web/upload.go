package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"

	"thamluan/corpus"
)

// UploadTypes are the file extensions the upload page accepts.
var UploadTypes = []string{".pdf", ".docx", ".html", ".htm", ".txt", ".md"}

// stagingPrefix starts the names of the hidden folders uploads are written to before they are
// accepted.
const stagingPrefix = ".dang-tai-"

// CleanStaging removes what uploads interrupted by a crash left in the upload folder dir.
func CleanStaging(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), stagingPrefix) {
			_ = os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// workshopInfo is a workshop folder under the upload folder.
type workshopInfo struct {
	Folder, Title, Date, Place string
}

func (l *Live) uploadPage(w http.ResponseWriter, r *http.Request) error {
	if l.opt.UploadDir == "" {
		return notFound("máy chủ này không nhận tài liệu tải lên")
	}
	data := map[string]any{"Title": "Thêm tài liệu", "Nav": "upload", "CSRF": l.csrf, "Workshops": l.workshops(),
		"Jobs": l.opt.Jobs.List(), "MaxFileMB": l.opt.MaxFileBytes >> 20, "MaxUploadMB": l.opt.MaxUploadBytes >> 20,
		"Types": strings.Join(UploadTypes, ","), "TypesText": strings.ToUpper(strings.ReplaceAll(strings.Join(UploadTypes, ", "), ".", ""))}
	if id, err := strconv.Atoi(r.URL.Query().Get("job")); err == nil {
		if j, ok := l.opt.Jobs.Get(id); ok {
			data["Job"] = j
		}
	}
	var buf bytes.Buffer
	if err := l.upload.Execute(&buf, data); err != nil {
		return fmt.Errorf("render upload: %w", err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, err := w.Write(buf.Bytes())
	return err
}

// uploadForm is what an upload request says besides its files.
type uploadForm struct {
	csrfOK                       bool
	workshop, title, date, place string
	staged                       []string // file names, in the staging folder
}

func tooLarge(format string, args ...any) error {
	return &statusError{code: http.StatusRequestEntityTooLarge, msg: fmt.Sprintf(format, args...)}
}

func forbidden(msg string) error { return &statusError{code: http.StatusForbidden, msg: msg} }

// uploadPost takes a multipart upload (as a browser sends it): the CSRF token first, the
// workshop fields, then the files. Files are written, as they stream in, into a hidden staging
// folder inside the upload folder, and moved into the workshop's folder only when the whole
// request was read and checked; a refused request leaves nothing behind.
func (l *Live) uploadPost(w http.ResponseWriter, r *http.Request) error {
	if l.opt.UploadDir == "" {
		return notFound("máy chủ này không nhận tài liệu tải lên")
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" {
		return forbidden("yêu cầu đến từ một trang khác")
	}
	if r.ContentLength > l.opt.MaxUploadBytes {
		return tooLarge("lần tải lên %s, vượt giới hạn %s", mb(r.ContentLength), mb(l.opt.MaxUploadBytes))
	}
	r.Body = http.MaxBytesReader(w, r.Body, l.opt.MaxUploadBytes)
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(30 * time.Minute))
	mr, err := r.MultipartReader()
	if err != nil {
		return badRequest("cần gửi biểu mẫu multipart/form-data")
	}
	if err := os.MkdirAll(l.opt.UploadDir, 0o755); err != nil {
		return fmt.Errorf("upload folder %s: %w", l.opt.UploadDir, err)
	}
	staging, err := os.MkdirTemp(l.opt.UploadDir, stagingPrefix)
	if err != nil {
		return fmt.Errorf("upload folder %s: %w", l.opt.UploadDir, err)
	}
	defer os.RemoveAll(staging)
	f := uploadForm{csrfOK: equal(r.Header.Get("X-CSRF-Token"), l.csrf)}
	if err := l.readParts(mr, staging, &f); err != nil {
		return err
	}
	if !f.csrfOK {
		return forbidden("thiếu hoặc sai mã bảo vệ biểu mẫu (CSRF); hãy tải lại trang rồi gửi lại")
	}
	if len(f.staged) == 0 {
		return badRequest("chưa chọn tệp nào")
	}
	ws, err := l.workshopFolder(&f)
	if err != nil {
		return err
	}
	for _, name := range f.staged {
		if err := os.Rename(filepath.Join(staging, name), filepath.Join(ws.Folder, name)); err != nil {
			return fmt.Errorf("upload %s: %w", name, err)
		}
	}
	id := l.opt.StartIndex(ws.Folder, ws.Title)
	if strings.Contains(r.Header.Get("Accept"), "application/json") {
		return writeJSON(w, map[string]any{"job": id, "files": f.staged, "workshop": ws.Title})
	}
	http.Redirect(w, r, "/upload?job="+strconv.Itoa(id), http.StatusSeeOther)
	return nil
}

// readParts reads the request's parts into f, writing files into staging.
func (l *Live) readParts(mr *multipart.Reader, staging string, f *uploadForm) error {
	seen := map[string]bool{}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return bodyError(err, l.opt.MaxUploadBytes)
		}
		name, isFile := rawFileName(part)
		if !isFile {
			if err := f.field(part, l.csrf); err != nil {
				return err
			}
			continue
		}
		if !f.csrfOK {
			return forbidden("thiếu hoặc sai mã bảo vệ biểu mẫu (CSRF); hãy tải lại trang rồi gửi lại")
		}
		if name == "" {
			continue // an empty file input
		}
		if err := checkFileName(name); err != nil {
			return err
		}
		name = uniqueName(name, seen)
		if err := l.stage(part, filepath.Join(staging, name)); err != nil {
			return err
		}
		f.staged = append(f.staged, name)
	}
}

// field reads one form field (at most 4 KB) into f.
func (f *uploadForm) field(part *multipart.Part, csrf string) error {
	data, err := io.ReadAll(io.LimitReader(part, 4<<10))
	if err != nil {
		return badRequest("không đọc được trường %s", part.FormName())
	}
	v := strings.TrimSpace(string(data))
	if !utf8.ValidString(v) {
		return badRequest("trường %s không phải UTF-8 hợp lệ", part.FormName())
	}
	switch part.FormName() {
	case "csrf":
		f.csrfOK = f.csrfOK || equal(v, csrf)
	case "workshop":
		f.workshop = v
	case "title":
		f.title = v
	case "date":
		f.date = v
	case "place":
		f.place = v
	}
	return nil
}

// stage writes one uploaded file, refusing it once it passes the size limit.
func (l *Live) stage(part *multipart.Part, path string) error {
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("upload %s: %w", filepath.Base(path), err)
	}
	n, err := io.Copy(out, io.LimitReader(part, l.opt.MaxFileBytes+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return bodyError(err, l.opt.MaxUploadBytes)
	}
	if n > l.opt.MaxFileBytes {
		return tooLarge("tệp %s lớn hơn giới hạn %s", filepath.Base(path), mb(l.opt.MaxFileBytes))
	}
	return nil
}

// mb writes a size limit in megabytes, Vietnamese style.
func mb(n int64) string {
	return strings.Replace(strconv.FormatFloat(float64(n)/(1<<20), 'f', -1, 64), ".", ",", 1) + " MB"
}

// bodyError maps a failure to read the request body to a status.
func bodyError(err error, limit int64) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return tooLarge("lần tải lên vượt giới hạn %s", mb(limit))
	}
	return badRequest("không đọc được nội dung tải lên: %v", err)
}

// rawFileName returns a part's file name exactly as the client sent it (multipart.Part's
// FileName keeps only the last element, which would hide a path); isFile is false for a field.
func rawFileName(part *multipart.Part) (string, bool) {
	_, params, err := mime.ParseMediaType(part.Header.Get("Content-Disposition"))
	if err != nil {
		return "", false
	}
	name, ok := params["filename"]
	return name, ok
}

// checkFileName refuses names that are paths, hidden, or of a type the archive does not read.
func checkFileName(name string) error {
	if !utf8.ValidString(name) || len(name) > 200 || strings.ContainsAny(name, "/\\:\x00") ||
		name == "." || name == ".." || strings.HasPrefix(name, ".") || strings.ContainsFunc(name, unicode.IsControl) {
		return badRequest("tên tệp %q không hợp lệ: chỉ nhận tên tệp, không nhận đường dẫn", name)
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, t := range UploadTypes {
		if ext == t {
			return nil
		}
	}
	return &statusError{code: http.StatusUnsupportedMediaType, msg: fmt.Sprintf("tệp %s: chỉ nhận các loại %s", name, strings.Join(UploadTypes, ", "))}
}

// uniqueName returns name, or name with a number before its extension when an earlier file of
// the same request had it (files dropped from several folders).
func uniqueName(name string, seen map[string]bool) string {
	out := name
	for i := 2; seen[strings.ToLower(out)]; i++ {
		ext := filepath.Ext(name)
		out = fmt.Sprintf("%s-%d%s", strings.TrimSuffix(name, ext), i, ext)
	}
	seen[strings.ToLower(out)] = true
	return out
}

var dateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// workshopFolder returns the folder of the chosen workshop, creating it with its workshop.toml
// for a new one.
func (l *Live) workshopFolder(f *uploadForm) (workshopInfo, error) {
	if f.workshop != "" && f.workshop != "new" {
		for _, w := range l.workshops() {
			if filepath.Base(w.Folder) == f.workshop {
				return w, nil
			}
		}
		return workshopInfo{}, badRequest("không có hội thảo %q", f.workshop)
	}
	if f.title == "" {
		return workshopInfo{}, badRequest("hãy chọn một hội thảo, hoặc nhập tên hội thảo mới")
	}
	if f.date != "" && !dateRE.MatchString(f.date) {
		return workshopInfo{}, badRequest("ngày %q: cần dạng NNNN, NNNN-TT hoặc NNNN-TT-NN", f.date)
	}
	slug := Slug(f.title)
	if f.date != "" {
		slug = f.date + "-" + slug
	}
	ws := workshopInfo{Folder: filepath.Join(l.opt.UploadDir, slug), Title: f.title, Date: f.date, Place: f.place}
	if err := os.MkdirAll(ws.Folder, 0o755); err != nil {
		return ws, fmt.Errorf("upload: %w", err)
	}
	var buf bytes.Buffer
	meta := struct {
		Title string `toml:"title"`
		Date  string `toml:"date,omitempty"`
		Place string `toml:"place,omitempty"`
	}{f.title, f.date, f.place}
	if err := toml.NewEncoder(&buf).Encode(meta); err != nil {
		return ws, fmt.Errorf("upload: workshop.toml: %w", err)
	}
	tmp := filepath.Join(ws.Folder, ".workshop.toml.tmp")
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return ws, fmt.Errorf("upload: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(ws.Folder, corpus.WorkshopFile)); err != nil {
		return ws, fmt.Errorf("upload: %w", err)
	}
	return ws, nil
}

// workshops lists the workshop folders under the upload folder, by folder name.
func (l *Live) workshops() []workshopInfo {
	entries, err := os.ReadDir(l.opt.UploadDir)
	if err != nil {
		return nil
	}
	var out []workshopInfo
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		dir := filepath.Join(l.opt.UploadDir, e.Name())
		w := workshopInfo{Folder: dir, Title: e.Name()}
		if data, err := os.ReadFile(filepath.Join(dir, corpus.WorkshopFile)); err == nil {
			if m, err := corpus.ParseWorkshop(e.Name(), data); err == nil && m.Title != "" {
				w.Title, w.Date, w.Place = m.Title, m.Date, m.Place
			}
		}
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Folder > out[j].Folder })
	return out
}

// Slug turns a workshop title into a folder name: lower case ASCII letters and digits joined
// by hyphens, diacritics removed and đ written d.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(title)) {
		switch {
		case r == 'đ':
			r = 'd'
		case unicode.Is(unicode.Mn, r):
			continue
		}
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "hoi-thao"
	}
	return s
}
