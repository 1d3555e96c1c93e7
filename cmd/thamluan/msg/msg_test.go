package msg

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"thamluan/index"
	"thamluan/pipeline"
)

// TestQuery runs malformed queries through a real index and checks each is explained in
// Vietnamese, marked where the problem is, and repaired into a query the index accepts.
func TestQuery(t *testing.T) {
	ix, err := index.Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	valid := func(q string) error { _, err := ix.Search(index.Request{Query: q, Size: 1}); return err }
	tests := []struct {
		query, msg, at, fixed string
	}{
		{`"chuyển đổi (số`, "ngoặc kép mở mà không đóng", `"`, "chuyển đổi số"},
		{`(chuyển đổi số`, "«(» không được đóng", "(", "chuyển đổi số"},
		{`đảng viên )`, "«)» không có «(»", ")", "đảng viên"},
		{`chi bộ OR`, "OR thiếu từ", "OR", "chi bộ"},
		{`chi bộ OR OR đảng`, "OR thiếu từ", "OR", "chi bộ OR đảng"},
		{`chi () bộ`, "ngoặc rỗng", "(", "chi bộ"},
		{`"" chi bộ`, "ngoặc kép rỗng", `"`, "chi bộ"},
		{`ch*yen`, "dấu * không ở cuối từ", "c", "chyen"},
		{`c* đảng`, "tiền tố quá ngắn", "c", "c đảng"},
		{`-chi -bộ`, "chỉ có điều kiện loại trừ", "", "chi bộ"},
		{`year:abc chi bộ`, "bộ lọc năm không hợp lệ", "y", "chi bộ"},
		{`speaker: chi bộ`, "thiếu giá trị", "s", "chi bộ"},
		{`"chi (bộ`, "ngoặc kép", `"`, "chi bộ"}, // two problems, repaired one after the other
		{`   `, "không có gì để tìm", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			_, err := ix.Search(index.Request{Query: tt.query})
			p, ok := Query(err, valid)
			if !ok {
				t.Fatalf("error %v is not a query problem", err)
			}
			if !strings.Contains(p.Msg, tt.msg) {
				t.Errorf("message %q, want it to say %q", p.Msg, tt.msg)
			}
			if _, at, _ := p.Parts(); !strings.HasPrefix(at, tt.at) || (tt.at == "") != (at == "") {
				t.Errorf("marked %q, want %q", at, tt.at)
			}
			if p.Fixed != tt.fixed {
				t.Errorf("fixed %q, want %q", p.Fixed, tt.fixed)
			}
			if p.Fixed != "" {
				if err := valid(p.Fixed); err != nil {
					t.Errorf("the repaired query %q is refused: %v", p.Fixed, err)
				}
			}
			for _, en := range []string{"unclosed", "query", "character", "needs"} {
				if strings.Contains(p.Error(), en) {
					t.Errorf("English %q in %q", en, p.Error())
				}
			}
		})
	}
	if _, ok := Query(errors.New("other"), nil); ok {
		t.Errorf("an error that is not about the query was taken for one")
	}
}

func TestThemeFilters(t *testing.T) {
	tests := []struct{ q, want string }{
		{"chi bộ theme:nope", "nope"},
		{"-theme:solutions +(theme:a OR theme:\"b c\")", "solutions|a|b c"},
		{"retheme:x Theme:Solutions", "Solutions"},
		{"không có bộ lọc", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(ThemeFilters(tt.q), "|"); got != tt.want {
			t.Errorf("ThemeFilters(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestCheckThemes(t *testing.T) {
	cb := pipeline.DefaultCodebook()
	if err := CheckThemes(cb, "chi bộ theme:solutions", []string{"digital-transformation"}); err != nil {
		t.Errorf("valid themes refused: %v", err)
	}
	err := CheckThemes(cb, "chi bộ theme:nope", []string{"khong-co"})
	var ut *UnknownThemeError
	if !errors.As(err, &ut) || len(ut.Unknown) != 2 {
		t.Fatalf("unknown themes: %v", err)
	}
	for _, want := range []string{"«nope»", "«khong-co»", "`digital-transformation` (Chuyển đổi số)", "`shortcomings` (Hạn chế, yếu kém)"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
}

func TestDescribe(t *testing.T) {
	dir := t.TempDir()
	_, missing := os.Open(filepath.Join(dir, "thieu.pdf"))
	ix, err := index.Create(filepath.Join(dir, "i"))
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	_, notIndex := index.Open(dir)
	tests := []struct {
		err  error
		want string
	}{
		{fmt.Errorf("discover x: %w", missing), "không tìm thấy " + filepath.Join(dir, "thieu.pdf")},
		{&fs.PathError{Op: "open", Path: "/a/b.docx", Err: fs.ErrPermission}, "không có quyền đọc hoặc ghi /a/b.docx"},
		{notIndex, "không phải chỉ mục thamluan"},
		{Errorf("không ghi được %s: %w", "x.csv", missing), "không ghi được x.csv: không tìm thấy"},
		{&pipeline.CodebookError{File: "bo-ma.toml", Line: 3, Msg: "thiếu id"}, "bộ mã bo-ma.toml, dòng 3"},
		{&pipeline.CodebookError{File: "b.toml", Line: 7, Msg: `theme "x": cue "số" has weight 0 (want more than 0, at most 5)`}, `chủ đề "x": dấu hiệu "số" có trọng số 0 (cần lớn hơn 0, tối đa 5)`},
		{&pipeline.CodebookError{File: "b.toml", Line: 1, Msg: `theme 1: id "" must be lower-case letters, digits and '-'`}, `chủ đề thứ 1: mã "" chỉ được gồm`},
	}
	for _, tt := range tests {
		if got := Describe(tt.err); !strings.Contains(got, tt.want) {
			t.Errorf("Describe(%v) = %q, want it to contain %q", tt.err, got, tt.want)
		}
		if got := Describe(tt.err); strings.Contains(got, "no such file") || strings.Contains(got, "permission denied") {
			t.Errorf("Describe(%v) = %q: English left", tt.err, got)
		}
	}
}

func TestFlagError(t *testing.T) {
	tests := []struct{ en, want string }{
		{"flag provided but not defined: -nope", "không có cờ -nope"},
		{`invalid value "abc" for flag -size: parse error`, `giá trị "abc" của cờ -size không hợp lệ`},
		{"flag needs an argument: -index", "cờ -index cần một giá trị"},
	}
	for _, tt := range tests {
		if got := FlagError(errors.New(tt.en)); got != tt.want {
			t.Errorf("FlagError(%q) = %q, want %q", tt.en, got, tt.want)
		}
	}
}

func TestYearsInOrder(t *testing.T) {
	got := YearsInOrder([]index.FacetCount{{Value: "2023", Count: 9}, {Value: "2019", Count: 1}, {Value: "2021", Count: 5}})
	if got[0].Value != "2019" || got[1].Value != "2021" || got[2].Value != "2023" {
		t.Errorf("years %+v, want 2019, 2021, 2023", got)
	}
}
