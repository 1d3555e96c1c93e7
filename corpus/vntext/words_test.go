package vntext

import "testing"

func TestIsLowerRoman(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{{"iv", true}, {"xii", true}, {"l", true}, {"", false}, {"IV", false}, {"ix.", false}, {"mục", false}}
	for _, tt := range tests {
		if got := IsLowerRoman(tt.in); got != tt.want {
			t.Errorf("IsLowerRoman(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestIsASCIILower(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{{"to chuc", true}, {"", true}, {"To chuc", false}, {"tổ chức", false}, {"a-1 b", true}}
	for _, tt := range tests {
		if got := IsASCIILower(tt.in); got != tt.want {
			t.Errorf("IsASCIILower(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
