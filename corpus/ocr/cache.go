package ocr

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// cacheEntry is what the cache keeps of one page read by OCR: Tesseract's words as it gave
// them, so that a change of repair or layout rules never needs OCR again.
type cacheEntry struct {
	Words  []Word  `json:"words"`
	Width  int     `json:"width"` // of the image, in pixels
	Height int     `json:"height"`
	DPI    int     `json:"dpi"`
	Blank  bool    `json:"blank,omitempty"`
	Skew   float64 `json:"skew,omitempty"`
}

// cacheKey names a page's OCR text by the file's hash, the page, the engine's version and
// installed models, and every setting that changes the result.
func cacheKey(hash string, page int, engine, settings string) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%d\x00%s\x00%s", hash, page, engine, settings)
	return hex.EncodeToString(h.Sum(nil))
}

func cachePath(dir, key string) string {
	return filepath.Join(dir, key[:2], key+".json")
}

// cacheGet returns the cached page for key, if any; a damaged entry is a miss.
func cacheGet(dir, key string) (*cacheEntry, bool) {
	if dir == "" {
		return nil, false
	}
	data, err := os.ReadFile(cachePath(dir, key))
	if err != nil {
		return nil, false
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil {
		return nil, false
	}
	return &e, true
}

// cachePut stores a page under key, writing a temporary file and renaming it so that a reader
// never sees half an entry.
func cachePut(dir, key string, e *cacheEntry) error {
	if dir == "" {
		return nil
	}
	p := cachePath(dir, key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("bộ nhớ đệm OCR %s: %w", dir, err)
	}
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("bộ nhớ đệm OCR %s: %w", dir, err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), p)
}
