package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"thamluan/corpus"
	"thamluan/pipeline"
)

// newRecurringFixture serves an index of the four workshops of testdata/recurring.
func newRecurringFixture(t *testing.T) *fixture {
	t.Helper()
	folders, _ := filepath.Glob(filepath.Join("..", "..", "..", "testdata", "recurring", "w*"))
	paths, err := corpus.Discover(folders, corpus.DiscoverOptions{})
	if err != nil || len(paths) != 4 {
		t.Fatalf("testdata/recurring: %d files, %v", len(paths), err)
	}
	a := pipeline.NewAnalyzer(nil, pipeline.SegmentOptions{})
	var docs []*corpus.Document
	for _, p := range paths {
		doc, err := corpus.Read(p, corpus.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		w, err := corpus.FindWorkshop(p, "")
		if err != nil {
			t.Fatal(err)
		}
		a.Analyze(doc)
		doc.Workshop = w.Merge(doc.Workshop)
		docs = append(docs, doc)
	}
	return serveDocs(t, t.TempDir(), Options{}, docs...)
}

// TestRecurringPages checks the recurring proposals and comparison pages, their API and their
// downloads on the labelled workshops of testdata/recurring.
func TestRecurringPages(t *testing.T) {
	f := newRecurringFixture(t)
	res, body := f.do(t, "GET", "/recurring")
	if res.StatusCode != 200 || !strings.Contains(body, "Kiến nghị lặp lại") || strings.Count(body, `class="rec thread"`) < 5 ||
		!strings.Contains(body, `class="timeline"`) {
		t.Errorf("/recurring: %d, %d threads drawn", res.StatusCode, strings.Count(body, `class="rec thread"`))
	}
	res, body = f.do(t, "GET", "/api/recurring")
	var threads []struct {
		Years   []int
		Members []struct{ Workshop string }
	}
	if err := json.Unmarshal([]byte(body), &threads); res.StatusCode != 200 || err != nil || len(threads) < 5 {
		t.Fatalf("/api/recurring: %d, %v, %d threads", res.StatusCode, err, len(threads))
	}
	res, body = f.do(t, "GET", "/compare?a=2022&b=2023-2024")
	if res.StatusCode != 200 || !strings.Contains(body, "Kiến nghị lặp lại") || !strings.Contains(body, "Kiến nghị mới ở B") ||
		!strings.Contains(body, `<table class="compare">`) {
		t.Errorf("/compare: %d\n%s", res.StatusCode, body)
	}
	res, body = f.do(t, "GET", "/api/compare?a=2022&b=2024")
	var rep struct {
		SectionsA int `json:"sections_a"`
		Recurring []any
	}
	if err := json.Unmarshal([]byte(body), &rep); res.StatusCode != 200 || err != nil || len(rep.Recurring) == 0 {
		t.Errorf("/api/compare: %d, %v: %s", res.StatusCode, err, body)
	}
	for _, c := range []struct {
		path string
		code int
		want string
	}{
		{"/compare", 200, "So sánh hai hội thảo"},
		{"/compare?a=2022", 400, "cả hai vế"},
		{"/compare?a=2022&b=khong-co-hoi-thao-nay", 400, "các hội thảo trong chỉ mục"},
		{"/api/compare", 400, "hai vế"},
	} {
		res, body := f.do(t, "GET", c.path)
		if res.StatusCode != c.code || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d, want %d with %q", c.path, res.StatusCode, c.code, c.want)
		}
	}
}

// TestRecurringExports checks the Markdown and Word downloads of recurring proposals and of a
// comparison: the Markdown names the years of a thread; the Word file is a zip with a document.
func TestRecurringExports(t *testing.T) {
	f := newRecurringFixture(t)
	for _, c := range []struct{ path, want string }{
		{"/export/kien-nghi-lap-lai.md", "các năm 2022, 2023, 2024"},
		{"/export/so-sanh.md?a=2022&b=2024", "## Kiến nghị lặp lại"},
	} {
		res, body := f.do(t, "GET", c.path)
		if res.StatusCode != 200 || !strings.Contains(body, c.want) {
			t.Errorf("%s: %d, want %q in\n%s", c.path, res.StatusCode, c.want, body)
		}
	}
	for _, p := range []string{"/export/kien-nghi-lap-lai.docx", "/export/so-sanh.docx?a=2022&b=2024"} {
		res, body := f.do(t, "GET", p)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d", p, res.StatusCode)
		}
		zr, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
		if err != nil {
			t.Fatalf("%s: not a zip: %v", p, err)
		}
		found := false
		for _, f := range zr.File {
			found = found || f.Name == "word/document.xml"
		}
		if !found {
			t.Errorf("%s: no word/document.xml", p)
		}
	}
}
