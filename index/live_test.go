package index

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"thamluan/corpus"
)

// TestShareAndView: while a writer shares itself, Open in the same process returns a read-only
// view that sees each batch as soon as it is flushed, and whose Close leaves the writer open;
// once unshared, Open is refused again.
func TestShareAndView(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	w, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := Open(dir); !errors.Is(err, ErrInUse) {
		t.Fatalf("Open before Share: %v; want ErrInUse", err)
	}
	unshare := w.Share()
	r, err := Open(filepath.Join(dir, ".")) // another spelling of the same folder
	if err != nil {
		t.Fatalf("Open while shared: %v", err)
	}
	doc := &corpus.Document{Path: "a.txt", Title: "Tờ trình", Hash: "01", Sections: []corpus.Section{{Ordinal: 1, Text: "Đề nghị mở lớp tin học cho đảng viên cao tuổi."}}}
	if err := w.Add(doc, time.Now()); err != nil {
		t.Fatal(err)
	}
	if rec, err := r.Record("a.txt"); err != nil || rec == nil || rec.Sections != 1 {
		t.Errorf("the view does not see the flushed batch: %+v, %v", rec, err)
	}
	if err := r.Add(doc, time.Now()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("writing through a read view: %v; want ErrReadOnly", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if rec, err := w.Record("a.txt"); err != nil || rec == nil {
		t.Errorf("the writer after the view closed: %+v, %v", rec, err)
	}
	wv := w.View(true)
	if err := wv.Remove("a.txt"); err != nil {
		t.Errorf("writing through a writable view: %v", err)
	}
	wv.Close()
	unshare()
	if _, err := Open(dir); !errors.Is(err, ErrInUse) {
		t.Errorf("Open after unshare: %v; want ErrInUse", err)
	}
}

// TestServerFile: the record beside the lock is read back only while the process that wrote it
// holds the writer lock, and is private to the user.
func TestServerFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "ix")
	w, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	info := ServerInfo{PID: os.Getpid(), Addr: "127.0.0.1:1234", Token: "bí-mật", Kind: "serve"}
	if err := WriteServer(dir, info); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(dir, ServerFile)); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("server file mode: %v, %v; want 0600", st.Mode(), err)
	}
	if got, ok := ReadServer(dir); !ok || got != info {
		t.Errorf("ReadServer = %+v, %v; want %+v", got, ok, info)
	}
	if err := WriteServer(dir, ServerInfo{PID: 1 << 30, Addr: "127.0.0.1:1", Token: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, ok := ReadServer(dir); ok {
		t.Error("a record naming another process than the lock holder was believed")
	}
	WriteServer(dir, info)
	w.Close() // the lock's process id is cleared: a record left behind is stale
	if _, ok := ReadServer(dir); ok {
		t.Error("a record left after the writer closed was believed")
	}
	RemoveServer(dir)
	if _, err := os.Stat(filepath.Join(dir, ServerFile)); !os.IsNotExist(err) {
		t.Errorf("RemoveServer left the file: %v", err)
	}
}
