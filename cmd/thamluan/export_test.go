package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportCommand exports the demo index in every format and checks each file's make.
func TestExportCommand(t *testing.T) {
	idx := demoIndex(t)
	out := t.TempDir()
	tests := []struct {
		format string
		check  func(t *testing.T, data []byte)
	}{
		{"md", wantText("# Tổng hợp kiến nghị, đề xuất", "## Kinh tế tư nhân, doanh nghiệp ngoài nhà nước", "tham-luan.txt, phần")},
		{"csv", wantText("\ufefftệp,phần,tiêu đề phần", "Chuyển đổi số", "ky-yeu-hoi-thao.txt,1,")},
		{"matrix-csv", wantText("\ufefftổ chức / người trình bày", "tổng số phần")},
		{"docx", wantZip("word/document.xml", "word/styles.xml", "[Content_Types].xml")},
		{"qdpx", wantZip("project.qde")},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			file := filepath.Join(out, "export."+tt.format)
			if code, _, stderr := runCmd(t, "export", "--index", idx, "--format", tt.format, "--out", file); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, data)
		})
	}
	left, _ := filepath.Glob(filepath.Join(out, ".*"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

func wantText(subs ...string) func(*testing.T, []byte) {
	return func(t *testing.T, data []byte) {
		for _, s := range subs {
			if !strings.Contains(string(data), s) {
				t.Errorf("export lacks %q:\n%.1500s", s, data)
			}
		}
	}
}

func wantZip(parts ...string) func(*testing.T, []byte) {
	return func(t *testing.T, data []byte) {
		zr, err := zip.NewReader(strings.NewReader(string(data)), int64(len(data)))
		if err != nil {
			t.Fatalf("not a zip: %v", err)
		}
		have := map[string]bool{}
		for _, f := range zr.File {
			have[f.Name] = true
		}
		for _, p := range parts {
			if !have[p] {
				t.Errorf("zip lacks %s (has %v)", p, have)
			}
		}
	}
}

// TestExportOpenSearch writes the OpenSearch folder from the demo index and checks its files.
func TestExportOpenSearch(t *testing.T) {
	idx := demoIndex(t)
	out := filepath.Join(t.TempDir(), "os")
	if code, _, stderr := runCmd(t, "export", "--index", idx, "--format", "opensearch", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	mapping, err := os.ReadFile(filepath.Join(out, "mapping.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"shingle"`, `"asciifolding"`, `"lowercase"`} {
		if !strings.Contains(string(mapping), want) {
			t.Errorf("mapping.json lacks %s", want)
		}
	}
	bulk, _ := filepath.Glob(filepath.Join(out, "bulk-*.ndjson"))
	if len(bulk) == 0 {
		t.Fatal("no bulk files")
	}
	data, _ := os.ReadFile(bulk[0])
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) < 2 || len(lines)%2 != 0 || !strings.Contains(lines[0], `"index"`) {
		t.Errorf("bulk file is not action/source pairs: %d lines, first %q", len(lines), lines[0])
	}
}
