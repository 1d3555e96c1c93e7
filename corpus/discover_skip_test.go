package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiscoverSkip checks that with DiscoverOptions.Skip a missing named path is reported and
// skipped while the rest is found, and that without it Discover stops at it as before.
func TestDiscoverSkip(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a/mot.txt", "b/hai.txt"} {
		p := filepath.Join(dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("Chi bộ họp định kỳ."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "khong-co")
	var skipped []string
	opt := DiscoverOptions{Skip: func(p string, err error) {
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s skipped for %v, want a missing file", p, err)
		}
		skipped = append(skipped, p)
	}}
	files, err := Discover([]string{filepath.Join(dir, "a"), missing, filepath.Join(dir, "b")}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || len(skipped) != 1 || skipped[0] != missing {
		t.Errorf("files %q, skipped %q", files, skipped)
	}
	if _, err := Discover([]string{filepath.Join(dir, "a"), missing}, DiscoverOptions{}); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("without Skip: %v, want the missing path's error", err)
	}
}

// TestDiscoverSkipUnreadable checks a folder that cannot be listed is skipped with its error
// (permissions do not bind root, so there the case cannot be made and the test says so).
func TestDiscoverSkipUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, a folder cannot be made unreadable; cmd/thamluan's TestUnreadableInput covers it as nobody")
	}
	dir := t.TempDir()
	locked := filepath.Join(dir, "khoa")
	os.MkdirAll(locked, 0o755)
	os.WriteFile(filepath.Join(locked, "x.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "y.txt"), []byte("y"), 0o644)
	os.Chmod(locked, 0)
	defer os.Chmod(locked, 0o755)
	var skipped []string
	files, err := Discover([]string{dir}, DiscoverOptions{Skip: func(p string, err error) {
		if errors.Is(err, fs.ErrPermission) {
			skipped = append(skipped, p)
		}
	}})
	if err != nil || len(files) != 1 || len(skipped) != 1 || skipped[0] != locked {
		t.Errorf("files %q, skipped %q, err %v", files, skipped, err)
	}
}
