package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// FormatVersion names the layout of a thamluan index: its fields, analyzers and what each field
// holds. It changes whenever an index built before would be misread by this version (version 2:
// bigrams of common syllables only, one tokenisation, accent-exact queries on the exact fields).
const FormatVersion = 2

// formatFile records the FormatVersion in an index folder.
const formatFile = "thamluan_format.json"

// ErrFormat is wrapped by Open, OpenWriter and OpenOrCreate for an index built by another
// version of thamluan, which this one would misread.
var ErrFormat = errors.New("index built by another version of thamluan")

// FormatError says which format an index folder holds and how to rebuild it. Its message is
// for the person running thamluan, in Vietnamese.
type FormatError struct {
	Dir  string
	Have int // 0: no version recorded (an index from before versions were recorded)
}

// Error implements error.
func (e *FormatError) Error() string {
	have := "không ghi phiên bản"
	if e.Have > 0 {
		have = fmt.Sprintf("phiên bản %d", e.Have)
	}
	return fmt.Sprintf("chỉ mục %s được lập bởi một phiên bản khác của thamluan (định dạng %s, cần phiên bản %d) nên không thể đọc đúng; "+
		"hãy lập lại chỉ mục: xoá thư mục %s rồi chạy `thamluan index --index %s TỆP_HOẶC_THƯ_MỤC...`", e.Dir, have, FormatVersion, e.Dir, e.Dir)
}

// Unwrap returns ErrFormat.
func (e *FormatError) Unwrap() error { return ErrFormat }

type formatRecord struct {
	Format int `json:"format"`
}

func writeFormat(dir string) error {
	data, _ := json.Marshal(formatRecord{Format: FormatVersion})
	return os.WriteFile(filepath.Join(dir, formatFile), append(data, '\n'), 0o644)
}

// checkFormat refuses an index folder whose recorded format is not FormatVersion.
func checkFormat(dir string) error {
	data, err := os.ReadFile(filepath.Join(dir, formatFile))
	if errors.Is(err, os.ErrNotExist) {
		return &FormatError{Dir: dir}
	}
	if err != nil {
		return fmt.Errorf("open index %s: %w", dir, err)
	}
	var rec formatRecord
	if err := json.Unmarshal(data, &rec); err != nil || rec.Format != FormatVersion {
		return &FormatError{Dir: dir, Have: rec.Format}
	}
	return nil
}
