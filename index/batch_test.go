package index

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestScanPages reads records and sections across many small pages: SearchAfter must neither
// skip nor repeat a hit, and numeric ordinals must sort as numbers (9 before 10).
func TestScanPages(t *testing.T) {
	old := scanPage
	scanPage = 7
	t.Cleanup(func() { scanPage = old })
	ix, err := Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	b := ix.NewBatch()
	for i := range 12 {
		if err := b.Add(osDoc(fmt.Sprintf("p/%02d.txt", i), 11), time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	var paths []string
	if err := ix.EachRecord(func(r *DocRecord) error { paths = append(paths, r.Path); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(paths) != 12 || paths[0] != "p/00.txt" || paths[11] != "p/11.txt" {
		t.Errorf("records %q", paths)
	}
	var got []string
	err = ix.Sections(nil, func(s *SectionRecord) error { got = append(got, SectionID(s.Path, s.Ordinal)); return nil })
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i := range 12 {
		for o := 1; o <= 11; o++ {
			want = append(want, SectionID(fmt.Sprintf("p/%02d.txt", i), o))
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("sections\n got %q\nwant %q", got, want)
	}
	if st, _ := ix.Stats(); st.Documents != 12 || st.Sections != 132 || st.Workshops["Hội thảo năm 2022"] != 12 {
		t.Errorf("stats %+v", st)
	}
}

// TestBatchReplaceAndTouch shrinks a document inside one batch and refreshes another's identity
// without re-indexing it.
func TestBatchReplaceAndTouch(t *testing.T) {
	ix, err := Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	t0 := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	if err := ix.Add(osDoc("a.txt", 5), t0); err != nil {
		t.Fatal(err)
	}
	if err := ix.Add(osDoc("b.txt", 2), t0); err != nil {
		t.Fatal(err)
	}
	oldA, _ := ix.Record("a.txt")
	oldB, _ := ix.Record("b.txt")
	b := ix.NewBatch()
	if err := b.Replace(osDoc("a.txt", 2), t0.Add(time.Hour), oldA); err != nil {
		t.Fatal(err)
	}
	if err := b.Touch(oldB, 999, t0.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	recA, _ := ix.Record("a.txt")
	recB, _ := ix.Record("b.txt")
	if recA.Sections != 2 || !recA.ModTime.Equal(t0.Add(time.Hour)) {
		t.Errorf("a.txt record %+v", recA)
	}
	if recB.Size != 999 || !recB.ModTime.Equal(t0.Add(2*time.Hour)) || recB.Hash != oldB.Hash || recB.Sections != 2 {
		t.Errorf("b.txt record %+v", recB)
	}
	if st, _ := ix.Stats(); st.Sections != 4 {
		t.Errorf("%d sections; want 4", st.Sections)
	}
	n := 0
	if err := ix.Sections(nil, func(*SectionRecord) error { n++; return nil }); err != nil || n != 4 {
		t.Errorf("%d stored sections (%v); want 4", n, err)
	}
}
