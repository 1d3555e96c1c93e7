package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name, path string
		data       string
		want       string
	}{
		{"pdf", "a.pdf", "%PDF-1.7\n...", FormatPDF},
		{"pdf 2.0 with wrong extension", "a.txt", "%PDF-2.0\n", FormatPDF},
		{"pdf after junk bytes", "a.bin", "\x00\x00%PDF-1.4", FormatPDF},
		{"docx", "a.docx", "PK\x03\x04....[Content_Types].xml....word/document.xml", FormatDOCX},
		{"docx named txt", "a.txt", "PK\x03\x04....[Content_Types].xml", FormatDOCX},
		{"plain zip", "a.zip", "PK\x03\x04....other.bin", ""},
		{"html", "a.txt", "<!DOCTYPE html><html><body>x</body></html>", FormatHTML},
		{"html with BOM", "a.htm", "\ufeff  <html lang=vi>", FormatHTML},
		{"text", "a.txt", "Hội thảo khoa học\n", FormatText},
		{"text without extension", "README", "Đảng bộ tỉnh\n", FormatText},
		{"text named pdf", "a.pdf", "this is not a PDF", ""},
		{"empty pdf", "a.pdf", "", ""},
		{"binary", "a.bin", "\x00\x01\x02\x03", ""},
		{"utf-16", "a.txt", "\xff\xfeH\x00", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff(tt.path, []byte(tt.data)); got != tt.want {
				t.Errorf("Sniff(%q) = %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

func TestReadErrorsNameFileAndReason(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"empty.pdf":    "",
		"notapdf.pdf":  "this is not a pdf",
		"binary.dat":   "\x00\x01\x02",
		"fake.docx":    "hello",
		"bad-zip.docx": "PK\x03\x04[Content_Types].xml garbage",
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name := range files {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			_, err := Read(p, ReadOptions{})
			if err == nil {
				t.Fatalf("Read(%s) succeeded, want an error", name)
			}
			if !strings.Contains(err.Error(), name) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	if _, err := Read(filepath.Join(dir, "missing.txt"), ReadOptions{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v, want ErrNotExist", err)
	}
	if _, err := Read(dir, ReadOptions{}); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("folder: %v", err)
	}
}

func TestReadText(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "bai.txt")
	text := "Hội thảo khoa học\r\n\r\nĐảng bộ có 14.300 đảng viên.\r\nCác chi bộ họp định kỳ.\r\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := Read(p, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != FormatText || doc.Path != p || len(doc.Hash) != 64 || doc.Size != int64(len(text)) {
		t.Errorf("document identity: %+v", doc)
	}
	if doc.Title != "Hội thảo khoa học" {
		t.Errorf("title %q", doc.Title)
	}
	if len(doc.Blocks) < 2 || doc.Blocks[0].Text != "Hội thảo khoa học" {
		t.Errorf("blocks %+v", doc.Blocks)
	}
}

func TestDiscover(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a.txt", "sub/b.pdf", "sub/c.docx", "sub/d.html", "sub/.hidden.txt", ".git/x.txt",
		"notes.json", "workshop.toml", "img.png", "sub/deep/e.md", "sub/noext"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		data := "văn bản"
		if p == "sub/noext" {
			data = "%PDF-1.4 ..."
		}
		os.WriteFile(full, []byte(data), 0o644)
	}
	rel := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	tests := []struct {
		name string
		opt  DiscoverOptions
		want string
	}{
		{"all", DiscoverOptions{}, "a.txt sub/b.pdf sub/c.docx sub/d.html sub/deep/e.md sub/noext"},
		{"include pdf", DiscoverOptions{Include: []string{"*.pdf"}}, "sub/b.pdf"},
		{"exclude folder", DiscoverOptions{Exclude: []string{"*/deep/*"}}, "a.txt sub/b.pdf sub/c.docx sub/d.html sub/noext"},
		{"exclude name", DiscoverOptions{Exclude: []string{"*.docx", "a.*"}}, "sub/b.pdf sub/d.html sub/deep/e.md sub/noext"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Discover([]string{dir}, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if g := strings.Join(rel(got), " "); g != tt.want {
				t.Errorf("got %s\nwant %s", g, tt.want)
			}
		})
	}
	if _, err := Discover([]string{filepath.Join(dir, "nope")}, DiscoverOptions{}); err == nil {
		t.Error("a missing folder gave no error")
	}
}

func TestParseWorkshop(t *testing.T) {
	tests := []struct {
		name, data string
		want       Workshop
		err        string
	}{
		{"full", "title = \"Hội thảo\"\ndate = \"2023-11-15\"\nplace = \"Thanh Hóa\"\norganisers = [\"A\", \"B\"]\n",
			Workshop{Title: "Hội thảo", Date: "2023-11-15", Year: 2023, Place: "Thanh Hóa", Organisers: []string{"A", "B"}}, ""},
		{"year only", "year = 2021\n", Workshop{Year: 2021}, ""},
		{"syntax error", "title = \"x\"\ndate = \n", Workshop{}, "line 2"},
		{"unknown key", "titel = \"x\"\n", Workshop{}, "unknown key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := ParseWorkshop("workshop.toml", []byte(tt.data))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "workshop.toml") {
					t.Fatalf("err %v, want one naming the file and %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w.Title != tt.want.Title || w.Date != tt.want.Date || w.Year != tt.want.Year || w.Place != tt.want.Place || len(w.Organisers) != len(tt.want.Organisers) {
				t.Errorf("got %+v, want %+v", *w, tt.want)
			}
		})
	}
}

func TestFindWorkshopAndMerge(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "2023", "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "2023", WorkshopFile), []byte("title = \"Hội thảo 2023\"\n"), 0o644)
	w, err := FindWorkshop(filepath.Join(dir, "2023", "sub", "a.txt"), dir)
	if err != nil || w == nil || w.Title != "Hội thảo 2023" {
		t.Fatalf("FindWorkshop: %+v, %v", w, err)
	}
	none, err := FindWorkshop(filepath.Join(dir, "a.txt"), dir)
	if err != nil || none != nil {
		t.Errorf("no workshop.toml above: %+v, %v", none, err)
	}
	m := w.Merge(&Workshop{Title: "detected", Date: "2023-11-15", Place: "Huế"})
	if m.Title != "Hội thảo 2023" || m.Date != "2023-11-15" || m.Place != "Huế" {
		t.Errorf("merge: %+v", m)
	}
}
