package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiscoverPatterns(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"2019/ky-yeu.pdf":          "%PDF-1.4\n",
		"2019/tham-luan.docx":      "PK\x03\x04",
		"2019/drafts/nhap.txt":     "Bản nháp tham luận.",
		"2020/tin.html":            "<html><body><p>Tin hội thảo.</p></body></html>",
		"2020/ghi-chu.txt":         "Ghi chú của ban tổ chức.",
		"2020/workshop.toml":       "title = \"Hội thảo 2020\"\n",
		"2020/anh.png":             "\x89PNG",
		"2020/khong-duoi":          "%PDF-1.5\n",
		"2020/.an/bi-mat.txt":      "Tệp ẩn.",
		"2020/du-lieu.bin":         "\x00\x01\x02",
		"2021/scan/trang-01.pdf":   "%PDF-1.4\n",
		"2021/scan/ghi-chu-ai.txt": "Tệp văn bản trong thư mục quét.",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	all := "2019/drafts/nhap.txt 2019/ky-yeu.pdf 2019/tham-luan.docx 2020/ghi-chu.txt 2020/khong-duoi 2020/tin.html 2021/scan/ghi-chu-ai.txt 2021/scan/trang-01.pdf"
	tests := []struct {
		name             string
		include, exclude []string
		want             string
	}{
		{"everything, sniffing the file without extension", nil, nil, all},
		{"include by extension", []string{"*.pdf"}, nil, "2019/ky-yeu.pdf 2021/scan/trang-01.pdf"},
		{"include two patterns", []string{"*.pdf", "*.docx"}, nil, "2019/ky-yeu.pdf 2019/tham-luan.docx 2021/scan/trang-01.pdf"},
		{"include a folder tail", []string{"2020/*"}, nil, "2020/ghi-chu.txt 2020/khong-duoi 2020/tin.html"},
		{"include with **/", []string{"**/scan/*.pdf"}, nil, "2021/scan/trang-01.pdf"},
		{"exclude a folder by name", nil, []string{"drafts", "scan"}, "2019/ky-yeu.pdf 2019/tham-luan.docx 2020/ghi-chu.txt 2020/khong-duoi 2020/tin.html"},
		{"exclude a path pattern, folders too", nil, []string{"2019/*"}, "2020/ghi-chu.txt 2020/khong-duoi 2020/tin.html 2021/scan/ghi-chu-ai.txt 2021/scan/trang-01.pdf"},
		{"exclude by name", nil, []string{"ghi-chu*"}, "2019/drafts/nhap.txt 2019/ky-yeu.pdf 2019/tham-luan.docx 2020/khong-duoi 2020/tin.html 2021/scan/trang-01.pdf"},
		{"include and exclude", []string{"*.txt"}, []string{"*/drafts/*"}, "2020/ghi-chu.txt 2021/scan/ghi-chu-ai.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Discover([]string{dir}, DiscoverOptions{Include: tt.include, Exclude: tt.exclude})
			if err != nil {
				t.Fatal(err)
			}
			var rel []string
			for _, p := range got {
				rel = append(rel, relSlash(dir, p))
			}
			if s := strings.Join(rel, " "); s != tt.want {
				t.Errorf("got  %s\nwant %s", s, tt.want)
			}
		})
	}
}

func TestDiscoverKeepsTypedPaths(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Văn bản."), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, arg := range []string{".", "a.txt", "./"} {
		got, err := Discover([]string{arg}, DiscoverOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want := filepath.Join(arg, "a.txt")
		if arg == "a.txt" {
			want = "a.txt"
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("Discover(%q) = %q; want [%q]", arg, got, want)
		}
	}
}
