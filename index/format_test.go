package index

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"thamluan/corpus"
)

// TestFormatRefused checks that an index of another format (none recorded, or another number)
// is refused by every way of opening it, with a Vietnamese message giving the command to
// rebuild it, and is left as it was.
func TestFormatRefused(t *testing.T) {
	for _, tt := range []struct {
		name, content string
	}{{"unrecorded", ""}, {"version 1", `{"format":1}`}} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "index")
			ix, err := Create(dir)
			if err != nil {
				t.Fatal(err)
			}
			if err := ix.Close(); err != nil {
				t.Fatal(err)
			}
			f := filepath.Join(dir, formatFile)
			if tt.content == "" {
				err = os.Remove(f)
			} else {
				err = os.WriteFile(f, []byte(tt.content), 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			for name, open := range map[string]func(string) (*Index, error){"Open": Open, "OpenWriter": OpenWriter, "OpenOrCreate": OpenOrCreate} {
				ix, err := open(dir)
				if err == nil {
					ix.Close()
					t.Fatalf("%s opened an index of another format", name)
				}
				if !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "thamluan index --index "+dir) || !strings.Contains(err.Error(), "lập lại chỉ mục") {
					t.Errorf("%s: error %q, want ErrFormat with the command to rebuild", name, err)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
				t.Errorf("the refused index was changed: %v", err)
			}
		})
	}
}

// TestCloseLeavesNoStaleSegments checks that a writer that adds many small batches leaves, once
// closed, a compacted index and only the segment files that index uses.
func TestCloseLeavesNoStaleSegments(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := range closeCompactSegments + 8 {
		doc := &corpus.Document{Path: filepath.Join("tin", string(rune('a'+i%26))+strings.Repeat("x", i)+".txt"), Format: corpus.FormatText,
			Sections: []corpus.Section{{Ordinal: 1, Text: "Chi bộ họp bàn chuyển đổi số lần " + strings.Repeat("I", i+1)}}}
		if err := ix.Add(doc, time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	zaps, _ := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, err := ix.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != closeCompactSegments+8 {
		t.Errorf("%d documents, want %d", st.Documents, closeCompactSegments+8)
	}
	if len(zaps) > closeCompactSegments || len(zaps) == 0 {
		t.Errorf("%d segment files after Close, want the few of a compacted index", len(zaps))
	}
	live := segments(ix.scorch())
	if uint64(len(zaps)) != live {
		t.Errorf("%d segment files on disk, %d in the index: stale files left", len(zaps), live)
	}
}
