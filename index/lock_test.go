package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"thamluan/corpus"
)

func TestLocking(t *testing.T) {
	old := lockWait
	lockWait = 200 * time.Millisecond
	t.Cleanup(func() { lockWait = old })
	dir := filepath.Join(t.TempDir(), "index")
	w, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	pidMsg := fmt.Sprintf("đang được dùng bởi tiến trình %d", os.Getpid())
	tests := []struct {
		name string
		open func(string) (*Index, error)
	}{
		{"second writer", OpenWriter},
		{"open or create", OpenOrCreate},
		{"reader", Open},
	}
	for _, tt := range tests {
		t.Run(tt.name+" while a writer holds it", func(t *testing.T) {
			ix, err := tt.open(dir)
			if err == nil {
				ix.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), pidMsg) {
				t.Errorf("err = %v; want ErrInUse naming process %d", err, os.Getpid())
			}
		})
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, LockFile)); len(data) != 0 {
		t.Errorf("lock file after Close holds %q; want it emptied", data)
	}
	// Readers share the index; a writer waits for them, then says why it cannot go on.
	r1, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := Open(dir)
	if err != nil {
		t.Fatalf("second reader: %v", err)
	}
	if _, err := r1.Stats(); err != nil {
		t.Errorf("reader stats: %v", err)
	}
	if err := r1.Add(&corpus.Document{Path: "x.txt", Format: corpus.FormatText}, time.Now()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("add on a reader: err = %v; want ErrReadOnly", err)
	}
	_, err = OpenWriter(dir)
	if !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "đang đọc") {
		t.Errorf("writer while readers: err = %v; want ErrInUse by a reader", err)
	}
	r1.Close()
	r2.Close()
	w, err = OpenWriter(dir)
	if err != nil {
		t.Fatalf("writer after readers closed: %v", err)
	}
	w.Close()
}

// TestStaleLockFile shows that a lock file left by a killed writer (its PID still written, but
// no lock held) does not stop the next run.
func TestStaleLockFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if err := os.WriteFile(filepath.Join(dir, LockFile), []byte("999999999\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix, err = OpenWriter(dir)
	if err != nil {
		t.Fatalf("stale lock file: %v", err)
	}
	ix.Close()
}
