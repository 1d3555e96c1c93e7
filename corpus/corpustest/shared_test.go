package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSharedDir(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, env, want string
	}{
		{"environment wins", dir, dir},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("THAMLUAN_SHARED", tt.env)
			if got := SharedDir(); got != tt.want {
				t.Errorf("SharedDir() = %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("beside the repository", func(t *testing.T) {
		t.Setenv("THAMLUAN_SHARED", "")
		got := SharedDir()
		if got == "" {
			t.Skip("../shared is absent beside this checkout")
		}
		if _, err := os.Stat(filepath.Join(got, "README.md")); err != nil {
			t.Errorf("SharedDir() = %q has no README.md: %v", got, err)
		}
	})
	t.Run("Shared skips on a missing path", func(t *testing.T) {
		t.Setenv("THAMLUAN_SHARED", dir)
		ran := false
		t.Run("inner", func(t *testing.T) {
			Shared(t, "no/such/file")
			ran = true
		})
		if ran {
			t.Error("Shared did not skip for a missing path")
		}
	})
}

func TestTokenF1(t *testing.T) {
	tests := []struct {
		got, ref string
		want     float64
	}{
		{"Đảng bộ tỉnh", "đảng bộ tỉnh", 1},
		{"chi bộ\nhọp", "họp chi bộ", 1},
		{"a b", "c d", 0},
		{"a b", "a b c d", 2 * 1.0 * 0.5 / 1.5},
		{"\u0110a\u0309ng", "đảng", 1}, // NFD input matches NFC
	}
	for _, tt := range tests {
		if got := TokenF1(tt.got, tt.ref); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("TokenF1(%q, %q) = %v, want %v", tt.got, tt.ref, got, tt.want)
		}
	}
}
