// Package corpustest finds the shared development data (../shared beside the repository) for
// tests and benchmarks, and skips them with a message where it is absent.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// SharedDir returns the shared data folder: $THAMLUAN_SHARED when set, else the folder "shared"
// beside the repository root (the folder holding go.mod). It returns "" when there is none.
func SharedDir() string {
	if d := os.Getenv("THAMLUAN_SHARED"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			s := filepath.Join(dir, "..", "shared")
			if st, err := os.Stat(s); err == nil && st.IsDir() {
				return s
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Shared returns the path of rel inside the shared data folder, or skips tb with a message when
// the folder or the path is absent (a user's fresh clone has no ../shared).
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	d := SharedDir()
	if d == "" {
		tb.Skipf("../shared is absent: skipping a test on the shared development data (%s)", rel)
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent: %v", p, err)
	}
	return p
}
