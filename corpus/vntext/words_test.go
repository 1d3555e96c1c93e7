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
