package pdf

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// render writes the text layer in the golden-file form: each page's lines, then its furniture.
func render(d *Document) string {
	var b strings.Builder
	for _, p := range d.Pages {
		fmt.Fprintf(&b, "== page %d\n", p.Number)
		for _, l := range p.Lines {
			kind := ""
			if l.Bold {
				kind = " bold"
			}
			fmt.Fprintf(&b, "[c%d %.0fpt%s] %s\n", l.Column, l.Size, kind, l.Text)
		}
		for _, f := range p.Furniture {
			fmt.Fprintf(&b, "furniture: %s\n", f)
		}
	}
	return b.String()
}

func TestFixtures(t *testing.T) {
	tests := []struct {
		file      string
		pages     int
		want      []string // lines that must be in the body, in this order
		furniture []string // texts that must have been removed as headers, footers, page numbers
	}{
		{"lo-txt.pdf", 1, []string{"I. TÌNH HÌNH CHUNG", "Chi bộ khu phố Bến Nghé có ba mươi hai đảng viên,", "1. Đổi mới nội dung sinh hoạt"}, nil},
		{"lo-hf.pdf", 3, []string{"I. THỰC TRẠNG", "1. Những kết quả đạt được", "2. Hạn chế, yếu kém", "II. GIẢI PHÁP"},
			[]string{"Đảng bộ phường Bến Thành – Tài liệu hội thảo", "Trang 2"}},
		{"chromium-hf.pdf", 2, []string{"I. THỰC TRẠNG", "1. Những kết quả đạt được", "II. GIẢI PHÁP"},
			[]string{"Hội thảo xây dựng Đảng ở cơ sở", "Trang 1 / 2"}},
		{"chromium-twocol.pdf", 1, []string{"I. THỰC TRẠNG", "1. Những kết quả đạt được", "2. Hạn chế, yếu kém", "II. GIẢI PHÁP"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Extract(data, Options{})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if len(d.Pages) != tt.pages {
				t.Errorf("got %d pages, want %d", len(d.Pages), tt.pages)
			}
			got := render(d)
			body := bodyText(d)
			pos := 0
			for _, w := range tt.want {
				i := strings.Index(body[pos:], w)
				if i < 0 {
					t.Errorf("body lacks %q after offset %d (or out of reading order)", w, pos)
					continue
				}
				pos += i + len(w)
			}
			for _, f := range tt.furniture {
				if strings.Contains(body, f) {
					t.Errorf("header/footer %q left in the body", f)
				}
				if !strings.Contains(got, "furniture: "+f) {
					t.Errorf("header/footer %q not reported as furniture", f)
				}
			}
			golden(t, strings.TrimSuffix(tt.file, ".pdf")+".txt", got)
		})
	}
}

func bodyText(d *Document) string {
	var b strings.Builder
	for _, p := range d.Pages {
		for _, l := range p.Lines {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// TestBadInput feeds damaged copies of a fixture: each must give an error or text, never a panic
// or a hang.
func TestBadInput(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "lo-hf.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	garbage := append([]byte(nil), good...)
	for i := len(garbage) / 3; i < len(garbage)/3+4000 && i < len(garbage); i++ {
		garbage[i] = byte(i * 7)
	}
	pdf20 := bytes.Replace(good, []byte("%PDF-1.7"), []byte("%PDF-2.0"), 1)
	pdf20 = bytes.Replace(pdf20, []byte("%PDF-1.4"), []byte("%PDF-2.0"), 1)
	badXref := bytes.Replace(good, []byte("startxref\n"), []byte("startxref\n9"), 1)
	tests := []struct {
		name    string
		data    []byte
		wantErr error // nil: text must come out
	}{
		{"empty", nil, ErrNotPDF},
		{"not a PDF", []byte("hello, this is plain text"), ErrNotPDF},
		{"header only", []byte("%PDF-1.4\n"), nil},
		{"truncated to 60%", good[:len(good)*6/10], errDamaged}, // the page tree is in the lost part
		{"last 300 bytes cut", good[:len(good)-300], nil},
		{"garbage in the middle", garbage, nil},
		{"PDF 2.0 header", pdf20, nil},
		{"broken startxref", badXref, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Extract(tt.data, Options{Timeout: 10 * time.Second})
			switch {
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Errorf("got error %v, want %v", err, tt.wantErr)
				}
			case tt.name == "header only":
				if err == nil {
					t.Errorf("a header alone gave no error")
				}
			case err != nil:
				t.Errorf("Extract: %v", err)
			case !strings.Contains(bodyText(d), "GIẢI PHÁP"):
				t.Errorf("text not recovered:\n%s", render(d))
			}
		})
	}
}

func TestEncrypted(t *testing.T) {
	tests := []struct {
		file    string
		wantErr error // nil: the text must come out
	}{
		{"lo-txt-rc4-40.pdf", nil},
		{"lo-txt-aes128.pdf", nil},
		{"lo-txt-aes256.pdf", nil},
		{"lo-txt-userpw.pdf", ErrEncrypted},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Extract(data, Options{})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), "encrypted") {
					t.Errorf("got error %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if body := bodyText(d); !strings.Contains(body, "Chi bộ khu phố Bến Nghé có ba mươi hai đảng viên") {
				t.Errorf("text not decrypted:\n%s", body)
			}
		})
	}
}
