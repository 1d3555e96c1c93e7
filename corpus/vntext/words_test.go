package vntext

import "testing"

func TestIsLowerRoman(t *testing.T) {
	for in, want := range map[string]bool{"iv": true, "xii": true, "l": true, "": false, "IV": false, "ix.": false, "mục": false} {
		if got := IsLowerRoman(in); got != want {
			t.Errorf("IsLowerRoman(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestIsASCIILower(t *testing.T) {
	for in, want := range map[string]bool{"to chuc": true, "": true, "To chuc": false, "tổ chức": false, "a-1 b": true} {
		if got := IsASCIILower(in); got != want {
			t.Errorf("IsASCIILower(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestCountCase(t *testing.T) {
	cases := []struct {
		in             string
		letters, upper int
	}{
		{"", 0, 0},
		{"ĐẢNG VIÊN", 8, 8},
		{"Chi bộ 3", 5, 1},
		{"1, 2; 3!", 0, 0},
		{"Xây dựng ĐẢNG", 11, 5},
	}
	for _, c := range cases {
		if l, u := CountCase(c.in); l != c.letters || u != c.upper {
			t.Errorf("CountCase(%q) = %d, %d; want %d, %d", c.in, l, u, c.letters, c.upper)
		}
	}
}

func TestIsCapsLine(t *testing.T) {
	for s, want := range map[string]bool{"PẮC": true, "NÂNG CAO HIỆU QUẢ": true, "ĐẢNG BỘ HUYỆN Krông": false, "12.": false, "AB": false} {
		if got := IsCapsLine(s); got != want {
			t.Errorf("IsCapsLine(%q) = %v, want %v", s, got, want)
		}
	}
}
